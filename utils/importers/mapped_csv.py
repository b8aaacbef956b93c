"""Any CSV (or GeoJSON) with coordinates: the user maps its columns to ours.

A :class:`ColumnMapping` names, for each of our columns, the file's column
to copy, or one value for every row. Date, latitude and longitude must come
from the file; everything else has a stated default (see ``DEFAULTS``). Dates
are read with one format for the whole file: the one declared, or the only
one that fits (see :mod:`utils.importers.datefmt`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

from utils.core.problems import DataFileError
from utils.core.schema import EVENT_COLUMNS, OPTIONAL_EVENT_COLUMNS
from utils.data.csv_read import ROW_COLUMN
from utils.data.validation import CellCheck
from utils.importers.conversion import Conversion, keep_columns, text_series
from utils.importers.datefmt import DATE_FORMATS, detect_date_format, early_date_check, parse_dates

__all__ = ["DEFAULTS", "FROM_FILE", "ColumnMapping", "convert", "guess_mapping"]

FROM_FILE: tuple[str, ...] = ("event_date", "latitude", "longitude")
"""Our columns that must come from a column of the file."""
MAPPABLE: tuple[str, ...] = tuple(c for c in (*EVENT_COLUMNS, *OPTIONAL_EVENT_COLUMNS) if c != "doc_id")

DEFAULTS: dict[str, str] = {
    "date_precision": "day",
    "event_type": "Strategic developments",
    "sub_event_type": "Other",
    "geo_precision": "2",
    "actor1": "not recorded",
    "claimed_by": "not recorded in the file",
    "status": "reported",
}
"""Values used when the mapping gives neither a column nor a value. ``event_id`` defaults to
'<file name>-<row>', ``source`` to the file name and ``location`` to the coordinates as text."""

_GUESSES: dict[str, tuple[str, ...]] = {
    "event_id": ("event_id", "id", "eventid", "uid"),
    "event_date": ("event_date", "date", "day", "when", "datetime", "timestamp", "date_start"),
    "latitude": ("latitude", "lat", "y", "lat_dd"),
    "longitude": ("longitude", "lon", "lng", "long", "x", "lon_dd"),
    "location": ("location", "place", "place_name", "site", "town", "city", "name", "village"),
    "admin1": ("admin1", "governorate", "province", "adm1"),
    "event_type": ("event_type", "type", "category"),
    "sub_event_type": ("sub_event_type", "subtype", "sub_type"),
    "actor1": ("actor1", "actor", "perpetrator", "side_a"),
    "actor2": ("actor2", "target", "side_b"),
    "source": ("source", "outlet", "publisher", "reported_by"),
    "claimed_by": ("claimed_by", "claimant", "claimed", "attribution"),
    "status": ("status",),
    "fatalities": ("fatalities", "deaths", "killed", "casualties"),
    "notes": ("notes", "description", "summary", "details", "text", "comment"),
    "source_url": ("source_url", "url", "link"),
    "date_precision": ("date_precision",),
    "geo_precision": ("geo_precision",),
    "incident_id": ("incident_id",),
}


@dataclass(frozen=True)
class ColumnMapping:
    """Our column -> the file's column (``columns``) or one value for all rows (``fixed``)."""

    columns: Mapping[str, str] = field(default_factory=dict)
    fixed: Mapping[str, str] = field(default_factory=dict)
    date_format: str = "auto"

    def key(self) -> tuple:
        """A hashable summary, to tell whether a mapping changed."""
        return (tuple(sorted(self.columns.items())), tuple(sorted(self.fixed.items())), self.date_format)


def _normalised(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def guess_mapping(columns: Iterable[str]) -> ColumnMapping:
    """A first mapping from the file's column names (the user checks and changes it)."""
    available = {_normalised(c): c for c in columns if c != ROW_COLUMN}
    chosen: dict[str, str] = {}
    used: set[str] = set()
    for ours, names in _GUESSES.items():
        for name in names:
            column = available.get(name)
            if column is not None and column not in used:
                chosen[ours] = column
                used.add(column)
                break
    return ColumnMapping(columns=chosen)


def convert(frame: pd.DataFrame, file: str, mapping: ColumnMapping) -> Conversion:
    """Build our columns from ``mapping``; a date that does not fit the file's format sets its row aside."""
    unknown = {ours: theirs for ours, theirs in mapping.columns.items() if theirs not in frame.columns}
    if unknown:
        ours, theirs = next(iter(unknown.items()))
        raise DataFileError(file, f"the mapping takes {ours} from column {theirs!r}, which the file does not "
                                  "have; choose one of its columns.", column=theirs)
    missing = [c for c in FROM_FILE if c not in mapping.columns]
    if missing:
        raise DataFileError(file, "choose the file's column for: " + ", ".join(missing)
                            + " (a date, a latitude and a longitude are needed to map an event).")
    bad_names = [c for c in (*mapping.columns, *mapping.fixed) if c not in MAPPABLE]
    if bad_names:
        raise DataFileError(file, f"{bad_names[0]!r} is not one of our columns: " + ", ".join(MAPPABLE))
    index = frame.index
    date_column = mapping.columns["event_date"]
    if mapping.date_format != "auto" and mapping.date_format not in DATE_FORMATS:
        raise DataFileError(file, f"unknown date format {mapping.date_format!r}; use one of: "
                            + ", ".join(DATE_FORMATS))
    form = mapping.date_format if mapping.date_format != "auto" else detect_date_format(
        frame[date_column], tuple(DATE_FORMATS), file=file, column=date_column)
    dates = parse_dates(frame[date_column], form)
    early = early_date_check(date_column, dates, frame[date_column])
    dates = dates.where(~early.bad)
    stem = PurePath(file.split("/")[-1]).stem or "import"
    out: dict[str, pd.Series] = {}
    for ours in MAPPABLE:
        if ours in mapping.columns:
            out[ours] = text_series(frame[mapping.columns[ours]], index)
        elif ours in mapping.fixed:
            out[ours] = text_series(str(mapping.fixed[ours]), index)
        elif ours in DEFAULTS:
            out[ours] = text_series(DEFAULTS[ours], index)
        else:
            out[ours] = text_series("", index)
    out["event_date"] = text_series(dates.dt.strftime("%Y-%m-%d").fillna(frame[date_column]), index)
    if "event_id" not in mapping.columns and "event_id" not in mapping.fixed:
        out["event_id"] = text_series(stem + "-" + frame[ROW_COLUMN].astype(str), index)
    if "source" not in mapping.columns and "source" not in mapping.fixed:
        out["source"] = text_series(file.split("/")[-1], index)
    if "location" not in mapping.columns and "location" not in mapping.fixed:
        out["location"] = text_series(frame[mapping.columns["latitude"]].astype(str).str.strip() + ", "
                                      + frame[mapping.columns["longitude"]].astype(str).str.strip(), index)
    out["doc_id"] = text_series("", index)
    copied = {theirs for ours, theirs in mapping.columns.items() if ours != "event_date"}
    keep_columns(out, frame, copied, "file")
    converted = pd.DataFrame(out, index=index)
    converted[ROW_COLUMN] = frame[ROW_COLUMN]
    present = frame[date_column].fillna("").astype(str).str.strip() != ""
    checks = [early, CellCheck(date_column, present & dates.isna() & ~early.bad,
                        f"not a date in the form this file uses ({form}); every date in a file must use one form.",
                        replaces=("event_date",), values=frame[date_column])]
    fixed = sorted(set(DEFAULTS) - set(mapping.columns) - set(mapping.fixed))
    notes = [f"{file}: columns mapped by hand; dates read as {form}."]
    if fixed:
        notes.append(f"{file}: not in the file, so set to a default for every row: "
                     + ", ".join(f"{c} = {DEFAULTS[c]!r}" for c in fixed) + ".")
    sources = {ours: theirs for ours, theirs in mapping.columns.items()}
    return Conversion(frame=converted, checks=checks, notes=notes, source_columns=sources)
