"""Twenty-third pass of the article extraction's general mechanisms (issue 17). Two more phrasings name a city's
district (:mod:`utils.importers.article.districts`), so a district spelt like a far-away village is placed at the city:
a count in the apposition ('Ashrafiyeh and Sheikh Maqsoud, two Kurdish-run neighbourhoods') and an industrial area
or zone put before the name ('the industrial zone of Sheikh Najjar'). And an act of force with no place and no day
of its own, right after an event in its paragraph, goes on that story (:mod:`utils.importers.article.story_acts`):
its own event there and then. Every sentence here was written for these tests,
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


# --- an act that goes on the story of the event just told: its own event, there and then ------------------------

def kinds(text: str, published: str) -> list[tuple[str, str, str]]:
    return [(r["event_date"], r["sub_event_type"], r["location"]) for r in candidates(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    ("Air strikes hit Kafr Nabudah on Monday, killing four civilians, activists said. Rebel fighters then clashed with "
     "troops at a checkpoint, the army said.", "2019-05-08", ("2019-05-06", "Armed clash")),
    ("A car bomb exploded near the bus station in Jableh on Friday, killing nine people, state media said. Gunmen "
     "later clashed with police at a checkpoint, a monitoring group said.", "2016-05-28", ("2016-05-27", "Armed clash")),
    ("Government forces shelled the town of Atarib on Sunday, residents said. A roadside bomb then went off under a "
     "car, killing two men.", "2021-03-23", ("2021-03-21", "Remote explosive/landmine/IED")),
])
def test_an_act_that_goes_on_the_story(text, published, expected):
    assert expected in [(d, k) for d, k, _ in kinds(text, published)], kinds(text, published)


@pytest.mark.parametrize("text, published, count", [
    # guards: the passive, a list of what befell people, a generic 'attack' (it joins the event), a new paragraph
    ("Jordanian border guards clashed with smugglers near Nasib on Monday, the army said. Large amounts of "
     "weapons were seized, it said.", "2024-01-17", 1),
    ("Turkish howitzers shelled the town of Tal Tamr on Thursday, the monitor said. The ministry counts fighters "
     "killed, wounded or captured as neutralised.", "2020-12-26", 1),
    # a count of the dead is the event's toll, no act of its own
    ("Turkish artillery shelled Tal Rifaat on Tuesday, the SDF said. Three fighters were killed.", "2022-11-24", 1),
    # a story placed at a name two far-apart places share: no act inherits it
    ("A car bomb exploded in Hadar on Friday, killing nine people, state media said. Militants then clashed with "
     "soldiers at a checkpoint, the monitor said.", "2017-11-05", 1),
    ("A car bomb exploded near the bus station in Jableh on Friday, killing nine people, state media said.\n\n"
     "Gunmen later clashed with police at a checkpoint, a monitoring group said.", "2016-05-28", 1),
])
def test_no_act_goes_on_the_story(text, published, count):
    assert len(kinds(text, published)) == count, kinds(text, published)
