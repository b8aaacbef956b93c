"""Fourteenth pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here
was written for these tests, not taken from a gold set: places, dates, forces and phrasings are varied on purpose,
so a table checks the mechanism rather than a remembered line. Rows with no further event must give none."""

from __future__ import annotations

import pytest
from extraction import candidates


def rows(text: str, published: str = "2019-03-20") -> list[tuple[str, str, str]]:
    return [(r["event_date"], r["location"], r["sub_event_type"]) for r in candidates(text, published, "Test Desk")]


@pytest.mark.parametrize("text, expected", [
    ("Clashes went on through Monday around Saraqib, which lies on the highway linking Idlib to Aleppo.",
     [("2019-03-18", "Saraqib", "Armed clash")]),
    ("Rebels shelled Azaz, which sits 30 km north of Aleppo, on Tuesday.",
     [("2019-03-19", "I‘zāz", "Shelling/artillery/missile attack")]),
    ("Aircraft bombed Maarat al-Numan, which stands on the road from Hama to Aleppo, on Sunday, medics said.",
     [("2019-03-17", "Ma‘arrat an Nu‘mān", "Air/drone strike")]),
    # a clause that does not place the town: the places before it stay the events'
    ("Clashes went on around Saraqib on Monday, as troops shelled Ariha, which rebels hold.",
     [("2019-03-18", "Saraqib", "Armed clash"), ("2019-03-18", "Arīḩā", "Shelling/artillery/missile attack")]),
])
def test_a_clause_that_places_a_town_names_only_background(text, expected):
    """', which lies on the highway linking X to Y': X and Y only say where the town is."""
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tuesday's raid was the deadliest in Idlib since May 2017, when aircraft bombed the city's market, the "
     "monitor said.", [("2017-05-15", "Idlib", "Air/drone strike")]),
    ("The shelling of Monday was the worst in Hama since June 2016, when rebels stormed the town, activists said.",
     [("2016-06-15", "Ḩamāh", "Non-state actor overtakes territory")]),
    # a baseline with no 'when' clause: no event of its own
    ("Tuesday's raid was the deadliest in Idlib since May 2017, the monitor said.", []),
])
def test_a_baseline_with_when_dates_that_clause(text, expected):
    """'the deadliest since May 2017, when ...': the clause after 'when' is told at the baseline, not today."""
    assert [r for r in rows(text) if not r[0].startswith("2019")] == expected


@pytest.mark.parametrize("text, expected", [
    ("In Manbij, gunfire was exchanged near the main checkpoint on Sunday, residents said.",
     [("2019-03-17", "Manbij", "Armed clash")]),
    ("Shots were exchanged between two factions in al-Bab late on Monday, a monitor said.",
     [("2019-03-18", "Al Bāb", "Armed clash")]),
    # no exchange of fire: a prisoner exchange, letters exchanged
    ("Prisoners were exchanged in Manbij on Sunday under the deal, officials said.", []),
    ("Letters were exchanged between the two governments on Monday.", []),
])
def test_fire_exchanged_in_the_passive_is_a_clash(text, expected):
    """'gunfire was exchanged near the checkpoint': an armed clash there."""
    assert [r for r in rows(text) if r[2] == "Armed clash"] == [e for e in expected if e[2] == "Armed clash"]
    assert len(rows(text)) == len(expected)


_IN_IDLIB = "Rebels said on Monday that government forces had entered Idlib on Sunday.\n\n"


@pytest.mark.parametrize("text, expected", [
    (_IN_IDLIB + "Medics in the south said air strikes on the al-Qusour district killed 12 people on Tuesday.",
     [("2019-03-19", "Air/drone strike")]),
    (_IN_IDLIB + "Doctors at the main hospital said shelling on the al-Midan district killed four on Tuesday.",
     [("2019-03-19", "Shelling/artillery/missile attack")]),
])
def test_a_district_named_with_a_lower_case_article_after_a_source(text, expected):
    """'rescuers in the east said air strikes on the al-X district killed 12': an event there (at the city), not
    a back-reference ('the east said' is the source's subject), and 'the al-X district' a named place."""
    found = [(r["event_date"], r["sub_event_type"]) for r in candidates(text, "2019-03-20", "Test Desk")]
    assert expected[0] in found


@pytest.mark.parametrize("text, expected", [
    ("Two farmers were killed when a landmine exploded near Uqayribat in the eastern Hama desert on Monday.",
     ["‘Uqayribāt"]),
    ("A shepherd was killed when a landmine exploded near Palmyra in the Homs desert on Sunday, a relative said.",
     ["Tadmur"]),
    # a town after 'in', not open country: both stay places
    ("Two farmers were killed when a landmine exploded near Uqayribat in Hama on Monday.", ["‘Uqayribāt", "Ḩamāh"]),
])
def test_a_town_named_for_open_country_only_locates(text, expected):
    """'near X in the eastern Hama desert': X, not also Hama."""
    assert [r[1] for r in rows(text)] == expected
