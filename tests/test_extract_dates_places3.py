"""Third pass of the article extraction (issue 17): dates and places, one table each. A day with 'this
year', a superlative's baseline, when 'since late August' began, a statement's day; air bases by their
distinctive name and any facility word; places abroad from the world's countries; and short articles for
the context they need (a dated sentence with no event, the region a text is about, the account dated by
its statement). Every sentence was written for these tests, not taken from a gold set."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates
from extraction import place_index as index

from utils.importers.article.abroad import find_abroad
from utils.importers.article.dates import Dated, find_dates


def rows(text: str, published: str) -> list[dict]:
    return candidates(text, published)


@pytest.mark.parametrize("phrase, published, expected", [
    ("On 17 June this year a drone hit a truck", date(2018, 10, 3), Dated(date(2018, 6, 17), "day")),
    ("on 2 March last year rebels shelled the town", date(2021, 1, 9), Dated(date(2020, 3, 2), "day")),
    ("on 5 May a convoy was hit", date(2021, 3, 9), Dated(date(2020, 5, 5), "day")),  # unchanged: the latest 5 May
])
def test_a_day_with_this_or_last_year(phrase, published, expected):
    dated = [m.dated for m in find_dates(phrase, published) if m.kind == "date"]
    assert dated == [expected]


@pytest.mark.parametrize("phrase, dated", [
    ("the deadliest attack the town has seen since 2016", False),
    ("the worst shelling of the district since March", False),
    ("the first strike on the port since 2019", False),
    ("troops have been stationed in the town since 2016", True),
])
def test_a_superlatives_baseline_is_not_a_date(phrase, dated):
    assert bool([m for m in find_dates(phrase, date(2021, 3, 9)) if m.kind == "date"]) is dated


@pytest.mark.parametrize("phrase, statement", [
    ("In a statement on Friday, the ministry said its jets hit a depot", True),
    ("At a briefing on Monday, officials said the convoy was hit", True),
    ("the army said on Tuesday that rockets fell on the base", True),
    ("On Friday jets hit a depot", False),
])
def test_a_statements_day(phrase, statement):
    mention = next(m for m in find_dates(phrase, date(2021, 3, 13)) if m.kind == "date")
    assert mention.is_statement_date(phrase) is statement


@pytest.mark.parametrize("sentence, name", [
    ("Israeli jets struck the T4 air base on Monday.", "Tiyas Military Airbase"),
    ("Missiles hit the Tiyas airbase.", "Tiyas Military Airbase"),
    ("Rockets landed near the Mezzeh military airport.", "Mezzeh Military Airport"),
    ("Militants shelled Kuweires airfield again.", "Qwaris Military Air Base"),  # another spelling of Qwaris
    ("Drones attacked the Abu al-Duhur air base.", "Abu al-Duhur Military Airbase"),
    ("Two jets took off from the Hama military airport.", "Hamah Military Airport"),
])
def test_air_bases_by_their_name_and_any_facility_word(sentence, name):
    assert name in [m.name for m in index().find(sentence) if m.kind == "base"]


@pytest.mark.parametrize("sentence", ["Jets struck Hama on Monday.", "Shelling hit Mezzeh on Monday."])
def test_a_name_alone_is_not_the_air_base(sentence):
    assert not [m for m in index().find(sentence) if "Military" in m.name]


@pytest.mark.parametrize("sentence, names", [
    ("The president spoke from his ranch in Texas on Sunday.", ["Texas"]),
    ("The equipment was flown to Beijing.", ["Beijing"]),
    ("Officials met in Azerbaijan last week.", ["Azerbaijan"]),
    ("China's envoy said the strikes must stop.", []),  # a possessive, an actor
    ("Jets struck Homs.", []),
])
def test_other_countries_capitals_and_states_are_abroad(sentence, names):
    assert [text for _, _, text, _ in find_abroad(sentence)] == names


def test_a_dated_sentence_with_no_event_dates_the_paragraph():
    text = ("Government troops pushed into the hills near Kafranbel on Saturday. The rebels said they repelled an "
            "assault on Kafranbel and took no losses.")
    found = rows(text, "2021-03-10")
    assert [(r["event_date"], r["date_precision"], r["sub_event_type"]) for r in found] == [
        ("2021-03-06", "day", "Armed clash")]


def test_an_account_dated_by_its_statement_takes_the_events_day():
    text = ("Regime jets struck a Turkish post near Saraqib on Thursday evening, killing four soldiers, Turkish "
            "officials said.\n\nIn a statement on Friday, the Russian defence ministry said Syrian aircraft had "
            "struck militants near Saraqib and that no Turkish troops were known to be there.")
    found = rows(text, "2021-03-13")
    assert [r["event_date"] for r in found] == ["2021-03-11", "2021-03-11"]
    assert len({r["claimed_by"] for r in found}) == 2


def test_a_strike_by_another_attacker_is_a_new_event_in_the_region():
    text = ("Regime aircraft bombed a Turkish column in the Idlib de-escalation zone on Thursday, the governor "
            "said. Security sources said the attack hit the column near Saraqib.\n\nThe defence minister said "
            "Turkish drones struck dozens of regime positions overnight.")
    found = rows(text, "2021-03-12")
    assert len(found) == 2
    retaliation = found[1]
    assert retaliation["geo_precision"] == 3 and "Idlib" in retaliation["location"]
