"""Loading and validating the events file.

Good rows always load; a bad row is set aside with a reason for each bad cell;
only a file that cannot be read as rows at all is refused whole
(:class:`~utils.core.problems.DataFileError`). Nothing here imports streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from utils.core.dates import add_date_windows
from utils.core.geo import in_region
from utils.core.problems import BLANK, INVALID, DataFileError, Problem, problems_frame
from utils.core.schema import (
    DATE_PRECISIONS,
    EVENT_COLUMNS,
    EVENT_TYPES,
    GEO_PRECISIONS,
    OPTIONAL_EVENT_COLUMNS,
    REQUIRED_VALUE_COLUMNS,
    STATUSES,
    SUB_EVENT_TYPES,
    computed_name_clashes,
)
from utils.data.csv_read import EXTRA_COLUMN, ROW_COLUMN, read_csv_table, text_dtype
from utils.data.text_columns import TextFacts, as_text, number_values, rows_at, text_facts, too_long_cells

__all__ = ["EARLIEST_EVENT_DATE", "MAX_CELL_CHARS", "MAX_WHOLE_NUMBER", "CellCheck", "LoadResult", "load_events",
           "validate_events"]


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


EARLIEST_EVENT_DATE = date(1900, 1, 1)
"""An event dated before this is set aside: no event here is that old, and dates before 1678 cannot be
held by pandas, nor dates before 1684 by the dashboard's date slider (a typed year such as 0001 is a typo)."""

MAX_WHOLE_NUMBER = 2**53 - 1
"""The largest whole number kept exactly (fatalities); a larger one is set aside, never wrapped round."""

MAX_CELL_CHARS = 100_000
"""A cell longer than this is set aside: no real event needs it, and it would swamp tables and popups."""

FORMULA_START = ("=", "+", "-", "@")
_NUMBER = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"


@dataclass(frozen=True)
class CellCheck:
    """One rule a format adds to validation.

    ``bad`` marks the rows (same index as the frame) whose ``column`` breaks
    the rule, for ``reason``. The row is set aside; the report names
    ``column`` and its value. ``replaces`` lists native columns whose own
    checks are skipped on those rows (the column was derived from ``column``,
    so one reason is enough). ``values`` are the cells the report shows.
    """

    column: str
    bad: pd.Series
    reason: str
    replaces: tuple[str, ...] = ()
    values: pd.Series | None = None
    """The cells to show in the report (default: the frame's ``column``)."""


UNSTRIPPED_COLUMNS = ("notes",)
"""Free text kept exactly as written (stripping it would only cost time on large files)."""


def _parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(dates, too early): ISO dates as ``datetime64[us]`` (NaT where unreadable or before 1900),
    and a mask of well-formed dates before :data:`EARLIEST_EVENT_DATE`.

    Each distinct text is parsed once (a file holds far fewer days than rows).
    """
    codes, uniques = pd.factorize(text.str.strip(), use_na_sentinel=True)
    uniques = pd.Series(uniques, dtype=object)
    shaped = uniques.str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False).astype(bool)
    years = pd.to_numeric(uniques.str[:4].where(shaped), errors="coerce")
    early = (years < EARLIEST_EVENT_DATE.year).to_numpy(dtype=bool, na_value=False)
    parsed = pd.to_datetime(uniques.where(shaped & ~early), format="%Y-%m-%d", errors="coerce")
    parsed = parsed.astype("datetime64[us]").to_numpy()
    values = np.where(codes >= 0, parsed[np.maximum(codes, 0)], np.datetime64("NaT"))
    too_early = np.where(codes >= 0, early[np.maximum(codes, 0)], False)
    return (pd.Series(values, index=text.index, dtype="datetime64[us]"),
            pd.Series(too_early, index=text.index, dtype=bool))


@dataclass
class _Parsed:
    dates: pd.Series
    latitude: pd.Series
    longitude: pd.Series
    geo_precision: pd.Series
    fatalities: pd.Series


BLANK_REASON = "this cell is blank; the column needs a value."
"""The reason of every :data:`~utils.core.problems.BLANK` problem."""


def _event_checks(frame: pd.DataFrame, facts: dict[str, TextFacts], today: date,
                  is_swapped: Callable[[pd.Series, pd.Series], pd.Series] | None,
                  ) -> tuple[list[tuple[str, pd.Series, str]], _Parsed]:
    """Each check: (column, mask of bad rows, reason). ``frame`` holds stripped text, ``facts`` its facts.

    Blank cells are left to the required check.
    """
    present = {c: pd.Series(facts[c].present, index=frame.index) for c in frame.columns if c != ROW_COLUMN}
    checks: list[tuple[str, pd.Series, str]] = [
        (column, ~present[column], BLANK_REASON)
        for column in REQUIRED_VALUE_COLUMNS
    ]

    dates, too_early = _parse_dates(frame["event_date"])
    checks.append(("event_date", present["event_date"] & dates.isna() & ~too_early,
                   "not a date in ISO form YYYY-MM-DD (for example 2025-03-28)."))
    checks.append(("event_date", too_early,
                   f"the date is before {EARLIEST_EVENT_DATE.isoformat()}; no event here is that old. Check the "
                   "year (a year such as 0001 or 1600 is usually a typo or a placeholder)."))
    checks.append(("event_date", dates.notna() & (dates > pd.Timestamp(today)),
                   f"the date is in the future (after {today.isoformat()})."))

    def vocabulary(column: str, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        bad = present[column] & ~frame[column].isin(allowed)
        checks.append((column, bad, "not one of: " + ", ".join(allowed) + "."))

    vocabulary("date_precision", DATE_PRECISIONS)
    vocabulary("event_type", EVENT_TYPES)
    vocabulary("status", STATUSES)
    type_ok = frame["event_type"].isin(EVENT_TYPES)
    bad_sub = present["sub_event_type"] & type_ok & ~_known_pairs(frame["event_type"], frame["sub_event_type"])
    checks.append(("sub_event_type", bad_sub,
                   "not a sub-event type of this event type (see data/README.md for the list)."))

    numbers = {}
    for column, low, high in (("latitude", -90.0, 90.0), ("longitude", -180.0, 180.0)):
        number = pd.Series(number_values(frame[column], facts[column]), index=frame.index)
        numbers[column] = number
        checks.append((column, present[column] & number.isna(),
                       "not a number in decimal degrees (use a point, not a comma, and no N/S/E/W letter)."))
        checks.append((column, number.notna() & ~number.between(low, high),
                       f"out of range; {column} must be between {low:g} and {high:g}."))
    lat, lon = numbers["latitude"], numbers["longitude"]
    checks.append(("latitude", (lat == 0) & (lon == 0),
                   "latitude and longitude are both 0, which is a placeholder, not a place."))
    if is_swapped is not None:
        usable = lat.between(-90, 90) & lon.between(-90, 90)
        swapped = pd.Series(False, index=frame.index)
        if usable.any():
            swapped[usable] = is_swapped(lat[usable], lon[usable]).to_numpy(dtype=bool)
        checks.append(("latitude", swapped,
                       "latitude and longitude look swapped: this point lies outside Syria but the point with "
                       "the two numbers exchanged lies inside it. Swap the latitude and longitude columns."))

    geo = pd.Series(number_values(frame["geo_precision"], facts["geo_precision"]), index=frame.index)
    checks.append(("geo_precision", present["geo_precision"] & ~geo.isin(list(GEO_PRECISIONS)),
                   "not one of ACLED's geo_precision codes 1, 2 or 3."))
    fatalities = pd.Series(number_values(frame["fatalities"], facts["fatalities"]), index=frame.index)
    whole = (fatalities >= 0) & (fatalities % 1 == 0)
    checks.append(("fatalities", present["fatalities"] & ~whole,
                   "not a whole number of zero or more (leave blank when unknown)."))
    checks.append(("fatalities", whole & (fatalities > MAX_WHOLE_NUMBER),
                   f"the number is too large to be kept exactly (more than {MAX_WHOLE_NUMBER:,}); check it "
                   "(leave blank when unknown)."))
    has_url = present["source_url"]
    bad_url = pd.Series(False, index=frame.index)
    if has_url.any():  # only files with links pay for the pattern (regex through Arrow, not per cell)
        url = frame["source_url"].str.lower()
        bad_url = has_url & ~url.str.contains(r"^https?://\S+$", regex=True).fillna(False).astype(bool)
    checks.append(("source_url", bad_url, "not an http(s) URL."))
    for column in present:
        too_long = too_long_cells(frame[column], facts[column], MAX_CELL_CHARS)
        if too_long.any():
            checks.append((column, pd.Series(too_long, index=frame.index), f"the cell is longer than {MAX_CELL_CHARS:,} characters; "
                                             "shorten it (no event needs that much text in one cell)."))
    return checks, _Parsed(dates, lat, lon, geo, fatalities)


def _formula_note(frame: pd.DataFrame, facts: dict[str, TextFacts], file: str) -> str | None:
    """Say how many text cells start like a spreadsheet formula (kept as text, made inert in downloads).

    Only cells whose first byte is =, +, - or @ (``facts``) are matched against
    the number pattern (a number such as -3 is not a formula).
    """
    count = 0
    first: tuple[int, str] | None = None
    rows = frame[ROW_COLUMN].to_numpy()
    for column in frame.columns:
        if column == ROW_COLUMN:
            continue
        positions = np.flatnonzero(facts[column].formula_start)
        if not len(positions):
            continue
        number = frame[column].iloc[positions].str.fullmatch(_NUMBER).fillna(False).astype(bool).to_numpy()
        positions = positions[~number]
        if len(positions):
            count += len(positions)
            row = int(rows[positions[0]])
            if first is None or row < first[0]:
                first = (row, column)
    if not count or first is None:
        return None
    return (f"{file}: {count} cell(s) start with =, +, - or @ (first: row {first[0]}, column {first[1]!r}). "
            "They are kept as text and never run; CSV downloads add a leading apostrophe so spreadsheets "
            "do not run them either.")


def _known_pairs(types: pd.Series, subs: pd.Series) -> pd.Series:
    """True where (event type, sub-event type) is a pair of :data:`SUB_EVENT_TYPES` (text without missing cells).

    Each distinct pair is looked up once (a file holds a few dozen).
    """
    type_codes, type_values = pd.factorize(types)
    sub_codes, sub_values = pd.factorize(subs)
    width = max(len(sub_values), 1)
    pair_codes, pairs = pd.factorize(type_codes.astype(np.int64) * width + sub_codes)
    known = np.array([str(sub_values[pair % width]) in SUB_EVENT_TYPES.get(str(type_values[pair // width]), ())
                      for pair in pairs], dtype=bool)
    return pd.Series(known[pair_codes], index=types.index)


def _far_away_note(events: pd.DataFrame, file: str) -> str | None:
    """Say how many loaded points lie far outside the region (they load, and a filter hides them)."""
    if not len(events):
        return None
    lat, lon = events["latitude"].to_numpy(float), events["longitude"].to_numpy(float)
    far = ~in_region(lat, lon)
    if not far.any():
        return None
    first = int(np.flatnonzero(far)[0])
    return (f"{file}: {int(far.sum())} point(s) lie far outside the region (Syria and about 300 km around it), "
            f"first: row {int(events[ROW_COLUMN].iloc[first])} at ({lat[first]:g}, {lon[first]:g}). They are "
            "loaded and marked; 'Only events inside the region' in the sidebar hides them. Check for a typo, "
            "a lost minus sign or a placeholder.")


def _shown_value(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
    if len(text) > MAX_CELL_CHARS:
        return text[:200] + f"... ({len(text):,} characters)"
    return text


def validate_events(raw: pd.DataFrame, file: str, *, known_doc_ids: Iterable[str] | None = None,
                    today: date | None = None,
                    fill_admin1: Callable[[pd.DataFrame], pd.Series] | None = None,
                    extra_checks: Sequence[CellCheck] = (),
                    is_swapped: Callable[[pd.Series, pd.Series], pd.Series] | None = None) -> LoadResult:
    """Validate text cells in the events schema and return typed good rows.

    ``raw`` holds text cells and a ``_row`` column (see
    :func:`utils.data.csv_read.read_csv_table`); it is not modified. Rows with any
    bad cell, and later rows that repeat an ``event_id``, are set aside.
    ``fill_admin1(points)`` returns a governorate for each row of
    ``points`` (the latitude and longitude of rows whose ``admin1`` is
    blank; see :func:`utils.core.geo.governorate_lookup`). ``extra_checks``
    are a format's own rules (see :class:`CellCheck`); ``is_swapped(lat,
    lon)`` marks points whose latitude and longitude look exchanged.
    """
    today = today or date.today()
    missing = [c for c in EVENT_COLUMNS if c not in raw.columns]
    if missing:
        raise DataFileError(file, "required column(s) missing: " + ", ".join(missing)
                            + ". The header must name every column listed in data/README.md.", row=1)
    text_columns = [c for c in raw.columns if c not in (ROW_COLUMN, EXTRA_COLUMN)]
    checked = set(EVENT_COLUMNS + OPTIONAL_EVENT_COLUMNS) - set(UNSTRIPPED_COLUMNS)
    # our columns are checked stripped; a file's extra columns are kept exactly as they are (and cost nothing)
    texts = {c: as_text(raw[c], strip=c in checked) for c in text_columns}
    frame = pd.DataFrame({c: text for c, (text, _) in texts.items()}, index=raw.index)
    facts = {c: fact for c, (_, fact) in texts.items()}
    del texts
    notes: list[str] = []
    renamed = computed_name_clashes(text_columns)
    if renamed:
        frame = frame.rename(columns=renamed)
        facts = {renamed.get(c, c): fact for c, fact in facts.items()}
        text_columns = [renamed.get(c, c) for c in text_columns]
        notes.append(f"{file}: column(s) {', '.join(renamed)} kept as {', '.join(renamed.values())}: the dashboard "
                     "computes columns of those names itself (see data/README.md).")
    for column in OPTIONAL_EVENT_COLUMNS:
        if column not in frame.columns:
            frame[column] = pd.Series("", index=raw.index, dtype=text_dtype())
            facts[column] = text_facts(frame[column])
    frame[ROW_COLUMN] = raw[ROW_COLUMN]
    extra = [c for c in text_columns if c not in EVENT_COLUMNS + OPTIONAL_EVENT_COLUMNS]
    if extra:
        notes.append(f"{file}: extra column(s) kept as they are: {', '.join(extra)}.")
    formula = _formula_note(frame, facts, file)
    if formula:
        notes.append(formula)

    checks, parsed = _event_checks(frame, facts, today, is_swapped)
    if known_doc_ids is not None:
        known = list(set(known_doc_ids))
        bad_doc = (frame["doc_id"] != "") & ~frame["doc_id"].isin(known)
        checks.append(("doc_id", bad_doc, "no article with this doc_id in sources.csv; add it there first."))
    covered: dict[str, pd.Series] = {}
    ordered: list[tuple[str, pd.Series, str, pd.Series | None]] = []
    for check in extra_checks:
        mask = check.bad.reindex(frame.index).fillna(False).astype(bool)
        ordered.append((check.column, mask, check.reason, check.values))
        for column in (check.column, *check.replaces):
            covered[column] = covered.get(column, pd.Series(False, index=frame.index)) | mask
    for column, mask, reason in checks:
        if column in covered:
            mask = mask & ~covered[column]
        ordered.append((column, mask, reason, None))

    problems: list[Problem] = []
    bad_any = np.zeros(len(frame), dtype=bool)
    reasons: dict[int, list[str]] = {}
    rows = frame[ROW_COLUMN].to_numpy()
    for column, mask, reason, values in ordered:
        flags = np.asarray(mask.fillna(False).to_numpy(dtype=bool, na_value=False), dtype=bool)
        if not flags.any():
            continue
        bad_any |= flags
        source = values if values is not None else raw[column] if column in raw.columns else None
        kind = BLANK if reason == BLANK_REASON else INVALID
        for index in np.flatnonzero(flags):
            value = _shown_value(source.iat[index]) if source is not None else ""
            problems.append(Problem(file, int(rows[index]), column, value, reason, kind=kind))
            reasons.setdefault(index, []).append(f"{column}: {reason}")

    ids = frame["event_id"]
    repeated = (ids.duplicated(keep="first") & (ids != "")).to_numpy(dtype=bool) & ~bad_any
    if repeated.any():
        repeated_ids = set(ids[repeated])
        candidates = ids[ids.isin(list(repeated_ids))]
        first_row = dict(zip(candidates[~candidates.duplicated(keep="first")],
                             frame.loc[candidates.index[~candidates.duplicated(keep="first")], ROW_COLUMN]))
        for index in np.flatnonzero(repeated):
            value = ids.iat[index]
            reason = f"event_id repeats the id of row {first_row[value]}; ids must be unique."
            problems.append(Problem(file, int(rows[index]), "event_id", value, reason))
            reasons.setdefault(index, []).append(f"event_id: {reason}")
        bad_any |= repeated

    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    bad_positions = np.flatnonzero(bad_any)
    rejected = rows_at(raw, bad_positions)
    rejected["_reasons"] = ["; ".join(reasons[i]) for i in bad_positions]

    keep = ~bad_any
    events = _typed_events(_kept_rows(frame, keep) if bad_any.any() else frame, parsed, keep)
    far = _far_away_note(events, file)
    if far:
        notes.append(far)
    if fill_admin1 is not None and len(events):
        blank_admin = events["admin1"] == ""
        if blank_admin.any():
            # the lookup reads the points only: not a copy of every column of the rows
            points = events.loc[blank_admin, ["latitude", "longitude"]]
            events.loc[blank_admin, "admin1"] = fill_admin1(points).to_numpy()
            notes.append(f"{file}: governorate filled from the polygons for {int(blank_admin.sum())} row(s).")
    return LoadResult(file=file, events=events, rejected=rejected.reset_index(drop=True),
                      problems=problems, notes=notes)


_MAX_RUNS = 10_000
"""Up to this many runs of kept rows, text columns keep them as slices of the file's own text (no copy)."""


def _kept_rows(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """The rows of ``frame`` where ``keep`` is true, index reset.

    With few rows set aside (the usual case) the kept rows are a few long runs:
    each text column is then made of zero-copy slices of the column it came
    from, so a million-row file is not held twice in memory.
    """
    import pyarrow as pa

    edges = np.flatnonzero(np.diff(np.concatenate(([0], keep.astype(np.int8), [0]))))
    runs = list(zip(edges[::2], edges[1::2]))
    if len(runs) > _MAX_RUNS:
        return frame.loc[keep].reset_index(drop=True)
    columns = {}
    for column in frame.columns:
        values = frame[column]
        if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
            chunks = values.array._pa_array
            parts = [chunk for start, stop in runs for chunk in chunks.slice(start, stop - start).chunks]
            columns[column] = pd.array(pa.chunked_array(parts, type=chunks.type), dtype=values.dtype)
        else:
            columns[column] = values.to_numpy()[keep]
    return pd.DataFrame(columns, columns=frame.columns)


def _typed_events(good: pd.DataFrame, parsed: _Parsed, keep: np.ndarray) -> pd.DataFrame:
    events = good.reset_index(drop=True)
    events["event_date"] = parsed.dates.to_numpy()[keep]
    events["latitude"] = parsed.latitude.to_numpy()[keep]
    events["longitude"] = parsed.longitude.to_numpy()[keep]
    events["geo_precision"] = parsed.geo_precision.to_numpy()[keep].astype(int)
    events["fatalities"] = pd.array(parsed.fatalities.to_numpy()[keep], dtype="Float64").astype("Int64")
    return add_date_windows(events)


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
