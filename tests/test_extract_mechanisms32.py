"""Thirty-second pass of the article extraction's general mechanisms (issue 17): a town's name before a building word
('the X hotel', 'the X mosque') may be the building's own name, so read far from every other place of the article it
is no place of the text (:func:`utils.importers.article.far_places.doubtful`). Main read the town of that name,
hundreds of km away, as a second place of the act. Every sentence here was written for these tests, not taken from a
gold set; places, dates and phrasings are varied on purpose. Guard rows must not change."""

from __future__ import annotations

import pytest
from extraction import candidates

from utils.importers.article.far_places import BUILDING_AFTER

_LEAD = "Rebels stormed the town of al-Mayadin on Monday, the monitor said. "


def rows_of(text: str, published: str) -> list[tuple[str, str, str]]:
    """(event day, location, claimant) of each candidate."""
    return [(r["event_date"], r["location"], r["claimed_by"]) for r in candidates(text, published)]


_MAYADIN = [("2014-06-02", "Al Mayādīn", "Monitor")]


@pytest.mark.parametrize("text, published, expected", [
    # positive rows (fail on main: a second candidate at the far town the building is named after)
    (_LEAD + "Fighters then overran the checkpoint and took positions around the Qardaha hotel on the river bank, "
     "clashing with troops through Monday night, the monitor said.", "2014-06-05", _MAYADIN),
    (_LEAD + "Fighters then overran the checkpoint and took positions around the Salkhad mosque near the market, "
     "clashing with troops through Monday night, the monitor said.", "2014-06-05", _MAYADIN),
    # guards (pass on main too): no building word, the far town is named as a place
    (_LEAD + "Fighters then overran the checkpoint and took positions around the Qardaha road on the river bank, "
     "clashing with troops through Monday night, the monitor said.", "2014-06-05",
     _MAYADIN + [("2014-06-02", "Al Qardāḩah", "Monitor")]),
    # a building named after a town near the article's other places is in that town
    ("Government jets bombed Idlib city on Tuesday, killing seven people, activists said. A second raid hit the "
     "Ariha hospital, they said.", "2015-03-12", None),
])
def test_a_building_named_after_a_far_town(text: str, published: str, expected: list | None) -> None:
    rows = rows_of(text, published)
    if expected is None:
        assert any(location == "Arīḩā" for _, location, _ in rows), rows
    else:
        assert rows == expected, rows


@pytest.mark.parametrize("after, building", [
    (" hotel on the cliffs", True),
    (" Mosque, the town's largest", True),
    (" convent", True),
    (" road to the border", False),
    (" hotels", False),
    (", a hotel", False),
])
def test_building_words(after: str, building: bool) -> None:
    assert bool(BUILDING_AFTER.match(after)) is building
