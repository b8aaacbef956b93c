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


@pytest.mark.parametrize("text, expected", [
    ("Unidentified gunmen shot dead Khalid Haddad, a local council member, outside his home in Nawa on Monday.",
     [("2019-03-18", "Nawá", "Attack")]),
    # a date in a relative clause in the perfect is that clause's; with none elsewhere, it stays the event's
    ("Masked men shot dead Omar Khatib, a former commander who had accepted a settlement in 2018, outside his home "
     "in Tafas on Tuesday.", [("2019-03-19", "Ţafas", "Attack")]),
    ("Masked men shot dead Omar Khatib outside his home in Tafas in 2018, relatives said.",
     [("2018-07-01", "Ţafas", "Attack")]),
    # a group, not a person by name: no targeted killing
    ("Gunmen shot dead Islamic State fighters near Nawa on Monday.", []),
])
def test_a_person_shot_dead_by_name(text, expected):
    """'gunmen shot dead X Y, a former commander, outside his home in Z': a targeted killing there."""
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A rebel commander, Abu Omar al-Hamwi, said government aircraft struck Kafr Nabl on Sunday.",
     [("2019-03-17", "Kafranbel", "Air/drone strike")]),
    ("A farmer, Hassan Omar, was killed when shells hit Saraqib on Sunday.",
     [("2019-03-17", "Saraqib", "Shelling/artillery/missile attack")]),
])
def test_a_name_in_apposition_to_a_person_is_no_place(text, expected):
    """'A rebel commander, Abu Omar al-Hamwi, said': a person, not a village named Abu Omar."""
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The march follows the agreement reached on 4 March between the army and the town elders in Daraa.",
     [("2019-03-04", "Dar‘ā", "Agreement")]),
    # no day of its own: the deal referred to, no new event
    ("The march follows the agreement reached with the army in Daraa.", []),
])
def test_a_deal_reached_on_a_day_in_a_reduced_clause(text, expected):
    """'follows the agreement reached on 1 September': an agreement of that day."""
    assert rows(text) == expected


_ISSUE = "\n\nCovering Monday 18 March, from our sources in the province."


@pytest.mark.parametrize("text, expected", [
    ("Morning update, Tuesday 19 March 2019: shelling hits Saraqib (first edition)" + _ISSUE,
     [("2019-03-18", "day", "Saraqib")]),
    # a date told in a sentence before a colon is the event's
    ("Shelling hit Saraqib on Tuesday 19 March 2019: three people were wounded there (first edition)" + _ISSUE,
     [("2019-03-19", "day", "Saraqib")]),
])
def test_the_issue_date_in_a_bulletin_title_dates_no_event(text, expected):
    """'Daily bulletin, Thursday 9 September: ...': the date of the issue, not of the events its title names."""
    assert [(r["event_date"], r["date_precision"], r["location"]) for r in candidates(text, "2019-03-20", "Test Desk")] \
        == expected


_IN_TAL_RIFAAT = "Rebels said on Monday that the army had entered Tal Rifaat on Sunday.\n\n"


@pytest.mark.parametrize("text, expected", [
    (_IN_TAL_RIFAAT + "Hundreds of families have fled north to Azaz and east to Manbij, a monitor said.",
     "Tall Rif‘at"),
    # one destination: kept as before
    (_IN_TAL_RIFAAT + "Hundreds of families have fled to Azaz, a monitor said.", "I‘zāz"),
])
def test_a_flight_to_several_places_is_from_the_place_the_text_is_about(text, expected):
    """'fled east to X and north to Y': displaced from the place the text is about."""
    assert [r[1] for r in rows(text) if r[2] == "Displacement"] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Militants abducted dozens of villagers when they overran three villages near Tal Tamr on Monday.",
     "Abduction/forced disappearance"),
    ("Militants overran three villages near Tal Tamr on Monday, a monitor said.", "Non-state actor overtakes territory"),
])
def test_ground_overrun_after_people_taken_is_the_abduction(text, expected):
    """'abducted dozens of villagers when they overran the villages': the abduction is the event."""
    assert [r[2] for r in rows(text)] == [expected]


_IN_ALEPPO = "Rebels said on Monday that the army had entered Aleppo on Sunday.\n\n"


@pytest.mark.parametrize("text, expected", [
    (_IN_ALEPPO + "A military source told state media that troops had taken Jabal Qarmoush, a hill overlooking the "
     "rebel districts, on Tuesday.", [("2019-03-17", "Aleppo"), ("2019-03-19", "Aleppo")]),
    # 'that' as a determiner before the event word: the event told before
    (_IN_ALEPPO + "A military source told state media that capture had cost the rebels dearly.",
     [("2019-03-17", "Aleppo")]),
])
def test_that_opening_a_clause_is_no_back_reference(text, expected):
    """'told state media that troops had taken X, a hill ...': an event of its own, at a named place the gazetteer
    lacks (placed at the city)."""
    assert [(r[0], r[1]) for r in rows(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("At least 20 people were killed in Homs on Monday, most of them in al-Zahra, a poor district on the western "
     "edge.\n\nThe army said it had shelled gunmen in al-Zahra on Tuesday.", ["Homs", "Homs"]),
    ("At least 20 people were killed in Homs on Monday, most of them in al-Hamra, a crowded district near the "
     "centre.\n\nThe army said it had shelled gunmen in al-Hamra on Tuesday.", ["Homs", "Homs"]),
    # not called a district: a village of that name stays where the gazetteer has it
    ("At least 20 people were killed in Homs on Monday.\n\nThe army said it had shelled gunmen in al-Hamra on "
     "Tuesday.", ["Homs", "Al Ḩamrā’"]),
])
def test_a_district_in_apposition_is_the_citys(text, expected):
    """'al-Waer, a poor district on the western edge': the city's district, there and further on."""
    assert [r[1] for r in rows(text)] == expected
