"""Twenty-first pass of the article extraction's general mechanisms (issue 17): a text about the past is read in its
own time, and a summary is one event with its account. A day or month named with no year, far before publication,
after the text named a date with its year, is of the narrative's year ('On 20 August 2012 ... on 24 August'); the
undated sentences of a text that opens on a time years before it was written (an encyclopedia page, a memoir) are of
that month, not of the week it was published; the text's own date ('last edited on') dates no event; and the outlet's
undated summary of an event ('SUMMARY: clashes near Manbij') takes the day of the account told after it. Every sentence
here was written for these tests, not taken from a gold set; places, dates and phrasings are varied on purpose.
Negative rows must not change."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.dates import Dated
from utils.importers.article.past_texts import past_lead, text_date
from utils.importers.article.sentences import split_sentences
from utils.importers.article.that_year import narrative_day


def rows(text: str, published: str) -> list[tuple[str, str, str]]:
    return [(r["event_date"], r["date_precision"], r["sub_event_type"]) for r in candidates(text, published)]


# --- a bare day or month in the narrative's year ---------------------------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    # the story's year, named with its date; the next day named bare is of that year, not of last year
    ("Government forces entered Qusayr on 5 June 2013. On 9 June aircraft struck the village of Buwaydah, killing six "
     "people.", "2016-02-10", ("2013-06-09", "day", "Air/drone strike")),
    ("Rebel fighters entered Saraqib on 3 March 2013, residents recall. On 9 March government aircraft struck the "
     "town's market, killing 11 people.", "2020-05-12", ("2013-03-09", "day", "Air/drone strike")),
    # a step back, weeks before the date named: still that year
    ("Fighters stormed Tal Abyad on 21 September 2014. Weeks before, on 30 August, a car bomb exploded in the town's "
     "market.", "2020-03-01", ("2014-08-30", "day", "Remote explosive/landmine/IED")),
    ("The siege of Talbiseh began on 2 June 2013. In the second week the army shelled the town, and on 14 June rebels "
     "attacked a checkpoint at its northern entrance.", "2019-11-02", ("2013-06-14", "day", "Armed clash")),
])
def test_bare_date_in_the_narrative_year(text, published, expected):
    found = rows(text, published)
    assert found[-1] == expected, found


@pytest.mark.parametrize("text, published, expected", [
    # days before publication: news dates a bare day by its own time, whatever year the background named
    ("The town fell to rebels in March 2013. On 8 May government aircraft struck the market in Saraqib, killing 11 "
     "people.", "2020-05-12", [("2020-05-08", "day", "Air/drone strike")]),
    # the bare day lies months from the date named (more than 120 days either way): not read in its year
    ("Talks on the town began on 15 January 2016. On 20 August aircraft struck the market in Saraqib, killing 11 "
     "people.", "2020-12-20", [("2020-08-20", "day", "Air/drone strike")]),
])
def test_bare_date_of_the_news(text, published, expected):
    assert rows(text, published) == expected


@pytest.mark.parametrize("dated, narrative, published, expected", [
    (Dated(date(2018, 8, 24), "day"), Dated(date(2012, 8, 20), "day"), date(2019, 3, 10), Dated(date(2012, 8, 24), "day")),
    # a flashback to May, two months before the date named: that year's May
    (Dated(date(2018, 5, 3), "day"), Dated(date(2012, 7, 20), "day"), date(2019, 5, 1), Dated(date(2012, 5, 3), "day")),
    # a month: the narrative's September, not last year's
    (Dated(date(2020, 9, 15), "month"), Dated(date(2015, 7, 15), "month"), date(2021, 1, 11),
     Dated(date(2015, 9, 15), "month")),
    # within 45 days of publication, or no earlier year named: unchanged
    (Dated(date(2020, 12, 15), "month"), Dated(date(2015, 7, 15), "month"), date(2021, 1, 11),
     Dated(date(2020, 12, 15), "month")),
    (Dated(date(2018, 8, 24), "day"), None, date(2019, 3, 10), Dated(date(2018, 8, 24), "day")),
    (Dated(date(2018, 8, 24), "day"), Dated(date(2018, 2, 1), "day"), date(2019, 3, 10), Dated(date(2018, 8, 24), "day")),
])
def test_narrative_day(dated, narrative, published, expected):
    assert narrative_day(dated, narrative, published) == expected


# --- the undated sentences of a text about the past ----------------------------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    # an encyclopedia page: its edit date is the text's own; the story is of June 2014
    ("From the Test Archive. This page was last edited on 4 April 2021.\n\nThe Kafr Nabl market bombing was an air "
     "strike on a market in Kafr Nabl in early June 2014, during the civil war.\n\nGovernment forces also shelled the "
     "town of Maarat al-Numan, residents said.", "2021-04-04", ("2014-06-15", "month", "Shelling/artillery/missile attack")),
    # a memoir, published years after the summer it tells
    ("Chapter three. Published by Test Press, 2 May 2020.\n\nI remember the heat. It was a Sunday, 14 July 2013, and "
     "the road to Talbiseh was empty.\n\nThe army shelled Talbiseh from the hills, and we ran to the basement.",
     "2020-05-02", ("2013-07-15", "month", "Shelling/artillery/missile attack")),
    # a retrospective: its opening names the battle's time
    ("A retrospective.\n\nThe battle for Khan Tuman began in the spring of 2016 and ended in early May 2016.\n\nRebels "
     "captured the village of al-Eis after heavy fighting, a commander said.", "2021-06-01",
     ("2016-05-15", "month", "Non-state actor overtakes territory")),
])
def test_undated_sentence_of_a_text_about_the_past(text, published, expected):
    found = rows(text, published)
    assert found[-1] == expected, found


@pytest.mark.parametrize("text, published, expected", [
    # news: the lead's event comes first; a background date after it is not the story's time
    ("Aircraft struck a market in Kafr Nabl, killing 12 people, rescuers said.\n\nThe town has been bombed "
     "repeatedly since June 2014.\n\nGovernment forces also shelled the town of Maarat al-Numan, residents said.",
     "2021-04-04", [("2021-04-03", "week", "Air/drone strike"), ("2021-04-03", "week", "Shelling/artillery/missile attack")]),
    # an update line dates the text, and the text is news: the publication's eve
    ("This story was updated on 3 April 2021.\n\nGovernment forces shelled the town of Maarat al-Numan, residents "
     "said.", "2021-04-04", [("2021-04-03", "week", "Shelling/artillery/missile attack")]),
])
def test_undated_sentence_of_the_news(text, published, expected):
    assert rows(text, published) == expected


@pytest.mark.parametrize("before, expected", [
    ("This page was last edited on ", True),
    ("Published by Test Harbour Books, ", True),
    ("First posted ", True),
    ("Aircraft struck the town on ", False),
    ("The siege began in ", False),
])
def test_text_date(before, expected):
    assert text_date(before) is expected


def test_past_lead():
    """The opening's date with its year, to the month; None once a sentence told an event before any such date."""
    past = split_sentences("It was a Sunday, 14 July 2013, and the road was empty. The army shelled the town.")
    assert past_lead(past, date(2020, 5, 2)) == Dated(date(2013, 7, 15), "month")
    news = split_sentences("Aircraft struck a market in Kafr Nabl. The town was first bombed in June 2014.")
    assert past_lead(news, date(2021, 4, 4)) is None
    recent = split_sentences("It was a Sunday, 14 July 2019, and the road was empty.")
    assert past_lead(recent, date(2020, 5, 2)) is None


# --- a summary ahead of the account that gives the event its day -------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a cable's or a report's summary line, then the numbered account with the day: one event, that day
    ("SUMMARY: clashes near Manbij. END SUMMARY.\n\n2. On 6 March fighters of the two sides clashed near Manbij for "
     "several hours, the council said.", [("2020-03-06", "day", "Armed clash")]),
    ("SUMMARY: Turkish drone strike near Kobani. END SUMMARY.\n\n1. On 2 March a Turkish drone struck a car near Kobani, "
     "the SDF said. Two fighters were killed.", [("2020-03-02", "day", "Air/drone strike")]),
])
def test_summary_takes_the_day_of_its_account(text, expected):
    assert rows(text, "2020-03-12") == expected


@pytest.mark.parametrize("text, expected", [
    # the account's day is a month back: another event, not the one the lead tells
    ("Aircraft struck the market in Saraqib, killing nine people.\n\nThe town was also struck on 10 February, rescuers "
     "said.", [("2020-03-11", "week", "Air/drone strike"), ("2020-02-10", "day", "Air/drone strike")]),
    # another kind of event at the place: the summary keeps its own row
    ("Highlights: a drone strike near Kobani.\n\nOn 2 March Turkish artillery shelled villages near Kobani, the SDF "
     "said.", [("2020-03-02", "day", "Air/drone strike"), ("2020-03-02", "day", "Shelling/artillery/missile attack")]),
])
def test_summary_kept_apart(text, expected):
    assert rows(text, "2020-03-12") == expected
