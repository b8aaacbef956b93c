"""Drawing many events fast: only what the viewport shows, grouped into cells when there are many.

The browser is sent either the individual events inside the view (when at
most ``detail_limit`` are there) or one cluster per screen cell of about
``cell_px`` pixels, with its exact count. Cells are cut in Web Mercator pixels
at the current zoom, so clusters split as the user zooms in. Coordinates are
WGS84 degrees, (lat, lon).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from utils.map.mercator import latitude_of_y, mercator_y, world_px
from utils.map.style import CLUSTER_CELL_PX, DETAIL_LIMIT

__all__ = ["Aggregation", "Viewport", "aggregate_view", "default_viewport", "in_view"]


@dataclass(frozen=True)
class Viewport:
    """The map's bounds in degrees and its zoom level (Leaflet's)."""

    south: float
    west: float
    north: float
    east: float
    zoom: float

    def __post_init__(self) -> None:
        if not (-90 <= self.south <= self.north <= 90):
            raise ValueError(f"south {self.south} and north {self.north} must satisfy -90 <= south <= north <= 90")
        if not math.isfinite(self.zoom) or not 0 <= self.zoom <= 24:
            raise ValueError(f"zoom must be between 0 and 24, not {self.zoom!r}")

    @classmethod
    def from_leaflet(cls, bounds: dict, zoom: float) -> Viewport:
        """From st_folium's ``bounds`` ({'_southWest': {'lat','lng'}, '_northEast': {...}}) and ``zoom``."""
        south_west, north_east = bounds["_southWest"], bounds["_northEast"]
        return cls(south=float(south_west["lat"]), west=float(south_west["lng"]), north=float(north_east["lat"]),
                   east=float(north_east["lng"]), zoom=float(zoom))


@dataclass(frozen=True)
class Aggregation:
    """What to draw. ``mode`` is 'events' (``indices`` of events to draw one by one) or 'clusters'.

    For clusters: ``latitude``/``longitude`` (mean position of the cell's
    events), ``count`` (exact), ``category`` (the most frequent category code)
    and ``cell_ids``. ``in_view`` is the number of events inside the view.
    """

    mode: str
    in_view: int
    indices: np.ndarray
    latitude: np.ndarray
    longitude: np.ndarray
    count: np.ndarray
    category: np.ndarray


def in_view(latitude: np.ndarray, longitude: np.ndarray, view: Viewport) -> np.ndarray:
    """Boolean mask of the points inside the view (a view wider than 360 degrees keeps every longitude)."""
    inside = (latitude >= view.south) & (latitude <= view.north)
    if view.east - view.west >= 360:
        return inside
    west = (view.west + 180) % 360 - 180
    east = (view.east + 180) % 360 - 180
    if west <= east:
        return inside & (longitude >= west) & (longitude <= east)
    return inside & ((longitude >= west) | (longitude <= east))


def default_viewport(center: tuple[float, float], zoom: float, width_px: int = 900,
                     height_px: int = 640) -> Viewport:
    """The view a map of that size (CSS px) shows at ``center`` (lat, lon) and ``zoom``."""
    scale = world_px(zoom)
    half_lon = width_px / 2 / scale * 360.0
    y = float(mercator_y(center[0], scale))
    return Viewport(south=float(latitude_of_y(y + height_px / 2, scale)), west=center[1] - half_lon,
                    north=float(latitude_of_y(y - height_px / 2, scale)), east=center[1] + half_lon,
                    zoom=zoom)


def _cells(lat: np.ndarray, lon: np.ndarray, view: Viewport, cell_px: int) -> tuple[np.ndarray, int]:
    """Screen-cell number of each point (row-major from the north-west corner) and the number of cells.

    Longitude maps linearly to pixels; latitude is binned against the cell
    edges computed once in Web Mercator, so no per-point logarithm is needed.
    """
    scale = world_px(view.zoom)
    px_per_degree = scale / 360.0
    west = view.west
    columns = max(1, math.ceil((view.east - view.west) * px_per_degree / cell_px))
    cell_x = np.minimum(((lon - west) % 360.0 * px_per_degree / cell_px).astype(np.int64), columns - 1)
    top = float(mercator_y(view.north, scale))
    bottom = float(mercator_y(view.south, scale))
    rows = max(1, math.ceil((bottom - top) / cell_px))
    edges = latitude_of_y(top + cell_px * np.arange(1, rows), scale)   # north to south, decreasing
    cell_y = np.searchsorted(-edges, -lat, side="right")
    return cell_x * rows + cell_y, columns * rows


def aggregate_view(latitude: np.ndarray, longitude: np.ndarray, category: np.ndarray, view: Viewport, *,
                   detail_limit: int = DETAIL_LIMIT, cell_px: int = CLUSTER_CELL_PX) -> Aggregation:
    """Individual events when few are in view, else exact counts per screen cell.

    ``category`` holds small non-negative integer codes (the colour category of
    each event); ``latitude``, ``longitude`` are degrees. Nothing is copied
    beyond the events inside the view.
    """
    mask = in_view(latitude, longitude, view)
    indices = np.flatnonzero(mask)
    empty = np.array([], dtype=float)
    if len(indices) <= detail_limit:
        return Aggregation("events", len(indices), indices, empty, empty, np.array([], dtype=int),
                           np.array([], dtype=int))
    lat, lon, codes = latitude[indices], longitude[indices], category[indices].astype(np.int64)
    cell, n_cells = _cells(lat, lon, view, cell_px)
    counts = np.bincount(cell, minlength=n_cells)
    used = np.flatnonzero(counts)
    mean_lat = np.bincount(cell, weights=lat, minlength=n_cells)[used] / counts[used]
    mean_lon = np.bincount(cell, weights=lon, minlength=n_cells)[used] / counts[used]
    n_categories = int(codes.max()) + 1
    per_category = np.bincount(cell * n_categories + codes, minlength=n_cells * n_categories)
    dominant = per_category.reshape(n_cells, n_categories)[used].argmax(axis=1)
    return Aggregation("clusters", len(indices), np.array([], dtype=np.int64), mean_lat, mean_lon,
                       counts[used].astype(np.int64), dominant.astype(np.int64))
