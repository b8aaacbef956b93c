"""Per-base summaries: the shown events near each base, over time, by type and by source."""

from __future__ import annotations

import pandas as pd

from utils.core.geo import distance_column

__all__ = ["events_near", "monthly_counts", "share_table"]


def events_near(events: pd.DataFrame, site_id: str, radius_km: float) -> pd.DataFrame:
    """The events within ``radius_km`` (great-circle) of base ``site_id``, nearest first."""
    column = distance_column(site_id)
    near = events[events[column] <= radius_km]
    return near.sort_values([column, "event_date"])


def monthly_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Events per calendar month of their best-estimate date: columns month (Timestamp), count."""
    if events.empty:
        return pd.DataFrame({"month": pd.Series(dtype="datetime64[ns]"), "count": pd.Series(dtype=int)})
    months = events["event_date"].dt.to_period("M").dt.start_time
    return months.value_counts().sort_index().rename_axis("month").rename("count").reset_index()


def share_table(events: pd.DataFrame, column: str) -> pd.DataFrame:
    """Counts of ``column``'s values, most frequent first: columns value, events."""
    counts = events[column].value_counts()
    return pd.DataFrame({"value": counts.index.astype(str), "events": counts.to_numpy()})
