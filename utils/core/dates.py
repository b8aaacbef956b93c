"""Date windows: what an event's date and its precision allow.

An event dated to the day covers that day; to the week, the seven days
centred on its best-estimate date; to the month or year, that whole calendar
month or year. Filters keep an event when its window overlaps theirs.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["add_date_windows", "coarse_date_note", "date_window"]

_WEEK_HALF = pd.Timedelta(days=3)


def date_window(event_date: pd.Series, precision: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Return (start, end) timestamps, both inclusive, for each date and precision."""
    dates = pd.to_datetime(event_date).dt.normalize()
    precision = precision.astype(str)
    start = dates.copy()
    end = dates.copy()
    week = precision == "week"
    start[week] = dates[week] - _WEEK_HALF
    end[week] = dates[week] + _WEEK_HALF
    month = precision == "month"
    start[month] = dates[month].dt.to_period("M").dt.start_time
    end[month] = dates[month].dt.to_period("M").dt.end_time.dt.normalize()
    year = precision == "year"
    start[year] = dates[year].dt.to_period("Y").dt.start_time
    end[year] = dates[year].dt.to_period("Y").dt.end_time.dt.normalize()
    return start, end


def add_date_windows(events: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``events`` with ``date_start`` and ``date_end`` columns."""
    out = events.copy()
    out["date_start"], out["date_end"] = date_window(out["event_date"], out["date_precision"])
    return out


def coarse_date_note(events: pd.DataFrame) -> str:
    """Words for captions: how many of ``events`` are dated only to the week, month or year ('' if none)."""
    coarse = int((events["date_precision"] != "day").sum()) if len(events) else 0
    return f"{coarse} of them dated only to the week, month or year" if coarse else ""
