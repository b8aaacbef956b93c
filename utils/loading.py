"""Loading and validating the events file.

Good rows always load; a bad row is set aside with a reason for each bad cell;
only a file that cannot be read as rows at all is refused whole
(:class:`~utils.problems.DataFileError`). Nothing here imports streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from utils.csvfile import ROW_COLUMN, read_csv_table
from utils.dates import add_date_windows
from utils.problems import DataFileError, Problem, problems_frame
from utils.schema import (
    DATE_PRECISIONS,
    EVENT_COLUMNS,
    EVENT_TYPES,
    GEO_PRECISIONS,
    OPTIONAL_EVENT_COLUMNS,
    REQUIRED_VALUE_COLUMNS,
    STATUSES,
    SUB_EVENT_TYPES,
)

__all__ = ["LoadResult", "load_events", "validate_events"]


@dataclass
class LoadResult:
    """What loading a file produced.

    ``events``: the good rows, typed (dates as ``datetime64``, coordinates as
    float degrees, ``fatalities`` as nullable int), plus ``date_start`` and
    ``date_end``: the window the date precision allows. ``rejected``: the
    rows set aside, as text, with their row number in ``_row`` and the reasons
    in ``_reasons``. ``problems``: one entry per bad cell or row.
    """

    file: str
    events: pd.DataFrame
    rejected: pd.DataFrame
    problems: list[Problem]
    notes: list[str] = field(default_factory=list)

    @property
    def problem_table(self) -> pd.DataFrame:
        """Problems as a table: file, row, column, value, reason."""
        return problems_frame(self.problems)


def _blank(series: pd.Series) -> pd.Series:
    return series.fillna("").astype(str).str.strip() == ""


def _check_required(frame: pd.DataFrame) -> Iterable[tuple[str, pd.Series, str]]:
    for column in REQUIRED_VALUE_COLUMNS:
        yield column, _blank(frame[column]), "this cell is blank; the column needs a value."


def _parse_dates(text: pd.Series) -> pd.Series:
    stripped = text.str.strip()
    shaped = stripped.str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    parsed = pd.to_datetime(stripped.where(shaped), format="%Y-%m-%d", errors="coerce")
    return parsed


def _event_checks(frame: pd.DataFrame, today: date) -> list[tuple[str, pd.Series, str]]:
    """Each check: (column, mask of bad rows, reason). Blank cells are left to the required check."""
    present = {c: ~_blank(frame[c]) for c in frame.columns}
    checks: list[tuple[str, pd.Series, str]] = list(_check_required(frame))

    dates = _parse_dates(frame["event_date"])
    checks.append(("event_date", present["event_date"] & dates.isna(),
                   "not a date in ISO form YYYY-MM-DD (for example 2025-03-28)."))
    checks.append(("event_date", dates.notna() & (dates > pd.Timestamp(today)),
                   f"the date is in the future (after {today.isoformat()})."))

    def vocabulary(column: str, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        bad = present[column] & ~frame[column].str.strip().isin(allowed)
        checks.append((column, bad, "not one of: " + ", ".join(allowed) + "."))

    vocabulary("date_precision", DATE_PRECISIONS)
    vocabulary("event_type", EVENT_TYPES)
    vocabulary("status", STATUSES)
    known_pairs = {(t, s) for t, subs in SUB_EVENT_TYPES.items() for s in subs}
    pairs = pd.Series(list(zip(frame["event_type"].str.strip(), frame["sub_event_type"].str.strip())),
                      index=frame.index, dtype=object)
    type_ok = frame["event_type"].str.strip().isin(EVENT_TYPES)
    bad_sub = present["sub_event_type"] & type_ok & ~pairs.isin(known_pairs)
    checks.append(("sub_event_type", bad_sub,
                   "not a sub-event type of this event type (see data/README.md for the list)."))

    for column, low, high in (("latitude", -90.0, 90.0), ("longitude", -180.0, 180.0)):
        number = pd.to_numeric(frame[column].str.strip(), errors="coerce")
        checks.append((column, present[column] & number.isna(),
                       "not a number in decimal degrees (use a point, not a comma, and no N/S/E/W letter)."))
        checks.append((column, number.notna() & ~number.between(low, high),
                       f"out of range; {column} must be between {low:g} and {high:g}."))
    lat = pd.to_numeric(frame["latitude"].str.strip(), errors="coerce")
    lon = pd.to_numeric(frame["longitude"].str.strip(), errors="coerce")
    checks.append(("latitude", (lat == 0) & (lon == 0),
                   "latitude and longitude are both 0, which is a placeholder, not a place."))

    geo = pd.to_numeric(frame["geo_precision"].str.strip(), errors="coerce")
    checks.append(("geo_precision", present["geo_precision"] & ~geo.isin(list(GEO_PRECISIONS)),
                   "not one of ACLED's geo_precision codes 1, 2 or 3."))
    fatalities = pd.to_numeric(frame["fatalities"].str.strip(), errors="coerce")
    checks.append(("fatalities", present["fatalities"] & ~((fatalities >= 0) & (fatalities % 1 == 0)),
                   "not a whole number of zero or more (leave blank when unknown)."))
    if "source_url" in frame.columns:
        url = frame["source_url"].str.strip().str.lower()
        checks.append(("source_url", present["source_url"] & ~url.str.match(r"https?://\S+$"),
                       "not an http(s) URL."))
    return checks


def validate_events(raw: pd.DataFrame, file: str, *, known_doc_ids: Iterable[str] | None = None,
                    today: date | None = None,
                    fill_admin1: Callable[[pd.DataFrame], pd.Series] | None = None) -> LoadResult:
    """Validate text cells in the events schema and return typed good rows.

    ``raw`` holds text cells and a ``_row`` column (see
    :func:`utils.csvfile.read_csv_table`); it is not modified. Rows with any
    bad cell, and later rows that repeat an ``event_id``, are set aside.
    ``fill_admin1(events)`` returns a governorate for rows whose ``admin1``
    is blank (see :func:`utils.geo.governorate_lookup`).
    """
    today = today or date.today()
    missing = [c for c in EVENT_COLUMNS if c not in raw.columns]
    if missing:
        raise DataFileError(file, "required column(s) missing: " + ", ".join(missing)
                            + ". The header must name every column listed in data/README.md.", row=1)
    frame = raw.copy()
    for column in OPTIONAL_EVENT_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    text_columns = [c for c in frame.columns if c != ROW_COLUMN]
    frame[text_columns] = frame[text_columns].fillna("").astype(str)
    notes: list[str] = []
    extra = [c for c in raw.columns if c not in EVENT_COLUMNS + OPTIONAL_EVENT_COLUMNS
             and c not in (ROW_COLUMN, "_extra")]
    if extra:
        notes.append(f"{file}: extra column(s) kept as they are: {', '.join(extra)}.")

    checks = _event_checks(frame, today)
    if known_doc_ids is not None:
        known = set(known_doc_ids)
        bad_doc = ~_blank(frame["doc_id"]) & ~frame["doc_id"].str.strip().isin(known)
        checks.append(("doc_id", bad_doc, "no article with this doc_id in sources.csv; add it there first."))

    problems: list[Problem] = []
    bad_any = pd.Series(False, index=frame.index)
    reasons: dict[int, list[str]] = {}
    rows = frame[ROW_COLUMN]
    for column, mask, reason in checks:
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            continue
        bad_any |= mask
        for index in np.flatnonzero(mask.to_numpy()):
            label = frame.index[index]
            value = frame.at[label, column]
            problems.append(Problem(file, int(rows.iat[index]), column, value, reason))
            reasons.setdefault(label, []).append(f"{column}: {reason}")

    ids = frame["event_id"].str.strip()
    duplicate = ids.duplicated(keep="first") & ~_blank(frame["event_id"]) & ~bad_any
    first_row = dict(zip(ids[~ids.duplicated(keep="first")], rows[~ids.duplicated(keep="first")]))
    for index in np.flatnonzero(duplicate.to_numpy()):
        label = frame.index[index]
        value = ids.iat[index]
        reason = f"event_id repeats the id of row {first_row[value]}; ids must be unique."
        problems.append(Problem(file, int(rows.iat[index]), "event_id", value, reason))
        reasons.setdefault(label, []).append(f"event_id: {reason}")
    bad_any |= duplicate

    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    rejected = raw.loc[bad_any[bad_any].index].copy()
    rejected["_reasons"] = ["; ".join(reasons[label]) for label in rejected.index]

    good = frame.loc[~bad_any].copy()
    events = _typed_events(good)
    if fill_admin1 is not None and len(events):
        blank_admin = events["admin1"].str.strip() == ""
        if blank_admin.any():
            events.loc[blank_admin, "admin1"] = fill_admin1(events.loc[blank_admin])
            notes.append(f"{file}: governorate filled from the polygons for {int(blank_admin.sum())} row(s).")
    return LoadResult(file=file, events=events, rejected=rejected.reset_index(drop=True),
                      problems=problems, notes=notes)


def _typed_events(good: pd.DataFrame) -> pd.DataFrame:
    events = good.drop(columns=[c for c in ("_extra",) if c in good.columns]).copy()
    for column in events.columns:
        if column != ROW_COLUMN and events[column].dtype == object:
            events[column] = events[column].str.strip()
    events["event_date"] = pd.to_datetime(events["event_date"], format="%Y-%m-%d")
    events["latitude"] = events["latitude"].astype(float)
    events["longitude"] = events["longitude"].astype(float)
    events["geo_precision"] = events["geo_precision"].astype(float).astype(int)
    events["fatalities"] = pd.to_numeric(events["fatalities"].replace("", None), errors="coerce").astype("Int64")
    events = add_date_windows(events)
    return events.reset_index(drop=True)


def load_events(path: str | Path, *, file_label: str | None = None,
                known_doc_ids: Iterable[str] | None = None, today: date | None = None,
                fill_admin1: Callable[[pd.DataFrame], pd.Series] | None = None) -> LoadResult:
    """Read and validate an events CSV in the native schema (see data/README.md)."""
    label = file_label or str(path)
    table = read_csv_table(path, label)
    result = validate_events(table.frame, label, known_doc_ids=known_doc_ids, today=today,
                             fill_admin1=fill_admin1)
    if len(table.set_aside):
        split = table.set_aside.copy()
        split["_reasons"] = [p.reason for p in table.problems]
        result.rejected = pd.concat([split, result.rejected], ignore_index=True)
    result.problems = sorted(table.problems + result.problems, key=lambda p: (p.row or 0, p.column or ""))
    result.notes = table.notes + result.notes
    return result
