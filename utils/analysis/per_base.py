"""Per-base summaries: the shown events near each base, over time, by type and by source.

Work on whole columns through a boolean mask of the shown events (``rows``),
so a summary of a million events copies only what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from utils.analysis.timeline import period_totals
from utils.core.geo import distance_column

__all__ = ["LIST_COLUMNS", "BaseSummary", "base_summary", "events_near", "near_mask", "share_table"]

LIST_COLUMNS: tuple[str, ...] = ("event_id", "event_date", "date_precision", "sub_event_type", "claimed_by",
                                 "status")
"""Columns of the list of the nearest events (plus the distance, as ``km``)."""


def near_mask(events: pd.DataFrame, site_id: str, radius_km: float, rows: np.ndarray | None = None) -> np.ndarray:
    """Which events (of those ``rows`` keeps) lie within ``radius_km`` (great-circle) of base ``site_id``."""
    near = events[distance_column(site_id)].to_numpy(dtype=float, na_value=np.inf) <= radius_km
    return near if rows is None else near & np.asarray(rows, dtype=bool)


def events_near(events: pd.DataFrame, site_id: str, radius_km: float) -> pd.DataFrame:
    """The events within ``radius_km`` (great-circle) of base ``site_id``, nearest first."""
    column = distance_column(site_id)
    near = events[near_mask(events, site_id, radius_km)]
    return near.sort_values([column, "event_date"], kind="stable")


def share_table(events: pd.DataFrame, column: str, rows: np.ndarray | None = None) -> pd.DataFrame:
    """Counts of ``column``'s values (of the rows ``rows`` keeps), most frequent first: columns value, events."""
    values = events[column] if rows is None else events[column].iloc[np.flatnonzero(rows)]
    counts = values.value_counts(sort=True)
    return pd.DataFrame({"value": counts.index.astype(str), "events": counts.to_numpy(dtype=np.int64)})


@dataclass(frozen=True)
class BaseSummary:
    """What the Bases page shows for one base: how many shown events are near, and small tables of them."""

    site_id: str
    near: int
    monthly: pd.DataFrame
    """Events per month (dated at least to the month): period_start, count."""
    by_type: pd.DataFrame
    by_source: pd.DataFrame
    nearest: pd.DataFrame
    """The nearest ``list_limit`` events (then by date): :data:`LIST_COLUMNS` and km."""


def base_summary(events: pd.DataFrame, site_id: str, radius_km: float, rows: np.ndarray | None = None, *,
                 list_limit: int = 100) -> BaseSummary:
    """Summarise the events ``rows`` keeps within ``radius_km`` of ``site_id``; the list is bounded to ``list_limit``."""
    near = near_mask(events, site_id, radius_km, rows)
    positions = np.flatnonzero(near)
    distance = events[distance_column(site_id)].to_numpy(dtype=float)[positions]
    if len(positions) > list_limit:  # the nearest, without sorting all of them
        keep = distance <= np.partition(distance, list_limit - 1)[list_limit - 1]
        positions, distance = positions[keep], distance[keep]
    dates = events["event_date"].to_numpy()[positions]
    chosen = positions[np.lexsort((dates, distance))[:list_limit]]
    nearest = events[list(LIST_COLUMNS)].iloc[chosen].reset_index(drop=True)
    nearest["km"] = events[distance_column(site_id)].to_numpy(dtype=float)[chosen]
    return BaseSummary(site_id=site_id, near=int(near.sum()), monthly=period_totals(events, "month", rows=near),
                       by_type=share_table(events, "sub_event_type", near),
                       by_source=share_table(events, "source", near), nearest=nearest)
