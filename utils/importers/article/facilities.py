"""Air bases and airports by their distinctive name, whatever word follows it: the compact gazetteer's
facilities (UCDP GED localities, CC BY 4.0) are written 'Tiyas Military Airbase', 'Mezzeh Military
Airport', 'Qwaris Military Air Base'; reports write 'the T4 air base', 'Tiyas airbase', 'the Mezzeh
military airport', 'Kuweires airfield'. A name is taken as a facility only when a facility word follows
it, so 'Hama' stays the city and 'Hama military airport' is the air base. Positions are (latitude,
longitude), WGS84 degrees, as the gazetteer gives them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from utils.data.gazetteer import Place, fold_name
from utils.importers.article.spelling import skeleton

__all__ = ["FACILITY_WORDS", "distinctive_name", "facility_keys", "find_facilities"]

FACILITY_WORDS = (r"(?:military\s+)?(?:air\s*base|airbase|air\s+field|airfield|airport|air\s+strip|airstrip|heliport|"
                  r"helipad)|(?:oil|gas)\s+fields?|oilfields?|gasfields?")
"""Words that make a name a facility's: air bases and airports, and the oil and gas fields UCDP lists (where the
US-led coalition keeps bases: 'the al-Omar oil field', 'the Conoco gas field')."""
_STRIP = re.compile(rf"\s+(?:{FACILITY_WORDS})\s*$", re.IGNORECASE)
_MENTION = re.compile(rf"(?P<name>\b(?:T-?\d{{1,2}}|(?:(?:[Aa][ls]|[Ee]l|[Aa][dnrstz]|[Aa]sh)-)?[A-Z][\w'’-]+)(?:\s+(?:(?:al|el|ad|ash|as|az|ez|an|ar|at)-)?[A-Z][\w'’-]+){{0,2}})"
                      rf"\s+(?i:{FACILITY_WORDS})\b")
_LEADING_ARTICLE = re.compile(r"^(?:[Aa][ls]|[Ee]l|[Aa][dnrstz]|[Aa]sh)[- ]")


def distinctive_name(text: str) -> str:
    """The name of a facility mention without its facility word and article: 'the al-Omar oil field' -> 'Omar'."""
    name = _STRIP.sub("", re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE))
    return _LEADING_ARTICLE.sub("", name).strip()


def facility_keys(places: Iterable[Place]) -> dict[str, Place]:
    """Folded distinctive name -> facility, for each place whose name or spelling ends in a facility word."""
    keys: dict[str, Place] = {}
    for place in places:
        for spelling in (place.name, *place.alt_names):
            if not _STRIP.search(spelling):
                continue
            key = fold_name(_STRIP.sub("", spelling)).replace(" ", "")
            if len(key) >= 2:
                keys.setdefault(key, place)
    return keys


def find_facilities(sentence: str, keys: dict[str, Place]) -> list[tuple[int, int, Place]]:
    """(start, end, facility) for each 'NAME air base|airport|airfield' whose name is a known facility's;
    the longest name that is known wins ('Abu al-Duhur airbase', then 'Duhur airbase')."""
    found = []
    for match in _MENTION.finditer(sentence):
        words = match["name"].split()
        for count in range(len(words), 0, -1):
            key = fold_name(" ".join(words[-count:])).replace(" ", "")
            # 'Kuweires' for 'Qwaris', 'Shaer' for 'Shair': the same consonants, the same start (five letters as written)
            if key not in keys and len(re.sub(r"[\W_]+", "", " ".join(words[-count:]))) >= 5:
                key = next((k for k in keys if k[0] == key[0] and skeleton(k) == skeleton(key)), key)
            if key in keys:
                start = match.start("name") + len(match["name"]) - len(" ".join(words[-count:]))
                found.append((start, match.end(), keys[key]))
                break
    return found
