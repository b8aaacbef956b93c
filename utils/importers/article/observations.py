"""Dates that belong to an observation, not to the event observed: an imagery note's 'images taken on
14 January, compared with images of 9 January, show that strikes on 13 January destroyed ...' dates the
pictures twice and the strikes once. Such a date is the record's; the event takes another of its sentence."""

from __future__ import annotations

import re

from utils.importers.article.dates import DateMention

__all__ = ["observation_date", "without_observation_dates"]

_RECORD = r"(?:satellite\s+|commercial\s+|optical\s+|radar\s+|aerial\s+|drone\s+)*(?:images?|imagery|scenes?|photos?|photographs?|pictures?|footage)"
_BEFORE = re.compile(rf"\b{_RECORD}\s+(?:[\w-]+\s+){{0,2}}?(?:taken|captured|acquired|collected|recorded|shot|dated|"
                     r"from|of)\s+(?:on\s+|in\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$"
                     r"|\bvisible\b[^.;]{0,60}?\b(?:on|in|by)\s+$", re.IGNORECASE)
"""'images taken on (Thursday) ', 'imagery from ', 'compared with images of ', 'no vehicles are visible ... on '."""
_AFTER = re.compile(rf"\s*{_RECORD}\b", re.IGNORECASE)
"""'the 9 January image', 'a 14 January scene'."""


def observation_date(body: str, mention: DateMention) -> bool:
    """True when ``mention`` dates an image or what is visible in one, not an event."""
    return bool(_BEFORE.search(body[max(0, mention.start - 90):mention.start])) or bool(
        _AFTER.match(body[mention.end:mention.end + 40]))


def without_observation_dates(body: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` less those that date an observation, when any other date is left to the sentence."""
    kept = [m for m in mentions if not observation_date(body, m)]
    return kept if kept else mentions
