"""Twenty-third pass of the article extraction's general mechanisms (issue 17). Two more phrasings name a city's
district (:mod:`utils.importers.article.districts`), so a district spelt like a far-away village is placed at the city:
a count in the apposition ('Ashrafiyeh and Sheikh Maqsoud, two Kurdish-run neighbourhoods') and an industrial area
or zone put before the name ('the industrial zone of Sheikh Najjar'). Every sentence here was written for these tests,
not taken from a gold set; places, dates and phrasings are varied on purpose. Guard rows must not change."""

from __future__ import annotations

import pytest
from extraction import candidates

from utils.core.geo import haversine_km
from utils.importers.article.districts import named_as_district
from utils.importers.article.mentions import PlaceMention

ALEPPO = (36.2021, 37.1343)


def near(text: str, published: str, point: tuple[float, float], km: float = 15.0) -> bool:
    """True when the text gives candidates and every one lies within ``km`` of ``point``."""
    rows = candidates(text, published)
    return bool(rows) and all(float(haversine_km(float(r["latitude"]), float(r["longitude"]), *point)) < km
               for r in rows)


@pytest.mark.parametrize("text, published, point", [
    # an industrial zone put before the name: the district, not the village of Sinjar 60 km south
    ("Troops fought rebels in Aleppo on Wednesday. Aircraft struck the industrial zone of Sheikh Najjar on Thursday, "
     "killing five workers, activists said.", "2014-05-24", ALEPPO),
    ("Rebels shelled Aleppo on Tuesday. The army said it had retaken the industrial area of Sheikh Najjar on Friday "
     "after heavy clashes.", "2013-07-06", ALEPPO),
])
def test_a_named_district_is_placed_at_its_city(text, published, point):
    assert near(text, published, point), candidates(text, published)


@pytest.mark.parametrize("body, name, expected", [
    ("Shells fell on Ashrafiyeh, two Kurdish-run neighbourhoods in the north of the city.", "Ashrafiyeh", True),
    ("Jets struck the industrial zone of Sheikh Najjar on Thursday.", "Sheikh Najjar", True),
    ("The army entered the industrial city of Sheikh Najjar.", "Sheikh Najjar", True),
    # guards: a count of towns or villages is no district; an area named after the name is not before it
    ("Aircraft struck Kafr Zita and Morek, two towns in northern Hama, on Monday.", "Kafr Zita", False),
    ("Jets bombed Talmenes, two villages away from the front.", "Talmenes", False),
    ("Rebels shelled Sinjar, the area of the airport.", "Sinjar", False),
])
def test_named_as_district(body, name, expected):
    start = body.index(name)
    mention = PlaceMention(start, start + len(name), name, name, 0.0, 0.0, 1, "place")
    assert named_as_district(body, mention) is expected
