"""Twenty-sixth pass of the article extraction's general mechanisms (issue 17): dates the text's own words give.

'At the beginning of the month', 'at the start of the month', 'earlier in the month': the publication's month, to
the month (:mod:`utils.importers.article.relative_dates`), as 'earlier this month' already was; before, no date was
read and the act took whatever date the text had named last. Not 'since the start of the month', a tally over a
span to publication.

'In March of that year' takes the year named earlier in the same sentence ('held it for a few weeks in the spring
of 2012 before the army stormed it in March of that year'; :func:`utils.importers.article.that_year.year_dates`),
not only the year named before the sentence, which may be another one. Every sentence here was written for these
tests, not taken from a gold set; places, dates and phrasings are varied on purpose. Guard rows must not change."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.dates import find_dates


def days(text: str, published: str) -> list[tuple[str, str, str]]:
    """(day, date precision, sub-event type) of each candidate."""
    return [(r["event_date"], r["date_precision"], r["sub_event_type"]) for r in candidates(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    # positive end-to-end rows (fail on main: the act is dated by the year named in the sentence before)
    ("An engineer who left the plant in 2015 said it had been attacked before.\n\nThe raid came weeks after the "
     "militants seized the Jazal field near Palmyra at the beginning of the month, when the army pulled back.",
     "2016-09-27", ("2016-09-15", "month", "Non-state actor overtakes territory")),
    ("The council said it had run the town since 2013.\n\nRebels captured the town of Maarat al-Numan at the start of "
     "the month after two nights of fighting, local activists said.",
     "2019-04-24", ("2019-04-15", "month", "Non-state actor overtakes territory")),
    ("In 2016 the government retook the town.\n\nThe town was a rebel stronghold in the summer of 2013 until the "
     "army stormed Talbiseh in October of that year, a local official said.",
     "2020-02-03", ("2013-10-15", "month", "Government regains territory")),
])
def test_the_texts_own_words_date_the_act(text: str, published: str, expected: tuple[str, str, str]) -> None:
    assert expected in days(text, published)


@pytest.mark.parametrize("sentence, published, year_named, expected", [
    # positive unit rows
    ("Fighters took the village at the beginning of the month.", date(2014, 7, 28), None, (date(2014, 7, 15), "month")),
    ("Shelling resumed earlier in the month, residents said.", date(2021, 3, 20), None, (date(2021, 3, 15), "month")),
    ("It fell in the winter of 2012 and was stormed in May of that year.", date(2019, 1, 1), 2017,
     (date(2012, 5, 15), "month")),
    # guards (pass on main too): 'that year' with no year in the sentence is the year named before it
    ("In December that year the army retook the town.", date(2019, 1, 1), 2015, (date(2015, 12, 15), "month")),
    ("Jets struck the market earlier this month.", date(2018, 6, 25), None, (date(2018, 6, 15), "month")),
    ("The army shelled the town last month.", date(2018, 6, 25), None, (date(2018, 5, 15), "month")),
])
def test_date_phrases(sentence: str, published: date, year_named: int | None, expected: tuple[date, str]) -> None:
    dated = [m.dated for m in find_dates(sentence, published, year_named) if m.kind == "date"]
    assert (dated[-1].day, dated[-1].precision) == expected


@pytest.mark.parametrize("sentence", [
    # guard: a tally since the start of the month is a span to publication, not the month's date
    "The coalition says it has carried out more than 200 strikes around Raqqa since the start of the month.",
    # guard: 'the end of the month of July' is the month named, not the publication's
    "Talks were due at the end of the month of July.",
])
def test_no_month_part_read(sentence: str) -> None:
    dated = [m.dated.day for m in find_dates(sentence, date(2017, 9, 8)) if m.kind == "date" and m.dated]
    assert date(2017, 9, 15) not in dated
