"""Writing CSV that spreadsheets open safely: formula-like text cells made inert."""

from __future__ import annotations

import re

__all__ = ["neutralise_formula"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise_formula(value: object) -> object:
    """Make a text cell that a spreadsheet would run as a formula inert.

    A cell starting with ``= + - @``, tab or carriage return gets a leading
    apostrophe (OWASP's advice for CSV injection); a real number such as
    ``-12.5`` stays as it is. Non-text values are returned unchanged.
    """
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    if _NUMBER.match(value):
        return value
    return "'" + value
