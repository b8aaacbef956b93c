"""Events near a new report in place and time: candidates for the same incident."""

from __future__ import annotations

from datetime import date

import pandas as pd

from utils.analysis.selection import RETIRED_COLUMN
from utils.core.dates import date_window
from utils.core.geo import haversine_km

__all__ = ["NEARBY_DAYS", "NEARBY_KM", "nearby_events"]

NEARBY_KM = 10.0
"""How far (km) an event may be from the new one and still be shown as possibly the same incident."""
NEARBY_DAYS = 3
"""How many days apart the two date windows may be (on top of their own precision)."""


def nearby_events(events: pd.DataFrame, latitude: float, longitude: float, event_date: date, precision: str, *,
                  within_km: float = NEARBY_KM, within_days: int = NEARBY_DAYS) -> pd.DataFrame:
    """Events within ``within_km`` of (latitude, longitude) whose date window comes within ``within_days``.

    Each date window follows its precision (:func:`utils.core.dates.date_window`):
    an event known to the month overlaps every day of that month. Retired
    events are left out. Returns a copy with ``distance_km``, nearest first.
    """
    if events.empty:
        return events.assign(distance_km=pd.Series(dtype=float))
    live = events
    if RETIRED_COLUMN in events.columns:
        live = events[events[RETIRED_COLUMN].fillna("").astype(str).str.strip() == ""]
    distance = pd.Series(haversine_km(live["latitude"].to_numpy(float), live["longitude"].to_numpy(float),
                                      latitude, longitude), index=live.index)
    start, end = date_window(pd.Series([pd.Timestamp(event_date)]), pd.Series([precision]))
    slack = pd.Timedelta(days=within_days)
    if "date_start" in live.columns:
        their_start, their_end = live["date_start"], live["date_end"]
    else:
        their_start, their_end = date_window(live["event_date"], live["date_precision"])
    close_in_time = (their_end >= start.iloc[0] - slack) & (their_start <= end.iloc[0] + slack)
    keep = (distance <= within_km) & close_in_time
    out = live.loc[keep].assign(distance_km=distance[keep].round(1))
    return out.sort_values(["distance_km", "event_date"]).copy()
