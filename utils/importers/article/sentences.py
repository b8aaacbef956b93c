"""Splitting clean article text into paragraphs and sentences, keeping each one's character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

_ABBREVIATIONS_WORDS = (
    "mr mrs ms dr prof gen maj lt col brig sgt capt cpl adm cmdr gov sen rep st mt ft no nos vs etc approx "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m inc ltd co corp dept est "
    "jr sr")
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_WORDS.split())
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text, where it is in the article (``start``..``end``, characters) and its paragraph."""

    number: int
    start: int
    end: int
    text: str
    paragraph: int


def _ends_with_abbreviation(text: str) -> bool:
    """True when ``text`` (up to a full stop) ends with an abbreviation or an initial ('Maj.', 'U.S.', 'J.')."""
    match = re.search(r"([A-Za-z][A-Za-z.]*)\.$", text)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or len(word) == 1


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; a line break always ends a paragraph (and a sentence)."""
    sentences: list[Sentence] = []
    paragraph = -1
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        paragraph += 1
        offset = line.start()
        body = line.group()
        start = 0
        for end_match in _END.finditer(body):
            end = end_match.end()
            piece = body[start:end]
            if piece.rstrip("\"'”’)]").endswith(".") and _ends_with_abbreviation(piece.rstrip("\"'”’)]")):
                continue
            if piece.count("“") > piece.count("”") or (piece.count('"') % 2 == 1 and "“" not in piece):
                continue  # inside a quotation: it ends with its closing mark and the attribution

            _add(sentences, text, offset + start, offset + end, paragraph)
            start = end
        _add(sentences, text, offset + start, offset + len(body), paragraph)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph))
