"""A source blaming someone for the event just told: its own account of that event, as the project codes each report.

"Shells hit the market, a monitor said. The ministry blamed the militia." The second sentence has no event word, yet
it is the ministry's account of the shelling, with its own perpetrator. It becomes a copy of that event as the
blaming source tells it (:func:`.second_accounts.second_account`). Kept narrow: the sentence's own source is named
and is not the event's, the event is violent, it was told at most :data:`_WITHIN` sentences before, and the sentence
names no other place.
"""

from __future__ import annotations

import re

from utils.core.geo import haversine_km
from utils.importers.article.attribution import Attribution
from utils.importers.article.mentions import PlaceMention
from utils.importers.article.model import EventCandidate
from utils.importers.article.sources import same_source

__all__ = ["blames_for"]

_BLAMES = re.compile(r"\b(?:blamed|blames)\s+(?!on\b|it\b|this\b|that\b|them\b)", re.IGNORECASE)
"""'the ministry blamed the militia': a blame with its object named (not 'blamed on', not 'blamed it')."""
_BLAMED_ON = re.compile(r"\bblame[ds]?\s+(?:the|this|that|its|these)\s+(?:[\w-]+\s+){0,3}?on\b(?!\s+(?:Mon|Tues|Wednes|Thurs|"
                        r"Fri|Satur|Sun)day)", re.IGNORECASE)
"""'blames the violence on armed gangs': what is blamed is a general state of things, not the event's perpetrator."""
_EARLIER = re.compile(r"\bfor\s+(?:that|those|an?\s+earlier|the\s+earlier|previous)\b|\b(?:ago|last\s+year|in\s+\d{4})\b",
                      re.IGNORECASE)
"""A blame for another, earlier event ('blamed rebels for that attack as well', 'for the bombing a week ago')."""
_VIOLENT = ("Explosions/Remote violence", "Battles", "Violence against civilians")
_WITHIN = 4
_SAME_PLACE_KM = 10.0


def blames_for(stated: Attribution | None, body: str, places: list[PlaceMention], event: EventCandidate,
               distance: int) -> bool:
    """True when ``body`` (no event word of its own, ``distance`` sentences after ``event``) is ``stated``'s blame
    for ``event``: another named source, a violent event, no other place."""
    if stated is None or not stated.explicit or stated.kind == "unattributed" or event.event_type not in _VIOLENT:
        return False
    if not 0 < distance <= _WITHIN or not _BLAMES.search(body) or _EARLIER.search(body) \
            or _BLAMED_ON.search(body):
        return False
    if same_source(stated.claimed_by, event.claimed_by):
        return False
    return all(haversine_km(p.latitude, p.longitude, event.latitude, event.longitude) <= _SAME_PLACE_KM for p in places)
