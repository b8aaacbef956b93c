"""GeoJSON FeatureCollections of Points: one event per feature, its properties as columns.

The point's [longitude, latitude] fill ``longitude`` and ``latitude``; the
properties are then read as native, ACLED, UCDP or mapped columns like a
CSV. In the report, ``row`` is the feature's number (the first feature is 1).
A feature without a usable Point is set aside; a file that is not JSON, not
a FeatureCollection, or in a projected coordinate system is refused.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from utils.core.problems import DataFileError, Problem
from utils.data.csv_read import (
    EXTRA_COLUMN,
    RESERVED_LABELS,
    ROW_COLUMN,
    RawTable,
    decode_bytes,
    reserved_renamed,
    text_dtype,
)

RESERVED_LABELS_SET = frozenset(RESERVED_LABELS)

__all__ = ["read_feature_table"]

WGS84_NAMES = ("urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326",
               "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:6.6:4326", "CRS84", "WGS84")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and np.isfinite(value)


def _point(feature: object) -> tuple[float, float] | str:
    """(longitude, latitude) of a Point feature, or the reason it has none."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return "not a GeoJSON Feature (an object with \"type\": \"Feature\")."
    geometry = feature.get("geometry")
    if geometry is None:
        return "the feature has no geometry (null); an event needs a Point with its coordinates."
    if not isinstance(geometry, dict):
        return "invalid geometry: it must be an object such as {\"type\": \"Point\", \"coordinates\": [lon, lat]}."
    if geometry.get("type") != "Point":
        return f"the geometry is a {geometry.get('type')!s}; only Point features can be mapped as events."
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or len(coordinates) < 2 or not all(map(_number, coordinates[:2])):
        return "invalid geometry: coordinates must be [longitude, latitude] as two numbers."
    return float(coordinates[0]), float(coordinates[1])


def read_feature_table(data: bytes, file: str, *, encoding: str = "utf-8-sig") -> RawTable:
    """Read a GeoJSON FeatureCollection into text cells, one row per feature."""
    text = decode_bytes(data, file, encoding).lstrip("\ufeff")
    if not text.strip():
        raise DataFileError(file, "the file is empty; a GeoJSON file holds a FeatureCollection.")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(file, f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno} "
                                  f"(character {exc.pos}). Export the GeoJSON again.") from None
    except RecursionError:
        raise DataFileError(file, "the JSON is nested too deeply to be GeoJSON (lists or objects inside each other "
                                  "thousands of levels deep). Export the layer again as plain GeoJSON.") from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        found = document.get("type") if isinstance(document, dict) else type(document).__name__
        raise DataFileError(file, f"not a GeoJSON FeatureCollection (the top level is {found!s}); the file must "
                                  "be {\"type\": \"FeatureCollection\", \"features\": [...]}.")
    crs = document.get("crs")
    if crs is not None:
        properties = crs.get("properties") if isinstance(crs, dict) else None
        name = str(properties.get("name", "")) if isinstance(properties, dict) else \
            "" if isinstance(crs, dict) and properties is None else str(crs if not isinstance(crs, dict) else properties)
        if name and name not in WGS84_NAMES and not name.upper().endswith(("CRS84", "EPSG::4326", "EPSG:4326")):
            raise DataFileError(file, f"the coordinates are in the coordinate system {name}, not longitude and "
                                      "latitude in degrees (WGS84). Re-export the layer as EPSG:4326 / WGS84.")
    features = document.get("features")
    if not isinstance(features, list):
        raise DataFileError(file, "the FeatureCollection has no \"features\" list.")
    records: list[dict[str, str]] = []
    rows: list[int] = []
    bad: list[dict[str, object]] = []
    problems: list[Problem] = []
    points: list[tuple[float, float]] = []
    coordinate_keys: set[str] = set()
    renames: set[str] = set()
    for number, feature in enumerate(features, start=1):
        point = _point(feature)
        properties = feature.get("properties") if isinstance(feature, dict) else None
        cells = {str(k): _cell(v) for k, v in properties.items()} if isinstance(properties, dict) else {}
        if RESERVED_LABELS_SET & set(cells):
            renamed_keys, notes_here = reserved_renamed(list(cells))
            cells = dict(zip(renamed_keys, cells.values()))
            renames.update(notes_here)
        if isinstance(point, str):
            bad.append({**cells, ROW_COLUMN: number,
                        EXTRA_COLUMN: json.dumps((feature or {}).get("geometry") if isinstance(feature, dict)
                                                 else feature, ensure_ascii=False)[:500]})
            problems.append(Problem(file, number, "geometry", _cell((feature or {}).get("geometry")
                                                                    if isinstance(feature, dict) else feature)[:200],
                                    point))
            continue
        lon, lat = point
        points.append(point)
        coordinate_keys |= {"latitude", "longitude"} & set(cells)
        cells["longitude"], cells["latitude"] = repr(lon), repr(lat)
        records.append(cells)
        rows.append(number)
    if points:
        xs = np.array([p[0] for p in points])
        ys = np.array([p[1] for p in points])
        if np.mean((np.abs(xs) > 180) | (np.abs(ys) > 90)) > 0.5:
            raise DataFileError(file, "most coordinates are far outside the range of degrees (for example "
                                      f"{xs[0]:g}, {ys[0]:g}): the layer looks projected (metres). Re-export it "
                                      "as EPSG:4326 / WGS84 longitude and latitude.")
    if not records and not bad:
        raise DataFileError(file, "the FeatureCollection holds no features.")
    if not records:
        raise DataFileError(file, f"none of the {len(bad)} feature(s) has a usable Point; the first: {problems[0].reason} "
                                  "(NaN and Infinity are not coordinates). Export the layer again with point "
                                  "geometries in longitude and latitude.", row=problems[0].row,
                            column="geometry", value=problems[0].value)
    notes: list[str] = [f"{file}: {note}" for note in sorted(renames)]
    if coordinate_keys:
        notes.append(f"{file}: latitude and longitude come from each feature's Point; the properties of the same "
                     "names were replaced.")
    columns = list(dict.fromkeys(key for record in records for key in record))
    frame = pd.DataFrame({c: pd.array([r.get(c, "") for r in records], dtype=text_dtype()) for c in columns})
    frame[ROW_COLUMN] = pd.Series(rows, dtype="int64")
    set_aside = pd.DataFrame(bad, columns=list(dict.fromkeys(
        [*columns, *(k for b in bad for k in b if k not in (ROW_COLUMN, EXTRA_COLUMN)), ROW_COLUMN, EXTRA_COLUMN])))
    return RawTable(frame, set_aside, problems, notes)
