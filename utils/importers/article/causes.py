"""A cause clause told as an event of its own. Most causes only colour the event they led to ("in response to a
roadside bomb attack", "after a day of fighting": :mod:`.trigger_steps` gives them no event of their own), but two
forms report another event at the sentence's place:

- a cause with its own day and toll: "withdrew from the city in June after a crackdown in which 60 protesters were
  shot dead on 3 June";
- a cause that spans the weeks before: "fell to the rebels on 8 March after a week of shelling", dated to the
  middle of the span (a day or a night of fighting is the fighting that took the place, no event of its own).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from utils.importers.article.dates import Dated
from utils.importers.article.dating import TriggerDate
from utils.importers.article.event_types import fatalities_in
from utils.importers.article.mentions import PlaceMention
from utils.importers.article.number_words import number_value

__all__ = ["cause_as_event"]

_SPAN = re.compile(r",?\s*(?:after|following)\s+(?P<count>a|an|one|two|three|four|five|six|\d+)\s+(?P<unit>week|month)s?"
                   r"\s+of\s+", re.IGNORECASE)
_UNIT_DAYS = {"week": 7, "month": 30}
_KILLED = re.compile(r"\b(?:killed|shot\s+dead|gunned\s+down|massacred|executed)\b", re.IGNORECASE)
_SHOT_DEAD = re.compile(r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:were|had\s+been)\s+(?:shot\s+dead|gunned\s+down)\b",
                        re.IGNORECASE)


def _span_before(body: str, bounds: tuple[int, int], dated: Dated | None) -> Dated | None:
    """The days a cause 'after a week of shelling' spans before the event it led to (dated ``dated``): their middle,
    to the week up to a fortnight, else to the month; None for no span."""
    match = _SPAN.match(body, bounds[0])
    if match is None or dated is None or dated.precision != "day":
        return None
    days = (number_value(match["count"]) or 1) * _UNIT_DAYS[match["unit"].lower()]
    return Dated(dated.day - timedelta(days=days // 2), "week" if days <= 14 else "month")


def _dated_toll(body: str, bounds: tuple[int, int], when: TriggerDate) -> bool:
    """True when the clause ``bounds`` gives its own day and a count of the dead ('in which 60 were shot dead on
    3 June')."""
    clause = body[bounds[0]:bounds[1]]
    own = when.mention is not None and bounds[0] <= when.mention.start < bounds[1] and when.own is not None \
        and when.own.precision == "day"
    return own and (bool(_KILLED.search(clause)) and fatalities_in(clause) is not None
                    or bool(_SHOT_DEAD.search(clause)))


def cause_as_event(body: str, bounds: tuple[int, int], when: TriggerDate,
                   places: list[PlaceMention]) -> tuple[list[PlaceMention], TriggerDate] | None:
    """The places (the sentence's, before the cause) and the date of the cause clause ``bounds`` of ``body`` when it
    is an event of its own, else None."""
    before = [replace(p, relation="context") for p in places if p.start < bounds[0]]
    if not before:
        return None
    span = _span_before(body, bounds, when.dated)
    if span is not None:
        return before, replace(when, own=span, dated=span)
    return (before, when) if _dated_toll(body, bounds, when) else None
