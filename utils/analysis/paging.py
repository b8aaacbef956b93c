"""Pages of a long table, sorted on the server, so a million rows never go to the browser at once.

The order is computed once over the kept rows (a boolean mask over the frame)
as row positions, so a page is a slice of positions and the frame is never
copied or sorted whole.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

__all__ = ["PAGE_ROWS", "page_count", "page_positions", "sorted_positions", "table_page"]

PAGE_ROWS = 1000


def page_count(rows: int, page_rows: int = PAGE_ROWS) -> int:
    """How many pages ``rows`` rows fill (at least 1)."""
    return max(1, math.ceil(rows / page_rows))


def sorted_positions(column: pd.Series, ascending: bool, rows: np.ndarray | None = None) -> np.ndarray:
    """Positions of the rows ``rows`` keeps (all if None), ordered by ``column``.

    Ties keep the frame's order in both directions; missing values come last.
    """
    positions = np.arange(len(column)) if rows is None else np.flatnonzero(rows)
    values = column.iloc[positions].reset_index(drop=True)
    order = values.sort_values(ascending=ascending, kind="stable", na_position="last").index.to_numpy()
    return positions[order]


def page_positions(positions: np.ndarray, page: int, page_rows: int = PAGE_ROWS) -> np.ndarray:
    """The positions on page ``page`` (1-based, clamped to the pages there are)."""
    page = min(max(1, page), page_count(len(positions), page_rows))
    return positions[(page - 1) * page_rows: page * page_rows]


def table_page(frame: pd.DataFrame, sort_by: str, ascending: bool, page: int,
               page_rows: int = PAGE_ROWS) -> pd.DataFrame:
    """Rows of page ``page`` (1-based) of ``frame`` sorted by ``sort_by``; ties keep the file's order."""
    if sort_by not in frame.columns:
        raise KeyError(f"cannot sort by {sort_by!r}: not a column of the table")
    return frame.iloc[page_positions(sorted_positions(frame[sort_by], ascending), page, page_rows)]
