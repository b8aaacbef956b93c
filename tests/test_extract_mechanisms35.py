"""Thirty-fifth pass of the article extraction's general mechanisms (issue 17). Every sentence here was written for
these tests, not taken from a gold set; places, dates and phrasings are varied on purpose. Positive rows fail on
main's code; guard rows pass on both.

- A scene sentence (a day, no event word) that names its one place twice ('from the village of X ... on the edge of
  the village') still sets the scene: the next place-less event of the paragraph is there, that day
  (:func:`utils.importers.article.reading.read_sentence`). Main counted the two mentions as two places and set none.
"""

from __future__ import annotations

import pytest
from extraction import candidates


def rows_of(text: str, published: str = "2015-03-12") -> list[tuple[str, str, str]]:
    """(event day, sub-event type, location) of each candidate."""
    return [(r["event_date"], r["sub_event_type"], r["location"]) for r in candidates(text, published)]


@pytest.mark.parametrize("text, expected", [
    # positive rows (fail on main: the scene's place named twice, so no scene, and the event had no place)
    ("A farmer speaking by telephone from the village of Nawa said soldiers had surrounded a farm on the edge of the "
     "village at dawn on Monday. He said a gunman inside blew himself up, killing two soldiers.",
     [("2015-03-09", "Suicide bomb", "Nawá")]),
    ("Soldiers reached Saraqib on Monday morning, and by noon they had surrounded the centre of Saraqib. A car bomb "
     "exploded, killing two soldiers.", [("2015-03-09", "Remote explosive/landmine/IED", "Saraqib")]),
    # guards (pass on main too): two places named, so no one scene
    ("Soldiers moved from Saraqib towards Sarmin on Monday morning. A car bomb exploded, killing two soldiers.", []),
])
def test_a_scene_names_its_one_place_twice(text: str, expected: list) -> None:
    assert rows_of(text) == expected
