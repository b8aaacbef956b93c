"""Thirty-third pass of the article extraction's general mechanisms (issue 17): a name only UCDP's list of localities
gives is doubtful when the text writes it without the list's article ('X' for Al X) or, with nothing that introduces
it as a place, after a capitalised word ('Liwa X': part of a group's name), so read far from every other place of
the article it is no place of the text (:func:`utils.importers.article.far_places.doubtful`). Main read the locality of that name, hundreds
of km away, as a place of the act. Every sentence here was written for these tests, not taken from a gold set;
places, dates and phrasings are varied on purpose. Guard rows must not change."""

from __future__ import annotations

import pytest
from extraction import candidates, place_index

from utils.importers.article.far_places import doubtful

_IDLIB = "Government jets bombed Idlib city on Tuesday, killing seven people, activists said. "
_MAYADIN = "Islamic State fighters stormed al-Mayadin on Monday, the monitor said. "


def rows_of(text: str, published: str) -> list[tuple[str, str, str, str]]:
    """(event day, sub-event type, location, claimant) of each candidate."""
    return [(r["event_date"], r["sub_event_type"], r["location"], r["claimed_by"]) for r in candidates(text, published)]


_STRIKE = ("2015-03-10", "Air/drone strike", "Idlib", "Activists")


@pytest.mark.parametrize("text, expected", [
    # positive rows (fail on main: a row at the far locality, some 350 km east of Idlib)
    (_IDLIB + "Later the jets hit a school in Hawayij, killing two children, they said.", [_STRIKE]),
    (_IDLIB + "Fighters of Liwa Hiri clashed with troops near Saraqib on Tuesday, they said.",
     [_STRIKE, ("2015-03-10", "Armed clash", "Saraqib", "Activists")]),
    (_IDLIB + "Residents said that Liwa Abbarah had shelled Saraqib on Tuesday.",
     [_STRIKE, ("2015-03-10", "Shelling/artillery/missile attack", "Saraqib", "Residents")]),
    # guards (pass on main too): the list's own spelling after 'in' is a place, far or not
    (_IDLIB + "Separately, a car bomb exploded in Al Hawayij on Tuesday, killing four people, the monitor said.",
     [_STRIKE, ("2015-03-10", "Remote explosive/landmine/IED", "Al Hawayij", "Monitor")]),
    # the object of a verb is no part of a longer name: still the event's place (the fifteenth pass's guard)
    (_IDLIB + "Shells also fell on Saraqib and then Abbarah on Tuesday, they said.",
     [_STRIKE, ("2015-03-10", "Shelling/artillery/missile attack", "Saraqib", "Activists"),
      ("2015-03-10", "Shelling/artillery/missile attack", "Abbarah", "Activists")]),
    # a text whose only place is the locality keeps it
    ("Shells fell on Abbarah on Tuesday, killing two people, activists said.",
     [("2015-03-10", "Shelling/artillery/missile attack", "Abbarah", "Activists")]),
    # near the article's other places, the name without its article is the list's locality
    (_MAYADIN + "Later the jets hit a school in Hawayij, killing two children, it said.",
     [("2015-03-09", "Non-state actor overtakes territory", "Al Mayādīn", "Monitor"),
      ("2015-03-09", "Air/drone strike", "Al Hawayij", "Monitor")]),
])
def test_a_far_locality_named_loosely_is_no_place(text: str, expected: list) -> None:
    assert rows_of(text, "2015-03-12") == expected


@pytest.mark.parametrize("sentence, name, is_doubtful", [
    ("Fighters of Liwa Abbarah fled.", "Abbarah", True),  # after a capitalised word: part of a group's name
    ("Residents of Abbarah fled.", "Abbarah", False),  # bare, but neither a person's place nor in a longer name
    ("A school in Hawayij was hit.", "Hawayij", True),  # the list's Al Hawayij, written without its article
    ("A school in Al Hawayij was hit.", "Al Hawayij", False),  # the list's own spelling, introduced by 'in'
    ("Clashes broke out near Abbarah.", "Abbarah", False),  # introduced as a place, no article to drop
    ("Jets bombed Manbij.", "Manbij", False),  # a town with a population, not only UCDP's locality
])
def test_which_localities_are_doubtful(sentence: str, name: str, is_doubtful: bool) -> None:
    index = place_index()
    mention = next(m for m in index.find(sentence) if m.text == name)
    assert doubtful(mention, index.readings(mention.text), sentence[mention.end:],
                    before=sentence[:mention.start]) is is_doubtful
