"""Exports of the filtered events: CSV for spreadsheets, GeoJSON for GIS tools."""

from __future__ import annotations

import json

import pandas as pd

from utils.core.schema import EVENT_COLUMNS, EXPORTED_COMPUTED_COLUMNS, OPTIONAL_EVENT_COLUMNS
from utils.data.csv_write import neutralise_formula, spreadsheet_csv_bytes

__all__ = ["events_csv_bytes", "events_geojson_bytes", "neutralise_formula"]

def _export_frame(events: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in (*EVENT_COLUMNS, *OPTIONAL_EVENT_COLUMNS, *EXPORTED_COMPUTED_COLUMNS) if c in events.columns]
    frame = events[columns].copy()
    frame["event_date"] = pd.to_datetime(frame["event_date"]).dt.strftime("%Y-%m-%d")
    if "nearest_site_km" in frame.columns:
        frame["nearest_site_km"] = frame["nearest_site_km"].round(2)
    return frame


def events_csv_bytes(events: pd.DataFrame) -> bytes:
    """The events in the native schema as UTF-8 CSV for spreadsheets (the one safe writer:
    :func:`utils.data.csv_write.spreadsheet_csv_bytes`)."""
    return spreadsheet_csv_bytes(_export_frame(events))


def events_geojson_bytes(events: pd.DataFrame) -> bytes:
    """The events as a GeoJSON FeatureCollection of Points ([lon, lat]) with every column as a property."""
    frame = _export_frame(events)
    features = []
    for record in frame.to_dict("records"):
        properties = {k: (None if pd.isna(v) else
                          (int(v) if k in ("fatalities", "geo_precision", "independent_sources") else v))
                      for k, v in record.items() if k not in ("latitude", "longitude")}
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(record["longitude"]), float(record["latitude"])]},
            "properties": properties,
        })
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
