"""Writing what the store holds as CSV: the change log (``python -m utils changes --out``, the edit page)."""

from __future__ import annotations

import pandas as pd

from utils.data.csv_write import spreadsheet_csv_bytes
from utils.data.store_rows import CHANGE_COLUMNS

__all__ = ["changes_csv_bytes"]


def changes_csv_bytes(changes: pd.DataFrame) -> bytes:
    """The change log (when, event_id, field, old_value, new_value, reason, who) as CSV for spreadsheets.

    Through the one safe writer (:func:`utils.data.csv_write.spreadsheet_csv_bytes`): formula-like
    cells made inert, a CR or line break inside a value kept inside its quoted cell.
    """
    return spreadsheet_csv_bytes(changes[list(CHANGE_COLUMNS)].astype(str))
