"""Third pass of the article extraction (issue 17): short articles of several styles, written for these
tests (not from a gold set), each checking one general mechanism end to end: a strike told before an
interception, unexplained blasts explained, a change of source inside a sentence, a raid's place given
after a region, the same force told again, 'the capital', a live blog's time stamps, a wire dateline."""

from __future__ import annotations

from functools import lru_cache

import pytest
from conftest import DATA

from utils.data.gazetteer import fold_name
from utils.data.sites import load_sites
from utils.importers.article import build_place_index, candidate_rows, extract_article
from utils.importers.article.attribution import attribution_in, claimant_kind
from utils.importers.article.sources import same_source


@lru_cache(maxsize=1)
def index():
    return build_place_index(load_sites(DATA / "sites.geojson"))


def rows(text: str, published: str = "2022-05-20") -> list[dict]:
    return candidate_rows(extract_article(text.encode(), published=published, outlet="Dev", index=index(),
                                          name="t.txt"))


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
