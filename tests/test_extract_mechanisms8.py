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


@pytest.mark.parametrize("sentence, sub", [
    ("The ministry said 12 militants who tried to cross the line near Afrin on Tuesday were neutralised.", "Armed clash"),
    ("Border units neutralised seven terrorists near Tal Rifaat on Monday.", "Armed clash"),
    ("Police found and defused a second device in the market.", "Disrupted weapons use"),
    ("Army engineers dismantled two roadside bombs on the Homs road.", "Disrupted weapons use"),
    ("A fighter drove a car bomb into an army checkpoint at dawn.", "Suicide bomb"),
    ("An attacker rammed a truck packed with explosives into the gate.", "Suicide bomb"),
])
def test_ministry_and_police_words_for_fights_and_bombs(sentence, sub):
    """'neutralised' (killed, wounded or captured in a fight), a device defused or dismantled (disrupted weapons
    use), a car bomb driven into its target (a suicide bombing): the first event word gives the type."""
    assert subs(sentence)[0] == sub, subs(sentence)


@pytest.mark.parametrize("sentence", [
    "Turkey says it has neutralised 900 militants this year.",
    "The old base was dismantled and its guns moved to Hama.",
    "He defused the row with a joke.",
])
def test_a_running_total_or_a_dismantled_base_is_no_fight_or_defusal(sentence):
    """A year's running total of 'neutralised' militants is a tally; a base dismantled is no device made safe."""
    assert "Armed clash" not in subs(sentence) and "Disrupted weapons use" not in subs(sentence), subs(sentence)


@pytest.mark.parametrize("text, events", [
    ("Aircraft do strike in the Idlib countryside at night.", 0),
    ("No Syrian or Russian source has described an air strike on Saraqib on Monday.", 0),
    ("Not one official has reported shelling in Manbij on Sunday.", 0),
    ("Jets did strike Saraqib on Monday, a witness said.", 1),
    ("Russian jets struck Saraqib on Monday, a source said.", 1),
])
def test_a_habit_or_a_denial_by_absence_is_no_event(text, events):
    """The emphatic present ('aircraft do strike there') is a habit; 'no source has described an air strike' says
    nobody reports one; the emphatic past ('did strike ... on Monday') is an event."""
    assert len(rows(text)) == events, rows(text)


@pytest.mark.parametrize("text, claimant", [
    ("Local councils also said shells hit Saraqib on Monday.", "Local councils"),
    ("The Civil Defence later said drones struck Maarat al-Numan on Monday.", "Civil Defence"),
    ("ANKARA, 15 March 2021 - The Turkish Ministry of National Defence said its artillery shelled Tal Rifaat on Monday.",
     "Turkish Ministry of National Defence"),
])
def test_a_claimant_is_its_name_without_adverbs_or_a_datelines_date(text, claimant):
    """'X also said', 'X later said': X; 'CITY, 15 March 2021 - The ministry said': the ministry, not the date."""
    found = rows(text)
    assert found and all(r["claimed_by"].endswith(claimant) for r in found), found


def test_a_question_put_to_a_source_is_no_source():
    """'Activists report that X was shelled. Can you confirm?': the activists speak; 'Can you' is no claimant."""
    text = ("QUESTION (radio): Activists report that Saraqib was shelled this morning. Can you confirm?\n\n"
            "SPOKESPERSON: We have no team there.")
    found = rows(text, "2021-03-18")
    assert found and all("Can you" not in r["claimed_by"] for r in found), found
    assert found[0]["claimed_by"].startswith("Activists"), found


@pytest.mark.parametrize("sentence, name, precision", [
    ("An air strike hit a house in the village of Um Qasr al-Jadid in Suwayda.", "Suwayda province", 3),
    ("A raid on the village of Zzzqwe in Hama killed two.", "Hama province", 3),
    ("Shells hit the town of Qardaha in Latakia.", "Al Qardāḩah", 1),
    ("Shells hit Hama on Monday.", "Ḩamāh", 1),
])
def test_a_village_the_gazetteer_lacks_in_a_governorates_name_is_in_that_governorate(sentence, name, precision):
    """'the village of X in Suwayda' with X unknown: Suwayda is the governorate (a region), not its capital city; a
    village found keeps its place, and a city named alone stays the city."""
    first = place_index().find(sentence)[0]
    assert (first.name, first.geo_precision) == (name, precision)


def test_a_semicolon_before_a_date_opens_another_event():
    """'X took A in late June; on 4 July it took B': two dated events, not one."""
    text = "In late June, the group overran the army's Regiment 46 near Atarib; on 4 July it took the Brigade 80 base at Manbij."
    places = {r["location"] for r in rows(text, "2021-07-20") if r["sub_event_type"] in TERRITORY}
    assert len(places) == 2, places


@pytest.mark.parametrize("sentence, taken", [
    ("Rebel factions drove the army out of the town in three days.", True),
    ("In 2013 rebels drove the army out in a few days.", True),
    ("The rebels drove the regime's forces from the old city.", True),
    ("The town had slipped from the government's hands in May.", True),
    ("The rebels drove out to the front at dawn.", False),
    ("Prices slipped from the highs of May.", False),
])
def test_ground_lost_told_from_the_losers_side(sentence, taken):
    """'drove the army out', 'drove the regime's forces from', 'slipped from the government's hands': ground taken;
    a drive to the front and prices slipping are not."""
    assert any(sub in TERRITORY for sub in subs(sentence)) is taken, subs(sentence)


@pytest.mark.parametrize("sentence, sub, present", [
    ("Russian military police set up three observation posts around Manbij on Monday.", "Headquarters or base established",
     True),
    ("Gunmen killed the families in their homes on Monday.", "Attack", True),
    ("Many of the victims had been killed in their homes.", "Attack", True),
    ("Our mobile clinic withdrew from the town on Monday.", "Change to group/activity", False),
    ("In 2013 he was sent to the airbase at Tabqa.", "Deployment", False),
    ("The rebels withdrew from the town on Monday.", "Change to group/activity", True),
    ("Troops were sent to the airbase at Tabqa.", "Deployment", True),
])
def test_posts_set_up_families_killed_and_who_moves(sentence, sub, present):
    """Observation posts set up (a base established), families or victims killed (violence against civilians); a
    clinic withdrawing or one man posted is no force's move."""
    assert (sub in subs(sentence)) is present, subs(sentence)


@pytest.mark.parametrize("text, wanted, unwanted", [
    ("The army entered Saraqib on 3 March, after two weeks of bombardment.", "Government regains territory",
     "Air/drone strike"),
    ("The deal was signed in Saraqib on Friday after two days of talks in which the Russians threatened new strikes.",
     "Agreement", "Threat warning"),
])
def test_a_duration_or_talks_before_an_event_are_its_background(text, wanted, unwanted):
    """'after two weeks of bombardment', 'after two days of talks in which X threatened ...': the background of the
    event told, not events of their own."""
    found = {r["sub_event_type"] for r in rows(text)}
    assert wanted in found and unwanted not in found, found


def test_the_statement_is_the_source_that_issued_it():
    """'X said on Friday, in a statement, ...' then 'The statement said ...': X's claim, not a source named
    'Statement'."""
    text = ("The General Command of the Northern Army said on Friday, in a statement, that it would answer any attack.\n\n"
            "The statement said its units had clashed with gunmen near Manbij on Monday.")
    found = rows(text, "2021-03-19")
    assert found and all(r["claimed_by"] == "General Command of the Northern Army" for r in found), found


def test_a_town_named_for_its_airbase_is_not_the_city_further_on():
    """'the fall of the X airbase north of the city ... stormed the city': 'the city' is the town the text is about,
    not the village whose name the airbase bears."""
    text = ("Shells fell on Saraqib through Tuesday night.\n\n"
            "The fall of the Kafranbel airbase north of the city on Saturday cut the road.\n\n"
            "The battle began on 19 May, when the army stormed the city from the south.")
    stormed = [r for r in rows(text, "2021-06-05") if r["event_date"] == "2021-05-19"]
    assert stormed and all(r["location"] == "Saraqib" for r in stormed), stormed


@pytest.mark.parametrize("sentence, base", [
    ("That's all for today.", None),
    ("Drones attacked Khmeim overnight.", "Khmeimim air base"),
])
def test_a_short_word_or_a_contraction_is_no_misspelt_base(sentence, base):
    """A base's name misspelt ('Khmeim') is still the base; a short word or a contraction ("That's", folded to four
    letters one off a base's) is not."""
    found = place_index().find(sentence)
    assert (found[0].name if found else None) == base, found
