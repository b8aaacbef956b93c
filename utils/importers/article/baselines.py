"""A comparison's baseline told as a clause ('the first Russian strike in the area since Moscow and Ankara agreed in
September', 'the deadliest attack since they were deployed in 2015'): the date inside that clause is the
baseline's, not the date of the event the sentence compares."""

from __future__ import annotations

import re

__all__ = ["BASELINE", "WHEN_AFTER", "in_baseline_clause"]

WHEN_AFTER = re.compile(r",?\s+when\s+(?!asked\b)")
"""', when ...' just after a date: a clause told at that date."""
# "the heaviest bombardment the enclave has known since 2013": a comparison's baseline, not the event's date
BASELINE = re.compile(r"\b(?:\w+est|most\s+\w+|worst|first|biggest|largest)\b[^.;,]{0,70}$", re.IGNORECASE)

_SUPERLATIVE = (r"\b(?:(?!(?:w|r|prot|arr|inter|requ|cont|for|sugg|hon|ch|n|b|t|l|gu|qu|harv|inv|man|dig|inf|att|det|"
                r"l?at|sw|v|p|z|j)est\b)\w+est|most\s+\w+|worst|first|biggest|largest)\b")
_BASELINE_CLAUSE = re.compile(rf"{_SUPERLATIVE}[^.;,]{{0,70}}?\bsince\s+(?!(?:the\s+)?(?:early\s+|late\s+|mid-?)?$)"
                              r"[^.;,]{3,70}$", re.IGNORECASE)


def in_baseline_clause(sentence: str, start: int) -> bool:
    """True when the date at ``start`` stands inside a clause opened by a comparison's 'since' (words between
    'since' and the date: a date right after 'since' is read by :mod:`.dates` itself)."""
    return bool(_BASELINE_CLAUSE.search(sentence[max(0, start - 150):start]))
