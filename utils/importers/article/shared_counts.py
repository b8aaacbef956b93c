"""A count of the dead shared out over a list of places: "security forces killed at least 19 people in X, and
six in the southern town of Y", "12 were killed in X, four in Y and two in Z". Each further count names a place
of its own, so it is an event of its own, of the kind the sentence's first count told (its clause repeats that
event word, :func:`.clauses.choose_in_clauses`)."""

from __future__ import annotations

import re

from utils.importers.article.number_words import number_value

__all__ = ["count_cuts", "shared_count"]

_COUNT = (r"(?:at\s+least\s+|another\s+|a\s+further\s+|some\s+|about\s+|around\s+|nearly\s+|more\s+than\s+)?"
          r"(?P<count>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens|scores)")
_SHARED = re.compile(rf"(?:,\s*(?:and\s+|while\s+)?|\s+and\s+)(?={_COUNT}\s+(?:more\s+|others?\s+|people\s+|civilians\s+)?"
                     r"(?:were\s+(?:killed|wounded)\s+|died\s+|dead\s+)?(?:in|at)\s+(?:the\s+(?:[\w-]+\s+){0,3}?"
                     r"(?:town|village|city|district|neighbou?rhood|quarter|province|countryside|camp)\s+of\s+|"
                     r"(?:neighbouring|nearby)\s+)?(?-i:[A-Z])[\w'’-])", re.IGNORECASE)
"""Where a further count of the list opens (', and six in Y', ' and two in Z'), its place named by a capital."""
_DEAD = re.compile(r"\b(?:kill(?:ed|ing|s)?|dead|died|massacred|slaughtered|executed)\b", re.IGNORECASE)
"""A count of the dead before it: only then is the list's count one of the dead."""


def count_cuts(body: str) -> list[int]:
    """Where each further count of a shared-out toll opens a clause in ``body`` (a sentence), after a count of the
    dead: none when the sentence tells no death before the list."""
    cuts = []
    for match in _SHARED.finditer(body):
        if _DEAD.search(body, 0, match.start()) and re.search(rf"\b{_COUNT}\b", body[:match.start()], re.IGNORECASE):
            cuts.append(match.start())
    return cuts


def shared_count(clause: str) -> int | None:
    """The count a further clause of a shared-out toll opens with (', and six in Y': 6), or ``None``."""
    match = re.match(rf"(?:,\s*(?:and\s+|while\s+)?|\s+and\s+){_COUNT}\b", clause, re.IGNORECASE)
    return number_value(re.sub(r"\s+", " ", match.group("count"))) if match else None
