"""Data for the time charts: counts per day, week or month, each event's date window as a bar, and axis labels.

Everything works on whole columns, optionally through ``rows`` (a boolean mask
over ``events``, such as a filter's), so a chart of a million events never
copies the events frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from utils.core.schema import DATE_PRECISIONS

__all__ = ["PERIODS", "Bars", "axis_format", "period_counts", "period_totals", "strip_period", "time_axis",
           "window_bars"]

PERIODS: tuple[str, ...] = ("day", "week", "month")
"""Bins a count can use; weeks start on Monday."""

_RANK = {precision: rank for rank, precision in enumerate(DATE_PRECISIONS)}


def _binned(events: pd.DataFrame, period: str, rows: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """(positions, bin numbers) of the selected events whose date is at least as precise as ``period``.

    Bin numbers count days, weeks (of days, Monday-based) or months since 1970.
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    allowed = [p for p in DATE_PRECISIONS if _RANK[p] <= _RANK[period]]
    keep = events["date_precision"].isin(allowed).to_numpy(dtype=bool, na_value=False)
    if rows is not None:
        keep = keep & np.asarray(rows, dtype=bool)
    positions = np.flatnonzero(keep)
    dates = events["event_date"].to_numpy()[positions]
    if period == "month":
        return positions, dates.astype("datetime64[M]").astype(np.int64)
    days = dates.astype("datetime64[D]").astype(np.int64)
    return positions, days if period == "day" else days - (days + 3) % 7  # 1970-01-01 was a Thursday


def _bin_starts(numbers: np.ndarray, period: str) -> pd.Series:
    """The first day of each bin number of :func:`_binned`, as Timestamps."""
    unit = "datetime64[M]" if period == "month" else "datetime64[D]"
    return pd.Series(numbers.astype(unit).astype("datetime64[ns]"))


def _bin_ends(numbers: np.ndarray, period: str) -> pd.Series:
    """The first day after each bin (so a bar spans its whole bin)."""
    return _bin_starts(numbers + (1 if period in ("month", "day") else 7), period)


def period_counts(events: pd.DataFrame, period: str, stack_by: str, rows: np.ndarray | None = None) -> pd.DataFrame:
    """Events per ``period`` ('day', 'week' or 'month'), split by the values of ``stack_by``.

    Only events whose date is at least as precise as the bin are counted (a
    month-only date is not put in one week); :func:`window_bars` draws the
    others. ``rows`` (a boolean mask over ``events``) selects the events to
    count. Returns columns period_start, period_end (the first day after the
    bin; Timestamps), category, count, and lower/upper: where the category's
    part of the bin's stacked bar starts and ends. Sorted by bin, then category.
    """
    positions, numbers = _binned(events, period, rows)
    codes, names = pd.factorize(events[stack_by], sort=True)
    labels = np.append(np.asarray(names.astype(str), dtype=object), "(blank)")  # code -1 (missing) is the last
    codes = np.where(codes[positions] < 0, len(names), codes[positions])
    keys, counts = np.unique(numbers * (len(names) + 1) + codes, return_counts=True)
    bins = keys // (len(names) + 1)
    upper = pd.Series(counts).groupby(bins).cumsum().to_numpy()
    return pd.DataFrame({"period_start": _bin_starts(bins, period), "period_end": _bin_ends(bins, period),
                         "category": labels[keys % (len(names) + 1)], "count": counts.astype(np.int64),
                         "lower": (upper - counts).astype(np.int64), "upper": upper.astype(np.int64)})


def period_totals(events: pd.DataFrame, period: str, rows: np.ndarray | None = None) -> pd.DataFrame:
    """Events per ``period`` (counted as :func:`period_counts` counts them): period_start, period_end, count."""
    _, numbers = _binned(events, period, rows)
    if len(numbers):  # counted per bin over the span, not sorted: the same keys and counts as np.unique
        first = int(numbers.min())
        per_bin = np.bincount(numbers - first)
        keys = np.flatnonzero(per_bin)
        counts, keys = per_bin[keys], keys + first
    else:
        keys, counts = numbers, np.zeros(0, dtype=np.int64)
    return pd.DataFrame({"period_start": _bin_starts(keys, period), "period_end": _bin_ends(keys, period),
                         "count": counts.astype(np.int64)})


def strip_period(first: date, last: date) -> str:
    """The bin that keeps a strip of ``first`` .. ``last`` readable: day up to 4 months, week up to 3 years, month."""
    days = (last - first).days
    return "day" if days <= 120 else "week" if days <= 3 * 366 else "month"


def axis_format(first: date, last: date) -> str:
    """A d3 time format for axis labels over ``first`` .. ``last`` that always shows the year.

    '%Y' over more than three years, '%b %Y' (e.g. 'Mar 2025') over more than
    two months, else '%d %b %Y'.
    """
    days = (last - first).days
    return "%Y" if days > 3 * 366 else "%b %Y" if days > 62 else "%d %b %Y"


def time_axis(first: date, last: date, *, most_ticks: int = 12) -> dict[str, object]:
    """Vega-Lite axis settings for ``first`` .. ``last``: :func:`axis_format` and ticks on whole years, months
    or days (at most about ``most_ticks``), so no label repeats ('2016 2016' from half-year ticks)."""
    days = max(1, (last - first).days)
    fmt = axis_format(first, last)
    if fmt == "%Y":
        interval, count = "year", days / 365.25
    elif fmt == "%b %Y":
        interval, count = "month", days / 30.44
    else:
        interval, count = "day", days
    step = next(s for s in (1, 2, 3, 4, 6, 7, 10, 12, 14, 20, 25, 50, 100, 1000) if count / s <= most_ticks)
    if interval == "month" and step not in (1, 2, 3, 4, 6):
        interval, step = "year", max(1, step // 12)
    return {"format": fmt, "tickCount": {"interval": interval, "step": step}}


@dataclass(frozen=True)
class Bars:
    """At most ``limit`` events' date windows, earliest first, out of ``total`` that could be drawn."""

    frame: pd.DataFrame
    total: int

    @property
    def note(self) -> str:
        """'' when every event is drawn, else 'the first N of M'."""
        return "" if len(self.frame) >= self.total else f"the first {len(self.frame):,} of {self.total:,}"


def window_bars(events: pd.DataFrame, color_by: str, *, rows: np.ndarray | None = None, limit: int = 60,
                coarse_only: bool = False) -> Bars:
    """One bar per event from the first day its date allows to the day after the last (so a day is one day wide).

    Only the ``limit`` earliest events (by window start, then id) are kept;
    ``coarse_only`` keeps only events dated to the week, month or year (those
    the counts cannot put in one bin). ``rows`` selects events as in
    :func:`period_counts`. Columns: event_id, start, end (exclusive),
    category, precision, label ('id · place').
    """
    selected = np.ones(len(events), dtype=bool) if rows is None else np.asarray(rows, dtype=bool)
    if coarse_only:
        selected = selected & (events["date_precision"] != "day").to_numpy(dtype=bool, na_value=True)
    positions = np.flatnonzero(selected)
    total = len(positions)
    starts = events["date_start"].to_numpy()[positions]
    if total > limit:  # the earliest ``limit`` (and any tied with the last of them) without sorting everything
        keep = starts <= np.partition(starts, limit - 1)[limit - 1]
        positions, starts = positions[keep], starts[keep]
    ids = events["event_id"].iloc[positions].astype(str).to_numpy(dtype=object)
    chosen = positions[np.lexsort((ids, starts))[:limit]]
    columns = dict.fromkeys(["event_id", "date_start", "date_end", color_by, "date_precision", "location"])
    frame = events[list(columns)].iloc[chosen]
    bars = pd.DataFrame({
        "event_id": frame["event_id"].astype(str).to_numpy(object),
        "start": frame["date_start"].to_numpy(),
        "end": (frame["date_end"] + pd.Timedelta(days=1)).to_numpy(),
        "category": frame[color_by].astype(str).to_numpy(object),
        "precision": frame["date_precision"].astype(str).to_numpy(object),
        "label": (frame["event_id"].astype(str) + " · " + frame["location"].astype(str)).to_numpy(object),
    })
    return Bars(bars, total)
