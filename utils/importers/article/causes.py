"""A cause clause told as an event of its own. Most causes only colour the event they led to ("in response to a
roadside bomb attack", "after two weeks of bombardment": :mod:`.trigger_steps` gives them no event of their own),
but a cause with its own day and toll reports another event at the sentence's place: "withdrew from the city in
June after a crackdown in which 60 protesters were shot dead on 3 June".
"""

from __future__ import annotations

import re
from dataclasses import replace

from utils.importers.article.dating import TriggerDate
from utils.importers.article.event_types import fatalities_in
from utils.importers.article.mentions import PlaceMention

__all__ = ["cause_as_event"]

_KILLED = re.compile(r"\b(?:killed|shot\s+dead|gunned\s+down|massacred|executed)\b", re.IGNORECASE)
_SHOT_DEAD = re.compile(r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:were|had\s+been)\s+(?:shot\s+dead|gunned\s+down)\b",
                        re.IGNORECASE)


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
    return (before, when) if before and _dated_toll(body, bounds, when) else None
