"""Web Mercator maths, once: world pixels at a zoom, and the view a map of a given size shows.

Positions are (lat, lon) in degrees; pixels are CSS px of Leaflet's world at ``zoom``
(``TILE_PX * 2**zoom`` wide), y growing southwards.
"""

from __future__ import annotations

import math

import numpy as np

from utils.map.style import TILE_PX

__all__ = ["MAX_MERCATOR_LAT", "latitude_of_y", "mercator_y", "world_px"]

MAX_MERCATOR_LAT = 85.05112878


def world_px(zoom: float) -> float:
    """Width of the world in CSS px at ``zoom``."""
    return TILE_PX * 2.0 ** zoom


def mercator_y(latitude: np.ndarray | float, scale: float) -> np.ndarray:
    """Pixel y of ``latitude`` in a world ``scale`` px wide (0 at the north edge)."""
    lat = np.radians(np.clip(latitude, -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT))
    return (1.0 - np.log(np.tan(lat) + 1.0 / np.cos(lat)) / math.pi) / 2.0 * scale


def latitude_of_y(y: np.ndarray | float, scale: float) -> np.ndarray:
    """The latitude at pixel ``y`` of a world ``scale`` px wide (inverse of :func:`mercator_y`)."""
    return np.degrees(np.arctan(np.sinh(math.pi * (1.0 - 2.0 * np.asarray(y, dtype=float) / scale))))
