"""Fifth pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here was
written for these tests, not taken from a gold set."""

from __future__ import annotations

import re
from datetime import date

import pytest
from extraction import candidates, place_index

from utils.importers.article.attribution import Attribution, attribution_in
from utils.importers.article.dates import find_dates
from utils.importers.article.event_types import find_triggers, hypothetical
from utils.importers.article.habits import VAGUE


def rows(text: str, published: str = "2022-05-12", outlet: str = "Test Desk") -> list[dict]:
    return candidates(text, published, outlet)


@pytest.mark.parametrize("sentence, offset", [
    ("Rockets hit the town shortly after 4 a.m. on Wednesday.", False),
    ("The convoy was ambushed shortly before midnight on Monday.", False),
    ("Gunfire was heard shortly after dawn.", False),
    ("The army said the blast happened shortly after 22:30.", False),
    ("Shortly afterwards, a second drone struck the depot.", True),
    ("Shortly after the raid, residents fled.", True),
])
def test_shortly_after_a_clock_time_is_no_offset(sentence, offset):
    """'shortly after 3 a.m.' is a time of day on the sentence's own date, not 'shortly after <another event>'."""
    kinds = [m.kind for m in find_dates(sentence, date(2022, 5, 12))]
    assert ("offset" in kinds) is offset


@pytest.mark.parametrize("sentence, expected", [
    ("The offensive began on 3 March, the day after the talks collapsed.", [("date", date(2022, 3, 3))]),
    ("Talks collapsed on 3 March. The offensive began the day after.", [("date", date(2022, 3, 3)), ("offset", None)]),
])
def test_an_offset_in_apposition_restates_the_date(sentence, expected):
    found = [(m.kind, m.dated.day if m.dated else None) for m in find_dates(sentence, date(2022, 5, 12))]
    assert found == expected


@pytest.mark.parametrize("sentence, sub_event", [
    ("A minibus carrying farm workers was hit by a drone near Tal Tamr on Tuesday.", "Air/drone strike"),
    ("The hospital had been struck by warplanes twice that week.", "Air/drone strike"),
    ("The school was hit by two mortar shells on Monday.", "Shelling/artillery/missile attack"),
    ("The base was targeted by rockets overnight, the coalition said.", "Shelling/artillery/missile attack"),
])
def test_a_passive_hit_names_its_weapon_after_by(sentence, sub_event):
    subs = [t.trigger.sub_event_type for t in find_triggers(sentence)]
    assert subs and subs[0] == sub_event


@pytest.mark.parametrize("sentence", [
    "The rebels said they had taken full control of the town by nightfall.",
    "Government troops have taken complete control of Khan Shaykhun, state media said.",
    "The militia took it from the army in 2013.",
    "Jihadists wrested it from rival factions after a week of fighting.",
])
def test_ground_taken_with_full_control_or_a_pronoun(sentence):
    assert any(t.trigger.name == "capture" for t in find_triggers(sentence))


@pytest.mark.parametrize("text, location", [
    # a facility named once ('the Tabqa dam'), another town between, then 'the dam': the place named with it
    ("Fighting raged around the Tabqa dam on Sunday. Separately, rebels shelled Raqqa on Sunday. On Monday, a drone "
     "struck a truck on the dam, activists said.", "Al-Tabqa"),
    ("Queues formed at the Nasib crossing on Friday. Separately, rebels shelled Daraa on Friday. Later that day, "
     "shells landed near the crossing, the border authority said.", "Nasib"),
])
def test_the_facility_named_before_is_where_the_anaphor_points(text, location):
    found = rows(text)
    assert found[-1]["location"] == location and found[-1]["geo_precision"] == 2


@pytest.mark.parametrize("sentence, name", [
    ("The interior minister, Ali Abbas, visited the front.", "Abbas"),  # a given name, then a surname
    ("Drones struck positions near the Qara Qozak bridge on Monday.", "Qārah"),  # a facility's longer name
])
def test_a_place_name_inside_a_longer_name_is_no_place(sentence, name):
    assert name not in [m.name for m in place_index().find(sentence)]


@pytest.mark.parametrize("sentence, name", [
    ("Shells fell on Qarah on Monday.", "Qārah"),
    ("Clashes broke out near the Deir ez-Zor Military Airport.", "Deir ez-Zor"),
])
def test_a_place_name_alone_or_with_a_generic_part_is_still_the_place(sentence, name):
    assert name in [m.name for m in place_index().find(sentence)]


def test_an_event_with_no_place_still_dates_its_paragraph():
    """'The fighting went on on Friday.' gives no event (no place), but the next sentence's event is Friday's."""
    text = ("Government forces have pressed on for weeks.\n\nThe fighting continued on Friday. The rebels said they "
            "had repelled an attack on two villages near Saraqib and killed 12 soldiers.")
    found = rows(text, published="2022-05-14")
    assert [(r["event_date"], r["date_precision"]) for r in found] == [("2022-05-13", "day")]


@pytest.mark.parametrize("text, sub_event", [
    ("Israeli missiles hit a weapons depot near Masyaf on Sunday, state media said.", "Air/drone strike"),
    ('The "Israeli enemy" fired a barrage of missiles from over the Golan at sites near Quneitra on Monday, a '
     "military source said.", "Air/drone strike"),
    ("Missiles fired by Russian aircraft struck Ariha on Friday, rescuers said.", "Air/drone strike"),
    ("Missiles struck an airfield near Homs on Tuesday in an attack blamed on Israel, the Observatory said.",
     "Air/drone strike"),
    ("Israeli artillery shelled the outskirts of Quneitra on Monday, state media said.",
     "Shelling/artillery/missile attack"),
    ("Rebels fired missiles at government positions near Hama on Monday, the army said.",
     "Shelling/artillery/missile attack"),
])
def test_a_missile_strike_from_aircraft_is_an_air_strike(text, sub_event):
    assert [r["sub_event_type"] for r in rows(text)] == [sub_event]


@pytest.mark.parametrize("sentence, claimant", [
    ("Nobody has claimed the bombing.", None),
    ("No armed group has claimed responsibility for the blast.", None),
    ("In a statement it said two drones had been destroyed.", "Turkish Ministry of National Defence"),
    ("Later on Sunday they said the road was open again.", "Turkish Ministry of National Defence"),
    ("The Kurdish Red Crescent, the relief organisation active in the north-east, says the clinic was hit.",
     "Kurdish Red Crescent"),
    ("The Syrian Observatory, a Britain-based monitor, puts the death toll at 40.", "Syrian Observatory"),
])
def test_who_speaks(sentence, claimant):
    previous = [Attribution("Turkish Ministry of National Defence", "party", "said")]
    found = attribution_in(sentence, sentence, previous)
    assert (found.claimed_by if found else None) == claimant


@pytest.mark.parametrize("sentence, tally", [
    ("More than 40 villages in the countryside have been shelled since the truce broke down.", True),
    ("Dozens of sites have been hit by drones since Friday, the monitor says.", True),
    ("Three villages were shelled on Friday.", False),
])
def test_a_count_of_places_hit_since_a_time_is_a_tally(sentence, tally):
    assert bool(re.search(VAGUE, sentence, re.IGNORECASE)) is tally


@pytest.mark.parametrize("sentence, sub_event", [
    ("The army said its units had targeted rebel positions near Latamneh with artillery and rockets.",
     "Shelling/artillery/missile attack"),
    ("The militia hit a checkpoint outside Raqqa with two explosive drones on Friday.", "Air/drone strike"),
])
def test_a_weapon_after_with_types_the_strike(sentence, sub_event):
    subs = [t.trigger.sub_event_type for t in find_triggers(sentence)]
    assert subs and subs[0] == sub_event


@pytest.mark.parametrize("text, sub_event", [
    ("Rebels shot down a government helicopter over Kafr Zita on Monday, activists said.", "Armed clash"),
    ("Two Syrian L-39 jets were downed near Saraqib on Sunday, the Turkish ministry said.", "Armed clash"),
    ("Air defences shot down two drones over Hama on Monday, the army said.", "Disrupted weapons use"),
    ("Three missiles were shot down over Damascus on Monday, state media said.", "Disrupted weapons use"),
])
def test_a_manned_aircraft_shot_down_is_a_battle(text, sub_event):
    assert [r["sub_event_type"] for r in rows(text)] == [sub_event]


@pytest.mark.parametrize("text, events", [
    ("This brings to 250 the number of soldiers killed in the province since January, the monitor said.", 0),
    ("The strike brings the death toll since Friday to 41, according to rescuers.", 0),
    ("Shelling killed 12 soldiers near Hama on Monday, the monitor said.", 1),
])
def test_a_running_total_gives_no_event(text, events):
    assert len(rows(text)) == events


@pytest.mark.parametrize("sentence, deployment", [
    ("Drones struck positions and convoys of the militia near Mayadin on Friday.", False),
    ("Aircraft hit a convoy of army trucks outside Palmyra.", False),
    ("A convoy of Turkish armoured vehicles entered Idlib on Friday.", True),
])
def test_a_convoy_struck_is_a_target_not_a_deployment(sentence, deployment):
    assert any(t.trigger.name == "deployment" for t in find_triggers(sentence)) is deployment


@pytest.mark.parametrize("sentence", [
    'State television said troops had "fully restored security" to Khan Shaykhun on Tuesday.',
    "The army restored control over the last villages near Maarat al-Numan.",
])
def test_restored_security_is_ground_regained(sentence):
    assert any(t.trigger.sub_event_type == "Government regains territory" for t in find_triggers(sentence))


@pytest.mark.parametrize("text, claimant", [
    # its own count: the outlet's own network (nineteenth pass, tests/test_extract_mechanisms19.py)
    ("Government shelling killed four civilians in Ariha on Monday, according to our count.",
     "Test Monitor (its own network)"),
    ("Our correspondent in Ariha said government shelling killed four civilians on Monday.",
     "Test Monitor (no attribution)"),
])
def test_the_outlet_in_the_first_person_is_its_own_account(text, claimant):
    assert [r["claimed_by"] for r in rows(text, outlet="Test Monitor")] == [claimant]


@pytest.mark.parametrize("sentence, name", [
    ("Rockets landed near the al-Omar oil field on Friday.", "Al Omar oil fields"),
    ("Drones struck the Shair gas field overnight.", "Shair gas field"),
    ("Jets hit the Tanak oilfield.", "Tanak oil field"),
])
def test_oil_and_gas_fields_are_facilities_of_the_gazetteer(sentence, name):
    assert name in [m.name for m in place_index().find(sentence)]


def test_a_facility_named_before_is_found_by_its_name_alone():
    text = ("Drones attacked the al-Omar oil field on Monday, local media said. The coalition said it shot down one "
            "drone before it reached al-Omar on Monday.")
    assert {r["location"] for r in rows(text)} == {"Al Omar oil fields"}


def test_the_base_is_the_base_named_earlier_in_the_sentence():
    text = ("Drones struck Khmeimim air base on Sunday. On Monday, rockets were fired at the al-Tanf garrison and one "
            "hit the base, the coalition said.")
    assert [r["location"] for r in rows(text)][-1] == "Al-Tanf garrison"


@pytest.mark.parametrize("sentence, claimant", [
    ("The Free Brigades, an alliance of local factions, claimed the attack in a statement, saying it had hit a "
     "checkpoint.", "Free Brigades"),
    ("Rockets hit a checkpoint near Deraa, claimed the Free Brigades.", "Free Brigades"),
])
def test_claimed_the_attack_is_the_claims_object(sentence, claimant):
    found = attribution_in(sentence, sentence, [])
    assert found is not None and found.claimed_by == claimant


@pytest.mark.parametrize("sentence, abroad", [
    ("The Islamic Resistance in Iraq said its drones struck the base.", False),
    ("The UN Mission in Lebanon said shells fell near Quneitra.", False),
    ("Drones struck a base in Iraq on Monday.", True),
])
def test_a_country_ending_an_organisations_name_is_no_place(sentence, abroad):
    assert any(m.kind == "country" for m in place_index().find(sentence)) is abroad


@pytest.mark.parametrize("previous, sentence, claimant", [
    ([Attribution("Turkish defence ministry", "party", "said"), Attribution("Spokesman Ahmet Yilmaz", "party", "said")],
     "It said two drones had been destroyed.", "Turkish defence ministry"),
    ([Attribution("US Central Command", "party", "said")], "In a statement it said the base was hit.",
     "US Central Command"),
    ([], "The army expressed regret for the deaths but said it bore no blame.", "Army"),
])
def test_it_is_a_body_and_but_said_is_the_first_subjects(previous, sentence, claimant):
    found = attribution_in(sentence, sentence, previous)
    assert found is not None and found.claimed_by == claimant


def test_the_outlets_own_account_is_not_taken_over_by_a_later_source():
    text = ("Government shelling killed four civilians in Ariha on Monday, according to our count. The army said it "
            "had targeted militant positions in the area.")
    assert [r["claimed_by"] for r in rows(text, outlet="Test Monitor")][0] == "Test Monitor (its own network)"


@pytest.mark.parametrize("written, gazetteer", [
    ("near Jabal Tharda", "Jabal Thurdah"),  # a final -ah (ta marbuta) written or not
    ("fighting near Qardahah", "Al Qardāḩah"),
])
def test_a_final_ta_marbuta_is_the_same_spelling(written, gazetteer):
    assert gazetteer in [m.name for m in place_index().find(written)]


@pytest.mark.parametrize("text, claimant", [
    ("Shelling killed two farmers near Tal Tamr on Monday, the local council said.", "Local council"),
    ("A car bomb exploded in Azaz on Friday, the city's police said.", "City's police"),
])
def test_a_council_or_the_police_is_a_source(text, claimant):
    assert [r["claimed_by"] for r in rows(text)] == [claimant]


@pytest.mark.parametrize("sentence, deployment", [
    ("A fuel convoy was hit by a drone on the road west of Manbij.", False),
    ("An army convoy came under fire near Palmyra.", False),
    ("The ministry did not mention the convoy.", False),
])
def test_a_convoy_hit_or_denied_gives_no_deployment(sentence, deployment):
    found = [t for t in find_triggers(sentence) if t.trigger.name == "deployment"]
    assert bool([t for t in found if not hypothetical(sentence, t.start)]) is deployment


@pytest.mark.parametrize("sentence, claimant", [
    ("12:05 - Nobody has claimed the car bomb that exploded in Azaz.", None),
    ("14:20 - The Syrian Civil Defence, known as the White Helmets, says jets struck a farm.", "Syrian Civil Defence"),
])
def test_a_live_posts_time_stamp_is_no_part_of_its_subject(sentence, claimant):
    found = attribution_in(sentence, sentence, [])
    assert (found.claimed_by if found else None) == claimant


def test_a_facility_named_to_locate_and_a_capture_with_a_pronoun():
    text = ("Trucks queue on the road to the Bab al-Hawa crossing.\n\nIn 2012 rebels took it from government forces "
            "after days of fighting. Last month, a drone struck a truck park near the crossing, the local council said.")
    found = rows(text, published="2021-06-05")
    assert [(r["location"], r["sub_event_type"], r["actor1"], r["actor2"]) for r in found] == [
        ("Bab al Hawa", "Non-state actor overtakes territory", "Unidentified armed group", "Military Forces of Syria"),
        ("Bab al Hawa", "Air/drone strike", "Unidentified armed group", "")]


def test_government_forces_at_a_sentence_start_regain_ground():
    found = rows("Government forces took Khan Shaykhun in August 2019 after a long offensive.", published="2021-06-05")
    assert [r["sub_event_type"] for r in found] == ["Government regains territory"]
