"""Twenty-fifth pass of the article extraction's general mechanisms (issue 17).

A claim of responsibility opened by its day ('On Saturday, the X group said one of its fighters had carried out the
attack') is the claimant's own account of the event claimed: the day that opens the sentence is the day it was said
(:meth:`utils.importers.article.dates.DateMention.opens_a_statement`), not a day of its own for 'the attack', so the
claim refers back to the attack told before and is its own row, on the attack's day and at its place.

'Bombing' names a bomb set off as well as an air raid: 'a double car bombing', 'twin bombings' are bombs (the bomb
trigger, :mod:`utils.importers.article.triggers`, over the air strike the word alone gives); 'the bombing' may refer
back to a car bomb (:func:`utils.importers.article.building.referent_of`); and an air strike read from the bare word
with no aircraft in its sentence ('the bombing of evacuee buses') is the bomb told at the same place and time
(:mod:`utils.importers.article.incidents`), not a second event.

And a fold with no change in behaviour: the older rule in :mod:`utils.importers.article.building` that made 'the army
took the hill' the army's gain is now part of :func:`utils.importers.article.army_takers.army_takes`, which gains a
storming told of the army named right before the verb ('before the army stormed it') and no longer reads a
capitalised word before a determiner as a faction's name ('on Wednesday the army took the hill').

The monitor a wire's lead leaves unnamed ('..., a war monitor said') is the one the text names: in apposition ('a war
monitor, the X Observatory') or, when the text names one monitor only, further on ('The X Monitoring Group, which
relies on ..., said'; :func:`utils.importers.article.attribution.canonical_claimant`).

'In October of last year', 'on 3 May of last year': the month or day of the year before publication
(:mod:`utils.importers.article.dates`), as 'in October last year' already was, not this year's month to the year's
precision.

Another kind of event a word may name (the shelling for an air strike, the strike for shelling) is what it refers
back to only when the word refers back ('the shelling killed five'): a trigger told as a new act ('the attackers first
opened fire with artillery and tank rounds', 'army artillery shelled the area through the night') is its own event
(:func:`utils.importers.article.building.referent_of`). Every sentence
here was written for these tests, not taken from a gold set; places, dates and phrasings are varied on purpose. Guard
rows must not change."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.army_takers import army_takes
from utils.importers.article.dates import find_dates


def accounts(text: str, published: str) -> list[tuple[str, str, str]]:
    """(day, sub-event type, claimant) of each candidate."""
    return [(r["event_date"], r["sub_event_type"], r["claimed_by"]) for r in candidates(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    ("A car bomb exploded outside a police station in the town of Azaz on Friday, killing nine people, state "
     "television said.\n\nOn Saturday, the Islamic State group said one of its fighters had carried out the attack.",
     "2018-03-11", ("2018-03-09", "Remote explosive/landmine/IED", "Islamic State group")),
    ("Two suicide bombers struck a crowded bus station in Jableh on Tuesday morning, the official news agency said."
     "\n\nOn Wednesday the Nusra Front said two of its members had carried out the attack.",
     "2016-05-26", ("2016-05-24", "Suicide bomb", "Nusra Front")),
    ("A roadside bomb hit an army truck near Maarat al-Numan on Monday, killing four soldiers, a military source said."
     "\n\nLater on Tuesday, the Ansar Brigade said its fighters had carried out the attack.",
     "2021-11-10", ("2021-11-08", "Remote explosive/landmine/IED", "Ansar Brigade")),
])
def test_a_claim_opened_by_its_day_is_the_claimants_account(text, published, expected):
    got = accounts(text, published)
    assert expected in got, got
    assert len(got) == 2, got  # the event's first account and the claim, nothing else


@pytest.mark.parametrize("text, published, expected", [
    # an event told by a source after an opening day keeps that day: the date may be the event's
    ("On Friday activists said jets struck the town of Saraqib, killing five people.", "2019-05-05",
     [("2019-05-03", "Air/drone strike", "Activists")]),
    ("On Sunday, the Islamic State group said its fighters had attacked an army post near Palmyra.", "2017-01-17",
     [("2017-01-15", "Armed clash", "Islamic State group")]),
    # a toll given later by the same source is no claim: one account
    ("A car bomb exploded in Afrin on Monday, the Turkish ministry said.\n\nOn Tuesday, the ministry said the attack "
     "had killed 12 people.", "2020-04-30", [("2020-04-27", "Remote explosive/landmine/IED", "Turkish ministry")]),
])
def test_guards(text, published, expected):
    assert accounts(text, published) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("On Sunday the jihadist alliance said two of its fighters had carried out the attack.", True),
    ("On Friday, the Islamic State group said through its Amaq agency that its fighters had carried out it.", True),
    ("Also on Monday, Turkish-backed rebels said they took the town.", True),
    ("Later on Tuesday, the Ansar Brigade claimed the attack.", True),
    # guards: a clause of its own before the verb, a date inside the sentence, no reporting verb
    ("On Sunday rebels attacked the town and said 20 people died.", False),
    ("Air strikes hit Douma on Sunday, activists said.", False),
    ("On Sunday jets struck the market.", False),
    ("On Sunday the man who had led the group said he would stay.", False),
])
def test_opens_a_statement(sentence, expected):
    mention = find_dates(sentence, date(2020, 6, 10))[0]
    assert mention.opens_a_statement(sentence) is expected


BOMB, SUICIDE, AIR = "Remote explosive/landmine/IED", "Suicide bomb", "Air/drone strike"


@pytest.mark.parametrize("text, published, expected", [
    ("Death toll from bombing of evacuee buses near Idlib rises to 40\n\nA suicide car bombing hit buses carrying "
     "evacuees at Sarmada on Saturday afternoon, killing 40 people, a monitor said.", "2019-03-11",
     [("2019-03-09", SUICIDE, "Monitor")]),
    ("A double car bombing near a checkpoint in Jableh killed 12 people on Monday, state media said.", "2016-05-25",
     [("2016-05-23", BOMB, "State media")]),
    ("Twin bombings struck a bus station in Tartus on Tuesday morning, killing at least 30 people, the state news "
     "agency said.", "2016-05-25", [("2016-05-24", BOMB, "State news agency")]),
    ("A truck packed with explosives blew up in Azaz on Friday, killing nine people, Turkish officials said.\n\nThe "
     "Islamic State group claimed the bombing in a statement, saying one of its fighters had driven the truck into a "
     "checkpoint and killed 30 apostates.", "2018-03-11",
     [("2018-03-09", BOMB, "Turkish officials"), ("2018-03-09", BOMB, "Islamic State group")]),
])
def test_a_bombing_is_a_bomb_set_off(text, published, expected):
    assert accounts(text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # aircraft named, or no bomb told: the bombing stays an air strike
    ("Russian jets kept up their bombing of Douma on Tuesday, killing 20 people, activists said.", "2018-02-22",
     [("2018-02-20", AIR, "Activists")]),
    ("The bombing of the market in Atarib on Monday killed 20 people, residents said.", "2017-11-15",
     [("2017-11-13", AIR, "Residents")]),
    ("A car bomb exploded in Afrin on Monday, the Turkish ministry said. Warplanes bombed villages near Afrin the same "
     "day, activists said.", "2020-04-30", [("2020-04-27", BOMB, "Turkish ministry"), ("2020-04-27", AIR, "Activists")]),
])
def test_an_air_raid_stays_one(text, published, expected):
    assert accounts(text, published) == expected


@pytest.mark.parametrize("before, verb, expected", [
    ("It said that on Wednesday the army ", "took the hill of the old castle.", True),
    ("Rebels held most of it for a few weeks before the army ", "stormed it in March.", True),
    ("Government troops ", "stormed the village at dawn.", True),
    # guards: soldiers storming (a crackdown's words too), a faction's army, a foreign army
    ("Soldiers ", "stormed the town on Friday.", False),
    ("The Free Syrian Army ", "stormed the base.", False),
    ("On Monday the Islam Army ", "took the hill.", False),
    ("On Monday Turkish troops ", "took the village.", False),
])
def test_army_takes_after_the_fold(before, verb, expected):
    assert army_takes(before, verb) is expected


@pytest.mark.parametrize("text, published, expected", [
    # the same reading before and after the fold
    ("The monitor said that on Wednesday the army took the hill of Tal Jabin, north of Aleppo.", "2016-02-05",
     "Government regains territory"),
    ("Rebels held Rastan for weeks in 2012 before the army stormed it in March of that year, activists said.",
     "2015-03-29", "Government regains territory"),
])
def test_the_army_takes_ground_end_to_end(text, published, expected):
    assert expected in [r["sub_event_type"] for r in candidates(text, published)], candidates(text, published)


@pytest.mark.parametrize("text, published, expected", [
    ("Islamic State fighters have retaken most of the town of Albu Kamal, a war monitor said on Sunday.\n\nThe Test "
     "Euphrates Monitoring Group, which relies on a network of sources, said the fighters attacked late on Friday.",
     "2017-11-12", ["Test Euphrates Monitoring Group", "Test Euphrates Monitoring Group"]),
    ("The same night, Russian and Syrian aircraft struck the town of Khan Sheikhoun, killing six people, according to a "
     "war monitor, the Test Orontes Observatory.", "2019-05-14", ["Test Orontes Observatory"]),
    # guards: no monitor named, or two: the words stay
    ("Jets struck the town of Saraqib on Monday, killing five people, a war monitor said.", "2019-05-14",
     ["War monitor"]),
    ("Jets struck the town of Saraqib on Monday, killing five people, a war monitor said. The Test Orontes Observatory "
     "and the Test Valley Monitoring Group gave other figures.", "2019-05-14", ["War monitor"]),
])
def test_the_unnamed_monitor_is_the_one_named(text, published, expected):
    assert [r["claimed_by"] for r in candidates(text, published)] == expected


@pytest.mark.parametrize("text, published, expected", [
    ("In October of last year armed men attacked a checkpoint in Jasim, killing two soldiers, residents said.",
     "2021-11-10", ("2020-10-15", "month")),
    ("Government forces withdrew from Amuda in May of last year without a fight, handing the town to Kurdish fighters, "
     "activists said.", "2013-06-29", ("2012-05-15", "month")),
    # guards: the forms read before
    ("In October last year armed men attacked a checkpoint in Jasim, killing two soldiers, residents said.",
     "2021-11-10", ("2020-10-15", "month")),
    ("In October armed men attacked a checkpoint in Jasim, killing two soldiers, residents said.", "2021-11-10",
     ("2021-10-15", "month")),
])
def test_a_month_of_last_year(text, published, expected):
    rows = candidates(text, published)
    assert [(r["event_date"], r["date_precision"]) for r in rows] == [expected], rows


@pytest.mark.parametrize("sentence, expected", [
    ("Rebels laid siege to the prison in April of last year.", ("2013-04-15", "month")),
    ("The convoy was hit on 3 May of last year.", ("2013-05-03", "day")),
    ("The talks resumed in March of this year.", ("2014-03-15", "month")),
])
def test_of_last_year_dates(sentence, expected):
    mentions = find_dates(sentence, date(2014, 5, 24))
    assert [(m.dated.day.isoformat(), m.dated.precision) for m in mentions] == [expected]


SHELLING = "Shelling/artillery/missile attack"


@pytest.mark.parametrize("text, published, expected", [
    ("Coalition aircraft struck a base near Khasham late on Wednesday, the coalition said. According to the coalition, "
     "the attackers first opened fire with artillery and tank rounds on the base before the strikes began.",
     "2018-02-09", [AIR, SHELLING]),
    ("Jets struck the village of Kafr Zita on Monday, activists said. Army artillery shelled the area through the "
     "night, they said.", "2019-05-14", [AIR, SHELLING]),
    # guards: the definite word still refers back to the other kind
    ("Jets struck the town of Saraqib on Monday, activists said. The shelling killed five people and wounded twelve.",
     "2019-05-14", [AIR]),
    ("Shells hit the town of Saraqib on Monday, activists said. The strike killed five people and wounded twelve.",
     "2019-05-14", [SHELLING]),
])
def test_a_new_act_of_another_kind(text, published, expected):
    assert [r["sub_event_type"] for r in candidates(text, published)] == expected
