"""Data for the timeline: counts per week or month, and each event's date window as a bar."""

from __future__ import annotations

import pandas as pd

from utils.core.schema import DATE_PRECISIONS

__all__ = ["PERIODS", "period_counts", "window_bars"]

PERIODS: dict[str, str] = {"week": "W-SUN", "month": "M"}
"""Bin name -> pandas period frequency (weeks start on Monday)."""

_RANK = {precision: rank for rank, precision in enumerate(DATE_PRECISIONS)}


def period_counts(events: pd.DataFrame, period: str, stack_by: str) -> pd.DataFrame:
    """Events per ``period`` ('week' or 'month'), split by the values of ``stack_by``.

    Only events whose date is at least as precise as the bin are counted (a
    month-only date is not put in one week); the others are drawn as bars by
    :func:`window_bars`. Returns columns period_start (Timestamp), category, count.
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    ranks = events["date_precision"].map(_RANK)
    precise = events[ranks <= _RANK[period]]
    if precise.empty:
        return pd.DataFrame({"period_start": pd.Series(dtype="datetime64[ns]"), "category": pd.Series(dtype=object),
                             "count": pd.Series(dtype=int)})
    starts = precise["event_date"].dt.to_period(PERIODS[period]).dt.start_time
    counts = (pd.DataFrame({"period_start": starts, "category": precise[stack_by].astype(str)})
              .groupby(["period_start", "category"]).size().rename("count").reset_index())
    return counts


def window_bars(events: pd.DataFrame, color_by: str) -> pd.DataFrame:
    """One bar per event from the first to the day after the last day its date allows.

    Columns: event_id, start, end (exclusive, so a one-day event is one day
    wide), category, precision, label.
    """
    return pd.DataFrame({
        "event_id": events["event_id"].astype(str),
        "start": events["date_start"],
        "end": events["date_end"] + pd.Timedelta(days=1),
        "category": events[color_by].astype(str),
        "precision": events["date_precision"],
        "label": (events["event_id"].astype(str) + " " + events["location"].astype(str)),
    }).sort_values(["start", "event_id"]).reset_index(drop=True)
