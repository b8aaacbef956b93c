"""Nineteenth pass of the article extraction's general mechanisms (issue 17): a strike whose result is told
('strikes destroyed', 'was struck, in an attack that') is a strike, dated by the event, not by the pictures that show
it; the outlet's own first-person account is named as its own; families leaving a town are displaced, not a force
withdrawn. Every sentence here was written for these tests, not
taken from a gold set; places, dates, forces and phrasings are varied on purpose. Negative rows must not change."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.dates import find_dates
from utils.importers.article.observations import observation_date, without_observation_dates


def rows(text: str, published: str = "2020-05-12", outlet: str = "Test Desk") -> list[tuple[str, str, str, str]]:
    return [(r["event_date"], r["sub_event_type"], r["location"], r["claimed_by"])
            for r in candidates(text, published, outlet)]


# --- a strike told by its result, dated by the event, not by the pictures ---------------------------------------

@pytest.mark.parametrize("text, day", [
    # the strikes' result is "destroyed": the strike is the event, not a clash
    ("Strikes before dawn on Sunday destroyed three warehouses at a depot outside Palmyra, residents said.",
     "2020-05-10"),
    # "was struck again, in an attack that ...": the attack is the strike's, named again
    ("The depot at Saraqib was struck again late on Monday, in an attack that officials blamed on Turkey.",
     "2020-05-11"),
    # an imagery note: the pictures' dates (1 May, the nearer to 'strikes') are not the strikes' day
    ("Pictures of 1 May show that strikes in the night of Wednesday 6 May destroyed two hangars near Palmyra.",
     "2020-05-06"),
    ("Imagery from 2 May, set beside scenes of 28 April, shows that strikes on the night of 30 April destroyed a "
     "bridge at Raqqa.", "2020-04-30"),
])
def test_strike_told_by_its_result(text, day):
    """One air strike, on the strike's own day."""
    found = rows(text)
    assert [(d, kind) for d, kind, *_ in found] == [(day, "Air/drone strike")], found


@pytest.mark.parametrize("text, expected", [
    # no strike word: what gunmen destroyed stays an armed clash
    ("Gunmen destroyed a checkpoint near Saraqib on Monday, residents said.", [("2020-05-11", "Armed clash")]),
    # a strike named by its day refers back; the attack it answers is abroad: no event here
    ("Monday's strike answers the attack on a convoy in Iraq on 2 May.", []),
    # what an image shows destroyed, in the present, is a state, not an event
    ("Of the 20 hangars at the airfield near Palmyra visible in the 1 May image, four are destroyed.", []),
    ("In Palmyra one depot is destroyed, the latest pictures show.", []),
    # a bomb destroyed by police is no strike (the device's own event stays)
    ("A car bomb was destroyed near Azaz by police on Monday.", [("2020-05-11", "Remote explosive/landmine/IED")]),
])
def test_no_strike_from_a_result_alone(text, expected):
    assert [(d, kind) for d, kind, *_ in rows(text)] == expected, rows(text)


@pytest.mark.parametrize("body, text, expected", [
    ("Satellite images taken on Thursday 14 May show the damage.", "14 May", True),
    ("Compared with images of 9 May, the base has lost two hangars.", "9 May", True),
    ("Of the 31 buildings seen in the 9 May scene, 12 are gone.", "9 May", True),
    ("No vehicles are visible at the depot on 14 May.", "14 May", True),
    # the event's own date, in the same kind of sentence
    ("Images show that strikes on 13 May destroyed the depot.", "13 May", False),
    ("The depot was hit on 13 May, residents said.", "13 May", False),
])
def test_observation_date(body, text, expected):
    mention = next(m for m in find_dates(body, date(2020, 5, 20)) if m.text.endswith(text))
    assert observation_date(body, mention) is expected


def test_observation_dates_dropped_only_beside_another():
    """An image's date is dropped when the sentence has another; alone, it stays (nothing better to date by)."""
    both = "Images of 9 May show that strikes on 13 May destroyed the depot."
    kept = without_observation_dates(both, find_dates(both, date(2020, 5, 20)))
    assert [m.text for m in kept] == ["13 May"]
    alone = "Images of 9 May show the depot intact."
    assert [m.text for m in without_observation_dates(alone, find_dates(alone, date(2020, 5, 20)))] == ["9 May"]


# --- the outlet's own first-person account is named as its own ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Our sources said two fighters were killed in clashes in Tal Tamr on Sunday.",
    "According to our count, shelling on Kafr Nabl on Monday killed four civilians.",
    "Warplanes struck the market in Saraqib on Thursday morning, our team reported.",
])
def test_outlets_own_network_named(text):
    """A monitor's or relief body's own sources, count or team: '<outlet> (its own network)'."""
    found = rows(text, "2021-03-10", "Test Valley Watch")
    assert [claimant for *_, claimant in found] == ["Test Valley Watch (its own network)"], found


@pytest.mark.parametrize("text, claimant", [
    # a newspaper's own reporter: the outlet's plain reporting
    ("Turkish artillery shelled villages near Tal Rifaat on Monday, our correspondent reported.",
     "Test Valley Watch (no attribution)"),
    ("Our reporter in Idlib said warplanes bombed Ariha on Thursday.", "Test Valley Watch (no attribution)"),
    # another source named, or none at all
    ("Shelling hit Kafr Nabl on Monday, the Observatory said.", "Observatory"),
    ("Shelling hit the edge of Kafr Nabl early on Monday.", "Test Valley Watch (no attribution)"),
])
def test_not_the_outlets_own_network(text, claimant):
    found = rows(text, "2021-03-10", "Test Valley Watch")
    assert [c for *_, c in found] == [claimant], found


# --- families leaving a town are displaced, not a force withdrawn ------------------------------------------------

@pytest.mark.parametrize("text", [
    "About 150 families left Kafr Nabl on Tuesday for camps near the Turkish border, the local council said.",
    "Since Friday some 400 families have left Maarat al-Numan for villages further north, a relief official said.",
    "On Sunday about 60 families were brought out of Madaya to Zabadani, according to the Red Crescent.",
])
def test_families_leaving_are_displaced(text):
    assert [kind for _, kind, *_ in rows(text, "2021-03-10")] == ["Displacement"], rows(text, "2021-03-10")


@pytest.mark.parametrize("text, kind", [
    # a force leaving stays a withdrawal
    ("Government troops left Tal Rifaat on Tuesday, residents said.", "Change to group/activity"),
    ("Residents said the troops left the base at Tabqa on Monday.", "Change to group/activity"),
    # people or fighters leaving under a deal: an agreement (ACLED), as before
    ("The remaining residents left Talbiseh on Monday under an agreement with the government, state media said.",
     "Agreement"),
    ("The fighters left Tal Rifaat on Tuesday under an agreement with the army, a commander said.", "Agreement"),
])
def test_not_displacement(text, kind):
    assert [k for _, k, *_ in rows(text, "2021-03-10")] == [kind], rows(text, "2021-03-10")
