"""Exports of the filtered events: CSV for spreadsheets, GeoJSON for GIS tools."""

from __future__ import annotations

import json
import re

import pandas as pd

from utils.schema import EVENT_COLUMNS, OPTIONAL_EVENT_COLUMNS

__all__ = ["events_csv_bytes", "events_geojson_bytes", "neutralise_formula"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise_formula(value: object) -> object:
    """Make a text cell that a spreadsheet would run as a formula inert.

    A cell starting with ``= + - @``, tab or carriage return gets a leading
    apostrophe (OWASP's advice for CSV injection); a real number such as
    ``-12.5`` stays as it is. Non-text values are returned unchanged.
    """
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    if _NUMBER.match(value):
        return value
    return "'" + value


EXPORTED_DERIVED_COLUMNS: tuple[str, ...] = ("nearest_site", "nearest_site_km", "incident", "independent_sources")
"""Computed on load and exported too: nearest base and its distance (km), incident, independent sources."""


def _export_frame(events: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in (*EVENT_COLUMNS, *OPTIONAL_EVENT_COLUMNS, *EXPORTED_DERIVED_COLUMNS) if c in events.columns]
    frame = events[columns].copy()
    frame["event_date"] = pd.to_datetime(frame["event_date"]).dt.strftime("%Y-%m-%d")
    if "nearest_site_km" in frame.columns:
        frame["nearest_site_km"] = frame["nearest_site_km"].round(2)
    return frame


def events_csv_bytes(events: pd.DataFrame) -> bytes:
    """The events in the native schema as UTF-8 CSV, formula-like text cells neutralised."""
    frame = _export_frame(events)
    text_columns = frame.select_dtypes(include=["object", "string"]).columns
    for column in text_columns:
        frame[column] = frame[column].map(neutralise_formula)
    return frame.to_csv(index=False).encode("utf-8")


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
