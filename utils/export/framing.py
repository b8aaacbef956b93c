"""Framing an export: the view (centre and zoom) that shows the filtered events in a map of a given size.

Leaflet draws in Web Mercator: at zoom ``z`` the world is ``256 * 2**z`` CSS
pixels wide, so a view is fixed by its centre and zoom and the map's size.
:func:`frame_events` fits the events' bounding box into the map less a margin
(room for the numbered fans and the map's corners), at most
:data:`MAX_FRAME_ZOOM`; when the events spread across Syria (framing them would
zoom in by less than :data:`SYRIA_SLACK_ZOOM` over the view of all of Syria) it
shows all of Syria. Positions are (lat, lon) in degrees; pixels are (x, y), y down.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from utils.export.permalink import MAX_ZOOM, MIN_ZOOM, MapView

__all__ = ["FRAME_MARGIN_PX", "MAX_FRAME_ZOOM", "SYRIA_BOUNDS", "SYRIA_SLACK_ZOOM", "ZOOM_STEP", "Bounds",
           "fit_bounds", "frame_events", "from_pixel", "points_bounds", "to_pixel", "view_bounds"]

TILE_PX = 256
MAX_LAT = 85.05112878
ZOOM_STEP = 0.25
"""The map's zoom snap (``zoomSnap`` in :func:`utils.map.mapping.build_base_map`): a framed zoom is a multiple."""
MAX_FRAME_ZOOM = 10.0
"""The closest a framed export zooms in (about 1:500,000 on a slide): a single place keeps its surroundings."""
SYRIA_SLACK_ZOOM = 0.75
"""Frames that zoom in less than this over the all-of-Syria view show all of Syria instead."""
FRAME_MARGIN_PX = 56
"""Room left around the events (CSS px): a fan's outer markers, the scale bar, the attribution."""

Bounds = tuple[float, float, float, float]
"""(south, west, north, east) in degrees."""

SYRIA_BOUNDS: Bounds = (32.31, 35.72, 37.32, 42.38)
"""Syria's bounding box (Natural Earth 1:10m polygon of ``data/basemap``, rounded outwards)."""


def to_pixel(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """Web Mercator world pixel (x, y) of (lat, lon) at ``zoom`` (y grows southwards)."""
    scale = TILE_PX * 2.0 ** zoom
    phi = math.radians(min(max(lat, -MAX_LAT), MAX_LAT))
    x = (lon + 180.0) / 360.0 * scale
    y = (1 - math.log(math.tan(phi) + 1 / math.cos(phi)) / math.pi) / 2 * scale
    return x, y


def from_pixel(x: float, y: float, zoom: float) -> tuple[float, float]:
    """(lat, lon) of the Web Mercator world pixel (x, y) at ``zoom``; the inverse of :func:`to_pixel`."""
    scale = TILE_PX * 2.0 ** zoom
    lon = x / scale * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / scale))))
    return lat, lon


def view_bounds(view: MapView, map_px: tuple[int, int]) -> Bounds:
    """(south, west, north, east) that a map of ``map_px`` (width, height) CSS px shows at ``view``."""
    cx, cy = to_pixel(*view.center, view.zoom)
    width, height = map_px
    north, west = from_pixel(cx - width / 2, cy - height / 2, view.zoom)
    south, east = from_pixel(cx + width / 2, cy + height / 2, view.zoom)
    return south, west, north, east


def points_bounds(points: Iterable[tuple[float, float]]) -> Bounds | None:
    """The bounding box of (lat, lon) points, or ``None`` for none."""
    lats, lons = [], []
    for lat, lon in points:
        lats.append(float(lat))
        lons.append(float(lon))
    if not lats:
        return None
    return min(lats), min(lons), max(lats), max(lons)


def fit_bounds(bounds: Bounds, map_px: tuple[int, int], *, margin_px: float = FRAME_MARGIN_PX,
               max_zoom: float = MAX_ZOOM) -> MapView:
    """The closest view (zoom a multiple of :data:`ZOOM_STEP`, at most ``max_zoom``) whose map of ``map_px``
    (width, height) CSS px shows ``bounds`` with ``margin_px`` to spare on every side, centred on them."""
    south, west, north, east = bounds
    if not (south <= north and west <= east):
        raise ValueError(f"bounds {bounds} are not (south, west, north, east)")
    x0, y0 = to_pixel(north, west, 0)
    x1, y1 = to_pixel(south, east, 0)
    room_x = max(1.0, map_px[0] - 2 * margin_px)
    room_y = max(1.0, map_px[1] - 2 * margin_px)
    span_x, span_y = x1 - x0, y1 - y0
    fits = [math.log2(room / span) for room, span in ((room_x, span_x), (room_y, span_y)) if span > 1e-12]
    zoom = min([max_zoom, *fits])
    zoom = math.floor(zoom / ZOOM_STEP + 1e-9) * ZOOM_STEP
    zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
    center = from_pixel((x0 + x1) / 2, (y0 + y1) / 2, 0)
    return MapView(center, zoom)


def frame_events(points: Iterable[tuple[float, float]], map_px: tuple[int, int], *,
                 margin_px: float = FRAME_MARGIN_PX) -> MapView:
    """The view an export opens at when none is given: the events ((lat, lon) points) framed in a map of
    ``map_px`` (width, height) CSS px, or all of Syria when there are none or they spread across it."""
    syria = fit_bounds(SYRIA_BOUNDS, map_px, margin_px=8)
    bounds = points_bounds(points)
    if bounds is None:
        return syria
    framed = fit_bounds(bounds, map_px, margin_px=margin_px, max_zoom=MAX_FRAME_ZOOM)
    south, west, north, east = bounds
    s_south, s_west, s_north, s_east = SYRIA_BOUNDS
    inside_syria = s_south <= south and north <= s_north and s_west <= west and east <= s_east
    if inside_syria and framed.zoom < syria.zoom + SYRIA_SLACK_ZOOM:
        return syria
    return framed
