"""Thirty-fourth pass of the article extraction's general mechanisms (issue 17): an attack whose own clause names a
ground force as the attacker ('rebels attacked', 'an attack by militants') is a ground attack
(:func:`utils.importers.article.attackers.by_ground_force`): a recent air strike no longer lends it its type, and it
no longer merges, as a generic 'attack', into that strike. Main gave one row, the strike's. Every sentence here was
written for these tests, not taken from a gold set; places, dates and phrasings are varied on purpose. Guard rows
must not change."""

from __future__ import annotations

import pytest
from extraction import candidates

from utils.importers.article.attackers import by_ground_force
from utils.importers.article.event_types import find_triggers

_JETS = "Government jets bombed Saraqib on Tuesday, killing six people, activists said. "
_STRIKE = ("2015-03-10", "Air/drone strike", "Saraqib", "Activists")


def rows_of(text: str) -> list[tuple[str, str, str, str]]:
    """(event day, sub-event type, location, claimant) of each candidate."""
    return [(r["event_date"], r["sub_event_type"], r["location"], r["claimed_by"])
            for r in candidates(text, "2015-03-12")]


@pytest.mark.parametrize("text, expected", [
    # positive rows (fail on main: the attack typed as the strike before it and merged into it)
    (_JETS + "Rebels attacked an army checkpoint in Saraqib on Tuesday, the activists said.",
     [_STRIKE, ("2015-03-10", "Armed clash", "Saraqib", "Activists")]),
    ("Warplanes struck Jisr al-Shughur on Monday, the monitor said. Militants then attacked army posts near "
     "Jisr al-Shughur on Monday, it said.",
     [("2015-03-09", "Air/drone strike", "Jisr ash Shughūr", "Monitor"),
      ("2015-03-09", "Armed clash", "Jisr ash Shughūr", "Monitor")]),
    # guards (pass on main too): no attacker named, the strike is told again
    (_JETS + "The town came under attack again on Tuesday, the activists said.", [_STRIKE]),
    # the attack is the capture's manner: the capture is the event
    (_JETS + "Rebels took the nearby village of Sarmin in a surprise attack on Tuesday, the activists said.",
     [_STRIKE, ("2015-03-10", "Non-state actor overtakes territory", "Sarmīn", "Activists")]),
    # an earlier ground attack recalled as what came before
    ("Government jets bombed Saraqib on Tuesday, activists said. The raid came two days after a rebel assault on "
     "an army post near Saraqib.", [_STRIKE]),
    # another source's account stays its own row
    ("Jets pounded Douma on Sunday, residents said. The state agency said troops had repelled an attack by "
     "insurgents on positions near Douma on Sunday.",
     [("2015-03-08", "Air/drone strike", "Dūmā", "Residents"), ("2015-03-08", "Armed clash", "Dūmā", "State agency")]),
])
def test_an_attack_by_a_ground_force_is_its_own_event(text: str, expected: list) -> None:
    assert rows_of(text) == expected


@pytest.mark.parametrize("sentence, word, expected", [
    ("Syrian rebels attacked a base near the city.", "attacked", True),  # the subject
    ("Fighters of the group launched the assault on the base.", "assault", True),  # a longer subject
    ("Troops repelled an attack by insurgents on the post.", "attack", True),  # the agent after 'by'
    ("The town came under attack on Monday.", "came", False),  # no attacker named
    ("Rebels took the village in a surprise attack.", "attack", False),  # the capture's manner
    ("The raid came days after a rebel assault on the post.", "assault", False),  # an earlier event
    ("Jets attacked rebel positions near the town.", "attacked", False),  # aircraft: 'rebel' is the target
    ("Militants fled, and jets attacked the convoy.", "attacked", False),  # the force is another clause's
])
def test_by_ground_force(sentence: str, word: str, expected: bool) -> None:
    trigger = next(t for t in find_triggers(sentence) if t.text.lower().startswith(word))
    assert by_ground_force(sentence, trigger, (0, len(sentence))) is expected
