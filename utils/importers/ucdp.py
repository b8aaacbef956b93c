"""UCDP GED (Georeferenced Event Dataset) rows in our schema.

Mapping (documented in data/README.md):

* ``id`` -> ``event_id``; ``side_a``/``side_b`` -> ``actor1``/``actor2``;
  ``where_coordinates`` -> ``location``; ``source_headline`` -> ``notes``;
  ``best`` -> ``fatalities`` (``low`` and ``high`` kept).
* ``source_office`` -> ``source`` (repeats such as "SOHR;SOHR" said once);
  ``source_original`` (who UCDP says gave the information) -> ``claimed_by``,
  or "not recorded in the UCDP data" when blank. ``status`` is ``reported``:
  UCDP codes events from published reports and does not confirm each one.
* ``date_start``..``date_end`` and ``date_prec`` -> a date and precision whose
  window covers UCDP's: the coarser of what ``date_prec`` says (1 day,
  2 or 3 week, 4 month, 5 year) and what the span needs. Both UCDP dates are
  kept as ``ucdp_date_start`` and ``ucdp_date_end``.
* ``where_prec`` -> ``geo_precision``: 1 -> 1; 2 (within 25 km) and 3
  (district) -> 2; 4 (governorate), 5 (larger), 6 (country) and 7 (waters
  or airspace) -> 3. ``where_prec`` is kept.
* ``type_of_violence`` -> ACLED event types, coarsely (UCDP says who fought,
  not how): 1 state-based and 2 non-state conflict -> Battles / Armed clash;
  3 one-sided violence -> Violence against civilians / Attack. The UCDP code
  is kept, with its name in ``ucdp_violence``.

Every other column is kept under its own name.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from utils.data.csv_read import ROW_COLUMN
from utils.data.validation import CellCheck
from utils.importers.conversion import Conversion, keep_columns, require_columns, text_series
from utils.importers.datefmt import early_date_check, parse_dates

__all__ = ["DATE_PRECISIONS", "REQUIRED", "VIOLENCE_TYPES", "WHERE_PRECISIONS", "convert"]

REQUIRED: tuple[str, ...] = ("id", "type_of_violence", "side_a", "side_b", "source_office", "source_original",
                             "where_prec", "where_coordinates", "latitude", "longitude", "date_prec",
                             "date_start", "date_end", "best")
WHERE_PRECISIONS: dict[str, int] = {"1": 1, "2": 2, "3": 2, "4": 3, "5": 3, "6": 3, "7": 3}
DATE_PRECISIONS: dict[str, str] = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}
VIOLENCE_TYPES: dict[str, tuple[str, str, str]] = {
    "1": ("state-based conflict", "Battles", "Armed clash"),
    "2": ("non-state conflict", "Battles", "Armed clash"),
    "3": ("one-sided violence", "Violence against civilians", "Attack"),
}
CLAIMED_BY = "not recorded in the UCDP data"
COPIED = {"id", "side_a", "side_b", "where_coordinates", "latitude", "longitude", "source_headline", "best"}
_LEVELS = ("day", "week", "month", "year")


def _said_once(value: str) -> str:
    parts = [p.strip() for p in value.split(";")]
    return "; ".join(dict.fromkeys(p for p in parts if p))


def _windows(start: pd.Series, end: pd.Series, coded: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Best date and precision so our window covers UCDP's start..end (both readable)."""
    days = (end - start).dt.days + 1
    middle = start + pd.to_timedelta((days - 1) // 2, unit="D")
    span = np.select(
        [days <= 1, days <= 7, start.dt.to_period("M") == end.dt.to_period("M"), start.dt.year == end.dt.year],
        [0, 1, 2, 3], default=3)
    coded_level = coded.map({name: i for i, name in enumerate(_LEVELS)}).fillna(0).to_numpy(dtype=int)
    level = np.maximum(span, coded_level)
    best = np.select(
        [level == 0, level == 1, level == 2],
        [start, middle, middle.dt.to_period("M").dt.start_time + pd.Timedelta(days=14)],
        default=pd.to_datetime(middle.dt.year.astype("Int64").astype(str) + "-07-01", errors="coerce"))
    precision = pd.Series(np.array(_LEVELS)[level], index=start.index)
    return pd.Series(pd.to_datetime(best), index=start.index), precision


def convert(frame: pd.DataFrame, file: str) -> Conversion:
    """Map UCDP GED columns to ours; bad codes or dates set their row aside, named as in the file."""
    require_columns(frame, REQUIRED, file, "UCDP GED")
    index = frame.index

    def cells(column: str) -> pd.Series:
        return frame[column].fillna("").astype(str).str.strip()

    start, end = parse_dates(frame["date_start"], "YYYY-MM-DD"), parse_dates(frame["date_end"], "YYYY-MM-DD")
    early_start = early_date_check("date_start", start, frame["date_start"])
    early_end = early_date_check("date_end", end, frame["date_end"])
    start, end = start.where(~early_start.bad), end.where(~early_end.bad)
    parsed_start_end = (early_start.bad | start.notna(), early_end.bad | end.notna())
    date_prec, where_prec, violence = cells("date_prec"), cells("where_prec"), cells("type_of_violence")
    readable = start.notna() & end.notna() & (end >= start)
    best = pd.Series(pd.NaT, index=index, dtype="datetime64[us]")
    precision = date_prec.map(DATE_PRECISIONS).fillna("")
    if readable.any():
        window_best, window_precision = _windows(start[readable], end[readable], precision[readable])
        best[readable] = window_best
        precision[readable] = window_precision
    violence_known = violence.isin(list(VIOLENCE_TYPES))
    out: dict[str, pd.Series] = {
        "event_id": text_series(frame["id"], index),
        "event_date": text_series(best.dt.strftime("%Y-%m-%d").fillna(""), index),
        "date_precision": text_series(precision, index),
        "event_type": text_series(violence.map({k: v[1] for k, v in VIOLENCE_TYPES.items()}).fillna(""), index),
        "sub_event_type": text_series(violence.map({k: v[2] for k, v in VIOLENCE_TYPES.items()}).fillna(""),
                                      index),
        "actor1": text_series(frame["side_a"], index),
        "actor2": text_series(frame["side_b"], index),
        "location": text_series(frame["where_coordinates"], index),
        "admin1": text_series("", index),
        "latitude": text_series(frame["latitude"], index),
        "longitude": text_series(frame["longitude"], index),
        "geo_precision": text_series(where_prec.map(WHERE_PRECISIONS).astype("Int64").astype(str)
                                     .replace("<NA>", ""), index),
        "source": text_series(cells("source_office").map(_said_once), index),
        "claimed_by": text_series(cells("source_original").replace("", CLAIMED_BY), index),
        "status": text_series("reported", index),
        "fatalities": text_series(frame["best"], index),
        "notes": text_series(frame["source_headline"] if "source_headline" in frame.columns else "", index),
        "doc_id": text_series("", index),
        "ucdp_violence": text_series(violence.map({k: v[0] for k, v in VIOLENCE_TYPES.items()}).fillna(""),
                                     index),
    }
    keep_columns(out, frame, COPIED, "ucdp")
    converted = pd.DataFrame(out, index=index)
    converted[ROW_COLUMN] = frame[ROW_COLUMN]
    checks = [
        early_start, early_end,
        CellCheck("date_start", (cells("date_start") != "") & ~parsed_start_end[0],
                  "not a date in ISO form YYYY-MM-DD.", replaces=("event_date",), values=frame["date_start"]),
        CellCheck("date_end", (cells("date_end") != "") & ~parsed_start_end[1],
                  "not a date in ISO form YYYY-MM-DD.", replaces=("event_date",), values=frame["date_end"]),
        CellCheck("date_end", start.notna() & end.notna() & (end < start),
                  "date_end is before date_start; check both dates.", replaces=("event_date",),
                  values=frame["date_end"]),
        CellCheck("date_prec", (date_prec != "") & ~date_prec.isin(list(DATE_PRECISIONS)),
                  "not one of UCDP's date_prec codes 1 to 5.", replaces=("date_precision",),
                  values=frame["date_prec"]),
        CellCheck("where_prec", (where_prec != "") & ~where_prec.isin(list(WHERE_PRECISIONS)),
                  "not one of UCDP's where_prec codes 1 to 7.", replaces=("geo_precision",),
                  values=frame["where_prec"]),
        CellCheck("type_of_violence", (violence != "") & ~violence_known,
                  "not one of UCDP's type_of_violence codes 1, 2 or 3.",
                  replaces=("event_type", "sub_event_type"), values=frame["type_of_violence"]),
    ]
    long_spans = int((readable & ((end - start).dt.days > 366)).sum())
    notes = [f"{file}: UCDP GED; event types from type_of_violence (1, 2 -> Battles, 3 -> Violence against "
             "civilians); status 'reported'; the date window covers date_start..date_end; governorates from "
             "the polygons (UCDP's adm_1 kept)."]
    if long_spans:
        notes.append(f"{file}: {long_spans} event(s) span more than a year; each is placed in the year of the "
                     "middle of its span (ucdp_date_start and ucdp_date_end keep the whole span).")
    return Conversion(frame=converted, checks=checks, notes=notes, source_columns={
        "event_id": "id", "actor1": "side_a", "actor2": "side_b", "location": "where_coordinates",
        "notes": "source_headline", "fatalities": "best", "source": "source_office",
        "claimed_by": "source_original", "geo_precision": "where_prec", "date_precision": "date_prec",
        "event_date": "date_start", "event_type": "type_of_violence", "sub_event_type": "type_of_violence"})
