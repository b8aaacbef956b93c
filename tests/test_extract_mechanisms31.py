"""Thirty-first pass of the article extraction's general mechanisms (issue 17): a capital in words addressed to its
government is no place, two outlets of the state are one account, and a dateline may name several cities.

"as Western criticism of Damascus mounted", "calls on Damascus to end the offensive" and "Damascus and Moscow deny"
name the government, not the city (:func:`utils.importers.article.place_names.is_capital_metonym`); main read a second
candidate at Damascus for the sentence's event. "State media said ..." and "Syrian state television said ..." of the
same act were two rows (two named sources); they are one, under the fuller name
(:mod:`utils.importers.article.incidents`). "WASHINGTON/DAMASCUS (X Agency) -" is a dateline (where the desks
filed, not where the event was) as "DAMASCUS (X Agency) -" is (:func:`utils.importers.article.places.dateline_end`):
main read Damascus as the place of the lead's strikes, and an unread "AMMAN/BEIRUT, May 12" gave the lead the
filing day. Every sentence here was written for these tests, not taken from a gold
set; places, dates and phrasings are varied on purpose. Guard rows must not change."""

from __future__ import annotations

import pytest
from extraction import candidates, place_index

from utils.importers.article.place_names import is_capital_metonym
from utils.importers.article.places import dateline_end


def rows_of(text: str, published: str) -> list[tuple[str, str, str]]:
    """(event day, location, claimant) of each candidate."""
    return [(r["event_date"], r["location"], r["claimed_by"]) for r in candidates(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    # positive rows (fail on main: a second candidate at Damascus)
    ("Syrian troops shelled the town of Rastan on Sunday, killing nine people, activists said. The assault came as "
     "Western criticism of Damascus mounted.", "2012-02-07", [("2012-02-05", "Ar Rastan", "Activists")]),
    ("Government jets bombed the town of Saraqib on Thursday, killing 11 people, the monitor said, as Gulf states "
     "stepped up calls on Damascus to end the offensive.", "2015-06-13", [("2015-06-11", "Saraqib", "Monitor")]),
    # guards (pass on main too): Damascus as the place of the act
    ("Rebels shelled Damascus and Homs on Sunday, killing six people, state media said.", "2014-04-15",
     [("2014-04-13", "Damascus and Homs", "State media")]),
    ("Rockets hit a school in Damascus on Sunday, killing two children, as calls on the rebels to leave the suburbs "
     "grew, state media said.", "2014-04-15", [("2014-04-13", "Damascus", "State media")]),
])
def test_a_capital_addressed_is_its_government(text: str, published: str, expected: list) -> None:
    assert rows_of(text, published) == expected, candidates(text, published)


@pytest.mark.parametrize("sentence, metonym", [
    # positive rows (fail on main)
    ("Air strike kills 12 in camp, monitor says; Damascus and Moscow deny their jets took part", True),
    ("The talks stalled as pressure on Damascus grew.", True),
    ("The league issued an ultimatum to Damascus on Saturday.", True),
    # guards (pass on main too)
    ("Damascus and Moscow said the camp had not been hit.", True),
    ("Shells fell on Damascus on Monday.", False),
    ("Jets struck targets south of Damascus and near Homs.", False),
])
def test_capital_metonym_words(sentence: str, metonym: bool) -> None:
    damascus = place_index().lookup("Damascus")
    assert damascus is not None
    assert is_capital_metonym(sentence, sentence.index("Damascus"), damascus) is metonym


@pytest.mark.parametrize("text, published, expected", [
    # positive rows (fail on main: two rows for one account of the state's outlets)
    ("State media said the army had retaken the town of Rastan on Tuesday. Syrian state television said troops had "
     "restored security and stability to Rastan on Tuesday after rebels withdrew.", "2016-03-10",
     [("2016-03-08", "Ar Rastan", "Syrian state television")]),
    ("State television said jets struck the town of Saraqib on Friday. State news agency SANA said the air strikes "
     "on Saraqib on Friday killed 20 terrorists.", "2016-03-13",
     [("2016-03-11", "Saraqib", "State news agency SANA")]),
    # guard (passes on main too): the state's outlet and a monitor are two accounts
    ("State media said the army had retaken the town of Rastan on Tuesday. The Syrian Observatory for Human Rights "
     "said troops had retaken Rastan on Tuesday after rebels withdrew.", "2016-03-10",
     [("2016-03-08", "Ar Rastan", "State media"), ("2016-03-08", "Ar Rastan", "Syrian Observatory for Human Rights")]),
])
def test_two_outlets_of_the_state_are_one_account(text: str, published: str, expected: list) -> None:
    assert rows_of(text, published) == expected, candidates(text, published)


@pytest.mark.parametrize("text, published, expected", [
    # positive rows (fail on main: the dateline's Damascus is the strikes' place; the dateline's day is the lead's)
    ("WASHINGTON/DAMASCUS (Test Agency) - United States jets struck Islamic State hideouts across eastern Syria on "
     "Friday, officials said.", "2024-05-11", [("2024-05-10", "Eastern Syria", "Officials")]),
    ("AMMAN/BEIRUT, May 12 (Test Agency) - Jordan said its jets had struck drug smugglers' hideouts near the town of "
     "Salkhad in southern Syria on Saturday.", "2024-05-12", [("2024-05-11", "Şalkhad", "Jordan")]),
    # guards (pass on main too): the event's own place after a dateline of one city or of two
    ("DAMASCUS (Test Agency) - Jets struck the town of Atarib on Thursday, killing six people, a monitor said.",
     "2024-05-11", [("2024-05-09", "Al Atārib", "Monitor")]),
    ("LONDON/ALEPPO (Test Agency) - Drones struck a market in the town of Atarib on Thursday, killing six people, a "
     "monitor said.", "2024-05-11", [("2024-05-09", "Al Atārib", "Monitor")]),
])
def test_a_dateline_of_several_cities_is_no_place(text: str, published: str, expected: list) -> None:
    assert rows_of(text, published) == expected, candidates(text, published)


@pytest.mark.parametrize("sentence, end", [
    # positive rows (fail on main: 0)
    ("VIENNA/JERUSALEM/BEIRUT, Feb 11 (Test Agency) - Israel said", 48),
    ("DAR ES SALAAM/BEIRUT (Agencies) - At least 28 people", 34),
    # guards (pass on main too)
    ("BEIRUT, Aug 8 (Test Agency) - Syrian tanks", 30),
    ("Jets and/or drones struck the town - a monitor said", 0),
])
def test_dateline_end_with_a_slash(sentence: str, end: int) -> None:
    assert dateline_end(sentence) == end
