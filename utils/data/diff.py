"""What changed between two versions of the events: added, removed and changed events.

Events are matched by ``event_id``. A change lists each compared field with
its old and new value, as text as a person reads it (see :func:`field_text`).
The comparison works on whole columns: values that are equal as stored are
equal as read, so only the cells whose stored values differ are turned into
text and compared again (a latitude of 35.123451 and one of 35.123452 both read
35.12345; a note with a trailing space reads as the same note).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pandas as pd

from utils.data.frames import release_arrow_memory

__all__ = ["COMPARED_FIELDS", "Comparison", "FrameColumns", "VersionColumns", "compare_versions", "diff_events",
           "field_text"]

COMPARED_FIELDS: tuple[str, ...] = (
    "status", "event_date", "date_precision", "latitude", "longitude", "location", "geo_precision",
    "event_type", "sub_event_type", "claimed_by", "source", "fatalities",
)
_DATE_FIELDS = frozenset({"event_date"})
_COORDINATE_FIELDS = frozenset({"latitude", "longitude"})
"""Read to five decimals (about 1 m)."""
_WHOLE_NUMBER_FIELDS = frozenset({"geo_precision", "fatalities"})
"""Read as whole numbers (the fraction dropped)."""
_BLOCK_ROWS = 200_000
"""Matched events compared at a time, so that the copies a comparison makes stay a few tens of MB at 1M."""


def _floats(values: pd.Series) -> np.ndarray:
    """``values`` as float64, missing as NaN (numbers written as text are read as numbers)."""
    if not pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
        values = pd.to_numeric(values.astype(object).where(values.notna(), np.nan), errors="raise")
    return values.to_numpy(dtype=float, na_value=np.nan)


def _dates(values: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return values
    return pd.Series([pd.NaT if _missing(v) else pd.Timestamp(v) for v in values], index=values.index,
                     dtype="datetime64[ns]")


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _plain_text(values: pd.Series) -> np.ndarray:
    """Each value as ``str(value)`` (not stripped), missing as ''; an object array."""
    text = values if isinstance(values.dtype, pd.StringDtype) else values.astype(str)  # missing stays missing
    return text.to_numpy(dtype=object, na_value="")


def field_text(values: pd.Series, field: str) -> pd.Series:
    """How a person reads each value of ``field`` in a change list ('' when missing).

    Dates as YYYY-MM-DD, latitude and longitude to five decimals, place
    precision and fatalities as whole numbers, everything else as its text
    without surrounding spaces.
    """
    if field in _DATE_FIELDS:
        return _dates(values).dt.strftime("%Y-%m-%d").fillna("").astype(object)
    if field in _COORDINATE_FIELDS:
        numbers = _floats(values)
        text = np.char.mod("%.5f", numbers).astype(object)
        text[np.isnan(numbers)] = ""
        return pd.Series(text, index=values.index, dtype=object)
    if field in _WHOLE_NUMBER_FIELDS:
        numbers = np.trunc(_floats(values)) + 0.0  # + 0.0: minus zero reads 0
        text = np.char.mod("%.0f", numbers).astype(object)
        text[np.isnan(numbers)] = ""
        return pd.Series(text, index=values.index, dtype=object)
    return pd.Series([v.strip() for v in _plain_text(values)], index=values.index, dtype=object)


def _as_strings(values: pd.Series) -> pd.Series:
    """``values`` in a string dtype, each as ``str(value)``, missing kept missing."""
    return values if isinstance(values.dtype, pd.StringDtype) else values.astype(str)


def _stored_equal(before: pd.Series, after: pd.Series, field: str) -> np.ndarray:
    """Cells whose stored values are equal, so that they read the same (a cheap first pass on whole columns).

    Cells not marked here may still read the same (35.123451 and 35.123452; 'a' and 'a '): the caller
    compares those again as text.
    """
    if field in _COORDINATE_FIELDS or field in _WHOLE_NUMBER_FIELDS:
        x, y = _floats(before), _floats(after)
        same = (x == y) | (np.isnan(x) & np.isnan(y))
        return same & (np.signbit(x) == np.signbit(y)) if field in _COORDINATE_FIELDS else same
    if field in _DATE_FIELDS:
        x, y = _dates(before).to_numpy("datetime64[ns]"), _dates(after).to_numpy("datetime64[ns]")
        return (x == y) | (np.isnat(x) & np.isnat(y))
    x, y = _as_strings(before).reset_index(drop=True), _as_strings(after).reset_index(drop=True)
    both_missing = (x.isna() & y.isna()).to_numpy(dtype=bool)
    return (x == y).to_numpy(dtype=bool, na_value=False) | both_missing


def _matches(old_ids: pd.Series, new_ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """For each old id its position among the new ids, and for each new id its position among the old (-1: none)."""
    codes, uniques = pd.factorize(pd.concat([old_ids, new_ids], ignore_index=True))
    old_codes, new_codes = codes[:len(old_ids)], codes[len(old_ids):]
    where_new = np.full(len(uniques), -1, dtype=np.int64)
    where_new[new_codes] = np.arange(len(new_codes))
    where_old = np.full(len(uniques), -1, dtype=np.int64)
    where_old[old_codes] = np.arange(len(old_codes))
    return where_new[old_codes], where_old[new_codes]


class VersionColumns(Protocol):
    """An earlier version read a column at a time (see :mod:`utils.data.version_cache`), so that two large
    versions are compared without holding the earlier one whole in memory."""

    columns: Collection[str]

    def column(self, name: str) -> pd.Series:
        """One column, in the version's row order, with a default index."""

    def rows_at(self, positions: np.ndarray) -> pd.DataFrame:
        """The rows at ``positions`` (0-based, in the version's order), every column."""


class FrameColumns:
    """A frame as :class:`VersionColumns` (nothing copied)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.columns = frame.columns

    def column(self, name: str) -> pd.Series:
        return self.frame[name].reset_index(drop=True)

    def rows_at(self, positions: np.ndarray) -> pd.DataFrame:
        return self.frame.iloc[positions].reset_index(drop=True)


def _changes(old: VersionColumns, new: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """For each old row its position in ``new`` and for each new row its position in ``old`` (-1: none), and
    the table of changed fields (see :func:`diff_events`). Reads ``old`` one column at a time."""
    old_ids = _as_strings(old.column("event_id")).reset_index(drop=True)
    in_new, in_old = _matches(old_ids, _as_strings(new["event_id"]).reset_index(drop=True))
    old_rows = np.flatnonzero(in_new >= 0)
    new_rows = in_new[old_rows]
    parts: list[pd.DataFrame] = []
    for field in COMPARED_FIELDS:
        if field not in old.columns or field not in new.columns:
            continue
        old_column, new_column = old.column(field), new[field]
        for block in range(0, len(old_rows), _BLOCK_ROWS):  # a block at a time: copies stay small
            old_block, new_block = old_rows[block:block + _BLOCK_ROWS], new_rows[block:block + _BLOCK_ROWS]
            before = old_column.iloc[old_block].reset_index(drop=True)
            after = new_column.iloc[new_block].reset_index(drop=True)
            differ = np.flatnonzero(~_stored_equal(before, after, field))
            if not len(differ):
                continue
            before_text = field_text(before.iloc[differ], field).to_numpy(object)
            after_text = field_text(after.iloc[differ], field).to_numpy(object)
            changed = before_text != after_text
            parts.append(pd.DataFrame({
                "event_id": old_ids.iloc[old_block[differ[changed]]].to_numpy(dtype=object),
                "field": field, "old": before_text[changed], "new": after_text[changed]}))
        del old_column
        release_arrow_memory()  # the copies of this field's blocks, before the next field's
    table = (pd.concat(parts, ignore_index=True) if parts else
             pd.DataFrame({column: pd.Series(dtype=object) for column in ("event_id", "field", "old", "new")}))
    return in_new, in_old, table.sort_values(["event_id", "field"], kind="stable").reset_index(drop=True)


def diff_events(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Compare two event frames by ``event_id`` (unique in each, as validation leaves them).

    Returns (added, removed, changes): the rows of ``new`` not in ``old``, the
    rows of ``old`` not in ``new``, and a table with one row per changed field:
    event_id, field, old, new (text as :func:`field_text` reads it), sorted by
    event_id then field. Neither frame is modified.
    """
    in_new, in_old, table = _changes(FrameColumns(old), new)
    added = new.iloc[np.flatnonzero(in_old < 0)]
    removed = old.iloc[np.flatnonzero(in_new < 0)]
    return added.reset_index(drop=True), removed.reset_index(drop=True), table


@dataclass(frozen=True)
class Comparison:
    """Two versions compared: counts, every changed field, and the first ``limit`` events of each kind.

    ``added_rows`` and ``changed_rows`` are rows of the newer version, ``removed_rows`` of the earlier one;
    each holds at most the first ``limit`` (in the file's order), enough to draw and list them.
    """

    added: int
    removed: int
    changed: int
    changes: pd.DataFrame
    added_rows: pd.DataFrame
    removed_rows: pd.DataFrame
    changed_rows: pd.DataFrame


def compare_versions(old: pd.DataFrame | VersionColumns, new: pd.DataFrame, *, limit: int = 1000) -> Comparison:
    """:func:`diff_events` of ``old`` and ``new``, kept small: every change (text in a compact string dtype) and
    at most ``limit`` rows of the added, removed and changed events. ``old`` may be read a column at a time
    (:class:`VersionColumns`), so that only its compared columns and its first removed rows are ever read."""
    source = FrameColumns(old) if isinstance(old, pd.DataFrame) else old
    in_new, in_old, changes = _changes(source, new)
    added = np.flatnonzero(in_old < 0)
    removed = np.flatnonzero(in_new < 0)
    changes = changes.astype({column: "str" for column in changes.columns})
    changed_ids = changes["event_id"].drop_duplicates()
    changed_rows = new[new["event_id"].isin(changed_ids.head(limit))].head(limit)
    return Comparison(added=len(added), removed=len(removed), changed=len(changed_ids), changes=changes,
                      added_rows=new.iloc[added[:limit]].reset_index(drop=True),
                      removed_rows=source.rows_at(removed[:limit]),
                      changed_rows=changed_rows.reset_index(drop=True))
