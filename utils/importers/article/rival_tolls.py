"""A second source's own toll of an act of force told before: its own account, a row of its own.

"The state news agency put the toll at 26 dead. A monitoring group said 28 people were killed." The second sentence
names no place and no day, and no event word refers back, so it would be skipped; yet it is another source's count
of the act told just before, and a count that differs from one already given is that source's own version of what
happened (data/README.md: each report its own row). A toll that is the first count told is not: "Israel struck the
building. The health ministry said three people were killed" fills in the one event, it does not tell it again.

Kept narrow: the toll must be a number, the source explicit and another than the act's claimant, the act one of
force (battle, explosion or remote violence, violence against civilians) told within the last few sentences, and the
text between the act and the toll must already give a different number of dead.
"""

from __future__ import annotations

import re

from utils.importers.article.attribution import Attribution
from utils.importers.article.model import EventCandidate
from utils.importers.article.number_words import number_value
from utils.importers.article.sources import same_source

__all__ = ["rival_toll_target", "toll_of"]

_FORCE = ("Battles", "Explosions/Remote violence", "Violence against civilians")
_WITHIN_SENTENCES = 8
_NUMBER = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)"
_QUALIFIER = r"(?:(?:at least|more than|some|nearly|about|around|almost|over|above|up to)\s+)?"
_TOLLS = (
    re.compile(rf"\bkill(?:ed|ing)\s+{_QUALIFIER}{_NUMBER}\b", re.IGNORECASE),
    re.compile(rf"\b{_QUALIFIER}{_NUMBER}\s+(?:[\w-]+\s+){{0,4}}(?:were|was|had been|have been|been)?\s*"
               r"(?:killed|martyred|dead)\b", re.IGNORECASE),
    re.compile(rf"\b(?:death\s+)?(?:toll|figure|number of dead)\s+(?:\w+\s+){{0,3}}?(?:at|to|was|of)\s+"
               rf"{_QUALIFIER}{_NUMBER}\b", re.IGNORECASE),
    re.compile(rf"\b{_QUALIFIER}{_NUMBER}\s+bodies\b", re.IGNORECASE),
)
"""Ways copy gives a number of dead: 'killing 12', '45 fighters had been killed', 'put the toll at 26 dead',
'the true figure was above 100', 'more than 150 bodies'."""


def toll_of(text: str) -> list[int]:
    """Every number of dead ``text`` gives, in order (none: [])."""
    found: list[tuple[int, int]] = []
    for pattern in _TOLLS:
        for match in pattern.finditer(text):
            value = number_value(match.group(1).lower())
            if value is not None and value > 0:
                found.append((match.start(1), value))
    return [value for _, value in sorted(set(found))]


def rival_toll_target(raw: list[EventCandidate], text: str, sentence_number: int, sentence_start: int, body: str,
                      source: Attribution | None) -> int | None:
    """Index in ``raw`` of the act of force whose differing toll ``body`` (a placeless, undated sentence starting at
    ``sentence_start`` in ``text``) gives as ``source``'s own account, or None."""
    if source is None or not source.explicit or source.kind == "unattributed":
        return None
    own = toll_of(body)
    if not own:
        return None
    for index in range(len(raw) - 1, -1, -1):
        event = raw[index]
        if sentence_number - max(event.sentences) > _WITHIN_SENTENCES:
            return None
        if event.event_type not in _FORCE or not event.evidence_spans:
            continue
        if same_source(source.claimed_by, event.claimed_by):
            return None
        told = toll_of(text[min(start for start, _ in event.evidence_spans):sentence_start])
        if told and own[0] not in told:
            return index
    return None
