"""Thirty-ninth pass of the article extraction's general mechanisms (issue 17). Every sentence here was written for
these tests, not taken from a gold set; places, dates and phrasings are varied on purpose. Positive rows fail on
main's code; guard rows pass on both.

- Two reports told in sentences of their own that each name a different town more than 6 km apart are two events
  (:func:`utils.importers.article.named_towns.two_named_towns`), even when a headline naming several places lies
  between them. Main merged them into one row at a place within 10 km of both, chaining through the headline.
- A crowd told by its purpose ('residents gathered at the town hall to protest against the arrests', 'villagers
  assembled in the square to demonstrate') is a peaceful protest (``side_triggers._GATHERED_TO_PROTEST``). Main had
  no trigger for it and gave no row.
"""

from __future__ import annotations

import pytest
from extraction import candidates


def places(text: str, published: str) -> list[str]:
    """Location of each candidate."""
    return [r["location"] for r in candidates(text, published)]


@pytest.mark.parametrize("text, place", [
    # positive rows (fail on main: the second town's strike merged into the first town's row, under 10 km off)
    ("Daily bulletin - Monday 15 March 2021\n\nAir strikes kill nine; teams respond in Binnish and Sarmin\n\n"
     "At about 11:00 on Monday two air strikes hit the grain market of Idlib city, killing nine people.\n\n"
     "At about 15:30 an air strike hit a chicken farm in Binnish.", "Binnish"),
    ("Field report - Friday 12 March 2021\n\nAt noon on Friday an air strike hit the vegetable market of Saraqib, "
     "killing four people.\n\nIn the evening an air strike hit a mill in Sarmin, wounding two workers.", "Sarmīn"),
])
def test_two_named_towns_are_two_events(text: str, place: str) -> None:
    assert place in places(text, "2021-03-17")


@pytest.mark.parametrize("text, count", [
    # guards (pass on main too): one act told twice, at a city and at a place in it, or by its own name again
    ("A car bomb exploded in Jableh on Sunday, killing six people. The bomb went off in Jableh's bus station, "
     "state media said.", 1),
    ("Aircraft bombed Ariha on Tuesday, killing three people. The strike on Ariha hit a bakery, rescuers said.", 1),
    # two towns far apart were two events on main too
    ("Weekly digest, 19 March 2021\n\nOn Thursday a drone strike hit a car in Jisr al-Shughur, killing two men, "
     "activists said.\n\nThe same afternoon a drone strike hit a checkpoint in Darkush, activists said.", 2),
])
def test_one_act_told_twice_stays_one(text: str, count: int) -> None:
    assert len(places(text, "2021-03-17")) == count


def typed_rows(text: str, published: str) -> list[tuple[str, str, str]]:
    """(event date, sub-event type, location) of each candidate."""
    return [(r["event_date"], r["sub_event_type"], r["location"]) for r in candidates(text, published)]


@pytest.mark.parametrize("text, row", [
    # positive rows (fail on main: no protest trigger, no row)
    ("Dozens of residents gathered on Friday outside the town hall of Jasim to protest against the arrests.",
     ("2021-03-12", "Peaceful protest", "Jāsim")),
    ("On Sunday hundreds of villagers assembled in the square of Nawa to demonstrate against the new checkpoint.",
     ("2021-03-14", "Peaceful protest", "Nawá")),
])
def test_a_crowd_gathered_to_protest(text: str, row: tuple[str, str, str]) -> None:
    assert row in typed_rows(text, "2021-03-17")


@pytest.mark.parametrize("text", [
    # guards (pass on main too): troops gathered for an assault are no protest
    "Troops gathered near Jasim on Friday to prepare an assault.",
    "Fighters massed outside Nawa on Sunday to attack the checkpoint.",
])
def test_troops_gathered_are_no_protest(text: str) -> None:
    assert "Peaceful protest" not in [t for _, t, _ in typed_rows(text, "2021-03-17")]
