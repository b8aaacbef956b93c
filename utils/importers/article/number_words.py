"""Numbers written as words, one table for the extractor: how many days ago ("two weeks ago", "a couple of
days later") in :mod:`.dates`, how many were killed ("killing six", "a dozen were killed") in :mod:`.event_types`,
and the ordinals of spoken dates ("on the first of October", "the twenty-third") in :mod:`.dates`."""

from __future__ import annotations

import re

__all__ = ["NUMBER_WORDS", "ORDINAL_WORDS", "ORDINAL_PATTERN", "number_value", "ordinal_value"]

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
                "several": 3, "a dozen": 12, "dozens": 24}
"""Number words and their values (lower case); "a few" and "several" count as 3, "dozens" as 24."""


def number_value(text: str) -> int | None:
    """The value of ``text``, digits ("1,600") or a number word ("two", "a dozen"), or ``None`` if neither."""
    word = text.lower().replace(",", "")
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
ORDINAL_WORDS = {word: value for value, word in enumerate(
    (*_UNITS, "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
     "eighteenth", "nineteenth", "twentieth"), start=1)}
ORDINAL_WORDS |= {f"twenty-{word}": 20 + value for value, word in enumerate(_UNITS, start=1)}
ORDINAL_WORDS |= {"thirtieth": 30, "thirty-first": 31}
"""The days of a month as ordinal words, 'first' .. 'thirty-first' (lower case, compounds hyphenated)."""
ORDINAL_PATTERN = "(?:" + "|".join(sorted((w.replace("-", "[- ]") for w in ORDINAL_WORDS), key=len, reverse=True)) + ")"
"""A regular expression matching any of :data:`ORDINAL_WORDS`, a compound spelt with a hyphen or a space."""


def ordinal_value(text: str) -> int | None:
    """1..31 for an ordinal day word ("first", "Twenty third"), or ``None``."""
    return ORDINAL_WORDS.get(re.sub(r"\s+", "-", text.strip().lower()))
