"""Places that are where a speaker sits, not where the event was: 'its reconciliation centre at the Hmeimim air base
said', 'the command in Damascus announced'. A place between an office's noun and its speech verb is the office's
seat (:data:`_SEAT`); :func:`.mentions.mark_references` marks the places in :func:`seat_spans` as references, so the
event takes the place named elsewhere in the sentence, or the context's.
"""

from __future__ import annotations

import re

__all__ = ["seat_spans"]

_SEAT = re.compile(r"\b(?:centre|center|office|command|headquarters|bureau|embassy|mission|spokesm[ae]n|spokesperson|"
                   r"agency|ministry)\s+(?P<span>(?:at|in)\s+[^,;.]{3,50}?)\s+(?:has\s+|had\s+)?"
                   r"(?:said|says|reported|announced|stated|claimed|denied|told)\b", re.IGNORECASE)


def seat_spans(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each speaker's seat in ``sentence``: from its 'at' or 'in' to its speech verb."""
    return [(m.start("span"), m.end("span")) for m in _SEAT.finditer(sentence)]
