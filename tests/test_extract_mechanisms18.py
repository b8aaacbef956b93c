"""Eighteenth pass of the article extraction's general mechanisms (issue 17): another institution's account of the
event just told, in a sentence with no event word of its own, is its own row. Every sentence here was written for
these tests, not taken from a gold set; places, dates, forces and phrasings are varied on purpose. Rows with no
second account must give none."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.attribution import Attribution
from utils.importers.article.model import EventCandidate
from utils.importers.article.second_accounts import another_account


def accounts(text: str, published: str = "2021-10-14") -> list[tuple[str, str, str, str]]:
    return [(r["event_date"], r["location"], r["sub_event_type"], r["claimed_by"])
            for r in candidates(text, published, "Test Desk")]


@pytest.mark.parametrize("text, sources", [
    # a monitor's toll after a ministry's strike: two accounts of one strike, same day, place and kind
    ("Warplanes struck a fuel depot in Saraqib on Tuesday, the defence ministry said. The Syrian Observatory for "
     "Human Rights said 11 people died, most of them drivers.", ["defence ministry", "Observatory"]),
    # a state channel's outcome after a monitor's report of shelling
    ("Artillery shelled the outskirts of Maarat al-Numan on Monday, the monitor said. State television said the army "
     "had killed several gunmen there and that two soldiers died.", ["monitor", "State television"]),
    # an army's word after a monitor's report of a drone strike, the place named again
    ("A drone hit a car near Tal Tamr on Wednesday, the monitor reported. The Turkish army said three fighters died "
     "near Tal Tamr.", ["monitor", "Turkish army"]),
])
def test_another_institutions_account_is_its_own_row(text, sources):
    """The second source's account has the event's day, place and kind, and that source's claim."""
    rows = accounts(text)
    assert len(rows) == 2
    assert len({(day, place, kind) for day, place, kind, _ in rows}) == 1
    for source in sources:
        assert any(source.lower() in claimant.lower() for *_, claimant in rows), (source, rows)


@pytest.mark.parametrize("text", [
    # a person quoted, not an institution
    "Warplanes struck a fuel depot in Saraqib on Tuesday, the defence ministry said. Khaled Omar, a driver, said that "
    "everything burned and that two colleagues died.",
    # residents are no institution either
    "Warplanes struck a fuel depot in Saraqib on Tuesday, the defence ministry said. Local residents said 11 people "
    "died, most of them drivers.",
    # the same kind of source as the event's own (two parties): no second row here
    "Warplanes struck a fuel depot in Saraqib on Tuesday, the defence ministry said. The army command said four "
    "fighters died.",
    # a toll spread over two towns: several events, not one account
    "Warplanes struck a fuel depot in Saraqib on Tuesday, the defence ministry said. The Syrian Observatory for "
    "Human Rights said 11 died in Saraqib and 4 in Binnish.",
    # another place than the event's: not an account of it
    "Warplanes struck a fuel depot in Saraqib on Tuesday, the defence ministry said. The Syrian Observatory for "
    "Human Rights said two people died in Jableh.",
    # a new paragraph: another topic, not the event's second account
    "Warplanes struck a fuel depot in Saraqib on Tuesday, the defence ministry said.\n\nThe Syrian Observatory for "
    "Human Rights said more than 300 people died across the country last month.",
    # no outcome: the monitor only speaks of the event
    "Warplanes struck a fuel depot in Saraqib on Tuesday, the defence ministry said. The Syrian Observatory for "
    "Human Rights called for an inquiry.",
])
def test_no_second_account(text):
    """Only one candidate: the second sentence is no institution's own account of the event."""
    assert len(accounts(text)) == 1, accounts(text)


def _event(claimed_by: str, attributed: bool = True) -> EventCandidate:
    return EventCandidate(event_date=date(2021, 10, 12), date_precision="day", event_type="Explosions/Remote violence",
                          sub_event_type="Air/drone strike", actor1="", actor2="", location="Saraqib", latitude=35.86,
                          longitude=36.80, geo_precision=1, claimed_by=claimed_by, status="claimed", fatalities=None,
                          recalled=False, evidence_spans=((0, 10),), sentences=(0,), trigger="struck",
                          attributed=attributed)


@pytest.mark.parametrize("source, event, body, expected", [
    (Attribution("Syrian Observatory for Human Rights", "monitor", "said"), _event("Defence ministry"),
     "The Observatory said 11 were killed.", True),
    # the event's own source again
    (Attribution("Defence ministry", "party", "said"), _event("Defence ministry"), "It said 11 were killed.", False),
    # an event on the outlet's own authority: the next source names who says so (attach_source), no second row
    (Attribution("Syrian Observatory for Human Rights", "monitor", "said"), _event("Test Desk (no attribution)", False),
     "The Observatory said 11 were killed.", False),
    # unattributed reports are no institution's account
    (Attribution("Unattributed reports", "unattributed", "reportedly"), _event("Defence ministry"),
     "Eleven were reportedly killed.", False),
    # residents are no institution
    (Attribution("Residents", "media", "said"), _event("Defence ministry"), "Residents said 11 were killed.", False),
])
def test_another_account_rule(source, event, body, expected):
    assert another_account(source, body, [], event, 11 if "11" in body or "Eleven" in body else None) is expected
