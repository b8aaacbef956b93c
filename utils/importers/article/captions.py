"""Media shown to be misattributed: 'a video shared as "the shelling of X" was filmed in Y in 2020'.

A sentence that gives a picture's or a video's caption (shared, posted or circulated *as* a quoted description) and
then says where or when it was really filmed, or that it is old, fake or misattributed, reports a false caption,
not an event: :func:`debunked_caption` tells it, and :func:`.candidates.extract_events` skips it.
"""

from __future__ import annotations

import re

__all__ = ["debunked_caption"]

_CAPTION = re.compile(r"\b(?:videos?|photos?|photographs?|footage|images?|clips?|pictures?)\b[^.;]{0,80}?\b(?:shared|"
                      r"posted|circulated|circulating|presented|captioned|passed\s+off|described)\b[^.;]{0,40}?\bas\s+"
                      r"[\"“‘']", re.IGNORECASE)
_DEBUNKED = re.compile(r"\b(?:(?:was|were|had)\s+(?:actually\s+|in\s+fact\s+|really\s+)?(?:been\s+)?(?:filmed|taken|shot|"
                       r"recorded)\s+(?:in|at|during)\b|misattributed|fake|fabricated|old\s+(?:footage|video|photo))",
                       re.IGNORECASE)


def debunked_caption(body: str) -> bool:
    """True when ``body`` quotes a picture's or a video's caption and says it is false (filmed elsewhere, old, fake)."""
    caption = _CAPTION.search(body)
    return caption is not None and _DEBUNKED.search(body, caption.end()) is not None
