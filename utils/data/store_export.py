"""Writing what the store holds as CSV: the change log (``python -m utils changes --out``, the edit page)."""

from __future__ import annotations

import csv
import io

import pandas as pd

from utils.data.csv_write import neutralise_formula
from utils.data.store_rows import CHANGE_COLUMNS

__all__ = ["changes_csv_bytes"]


def changes_csv_bytes(changes: pd.DataFrame) -> bytes:
    """The change log as UTF-8 CSV for spreadsheets: every cell quoted, formula-like cells made inert.

    Quoting every cell keeps a carriage return or line break inside a value
    inside its cell; a cell starting with ``= + - @``, tab or CR gets an apostrophe.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CHANGE_COLUMNS)
    for row in changes[list(CHANGE_COLUMNS)].astype(str).itertuples(index=False, name=None):
        writer.writerow([neutralise_formula(value) for value in row])
    return buffer.getvalue().encode("utf-8")
