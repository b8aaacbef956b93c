"""Place checks for imported events: governorates, and latitude/longitude swapped.

Both use the polygons under ``data/basemap`` (see data/README.md): the
geoBoundaries governorates and Natural Earth's Syria. Coordinates are WGS84
degrees; shapely and GeoJSON take (longitude, latitude).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from utils.core.geo import governorate_lookup, load_governorates

__all__ = ["Places", "load_places"]

COAST_TOLERANCE_DEGREES = 0.05
"""About 5 km: a point this close to Syria counts as inside it (the polygons' coastline is coarse)."""


@dataclass(frozen=True)
class Places:
    """Syria's outline and a governorate lookup for events frames."""

    syria: shapely.Geometry
    syria_with_coast: shapely.Geometry
    fill_admin1: Callable[[pd.DataFrame], pd.Series]

    def is_swapped(self, latitude: pd.Series, longitude: pd.Series) -> pd.Series:
        """True where (latitude, longitude) lies outside Syria but (longitude, latitude) lies inside it."""
        lat = latitude.to_numpy(dtype=float)
        lon = longitude.to_numpy(dtype=float)
        min_x, min_y, max_x, max_y = shapely.bounds(self.syria)
        # Swapped, the latitude is the x (longitude) and the longitude the y.
        candidates = (lat >= min_x) & (lat <= max_x) & (lon >= min_y) & (lon <= max_y)
        flagged = pd.Series(False, index=latitude.index)
        if candidates.any():
            inside_swapped = shapely.contains_xy(self.syria, lat[candidates], lon[candidates])
            inside_original = shapely.contains_xy(self.syria_with_coast, lon[candidates], lat[candidates])
            flagged[candidates] = inside_swapped & ~inside_original
        return flagged


@lru_cache(maxsize=4)
def load_places(data_dir: str) -> Places:
    """Read the polygons under ``data_dir/basemap`` once per process."""
    folder = Path(data_dir) / "basemap"
    countries = gpd.read_file(folder / "natural_earth_10m_syria_region.geojson").to_crs("EPSG:4326")
    syria = shapely.union_all(countries.loc[countries["name"] == "Syria", "geometry"].to_numpy())
    with_coast = syria.buffer(COAST_TOLERANCE_DEGREES)
    shapely.prepare(syria)
    shapely.prepare(with_coast)
    lookup = governorate_lookup(load_governorates(folder / "syria_adm1_geoboundaries.geojson"))
    return Places(syria=syria, syria_with_coast=with_coast, fill_admin1=lookup)
