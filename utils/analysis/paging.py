"""Pages of a long table, sorted on the server, so a million rows never go to the browser at once."""

from __future__ import annotations

import math

import pandas as pd

__all__ = ["PAGE_ROWS", "page_count", "table_page"]

PAGE_ROWS = 1000


def page_count(rows: int, page_rows: int = PAGE_ROWS) -> int:
    """How many pages ``rows`` rows fill (at least 1)."""
    return max(1, math.ceil(rows / page_rows))


def table_page(frame: pd.DataFrame, sort_by: str, ascending: bool, page: int,
               page_rows: int = PAGE_ROWS) -> pd.DataFrame:
    """Rows of page ``page`` (1-based) of ``frame`` sorted by ``sort_by``; ties keep the file's order."""
    if sort_by not in frame.columns:
        raise KeyError(f"cannot sort by {sort_by!r}: not a column of the table")
    page = min(max(1, page), page_count(len(frame), page_rows))
    ordered = frame.sort_values(sort_by, ascending=ascending, kind="stable")
    return ordered.iloc[(page - 1) * page_rows: page * page_rows]
