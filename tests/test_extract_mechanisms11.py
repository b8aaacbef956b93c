"""Eleventh pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here
was written for these tests, not taken from a gold set: places, dates, forces and phrasings are varied on purpose,
so a table checks the mechanism rather than a remembered line."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.dates import find_dates
from utils.importers.article.that_year import year_dates, year_of


def rows(text: str, published: str = "2019-03-20", outlet: str = "Test Desk") -> list[dict]:
    return candidates(text, published, outlet)


def kinds(text: str, published: str = "2019-03-20") -> list[tuple[str, str]]:
    return [(r["event_date"], r["sub_event_type"]) for r in rows(text, published)]


def first_date(sentence: str, year_named: int | None, published: date = date(2019, 3, 20)) -> tuple[str, str] | None:
    found = [m for m in find_dates(sentence, published, year_named) if m.kind == "date"]
    return (found[0].dated.day.isoformat(), found[0].dated.precision) if found else None


@pytest.mark.parametrize("sentence, year_named, expected", [
    ("In December that year a jet hit a school in the camp.", 2012, ("2012-12-15", "month")),
    ("In October of that year the rebels reached the river.", 2016, ("2016-10-15", "month")),
    ("By the end of July that year the militants had been driven out.", 2015, ("2015-07-28", "week")),
    ("At the beginning of March that year the siege tightened.", 2014, ("2014-03-03", "week")),
    ("On 5 June that year troops entered the town.", 2013, ("2013-06-05", "day")),
    ("On June 5 the same year troops entered the town.", 2013, ("2013-06-05", "day")),
    ("In the summer of that year the front moved east.", 2017, ("2017-07-15", "month")),
    ("Later that year the group lost the town.", 2014, ("2014-07-01", "year")),
    ("The following year the army came back.", 2016, ("2017-07-01", "year")),
    # no year named before: the month is the last one before publication, as without this rule
    ("In December that year a jet hit a school in the camp.", None, ("2018-12-15", "month")),
    ("In December a jet hit a school in the camp.", 2012, ("2018-12-15", "month")),
    # a year named that would put the date after publication gives no such date
    ("In December that year a jet hit a school in the camp.", 2019, ("2018-12-15", "month")),
    # no month, season or 'that year': nothing taken from the year named
    ("That was the year the war reached the coast.", 2012, None),
])
def test_dates_that_take_the_year_named_before(sentence, year_named, expected):
    """'In December that year', 'by the end of July that year', 'later that year', 'the following year': the year
    the text last named, not the publication's; with none named, the date is read as before."""
    assert first_date(sentence, year_named) == expected


@pytest.mark.parametrize("words, expected", [
    ("in late 2012", 2012), ("in May 2011", 2011), ("between 2014 and 2016", 2016), ("on Friday", None),
    ("in 300 cases", None),
])
def test_the_year_a_date_names(words, expected):
    assert year_of(words) == expected


def test_year_named_carries_across_sentences():
    """A background paragraph: 'drawn into the war in late 2012. In December that year a jet struck a mosque'."""
    text = ("Kafr Nabl was drawn into the war in late 2012. In December that year a government jet struck a bakery "
            "in Kafr Nabl, killing nine people, activists said at the time.")
    dates = {(r["event_date"], r["date_precision"]) for r in rows(text)}
    assert ("2012-12-15", "month") in dates
    assert not any(d.startswith("2018-12") for d, _ in dates)


def test_year_dates_need_a_year():
    assert year_dates("In May that year they left.", None, date(2019, 3, 20)) == []


@pytest.mark.parametrize("text, expected", [
    # a weekday used as an adjective names no day; the month and year of the sentence date the event
    ("Police broke up a Friday demonstration in Saraqib in May 2011, a witness told the court.",
     [("2011-05-15", "Protest with intervention")]),
    ("Security forces dispersed the protesters in Binnish with tear gas on Monday, activists said.",
     [("2019-03-18", "Protest with intervention")]),
    ("Riot police broke up a sit-in outside the court in Idlib on 4 March, residents said.",
     [("2019-03-04", "Protest with intervention")]),
    # no protest broken up: a meeting that broke up, a crowd that left
    ("The talks in Idlib broke up on Monday without agreement, a mediator said.", []),
    ("The crowd in Binnish dispersed peacefully on Monday, residents said.", []),
])
def test_protests_broken_up(text, expected):
    """'broke up a demonstration', 'dispersed the protesters': a protest met with force (Protest with
    intervention); a meeting breaking up or a crowd leaving on its own is none."""
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In April 2012 soldiers rounded up dozens of men in Saraqib, rights groups said.", [("2012-04-15", "Arrests")]),
    ("On Monday militiamen were rounding up young men at checkpoints in Binnish, residents said.",
     [("2019-03-18", "Arrests")]),
    ("He was seized at a checkpoint in Saraqib on 2 March, his brother said.", [("2019-03-02", "Arrests")]),
    # ground seized is no arrest; a round-up of news is no event
    ("Rebels seized Saraqib on 2 March, a monitor said.", [("2019-03-02", "Non-state actor overtakes territory")]),
    ("The ministry rounded up figures from Idlib on Monday for its weekly report.", []),
])
def test_people_rounded_up_or_seized(text, expected):
    """'rounded up dozens of men', 'he was seized at a checkpoint': arrests; a place seized stays ground taken."""
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On Tuesday some 4,000 Syrians crossed into Turkey from Jarabulus, the disaster agency said.",
     [("2019-03-19", "Displacement")]),
    ("Hundreds of families streamed across the border into Lebanon from Qusayr on Sunday, aid workers said.",
     [("2019-03-17", "Displacement")]),
    # a force crossing a border, or goods, is no flight
    ("Turkish tanks crossed into Syria near Jarabulus on Tuesday, state media said.",
     [("2019-03-19", "Non-violent transfer of territory")]),
    ("On Tuesday 40 lorries of aid crossed into Syria at Bab al-Hawa, the UN said.", []),
])
def test_people_crossing_a_border(text, expected):
    """People crossing into a neighbouring country are displaced; forces or lorries crossing are not."""
    assert [k for k in kinds(text) if k[1] == "Displacement"] == [k for k in expected if k[1] == "Displacement"]


@pytest.mark.parametrize("text, expected", [
    ("On Sunday a number of captured soldiers were beheaded in Maarat al-Numan, a monitor said.",
     [("2019-03-17", "Attack")]),
    ("Militants beheaded two shepherds near Palmyra on 6 March, state media said.", [("2019-03-06", "Attack")]),
    # a beheading threatened is no event
    ("The group threatened on Monday to behead prisoners held near Palmyra, a video showed.", []),
])
def test_beheadings(text, expected):
    """'were beheaded', 'beheaded two shepherds': killings (violence against civilians); a threat is none."""
    assert [k for k in kinds(text) if k[1] == "Attack"] == expected


@pytest.mark.parametrize("text, expected", [
    ("The army said on Monday its units had returned fire at Tall Rifaat.", [("2019-03-18", "Armed clash")]),
    ("Local fighters pushed the militants back from the market in Dael on Sunday night, a commander said.",
     [("2019-03-17", "Armed clash")]),
    ("On 9 March the guards forced the attackers back from the gate of the prison in Hasakah, the SDF said.",
     [("2019-03-09", "Armed clash")]),
    # pushing back a deadline or a date is no fight
    ("The council pushed the vote in Dael back to April, officials said on Sunday.", []),
])
def test_fire_returned_and_attackers_pushed_back(text, expected):
    """'returned fire', 'pushed the militants back': a fight (Battles / Armed clash); a vote pushed back is none."""
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Manbij was taken from Islamic State by Kurdish-led forces in August 2016.",
     [("2016-08-15", "Non-state actor overtakes territory")]),
    ("On Friday tribal fighters had taken several checkpoints held by the army in Dhiban, a monitor said.",
     [("2019-03-15", "Non-state actor overtakes territory")]),
    # a person taken from prison, or from their home, is no ground taken
    ("The prisoners were taken from the jail in Hasakah on Friday, a monitor said.", []),
])
def test_ground_taken_in_the_passive_and_checkpoints(text, expected):
    """'X was taken from Islamic State by ...' and 'had taken several checkpoints': ground taken; people taken
    from a jail are none."""
    assert [k for k in kinds(text) if k[1] == "Non-state actor overtakes territory"] == expected


@pytest.mark.parametrize("text, location, geo", [
    # the gazetteer's namesake lies far away: the village described as a few km from a town is near that town
    ("Gunmen attacked Bayda, a Sunni village in the hills a few kilometres south of Baniyas, on Thursday, "
     "activists said.", "Bāniyās", 2),
    ("Gunmen attacked Bayda, a hamlet some 3 km south of Baniyas, on Thursday, activists said.",
     "Bāniyās", 2),
])
def test_a_village_described_near_a_town(text, location, geo):
    """'X, a village a few kilometres south of Y' where the gazetteer's X is far from Y: the event is near Y."""
    found = rows(text)
    assert found and found[0]["location"] == location and int(found[0]["geo_precision"]) == geo


@pytest.mark.parametrize("text, expect_damascus", [
    ('A US official warned that Damascus "would be wise" to keep its jets away from Hasakah, on Friday.', False),
    ("Damascus has so far chosen to wait, while shells hit Dael on Friday, activists said.", False),
    # the city itself, struck, stays a place
    ("Rockets hit Damascus on Friday, killing three people, state media said.", True),
])
def test_the_capital_for_its_government(text, expect_damascus):
    """'Damascus would be wise to', 'Damascus has so far chosen': the government, not where an event was."""
    assert any(r["location"] == "Damascus" for r in rows(text)) == expect_damascus


@pytest.mark.parametrize("text, location, geo", [
    # a name before 'market', 'square' or 'street' that the gazetteer knows only as a far village: the city's
    ("Shells hit the al-Hal vegetable market in al-Bab on Friday, killing nine people, a monitor said.", "Al Bāb", 2),
    ("Guards fired on protesters in Karama Square in Suwayda on Friday, activists said.", "As-Suwayda", 2),
    # a name only spelt like a town far from the city the text is about (over 150 km): the city's district
    ("In Damascus on Sunday crowds entered a villa in the al-Maliki district and looted it, a reporter saw.",
     "Damascus", 2),
])
def test_a_market_square_or_far_district_of_the_city(text, location, geo):
    """'the al-Hal market', 'Karama Square' in a report on a city: that city (geo 2), not a far namesake village;
    a namesake town more than 150 km away is no district of it either."""
    found = rows(text)
    assert found and all(r["location"] == location and int(r["geo_precision"]) <= geo for r in found)


def test_a_big_town_named_for_its_district_nearby_stays_that_town():
    """'the Afrin district' in a report on Aleppo, 40 km away: Afrin itself."""
    found = rows("In Aleppo on Friday officials said Turkish drones had struck a farm in the Afrin district.")
    assert found and found[0]["location"] == "‘Afrīn"


@pytest.mark.parametrize("text, expected", [
    ("Last week the UN force moved most of its troops from the Syrian side of the line near Quneitra, it said.",
     [("2019-03-13", "Change to group/activity")]),
    ("On Monday the army moved all of its heavy equipment from Tabqa, state media said.",
     [("2019-03-18", "Change to group/activity")]),
    # moving troops to a place is a deployment, not a withdrawal
    ("On Monday the army moved more troops to Tabqa, state media said.", [("2019-03-18", "Deployment")]),
])
def test_the_bulk_of_a_force_moved_away(text, expected):
    """'moved most of its troops from X': a withdrawal (Change to group/activity); 'moved troops to X' stays a
    deployment."""
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On Saturday UN observers in Kafr Nabl counted 48 bodies, among them 11 children, the mission said.",
     [("2019-03-16", "Attack")]),
    ("Rescuers pulled out 14 bodies from the rubble in Ariha on Sunday, the civil defence said.",
     [("2019-03-17", "Attack")]),
    # the bodies of fighters after a battle are no killing of civilians
    ("On Monday our reporter counted more than 20 bodies of militants in the streets of Ariha.", []),
])
def test_bodies_counted(text, expected):
    """'counted 48 bodies', 'pulled out 14 bodies': the dead of a killing; fighters' bodies are none."""
    assert [k for k in kinds(text) if k[1] == "Attack"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Monday 11 March. In Binnish two women and a child are killed in their home, a neighbour says.",
     [("2019-03-11", "Attack")]),
    # a count of the dead since a date is a running total
    ("Dozens of villagers are killed every week in Binnish since March, a monitor says.", []),
])
def test_people_killed_told_in_the_present(text, expected):
    """A diary's or chronology's present ('two women and a child are killed'): the killing, on the entry's day."""
    assert [k for k in kinds(text) if k[1] == "Attack"] == expected


@pytest.mark.parametrize("claimant, kind", [
    ("Kurdish-led administration", "party"), ("Baath party provincial leadership", "party"),
    ("Farouq battalion", "party"), ("Asayish", "party"), ("Free Syrian Army", "party"),
    ("Doctor", "media"), ("A nurse at the hospital", "media"), ("Residents", "media"),
    ("Syrian Observatory for Human Rights", "monitor"),
])
def test_parties_and_witnesses(claimant, kind):
    """An administration, a political party, a battalion or faction has a stake (party, so 'claimed'); a doctor
    or nurse reports what they treated (media, so 'reported')."""
    from utils.importers.article.attribution import claimant_kind
    assert claimant_kind(claimant) == kind


@pytest.mark.parametrize("text, claimants", [
    # a source announced ('gave a different account'), then its account by pronoun: its own row of the incident
    ("Government jets bombed the town of Saraqib on Monday, killing 11 civilians, activists said. The army gave a "
     "very different account. In a statement it said its aircraft had struck a weapons depot of the militants.",
     {"Activists", "Army"}),
    ("Drones struck a market in Binnish on Monday, killing six people, the civil defence said. State media told "
     "another story. It said the air force had struck a militant headquarters.",
     {"Civil defence", "State media"}),
])
def test_a_source_announced_then_its_account(text, claimants):
    """'X gave a different account. In a statement it said ... had struck ...': X's own account of the incident,
    beside the first source's."""
    found = {r["claimed_by"] for r in rows(text) if r["sub_event_type"] == "Air/drone strike"}
    assert {c.lower() for c in found} == {c.lower() for c in claimants}


def test_a_generic_strike_is_no_account_of_a_deployment():
    """'it said the air force had struck positions' after 'the coalition sent jets to protect its advisers': the
    strike is no report of the jets' deployment; each stays its own candidate."""
    text = ("Warplanes bombed Kurdish districts of Hasakah on Thursday, the local administration said, and the "
            "coalition sent jets to protect its advisers in Hasakah. The army said its aircraft had struck positions of "
            "the Kurdish police.")
    types = sorted(r["sub_event_type"] for r in rows(text))
    assert "Deployment" in types and types.count("Air/drone strike") >= 1


@pytest.mark.parametrize("text", [
    "On Monday the ministry said Russian aircraft had not carried out strikes near Kobani.",
    "The army did not carry out any strikes on Binnish on Monday, a spokesman said.",
    "Turkish jets have never struck the town of Tall Rifaat, officials said on Monday.",
])
def test_strikes_denied_are_no_event(text):
    """A negation inside the trigger's words or just before them ('had not carried out strikes', 'did not carry out
    any strikes', 'have never struck'): no strike."""
    assert [r for r in rows(text) if r["sub_event_type"] == "Air/drone strike"] == []


def test_a_diary_entry_dated_by_its_opening_line_at_the_place_the_title_names():
    """'Diary from Idlib: ...' then entries opened by their date alone ('Monday 11 March.'): each entry's events are
    that day, near the place the title names (geo 2); an entry with no event gives none."""
    text = ("Diary from Idlib: ten days in the old city\n\n"
            "Monday 11 March. The shelling begins before dawn. I count nine explosions.\n\n"
            "Tuesday 12 March. Quiet. We queue for water.\n\n"
            "Wednesday 13 March. At noon rebel fighters fight an army column at the southern gate.")
    found = [(r["event_date"], r["location"], int(r["geo_precision"]), r["sub_event_type"]) for r in rows(text)]
    assert ("2019-03-11", "Idlib", 2, "Shelling/artillery/missile attack") in found
    assert ("2019-03-13", "Idlib", 2, "Armed clash") in found
    assert not any(d == "2019-03-12" for d, *_ in found)


@pytest.mark.parametrize("text", [
    # a title that names a place only in passing, not as where the text is written from
    "Why Idlib matters\n\nMonday 11 March. The shelling begins before dawn.",
    # a date line with no place known before: nowhere to put the entry's events
    "A week in the war\n\nMonday 11 March. The shelling begins before dawn.",
])
def test_no_place_for_an_entry_without_a_place_the_text_is_from(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, expected", [
    ("On Monday FSA fighters fight an army patrol on the edge of Rastan, a witness says.", [("2019-03-18", "Armed clash")]),
    # fighting words with no armed opponent are no clash
    ("Residents of Rastan fight a losing battle against the cold, aid workers said on Monday.", []),
])
def test_a_fight_told_in_the_present(text, expected):
    assert [k for k in kinds(text) if k[1] == "Armed clash"] == expected


@pytest.mark.parametrize("text, expected", [
    ("The foreign ministry in Damascus on Tuesday accused Turkey of sheltering and arming terrorists near Tall Abyad.", []),
    ("Officials said on Tuesday the town of Tall Abyad was sheltering militants.", []),
    # people sheltering from the fighting are displaced
    ("On Tuesday hundreds of families were sheltering in schools in Tall Abyad, aid workers said.",
     [("2019-03-19", "Displacement")]),
])
def test_sheltering_fighters_is_no_displacement(text, expected):
    """'accused Turkey of sheltering and arming terrorists': harbouring fighters; families sheltering are displaced."""
    assert [k for k in kinds(text) if k[1] == "Displacement"] == expected
