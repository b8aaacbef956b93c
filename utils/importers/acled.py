"""ACLED exports (31 columns, see ../shared/data/README.md) in our schema.

Most columns share our names already (ours follow ACLED). ``event_id_cnty``
becomes ``event_id``; ``event_date`` is ISO or text such as "02 June 2023"
(one form per file, detected); ``time_precision`` 1, 2, 3 becomes day, week,
month. ACLED does not record who made a claim, so ``claimed_by`` says so, and
``status`` is ``reported`` (ACLED codes events from published reports).
Every other column is kept; ACLED's ``admin1`` as ``acled_admin1``, since our
governorate comes from the polygons.
"""

from __future__ import annotations

import pandas as pd

from utils.data.csv_read import ROW_COLUMN, text_dtype
from utils.data.validation import CellCheck
from utils.importers.conversion import Conversion, keep_columns, require_columns, text_series
from utils.importers.datefmt import DATE_FORMATS, detect_date_format, early_date_check, parse_dates

__all__ = ["COLUMNS", "REQUIRED", "TIME_PRECISIONS", "convert"]

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
"""The 31 columns of an ACLED export, in order."""

REQUIRED: tuple[str, ...] = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
                             "actor1", "location", "latitude", "longitude", "geo_precision", "source")
TIME_PRECISIONS: dict[str, str] = {"1": "day", "2": "week", "3": "month"}
"""ACLED time_precision -> our date_precision: 1 the actual day, 2 within a week, 3 within a month."""
DATE_FORMS = ("YYYY-MM-DD", "DD Month YYYY")
CLAIMED_BY = "not recorded in the ACLED export"
COPIED = {"event_id_cnty", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude",
          "longitude", "geo_precision", "source", "notes", "fatalities"}


def _iso_text(dates: pd.Series) -> pd.Series:
    """``dates.dt.strftime("%Y-%m-%d")`` as text, missing where a date is; each distinct day written once."""
    import pyarrow as pa

    codes, days = pd.factorize(dates)
    written = pa.array(pd.DatetimeIndex(days).strftime("%Y-%m-%d").to_numpy(dtype=object), type=pa.large_string())
    cells = written.take(pa.array(codes, mask=codes < 0))
    return pd.Series(pd.array(pa.chunked_array([cells], type=pa.large_string()), dtype=text_dtype()), index=dates.index)


def convert(frame: pd.DataFrame, file: str, *, date_format: str = "auto") -> Conversion:
    """Map ACLED columns to ours; a bad ``time_precision`` or date sets its row aside, named as in the file."""
    require_columns(frame, REQUIRED, file, "ACLED")
    index = frame.index
    form = date_format if date_format != "auto" else detect_date_format(
        frame["event_date"], DATE_FORMS, file=file, column="event_date")
    dates = parse_dates(frame["event_date"], form)
    early = early_date_check("event_date", dates, frame["event_date"])
    dates = dates.where(~early.bad)
    precision = frame["time_precision"].fillna("").astype(str).str.strip()
    out: dict[str, pd.Series] = {
        "event_id": text_series(frame["event_id_cnty"], index),
        "event_date": text_series(_iso_text(dates).fillna(frame["event_date"]), index),
        "date_precision": text_series(precision.map(TIME_PRECISIONS).fillna(precision), index),
    }
    for column in ("event_type", "sub_event_type", "actor1", "actor2", "location", "latitude", "longitude",
                   "geo_precision", "source", "notes", "fatalities"):
        out[column] = text_series(frame[column] if column in frame.columns else "", index)
    out["admin1"] = text_series("", index)
    out["claimed_by"] = text_series(CLAIMED_BY, index)
    out["status"] = text_series("reported", index)
    out["doc_id"] = text_series("", index)
    keep_columns(out, frame, COPIED, "acled")
    converted = pd.DataFrame(out, index=index)
    converted[ROW_COLUMN] = frame[ROW_COLUMN]
    present_date = frame["event_date"].fillna("").astype(str).str.strip() != ""
    checks = [
        early,
        CellCheck("event_date", present_date & dates.isna() & ~early.bad,
                  f"not a date in the form this file uses ({form}, for example "
                  f"{pd.Timestamp('2023-06-02').strftime(DATE_FORMATS[form])}).",
                  replaces=("event_date",), values=frame["event_date"]),
        CellCheck("time_precision", (precision != "") & ~precision.isin(list(TIME_PRECISIONS)),
                  "not one of ACLED's time_precision codes 1 (day), 2 (week) or 3 (month).",
                  replaces=("date_precision",), values=frame["time_precision"]),
    ]
    notes = [f"{file}: ACLED export; dates read as {form}; claimed_by is not in ACLED's data and says so; "
             "status is 'reported'; governorates from the polygons (ACLED's admin1 kept as acled_admin1)."]
    return Conversion(frame=converted, checks=checks, notes=notes,
                      source_columns={"event_id": "event_id_cnty", "date_precision": "time_precision"})

