"""Fifteenth pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here
was written for these tests, not taken from a gold set: places, dates, forces and phrasings are varied on purpose,
so a table checks the mechanism rather than a remembered line. Rows with no further event must give none."""

from __future__ import annotations

import pytest
from extraction import candidates


def rows(text: str, published: str = "2019-03-20") -> list[tuple[str, str, str]]:
    return [(r["event_date"], r["location"], r["sub_event_type"]) for r in candidates(text, published, "Test Desk")]


@pytest.mark.parametrize("text, expected", [
    ("Car bombs killed 30 people in the mainly Sunni al-Rawda district of Damascus on Sunday, medics said.",
     [("2019-03-17", "Damascus", "Remote explosive/landmine/IED")]),
    # no city after 'district of': the namesake rule sees no town, so the village stays
    ("Car bombs killed 30 people in the al-Rawda district of Qatana on Sunday, medics said.",
     [("2019-03-17", "Ar Rawḑah", "Remote explosive/landmine/IED")]),
])
def test_a_district_of_a_named_city_is_that_citys(text, expected):
    """'the mainly Sunni al-Rawda district of Damascus': a part of Damascus, not the far village Ar Rawdah."""
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Aircraft struck Maarat al-Numan on Monday, killing nine, a student, Salma, told reporters.",
     [("2019-03-18", "Ma‘arrat an Nu‘mān", "Air/drone strike")]),
    ("Shells hit Douma on Tuesday, a volunteer, Rami, said by phone.",
     [("2019-03-19", "Dūmā", "Shelling/artillery/missile attack")]),
    # no person's noun before the name: the place is an event's
    ("Shells hit Douma on Tuesday and then Salma, a volunteer said by phone.",
     [("2019-03-19", "Dūmā", "Shelling/artillery/missile attack"),
      ("2019-03-19", "Salma", "Shelling/artillery/missile attack")]),
])
def test_a_single_name_in_apposition_is_a_person(text, expected):
    """'a student, Salma, told reporters': a person's given name, never the town Salma."""
    assert rows(text) == expected


_BOMBS = "Two car bombs exploded in Qamishli on Monday, killing 40 people.\n\n"


@pytest.mark.parametrize("text, expected", [
    (_BOMBS + "The government blamed Turkey and Qatar for the attacks.", 1),
    (_BOMBS + "Officials held Saudi Arabia, which backs the rebels, responsible for the bombings.", 1),
    # a new event after the first: still its own candidate
    (_BOMBS + "On Tuesday, Turkish drones attacked a checkpoint in Tal Tamr, killing two soldiers.", 2),
])
def test_who_is_blamed_for_an_event_is_no_place_of_it(text, expected):
    """'blamed Turkey and Qatar for the attacks': who is blamed for the bombings told before, not a new event."""
    found = rows(text)
    assert len(found) == expected
    assert all(place not in ("Qatar", "Turkey", "Saudi Arabia") for _, place, _ in found)


@pytest.mark.parametrize("text, expected", [
    ("Saraqib, on the highway from Idlib to Aleppo, has been held by the army since February 2020, when troops "
     "captured the town.", {"Saraqib"}),
    ("Talbiseh, on the Orontes river near Hama, was shelled on Monday, residents said.", {"Tallbīsah"}),
    # not right after a town's name: the clause's place stays an event's
    ("Rebels and troops fought in the plain, on the Orontes river near Hama, on Monday, residents said.", {"Ḩamāh"}),
])
def test_a_reduced_clause_that_places_a_town_names_only_background(text, expected):
    """'Talbiseh, on the Orontes river near Hama, was shelled': Hama only says where Talbiseh is."""
    assert {place for _, place, _ in rows(text)} == expected


@pytest.mark.parametrize("text, expected", [
    ("Rebels took the strategic town of Khan Shaykhun on Monday, a spokesman said.",
     [("2019-03-18", "Khān Shaykhūn", "Non-state actor overtakes territory")]),
    ("The fall of the rebel-held town of Inkhil on Sunday opened the road north, the monitor said.",
     [("2019-03-17", "Inkhil", "Non-state actor overtakes territory")]),
    # something else taken to the town, or the road to it: no ground taken
    ("Rebels took the wounded to the town of Inkhil on Monday, a spokesman said.", []),
    ("Rebels took the road to the town of Inkhil on Monday, a spokesman said.", []),
])
def test_ground_taken_when_the_town_is_described_first(text, expected):
    """'took the strategic town of X', 'the fall of the rebel-held town of X': the town taken, described first."""
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Fighting has continued around Tal Rifaat since Sunday, residents said.",
     [("2019-03-17", "Tall Rif‘at", "Armed clash")]),
    ("Fighting went on around Inkhil on Tuesday, the monitor said.", [("2019-03-19", "Inkhil", "Armed clash")]),
    ("The Observatory said at least 15 people had been killed in the fighting around Inkhil since Tuesday.",
     [("2019-03-19", "Inkhil", "Armed clash")]),
    # the fighting told before: one clash; fighting that is no event: none
    ("Rebels and troops clashed around Inkhil on Tuesday, residents said.\n\nThe Observatory said at least 15 "
     "people had been killed in the fighting.", [("2019-03-19", "Inkhil", "Armed clash")]),
    ("Fighting has been a fact of life in Inkhil for years, a teacher said.", []),
])
def test_fighting_that_goes_on_or_kills_is_a_clash(text, expected):
    """'fighting has continued around X since Sunday', 'killed in the fighting around X': an armed clash there."""
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A woman was killed in Qusayr on Sunday, residents said.", [("2019-03-17", "Al Quşayr", "Attack")]),
    ("A teenage boy was killed by sniper fire in Daraa on Sunday, activists said.",
     [("2019-03-17", "Dar‘ā", "Attack")]),
    # no violence: an accident; a soldier killed is no attack on a civilian
    ("A man was killed in a car accident in Qusayr on Sunday.", []),
    ("A soldier was killed in Qusayr on Sunday, the army said.", []),
])
def test_one_person_killed_in_the_passive_is_an_attack(text, expected):
    """'a woman was killed in X on Sunday': violence against a civilian there, like 'five people were killed'."""
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen ransacked the offices of the local council in Manbij on Tuesday, residents said.",
     [("2019-03-19", "Manbij", "Looting/property destruction")]),
    ("Fighters were seen breaking into shops and homes in Afrin on Sunday, witnesses said.",
     [("2019-03-17", "‘Afrīn", "Looting/property destruction")]),
    ("Crowds toppled a statue of the late president in Raqqa on Monday, activists said.",
     [("2019-03-18", "Ar Raqqah", "Looting/property destruction")]),
    # a monument named for a god is no village: the town it stands in is the place
    ("Militants blew up the Temple of Baalshamin in Palmyra in August 2015, officials said.",
     [("2015-08-15", "Tadmur", "Looting/property destruction")]),
    # no property taken or destroyed: a bridge blown up in war, looting only named
    ("Engineers blew up the bridge over the river at Raqqa on Tuesday, the army said.", []),
    ("The looting was condemned in Afrin on Monday by several officials.", []),
])
def test_looting_and_monuments_destroyed(text, expected):
    """'ransacked the offices', 'breaking into shops and homes', 'toppled a statue', 'blew up the Temple of X':
    looting or property destruction (ACLED's strategic development) at the town."""
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In Azaz, protesters threw stones at the police outside the courthouse on Monday and set fire to tyres.",
     [("2019-03-18", "I‘zāz", "Violent demonstration")]),
    ("Demonstrators hurled petrol bombs at a checkpoint in Suwayda on Saturday, the monitor said.",
     [("2019-03-16", "As-Suwayda", "Violent demonstration")]),
    # no protesters throwing: a peaceful gathering; stones thrown by no crowd named
    ("Hundreds of protesters gathered peacefully in Manbij on Monday, witnesses said.", []),
    ("Soldiers fired at people throwing stones in Manbij on Monday, witnesses said.", []),
])
def test_protesters_throwing_stones_riot(text, expected):
    """'protesters threw stones at the police': a violent demonstration there."""
    assert [r for r in rows(text) if r[2] == "Violent demonstration"] == expected
