"""Twenty-second pass of the article extraction's general mechanisms (issue 17). The gazetteer knows Barisha (Idlib,
Harem district) at the point UCDP gives the compound outside it, instead of reading the name as UCDP's Barissa,
45 km south; and a denial of a battle that tells the fight its own way ('denied this, saying its fighters still held
the town') is the denier's account, an armed clash there, its own row; and a source that 'gave a different account'
(or 'told another story') is the source of the next sentence's 'It said'. Every sentence here was written for these tests, not taken from a gold set; places, dates and phrasings
are varied on purpose. Negative rows must not change."""

from __future__ import annotations

import pytest
from extraction import candidates, place_index

from utils.core.geo import haversine_km
from utils.importers.article.counter_accounts import FOUGHT_BACK


def places(text: str, published: str) -> list[tuple[str, float, float]]:
    return [(r["location"], r["latitude"], r["longitude"]) for r in candidates(text, published)]


# --- Barisha is the village near the Turkish border, not UCDP's Barissa ----------------------------------------

BARISHA = (36.166, 36.6272)
BARISSA = (35.7839, 36.9475)


@pytest.mark.parametrize("text, published, point", [
    ("US special forces raided a house near Barisha in Idlib province late on Saturday, killing the group's leader, "
     "the Pentagon said.", "2019-10-28", BARISHA),
    ("Helicopters attacked a compound in the village of Barisha on Saturday night, killing nine people, the monitor "
     "said.", "2019-10-28", BARISHA),
    # guard: UCDP's Barissa, named with the villages around it, stays where UCDP puts it
    ("Government forces shelled Morek and Kafr Zita on Monday, and aircraft struck the village of Barissa, killing "
     "two people, the monitor said.", "2018-08-09", BARISSA),
])
def test_barisha_and_barissa(text, published, point):
    found = places(text, published)
    assert any(float(haversine_km(lat, lon, *point)) < 2.0 for _, lat, lon in found), found


def test_barisha_keeps_barissa_as_a_namesake():
    # one spelling, two places: the look-up gives Barisha, and Barissa stays among its readings
    readings = place_index().readings("Barisha")
    assert [p.name for p in readings[:1]] == ["Barisha"], readings
    assert any(p.name == "Barissa" for p in readings), readings


# --- a denial that tells the fight: the denier's armed clash ------------------------------------------------------

def accounts(text: str, published: str) -> list[tuple[str, str, str]]:
    return [(r["event_date"], r["sub_event_type"], r["claimed_by"]) for r in candidates(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    ("State media said the army had taken the town of Kafr Zita on Monday. A spokesman for the Jaish al-Nasr faction "
     "denied this, saying its fighters still held the town.", "2019-05-08",
     ("2019-05-06", "Armed clash", "Spokesman for the Jaish al-Nasr faction")),
    ("Turkish-backed factions captured the village of Tal Halaf on Sunday, the Turkish defence ministry said. The SDF "
     "denied it, saying its fighters had counter-attacked and pushed the factions back.", "2019-10-14",
     ("2019-10-13", "Armed clash", "SDF")),
    ("Rebels stormed army positions near Morek on Friday and seized two hills, rebel media said. The army denied losing "
     "any ground, saying its troops had repelled the attack.", "2018-03-10", ("2018-03-09", "Armed clash", "Army")),
])
def test_a_denial_that_tells_the_fight_is_its_own_account(text, published, expected):
    found = accounts(text, published)
    assert len(found) == 2 and found[-1] == expected, found


@pytest.mark.parametrize("text, published, kept", [
    # the denial says nothing of the fight: the claim is contested, no second row
    ("Rebels stormed army positions near Morek on Friday and seized two hills, rebel media said. The army denied this, "
     "saying no soldier had been killed.", "2018-03-10", "Non-state actor overtakes territory"),
    # not a battle: air defences 'repelled' a strike is no armed clash
    ("Israeli jets struck a depot near Masyaf on Sunday, state media said. The army denied it, saying its air defences "
     "had repelled the attack.", "2024-09-10", "Air/drone strike"),
])
def test_a_denial_alone_adds_no_row(text, published, kept):
    assert [t for _, t, _ in accounts(text, published)] == [kept]


@pytest.mark.parametrize("clause, fought", [
    ("its fighters still held the northern part of the town", True),
    ("an attack on the hill had been broken", True),
    ("its forces had repelled the attack", True),
    ("the families had left out of fear of the fighting", False),
    ("no Russian serviceman had been killed", False),
])
def test_what_a_denier_says_its_side_did(clause, fought):
    assert bool(FOUGHT_BACK.search(clause)) is fought


# --- 'X gave a different account. It said ...': X is the source ----------------------------------------------------

@pytest.mark.parametrize("text, published, source", [
    ("Rescue workers said a Russian air strike hit a house in al-Jadida near Jisr al-Shughur on Friday morning, killing "
     "seven people.\n\nResidents said a second strike hit a poultry farm nearby minutes later.\n\nThe Russian Centre for "
     "Reconciliation of the Opposing Parties gave a different account in the evening. It said Russian aircraft had "
     "destroyed a workshop for drones near al-Jadida, killing up to ten terrorists.", "2022-07-23",
     "Russian Centre for Reconciliation of the Opposing Parties"),
    ("Activists said government helicopters dropped barrel bombs on Kafr Nabl on Tuesday, killing nine people.\n\n"
     "Residents said a second raid hit a bakery minutes later.\n\nThe General Command of the Army and Armed Forces gave "
     "a very different account. It said army units had struck a gathering of terrorists in Kafr Nabl, killing dozens "
     "of them.", "2014-05-08", "Armed Forces"),
])
def test_a_different_account_names_the_source_of_what_follows(text, published, source):
    found = [r["claimed_by"] for r in candidates(text, published)]
    assert found[-1] == source and len(found) == 3, found


def test_giving_something_else_is_no_account():
    text = ("Residents said Turkish drones struck a car near Amuda on Sunday, killing two civilians.\n\nLocal activists "
            "said a second drone hit a farm minutes later.\n\nThe Red Crescent gave blankets to the families of the "
            "dead. It said 300 families had fled.")
    assert [r["claimed_by"] for r in candidates(text, "2021-06-21")] == ["Residents", "Local activists"]
