"""Place names the exact gazetteer look-up misses: other transliterations and shortened names.

:func:`utils.data.gazetteer.fold_name` already folds al-/el-/ad-, ez-/az-, ou/u, kh/h, q/k, e/a and
doubled letters, so Dayr az Zawr and Deir ez-Zor share a key. What it leaves apart, this module joins:

- vowels written differently ('Kuweires' / 'Kuwayris', 'Bukamal' / 'Abu Kamal'): names whose
  consonants match (:func:`skeleton`) and whose folded spelling starts alike and is close (difflib ratio >= 0.84);
- a name shortened to its distinctive first word ('Baghouz' for Baghuz Fawqani, 'Mezzeh' for Mezzeh
  Military Airport), when every place it can stand for is within :data:`SAME_PLACE_KM`.

The caller uses it only for a capitalised name after a word that introduces a place ('in', 'near',
'the village of'), so a person's name is not taken for a village.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from utils.core.geo import haversine_km
from utils.data.gazetteer import Place, fold_name

__all__ = ["GENERIC_FIRST_WORDS", "PLACE_CUE", "SAME_PLACE_KM", "SpellingIndex", "skeleton"]

SAME_PLACE_KM = 25.0
MIN_RATIO = 0.84
GENERIC_FIRST_WORDS = frozenset(fold_name(w) for w in (
    "Tall", "Tell", "Tal", "Ayn", "Ain", "Khirbat", "Khirbet", "Jabal", "Jebel", "Wadi", "Bir", "Kafr", "Deir", "Dayr",
    "Abu", "Umm", "Ras", "Ra's", "Bab", "Beit", "Bayt", "Sheikh", "Shaykh", "Qasr", "Mazraat", "Mazra'at", "Mashrafat",
    "Hawsh", "Hosh", "Marj", "Nahr", "Tel", "Jisr", "Qalaat", "Arab", "Bani", "Ibn", "Sayyid", "Mar", "New", "Old",
    "North", "South", "East", "West", "Upper", "Lower", "Military", "Camp"))
"""First words that many names share ('Tall ...', 'Ayn ...'): never a name's short form on their own."""

PLACE_CUE = re.compile(r"\b(?:in|near|at|outside|around|into|from|towards?|across|inside|nearby|(?:north|south|east|west|"
                       r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|outskirts\s+of|countryside\s+of|"
                       r"(?:town|village|city|district|area|suburb|neighbou?rhood|region|port)\s+of)\s+(?:the\s+)?$",
                       re.IGNORECASE)
"""Words that introduce a place just before a name ('in', 'near', 'the village of')."""


def skeleton(folded: str) -> str:
    """The consonants of a folded name with its words joined, a final ta marbuta dropped: ``skeleton("abu kamal") ==
    "bkml"``, ``skeleton("raqqah") == skeleton("raqqa")``."""
    # a final -ah/-eh is the Arabic ta marbuta, written or not ('Raqqa' and 'Raqqah', 'Tharda' and 'Thurdah')
    return re.sub(r"[aeiou\s]", "", re.sub(r"(?<=[aeiou])h\b", "", folded))


class SpellingIndex:
    """Places by consonant skeleton and by distinctive first word, for the look-ups exact keys miss."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._by_skeleton: dict[str, list[tuple[str, Place]]] = {}
        self._by_first: dict[str, list[Place]] = {}
        for place in places:
            for spelling in (place.name, *place.alt_names):
                key = fold_name(spelling)
                if len(key.replace(" ", "")) < 4 or not re.fullmatch(r"[a-z0-9 ]+", key):
                    continue
                self._by_skeleton.setdefault(skeleton(key), []).append((key.replace(" ", ""), place))
                words = key.split()
                if len(words) > 1 and words[0] not in GENERIC_FIRST_WORDS and len(words[0]) >= 4:
                    self._by_first.setdefault(words[0], []).append(place)

    def closest(self, name: str) -> Place | None:
        """The place ``name`` most likely spells differently, or ``None`` when none is close enough."""
        readings = self.readings(name)
        if readings:
            return readings[0]
        key = fold_name(name)
        if len(key.replace(" ", "")) < 4:
            return None
        words = key.split()
        if len(words) == 1:
            return self._short_form(words[0])
        return None

    def readings(self, name: str) -> list[Place]:
        """Every place ``name`` may spell differently (consonants alike, same first letter, close spelling), the
        likeliest first (closest spelling, then more inhabitants); one entry per place."""
        key = fold_name(name)
        joined = key.replace(" ", "")
        if len(joined) < 4:
            return []
        scored: dict[int, tuple[float, int, Place]] = {}
        for spelled, place in self._by_skeleton.get(skeleton(key), []):
            if spelled[0] != joined[0]:
                continue  # 'Shayrat' is not 'Acharat'
            ratio = difflib.SequenceMatcher(None, joined, spelled).ratio()
            if ratio >= MIN_RATIO and (id(place) not in scored or ratio > scored[id(place)][0]):
                scored[id(place)] = (ratio, place.population, place)
        return [entry[2] for entry in sorted(scored.values(), key=lambda e: e[:2], reverse=True)]

    def _short_form(self, word: str) -> Place | None:
        """The place a distinctive first word stands for, when all its places are one place (within 25 km)."""
        places = self._by_first.get(word, [])
        if not places:
            return None
        first = places[0]
        if all(float(haversine_km(first.latitude, first.longitude, p.latitude, p.longitude)) <= SAME_PLACE_KM
               for p in places[1:]):
            return max(places, key=lambda p: p.population)
        return None
