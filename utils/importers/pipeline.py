"""From uploaded bytes to validated events: the one path the app and the command line share.

1. :func:`inspect_upload` unpacks the bytes, splits them into rows (CSV or
   GeoJSON) and detects the format from the column names.
2. :func:`run_import` converts the rows to our schema, validates them and
   returns an :class:`ImportResult`: the events that loaded, every row set
   aside with its reasons, and a report of row, column, value and reason.

Every data row ends in exactly one place: loaded, or set aside with a reason.
A file that cannot be read as rows at all raises
:class:`~utils.core.problems.DataFileError` and nothing is loaded.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from utils.core.problems import DataFileError, Problem, problems_frame
from utils.core.schema import EVENT_COLUMNS, OPTIONAL_EVENT_COLUMNS, is_computed_column
from utils.data.csv_read import EXTRA_COLUMN, ROW_COLUMN, RawTable, read_csv_table
from utils.data.csv_write import data_csv_bytes, spreadsheet_csv_bytes, write_data_csv
from utils.data.folder import DataFolder
from utils.data.text_columns import rows_at
from utils.data.validation import LoadResult, validate_events
from utils.importers import acled, mapped_csv, native, ucdp
from utils.importers.conversion import Conversion
from utils.importers.detect import FORMAT_LABELS, detect_columns, looks_like_json
from utils.importers.geojson import read_feature_table
from utils.importers.mapped_csv import ColumnMapping
from utils.importers.places import load_places
from utils.importers.upload import MAX_GEOJSON_BYTES, head_bytes, source_size, unpack

__all__ = ["FORMATS", "ImportResult", "Inspection", "import_bytes", "inspect_upload", "native_csv_bytes",
           "run_import", "set_aside_csv_bytes", "write_native_csv"]

FORMATS: tuple[str, ...] = tuple(FORMAT_LABELS)
"""Format keys: auto, native, acled, ucdp, csv (mapped columns), geojson."""

Progress = Callable[[float, str], None]


def _no_progress(fraction: float, message: str) -> None:
    return None


@dataclass
class Inspection:
    """An upload split into rows, before any conversion.

    ``container`` is 'csv' or 'geojson'; ``columns`` the CSV header or the
    GeoJSON property names (with latitude and longitude from the geometry);
    ``detected`` the row format the columns show ('native', 'acled', 'ucdp')
    or ``None`` when the user has to map the columns.
    """

    file: str
    container: str
    table: RawTable
    columns: list[str]
    detected: str | None
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    """What an import produced; ``load.rejected`` holds the file's own rows set aside, with ``_reasons``."""

    file: str
    format: str
    detected: str | None
    rows_read: int
    load: LoadResult

    @property
    def loaded(self) -> int:
        return len(self.load.events)

    @property
    def set_aside(self) -> int:
        return len(self.load.rejected)

    def report(self) -> pd.DataFrame:
        """The rows set aside, one line per reason: row, column, value, reason."""
        return problems_frame(self.load.problems)[["row", "column", "value", "reason"]]

    def summary(self) -> str:
        """'16566 rows read: 16560 loaded, 6 set aside.'"""
        return f"{self.rows_read} rows read: {self.loaded} loaded, {self.set_aside} set aside."


def inspect_upload(data: bytes | Path, file: str, *, encoding: str = "utf-8-sig", container: str = "auto",
                   max_bytes: int | None = None) -> Inspection:
    """Unpack ``data`` (bytes, or the path of a file on disk), split it into rows and detect its format.

    ``container``: auto, csv or geojson. A compressed file is unpacked into a
    temporary folder, removed before this returns (the rows are in memory).
    """
    with tempfile.TemporaryDirectory(prefix="eventmap-import-") as folder:
        content, name, notes = unpack(data, file, folder=Path(folder), max_bytes=max_bytes)
        if container == "auto":
            container = "geojson" if looks_like_json(head_bytes(content, 1024)) or \
                name.lower().endswith((".geojson", ".json")) else "csv"
        if container == "geojson":
            if source_size(content) > MAX_GEOJSON_BYTES:
                raise DataFileError(name, f"the GeoJSON file is {source_size(content) / 1e6:,.0f} MB; GeoJSON is "
                                          f"read whole, so files above {MAX_GEOJSON_BYTES / 1e6:,.0f} MB are not "
                                          "read. Convert it to CSV (with latitude and longitude columns) and "
                                          "import that.")
            table = read_feature_table(content if isinstance(content, bytes) else Path(content).read_bytes(), name,
                                       encoding=encoding)
        else:
            table = read_csv_table(content, name, encoding=encoding)
    columns = [c for c in table.frame.columns if c != ROW_COLUMN]
    if container == "geojson":
        columns = list(dict.fromkeys([*columns, *(c for c in table.set_aside.columns
                                                  if c not in (ROW_COLUMN, EXTRA_COLUMN))]))
    return Inspection(file=name, container=container, table=table, columns=columns,
                      detected=detect_columns(columns), notes=notes)


def _resolve(inspection: Inspection, fmt: str, mapping: ColumnMapping | None) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "geojson" and inspection.container != "geojson":
        raise DataFileError(inspection.file, "the file is not GeoJSON (it does not start with '{'); choose "
                                             "another format.")
    if fmt in ("auto", "geojson"):
        if inspection.detected:
            return inspection.detected
        if mapping is not None:
            return "csv"
        raise DataFileError(inspection.file, "the columns are not those of our schema, ACLED or UCDP GED: map "
                                             "the file's columns to ours (date, latitude, longitude ...) and "
                                             "import it as 'Other CSV'.", row=1)
    if fmt == "csv" and mapping is None:
        raise DataFileError(inspection.file, "choose which of the file's columns hold the date, latitude and "
                                             "longitude (a column mapping) to import it as 'Other CSV'.")
    return fmt


def _convert(frame: pd.DataFrame, file: str, fmt: str, mapping: ColumnMapping | None,
             date_format: str) -> Conversion:
    if fmt == "native":
        return native.convert(frame, file)
    if fmt == "acled":
        return acled.convert(frame, file, date_format=date_format)
    if fmt == "ucdp":
        return ucdp.convert(frame, file)
    assert mapping is not None
    return mapped_csv.convert(frame, file, mapping)


def run_import(inspection: Inspection, *, folder: DataFolder, fmt: str = "auto",
               mapping: ColumnMapping | None = None, date_format: str = "auto", today: date | None = None,
               progress: Progress = _no_progress) -> ImportResult:
    """Convert and validate the rows of ``inspection`` in format ``fmt`` (see :data:`FORMATS`).

    ``folder``: the data folder served, whose governorate polygons fill blank
    governorates and catch swapped coordinates.
    """
    table = inspection.table
    file = inspection.file
    if table.rows_read == 0:
        what = "features" if inspection.container == "geojson" else "data rows below the header"
        raise DataFileError(file, f"the file has no {what}; there is nothing to import.")
    used = _resolve(inspection, fmt, mapping)
    progress(0.45, f"Converting {table.rows_read:,} rows from {FORMAT_LABELS[used]}")
    conversion = _convert(table.frame, file, used, mapping, date_format)
    progress(0.6, "Checking every row and finding governorates")
    places = load_places(str(folder.root))
    load = validate_events(conversion.frame, file, today=today, fill_admin1=places.fill_admin1,
                           extra_checks=conversion.checks, is_swapped=places.is_swapped)
    progress(0.9, "Preparing the report")
    renamed = [replace(p, column=conversion.source_columns.get(p.column, p.column)) if p.column else p
               for p in load.problems]
    problems = sorted(table.problems + renamed, key=lambda p: (p.row or 0, p.column or ""))
    rejected = _rows_set_aside(table, load, problems)
    events = load.events
    result = LoadResult(file=file, events=events, rejected=rejected, problems=problems,
                        notes=[*inspection.notes, *table.notes, *conversion.notes, *load.notes])
    return ImportResult(file=file, format=used, detected=inspection.detected, rows_read=table.rows_read,
                        load=result)


def _rows_set_aside(table: RawTable, load: LoadResult, problems: list[Problem]) -> pd.DataFrame:
    """The file's own rows that did not load, as they were in the file, with their reasons."""
    reasons: dict[int, list[str]] = {}
    for problem in problems:
        if problem.row is not None:
            reasons.setdefault(problem.row, []).append(
                f"{problem.column}: {problem.reason}" if problem.column else problem.reason)
    rejected_rows = set(load.rejected[ROW_COLUMN].astype(int)) if len(load.rejected) else set()
    original = rows_at(table.frame, np.flatnonzero(table.frame[ROW_COLUMN].isin(rejected_rows).to_numpy()))
    parts = [part for part in (table.set_aside, original) if len(part)]
    if not parts:
        return pd.DataFrame(columns=[*table.frame.columns, "_reasons"])
    rows = pd.concat(parts, ignore_index=True).sort_values(ROW_COLUMN, kind="stable").reset_index(drop=True)
    rows["_reasons"] = ["; ".join(reasons.get(int(r), [])) for r in rows[ROW_COLUMN]]
    return rows


def import_bytes(data: bytes | Path, file: str, *, folder: DataFolder, fmt: str = "auto", encoding: str = "utf-8-sig",
                 mapping: ColumnMapping | None = None, date_format: str = "auto", today: date | None = None,
                 max_bytes: int | None = None, progress: Progress = _no_progress) -> ImportResult:
    """Inspect and import in one call (see :func:`inspect_upload` and :func:`run_import`); ``data`` may be a path."""
    progress(0.05, "Reading the file")
    container = "geojson" if fmt == "geojson" else "csv" if fmt in ("native", "acled", "ucdp") else "auto"
    inspection = inspect_upload(data, file, encoding=encoding, container=container, max_bytes=max_bytes)
    return run_import(inspection, folder=folder, fmt=fmt, mapping=mapping, date_format=date_format, today=today,
                      progress=progress)


def set_aside_csv_bytes(rejected: pd.DataFrame) -> bytes:
    """The rows set aside as UTF-8 CSV for spreadsheets: the file's own cells, ``_row`` and ``_reasons``.

    Written by :func:`utils.data.csv_write.spreadsheet_csv_bytes` (formula-like cells made inert).
    """
    return spreadsheet_csv_bytes(rejected)


def native_csv_bytes(events: pd.DataFrame) -> bytes:
    """Events in our schema as UTF-8 CSV: our columns first, then the extra columns kept from the file.

    Cells are written exactly as they are (this is a data file for the
    dashboard, not a spreadsheet export), so it imports back unchanged; see
    :func:`utils.data.csv_write.data_csv_bytes`.
    """
    return data_csv_bytes(_native_columns(events))


def _native_columns(events: pd.DataFrame) -> pd.DataFrame:
    ours = [c for c in (*EVENT_COLUMNS, *OPTIONAL_EVENT_COLUMNS) if c in events.columns]
    extra = [c for c in events.columns if c not in ours and c != ROW_COLUMN and not is_computed_column(c)]
    return events[ours + extra]


def write_native_csv(events: pd.DataFrame, path: Path) -> None:
    """Write :func:`native_csv_bytes` of ``events`` to ``path`` without holding the file in memory.

    Written beside ``path`` and renamed into place, so a failure never leaves half a file.
    """
    write_data_csv(_native_columns(events), path)
