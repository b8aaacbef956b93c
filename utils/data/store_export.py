"""Writing what the store holds as CSV: the change log (``python -m utils changes --out``, the edit page)."""

from __future__ import annotations

import pandas as pd

from utils.data.csv_write import spreadsheet_csv_bytes
from utils.data.store_rows import CHANGE_COLUMNS

__all__ = ["changes_csv_bytes"]


def changes_csv_bytes(changes: pd.DataFrame) -> bytes:
    """The change log as UTF-8 CSV for spreadsheets, through the one safe writer
    (:func:`utils.data.csv_write.spreadsheet_csv_bytes`): every cell quoted, formula-like cells and
    lines made inert, a carriage return or line break inside a value kept inside its cell.
    """
    return spreadsheet_csv_bytes(changes[list(CHANGE_COLUMNS)].astype(str))
