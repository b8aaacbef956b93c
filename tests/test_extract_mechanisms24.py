"""Twenty-fourth pass of the article extraction's general mechanisms (issue 17). The Syrian army as the taker of
ground (:mod:`utils.importers.article.army_takers`): when the subject of a taking verb is the army ('army units had on
Friday seized the hill', "Syria's army and allied militias captured the village") or its agent in the passive ('was
taken by the army'), the ground is the government's regained, not a non-state actor's; a foreign army, a named
faction with 'Army' in its name and a storming are no such gain. And an apposition 'one of ...' between a speaker
and its verb (:mod:`utils.importers.article.subjects`) no longer hides the speaker: 'A spokesman for the X Brigade,
one of the factions in the town, denied this' is the spokesman's account. Every sentence here was written for these
tests, not taken from a gold set; places, dates and phrasings are varied on purpose. Guard rows must not change."""

from __future__ import annotations

import pytest
from extraction import candidates

from utils.importers.article.army_takers import army_takes
from utils.importers.article.attribution import attribution_in

GAIN = "Government regains territory"


def types(text: str, published: str) -> list[str]:
    return [r["sub_event_type"] for r in candidates(text, published)]


@pytest.mark.parametrize("text, published", [
    ("Army units had on Friday taken full control of Morek, a military source told the state news agency.",
     "2019-08-25"),
    ("Syria's army and allied militias captured the village of Kinsabba in the Latakia mountains on Wednesday, "
     "state television said.", "2016-02-05"),
    ("Troops and \"allied forces\" had seized Mayadin on Saturday after heavy fighting, the general command said.",
     "2017-10-16"),
    ("Khan Shaykhun was taken by the army and its allied militias on Tuesday, state media said.", "2019-08-22"),
])
def test_the_army_takes_ground(text, published):
    assert GAIN in types(text, published), candidates(text, published)


@pytest.mark.parametrize("text, published", [
    # a named faction with 'Army' in its name, a foreign army, a storming: no government gain
    ("Fighters of the Nusra Front and the Islam Army captured the town of Adra on Wednesday, activists said.",
     "2013-12-13"),
    ("Turkish troops took control of the town of Jindires on Thursday, the Turkish army said.", "2018-03-10"),
])
def test_no_government_gain(text, published):
    assert GAIN not in types(text, published), candidates(text, published)


@pytest.mark.parametrize("before, verb, expected", [
    ("Army units had on Friday ", "seized the hill.", True),
    ("The town was ", "taken by government forces on Monday.", True),
    ("Syria's army and allied militias ", "captured the village.", True),
    ("Rebels said the army ", "took the hill.", True),  # the words next to the verb: the army is their subject
    # guards
    ("The Islam Army ", "took the town.", False),
    ("Russian troops ", "took the base.", False),
    ("The Free Syrian Army ", "took the hill.", False),
    ("The army said rebels ", "took the hill.", False),
    ("The town was ", "taken by Turkish troops.", False),
])
def test_army_takes(before, verb, expected):
    assert army_takes(before, verb) is expected


@pytest.mark.parametrize("sentence, claimant", [
    ("A spokesman for the Sham Legion, one of the factions in the town, denied this, saying its fighters still held "
     "the hill.", "Spokesman for the Sham Legion"),
    ("A commander of the Hamza Division, among the groups fighting there, said the attack had been repelled.",
     "Commander of the Hamza Division"),
])
def test_a_speaker_before_an_apposition(sentence, claimant):
    stated = attribution_in(sentence, sentence, [])
    assert stated is not None and stated.claimed_by == claimant, stated


def test_a_denier_tells_the_fight_past_an_apposition():
    text = ("A military source told state media that troops had taken Tal Hamra, a hill east of the town, on Sunday. "
            "A spokesman for the Sham Legion, one of the rebel factions in the area, denied this, saying his fighters "
            "still held the hill on Sunday evening.")
    rows = candidates(text, "2016-11-29")
    assert "Armed clash" in [r["sub_event_type"] for r in rows], rows
