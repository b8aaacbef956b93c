"""Ninth pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here was
written for these tests, not taken from a gold set."""

from __future__ import annotations

import pytest
from extraction import candidates, place_index


def rows(text: str, published: str = "2021-05-05", outlet: str = "Test Desk") -> list[dict]:
    return candidates(text, published, outlet)


@pytest.mark.parametrize("text, location, precision", [
    # a district named like a village 160 km away, in a report on Damascus: the city's district, near the city
    ("A car bomb exploded in Damascus on Monday. On Tuesday mortar shells hit the Ayn Halaqim district, "
     "police said.", "Damascus", 2),
    ("Shells hit Damascus on Monday. On Tuesday mortar bombs fell on the Ayn Halaqim neighbourhood, residents said.",
     "Damascus", 2),
    # the same name with no city before it: the village itself
    ("On Tuesday mortar shells hit the Ayn Halaqim district, police said.", "Ayn Halaqim", 1),
    # a district named for a town big enough to head an administrative district: that town
    ("A car bomb exploded in Damascus on Monday. On Tuesday shells hit the Afrin district, monitors said.",
     "‘Afrīn", 1),
    # the village named without the word 'district': the village
    ("A car bomb exploded in Damascus on Monday. On Tuesday mortar shells hit Ayn Halaqim, police said.",
     "Ayn Halaqim", 1),
])
def test_a_district_named_like_a_far_village_is_the_citys(text, location, precision):
    """'the X district' where X is only a small village far from the city the text is about is that city's district
    (geo_precision 2); with no city before, a big town's district, or no 'district' word, X stays itself."""
    last = [r for r in rows(text) if r["event_date"] == "2021-05-04"]
    assert last and last[-1]["location"] == location and int(last[-1]["geo_precision"]) == precision, last


@pytest.mark.parametrize("sentence, names", [
    ("Here is what we know about the attack.", []),
    ("Here, at least, the roads are open.", []),
    ("Fighting reached Al Harah on Monday.", ["Al Harah"]),
    ("Rebels seized Albukamal on Friday.", ["Ālbū Kamāl"]),
    ("Aleppo was quiet on Friday.", ["Aleppo"]),
    ("Allah is great, the crowd chanted.", []),
    ("Almost nobody left the town.", []),
    ("A group calling itself Saraya Ahl al-Haqq said it carried out the attack.", []),
    ("Fighters of Kataib Hezbollah crossed the border.", []),
])
def test_english_words_and_run_together_names(sentence, names):
    """An English word opening a sentence ('Here') is no village its letters fold onto (Al Harah, still found by its
    own spelling); a name run together with its article ('Albukamal') is the place spelt apart ('Al-Bukamal');
    'Aleppo', 'Allah' and 'Almost' are not split; the first word of an armed group's name ('Saraya', 'Kataib': units,
    brigades) is no locality of that name."""
    assert [m.name for m in place_index().find(sentence) if m.kind in ("place", "base")] == names


SCENE = "On the evening of Monday 3 May, a column of aid lorries was unloading at a depot in Saraqib."


@pytest.mark.parametrize("text, found", [
    (f"{SCENE} Within an hour the depot was burning. Rescuers said 12 civilians were killed.", True),
    (f"{SCENE} Rescuers said 12 civilians were killed.", True),
    # the event in the next paragraph: the scene is over
    (f"{SCENE}\n\nRescuers said 12 civilians were killed.", False),
    # three sentences on: too far from the scene
    (f"{SCENE} The lorries had come from the north. The drivers were tired. The depot was full. "
     "Rescuers said 12 civilians were killed.", False),
    # a scene with two places sets none
    ("On the evening of Monday 3 May, lorries from Saraqib were unloading at a depot in Binnish. "
     "Rescuers said 12 civilians were killed.", False),
])
def test_a_scene_setting_sentence_places_the_next_events(text, found):
    """A sentence with a day and one place and no event word sets the scene: an event told in the next two sentences
    of the paragraph with no place or date of its own is there, that day."""
    got = [r for r in rows(text) if r["event_date"] == "2021-05-03" and r["location"] == "Saraqib"]
    assert bool(got) is found, rows(text)


@pytest.mark.parametrize("sentence, sub, retyped", [
    ("Security forces fire on a large Friday protest in Saraqib, killing four people.",
     "Excessive force against protesters", True),
    ("On Monday police opened fire on mourners at a funeral in Saraqib, killing two.",
     "Excessive force against protesters", True),
    ("Troops opened fire on demonstrators in Saraqib on Monday, killing three.", "Excessive force against protesters",
     True),
    ("On Monday gunmen attacked the town of Saraqib after a protest, killing three.",
     "Excessive force against protesters", False),
    ("On Monday protesters attacked a police post in Saraqib, killing two guards.",
     "Excessive force against protesters", False),
    ("On Monday militants seized 30 soldiers of a border unit near Saraqib.", "Abduction/forced disappearance", True),
    ("On Monday rebels seized the town of Saraqib.", "Abduction/forced disappearance", False),
    ("On Monday rebels captured two hills near Saraqib.", "Abduction/forced disappearance", False),
])
def test_what_an_act_was_done_to_types_it(sentence, sub, retyped):
    """Force turned on a protest, a funeral or mourners is excessive force against protesters; a number of people
    seized is an abduction; an attack on a town after a protest, protesters' own attack, a town or hills taken are
    not."""
    found = [r["sub_event_type"] for r in rows(sentence, published="2021-05-04")]
    assert found and (found[0] == sub) is retyped, found
