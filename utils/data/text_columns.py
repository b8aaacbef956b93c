"""Facts about whole text columns, found in one vectorised pass over Arrow's buffers.

Validation asks the same few questions of every cell of every column: is it
blank, does it need stripping, does it start like a spreadsheet formula, is it
too long, what number does it hold. Asked through pandas' string methods, each
question is a pass over the column that builds a new array; here one look at
each cell's first and last byte and its byte length (read straight from the
Arrow offsets, no copy) answers them, and only the few cells that could be
exceptions are looked at more closely with the same pandas or Arrow call as
before, so every answer is exactly the one those calls give (tests/test_text_columns.py
compares them on generated columns).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["TextFacts", "arrow_frame", "as_text", "blank_cells", "number_values", "repeated_text", "rows_at", "text_dtype", "text_facts",
           "too_long_cells"]


def text_dtype() -> pd.StringDtype:
    """The dtype of text cells: pandas' Arrow-backed ``str`` (compact, fast vectorised string methods)."""
    return pd.StringDtype("pyarrow", na_value=np.nan)


def arrow_frame(table) -> pd.DataFrame:
    """An Arrow table as a frame whose text columns (string or large_string) are :func:`text_dtype`, so the
    text is kept in Arrow's buffers rather than turned into Python strings; other columns as pandas reads them."""
    import pyarrow as pa

    text = text_dtype()
    return table.to_pandas(types_mapper={pa.string(): text, pa.large_string(): text}.get)


FORMULA_START = b"=+-@"
"""First characters of a cell that spreadsheets read as a formula (ASCII: each is one byte)."""

_FORMULA_BYTE = np.zeros(256, dtype=bool)
_FORMULA_BYTE[np.frombuffer(FORMULA_START, dtype=np.uint8)] = True
_EDGE_BYTE = np.ones(256, dtype=bool)
_EDGE_BYTE[0x21:0x7F] = False
"""True for a byte that is not printable ASCII other than a space: a cell whose first and last bytes are
not such bytes has nothing to strip (every character Arrow's ``utf8_trim_whitespace`` removes is a
control, a space or non-ASCII)."""

_NUMBER_PATTERN = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
"""Plain decimal numbers: Arrow's cast and pandas' ``to_numeric`` read these the same (correctly rounded)."""


@dataclass(frozen=True)
class TextFacts:
    """What one pass over a text column found, one entry per cell (positions, not index labels).

    ``present``: cells that are not the empty string. ``edges``: cells whose
    first or last byte is not printable ASCII (a space, a control or part of a
    non-ASCII character): only those can change when stripped.
    ``formula_start``: cells whose first character is =, +, - or @.
    ``long_bytes``: cells of more than :data:`LONG_BYTES` UTF-8 bytes (a
    character is 1 to 4 bytes, so no other cell has more characters).
    """

    present: np.ndarray
    edges: np.ndarray
    formula_start: np.ndarray
    long_bytes: np.ndarray


LONG_BYTES = 100_000
"""The byte length above which :func:`too_long_cells` counts characters (at most this many characters)."""


def _arrow_chunks(series: pd.Series):
    """The Arrow chunks of an Arrow-backed text series without nulls, else ``None``."""
    import pyarrow as pa

    if not (isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow"):
        return None
    chunked = series.array._pa_array
    if chunked.null_count or not (pa.types.is_large_string(chunked.type) or pa.types.is_string(chunked.type)):
        return None
    return chunked


def _chunk_facts(chunk) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    import pyarrow as pa

    size = len(chunk)
    width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    _, offsets_buffer, data_buffer = chunk.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=width, count=size + 1, offset=chunk.offset * np.dtype(width).itemsize)
    starts, ends = offsets[:-1], offsets[1:]
    lengths = ends - starts
    present = lengths > 0
    long_bytes = lengths > LONG_BYTES
    if data_buffer is None or not len(data_buffer) or not present.any():
        nothing = np.zeros(size, dtype=bool)
        return present, nothing, nothing, long_bytes
    data = np.frombuffer(data_buffer, dtype=np.uint8)
    last_byte = len(data) - 1
    first = data[np.minimum(starts, last_byte)]
    last = data[np.clip(ends - 1, 0, last_byte)]
    edges = (_EDGE_BYTE[first] | _EDGE_BYTE[last]) & present
    formula = _FORMULA_BYTE[first] & present
    return present, edges, formula, long_bytes


def text_facts(series: pd.Series) -> TextFacts:
    """The facts of ``series`` (text; a missing cell counts as the empty string)."""
    chunked = _arrow_chunks(series)
    if chunked is None:
        text = series.astype(text_dtype()).fillna("")
        chunked = _arrow_chunks(text)
        if chunked is None:  # pragma: no cover - text_dtype() is always Arrow-backed
            raise TypeError("text_facts needs Arrow-backed text")
    parts = [_chunk_facts(chunk) for chunk in chunked.chunks if len(chunk)]
    if not parts:
        empty = np.zeros(0, dtype=bool)
        return TextFacts(empty, empty, empty, empty)
    return TextFacts(*(np.concatenate(column) if len(parts) > 1 else column[0] for column in zip(*parts)))


def as_text(series: pd.Series, *, strip: bool = True) -> tuple[pd.Series, TextFacts]:
    """Cells as Arrow-backed text (stripped unless ``strip`` is false), missing cells as "", and their facts.

    The same cells as ``series.astype(text_dtype()).fillna("").str.strip()``;
    a column with nothing to strip is returned as it is (not copied), so a
    large clean file is not held twice in memory. Only cells whose first or
    last byte is not printable ASCII are tried.
    """
    text = series.astype(text_dtype())
    if text.hasnans:
        text = text.fillna("")
    facts = text_facts(text)
    if not strip or not facts.edges.any():
        return text, facts
    candidates = text.iloc[np.flatnonzero(facts.edges)]
    if (candidates.str.strip().str.len() == candidates.str.len()).all():
        return text, facts
    stripped = text.str.strip()
    return stripped, text_facts(stripped)


def blank_cells(series: pd.Series) -> np.ndarray:
    """True where a text cell is empty or only whitespace (as ``series.str.strip() == ""``)."""
    facts = text_facts(series)
    blank = ~facts.present
    edges = np.flatnonzero(facts.edges)
    if len(edges):
        blank[edges] = (series.iloc[edges].str.strip() == "").to_numpy(dtype=bool)
    return blank


def too_long_cells(series: pd.Series, facts: TextFacts, limit: int) -> np.ndarray:
    """True where a cell has more than ``limit`` characters (as ``series.str.len() > limit``)."""
    if limit < LONG_BYTES:
        return (series.str.len() > limit).to_numpy(dtype=bool)
    too_long = np.zeros(len(facts.present), dtype=bool)
    candidates = np.flatnonzero(facts.long_bytes)  # no more bytes than LONG_BYTES means no more characters
    if len(candidates):
        too_long[candidates] = (series.iloc[candidates].str.len() > limit).to_numpy(dtype=bool)
    return too_long


def number_values(series: pd.Series, facts: TextFacts | None = None) -> np.ndarray:
    """The number in each text cell as float, NaN where there is none: ``pd.to_numeric(errors="coerce")``'s values.

    Plain decimal cells (the usual case) are read by Arrow's cast, which gives
    the same correctly rounded value; any other non-empty cell (inf, nan, a
    trailing space ...) goes to ``pd.to_numeric`` itself; empty cells are NaN.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    chunked = _arrow_chunks(series)
    if chunked is None:
        return pd.to_numeric(series, errors="coerce").astype(float).to_numpy()
    try:
        return np.asarray(pc.cast(chunked, pa.float64()).to_numpy(), dtype=float)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    facts = facts if facts is not None else text_facts(series)
    plain = pc.match_substring_regex(chunked, _NUMBER_PATTERN).to_numpy(zero_copy_only=False).astype(bool)
    values = np.full(len(series), np.nan)
    if plain.any():
        values[plain] = np.asarray(pc.cast(pc.filter(chunked, pa.array(plain)), pa.float64()).to_numpy(), dtype=float)
    other = np.flatnonzero(~plain & facts.present)
    if len(other):
        values[other] = pd.to_numeric(series.iloc[other], errors="coerce").astype(float).to_numpy()
    return values


def repeated_text(value: str, index: pd.Index) -> pd.Series:
    """``value`` in every row of ``index``, as text (the same series as ``pd.Series(value, index, dtype=text_dtype())``,
    built by Arrow without a Python object per row)."""
    import pyarrow as pa

    encoded = value.encode("utf-8")
    offsets = np.arange(len(index) + 1, dtype=np.int64) * len(encoded)
    cells = pa.Array.from_buffers(pa.large_string(), len(index),
                                  [None, pa.py_buffer(offsets), pa.py_buffer(encoded * len(index))])
    return pd.Series(pd.array(pa.chunked_array([cells]), dtype=text_dtype()), index=index)


_FEW_ROWS = 1_000
"""Up to this many rows, :func:`rows_at` copies each cell on its own instead of a whole-column take."""


def rows_at(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """``frame.iloc[positions]``, cheaper for a few rows of long Arrow text columns.

    Arrow's take over a column of many chunks joins the chunks first (a copy
    of the whole column for each column, even for six rows); here each wanted
    cell is sliced out of its chunk instead. Same rows, index and dtypes.
    """
    import pyarrow as pa

    positions = np.asarray(positions, dtype=np.int64)
    if len(positions) > _FEW_ROWS or not len(frame.columns) or (positions < 0).any():
        return frame.iloc[positions]
    index = frame.index[positions]
    columns = {}
    for number in range(len(frame.columns)):
        values = frame.iloc[:, number]
        chunked = values.array._pa_array if isinstance(values.dtype, pd.StringDtype) and \
            values.dtype.storage == "pyarrow" else None
        if chunked is None or chunked.num_chunks <= 1:
            columns[number] = values.iloc[positions]
            continue
        bounds = np.cumsum([0] + [len(chunk) for chunk in chunked.chunks])
        owners = np.searchsorted(bounds, positions, side="right") - 1
        pieces = [chunked.chunk(int(owner)).slice(int(position - bounds[owner]), 1)
                  for owner, position in zip(owners, positions)]
        cells = pa.chunked_array([pa.concat_arrays(pieces)] if pieces else [], type=chunked.type)
        columns[number] = pd.Series(pd.array(cells, dtype=values.dtype), index=index, name=values.name)
    result = pd.DataFrame(columns, index=index)
    result.columns = frame.columns
    return result
