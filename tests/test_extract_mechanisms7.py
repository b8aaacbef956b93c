"""Seventh pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here was
written for these tests, not taken from a gold set."""

from __future__ import annotations

import pytest
from extraction import candidates, place_index

from utils.importers.article.event_types import find_triggers
from utils.importers.article.issuers import statement_issuer


def rows(text: str, published: str = "2022-05-12", outlet: str = "Test Desk") -> list[dict]:
    return candidates(text, published, outlet)


def subs(sentence: str) -> list[str]:
    return [t.trigger.sub_event_type for t in find_triggers(sentence)]


@pytest.mark.parametrize("text, issuer", [
    ("Test Desk\nStatement of the Joint Command of the Northern Front, issued in Raqqa on 3 May\n\nOur units ...",
     "Joint Command of the Northern Front"),
    ("PRESS RELEASE by the Ministry of Interior of Jordan - 4 June\n\nWe arrested ...", "Ministry of Interior of Jordan"),
    ("Communiqué No. 4 from the Free Tribes Council (Arabic original)\nWe took ...", "Free Tribes Council"),
    ("Official statement from the Press Office of the Governorate, Monday\nToday ...", "Press Office of the Governorate"),
    ("Rebels took the town on Monday, a statement by the group said.\nMore follows.", None),
    ("Test Desk\nBy our correspondent in Idlib\n\nShelling hit the market on Monday.", None),
])
def test_a_statement_heading_names_its_issuer(text, issuer):
    """'Statement of X, issued in ...', 'Press release by X', 'Communiqué No. 4 from X' in the first lines name the
    body speaking; a statement cited inside a sentence or a by-line does not."""
    assert statement_issuer(text) == issuer


def test_a_statements_first_person_is_its_issuers_claim():
    """In an institution's statement 'our forces' and unattributed sentences are the issuer's claim; a source the
    statement cites by name keeps its own account."""
    text = ("Test Desk\nStatement of the General Command of the Northern Front, issued in Raqqa on Tuesday 10 May 2022\n\n"
            "On Monday our forces took full control of the village of Tal Abyad after heavy fighting.\n\n"
            "The hostile agency ANHA said on Monday that drones struck a school in Ain Issa.")
    found = rows(text, "2022-05-10")
    own = [r for r in found if "Tal" in r["location"] or "Abyad" in r["location"]]
    assert own and all(r["claimed_by"] == "General Command of the Northern Front" and r["status"] == "claimed"
                       for r in own)
    assert all(r["claimed_by"] != "General Command of the Northern Front" for r in found if "Issa" in r["location"])


@pytest.mark.parametrize("sentence, place, absent", [
    ("Gunmen attacked the Shin prison in the Ghazal district of Hasakah.", "Ḩasakah", "Shīn"),
    ("A fire broke out at the Raqqa hospital in Tabqa on Monday.", "Tabqa", "Raqq"),
    ("Shells fell near a school in Manbij.", "Manbij", None),
])
def test_a_facility_named_then_placed_is_at_the_place_after_it(sentence, place, absent):
    """'the X prison in the Y district of Z': X names the facility, Z is where it is; a facility named alone keeps
    its name's place."""
    names = [m.name for m in place_index().find(sentence)]
    if place:
        assert any(place in n for n in names), names
    if absent:
        assert not any(absent in n for n in names), names


@pytest.mark.parametrize("sentence, damascus", [
    ("We reject the claims of the Damascus regime's media about the raid on Raqqa.", False),
    ("The Damascus government denied the report from Deraa.", False),
    ("A car bomb exploded in Damascus on Monday.", True),
])
def test_a_capital_before_regime_or_government_is_no_place(sentence, damascus):
    """'the Damascus regime', 'the Damascus government': the government named by its seat."""
    assert ("Damascus" in [m.name for m in place_index().find(sentence)]) is damascus


@pytest.mark.parametrize("sentence, suicide", [
    ("As the soldiers closed in, the commander set off a bomb that killed him and two aides.", True),
    ("The fighter detonated his explosive belt, killing himself and a guard.", True),
    ("Militants set off a bomb outside the bakery, killing three civilians.", False),
])
def test_a_bomb_that_kills_its_bearer_is_a_suicide_bombing(sentence, suicide):
    """ACLED's suicide bomb: the bearer sets off the bomb and is killed by it; a bomb set off against others is not."""
    assert ("Suicide bomb" in subs(sentence)) is suicide


@pytest.mark.parametrize("sentence, raid", [
    ("The commandos landed by helicopter outside the village shortly after midnight.", True),
    ("Special forces were dropped from helicopters near the farm.", True),
    ("It was a heliborne raid on the compound.", True),
    ("The minister landed in Damascus on Monday.", False),
    ("Helicopters landed at the airport with aid.", False),
])
def test_troops_landed_by_helicopter_are_a_ground_raid(sentence, raid):
    """A ground raid flown in is an armed clash (ACLED codes the raid, not the flight)."""
    assert ("Armed clash" in subs(sentence)) is raid


@pytest.mark.parametrize("sentence, sub", [
    ("Hundreds of residents protested for days in the town against the new tax.", "Peaceful protest"),
    ("Demonstrators took to the streets of the city on Friday.", "Peaceful protest"),
    ("Inmates rioted and set fire to the mattresses.", "Violent demonstration"),
    ("Gunmen shot dead a local notable outside the mosque.", "Attack"),
    ("Unknown men assassinated the mayor of the town on Sunday.", "Attack"),
    ("The security forces detained Khaled Omari at a checkpoint.", "Arrests"),
])
def test_protests_riots_killings_of_a_person_and_arrests_by_name(sentence, sub):
    """People protesting, prisoners rioting, one person shot dead by standing, one arrested by name."""
    assert sub in subs(sentence)


@pytest.mark.parametrize("sentence, not_sub", [
    ("Riot police stood by the gate.", "Violent demonstration"),
    ("The ministry protested the decision in a letter.", "Peaceful protest"),
    ("The army detained the convoy for an hour.", "Arrests"),
])
def test_what_is_no_protest_riot_or_arrest(sentence, not_sub):
    """Riot police, a ministry's protest note, a convoy held: none of these."""
    assert not_sub not in subs(sentence)


@pytest.mark.parametrize("sentence, absent", [
    ("Rebels said the man, known as Abu Kamal's cousin Abu Hula, was seized.", "Kafr Lāhā"),
    ("Police detained Omar Hamdan of the Raqqa Military Council at a meeting in Tabqa on Monday.", "Raqq"),
])
def test_a_kunya_or_a_bodys_name_is_no_place(sentence, absent):
    """'Abu X' names a person; 'the X Military Council' names a body: neither is where the event was when the
    sentence names another place."""
    found = rows(sentence)
    assert found and not any(absent in r["location"] for r in found), found


def test_a_place_whose_name_begins_with_abu_is_still_found():
    assert any("Kam" in m.name for m in place_index().find("Shelling hit Abu Kamal on Monday."))


def test_the_statement_cited_as_a_source_is_its_issuer():
    """'According to the briefing' in a briefing's rewrite is the body the heading names, and a claimant's name never
    runs across a line break into the outlet's masthead."""
    text = ("TEST WIRE DIGEST\nBriefing of the Turkish Defence Ministry, 4 May 2022 (our summary)\n\n"
            "According to the briefing, drones struck a depot near the town of Tal Rifaat on Tuesday.")
    found = rows(text, "2022-05-04")
    assert found and all(r["claimed_by"] == "Turkish Defence Ministry" for r in found), found
