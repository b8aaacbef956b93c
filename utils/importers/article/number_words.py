"""Numbers written as words, one table for the extractor: how many days ago ("two weeks ago", "a couple of
days later") in :mod:`.dates`, how many were killed ("killing six", "a dozen were killed") in :mod:`.event_types`."""

from __future__ import annotations

__all__ = ["NUMBER_WORDS", "number_value"]

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
                "several": 3, "a dozen": 12, "dozens": 24}
"""Number words and their values (lower case); "a few" and "several" count as 3, "dozens" as 24."""


def number_value(text: str) -> int | None:
    """The value of ``text``, digits ("1,600") or a number word ("two", "a dozen"), or ``None`` if neither."""
    word = text.lower().replace(",", "")
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)
