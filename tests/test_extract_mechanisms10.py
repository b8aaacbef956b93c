"""Tenth pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here was
written for these tests, not taken from a gold set: places, dates, forces and phrasings are varied on purpose, so
a table checks the mechanism rather than a remembered line."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.dates import find_dates
from utils.importers.article.number_words import number_value, ordinal_value


def rows(text: str, published: str = "2019-03-20", outlet: str = "Test Desk") -> list[dict]:
    return candidates(text, published, outlet)


def kinds(text: str, published: str = "2019-03-20") -> list[tuple[str, str]]:
    return [(r["event_date"], r["sub_event_type"]) for r in rows(text, published)]


@pytest.mark.parametrize("text, expected", [
    # a chronology's entries in the historical present, dated by the entry's own date
    ("Tuesday 12 March. Government tanks enter Kafr Nabl at dawn, residents say.",
     [("2019-03-12", "Non-violent transfer of territory")]),
    ("On 14 March rebel fighters and their allies enter the town of Maaret Hurma, a local council says.",
     [("2019-03-14", "Non-violent transfer of territory")]),
    ("Wednesday 6 March. Two army columns with artillery move on Khan Shaykhun from the north, activists say.",
     [("2019-03-06", "Deployment")]),
    ("On 9 March the Tiger Brigade advances on Kafr Zita, state media says.", [("2019-03-09", "Deployment")]),
    ("Friday 8 March. Police fire on mourners at a funeral in Saraqib, a witness says.",
     [("2019-03-08", "Excessive force against protesters")]),
    ("On 10 March soldiers fired live ammunition at protesters in Binnish, a rights group said.",
     [("2019-03-10", "Excessive force against protesters")]),
    ("Thursday 7 March. Families leave Ariha by the hundreds as the shelling spreads, aid workers say.",
     [("2019-03-07", "Displacement")]),
    ("On 11 March residents flee Kafr Nabl towards the border, monitors say.", [("2019-03-11", "Displacement")]),
    ("At dawn on 15 March the 25th Division is storming the southern edge of Kafr Nabl, a correspondent said.",
     [("2019-03-15", "Non-state actor overtakes territory")]),
    # plans, negations and futures in the present are no event
    ("The army plans to enter Kafr Nabl next week, an officer told state media on Monday.", []),
    ("Troops did not enter Ariha on Monday, residents of the town said.", []),
    ("Rebel commanders say their units want to move on Khan Shaykhun before the summer.", []),
    ("Residents were not allowed to leave Ariha by the hundreds, a monitor said on Monday.", []),
])
def test_events_told_in_the_present(text, expected):
    """A chronology's historical present ('tanks enter X', 'columns move on X', 'police fire on mourners',
    'families leave by the hundreds') and a live post's progressive ('is storming') are events like their past
    tense; a plan, a negation or a wish ('plans to enter', 'did not enter', 'want to move on') is none."""
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 2 March 37 people were killed in Kafr Nabl, a rights group said.", [("2019-03-02", "Attack")]),
    ("On Saturday dozens of villagers had been massacred in Maarzaf, a monitor said.", [("2019-03-16", "Attack")]),
    ("Nine residents were reportedly killed in Binnish on 3 March, the local council said.",
     [("2019-03-03", "Attack")]),
    # the act named beside the dead is the event, once
    ("On 4 March 15 people were killed in Binnish by artillery fire, a monitor said.",
     [("2019-03-04", "Shelling/artillery/missile attack")]),
    ("On 5 March 6 civilians were killed in an air strike on Ariha, rescuers said.", [("2019-03-05", "Air/drone strike")]),
    # running totals are no event
    ("More than 3,000 people have been killed in Idlib since April 2017, according to monitors.", []),
    ("Some 400 people were killed in Idlib province so far this year, a monitor said on Monday.", []),
])
def test_a_count_of_people_killed_with_no_attacker(text, expected):
    """'N people were killed' with no attacker named is violence against civilians; beside a strike or shelling the
    act is the one event; a total since a date or 'so far' is none."""
    assert kinds(text) == expected


@pytest.mark.parametrize("sentence, published, expected", [
    ("They came before dawn, on the first of October, a Sunday.", date(2017, 10, 25), [(date(2017, 10, 1), "day")]),
    ("It began on the twenty-third of June last year.", date(2017, 10, 25), [(date(2016, 6, 23), "day")]),
    ("On October the fifth, 2015 the town fell.", date(2017, 10, 25), [(date(2015, 10, 5), "day")]),
    ("We went back in May last year, on the ninth.", date(2017, 10, 25), [(date(2016, 5, 9), "day")]),
    ("It was in March, on the thirty-first:", date(2017, 10, 25), [(date(2017, 3, 31), "day")]),
    # no month to take, or the ordinal counts something else: no date
    ("They entered on the third.", date(2017, 10, 25), []),
    ("For the first time in years the market opened.", date(2017, 10, 25), []),
    ("The shell hit the building in April, on the third floor.", date(2017, 10, 25), [(date(2017, 4, 15), "month")]),
    ("In February, on the thirtieth, nothing happened.", date(2017, 10, 25), [(date(2017, 2, 15), "month")]),
])
def test_spoken_dates(sentence, published, expected):
    """Spoken dates ('the first of October', 'October the fifth, 2015') are days; a bare 'on the ninth' takes the
    month named before it in the sentence ('in May last year, on the ninth'); an ordinal that counts something
    else ('the first time', 'the third floor') or with no month before it gives no day."""
    found = [(m.dated.day, m.dated.precision) for m in find_dates(sentence, published) if m.dated]
    assert found == expected


@pytest.mark.parametrize("text, value", [
    ("two", 2), ("a dozen", 12), ("dozens", 24), ("1,600", 1600), ("Several", 3), ("many", None),
])
def test_one_table_of_number_words(text, value):
    """One table serves the dates ('a couple of days') and the dead ('a dozen were killed')."""
    assert number_value(text) == value


@pytest.mark.parametrize("text, value", [
    ("first", 1), ("Twenty third", 23), ("twenty-first", 21), ("thirty-first", 31), ("thirty-second", None),
])
def test_ordinal_day_words(text, value):
    assert ordinal_value(text) == value


ROUNDUP = ("Test Roundup Desk\nWhat the pages said on Sunday\n12 May 2019\n\nWe summarise posts from local pages in "
           "Idlib province; we could not verify them.\n\n")


@pytest.mark.parametrize("section, claimant", [
    ('"Maarat Voice" (opposition-run, Maarat al-Numan)\n08:10: "Regime artillery is shelling the eastern quarter of '
     'Maarat al-Numan since dawn." Later on Sunday the page said four civilians had died.', "Maarat Voice"),
    ('“Front Line Lens” (pro-government)\nAt noon the channel said the army had shelled Kafr Nabl on Sunday and '
     'killed a dozen militants.', "Front Line Lens"),
    # a source named in the sentence itself keeps its own name
    ('"Maarat Voice" (opposition-run)\nThe civil defence said shells hit a bakery in Maarat al-Numan on Sunday.',
     "Civil defence"),
])
def test_a_line_naming_a_source_heads_its_posts(section, claimant):
    """A line that only names a source in quotes, with what it is in brackets, heads a roundup's section: the
    paragraph under it is that source's account ('the page said', 'the channel said', a post with no speaker),
    unless a sentence names its own source."""
    found = rows(ROUNDUP + section, published="2019-05-12")
    assert found and {r["claimed_by"] for r in found} == {claimant}, found


@pytest.mark.parametrize("sentence, claimant", [
    ("By evening the ministry said the convoy had reached Tadmur.", "Ministry"),
    ("At dawn, the agency said the road to Homs was cut.", "Agency"),
    ("Refugees who reached the border say the army shelled Ariha.", "Refugees who reached the border"),
    ("Survivors say the market in Ariha was hit twice.", "Survivors"),
])
def test_claimants_without_a_fronted_time_and_refugees_as_witnesses(sentence, claimant):
    """A fronted time phrase ('By evening', 'At dawn') is no part of the source's name; refugees and survivors are
    witnesses who report."""
    from utils.importers.article.attribution import attribution_in
    found = attribution_in(sentence, sentence, [])
    assert found is not None and found.claimed_by == claimant


@pytest.mark.parametrize("text, expected", [
    ("They crossed the river on Sunday night. By the morning they held most of Kafr Nabl, a commander said.",
     [("2019-03-17", "Non-state actor overtakes territory")]),
    ("By Thursday evening the tribes said they were in control of Ariha, according to a local monitor.",
     [("2019-03-14", "Non-state actor overtakes territory")]),
    ("On 6 March rebel factions broke through the army's defences at Khan Tuman, the monitor said.",
     [("2019-03-06", "Non-state actor overtakes territory")]),
    # government forces taking ground regain it
    ("Government troops smashed through the rebels' front lines near Kafr Zita on 9 March, state media said.",
     [("2019-03-09", "Government regains territory")]),
    # a standing hold with no time by which it was won, a year, or a break through no front: none
    ("The SDF, which controls Raqqa, said on Monday it had opened a new school.", []),
    ("By 2018 the army held Ariha and most of the province, a monitor said on Monday.", []),
    ("The lorry broke through a fence in Ariha on Monday, police said.", []),
])
def test_ground_held_by_a_time_and_a_front_broken(text, expected):
    """Ground held by a time ('by the morning they held most of X', 'by Thursday ... in control of X') and a front
    broken through ('broke through the army's lines at X') are ground taken; a standing hold ('which controls'), a
    hold by a year, or a fence broken are not."""
    assert kinds(text) == expected


@pytest.mark.parametrize("text, claimant", [
    ("On 6 March shells hit Ariha, a monitor said.", "Monitor"),
    ("The Syrian Observatory for Human Rights, a Britain-based monitor, said on 6 March that shells hit Ariha.",
     "Syrian Observatory for Human Rights"),
])
def test_a_monitor_saying_is_no_monitor_named(text, claimant):
    """'At X, a monitor said' names no monitor (the place before it is none); 'the Observatory, a monitor,' does."""
    found = rows(text)
    assert found and found[0]["claimed_by"] == claimant, found


@pytest.mark.parametrize("text, expected", [
    ("On 3 March the army fired in return at two rebel positions near Kafr Zita, a military source said.",
     [("2019-03-03", "Shelling/artillery/missile attack")]),
    ("On 4 March Turkish tanks fired at YPG posts near Tal Rifaat, the ministry said.",
     [("2019-03-04", "Shelling/artillery/missile attack")]),
    ("On 5 March warships fired back at launch sites near Baniyas, state media said.",
     [("2019-03-05", "Shelling/artillery/missile attack")]),
    # fire at no military target, or a rifle range, is no shelling
    ("On 6 March the ministry fired its spokesman in Damascus, state media said.", []),
])
def test_fire_at_military_targets_with_no_weapon_named(text, expected):
    """Fire at positions, posts or launch sites with no weapon named ('fired in return at two positions') is a
    shelling, artillery or missile attack."""
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('"The city of Ariha is liberated," the rebel command said in a statement on Monday.',
     [("2019-03-18", "Non-state actor overtakes territory")]),
    ("Saraqib has been liberated, rebel commanders said on Monday.", [("2019-03-18", "Non-state actor overtakes territory")]),
    # a person freed is no place taken
    ("Ahmad Hassan was liberated from prison in Idlib on Monday, his family said.", []),
    ("The hostages were liberated in Idlib on Monday, his family said.", []),
])
def test_a_place_said_to_be_liberated(text, expected):
    """'The city of X is liberated', 'X has been liberated': ground taken, told as the place's state; a person
    liberated from prison, or people freed, is not."""
    assert kinds(text) == expected


@pytest.mark.parametrize("sentence, statement", [
    ("The IRGC said in a statement carried by Iranian media on Tuesday that seven advisers died.", True),
    ("In a video aired on state television on Friday, the army said it had shelled Ariha.", True),
    ("Hezbollah said in a statement read on al-Manar late on Sunday that two of its men died.", True),
    ("Shells were carried by lorries on Tuesday to the front near Ariha.", False),
])
def test_a_statement_carried_by_media_is_dated_as_a_statement(sentence, statement):
    """'In a statement carried by Iranian media on Tuesday', 'in a video aired on state television on Friday': the
    day is the statement's, not the event's; a load carried on Tuesday is the event's day."""
    found = [m for m in find_dates(sentence, date(2024, 4, 8)) if m.kind == "date"]
    assert found and found[0].is_statement_date(sentence) is statement


@pytest.mark.parametrize("text, claimants", [
    ("On Monday Turkish drones struck a farm near Qamishli, the Turkish ministry said. The SDF said in a statement "
     "carried by Kurdish media on Wednesday that four of its fighters had been martyred in the attack.",
     ["Turkish ministry", "SDF"]),
    ("On Monday Israeli jets struck a villa near Damascus, state media said. Hezbollah said in a statement on "
     "Wednesday that three of its members were killed in the attack.", ["State media", "Hezbollah"]),
])
def test_another_sides_account_dated_only_by_its_statement(text, claimants):
    """'X said in a statement on <a later day> that N of its men were killed (martyred) in the attack': the
    statement's day does not keep 'the attack' from referring back, and the other side's account of the deaths
    is its own account of the same event, on the event's day."""
    found = rows(text, published="2024-04-11")
    assert [r["claimed_by"] for r in found] == claimants and len({r["event_date"] for r in found}) == 1, found
