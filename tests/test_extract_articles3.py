"""Third pass of the article extraction (issue 17): short articles of several styles, written for these
tests (not from a gold set), each checking one general mechanism end to end: a strike told before an
interception, unexplained blasts explained, a change of source inside a sentence, a raid's place given
after a region, the same force told again, 'the capital', a live blog's time stamps, a wire dateline."""

from __future__ import annotations

import pytest
from extraction import candidates
from extraction import place_index as index

from utils.data.gazetteer import fold_name
from utils.importers.article.attribution import attribution_in, claimant_kind
from utils.importers.article.sources import same_source


def rows(text: str, published: str = "2022-05-20") -> list[dict]:
    return candidates(text, published, outlet="Dev")


def summary(found: list[dict]) -> list[tuple[str, str]]:
    return [(r["sub_event_type"], fold_name(r["location"])) for r in found]


ARTICLES = [
    # aircraft fire missiles at a base; air defences shoot some down: one strike, not an interception
    ("Israeli warplanes fired missiles at the T4 air base early on Friday, state media said, adding that air "
     "defences shot down most of them.", [("Air/drone strike", "tias military airbase")]),
    # blasts first, explained by the next sentence: an interception over the capital
    ("Loud explosions were heard across Damascus on Friday morning. State television said air defences were "
     "confronting hostile targets over the capital.", [("Disrupted weapons use", "damascus")]),
    # one sentence, two sources, two movements
    ("Cargo planes left Hmeimim air base this week, according to flight-tracking data, and satellite images showed "
     "vehicles being loaded at the Tartus naval base.", [("Change to group/activity", "hmeimim air base"),
                                                        ("Deployment", "tartus naval base")]),
    # a raid in a region, then its place: one event, placed
    ("US forces killed an Islamic State commander in a raid in northern Syria on Thursday, the Pentagon said. The "
     "raid took place near the town of Jarablus, officials said.", [("Armed clash", "jarabulus")]),
    # the raid's helicopters told again: no deployment of their own
    ("Special forces raided a house near Jarablus on Thursday, the Pentagon said. Residents said the helicopters "
     "landed in a field outside the town.", [("Armed clash", "jarabulus")]),
    # what did not happen is no event, even inside the event words
    ("Russian police patrolled the countryside of Kobani on Sunday, the ministry said. It said Russian aircraft had "
     "not carried out strikes in the area.", [("Deployment", "ayn al arab")]),
    # two kinds of event joined by ', and': two events, the second on the first's day
    ("Clashes near the prison in Hasakah continued on Friday, and coalition aircraft struck militant positions in "
     "a nearby district, the coalition said.", [("Armed clash", "hasaka"), ("Air/drone strike", "hasaka")]),
    # an explosion, then another source's explanation: two accounts, the second an air strike
    ("Explosions ripped through a depot near Masyaf late on Tuesday, residents said. Opposition media said the depot "
     "had been targeted by an air strike.", [("Remote explosive/landmine/IED", "masiaf"), ("Air/drone strike", "masiaf")]),
    # a foiled escape is no interception; the car bomb is the event
    ("The SDF said it foiled a prison break in Hasakah on Friday, after militants detonated a car bomb at the gate.",
     [("Remote explosive/landmine/IED", "hasaka")]),
]


@pytest.mark.parametrize("text, expected", ARTICLES)
def test_short_articles(text, expected):
    assert summary(rows(text)) == [(kind, fold_name(place)) for kind, place in expected]


@pytest.mark.parametrize("sentence, claimant", [
    ("10:15 - The Israeli military said it struck depots near the airport.", "Israeli military"),
    ("AMMAN (Dev Wire) - Jordan's army said it shot down a drone near the border.", "Jordan's army"),
])
def test_time_stamps_and_datelines_are_not_part_of_a_source(sentence, claimant):
    found = attribution_in(sentence, sentence, [])
    assert found is not None and found.claimed_by == claimant


@pytest.mark.parametrize("a, b, same", [
    ("SDF", "Syrian Democratic Forces", True),
    ("Islamic Revolutionary Guard Corps (IRGC)", "IRGC", True),
    ("SOHR", "Syrian Observatory for Human Rights", True),
    ("SDF", "Syrian Arab News Agency", False),
])
def test_an_acronym_is_the_same_source(a, b, same):
    assert same_source(a, b) is same


@pytest.mark.parametrize("claimant, kind", [
    ("Syrian Civil Defence (the White Helmets)", "media"), ("Doctors at the hospital", "media"),
    ("Syrian Arab Red Crescent", "media"), ("Syrian Ministry of Defence", "party"),
])
def test_rescuers_and_doctors_report_they_claim_nothing(claimant, kind):
    assert claimant_kind(claimant) == kind


def test_a_province_named_with_its_region_is_the_province():
    found = [m.name for m in index().find("Jets struck a factory in southern Syria's Sweida province.")
             if m.kind == "region"]
    assert found == ["Suwayda province"]


@pytest.mark.parametrize("sentence, claimant", [
    ("Shelling killed four people in Daraa, the local Horan Free League said.", "Local Horan Free League"),
    ("UN inspectors later confirmed that sarin had been used.", "UN inspectors"),  # the adverb is no part of the name (eighth pass)
])
def test_a_named_subject_is_a_source(sentence, claimant):
    found = attribution_in(sentence, sentence, [])
    assert found is not None and found.claimed_by == claimant


def test_the_next_morning_is_the_day_after_the_date_before_it():
    found = rows("Rebels took Hama on 5 December. Homs fell on 7 December, and the next morning rebels entered "
                 "Damascus.", "2024-12-20")
    assert ("2024-12-08", "damaskus") in [(r["event_date"], fold_name(r["location"])) for r in found]


@pytest.mark.parametrize("sentence, expected", [
    ("Within three days they had taken Aleppo.", True),
    ("The town fell to the rebels on Monday.", True),
    ("Rockets fell on the town on Monday.", False),
])
def test_taken_and_fallen_places_are_captures(sentence, expected):
    from utils.importers.article.event_types import find_triggers

    assert any(t.trigger.name == "capture" for t in find_triggers(sentence)) is expected


def test_fleeing_the_area_is_displacement_from_the_place_of_the_text():
    found = rows("Militants stormed the Ghwayran prison in Hasakah on Thursday. Thousands of residents have fled the "
                 "area.", "2022-01-22")
    assert ("Displacement", "hasaka") in summary(found)


def test_a_source_in_the_next_paragraph_is_not_the_events_source():
    text = ("Hundreds of families have fled towards Manbij, where schools are used as shelters.\n\n"
            "Shells fired from Syria landed on the Turkish border town of Kilis on Sunday, Turkish media reported.")
    found = rows(text, "2022-11-21")
    assert [(r["sub_event_type"], r["claimed_by"]) for r in found] == [("Displacement", "Dev (no attribution)")]


@pytest.mark.parametrize("text, published, expected", [
    # a habit and a tally are no events
    ("Every week brings new reports of air strikes on markets in Idlib. Since 2015, Russian jets have bombed "
     "dozens of clinics in the province.", "2019-06-01", []),
    # an aid convoy is relief, not a deployment; the shelling after it is the event
    ("A convoy of 30 trucks from the Red Crescent reached Madaya on Wednesday. Hours later government forces shelled "
     "the town, residents said.", "2016-01-14", [("Shelling/artillery/missile attack", "madaia")]),
    # the target described by a relative clause is no threat warning
    ("An Israeli drone struck a car near Quneitra on Monday. Israel's military said it had struck a man who was "
     "planning attacks.", "2024-05-21", [("Air/drone strike", "kunaitira")]),
    # people evacuated are displaced, not forces withdrawn
    ("Thousands of women and children were evacuated from Baghouz on Friday.", "2019-03-24",
     [("Displacement", "baguz fokani")]),
])
def test_habits_relief_targets_and_evacuees(text, published, expected):
    assert summary(rows(text, published)) == [(kind, fold_name(place)) for kind, place in expected]
