"""A city's district the gazetteer does not know, defined once by the text: 'the al-Waer district of Homs city',
'Qaboun, a rebel-held district on the north-eastern edge of Damascus'. The name is that city (``geo_precision`` 2,
near the named place) there and wherever the text names it again ('air strikes on al-Waer', 'buses left Qaboun'),
where nothing else reads it.

Only a name the place index did not read, put before a district word and 'of' a town the sentence names, is learnt:
'the Rawda district', a village's namesake, is :mod:`.districts`' case, and 'the district of Bab Amr' names no city.
"""

from __future__ import annotations

import re
from dataclasses import replace

from utils.importers.article.mentions import PlaceMention, relation_before

__all__ = ["DISTRICT_SOURCE", "district_mentions", "learn_unknown_districts"]

DISTRICT_SOURCE = "(unknown district of)"
"""The source suffix of a mention placed so, after the city's own source."""
_PREFIX = r"(?:(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)-)?"
_NAME = rf"(?P<name>{_PREFIX}(?-i:[A-Z])[\w'’-]+(?:\s+{_PREFIX}(?-i:[A-Z])[\w'’-]+)?)"
_DISTRICT_WORD = r"(?:district|neighbou?rhood|quarter)"
_CITY_OF = r"\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$"
_DEFINED = (
    # "the al-Waer district of Homs city", "the Qaboun neighbourhood of Damascus"
    re.compile(rf"\bthe\s+(?:(?-i:[a-z])[\w-]+\s+)?{_NAME}\s+{_DISTRICT_WORD}{_CITY_OF}", re.IGNORECASE),
    # "Qaboun, a rebel-held district on the north-eastern edge of Damascus", "X, a poor district of Aleppo"
    re.compile(rf"{_NAME},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_DISTRICT_WORD}(?:\s+(?:on|in|at)\s+the\s+"
               rf"(?:[\w-]+\s+){{0,2}}?(?:edge|outskirts|side|part|fringe)s?)?{_CITY_OF}", re.IGNORECASE),
)
_NOT_A_NAME = re.compile(r"(?:The|A|An|This|That|Its|Their|One|Old|New|Syria|Syrian|Alawite|Kurdish|Christian|Sunni|"
                         r"Shia|Shiite|Druze|Armenian|Arab|Turkmen|Assyrian|Ismaili|Palestinian|(?:East|West|North|"
                         r"South)(?:ern)?|Central|Government|Rebel|Opposition)$")
"""A word that describes a district ('the mainly Kurdish district of Aleppo'), no name of one."""


def _key(name: str) -> str:
    return re.sub(rf"^{_PREFIX}", "", name).lower()


def learn_unknown_districts(body: str, found: list[PlaceMention],
                            districts: dict[str, PlaceMention]) -> list[PlaceMention]:
    """Learn into ``districts`` (by name, without its article) each district of ``body`` named as a town's that
    ``found`` (the sentence's places) does not read; the town is a place of ``found``, and there only locates the
    district (``found`` is given back with it a reference)."""
    out = list(found)
    for n, city in enumerate(found):
        if city.kind != "place" or city.reference:
            continue
        before = body[max(0, city.start - 160):city.start]
        offset = max(0, city.start - 160)
        for pattern in _DEFINED:
            match = pattern.search(before)
            if match is None or _NOT_A_NAME.match(match["name"]):
                continue
            start, end = offset + match.start("name"), offset + match.end("name")
            if any(m.start < end and start < m.end for m in found):
                continue  # the index reads the name: a place of its own, or districts.py's namesake
            districts.setdefault(_key(match["name"]), replace(
                city, name=match["name"], geo_precision=max(2, city.geo_precision), reference=False, relation="",
                source=f"{city.source} {DISTRICT_SOURCE}"))
            out[n] = replace(city, reference=True)
            break
    return out


def district_mentions(body: str, found: list[PlaceMention], districts: dict[str, PlaceMention]) -> list[PlaceMention]:
    """Mentions in ``body`` of the districts learnt before, where ``found`` reads nothing."""
    extra: list[PlaceMention] = []
    for key, district in districts.items():
        for match in re.finditer(rf"\b{_PREFIX}{re.escape(key)}\b", body, re.IGNORECASE):
            if not match.group()[len(match.group()) - len(key)].isupper():
                continue  # "the waer" in lower case is no name
            if all(match.end() <= m.start or match.start() >= m.end for m in [*found, *extra]):
                extra.append(replace(district, start=match.start(), end=match.end(), text=match.group(),
                                     relation=relation_before(body, match.start())))
    return extra
