"""Sixth pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here was
written for these tests, not taken from a gold set."""

from __future__ import annotations

import pytest
from extraction import candidates

from utils.importers.article.event_types import find_triggers


def rows(text: str, published: str = "2022-05-12", outlet: str = "Test Desk") -> list[dict]:
    return candidates(text, published, outlet)


def subs(sentence: str) -> list[str]:
    return [t.trigger.sub_event_type for t in find_triggers(sentence)]


@pytest.mark.parametrize("sentence, suicide", [
    ("A suicide bomber struck a checkpoint outside the town.", True),
    ("Police said the bomber had walked into the crowd before detonating.", True),
    ("The attacker wore an explosive vest under his coat.", True),
    ("A man blew himself up at the gate of the compound.", True),
    ("The group called it a martyrdom operation.", True),
    ("Two B-1 bombers fired missiles at the depot.", False),
    ("The bombers took off from a base in Qatar.", False),
])
def test_a_bomber_on_foot_is_a_suicide_bombing(sentence, suicide):
    """ACLED's suicide bomb: a bomber, a vest or belt, 'blew himself up'; aircraft called bombers are not."""
    assert ("Suicide bomb" in subs(sentence)) is suicide


@pytest.mark.parametrize("sentence, deployment", [
    ("A bomber targeted a joint patrol near the market.", False),
    ("Gunmen ambushed a patrol of the border guard at dawn.", False),
    ("It is the town where Russian military police patrol with Turkish troops.", False),
    ("Russian and Turkish troops held a joint patrol on the M4 highway on Thursday.", True),
    ("A convoy of armoured vehicles crossed into the province.", True),
])
def test_a_patrol_that_is_attacked_or_described_is_no_deployment(sentence, deployment):
    """A patrol struck is a target, and 'where troops patrol' describes a standing presence; a patrol held moves."""
    assert ("Deployment" in subs(sentence)) is deployment


@pytest.mark.parametrize("sentence, taken", [
    ("The SDF liberated Tabqa on Wednesday.", True),
    ("Government forces freed the town of Qusayr after a week of fighting.", True),
    ("The minister said the operation to free the city had been completed.", True),
    ("The army took the hill overlooking the town.", True),
    ("Rebels captured three villages north of the city.", True),
    ("The hostages were freed on Tuesday.", False),
    ("The convoy took the road to the coast.", False),
])
def test_liberation_and_ground_by_its_kind_are_captures(sentence, taken):
    """'liberated X', 'the operation to free the city had been completed', 'took the hill': ground taken."""
    assert bool({"Non-state actor overtakes territory", "Government regains territory"} & set(subs(sentence))) is taken


@pytest.mark.parametrize("sentence, withdrawal", [
    ("Islamic State pulled its fighters out of Tadmur overnight and the army entered the city on Friday.", False),
    ("The fighters entered Tadmur on Sunday as the last troops pulled back.", False),
    ("Russian troops withdrew from the base near Qamishli on Monday.", True),
])
def test_the_losers_retreat_before_the_winners_entry_is_one_change_of_hands(sentence, withdrawal):
    found = [r["sub_event_type"] for r in rows(sentence)]
    assert ("Change to group/activity" in found) is withdrawal
    assert found


@pytest.mark.parametrize("text, sub_event, actor1", [
    ("Islamic State launched a surprise attack across the desert and retook Tadmur on Sunday.",
     "Non-state actor overtakes territory", "Islamic State (ISIS)"),
    ("The rebels of HTS retook Saraqib on Monday.", "Non-state actor overtakes territory", "Hayat Tahrir al-Sham"),
    ("Syrian government forces retook Saraqib on Monday after a week of fighting.", "Government regains territory", "Military Forces of Syria"),
    ("On Tuesday the army took the hill west of Tadmur.", "Government regains territory", "Military Forces of Syria"),
    ("Russian special forces captured the town of Tadmur on Monday.", "Government regains territory",
     "Military Forces of Russia"),
])
def test_who_takes_the_ground_decides_whose_gain_it_is(text, sub_event, actor1):
    """ACLED: ground taken by the state or the forces fighting for it is regained; retaken by a group, it is the
    group's; the subject nearest the verb is the taker."""
    found = rows(text, published="2022-05-12")
    assert [(r["sub_event_type"], r["actor1"]) for r in found] == [(sub_event, actor1)]


@pytest.mark.parametrize("text, subs_expected", [
    ("The Syrian army credited Russian air strikes for the advance on Tadmur on Monday and said the operation to "
     "free the city had been completed.", ["Government regains territory"]),
    ("Russian air strikes hit Tadmur on Monday, the monitor said.", ["Air/drone strike"]),
])
def test_strikes_credited_for_an_advance_are_no_event_of_their_own(text, subs_expected):
    assert [r["sub_event_type"] for r in rows(text)] == subs_expected


@pytest.mark.parametrize("text, day", [
    ("The monitor says the militants pulled out of Tadmur overnight and that the army entered the western "
     "neighbourhoods this morning.", "2022-05-12"),
])
def test_a_date_just_after_a_long_event_phrase_is_its_own(text, day):
    """Nearness is measured between the spans: 'entered the western neighbourhoods this morning'."""
    found = rows(text)
    assert [r["event_date"] for r in found] == [day]


@pytest.mark.parametrize("sentence, strike", [
    ("The Israeli enemy carried out an air aggression on positions near Damascus, a military source said.", True),
    ("The Zionist aggression destroyed a building in the capital on Monday night.", True),
    ("On Friday, the enemy launched an aggression on several sites near the airport.", True),
    ("The minister called the sanctions an aggression against the Syrian people.", False),
])
def test_state_medias_aggression_is_an_air_strike(sentence, strike):
    """Syrian and Iranian state media call Israel's air strikes 'an air aggression', 'the Israeli aggression'."""
    assert ("Air/drone strike" in subs(sentence)) is strike


@pytest.mark.parametrize("sentence, deployment", [
    ("Inspectors of the chemical weapons watchdog arrived in Damascus on Saturday.", False),
    ("A UN delegation landed in Qamishli on Monday for talks.", False),
    ("Russian troops arrived in Qamishli on Monday.", True),
])
def test_visitors_arriving_are_no_deployment(sentence, deployment):
    assert ("Deployment" in subs(sentence)) is deployment


@pytest.mark.parametrize("text, sub_event", [
    ("The ministry said 60 of the 80 cruise missiles fired were shot down, and that the Dumayr airfield had come "
     "under attack on Saturday.", "Shelling/artillery/missile attack"),
    ("Warplanes circled for an hour and the Dumayr airfield came under attack on Saturday, the monitor said.",
     "Air/drone strike"),
    ("Gunmen attacked a checkpoint near Dumayr on Saturday, the monitor said.", "Armed clash"),
])
def test_a_generic_attack_word_takes_the_weapon_of_its_sentence(text, sub_event):
    """'came under attack' beside 'cruise missiles fired' is a missile attack (ACLED), beside aircraft an air strike;
    with no weapon named it stays a clash."""
    assert sub_event in [r["sub_event_type"] for r in rows(text, published="2022-05-15")]


@pytest.mark.parametrize("text, claimants", [
    ("The three allies fired missiles at targets near Homs before dawn on Saturday in what they said was a response "
     "to a chlorine attack in Douma a week ago.", {"Test Desk (no attribution)"}),
])
def test_in_what_they_said_is_no_named_source(text, claimants):
    """'in what they said was a response to ...': the pronoun, not the words before it, says it; and the response
    clause is a cause of its own."""
    found = rows(text, published="2022-05-14")
    assert {r["claimed_by"] for r in found} <= claimants | {"They"}
    assert {r["sub_event_type"] for r in found} >= {"Chemical weapon"}


@pytest.mark.parametrize("text, expected", [
    ("The allies fired missiles at the Dumayr airfield before dawn on Saturday in what officials called a reprisal for a "
     "gas attack in Douma a week ago. Targets near Homs also came under attack, the ministry said.",
     [("2022-05-14", "Shelling/artillery/missile attack", "Al Dumayr Military Airport"),
      ("2022-05-07", "Chemical weapon", "Dūmā"),
      ("2022-05-14", "Shelling/artillery/missile attack", "Homs")]),
])
def test_a_cause_is_its_own_event_and_lends_no_date_or_type(text, expected):
    """A cause ('a reprisal for a gas attack a week ago') is its own event; its date and type are not the next
    sentence's, which takes the day and the weapon of the event the text is about."""
    found = rows(text, published="2022-05-14")
    assert [(r["event_date"], r["sub_event_type"], r["location"]) for r in found] == expected


@pytest.mark.parametrize("sentence, statement", [
    ("The president, in an address from the White House on Friday night, said the strikes were justified.", True),
    ("In a speech to Parliament on Monday, the minister said the raid had succeeded.", True),
    ("Jets struck the depot on Friday night.", False),
])
def test_where_a_statement_was_made_does_not_hide_its_date(sentence, statement):
    from datetime import date

    from utils.importers.article.dates import find_dates
    mentions = [m for m in find_dates(sentence, date(2022, 5, 14)) if m.kind == "date"]
    assert mentions and mentions[0].is_statement_date(sentence) is statement


@pytest.mark.parametrize("sentence, taken", [
    ("Manbij, which the Kurdish-led SDF took from Islamic State in 2016, is now under threat.", True),
    ("The town, which rebels had captured from the army in 2012, changed hands again.", True),
    ("The town, which rebels shelled from the hills, was quiet on Monday.", False),
])
def test_a_capture_with_its_object_fronted_as_which(sentence, taken):
    """'which X took from Y': the place before 'which' is what was taken."""
    assert ("Non-state actor overtakes territory" in subs(sentence)) is taken


@pytest.mark.parametrize("sentence, deployment", [
    ("The Kurds said a few hundred government troops had deployed on the front line near Arima.", True),
    ("Russian forces redeployed to the airport on Sunday.", True),
    ("The forces deployed there since 2015 have not moved.", False),
])
def test_troops_deployed_without_an_object(sentence, deployment):
    assert ("Deployment" in subs(sentence)) is deployment


@pytest.mark.parametrize("text, expected", [
    ("On Monday the YPG took Tall Abyad, from which Islamic State fighters had shelled the border villages.",
     ["Non-state actor overtakes territory"]),
    ("On Monday Islamic State fighters shelled Tall Abyad, the monitor said.", ["Shelling/artillery/missile attack"]),
])
def test_what_was_once_done_from_a_place_taken_describes_it(text, expected):
    """'took the hill, from which IS had shelled the city': the relative clause describes the hill; the capture is
    the event."""
    assert [r["sub_event_type"] for r in rows(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Turkey has threatened for months to attack Manbij, which the SDF took from Islamic State in August 2016.",
     {"Non-state actor overtakes territory"}),
])
def test_a_threat_does_not_silence_the_event_in_its_relative_clause(text, expected):
    """The threat ('has threatened for months') is a standing one; the capture after ', which' is an event."""
    assert {r["sub_event_type"] for r in rows(text, published="2019-01-16")} == expected


@pytest.mark.parametrize("text, sub_event", [
    ("On Sunday about 300 fighters and their families left Tadmur in a convoy of buses under a deal negotiated by "
     "local elders, the monitor said.", "Agreement"),
    ("Russian and Turkish troops held a joint patrol near Kobani on Sunday under a deal agreed in Sochi.", "Deployment"),
    ("On Sunday about 300 fighters left Tadmur in a convoy of buses, the monitor said.", "Change to group/activity"),
])
def test_fighters_leaving_under_a_deal_is_an_agreement(text, sub_event):
    """ACLED codes an evacuation agreed ('left the city in a convoy under a deal') as an agreement; a patrol under
    a deal, or a departure with no deal, stays a movement."""
    assert sub_event in [r["sub_event_type"] for r in rows(text, published="2022-05-16")]
