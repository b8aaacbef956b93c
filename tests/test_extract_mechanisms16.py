"""Sixteenth pass of the article extraction's general mechanisms (issue 17, a precision pass), one table each.
Every sentence here was written for these tests, not taken from a gold set: places, dates, forces and phrasings
are varied on purpose, so a table checks the mechanism rather than a remembered line. Rows with no further event
must give none."""

from __future__ import annotations

import pytest
from extraction import candidates

from utils.importers.article.places import dateline_end


def rows(text: str, published: str = "2019-03-20") -> list[tuple[str, str, str]]:
    return [(r["event_date"], r["location"], r["sub_event_type"]) for r in candidates(text, published, "Test Desk")]


@pytest.mark.parametrize("text, expected", [
    ("The villages around Saraqib have been hit by many barrel bombs since the spring, residents say.", []),
    ("During the offensive the market of Ariha was struck by rockets on several occasions.", []),
    ("Army posts near Kafr Nabl have come under almost daily shelling since the truce.", []),
    ("Government aircraft bombed Maarat al-Numan time and again, the monitor said.", []),
    # one day's strikes, or a count with a day: still an event
    ("Ariha was struck by rockets on Monday, killing four, the monitor said.",
     [("2019-03-18", "Arīḩā", "Shelling/artillery/missile attack")]),
    ("The town of Saraqib has been hit by three air strikes on Tuesday, the monitor said.",
     [("2019-03-19", "Saraqib", "Air/drone strike")]),
])
def test_a_habit_told_in_the_passive_or_by_frequency_is_no_event(text, expected):
    """'have been hit by many barrel bombs since', 'on several occasions', 'almost daily': many events, none told."""
    assert rows(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("HOMS, Mar 19, 2019 (Levant Wire Service Agency) - Shells hit Talbiseh on Monday.",
     "HOMS, Mar 19, 2019 (Levant Wire Service Agency) - "),
    ("ALEPPO, Feb. 3, 2018 (AFP) - Clashes broke out.", "ALEPPO, Feb. 3, 2018 (AFP) - "),
    ("DAMASCUS, Jan 6 (AP) -- Mortars fell.", "DAMASCUS, Jan 6 (AP) -- "),
    ("DAMASCUS (Reuters) - Mortars fell.", "DAMASCUS (Reuters) - "),
    ("Rebels said the town - one of the last - had fallen.", ""),
])
def test_a_dateline_with_the_year_and_a_long_agency_name(line, expected):
    """'HOMS, Mar 19, 2019 (Levant Wire Service Agency) -': where and when the story was filed, not the event."""
    assert line[:dateline_end(line)] == expected


@pytest.mark.parametrize("text, expected", [
    # the filing day is not the event's day: 'on Monday' of a Tuesday story is the 18th
    ("HOMS, Mar 19, 2019 (Levant Wire Service Agency) - Shelling of the rebel-held town of Talbiseh in Homs "
     "province on Monday killed two people, activists said.",
     [("2019-03-18", "Tallbīsah", "Shelling/artillery/missile attack")]),
    ("HAMA, Mar 19, 2019 (Orontes Regional Press Agency) - Air strikes on a crowded market in the town of Kafr "
     "Zita in Hama province on Sunday killed five people, a monitor said.",
     [("2019-03-17", "Kafr Zaytā", "Air/drone strike")]),
])
def test_the_dateline_day_does_not_date_the_event(text, expected):
    """The dateline's date is the filing day; the event takes the sentence's own day, or the lead date."""
    assert rows(text, "2019-03-19") == expected


@pytest.mark.parametrize("text, expected", [
    # a Wednesday statement about 'during the week': the week before it, not the statement's day
    ("A local priest said on Wednesday that 30 civilians had been killed in Mhardeh during the week.",
     [("2019-03-17", "Maharda", "Attack")]),
    ("Hundreds of families fled Kafr Nabl during the week, aid workers said.",
     [("2019-03-17", "Kafranbel", "Displacement")]),
    # 'during the week of' names another week; the statement's day stands
    ("A local priest said on Wednesday that 30 civilians had been killed in Mhardeh during the week of the vote.",
     [("2019-03-20", "Maharda", "Attack")]),
])
def test_during_the_week_dates_to_the_week_before(text, expected):
    """'killed in X during the week': the week up to the report, to the week, not the day it was said."""
    assert rows(text) == expected
