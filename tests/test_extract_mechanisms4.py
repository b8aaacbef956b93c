"""Fourth pass of the article extraction's general mechanisms (issue 17), one table each: a count of
events is a tally, a judgement of an event told elsewhere is no new event, a warning of a response is a
statement, aircraft that fire missiles make an air strike, 'the source' is the source named before.
Every sentence here was written for these tests, not taken from a gold set."""

from __future__ import annotations

import re

import pytest
from extraction import candidates

from utils.importers.article.event_types import find_triggers
from utils.importers.article.habits import VAGUE
from utils.importers.article.statements import characterises, warns_of_response


def rows(text: str, published: str = "2021-03-10", outlet: str = "Test Desk") -> list[dict]:
    return candidates(text, published, outlet)


@pytest.mark.parametrize("sentence, tally", [
    ("The monitor has counted more than 300 attacks on the town since March.", True),
    ("UN observers recorded 45 ceasefire violations in Idlib province since the truce began.", True),
    ("The coalition has carried out hundreds of raids around Raqqa this year.", True),
    ("Turkish artillery has shelled the villages near Tal Rifaat dozens of times since 2019.", True),
    ("Israel has struck back several times.", True),
    ("The Observatory recorded 12 strikes on Idlib on Monday.", False),
    ("Israel has carried out three strikes on Damascus since Monday.", False),
    ("Russian jets struck Maarat al-Numan 25 times in March.", False),
    ("Drones had entered the zone over the Golan several times in May, the observers said.", False),
])
def test_a_count_of_events_is_a_tally(sentence, tally):
    assert bool(re.search(VAGUE, sentence, re.IGNORECASE)) is tally


@pytest.mark.parametrize("text, events", [
    ("The Observatory has counted more than 300 attacks on Daraa since March, most of them by drones.", 0),
    ("Government forces shelled Daraa on Monday, the Observatory said.", 1),
])
def test_a_tally_gives_no_event(text, events):
    assert len(rows(text)) == events


@pytest.mark.parametrize("sentence, word, judged", [
    ('A diplomat in Beirut said the strike was "a warning to Tehran".', "strike", True),
    ("The foreign ministry called the attack a violation of international law.", "attack", True),
    ("Ankara described the bombing as a crime against civilians.", "bombing", True),
    ("Moscow condemned the strikes on Masyaf on Monday.", "strikes", False),
    ("Analysts said the raids were part of a wider campaign.", "raids", True),
    ("The strike was carried out by two drones, the ministry said.", "strike", False),
    ("A strike was reported near Homs on Monday.", "strike", False),
])
def test_a_judgement_of_a_told_event_is_no_event(sentence, word, judged):
    start = sentence.index(word)
    definite = bool(re.search(r"\b(?:the|this|that)\s+$", sentence[:start]))
    assert characterises(sentence, start, start + len(word), definite) is judged


@pytest.mark.parametrize("sentence, statement", [
    ('The president warned that there would be "consequences" for the shelling.', True),
    ("The minister warned Damascus of a firm response to any attack.", True),
    ("Russia warned that militants were preparing attacks on Khmeimim.", False),
])
def test_a_warning_of_a_response_is_a_statement(sentence, statement):
    warnings = [t for t in find_triggers(sentence) if t.trigger.name == "warning"]
    assert warnings and warns_of_response(sentence, warnings[0].text) is statement


@pytest.mark.parametrize("text", [
    "Israeli jets had fired a salvo of missiles from Lebanese airspace towards Masyaf on Monday, the army said.",
    'Russian warplanes fired four cruise missiles "from the sea" at Idlib on Sunday, activists said.',
    "Turkish F-16s launched guided missiles from inside Turkey at Tal Rifaat on Friday, the SDF said.",
])
def test_aircraft_firing_missiles_is_an_air_strike(text):
    found = rows(text)
    assert [r["sub_event_type"] for r in found] == ["Air/drone strike"]


@pytest.mark.parametrize("text, claimants", [
    ("An army source quoted by state television said jets bombed a depot near Homs on Monday. The raid destroyed "
     "two warehouses, the source said.", ["Army source quoted by state television"]),
])
def test_the_source_is_the_source_named_before(text, claimants):
    assert [r["claimed_by"] for r in rows(text)] == claimants


@pytest.mark.parametrize("second, precision", [
    # another source's account of the same strike, with no date of its own: the incident's day
    ("In Beirut, the Syrian Observatory for Human Rights said rockets fired from the sea hit the depot near Masyaf "
     "and killed seven fighters of a pro-Iran militia.", "day"),
])
def test_an_account_with_no_date_takes_its_incidents_day(second, precision):
    text = ("Depot hit\n\nWarplanes struck an arms depot near Masyaf early on Tuesday, killing four soldiers, state media "
            f"said.\n\n{second}")
    found = rows(text, published="2021-03-10")
    assert len(found) == 2 and found[0]["incident"] == found[1]["incident"] != ""
    assert [(r["event_date"], r["date_precision"]) for r in found] == [("2021-03-09", "day"), ("2021-03-09", precision)]


@pytest.mark.parametrize("text, events", [
    # the event is abroad; the Syrian place only measures how far away it is
    ("A drone hit an army post in north-eastern Jordan, about 15 km from the al-Tanf garrison, on Monday.", 0),
    ("Rockets struck a village in southern Turkey some 10 kilometres north of Jarablus on Monday.", 0),
    ("Rockets fired from Syria hit a village in southern Turkey on Monday.", 0),
    # a Syrian place that is the event's own place stays
    ("A drone hit an army post near the al-Tanf garrison on Monday, officials in Jordan said.", 1),
])
def test_a_place_that_only_measures_an_event_abroad_is_not_its_place(text, events):
    assert len(rows(text)) == events


@pytest.mark.parametrize("sentence", [
    "Rebel factions drove Islamic State fighters out of the town of Dabiq on Sunday.",
    "Kurdish forces pushed the jihadists out of Tal Abyad within a day.",
    "The army said Qaryatain had been \"cleared of terrorists\" on Sunday.",
    "The village was liberated of the militants by noon, the commander said.",
])
def test_ground_taken_by_driving_out_or_clearing(sentence):
    names = {t.trigger.name for t in find_triggers(sentence)}
    assert "capture" in names


@pytest.mark.parametrize("sentence", [
    "Rebels drove a car out of the garage.",
    "The road was cleared of snow on Sunday.",
])
def test_driving_out_and_clearing_need_fighters_or_a_place_freed(sentence):
    assert "capture" not in {t.trigger.name for t in find_triggers(sentence)}


@pytest.mark.parametrize("text, events", [
    ("Rockets fired from the Azaz area landed in Kilis on Tuesday, wounding two people.", 0),
    ("Mortar rounds fired from the Jarablus area landed in Karkamis on Monday.", 0),
    ("Rockets fired from Turkey hit Tal Rifaat on Monday.", 1),
])
def test_fire_from_syria_that_lands_abroad_is_abroad(text, events):
    assert len(rows(text)) == events


@pytest.mark.parametrize("text, sub_event_type", [
    # armed men entering a town in an offensive take it; entering after the other side left is a transfer
    ("Rebel fighters entered Saraqib on Monday after a day of heavy fighting.", "Non-state actor overtakes territory"),
    ("The Syrian army admits the fighters entered Maarat al-Numan on Monday.", "Non-state actor overtakes territory"),
    ("Kurdish fighters entered Manbij on Monday after government troops withdrew from the town.",
     "Non-violent transfer of territory"),
    ("Turkish troops entered Tal Abyad on Monday without a fight.", "Non-violent transfer of territory"),
    ("Russian soldiers entered Kobani on Monday under a new deal with the Kurds.", "Non-violent transfer of territory"),
])
def test_armed_men_entering_a_town_take_it_unless_it_was_left_to_them(text, sub_event_type):
    assert rows(text)[0]["sub_event_type"] == sub_event_type


def test_the_losers_retreat_in_an_as_clause_is_part_of_the_capture():
    found = rows("Rebel fighters entered the Kuweires air base on Monday as the last troops there pulled back, the "
                 "Observatory said.")
    assert [r["sub_event_type"] for r in found] == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize("text, events", [
    # what a party says it is not doing is no account of the strike
    ('Jets struck a depot near Homs on Monday, state media said. The Pentagon said the United States was "not '
     'conducting air strikes in Syria at this time".', 1),
    # entering airspace is no ground taken
    ("On Monday an Iranian drone entered Israeli airspace from Syria and was shot down, the army said.", 0),
    # the event told before, as the setting of something else
    ("Jets struck Douma on Monday, state media said.\n\nRescuers said many victims were found in basements where they "
     "had sheltered from the shelling.", 1),
])
def test_denials_airspace_and_settings_give_no_new_event(text, events):
    assert len(rows(text)) == events


@pytest.mark.parametrize("text, claimant", [
    ("Rockets struck an army depot near Hama before dawn on Monday, killing nine soldiers, a monitor said.\n\nThe Syrian "
     "Observatory for Human Rights, a Britain-based war monitor, said most of the dead were officers.",
     "Syrian Observatory for Human Rights"),
    ("Rockets struck an army depot near Hama before dawn on Monday, killing nine soldiers, a monitor said.", "Monitor"),
])
def test_a_monitor_in_the_lead_is_the_monitor_named_further_on(text, claimant):
    assert rows(text)[0]["claimed_by"] == claimant


@pytest.mark.parametrize("text, location", [
    # 'Aleppo International Airport' not needed in the gazetteer: 'the airport' is then Aleppo's, not another's
    ("Flights to Homs International Airport were suspended on Monday.\n\nCargo moved to Latakia's Bassel al-Assad "
     "airport, which shares its runway with the Russian base at Hmeimim.\n\nIn 2019, jets struck a depot near the "
     "airport's cargo terminal, the army said.", "Homs"),
])
def test_the_airport_is_the_one_the_article_named_with_its_city(text, location):
    found = rows(text)
    assert [r["location"] for r in found] == [location]
