"""Eighth pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here was
written for these tests, not taken from a gold set."""

from __future__ import annotations

import pytest
from extraction import candidates, place_index

from utils.importers.article.event_types import find_triggers


def rows(text: str, published: str = "2021-03-18", outlet: str = "Test Desk") -> list[dict]:
    return candidates(text, published, outlet)


def subs(sentence: str) -> list[str]:
    return [t.trigger.sub_event_type for t in find_triggers(sentence)]


TERRITORY = ("Non-state actor overtakes territory", "Government regains territory")


@pytest.mark.parametrize("sentence, taken", [
    ("The rebels took it back in a dawn assault on Friday.", True),
    ("Army units had entered it on 3 March after a week of fighting.", True),
    ("Saraqib, taken by government forces on 2 March, is now empty.", True),
    ("The fall of the Kuweires airbase on Sunday cut the road.", True),
    ("The group announced the conquest of the Tiyas airfield.", True),
    ("On Monday the fighters took the village of al-Bara after a night of clashes.", True),
    ("On 9 March the group took the Regiment 46 base outside Atarib.", True),
    ("State media said the army had restored full control of Saraqib.", True),
    ("The agency said the troops restored security and stability to the town of Tal Rifaat.", True),
    ("Columns reached the garrison on Tuesday, breaking a siege of four years.", True),
    ("Militias executed 20 civilians in the town since they entered it.", False),
    ("The fall in prices worried traders.", False),
    ("He took it back to the shop.", False),
    ("The fighters took the bus to Idlib.", False),
])
def test_ground_taken_in_other_words(sentence, taken):
    """A place taken by pronoun ('took it back', 'had entered it'), in the passive ('X, taken by government forces'),
    as a noun ('the fall of', 'the conquest of'), with a lower-case article ('the village of al-Bara'), a base named by
    its unit, state media's 'restored control/security and stability', a siege broken; an entry told as another
    event's time ('since they entered it'), a fall in prices, a thing taken back and a bus taken are not."""
    found = any(sub in TERRITORY for sub in subs(sentence))
    assert found is taken, subs(sentence)


def test_a_heading_that_names_a_place_places_its_section():
    """A section heading that is only a place's name: the place the section's 'it' and 'the town' are."""
    text = ("Test Desk - Weekly Field Notes\n18 March 2021\n\nSaraqib\nThe town changed hands twice this month. "
            "Army units had entered it on 3 March. On 10 March the rebels took it back in a night attack.\n\n"
            "Logistics\nFuel is short.")
    found = [r for r in rows(text) if r["sub_event_type"] in TERRITORY]
    assert len(found) == 2 and all(r["location"] == "Saraqib" for r in found), found
    assert {r["event_date"] for r in found} == {"2021-03-03", "2021-03-10"}


@pytest.mark.parametrize("sentence, name", [
    ("A bomb went off in Saiyida Zainab on Monday.", "Sayyeda Zeinab"),
    ("Jets struck Damascus International Airport.", "Damascus"),
    ("Shells hit Kafr Nabl and Hass.", "Kafranbel"),
])
def test_a_longer_name_spelled_otherwise_beats_its_first_word(sentence, name):
    """'Saiyida Zainab' is the shrine town Sayyeda Zeinab, not a village named like its first word; a name whose
    next words spell nothing ('Damascus International Airport') keeps its first word's place."""
    assert place_index().find(sentence)[0].name == name


@pytest.mark.parametrize("sentence, name, precision", [
    ("Guns hit the village of Sayda, north of Manbij.", "Manbij", 2),
    ("Drones struck the village of Sayda, 10 km east of Aleppo.", "Aleppo", 2),
    ("Jets hit the Hamidiyah barracks near Idlib.", "Idlib", 2),
    ("Drones struck the village of Sayda, 10 km east of Deraa.", "Sayda", 1),
    ("Fighting in Tal Abyad, north of Raqqa.", "Tall Abyaḑ", 1),
    ("Guns hit Palmyra, east of Homs.", "Tadmur", 1),
    ("Shelling hit Jableh, just south of Latakia.", "Jablah", 1),
])
def test_a_village_found_where_the_text_cannot_put_it_is_a_namesake(sentence, name, precision):
    """'X, north of Y' with the gazetteer's X south of Y, 'X near Y' with X far away, 'X, 10 km east of Y' with X
    hundreds of km off: another village of that name, so the event is near Y (geo 2); an X where the text puts it,
    however far ('Palmyra, east of Homs'), stays."""
    first = place_index().find(sentence)[0]
    assert (first.name, first.geo_precision) == (name, precision)
