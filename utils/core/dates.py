"""Date windows: what an event's date and its precision allow.

An event dated to the day covers that day; to the week, the seven days
centred on its best-estimate date; to the month or year, that whole calendar
month or year. Filters keep an event when its window overlaps theirs.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pandas as pd

__all__ = ["PRESETS", "add_date_windows", "coarse_date_note", "coarse_words", "date_window", "preset_window", "slider_range",
           "typed_date"]

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


def coarse_words(coarse: int) -> str:
    """Words for captions: '10 of them dated only to the week, month or year' ('' for none)."""
    return f"{coarse} of them dated only to the week, month or year" if coarse else ""


def coarse_date_note(events: pd.DataFrame) -> str:
    """:func:`coarse_words` for the events of a frame dated only to the week, month or year."""
    return coarse_words(int((events["date_precision"] != "day").sum()) if len(events) else 0)


# -- choosing a date window ------------------------------------------------------------------------------------

PRESETS: tuple[str, ...] = ("Last 7 days", "Last 30 days", "Last 90 days", "This year", "All")
"""Date presets, counted back from the data's last day (so old data still gets a useful window)."""
_PRESET_DAYS = {"Last 7 days": 7, "Last 30 days": 30, "Last 90 days": 90}

ZOOM_WHEN_UNDER = 1 / 8
"""The slider zooms to the window when the window is less than this share of the data's span."""
MIN_ZOOM_PAD_DAYS = 30
"""Least room (days) the zoomed slider leaves on each side of the window."""


def preset_window(preset: str, bounds: tuple[date, date]) -> tuple[date, date]:
    """The window a preset stands for, inside ``bounds`` (the data's first and last day).

    'Last 30 days' ends on the data's last day; 'This year' is that day's calendar year so far.
    """
    low, high = bounds
    if preset == "All":
        return low, high
    if preset == "This year":
        return max(low, date(high.year, 1, 1)), high
    if preset in _PRESET_DAYS:
        return max(low, high - timedelta(days=_PRESET_DAYS[preset] - 1)), high
    raise ValueError(f"unknown date preset {preset!r}; use one of {', '.join(PRESETS)}")


def slider_range(bounds: tuple[date, date], window: tuple[date, date]) -> tuple[date, date, timedelta]:
    """The slider's (first day, last day, step) for ``window`` inside ``bounds``.

    The whole span when the window is a fair part of it; zoomed around the
    window (with room on each side to move) when the window is less than
    :data:`ZOOM_WHEN_UNDER` of the span. The step follows the range shown: a
    day up to two years, a week up to ten, else 30 days.
    """
    low, high = bounds
    start, end = window
    span = (high - low).days + 1
    width = (end - start).days + 1
    if span > 1 and width < span * ZOOM_WHEN_UNDER:
        pad = timedelta(days=max(width, MIN_ZOOM_PAD_DAYS))
        low, high = max(low, start - pad), min(high, end + pad)
    shown = (high - low).days
    step = timedelta(days=1 if shown <= 2 * 366 else 7 if shown <= 10 * 366 else 30)
    return low, high, step


def typed_date(text: str, *, last: bool = False) -> date:
    """A date typed as YYYY-MM-DD, YYYY-MM or YYYY; a month or year means its first day (``last``: its last).

    Raises ValueError with a message quoting the text and the forms accepted.
    """
    cleaned = str(text).strip().replace("/", "-").replace(".", "-")
    try:
        if re.fullmatch(r"\d{4}", cleaned):
            year = int(cleaned)
            return date(year, 12, 31) if last else date(year, 1, 1)
        if re.fullmatch(r"\d{4}-\d{1,2}", cleaned):
            first = datetime.strptime(cleaned, "%Y-%m").date()
            return (first + pd.offsets.MonthEnd(0)).date() if last else first
        return datetime.strptime(cleaned, "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(f"{text!r} is not a date: type it as YYYY-MM-DD (2025-03-28), YYYY-MM (2025-03) or "
                         "YYYY (2025)") from None
