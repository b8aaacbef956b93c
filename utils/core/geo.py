"""Geometry: governorates for points, distances in km.

Coordinates are WGS84 degrees; frames carry ``latitude`` and ``longitude``
columns, geometries are (longitude, latitude) as shapely and GeoJSON expect.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

__all__ = ["EARTH_RADIUS_KM", "REGION_BOUNDS", "REGION_COLUMN", "in_region", "add_site_distances", "distance_column", "governorate_lookup", "haversine_km",
           "load_governorates", "point_km"]

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), km."""

REGION_BOUNDS = (29.3, 32.2, 40.3, 45.9)
"""(south, west, north, east) in degrees: Syria (32.3-37.3 N, 35.7-42.4 E) and about 300 km around it
(Lebanon, Israel, Jordan, Cyprus, southern Turkey, most of Iraq). A point outside is flagged, not refused."""
REGION_COLUMN = "in_region"
"""Computed events column: True when the point lies inside :data:`REGION_BOUNDS`."""

METRIC_CRS = "EPSG:32637"
"""UTM zone 37N: metres, good across Syria (36-42 degrees E) for nearest-polygon distances."""


def haversine_km(lat1: float | np.ndarray, lon1: float | np.ndarray,
                 lat2: float | np.ndarray, lon2: float | np.ndarray) -> np.ndarray:
    """Great-circle distance in km between (lat1, lon1) and (lat2, lon2), degrees."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


def point_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points (lat, lon in degrees), as a float (:func:`haversine_km` of
    scalars)."""
    return float(haversine_km(lat1, lon1, lat2, lon2))


def load_governorates(path: str | Path) -> gpd.GeoDataFrame:
    """Read Syria's governorate polygons (geoBoundaries ADM1) with a ``name`` column."""
    frame = gpd.read_file(path)
    return frame.rename(columns={"shapeName": "name"})[["name", "geometry"]].to_crs("EPSG:4326")


def governorate_lookup(governorates: gpd.GeoDataFrame, *, max_km: float = 5.0):
    """Return a function mapping an events frame to the governorate of each row.

    A point inside a polygon gets that polygon's name; a point outside every
    polygon but within ``max_km`` of one gets the nearest (the coarse
    coastline leaves Tartus port and Jableh just outside); others get "".
    """
    metric = governorates.to_crs(METRIC_CRS)
    shapes = list(zip(governorates["name"], governorates.geometry))
    for _, shape in shapes:
        shapely.prepare(shape)
    # Only points within about max_km of a polygon can get the nearest; a degree of longitude is at least
    # 80 km over Syria (lat < 38), so this buffer holds every point within max_km (the join checks exactly).
    near_any = shapely.union_all(governorates.geometry.to_numpy()).buffer(max_km / 80.0)
    shapely.prepare(near_any)
    metric_shapes = list(zip(metric["name"], metric.geometry))
    for _, shape in metric_shapes:
        shapely.prepare(shape)
    to_metric = pyproj.Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
    limit = max_km * 1000.0

    def lookup(events: pd.DataFrame) -> pd.Series:
        lon = events["longitude"].to_numpy(float)
        lat = events["latitude"].to_numpy(float)
        # which polygon each point got, as a number (-1: none yet); names are looked up once at the end
        found = np.full(len(lon), -1, dtype=np.int32)
        for number, (name, shape) in enumerate(shapes):  # inside: a bounding-box cut, then a prepared test
            if not name:
                continue
            west, south, east, north = shape.bounds
            candidates = np.flatnonzero((found < 0) & (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north))
            if len(candidates):
                inside = shapely.contains_xy(shape, lon[candidates], lat[candidates])
                found[candidates[inside]] = number
        outside = np.flatnonzero(found < 0)
        if len(outside):  # far from every polygon: no governorate, without a nearest-polygon search
            outside = outside[shapely.contains_xy(near_any, lon[outside], lat[outside])]
        if len(outside):  # just outside every polygon (a coarse coastline): the nearest within max_km
            x, y = to_metric.transform(lon[outside], lat[outside])
            points = shapely.points(x, y)
            best = np.full(len(outside), np.inf)
            for number, (_, shape) in enumerate(metric_shapes):  # a distance test, then exact distances
                west, south, east, north = shape.bounds
                box = (x >= west - limit) & (x <= east + limit) & (y >= south - limit) & (y <= north + limit)
                candidates = np.flatnonzero(box)
                if not len(candidates):
                    continue
                candidates = candidates[shapely.dwithin(shape, points[candidates], limit)]
                distance = shapely.distance(shape, points[candidates])
                closer = distance < best[candidates]
                best[candidates[closer]] = distance[closer]
                found[outside[candidates[closer]]] = number
        names = np.array(["", *(name for name, _ in shapes)], dtype=object)
        return pd.Series(names[found + 1], index=events.index, dtype=object)

    return lookup


def in_region(latitude: np.ndarray, longitude: np.ndarray) -> np.ndarray:
    """True where (latitude, longitude), degrees, lies inside :data:`REGION_BOUNDS`."""
    south, west, north, east = REGION_BOUNDS
    lat, lon = np.asarray(latitude, dtype=float), np.asarray(longitude, dtype=float)
    return (lat >= south) & (lat <= north) & (lon >= west) & (lon <= east)


def distance_column(site_id: str) -> str:
    """Name of the events column holding the distance (km) to the base ``site_id``."""
    return f"dist_km_{site_id}"


def add_site_distances(events: pd.DataFrame, sites: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``events`` with the great-circle distance (km) to each base.

    Adds one ``dist_km_<site_id>`` column per base, ``nearest_site`` (its
    name), ``nearest_site_km`` and ``in_region`` (see :data:`REGION_BOUNDS`).
    ``events`` is not modified.
    """
    out = events.copy()
    out[REGION_COLUMN] = in_region(out["latitude"].to_numpy(float), out["longitude"].to_numpy(float))
    columns = []
    for site in sites.itertuples(index=False):
        column = distance_column(site.site_id)
        out[column] = haversine_km(out["latitude"].to_numpy(float), out["longitude"].to_numpy(float),
                                   site.latitude, site.longitude)
        columns.append(column)
    if columns and len(out):
        distances = out[columns].to_numpy()
        nearest = distances.argmin(axis=1)
        names = sites["name"].to_numpy()
        out["nearest_site"] = names[nearest]
        out["nearest_site_km"] = distances[np.arange(len(out)), nearest]
    else:
        out["nearest_site"] = pd.Series(dtype=object)
        out["nearest_site_km"] = pd.Series(dtype=float)
    return out
