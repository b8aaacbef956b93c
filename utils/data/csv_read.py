"""Reading a CSV file as rows of text, refusing only what cannot be read at all.

Two readers give the same result. A clean UTF-8 file (every row as wide as
the header) is split by Arrow's C++ CSV reader, which is fast and keeps text
compact; anything else (short or long rows, an unclosed quote, another
encoding) goes through Python's :mod:`csv` row by row, so every irregular row
is set aside with its row number.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from utils.core.problems import DataFileError, Problem

__all__ = ["ROW_COLUMN", "RawTable", "decode_bytes", "read_csv_table", "text_dtype"]

ROW_COLUMN = "_row"
"""Column added to raw tables: the row number a spreadsheet shows for that row."""

EXTRA_COLUMN = "_extra"
"""Column of set-aside rows: cells past the header's width, or the raw text of a row that could not be split."""

csv.field_size_limit(2**31 - 1)
# Long cells are read whole and then set aside by validation with their length
# (see utils.data.validation.MAX_CELL_CHARS), rather than stopping the whole file.

_UTF8 = ("utf-8", "utf8", "utf-8-sig", "utf_8", "utf_8_sig")
_CHUNK = 1 << 24

def text_dtype() -> pd.StringDtype:
    """The dtype of text cells: pandas' Arrow-backed ``str`` (compact, fast vectorised string methods)."""
    return pd.StringDtype("pyarrow", na_value=np.nan)


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

    @property
    def rows_read(self) -> int:
        """Data rows found (loaded or set aside), blank rows not counted."""
        return len(self.frame) + len(self.set_aside)


def _is_utf8(encoding: str) -> bool:
    return encoding.lower().replace("_", "-") in _UTF8


def _encoding_name(encoding: str) -> str:
    return "UTF-8" if _is_utf8(encoding) else encoding


def _check_bytes(data: bytes, file: str, encoding: str) -> None:
    """Refuse bytes that are not text in ``encoding``, naming the first bad byte's offset.

    Decodes in chunks so a large file is never held twice.
    """
    try:
        decoder = codecs.getincrementaldecoder(encoding)()
    except LookupError:
        raise DataFileError(file, f"unknown text encoding {encoding!r}; choose one such as utf-8, cp1256 "
                                  "(Arabic Windows) or latin-1.") from None
    wide = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    if not wide:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise DataFileError(file, "the file starts with a UTF-16 byte-order mark: it is UTF-16 text. "
                                      "Choose the encoding utf-16, or save the file as UTF-8.")
        nul = data.find(b"\x00")
        if nul >= 0:
            raise DataFileError(file, f"the file holds a NUL byte at byte offset {nul}; it looks binary, "
                                      "not a CSV text file. Export it again as CSV (UTF-8).")
    skipped = 0
    if _is_utf8(encoding):
        # Python's utf-8-sig decoder swallows a lone partial byte-order mark at the end of the input
        # (b"\xef" decodes to ""), so strip a whole mark here and check the rest as plain UTF-8.
        decoder = codecs.getincrementaldecoder("utf-8")()
        skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    offset = skipped
    try:
        for start in range(skipped, len(data), _CHUNK):
            offset = start - len(decoder.getstate()[0])  # bytes held back from the last chunk come first
            text = decoder.decode(data[start:start + _CHUNK], final=False)
            if wide and "\x00" in text:
                raise DataFileError(file, "the text holds a NUL character; it looks binary, not a CSV file.")
        offset = len(data) - len(decoder.getstate()[0])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        position = max(0, offset + exc.start)
        position = min(position, len(data) - 1)
        raise DataFileError(
            file,
            f"byte {data[position]:#04x} at byte offset {position} is not valid {_encoding_name(encoding)}; "
            "save the file as UTF-8, or choose the encoding it was written in.",
        ) from None


def decode_bytes(data: bytes, file: str, encoding: str = "utf-8-sig") -> str:
    """Return ``data`` as text, or raise :class:`DataFileError` naming the first bad byte's offset."""
    _check_bytes(data, file, encoding)
    return data.decode(encoding)


def _read_source(source: str | Path | bytes, file: str | None) -> tuple[bytes, str]:
    if isinstance(source, (str, Path)):
        file = file or str(source)
        try:
            return Path(source).read_bytes(), file
        except FileNotFoundError:
            raise DataFileError(file, "the file does not exist; check the path.") from None
        except OSError as exc:
            raise DataFileError(file, f"the file cannot be read: {exc.strerror}") from None
    return source, file or "uploaded file"


def _check_header(header: list[str], file: str) -> list[str]:
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
    return header


def _ends_inside_quote(text: str) -> bool:
    """True when ``text`` (one CSV record) reaches its end inside a quoted value."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _records(text: str, file: str):
    """Yield (row number, cells, raw line or None) for every record; raw line set for an unclosed quote.

    Python's csv reader, left alone, lets a quote that is never closed swallow
    the rest of the file into one value. Here such a record is cut back to its
    first line (reported with that line as its raw text) and reading goes on
    from the next line.
    """
    lines = list(io.StringIO(text, newline=""))
    position = 0
    record = 0
    while position < len(lines):
        reader = csv.reader(iter(lines[position:]), strict=False)
        restart = False
        while True:
            start = position + reader.line_num
            try:
                cells = next(reader)
            except StopIteration:
                break
            end = position + reader.line_num
            record += 1
            if end == len(lines) and _ends_inside_quote("".join(lines[start:end])):
                if record == 1:
                    raise DataFileError(file, "the header row opens a quote that is never closed.", row=1)
                yield record, cells, lines[start].rstrip("\r\n")
                position = start + 1
                restart = True
                break
            yield record, cells, None
        if not restart:
            break


def _slow_table(text: str, file: str) -> RawTable:
    records = _records(text, file)
    try:
        _, header, _ = next(records)
    except StopIteration:
        raise DataFileError(file, "the file is empty; a CSV needs a header row and data rows.") from None
    header = _check_header(header, file)
    width = len(header)
    good: list[list[str]] = []
    good_rows: list[int] = []
    bad: list[dict[str, str | int]] = []
    problems: list[Problem] = []
    notes: list[str] = []
    blank_rows = 0
    for row_number, cells, unclosed in records:
        if unclosed is not None:
            record: dict[str, str | int] = {ROW_COLUMN: row_number, EXTRA_COLUMN: unclosed}
            bad.append(record)
            problems.append(Problem(file, row_number, None, unclosed[:200],
                                    "a quote opens in this row and is never closed, so the row cannot be "
                                    "split; the rows after it were read from the next line. Close the quote "
                                    '(write "" for a quote inside a value).'))
            continue
        if not cells or all(not c.strip() for c in cells):
            blank_rows += 1
            continue
        if len(cells) != width:
            record = dict(zip(header, cells))
            record[ROW_COLUMN] = row_number
            if len(cells) > width:
                record[EXTRA_COLUMN] = ",".join(cells[width:])
            bad.append(record)
            problems.append(Problem(file, row_number, None, None,
                                    f"the row has {len(cells)} cells but the header has {width}; "
                                    "check for a missing or extra comma or an unclosed quote."))
            continue
        good.append(cells)
        good_rows.append(row_number)
    if blank_rows:
        notes.append(f"{file}: {blank_rows} blank row(s) skipped.")
    columns = list(zip(*good)) if good else [()] * width
    frame = pd.DataFrame({label: pd.array(list(values), dtype=text_dtype())
                          for label, values in zip(header, columns)})
    frame[ROW_COLUMN] = pd.Series(good_rows, dtype="int64")
    set_aside = pd.DataFrame(bad, columns=[*header, ROW_COLUMN, EXTRA_COLUMN])
    return RawTable(frame, set_aside, problems, notes)


def _record_ends(data: bytes) -> np.ndarray:
    """Byte offsets of the line feeds that end CSV records (those outside quoted values)."""
    array = np.frombuffer(data, dtype=np.uint8)
    ends = []
    parity = 0
    for start in range(0, len(array), _CHUNK):
        chunk = array[start:start + _CHUNK]
        quotes = np.flatnonzero(chunk == 34)
        feeds = np.flatnonzero(chunk == 10)
        outside = (np.searchsorted(quotes, feeds) + parity) % 2 == 0
        ends.append(feeds[outside] + start)
        parity = (parity + len(quotes)) % 2
    return np.concatenate(ends) if ends else np.array([], dtype=np.int64)


def _fast_table(data: bytes, file: str) -> RawTable | None:
    """Split a UTF-8 file with Arrow; ``None`` when the file has irregular rows (use the exact reader)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    ends = _record_ends(data)
    if len(ends) == 0:
        return None
    starts = np.concatenate(([0], ends[:-1] + 1))
    lengths = ends - starts
    if ends[-1] + 1 < len(data) and data[ends[-1] + 1:].strip():
        starts = np.append(starts, ends[-1] + 1)
        lengths = np.append(lengths, len(data) - ends[-1] - 1)
    array = np.frombuffer(data, dtype=np.uint8)
    before_end = np.clip(starts + lengths - 1, 0, max(len(data) - 1, 0))
    empty = (lengths == 0) | ((lengths == 1) & (array[before_end] == 13))
    if empty[0]:
        return None
    header_text = data[: starts[1] if len(starts) > 1 else len(data)].decode("utf-8")
    header = _check_header(next(csv.reader(io.StringIO(header_text, newline=""))), file)
    invalid: list[object] = []

    def skip_invalid(row: object) -> str:
        invalid.append(row)
        return "skip"

    try:
        table = pacsv.read_csv(
            pa.py_buffer(data),
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=skip_invalid,
                                             ignore_empty_lines=True),
            convert_options=pacsv.ConvertOptions(column_types={label: pa.string() for label in header},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False,
                                                 null_values=[]),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        return None
    row_numbers = np.flatnonzero(~empty[1:]) + 2
    if invalid or table.num_rows != len(row_numbers):
        return None
    frame = table.to_pandas(types_mapper=lambda kind: text_dtype() if kind == pa.string() else None)
    del table
    frame.columns = header
    blank = np.array((frame[header[0]].str.strip() == "").to_numpy(dtype=bool, na_value=True))
    if blank.any():
        candidates = frame.loc[blank]
        blank[blank] = (candidates.apply(lambda column: column.str.strip() == "")).all(axis=1).to_numpy()
    notes: list[str] = []
    blank_rows = int(empty[1:].sum() + blank.sum())
    if blank.any():
        frame = frame.loc[~blank].reset_index(drop=True)
        row_numbers = row_numbers[~blank]
    if blank_rows:
        notes.append(f"{file}: {blank_rows} blank row(s) skipped.")
    frame[ROW_COLUMN] = row_numbers.astype("int64")
    set_aside = pd.DataFrame(columns=[*header, ROW_COLUMN, EXTRA_COLUMN])
    return RawTable(frame, set_aside, [], notes)


def read_csv_table(source: str | Path | bytes, file: str | None = None, *,
                   encoding: str = "utf-8-sig") -> RawTable:
    """Read a comma-separated file into text cells without losing any row.

    ``source`` is a path or the file's bytes; ``file`` is the name used in
    messages; ``encoding`` the text encoding (a UTF-8 byte-order mark is
    accepted). Raises :class:`~utils.core.problems.DataFileError` when the file
    cannot be read as rows at all (not text, empty, no header, duplicate or
    blank header labels, a separator other than the comma).
    """
    data, file = _read_source(source, file)
    _check_bytes(data, file, encoding)
    if _is_utf8(encoding):
        body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
        if not body[:4096].strip() and not body.strip():
            raise DataFileError(file, "the file is empty; a CSV needs a header row and data rows.")
        fast = _fast_table(body, file)
        if fast is not None:
            return fast
        text = body.decode("utf-8")
    else:
        text = data.decode(encoding)
        if text.startswith("\ufeff"):
            text = text[1:]
    if not text.strip():
        raise DataFileError(file, "the file is empty; a CSV needs a header row and data rows.")
    return _slow_table(text, file)
