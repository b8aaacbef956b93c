"""Who speaks in the first person when the article is an institution's own statement.

A statement, communiqué or press release that names its issuer in its heading ("Statement of the General Command
of X, issued in ...") speaks for that issuer throughout: its "our forces", "we" and its unattributed sentences are
the issuer's claim, not the publishing outlet's report. Sources it cites by name ("the agency said") stay theirs.
"""

from __future__ import annotations

import re

__all__ = ["statement_issuer"]

_HEADING_LINES = 4
"""How many first lines of the text may carry the heading that names the issuer."""
_ISSUER = re.compile(
    r"^\W*(?:(?:official|joint|press|public)\s+)?(?:statement|communiqu[eé]|press\s+release|declaration|announcement|"
    r"bulletin|briefing)\s+(?:no\.?\s*\d+\s+)?(?:(?:issued|released)\s+)?(?:of|by|from)\s+(?:the\s+)?"
    r"(?P<who>[A-Z][^,.;:()\n]{2,90}?)\s*(?:,|\(|\bissued\b|\breleased\b|\bon\s+[A-Z0-9]|\bin\s+[A-Z]|\s[-–—]\s|$)",
    re.IGNORECASE | re.MULTILINE)


def statement_issuer(text: str) -> str | None:
    """The body a statement's heading names as its issuer ('Statement of the General Command of the Syrian
    Democratic Forces, issued in Hasakah' -> 'General Command of the Syrian Democratic Forces'), else ``None``."""
    head = "\n".join(text.strip().splitlines()[:_HEADING_LINES])
    match = _ISSUER.search(head)
    if match is None:
        return None
    who = match["who"].strip()
    return who if re.search(r"[A-Z]", who) and len(who.split()) >= 2 else None
