"""Weekdays that point back into the story: 'that Friday', 'the following Monday', 'the Monday that followed'.

A bare 'on Friday' is the latest Friday before publication (:mod:`.dates`); a weekday with 'that', 'the following',
'the next' or 'the previous' before it, or 'that followed' / 'before' after it, names a day of the story's own
week: it is read against the date the text last named with its year (the narrative's time), not publication.
"""

from __future__ import annotations

import re
from datetime import timedelta

from utils.importers.article.calendar_days import WEEKDAYS, Dated

__all__ = ["story_weekdays"]

_DAY = r"(?P<w{}>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_STORY_WEEKDAY = re.compile(
    rf"\b(?:(?P<that>(?i:that|that same)\s+){_DAY.format(1)}"
    rf"|(?i:the\s+(?P<dir>following|next|previous|preceding)\s+){_DAY.format(2)}"
    rf"|(?i:the\s+){_DAY.format(3)}\s+(?P<after>(?i:that|which)\s+followed|after(?=\s*[,.;]|\s+that\b)|before(?=\s*[,.;]))"
    r")")
_SAME_WEEK = 3
"""'that Friday': the Friday nearest the narrative's day, never more than this many days from it."""


def _weekday_of(match: re.Match) -> str:
    return match["w1"] or match["w2"] or match["w3"]


def story_weekdays(sentence: str, narrative: Dated | None) -> list[tuple[int, int, Dated]]:
    """(start, end, day) of each story weekday in ``sentence``, read against ``narrative`` (a day named with its
    year earlier in the text); none without one, or when the narrative is only to the month or year."""
    if narrative is None or narrative.precision not in ("day", "week"):
        return []
    found = []
    for match in _STORY_WEEKDAY.finditer(sentence):
        index = WEEKDAYS.index(_weekday_of(match).lower())
        anchor = narrative.day
        ahead = (index - anchor.weekday()) % 7
        direction = (match["dir"] or "").lower()
        after = (match["after"] or "").lower()
        if match["that"]:  # the same day, or the nearest such weekday (at most three days off)
            day = anchor + timedelta(days=ahead if ahead <= _SAME_WEEK else ahead - 7)
        elif direction in ("following", "next") or "followed" in after or after == "after":
            day = anchor + timedelta(days=ahead or 7)
        else:  # 'the previous Friday', 'the Friday before'
            day = anchor - timedelta(days=(anchor.weekday() - index) % 7 or 7)
        found.append((match.start(), match.end(), Dated(day, "day")))
    return found
