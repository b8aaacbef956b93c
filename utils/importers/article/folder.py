"""The extractor's offline tools for one data folder: the place index and the governorate of a point."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from utils.core.geo import governorate_lookup, load_governorates
from utils.data.folder import DataFolder
from utils.data.sites import load_sites
from utils.importers.article.places import PlaceIndex, build_place_index

__all__ = ["governorate_function", "place_index_for"]


def place_index_for(folder: DataFolder, events: pd.DataFrame | None = None) -> PlaceIndex:
    """A place index of the folder's bases, its events' places (``events``, else read from events.csv)
    and GeoNames places in Syria."""
    if events is None and folder.events.exists():
        events = pd.read_csv(folder.events, dtype=str, keep_default_na=False,
                             usecols=lambda c: c in ("location", "latitude", "longitude"))
        events = events[pd.to_numeric(events["latitude"], errors="coerce").notna()
                        & pd.to_numeric(events["longitude"], errors="coerce").notna()]
    return build_place_index(load_sites(folder.sites, file_label="sites.geojson"), events)


def governorate_function(folder: DataFolder) -> Callable[[float, float], str]:
    """``f(latitude, longitude)`` -> the governorate from the folder's polygons ('' outside them)."""
    lookup = governorate_lookup(load_governorates(folder.basemap / "syria_adm1_geoboundaries.geojson"))

    def governorate_of(latitude: float, longitude: float) -> str:
        frame = pd.DataFrame({"latitude": [latitude], "longitude": [longitude]})
        return str(lookup(frame).iloc[0] or "")

    return governorate_of
