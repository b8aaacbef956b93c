"""The offline vector basemap: borders, governorates, rivers, lakes and place names, drawn from data.

No tile server is needed. Polygons are simplified once (about 300 m tolerance) so the map stays light;
GeoJSON order is [longitude, latitude]. The label layers (places, region/sea/country/governorate labels,
airports) and the water layers are optional: a data folder without them draws borders only. Sources,
versions and licences: data/README.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd

__all__ = ["BASEMAP_ATTRIBUTION", "Basemap", "load_basemap"]

BASEMAP_ATTRIBUTION = (
    "Borders: Natural Earth (public domain); governorates: geoBoundaries (CC BY 3.0 IGO), Runfola et al. 2020"
)
LABELS_ATTRIBUTION = "Made with Natural Earth. Place names &#169; GeoNames (geonames.org), CC BY 4.0"
GSHHG_ATTRIBUTION = ("Rivers Orontes, Khabur, Litani, Barada, Yarmouk, Afrin: GSHHG 2.3.6 / WDB II "
                     "(Wessel &amp; Smith), LGPL-3.0")
SIMPLIFY_DEGREES = 0.003
GSHHG_RIVERS = "rivers_gshhg_wdbii_named.geojson"


@dataclass(frozen=True)
class Basemap:
    """GeoJSON FeatureCollections (as JSON-ready dicts) for the offline basemap; empty ones when absent."""

    countries: dict
    governorates: dict
    attribution: str = BASEMAP_ATTRIBUTION
    rivers: dict = field(default_factory=lambda: {"type": "FeatureCollection", "features": []})
    lakes: dict = field(default_factory=lambda: {"type": "FeatureCollection", "features": []})
    places: dict = field(default_factory=lambda: {"type": "FeatureCollection", "features": []})
    labels: dict = field(default_factory=lambda: {"type": "FeatureCollection", "features": []})
    airports: dict = field(default_factory=lambda: {"type": "FeatureCollection", "features": []})
    credits: tuple[str, ...] = ()
    """Attribution lines the map must show for the optional layers it has (HTML-escaped text)."""


def _simplified_geojson(path: Path, keep: dict[str, str]) -> dict:
    frame = gpd.read_file(path).to_crs("EPSG:4326")
    frame = frame.rename(columns=keep)[[*keep.values(), "geometry"]]
    frame["geometry"] = frame.geometry.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    return json.loads(frame.to_json(drop_id=True, to_wgs84=True))


def _optional(path: Path) -> dict | None:
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def load_basemap(data_dir: Path) -> Basemap:
    """Read ``basemap/`` under ``data_dir`` (see data/README.md for sources and licences)."""
    folder = Path(data_dir) / "basemap"
    optional = {name: _optional(folder / f"{name}.geojson") for name in ("places", "labels", "airports", "lakes")}
    rivers = _optional(folder / "rivers.geojson")
    gshhg = _optional(folder / GSHHG_RIVERS)
    credits: list[str] = []
    if optional["places"] or optional["labels"] or rivers or optional["lakes"]:
        credits.append(LABELS_ATTRIBUTION)
    if gshhg:
        credits.append(GSHHG_ATTRIBUTION)
    river_features = (rivers or {}).get("features", []) + (gshhg or {}).get("features", [])
    empty = {"type": "FeatureCollection", "features": []}
    return Basemap(
        countries=_simplified_geojson(folder / "natural_earth_10m_syria_region.geojson", {"name": "name"}),
        governorates=_simplified_geojson(folder / "syria_adm1_geoboundaries.geojson", {"shapeName": "name"}),
        rivers={"type": "FeatureCollection", "features": river_features},
        **{name: value or empty for name, value in optional.items()},
        credits=tuple(credits),
    )
