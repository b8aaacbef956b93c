"""Twenty-ninth pass of the article extraction's general mechanisms (issue 17): a dateline's date is the filing day.

"HOMS, 3 June (X Agency) - A car bomb exploded ... on Sunday" opens with where and when the report was filed; the
day of the event is the sentence's own ("on Sunday"). A dateline was known when its date came month first ("BEIRUT,
Nov 14 (X) -"); written day first ("ANKARA, 25 December 2020 -", "DAMASCUS, 24 December 2011 (X) -") its date was
read as a date of the sentence, and the lead's. Now a dateline is one either way
(:func:`utils.importers.article.places.dateline_end`), the lead date is never a dateline's
(:func:`utils.importers.article.context.lead_date`), and a claimant keeps no dateline before it ('June 2 (X Agency) -
Army officers'). Every sentence here was written for these tests, not taken from a gold set; places, dates and
phrasings are varied on purpose. Guard rows must not change.

Also: a date that opens a statement ("Earlier this month the army said it had taken X on June 3") is when it was
said when what is said gives a day of its own (:func:`utils.importers.article.dating.trigger_date`); "at the end of
May" is the month, not the verb 'may' (:func:`utils.importers.article.dates.find_dates`)."""

from __future__ import annotations

import pytest
from extraction import candidates

from utils.importers.article.places import dateline_end


def dated(text: str, published: str) -> list[tuple[str, str]]:
    """(event day, date precision) of each candidate."""
    return [(r["event_date"], r["date_precision"]) for r in candidates(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    # positive end-to-end rows (fail on main: the dateline's day is read as the event's)
    ("HOMS, 3 June (Test Orontes Agency) - A car bomb exploded at a checkpoint in Talkalakh on Sunday, killing five "
     "soldiers, state media said.", "2014-06-03", ("2014-06-01", "day")),
    ("IDLIB, 21 October 2019 - Shelling hit the market in Kafranbel on Saturday evening, killing four civilians, a "
     "local monitor said.", "2019-10-21", ("2019-10-19", "day")),
    # with no day in the sentence, a day-first dateline reads as a month-first one does: the lead, to the week
    ("ALEPPO, 9 March 2016 (Test Plains Wire) - Government helicopters dropped barrel bombs on Anadan, killing seven "
     "people, activists said.", "2016-03-09", ("2016-03-08", "week")),
    # nor is the lead a month-first dateline's date (main read the lead from it, though not the sentence's day)
    ("BEIRUT, Mar 9 (Test Plains Wire) - Government helicopters dropped barrel bombs on Anadan, killing seven "
     "people, activists said.", "2016-03-09", ("2016-03-08", "week")),
])
def test_a_day_first_dateline_is_the_filing_day(text: str, published: str, expected: tuple[str, str]) -> None:
    assert dated(text, published) == [expected], candidates(text, published)


@pytest.mark.parametrize("text, published, expected", [
    # guards (pass on main too): a month-first dateline; a date in the sentence that is no dateline's
    ("BEIRUT, Nov 14 (Test Wire) - Air strikes hit Darat Izza on Monday, killing nine people, a war monitor said.",
     "2017-11-14", ("2017-11-13", "day")),
    ("On 9 March 2016 government helicopters dropped barrel bombs on Anadan, killing seven people, activists said.",
     "2016-03-12", ("2016-03-09", "day")),
])
def test_other_dates_still_read(text: str, published: str, expected: tuple[str, str]) -> None:
    assert dated(text, published) == [expected], candidates(text, published)


def test_a_claimant_keeps_no_dateline() -> None:
    # fails on main: 'June 2 (Test Orontes Agency) - Army officers'
    rows = candidates("HAMA, June 2 (Test Orontes Agency) - Army officers said government troops had shelled Kafr "
                      "Zita on Saturday, killing three rebels.", "2014-06-02")
    assert [r["claimed_by"] for r in rows] == ["Army officers"], rows


@pytest.mark.parametrize("sentence, dateline", [
    ("DAMASCUS, 24 December 2011 (Test Wire) - Two car bombs", "DAMASCUS, 24 December 2011 (Test Wire) - "),
    ("ANKARA, 25 December 2020 - The ministry said", "ANKARA, 25 December 2020 - "),
    ("KOBLENZ, 13 January - The court heard", "KOBLENZ, 13 January - "),
    # guards: month first, a weekday, no date, no dateline at all
    ("BEIRUT, Jan 6 (AP) -- Jets struck", "BEIRUT, Jan 6 (AP) -- "),
    ("AMMAN, Friday 19 January 2024 - The army", "AMMAN, Friday 19 January 2024 - "),
    ("DAMASCUS (Reuters) - A blast", "DAMASCUS (Reuters) - "),
    ("On 24 December 2011 - the day after - two bombs", ""),
])
def test_dateline_end(sentence: str, dateline: str) -> None:
    assert sentence[:dateline_end(sentence)] == dateline


@pytest.mark.parametrize("text, published, expected", [
    # positive rows (fail on main: the opening date, when it was said, was the nearest to the event word)
    ("Earlier this month the rebels said they had captured the village of Anadan on 4 March after two days of "
     "fighting.", "2016-03-20", ("2016-03-04", "day")),
    ("On Friday the monitor said air strikes had hit Saraqib on 2 February, killing five people.", "2018-02-10",
     ("2018-02-02", "day")),
    # guards (pass on main too): no day in what is said; the opening date with no speaker after it; the day of
    # what is said already the nearest
    ("Last month, the army said helicopters had bombed Kafr Zita on 9 November.", "2015-12-12", ("2015-11-09", "day")),
    ("Earlier this month the rebels said they had captured the village of Anadan after two days of fighting.",
     "2016-03-20", ("2016-03-15", "month")),
    ("On Friday activists said jets struck Saraqib, killing five people.", "2018-02-10", ("2018-02-09", "day")),
    ("On 4 March rebels captured the village of Anadan and said they would hold it until 10 March.", "2016-03-20",
     ("2016-03-04", "day")),
    ("Last week, state media said government troops had retaken Kafr Nabudah on Tuesday, 7 May.", "2019-05-16",
     ("2019-05-07", "day")),
])
def test_a_statement_opened_by_its_day_dates_the_event_by_the_day_it_tells(
        text: str, published: str, expected: tuple[str, str]) -> None:
    assert dated(text, published) == [expected], candidates(text, published)


@pytest.mark.parametrize("text, published, expected", [
    # positive rows (fail on main: 'of May' was passed over as the verb 'may', so the month was lost)
    ("Heavy fighting was reported in Hasakah last week. At the end of May, militants attacked army positions near "
     "Tal Tamr, killing 12 soldiers, state media said.", "2015-06-27", ("2015-05-15", "month")),
    ("At the beginning of May government aircraft bombed Anadan, killing six people, activists said.", "2016-06-20",
     ("2016-05-15", "month")),
    # guards (pass on main too): a day of that month names the part; 'may' the verb; another month
    ("At the end of May, when troops entered Talbiseh on 29 May, activists said 40 people were killed.", "2011-10-02",
     ("2011-05-29", "day")),
    ("Activists said the army may shell Talbiseh again, after it shelled the town on Sunday.", "2011-10-02",
     ("2011-10-02", "day")),
    ("At the end of April militants attacked army positions near Tal Tamr, killing 12 soldiers, state media said.",
     "2015-06-27", ("2015-04-15", "month")),
])
def test_the_end_of_may_is_a_month(text: str, published: str, expected: tuple[str, str]) -> None:
    assert dated(text, published)[-1] == expected, candidates(text, published)
