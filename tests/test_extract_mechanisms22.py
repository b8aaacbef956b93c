"""Twenty-second pass of the article extraction's general mechanisms (issue 17). The gazetteer knows Barisha (Idlib,
Harem district) at the point UCDP gives the compound outside it, instead of reading the name as UCDP's Barissa,
45 km south. Every sentence here was written for these tests, not taken from a gold set; places, dates and phrasings
are varied on purpose. Negative rows must not change."""

from __future__ import annotations

import pytest
from extraction import candidates, place_index

from utils.core.geo import haversine_km


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
