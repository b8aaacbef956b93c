"""The one CSV writer: every CSV file the product writes goes through here.

Two kinds of file:

* :func:`spreadsheet_csv_bytes`, for people (downloads, the briefing CSV,
  rows set aside, the change log, command-line reports): every text cell and
  header label that a spreadsheet would run as a formula is made inert with a
  leading apostrophe, and so is every line *inside* a cell, since a
  spreadsheet that splits rows at a bare carriage return would start a new
  row there. Line breaks inside a cell become LF; records end in CR + LF.
* :func:`data_csv_bytes`, for data meant to be read back (``python -m utils
  import --out``): cells exactly as they are, so the file imports unchanged.

Both quote every text cell (so a CR, LF, quote or comma inside one never
ends a row) and are written by Arrow's C++ CSV writer (fast at a million rows).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from utils.core.files import write_atomically

__all__ = ["FORMULA_TRIGGERS", "data_csv_bytes", "neutralise_formula", "spreadsheet_csv_bytes",
           "starts_like_formula", "write_data_csv"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""Characters that make a spreadsheet read a cell as a formula when they come first (OWASP's list, plus the
full-width forms some spreadsheets also accept)."""
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_TRIGGER_CLASS = "[=+\\-@\t\r\uff1d\uff0b\uff0d\uff20]"
_NUMBER_PATTERN = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"
_INNER_LINE = re.compile("\n(" + _TRIGGER_CLASS + ")")


def starts_like_formula(text: str) -> bool:
    """True when a spreadsheet would run ``text`` as a formula (a real number such as -12.5 is not)."""
    return text.startswith(FORMULA_TRIGGERS) and not _NUMBER.match(text)


def neutralise_formula(value: object) -> object:
    """Make a text cell that a spreadsheet would run as a formula inert.

    A cell starting with ``= + - @``, tab or carriage return (or their
    full-width forms) gets a leading apostrophe (OWASP's advice for CSV
    injection); so does each line inside the cell, and line breaks become LF.
    A real number such as ``-12.5`` stays as it is; non-text values are
    returned unchanged.
    """
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    if starts_like_formula(text):
        text = "'" + text
    return _INNER_LINE.sub("\n'\\1", text)


def _spreadsheet_text(text: pd.Series) -> pd.Series:
    """Text cells made inert, vectorised: line breaks as LF, an apostrophe before each formula-like line."""
    cells = text if text.dtype == "string[pyarrow]" else text.astype("string[pyarrow]")
    if cells.str.contains("\r", regex=False).fillna(False).any():
        cells = cells.str.replace("\r\n", "\n", regex=False).str.replace("\r", "\n", regex=False)
    starts = cells.str.match(_TRIGGER_CLASS).fillna(False).astype(bool)
    if starts.any():
        number = cells.str.fullmatch(_NUMBER_PATTERN).fillna(False).astype(bool)
        first = starts & ~number
        cells = cells.where(~first, "'" + cells)
    inner = cells.str.contains("\n" + _TRIGGER_CLASS, regex=True).fillna(False).astype(bool)
    if inner.any():
        cells = cells.where(~inner, cells.str.replace("\n(" + _TRIGGER_CLASS + ")", "\n'\\1", regex=True))
    return cells


def _arrow_table(frame: pd.DataFrame, *, spreadsheet: bool):
    """``frame`` as an Arrow table: text (object, string) columns as text, numbers as numbers, dates ISO."""
    import pyarrow as pa

    columns = {}
    for position, label in enumerate(frame.columns):
        series = frame.iloc[:, position]
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            values = pa.Array.from_pandas(series.dt.tz_localize(None) if series.dt.tz else series)
            values = values.cast(pa.date32(), safe=False)
        elif pd.api.types.is_bool_dtype(series.dtype) or pd.api.types.is_numeric_dtype(series.dtype):
            values = pa.Array.from_pandas(series)
        else:
            text = series if series.dtype == "string[pyarrow]" else series.astype("string[pyarrow]")
            if spreadsheet:
                text = _spreadsheet_text(text)
            values = pa.array(text.array)
        name = str(label)
        if spreadsheet:
            name = str(_spreadsheet_text(pd.Series([name])).iloc[0])
        columns[name] = values
    if len(set(columns)) != len(frame.columns):
        raise ValueError("column labels must be unique to be written as CSV")
    return pa.table(columns)


def _header_line(labels: list[str], eol: str) -> bytes:
    """The header as a spreadsheet writes it: a label quoted only when it holds a quote, comma or line break."""
    def cell(label: str) -> str:
        return '"' + label.replace('"', '""') + '"' if any(c in label for c in '",\r\n') else label

    return (",".join(cell(label) for label in labels) + eol).encode("utf-8")


def _write_to(out, frame: pd.DataFrame, *, spreadsheet: bool, eol: str) -> None:
    import pyarrow.csv as pacsv

    table = _arrow_table(frame, spreadsheet=spreadsheet)
    out.write(_header_line(table.column_names, eol))
    options = pacsv.WriteOptions(quoting_style="needed", eol=eol, include_header=False)
    pacsv.write_csv(table, out, options)


def _write(frame: pd.DataFrame, *, spreadsheet: bool, eol: str) -> bytes:
    buffer = io.BytesIO()
    _write_to(buffer, frame, spreadsheet=spreadsheet, eol=eol)
    return buffer.getvalue()


def spreadsheet_csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as UTF-8 CSV for spreadsheets: formula-like text made inert, records ending in CR + LF.

    Numbers stay numbers; dates are written YYYY-MM-DD; the index is not
    written. ``frame`` is not modified.
    """
    return _write(frame, spreadsheet=True, eol="\r\n")


def data_csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as UTF-8 CSV data: every cell exactly as it is, text quoted, records ending in LF.

    For files read back by the dashboard (they import unchanged); a lone CR
    inside a cell is inside quotes, so it never ends a row.
    """
    return _write(frame, spreadsheet=False, eol="\n")


def write_data_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write :func:`data_csv_bytes` of ``frame`` to ``path``, streamed (the file is never held in memory).

    Written to a temporary file beside ``path`` and renamed into place: a failure leaves no half file.
    Raises ``OSError`` when the folder is missing or not writable.
    """
    write_atomically(Path(path), lambda out: _write_to(out, frame, spreadsheet=False, eol="\n"))
