"""Reading a CSV file as rows of text, refusing only what cannot be read at all.

Two readers give the same result. A regular file (quotes only around whole
values, every row as wide as the header) is split by Arrow's C++ CSV reader,
which is fast and keeps text compact; anything else (short or long rows, an
unclosed quote, a stray quote inside a value) goes through Python's
:mod:`csv` row by row, so every irregular row is set aside with its row
number. Other encodings are converted to UTF-8 first. Records end at LF,
CR + LF or a lone CR outside quotes, for both readers.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from utils.core.problems import DataFileError, Problem
from utils.data.csv_scan import scan_records
from utils.data.text_columns import arrow_frame, blank_cells, text_dtype

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
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise DataFileError(file, f"{encoding!r} is not a known text encoding; choose one such as utf-8, cp1256 "
                                  "(Arabic Windows) or latin-1.")
    decoder = info.incrementaldecoder()
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
        if _valid_utf8(memoryview(data)[skipped:]):
            return  # else Python's decoder below finds the first bad byte for the message
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


def _valid_utf8(data: memoryview) -> bool:
    """True when ``data`` is valid UTF-8, checked by Arrow's validator (the same verdict as Python's
    strict decoder, several times faster; tests/test_csv_readers.py compares them)."""
    import pyarrow as pa

    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(data)])
    try:
        whole.cast(pa.large_string())
    except pa.ArrowInvalid:
        return False
    return True


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


RESERVED_LABELS = (ROW_COLUMN, EXTRA_COLUMN, "_reasons")
"""Column names the dashboard uses itself; a file's column of that name is kept as ``file<name>``."""


def reserved_renamed(labels: list[str]) -> tuple[list[str], list[str]]:
    """``labels`` with each reserved name (see :data:`RESERVED_LABELS`) renamed, and a note per rename."""
    taken = set(labels)
    out, notes = [], []
    for label in labels:
        if label in RESERVED_LABELS:
            new = "file" + label
            while new in taken:
                new = "file" + new
            taken.add(new)
            notes.append(f"column {label!r} renamed {new!r}: the dashboard uses {label!r} itself.")
            label = new
        out.append(label)
    return out, notes


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


def _record_cells(text: str) -> list[str]:
    """The cells of one record (the header), split by Python's csv reader."""
    return next(csv.reader(io.StringIO(text, newline="")), [])


def _lines(text: str) -> list[str]:
    """The file's lines as Python's csv reader and spreadsheets see them (LF, CR + LF or a lone CR)."""
    return list(io.StringIO(text, newline=""))


def _records(text: str, file: str):
    """Yield (row number, cells, raw line or None) for every record; raw line set for an unclosed quote.

    Python's csv reader, left alone, lets a quote that is never closed swallow
    the rest of the file into one value. Here such a record is cut back to its
    first line (reported with that line as its raw text) and reading goes on
    from the next line. A record still open after the file's last quote
    character can never close, so it is cut there without reading further.
    """
    lines = _lines(text)
    last_quote = next((i for i in range(len(lines) - 1, -1, -1) if '"' in lines[i]), -1)
    position = 0
    record = 0
    while position < len(lines):
        state = {"start": position, "cut": False}

        def feed(offset: int = position, state: dict = state):
            for index in range(offset, len(lines)):
                if index > state["start"] and index - 1 >= last_quote:
                    state["cut"] = True  # the record is inside a quote that nothing after can close
                    return
                yield lines[index]

        reader = csv.reader(feed(), strict=False)
        restart = False
        while True:
            state["start"] = start = position + reader.line_num
            state["cut"] = False
            try:
                cells = next(reader)
            except StopIteration:
                break
            end = position + reader.line_num
            record += 1
            if (state["cut"] or end == len(lines)) and _ends_inside_quote("".join(lines[start:end])):
                if record == 1:
                    raise DataFileError(file, "the header row opens a quote that is never closed.", row=1)
                yield record, cells, lines[start].rstrip("\r\n")
                position = start + 1
                restart = True
                break
            yield record, cells, None
        if not restart:
            break


def _ends_inside_quote(text: str) -> bool:
    """True when ``text`` (one CSV record) reaches its end inside a quoted value."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


_BLOCK_ROWS = 100_000


class _Columns:
    """Cells gathered row by row and kept as compact Arrow text every ``_BLOCK_ROWS`` rows."""

    def __init__(self, header: list[str]) -> None:
        self.header = header
        self.pending: list[list[str]] = []
        self.blocks: list[object] = []

    def add(self, cells: list[str]) -> None:
        self.pending.append(cells)
        if len(self.pending) >= _BLOCK_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        columns = list(zip(*self.pending)) if self.pending else [()] * len(self.header)
        self.blocks.append(pa.table({str(i): pa.array(list(values), type=pa.large_string())
                                     for i, values in enumerate(columns)}))
        self.pending = []

    def frame(self) -> pd.DataFrame:
        import pyarrow as pa

        if self.pending or not self.blocks:
            self._flush()
        table = pa.concat_tables(self.blocks)
        self.blocks = []
        return _arrow_frame(table, self.header)


def _arrow_frame(table, header: list[str]) -> pd.DataFrame:
    """An Arrow table of text columns as a frame with ``header`` as column names (text dtype)."""
    frame = arrow_frame(table)  # large_string too: no cast (and no copy) of any column
    frame.columns = header
    return frame


def _exact_table(text: str, file: str) -> RawTable:
    """Split ``text`` with Python's csv reader, setting aside every irregular row (the reference reader)."""
    records = _records(text, file)
    try:
        _, header, _ = next(records)
    except StopIteration:
        raise DataFileError(file, "the file is empty; a CSV needs a header row and data rows.") from None
    if not header:
        raise DataFileError(file, "row 1 is blank; the first row must be the header (the column names).", row=1)
    header, renamed = reserved_renamed(_check_header(header, file))
    width = len(header)
    good = _Columns(header)
    good_rows: list[int] = []
    bad: list[dict[str, str | int]] = []
    problems: list[Problem] = []
    notes: list[str] = [f"{file}: {note}" for note in renamed]
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
        good.add(cells)
        good_rows.append(row_number)
    if blank_rows:
        notes.append(f"{file}: {blank_rows} blank row(s) skipped.")
    frame = good.frame()
    frame[ROW_COLUMN] = pd.Series(good_rows, dtype="int64")
    set_aside = pd.DataFrame(bad, columns=[*header, ROW_COLUMN, EXTRA_COLUMN])
    return RawTable(frame, set_aside, problems, notes)


def table_memory_pool():
    """The Arrow memory pool for a file's cells: jemalloc where this pyarrow has it, else the default.

    Measured on the 1M-row import (BENCHMARKS.md): Arrow's default mimalloc pool
    spends 2-4 s of system time the first time it grows to the file's size
    (about 1 GB), jemalloc a fraction of that, and peaks lower.
    """
    import pyarrow as pa

    try:
        return pa.jemalloc_memory_pool()
    except (NotImplementedError, pa.ArrowNotImplementedError):
        return pa.default_memory_pool()


def _fast_table(data: bytes, file: str) -> RawTable | None:
    """Split a UTF-8 file with Arrow; ``None`` unless its quotes are regular and every row is as wide as the header.

    Records (and so row numbers, blank rows included) come from
    :func:`utils.data.csv_scan.scan_records`, which ends them where Python's
    csv reader does; Arrow's rows must then match those records one for one,
    or the exact reader is used.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    records = scan_records(data)
    if not records.regular or len(records.starts) == 0:
        return None
    lengths = records.lengths
    empty = lengths == 0
    if empty[0]:
        return None
    header = _check_header(_record_cells(bytes(data[records.starts[0]:records.ends[0]]).decode("utf-8")), file)
    header, renamed = reserved_renamed(header)
    row_numbers = np.flatnonzero(~empty[1:]) + 2
    notes: list[str] = [f"{file}: {note}" for note in renamed]
    if len(records.starts) > 1:
        block = int(min(max(1 << 24, 2 * int(lengths.max()) + 4096), 2**31 - 1))
        try:
            table = pacsv.read_csv(
                pa.py_buffer(memoryview(data)[records.starts[1]:]),
                read_options=pacsv.ReadOptions(column_names=header, block_size=block),
                # no invalid_row_handler: a row of another width raises, and the exact reader takes over
                parse_options=pacsv.ParseOptions(newlines_in_values=records.newline_in_quotes,
                                                 ignore_empty_lines=True),
                convert_options=pacsv.ConvertOptions(column_types={label: pa.large_string() for label in header},
                                                     strings_can_be_null=False, quoted_strings_can_be_null=False,
                                                     null_values=[]),
                memory_pool=table_memory_pool(),
            )
        except (pa.ArrowInvalid, pa.ArrowException):
            return None
        if table.num_rows != len(row_numbers):
            return None
        frame = _arrow_frame(table, header)
        del table
    else:
        frame = pd.DataFrame({label: pd.array([], dtype=text_dtype()) for label in header})
    blank = np.zeros(len(frame), dtype=bool)
    if len(frame):
        blank = blank_cells(frame[header[0]])
        if blank.any():
            candidates = frame.loc[blank]
            blank[blank] = (candidates.apply(lambda column: column.str.strip() == "")).all(axis=1).to_numpy()
    blank_rows = int(empty[1:].sum() + blank.sum())
    if blank.any():
        frame = frame.loc[~blank].reset_index(drop=True)
        row_numbers = row_numbers[~blank]
    if blank_rows:
        notes.append(f"{file}: {blank_rows} blank row(s) skipped.")
    frame[ROW_COLUMN] = row_numbers.astype("int64")
    set_aside = pd.DataFrame(columns=[*header, ROW_COLUMN, EXTRA_COLUMN])
    return RawTable(frame, set_aside, [], notes)


def _utf8_body(data: bytes, file: str, encoding: str) -> bytes:
    """The file's text as UTF-8 bytes without a byte-order mark (other encodings are converted)."""
    _check_bytes(data, file, encoding)
    if _is_utf8(encoding):
        return data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    text = data.decode(encoding)
    return (text[1:] if text.startswith("\ufeff") else text).encode("utf-8")


def read_csv_table(source: str | Path | bytes, file: str | None = None, *,
                   encoding: str = "utf-8-sig", reader: str = "auto") -> RawTable:
    """Read a comma-separated file into text cells without losing any row.

    ``source`` is a path or the file's bytes; ``file`` is the name used in
    messages; ``encoding`` the text encoding (a UTF-8 byte-order mark is
    accepted). ``reader``: 'auto' (Arrow when the file is regular, else the
    exact reader), 'exact' (always Python's csv reader) or 'fast' (Arrow, or
    ``DataFileError`` if it does not apply; for tests). Both readers give the
    same rows, rows set aside and row numbers (tests/test_csv_readers.py).
    Raises :class:`~utils.core.problems.DataFileError` when the file cannot be
    read as rows at all (not text, empty, no header, duplicate or blank header
    labels, a separator other than the comma).
    """
    data, file = _read_source(source, file)
    body = _utf8_body(data, file, encoding)
    del data
    if not body[:4096].strip() and not body.strip():
        raise DataFileError(file, "the file is empty; a CSV needs a header row and data rows.")
    if reader in ("auto", "fast"):
        fast = _fast_table(body, file)
        if fast is not None:
            return fast
        if reader == "fast":
            raise DataFileError(file, "the fast reader does not apply to this file.")
    return _exact_table(body.decode("utf-8"), file)
