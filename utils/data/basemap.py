"""The offline vector basemap: country borders and Syria's governorates, drawn from data.

No tile server is needed. The polygons are simplified once (about 300 m
tolerance) so the map stays light; GeoJSON order is [longitude, latitude].
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

__all__ = ["BASEMAP_ATTRIBUTION", "Basemap", "load_basemap"]

BASEMAP_ATTRIBUTION = (
    "Borders: Natural Earth (public domain); governorates: geoBoundaries (CC BY 3.0 IGO), Runfola et al. 2020"
)
SIMPLIFY_DEGREES = 0.003


@dataclass(frozen=True)
class Basemap:
    """GeoJSON FeatureCollections (as JSON-ready dicts) for the offline basemap."""

    countries: dict
    governorates: dict
    attribution: str = BASEMAP_ATTRIBUTION


def _simplified_geojson(path: Path, keep: dict[str, str]) -> dict:
    frame = gpd.read_file(path).to_crs("EPSG:4326")
    frame = frame.rename(columns=keep)[[*keep.values(), "geometry"]]
    frame["geometry"] = frame.geometry.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    return json.loads(frame.to_json(drop_id=True, to_wgs84=True))


def load_basemap(data_dir: Path) -> Basemap:
    """Read ``basemap/`` under ``data_dir`` (see data/README.md for sources and licences)."""
    folder = Path(data_dir) / "basemap"
    return Basemap(
        countries=_simplified_geojson(folder / "natural_earth_10m_syria_region.geojson", {"name": "name"}),
        governorates=_simplified_geojson(folder / "syria_adm1_geoboundaries.geojson", {"shapeName": "name"}),
    )
