"""Reading a CSV file as rows of text, refusing only what cannot be read at all."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from utils.problems import DataFileError, Problem

__all__ = ["RawTable", "read_csv_table"]

ROW_COLUMN = "_row"
"""Column added to raw tables: the row number a spreadsheet shows for that row."""


class RawTable:
    """The text cells of a CSV file, with the problems found while splitting it.

    ``frame`` holds one column per header label, every cell a ``str``, and a
    ``_row`` column with the row number (header = row 1). ``set_aside`` holds
    rows that could not be split into the header's columns, in the same shape
    (extra cells joined into ``_extra``).
    """

    def __init__(self, frame: pd.DataFrame, set_aside: pd.DataFrame, problems: list[Problem],
                 notes: list[str]) -> None:
        self.frame = frame
        self.set_aside = set_aside
        self.problems = problems
        self.notes = notes


def _decode(data: bytes, file: str, encoding: str) -> str:
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise DataFileError(file, f"the file holds a NUL byte at byte offset {offset}; it looks binary, "
                                  "not a CSV text file. Export it again as CSV (UTF-8).")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DataFileError(
            file,
            f"byte {data[exc.start]:#04x} at byte offset {exc.start} is not valid "
            f"{'UTF-8' if encoding.lower().startswith('utf-8') else encoding}; "
            "save the file as UTF-8, or choose the encoding it was written in.",
        ) from None
    except LookupError:
        raise DataFileError(file, f"unknown text encoding {encoding!r}") from None


def read_csv_table(source: str | Path | bytes, file: str | None = None, *,
                   encoding: str = "utf-8-sig") -> RawTable:
    """Read a comma-separated file into text cells without losing any row.

    ``source`` is a path or the file's bytes; ``file`` is the name used in
    messages. A UTF-8 byte-order mark is accepted. Raises
    :class:`~utils.problems.DataFileError` when the file cannot be read as rows
    at all (not text, empty, no header, duplicate or blank header labels).
    """
    if isinstance(source, (str, Path)):
        file = file or str(source)
        try:
            data = Path(source).read_bytes()
        except FileNotFoundError:
            raise DataFileError(file, "the file does not exist; check the path.") from None
        except OSError as exc:
            raise DataFileError(file, f"the file cannot be read: {exc.strerror}") from None
    else:
        data = source
        file = file or "uploaded file"
    text = _decode(data, file, encoding)
    if not text.strip():
        raise DataFileError(file, "the file is empty; a CSV needs a header row and data rows.")

    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise DataFileError(file, f"the header row cannot be read as CSV: {exc}", row=1) from None
    header = [label.strip() for label in header]
    blank = [i + 1 for i, label in enumerate(header) if not label]
    if blank:
        raise DataFileError(file, f"header label number {blank[0]} is blank; name every column.", row=1)
    seen: set[str] = set()
    for label in header:
        if label in seen:
            raise DataFileError(file, "this header label appears twice; each column needs its own name.",
                                row=1, column=label, value=label)
        seen.add(label)
    if len(header) == 1 and any(sep in header[0] for sep in (";", "\t", "|")):
        raise DataFileError(file, "the header has one column only; the file seems to use ';', tab or '|' "
                                  "between values. Save it with commas as the separator.",
                            row=1, value=header[0])

    good: list[list[str]] = []
    good_rows: list[int] = []
    bad: list[dict[str, str | int]] = []
    problems: list[Problem] = []
    notes: list[str] = []
    blank_rows = 0
    width = len(header)
    row_number = 1
    try:
        for cells in reader:
            row_number += 1
            if not cells or all(not c.strip() for c in cells):
                blank_rows += 1
                continue
            if len(cells) != width:
                record: dict[str, str | int] = dict(zip(header, cells))
                record[ROW_COLUMN] = row_number
                if len(cells) > width:
                    record["_extra"] = ",".join(cells[width:])
                bad.append(record)
                problems.append(Problem(file, row_number, None, None,
                                        f"the row has {len(cells)} cells but the header has {width}; "
                                        "check for a missing or extra comma or an unclosed quote."))
                continue
            good.append(cells)
            good_rows.append(row_number)
    except csv.Error as exc:
        raise DataFileError(file, f"the CSV cannot be read past this row: {exc}", row=row_number + 1) from None
    if blank_rows:
        notes.append(f"{file}: {blank_rows} blank row(s) skipped.")

    frame = pd.DataFrame(good, columns=header, dtype=object)
    frame[ROW_COLUMN] = pd.Series(good_rows, dtype="int64")
    set_aside = pd.DataFrame(bad, columns=[*header, ROW_COLUMN, "_extra"])
    return RawTable(frame, set_aside, problems, notes)
