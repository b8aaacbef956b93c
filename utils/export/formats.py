"""Exports of the filtered events: CSV for spreadsheets, GeoJSON for GIS tools."""

from __future__ import annotations

from json.encoder import encode_basestring

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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


_WHOLE_NUMBERS = ("fatalities", "geo_precision", "independent_sources")
_CHUNK_ROWS = 100_000
"""GeoJSON is written this many features at a time, so only one chunk's pieces are held besides the file."""


def _literal(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def _needing_escapes(strings: pa.LargeStringArray) -> np.ndarray:
    """Rows whose text holds a byte that JSON escapes: a quote, a backslash or a control character."""
    if strings.null_count == len(strings):
        return np.array([], dtype=np.int64)
    offsets = np.frombuffer(strings.buffers()[1], dtype=np.int64)[strings.offset:strings.offset + len(strings) + 1]
    data = np.frombuffer(strings.buffers()[2], dtype=np.uint8)[int(offsets[0]):int(offsets[-1])]
    positions = np.flatnonzero((data < 0x20) | (data == 0x22) | (data == 0x5C)) + int(offsets[0])
    return np.unique(np.searchsorted(offsets, positions, side="right") - 1)


def _json_values(values: pd.Series, whole: bool) -> pa.Array:
    """Each value as the JSON text ``json.dumps`` writes for it (missing and NaN as null), vectorised.

    ``whole``: written as a whole number. Text is quoted as is unless it holds a quote, backslash or
    control character; those few cells go through ``json``'s own escaping.
    """
    if pd.api.types.is_bool_dtype(values.dtype):
        text = pc.if_else(pa.array(values.to_numpy(dtype=bool, na_value=False)), _literal("true"), _literal("false"))
    elif whole or pd.api.types.is_integer_dtype(values.dtype):
        numbers = np.trunc(pd.to_numeric(values).astype("Float64").to_numpy(dtype=float, na_value=np.nan))
        text = pc.cast(pa.array(numbers, mask=np.isnan(numbers)).cast(pa.int64()), pa.large_string())
    elif pd.api.types.is_float_dtype(values.dtype):
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
        text = pc.cast(pa.array(numbers, mask=~np.isfinite(numbers)), pa.large_string())
    else:
        strings = pa.array(values.astype("string[pyarrow]").array).cast(pa.large_string())
        text = pc.binary_join_element_wise(_literal('"'), strings, _literal('"'), _literal(""))
        rows = _needing_escapes(strings)
        if len(rows):
            mask = np.zeros(len(strings), dtype=bool)
            mask[rows] = True
            fixed = [encode_basestring(strings[int(row)].as_py()) for row in rows]
            text = pc.replace_with_mask(text, pa.array(mask), pa.array(fixed, pa.large_string()))
    return pc.fill_null(text, _literal("null"))


def _features_json(frame: pd.DataFrame) -> bytes:
    """The features of ``frame`` as JSON text, each followed by a comma."""
    pieces: list = [_literal('{"type":"Feature","geometry":{"type":"Point","coordinates":['),
                    _json_values(frame["longitude"].astype(float), False), _literal(","),
                    _json_values(frame["latitude"].astype(float), False), _literal(']},"properties":{')]
    for number, column in enumerate(c for c in frame.columns if c not in ("latitude", "longitude")):
        pieces += [_literal(("," if number else "") + encode_basestring(str(column)) + ":"),
                   _json_values(frame[column], column in _WHOLE_NUMBERS)]
    features = pc.binary_join_element_wise(*pieces, _literal("}},"), _literal(""))
    offsets = np.frombuffer(features.buffers()[1], dtype=np.int64)[features.offset:features.offset + len(features) + 1]
    return features.buffers()[2][int(offsets[0]):int(offsets[-1])].to_pybytes()


def events_geojson_bytes(events: pd.DataFrame) -> bytes:
    """The events as a GeoJSON FeatureCollection of Points ([lon, lat]) with every column as a property.

    Compact (no indentation) and built column by column with Arrow, :data:`_CHUNK_ROWS` features at a time:
    the same document ``json.dumps`` writes, at a million events in seconds rather than minutes.
    """
    frame = _export_frame(events)
    chunks = [_features_json(frame.iloc[start:start + _CHUNK_ROWS]) for start in range(0, len(frame), _CHUNK_ROWS)]
    if chunks:
        chunks[-1] = chunks[-1][:-1]  # no comma after the last feature
    return b"".join([b'{"type":"FeatureCollection","features":[', *chunks, b"]}"])
