"""Thirty-sixth pass of the article extraction's general mechanisms (issue 17). Every sentence here was written for
these tests, not taken from a gold set; places, dates and phrasings are varied on purpose. Positive rows fail on
main's code; guard rows pass on both.

- An offset that closes its clause ('jets struck the town the following day', 'shelled it hours later') dates that
  clause (:func:`utils.importers.article.clauses.closes_its_clause`): it is no cut when no event word follows it and
  it takes no event of its own ('two weeks after the raid'). Main cut the sentence at it, so the event word, left
  in the clause before, took the day before.
- A date inside a comparison's baseline clause ('the first strike in the area since the two sides agreed in
  September on a truce') is the baseline's, not the compared event's
  (:func:`utils.importers.article.baselines.in_baseline_clause`). Main dated the compared event to September, a
  recalled event of its own.
- A text that opens on an anniversary ('Six years ago today, ...') tells its story on that day
  (:func:`utils.importers.article.past_texts.anniversary_lead`, :data:`utils.importers.article.relative_dates.ANNIVERSARY`),
  whatever day its title line names. Main read 'six years ago' alone, to the year, and dated the story's undated
  sentences to the week of publication.
"""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.dates import find_dates


def rows_of(text: str, published: str = "2017-10-18") -> list[tuple[str, str, str]]:
    """(event day, sub-event type, location) of each candidate."""
    return [(r["event_date"], r["sub_event_type"], r["location"]) for r in candidates(text, published)]


_SHELLING = "Mortar shells fell on Jisr al-Shughur on Sunday, wounding four people, a monitor said. "


@pytest.mark.parametrize("text, day", [
    # positive rows (fail on main: the event took Sunday, the day before)
    (_SHELLING + "Government helicopters dropped barrel bombs on Kafr Nabl the following day.", "2017-10-16"),
    (_SHELLING + "Aircraft struck rebel positions west of Kafr Nabl the next day in what the army called a reply.",
     "2017-10-16"),
    # guards (pass on main too): the offset opens the sentence, or it takes an event of its own
    (_SHELLING + "The next day government helicopters dropped barrel bombs on Kafr Nabl.", "2017-10-16"),
    (_SHELLING + "Government helicopters dropped barrel bombs on Kafr Nabl on Tuesday.", "2017-10-17"),
])
def test_an_offset_closing_its_clause_dates_it(text: str, day: str) -> None:
    assert rows_of(text)[-1][0] == day


@pytest.mark.parametrize("text, expected", [
    # positive row (fails on main: the compared strike was dated to the baseline's month)
    (_SHELLING + "It was the first known government air strike in the area since Russia and Turkey agreed in "
     "August on a truce.", "2017-10-15"),
    # guards (pass on main too): the compared shelling refers back; a date right after 'since' is the baseline's
    (_SHELLING + "It was the heaviest shelling of the town since the rebels took it in May.", "2017-10-15"),
    (_SHELLING + "It was the heaviest shelling of the town since May.", "2017-10-15"),
])
def test_a_date_in_a_comparisons_baseline_clause_is_not_the_events(text: str, expected: str) -> None:
    assert {r[0] for r in rows_of(text)} == {expected}


@pytest.mark.parametrize("phrase, published, expected", [  # positive rows (fail on main: 'six years ago', a year)
    ("Six years ago today, the convoy left", date(2020, 4, 9), date(2014, 4, 9)),
    ("It happened ten years ago to the day.", date(2021, 11, 30), date(2011, 11, 30)),
    ("Two years ago today it snowed.", date(2024, 2, 29), date(2022, 2, 28)),
])
def test_an_anniversary_is_that_day(phrase: str, published: date, expected: date) -> None:
    days = [m.dated for m in find_dates(phrase, published) if m.kind == "date"]
    assert [(d.day, d.precision) for d in days] == [(expected, "day")]


_ANNIVERSARY = ("Wednesday 18 October 2017 - Remembrance\n\nSix years ago today, before dawn, gunmen came down from the "
                "hills above the village.\n\nIn Kafr Nabl alone 30 people were killed in their houses, residents "
                "said.")


@pytest.mark.parametrize("text, expected", [
    # positive row (fails on main: the killing was dated to the week of publication, six years late)
    (_ANNIVERSARY, [("2011-10-18", "Attack", "Kafranbel")]),
    # guard (passes on main too): 'six years ago' alone is that year, and the news stays the title line's day
    (_ANNIVERSARY.replace("Six years ago today", "Six years ago"), [("2017-10-18", "Attack", "Kafranbel")]),
])
def test_a_text_opening_on_an_anniversary_tells_its_story_then(text: str, expected: list) -> None:
    assert rows_of(text) == expected
