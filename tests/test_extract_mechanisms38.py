"""Thirty-eighth pass of the article extraction's general mechanisms (issue 17). Every sentence here was written for
these tests, not taken from a gold set; places, dates and phrasings are varied on purpose. Positive rows fail on
main's code; guard rows pass on both.

- A weekday that points back into the story ('that Friday', 'the following Monday', 'the Monday that followed',
  'the previous Wednesday') is a day of the narrative's week, read against the date the text last named with its
  year (:func:`utils.importers.article.story_weekdays.story_weekdays`), not the latest such weekday before
  publication. Main dated a retrospective's 'that Friday evening' to the week it was published, years later.
"""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.calendar_days import Dated
from utils.importers.article.story_weekdays import story_weekdays


def dated_rows(text: str, published: str) -> list[tuple[str, str]]:
    """(event date, location) of each candidate."""
    return [(r["event_date"], r["location"]) for r in candidates(text, published)]


_STORY = ("The worst night came on 11 August 2017, a year into the siege. {sentence} Residents still speak of it, "
          "the author notes.")


@pytest.mark.parametrize("sentence, day", [
    # positive rows (fail on main: the weekday was read against publication, in 2024)
    ("Late that Friday, government aircraft bombed the market in Saraqib, killing four people.", "2017-08-11"),
    ("On the Sunday that followed, artillery shelled Saraqib, wounding six civilians.", "2017-08-13"),
    ("The following Tuesday, aircraft struck Saraqib again, killing two people.", "2017-08-15"),
])
def test_a_story_weekday_is_a_day_of_the_narrative(sentence: str, day: str) -> None:
    rows = dated_rows(_STORY.format(sentence=sentence), "2024-03-20")
    assert (day, "Saraqib") in rows


@pytest.mark.parametrize("text, published, day", [
    # guards (pass on main too): a bare weekday in a news report is the latest before publication
    ("Government aircraft bombed the market in Saraqib on Friday, killing four people, a monitor said.",
     "2024-03-20", "2024-03-15"),
    ("In a report on 2 March 2024 the monitor counted 40 strikes. Artillery shelled Saraqib on Monday, wounding "
     "six civilians, activists said.", "2024-03-20", "2024-03-18"),
])
def test_a_bare_weekday_stays_with_publication(text: str, published: str, day: str) -> None:
    assert (day, "Saraqib") in dated_rows(text, published)


@pytest.mark.parametrize("sentence, narrative, days", [
    ("That Friday the town was shelled.", date(2017, 8, 11), [date(2017, 8, 11)]),
    ("that Thursday evening", date(2017, 8, 11), [date(2017, 8, 10)]),
    ("the preceding Saturday", date(2017, 8, 11), [date(2017, 8, 5)]),
    ("the next Friday", date(2017, 8, 11), [date(2017, 8, 18)]),
    ("the Wednesday before, it rained", date(2017, 8, 11), [date(2017, 8, 9)]),
    ("that Monday", date(2017, 8, 11), [date(2017, 8, 14)]),  # the nearest Monday
    ("on Friday", date(2017, 8, 11), []),  # no pointer back: left to the publication reading
])
def test_story_weekdays(sentence: str, narrative: date, days: list[date]) -> None:
    assert [d.day for _, _, d in story_weekdays(sentence, Dated(narrative, "day"))] == days
    assert story_weekdays(sentence, None) == []
