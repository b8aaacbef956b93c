"""Twelfth pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here
was written for these tests, not taken from a gold set: places, dates, forces and phrasings are varied on purpose,
so a table checks the mechanism rather than a remembered line. Rows with no expected event must give none."""

from __future__ import annotations

import pytest
from extraction import candidates


def kinds(text: str, published: str = "2019-03-20") -> list[tuple[str, str]]:
    return [(r["event_date"], r["sub_event_type"]) for r in candidates(text, published, "Test Desk")]


def subs(text: str, published: str = "2019-03-20") -> set[str]:
    return {sub for _, sub in kinds(text, published)}


@pytest.mark.parametrize("text, expected", [
    ("A motorcycle bomb exploded outside a bakery in Azaz on Monday, wounding six people, medics said.",
     {"Remote explosive/landmine/IED"}),
    ("Two bombs went off near the grain silos in Manbij on Saturday, police said.", {"Remote explosive/landmine/IED"}),
    ("An explosive device detonated under a minibus in Jableh on Monday, the governor said.",
     {"Remote explosive/landmine/IED"}),
    ("A van packed with explosives blew up at the entrance to Tal Tamr on Sunday, residents said.",
     {"Remote explosive/landmine/IED"}),
    ("A bus bomb tore through the main street of Salamiyah on Monday, killing four, a monitor said.",
     {"Remote explosive/landmine/IED"}),
    # bombs dropped by aircraft that exploded stay an air strike
    ("Helicopters dropped bombs that exploded near the school in Kafranbel on Monday, residents said.",
     {"Air/drone strike"}),
    # no bomb going off: a bomb found, a bomb threatened, a bomb of speech
    ("Police said on Monday that a bomb was found in a bag at the bus station of Tartus and made safe.", set()),
    ("The minister said on Monday in Latakia that the news was a bombshell for the talks with the opposition.",
     set()),
])
def test_a_bomb_told_by_its_going_off(text, expected):
    """'a motorcycle bomb exploded', 'two bombs went off', 'a van packed with explosives blew up': a bomb attack."""
    assert subs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A bomb went off on Monday beside a checkpoint on the road out to Tal Tamr, police in Hasakah said.",
     ["Al Ḩasakah"]),
    ("A roadside bomb exploded on Monday on the highway south to Jableh near Latakia, the police said.",
     ["Latakia"]),
    # the place itself named: no reference
    ("A roadside bomb exploded on Monday in Tal Tamr, the police in the province said.", ["Tall Tamr"]),
])
def test_a_road_out_to_a_place_is_no_place_of_the_event(text, expected):
    """'the road out to X', 'the highway south to X' name where the road leads, not where the event was."""
    assert [r["location"] for r in candidates(text, "2019-03-20")] == expected


@pytest.mark.parametrize("text, expected", [
    ("Activists said on Tuesday that 14 protesters were shot dead in Talbiseh on Friday.",
     {"Excessive force against protesters"}),
    ("At least nine demonstrators had been killed by the security police in Dael on Friday, activists said.",
     {"Excessive force against protesters"}),
    ("Residents said that four mourners were gunned down in Inkhil on Friday during a funeral.",
     {"Excessive force against protesters"}),
    # people killed with no crowd: violence against civilians, as before
    ("Activists said on Tuesday that 14 people were shot dead in Talbiseh on Friday.", {"Attack"}),
    # a running total is none
    ("Activists say more than 900 protesters have been killed since March, according to a tally seen in Homs.", set()),
])
def test_protesters_killed_in_the_passive(text, expected):
    """'14 protesters were shot dead': force against protesters, not a count of civilians killed."""
    assert subs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On Friday a huge crowd filled the clock tower square of Homs, chanting against the governor, activists said.",
     [("2019-03-15", "Peaceful protest")]),
    ("Tens of thousands packed the main streets of Deir ez-Zor on Friday, residents said.",
     [("2019-03-15", "Peaceful protest")]),
    ("The biggest crowd the town had seen thronged the square of Kafranbel on Friday, activists said.",
     [("2019-03-15", "Peaceful protest")]),
    ("Demonstrations broke out in Daraa on Friday after the arrest of the boys, residents said.",
     [("2019-03-15", "Peaceful protest")]),
    # troops gathered, a market filled with goods, a square filled with rubble: no protest
    ("Thousands of troops gathered near Saraqib on Friday, a monitor said.", []),
    ("On Friday the market of Idlib filled with traders selling fuel, residents said.", []),
    ("Rubble filled the square of Ariha on Friday after weeks of fighting, residents said.", []),
])
def test_a_protest_told_by_its_crowd(text, expected):
    """'a huge crowd filled the square', 'tens of thousands packed the streets', 'demonstrations broke out': a
    protest, even after a superlative ('the biggest crowd the town had seen')."""
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Last month the Red Crescent organised the evacuation of some 600 civilians from the besieged town of Madaya.",
     {"Displacement"}),
    ("Medics evacuated more than 120 patients from the hospital in Douma on Sunday, the civil defence said.",
     {"Displacement"}),
    # an evacuation deal or route, troops evacuated, an evacuation of no people: no displacement from this rule
    ("The talks in Homs on Sunday were about an evacuation route that has not been agreed, officials said.", set()),
])
def test_people_evacuated(text, expected):
    """'the evacuation of some 600 civilians from X', 'evacuated more than 120 patients': people displaced."""
    assert subs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mortar shells hit the quiet neighbourhood of Rawda in Damascus on Monday, wounding three people, state media said.",
     [("Damascus", 1)]),
    ("Damascus was quiet. On Monday mortar shells hit the district of Rawda, wounding three, state media said.",
     [("Damascus", 2)]),
    # a town big enough to head a district stays itself; a village named with no district word stays the village
    ("Turkish shells hit the district of Afrin on Monday, wounding three people, Kurdish officials said.",
     [("‘Afrīn", 1)]),
    ("Damascus was quiet. On Monday mortar shells hit Rawda, wounding three, state media said.", [("Ar Rawḑah", 1)]),
])
def test_the_district_of_a_city_named_before_the_name(text, expected):
    """'the neighbourhood of X', 'the district of X' (the district word before the name) is the city's district like
    'the X district' when the gazetteer knows X only as a small village far away."""
    assert [(r["location"], r["geo_precision"]) for r in candidates(text, "2019-03-20")] == expected


@pytest.mark.parametrize("text, expected", [
    ("Rescuers said they pulled the bodies of two nurses from the clinic in Saraqib on Tuesday.", set()),
    ("Volunteers moved the wounded out of the basement in Douma on Tuesday, the civil defence said.", set()),
    ("Firefighters removed six corpses from the burnt bus near Ariha on Tuesday, the governor said.", set()),
    # a force moved away is still a withdrawal
    ("The army pulled its last units from the hills above Kessab on Tuesday, a monitor said.",
     {"Change to group/activity"}),
    ("The militia moved its fighters out of the school in Tal Rifaat on Tuesday, residents said.",
     {"Change to group/activity"}),
])
def test_people_carried_out_are_no_withdrawal(text, expected):
    """'pulled the bodies from the clinic', 'moved the wounded out of the basement': a rescue, not a force leaving."""
    assert subs(text) == expected
