"""Thirteenth pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here
was written for these tests, not taken from a gold set: places, dates, forces and phrasings are varied on purpose,
so a table checks the mechanism rather than a remembered line. Rows with no further event must give none."""

from __future__ import annotations

import pytest
from extraction import candidates


def places_and_dead(text: str, published: str = "2019-03-20") -> list[tuple[str, int | None]]:
    return [(r["location"], r["fatalities"]) for r in candidates(text, published, "Test Desk")]


@pytest.mark.parametrize("text, expected", [
    ("Government forces killed at least 23 people in Aleppo on Monday, and seven in the northern town of Azaz, "
     "a monitor said.", [("Aleppo", 23), ("I‘zāz", 7)]),
    ("Air strikes killed 15 civilians in Idlib on Sunday, nine in Saraqib and four in Jisr al-Shughur, "
     "rescuers said.", [("Idlib", 15), ("Saraqib", 9), ("Jisr ash Shughūr", 4)]),
    ("11 people were killed in Raqqa on Friday and at least three in Tabqa, activists said.",
     [("Ar Raqqah", 11), ("Al-Tabqa", 3)]),
    # no shared toll: a year after the count, the wounded of the same place, a time of day, no count of the dead
    ("Air strikes killed 40 people in Aleppo in 2014 and six in 2015, the group said.", [("Aleppo", 40)]),
    ("Shelling killed eight civilians in Hama on Monday and wounded six in the afternoon, medics said.",
     [("Ḩamāh", 8)]),
    ("Troops arrested 20 men in Daraa on Monday and six in the Old City, activists said.", [("Dar‘ā", None)]),
])
def test_a_count_of_the_dead_shared_out_over_places(text, expected):
    """'killed 23 people in X, and seven in the town of Y': each further count with a place is an event there."""
    assert places_and_dead(text) == expected


def places_of(text: str, published: str = "2019-03-20") -> list[tuple[str, str]]:
    return [(r["location"], r["sub_event_type"]) for r in candidates(text, published, "Test Desk")]


_IN_IDLIB = "Rebels said on Monday that at least 12 people were killed in Idlib on Sunday.\n\n"


@pytest.mark.parametrize("text, expected", [
    (_IN_IDLIB + "Government troops had withdrawn from the city in March after a crackdown, residents said.",
     [("Idlib", "Attack"), ("Idlib", "Change to group/activity")]),
    (_IN_IDLIB + "Aircraft bombed the city on Tuesday, the rebels said.",
     [("Idlib", "Attack"), ("Idlib", "Air/drone strike")]),
    # 'the city in X' with a place's name: the place named, not the city before
    (_IN_IDLIB + "Aircraft bombed the town in Maarat al-Numan on Tuesday, the rebels said.",
     [("Idlib", "Attack"), ("Ma‘arrat an Nu‘mān", "Air/drone strike")]),
])
def test_the_city_in_a_month_is_the_city_named_before(text, expected):
    """'withdrew from much of the city in June': the month after 'the city in' is its time, not a place's name."""
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Soldiers had pulled out of Tafas in May after a crackdown in which residents said 14 protesters were shot dead "
     "on 9 May.", [("2019-05-15", "Change to group/activity"), ("2019-05-09", "Excessive force against protesters")]),
    ("The militia left Nawa in January after a massacre in which 23 villagers were killed on 4 January, "
     "a monitor said.", [("2019-01-15", "Change to group/activity"), ("2019-01-04", "Attack")]),
    # a cause with no day of its own, or no toll: the background of the event, none of its own
    ("Soldiers had pulled out of Tafas in May after a crackdown in which 14 protesters were shot dead.",
     [("2019-05-15", "Change to group/activity")]),
    ("Soldiers had pulled out of Tafas in May after a crackdown on 9 May, residents said.",
     [("2019-05-15", "Change to group/activity")]),
])
def test_a_cause_with_its_own_day_and_toll(text, expected):
    """'withdrew in June after a crackdown in which 60 protesters were shot dead on 3 June': two events."""
    assert [(r["event_date"], r["sub_event_type"]) for r in candidates(text, "2019-08-01", "Test Desk")] == expected


@pytest.mark.parametrize("text, expected", [
    ("A ceasefire was agreed in Tafas on 12 March between the army and local fighters, the governor said.",
     {"Agreement"}),
    ("The two sides reached a local truce in Tal Rifaat on Sunday, residents said.", {"Agreement"}),
    ("Elders in Manbij said on Monday that the deal had been brokered by Russian officers on Sunday.",
     {"Agreement"}),
    ("Rebels in Daraa said on Monday that they had struck a deal with the army on Saturday.", {"Agreement"}),
    # the deal told as news with its own day, after a place named before
    ("Fighters left Madaya on Friday under the deal, the governor said.\n\n"
     "The agreement was reached on 2 March with UN mediation, according to the governor's office.", {"Agreement"}),
    # no deal reached: one yet to come, one failed, a strike
    ("Officials in Tartus said on Monday that an agreement on the port is yet to be reached.", set()),
    ("Talks in Qamishli on Monday failed to reach an agreement, the council said.", set()),
    ("Aircraft struck a convoy near Saraqib on Monday, a monitor said.", {"Air/drone strike"}),
])
def test_a_deal_reached(text, expected):
    """'The agreement was reached on 2 May', 'reached a local truce', 'struck a deal': an agreement."""
    assert {r["sub_event_type"] for r in candidates(text, "2019-03-20", "Test Desk")} == expected


_IN_ALEPPO = "Rebels said on Monday that at least 12 people were killed in Aleppo on Sunday.\n\n"


@pytest.mark.parametrize("text, expected", [
    # a place called a village or (smaller) town does not become 'the city' a later district belongs to
    (_IN_ALEPPO + "Aid trucks reached the besieged towns of Nubl and Zahraa on Sunday, a negotiator said. A car bomb "
     "exploded in the mostly Christian neighbourhood of Ashrafiyah on 2 March, killing 9, state media said.",
     "Aleppo"),
    (_IN_ALEPPO + "Fighters moved to Anadan, a village north of the city, on Sunday. A car bomb exploded in the "
     "neighbourhood of Ashrafiyah on 2 March, killing 9, state media said.", "Aleppo"),
    # named a city, or a town with no city before it: the place it is
    ("Rebels said on Monday that at least 12 people were killed in Nubl on Sunday.\n\nA car bomb exploded in the "
     "city on 2 March, killing 9, state media said.", "Nubl"),
])
def test_the_city_a_district_belongs_to(text, expected):
    """'the towns of X', 'X, a village north of the city': 'the city' (and its districts) stays the city before."""
    assert candidates(text, "2019-03-20", "Test Desk")[-1]["location"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Rebels took Qusayr on Sunday, activists said.\n\nSince then some 2,000 Syrians have crossed into Lebanon from "
     "the town, many of them sleeping in tents outside Hermel, the UN said.",
     [("Al Quşayr", "Non-state actor overtakes territory"), ("Al Quşayr", "Displacement")]),
    ("Families fled from Tal Abyad on Monday, most of them sheltering in schools in Akcakale, officials said.",
     [("Tall Abyaḑ", "Displacement")]),
    # fire from a Syrian place that landed abroad: still abroad
    ("Rebels took Qusayr on Sunday, activists said.\n\nRockets fired from the town hit houses in Hermel on Monday, "
     "officials said.", [("Al Quşayr", "Non-state actor overtakes territory")]),
])
def test_people_displaced_from_a_place_abroad_named_after(text, expected):
    """'9,000 Syrians have crossed into Turkey from the town, many sleeping in Ceylanpinar': displaced from the town."""
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a village placed near a town once keeps that place when named again
    ("Gunmen stormed Ashrafiyah, a village a few kilometres north of Aleppo, on Monday, activists said.\n\n"
     "On Wednesday, government forces shelled Ashrafiyah again, a monitor said.",
     [("Aleppo", "Non-state actor overtakes territory"), ("Aleppo", "Shelling/artillery/missile attack")]),
    # named alone, with no town placed it before: the gazetteer's place
    ("On Wednesday, government forces shelled Ashrafiyah again, a monitor said.",
     [("Al Ashrafiyah", "Shelling/artillery/missile attack")]),
])
def test_a_village_placed_near_a_town_stays_there(text, expected):
    """'al-Bayda, a village a few km south of Baniyas' ... 'the entrance to al-Bayda': the village near Baniyas."""
    assert places_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The town of Azaz fell to the Turkish-backed forces on 8 May, a monitor said.",
     {"Non-state actor overtakes territory"}),
    ("Tabqa fell to US-backed Kurdish fighters on Monday, the group said.", {"Non-state actor overtakes territory"}),
    # a fall that is no ground changing hands
    ("Shells fell to the east of Azaz on Monday, a monitor said.", {"Shelling/artillery/missile attack"}),
    ("Prices in Azaz fell to their lowest level on Monday, traders said.", set()),
])
def test_a_place_that_fell_to_described_forces(text, expected):
    """'fell to the Turkish-backed forces': the takers may be described before their noun."""
    assert {r["sub_event_type"] for r in candidates(text, "2019-05-20")} == expected


@pytest.mark.parametrize("text, expected", [
    ("Turkish officials said on Monday that their forces had hit terrorist positions near Tal Rifaat.",
     {"Air/drone strike"}),
    ("The army said it hit \"militant hideouts\" near Saraqib on Monday.", {"Air/drone strike"}),
    # something else hit: no strike on positions
    ("Prices hit record highs in Qamishli on Monday, traders said.", set()),
    ("The news hit the families of Kabani hard on Monday, residents said.", set()),
])
def test_a_side_that_hit_positions(text, expected):
    """'said they had hit "terrorist positions" in the area': a side's account of a strike, its weapon unnamed."""
    assert {r["sub_event_type"] for r in candidates(text, "2019-05-20")} == expected


@pytest.mark.parametrize("text, expected", [
    ("A Turkish drone hit an army post west of Manbij on Tuesday, killing two soldiers, a monitor said. "
     "The army said it had returned fire.", [("Air/drone strike", "Monitor"), ("Armed clash", "Army")]),
    # the same source telling more of the strike, no fire returned: one event
    ("A Turkish drone hit an army post west of Manbij on Tuesday, killing two soldiers, a monitor said. "
     "The army confirmed the deaths.", [("Air/drone strike", "Monitor")]),
])
def test_fire_returned_after_a_strike(text, expected):
    """'a drone hit their post ... The army said it had returned fire': the fire returned is an event there."""
    assert [(r["sub_event_type"], r["claimed_by"]) for r in candidates(text, "2019-05-22")] == expected
