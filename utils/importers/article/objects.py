"""What an act was done to, when that changes its ACLED type: fire on a protest is excessive force against
protesters; people seized are abducted, not ground taken.

:func:`typed_by_object` is applied to a trigger's (sub_event_type, event_type) with the sentence around it.
"""

from __future__ import annotations

import re

__all__ = ["typed_by_object"]

_FORCE = ("Attack", "Armed clash", "Shelling/artillery/missile attack", "Air/drone strike")
_ON_PROTEST = re.compile(
    r"\b(?:fire[sd]?|firing|opened\s+fire|open\s+fire|shot|shoot(?:s|ing)?|attack(?:ed|s|ing)?|charged|beat|dispersed?|"
    r"crushed|broke\s+up|break\s+up)\s+(?:live\s+(?:ammunition|rounds)\s+|tear\s+gas\s+)?(?:on|at|upon|into)?\s*(?:a|an|the)?\s*(?:[\w'’-]+\s+){0,2}?"
    r"(?:protests?|protesters|demonstrat(?:ors|ions?)|funeral\s+(?:procession|march)(?:es|s)?|mourners|rall(?:y|ies)|"
    r"marchers|sit-ins?)\b", re.IGNORECASE)
"""Force turned on a protest ('security forces fire on a large Friday protest', 'shot at mourners')."""
_PROTESTERS_KILLED = re.compile(
    r"\b(?:protesters|demonstrators|mourners|marchers)\b[^.;]{0,40}?\b(?:were|had\s+been|are)\s+(?:\w+\s+)?"
    r"(?:killed|shot|shot\s+dead|gunned\s+down)\b", re.IGNORECASE)
"""Protesters killed, told in the passive ('more than 60 protesters were shot dead'): excessive force too."""
_PEOPLE_SEIZED = re.compile(
    r"\b(?:seized|captured|abducted|kidnapped|took|seize|capture|seizes|captures)\s+(?:\d[\d,]*|dozens\s+of|scores\s+of|"
    r"hundreds\s+of|several|two|three|four|five|six|seven|eight|nine|ten|a\s+group\s+of)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:soldiers|peacekeepers|people|civilians|men|women|children|hostages|troops|workers|staff|observers|"
    r"journalists|officers|policemen|guards|monitors)\b", re.IGNORECASE)
"""People taken ('seized 45 soldiers of the UN force', 'captured dozens of civilians'): an abduction."""


def typed_by_object(sub: str, event_type: str, body: str, start: int, end: int) -> tuple[str, str]:
    """(sub_event_type, event_type) of the trigger at ``start``..``end`` of ``body``, retyped by what it was done to:
    force on a protest named within the trigger's clause, or people (a number of them) seized by a capture."""
    around = body[max(0, start - 60):end + 80]
    if sub in _FORCE and (_ON_PROTEST.search(around) or _PROTESTERS_KILLED.search(body[max(0, start - 60):end + 80])):
        return "Excessive force against protesters", "Protests"
    if sub == "Non-state actor overtakes territory" and _PEOPLE_SEIZED.search(body[max(0, start - 5):end + 60]):
        return "Abduction/forced disappearance", "Violence against civilians"
    return sub, event_type
