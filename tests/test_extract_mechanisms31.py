"""Thirty-first pass of the article extraction's general mechanisms (issue 17): a capital in words addressed to its
government is no place.

"as Western criticism of Damascus mounted", "calls on Damascus to end the offensive" and "Damascus and Moscow deny"
name the government, not the city (:func:`utils.importers.article.place_names.is_capital_metonym`); main read a second
candidate at Damascus for the sentence's event. Every sentence here was written for these tests, not taken from a gold
set; places, dates and phrasings are varied on purpose. Guard rows must not change."""

from __future__ import annotations

import pytest
from extraction import candidates, place_index

from utils.importers.article.place_names import is_capital_metonym


def rows_of(text: str, published: str) -> list[tuple[str, str, str]]:
    """(event day, location, claimant) of each candidate."""
    return [(r["event_date"], r["location"], r["claimed_by"]) for r in candidates(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    # positive rows (fail on main: a second candidate at Damascus)
    ("Syrian troops shelled the town of Rastan on Sunday, killing nine people, activists said. The assault came as "
     "Western criticism of Damascus mounted.", "2012-02-07", [("2012-02-05", "Ar Rastan", "Activists")]),
    ("Government jets bombed the town of Saraqib on Thursday, killing 11 people, the monitor said, as Gulf states "
     "stepped up calls on Damascus to end the offensive.", "2015-06-13", [("2015-06-11", "Saraqib", "Monitor")]),
    # guards (pass on main too): Damascus as the place of the act
    ("Rebels shelled Damascus and Homs on Sunday, killing six people, state media said.", "2014-04-15",
     [("2014-04-13", "Damascus and Homs", "State media")]),
    ("Rockets hit a school in Damascus on Sunday, killing two children, as calls on the rebels to leave the suburbs "
     "grew, state media said.", "2014-04-15", [("2014-04-13", "Damascus", "State media")]),
])
def test_a_capital_addressed_is_its_government(text: str, published: str, expected: list) -> None:
    assert rows_of(text, published) == expected, candidates(text, published)


@pytest.mark.parametrize("sentence, metonym", [
    # positive rows (fail on main)
    ("Air strike kills 12 in camp, monitor says; Damascus and Moscow deny their jets took part", True),
    ("The talks stalled as pressure on Damascus grew.", True),
    ("The league issued an ultimatum to Damascus on Saturday.", True),
    # guards (pass on main too)
    ("Damascus and Moscow said the camp had not been hit.", True),
    ("Shells fell on Damascus on Monday.", False),
    ("Jets struck targets south of Damascus and near Homs.", False),
])
def test_capital_metonym_words(sentence: str, metonym: bool) -> None:
    damascus = place_index().lookup("Damascus")
    assert damascus is not None
    assert is_capital_metonym(sentence, sentence.index("Damascus"), damascus) is metonym
