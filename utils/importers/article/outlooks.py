"""A section on what may come: under a heading such as 'Outlook', 'Watch points' or 'What to watch', an analysis
tells what could happen next ('Air strikes near the camp; displacement from the town'), not what happened. Its
sentences give no event, up to the next heading."""

from __future__ import annotations

import re
from collections.abc import Sequence

from utils.importers.article.sentences import Sentence

__all__ = ["outlook_sentences"]

_NUMBERING = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[IVX]{1,4}\.)\s*")
_OUTLOOK = re.compile(
    r"^(?:watch\s*(?:points|list|items)|what to watch(?:\s+for)?|(?:the\s+)?outlook|looking ahead|the road ahead|"
    r"what (?:comes|happens|to expect) next|what next|what to expect|scenarios|(?:the\s+)?forecast|"
    r"indicators(?:\s+to\s+watch)?|key (?:risks|indicators|uncertainties)|risks ahead|prospects|next steps)"
    r"(?:\s+for\s+[\w\s-]{1,30})?\s*[:\-–—]?$", re.IGNORECASE)


def _heading(text: str) -> str | None:
    """The paragraph's text as a heading (numbering dropped), or None: short, and no sentence's end."""
    text = _NUMBERING.sub("", text.strip()).strip()
    if not text or len(text.split()) > 6 or text[-1] in ".!?\"”'":
        return None
    return text


def outlook_sentences(sentences: Sequence[Sentence]) -> set[int]:
    """Numbers of the sentences in a section headed as an outlook, up to the next heading."""
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    inside, found = False, set()
    for group in paragraphs.values():
        heading = _heading(" ".join(s.text for s in group))
        if heading is not None:
            inside = bool(_OUTLOOK.match(heading))
            continue
        if inside:
            found.update(s.number for s in group)
    return found
