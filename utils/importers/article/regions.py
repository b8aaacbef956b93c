"""Regions of Syria the extractor knows by name, drawn at a rough centre with geo_precision 3."""

from __future__ import annotations

import re
from dataclasses import replace

__all__ = ["GOVERNORATES", "REGIONS", "province_lists", "unknown_village_province"]

GOVERNORATES: tuple[tuple[str, str, tuple[float, float]], ...] = (
    ("Hasakah", r"(?:al-)?Hasa[kc]ah?", (36.6, 40.9)), ("Deir ez-Zor", r"Deir\s+(?:ez|el|al)[- ]Zou?r", (35.0, 40.3)),
    ("Raqqa", r"Raqq?a(?:h)?", (35.9, 38.8)), ("Aleppo", r"Aleppo", (36.2, 37.4)),
    ("Latakia", r"Latt?akia", (35.6, 36.0)), ("Tartus", r"Tartou?s", (34.95, 36.0)), ("Homs", r"Homs", (34.5, 38.0)),
    ("Hama", r"Hama", (35.2, 37.0)), ("Daraa", r"Dara'?a|Deraa", (32.8, 36.2)),
    ("Quneitra", r"Quneitra|Qunaytirah", (33.1, 35.85)), ("Suwayda", r"Suwayda|Sweida|Suweida", (32.7, 36.7)),
    ("Damascus countryside", r"Damascus|Rif Dimashq", (33.6, 36.6)),
)
"""Governorates: name, how it is spelled, (latitude, longitude) of a rough centre; 'Idlib province' is the
de-escalation zone (above)."""

REGIONS: tuple[tuple[str, str, tuple[float, float]], ...] = (
    ("Russian bases on the Syrian coast",
     r"\bRussian\s+(?:military\s+)?(?:bases|facilities)(?:\s+(?:on\s+the\s+Syrian\s+coast|in\s+Syria))?"
     r"|\bRussian\s+military\s+facilities(?:\s+in\s+Syria)?", (35.4064, 35.9469)),
    ("Syrian coast", r"\b(?:the\s+)?(?:Syrian|Syria's)\s+(?:Mediterranean\s+)?coast(?:line)?\b|\bthe\s+coast\b"
                     r"|\bcoastal\s+(?:region|areas?|provinces|Syria)\b|\bthe\s+coastal\s+mountains\b", (35.15, 35.93)),
    ("North-east Syria", r"\bnorth[- ]?east(?:ern)?\s+(?:of\s+)?Syria\b|\bSyria's\s+north[- ]?east\b"
                         # "two wells to the north-east", "in the north-east of the city": a direction, no region
                         r"|(?<!to )(?<!from )\bthe\s+north[- ]?east(?:\s+of\s+the\s+country)?\b(?!\s+(?:of\s+the\s+"
                         r"(?!country)\w+|corner|side|edge|part|wall|gate)\b)", (36.65, 40.9)),
    ("North-west Syria", r"\bnorth[- ]?west(?:ern)?\s+Syria\b|\bSyria's\s+north[- ]?west\b", (35.9, 36.6)),
    ("Idlib de-escalation zone", r"\b(?:the\s+)?Idlib\s+(?:de-?escalation\s+zone|province|governorate|region|"
                                 r"countryside)\b|\bIdlib's\s+de-?escalation\s+zone\b|\b(?:province|governorate)\s+"
                                 r"of\s+Idlib\b|\bthe\s+de-?escalation\s+zone\b", (35.933, 36.633)),
    ("Northern Syria", r"\bnorthern\s+Syria\b|\bSyria's\s+north\b", (36.3, 37.4)),
    ("Southern Syria", r"\bsouthern\s+Syria\b|\bSyria's\s+south\b", (32.9, 36.4)),
    ("Eastern Syria", r"\beastern\s+Syria\b|\bSyria's\s+east\b", (35.0, 40.2)),
    ("Western Syria", r"\bwestern\s+Syria\b|\bSyria's\s+west\b", (35.0, 36.2)),
    ("South-west Syria", r"\bsouth[- ]?west(?:ern)?\s+Syria\b|\bSyria's\s+south[- ]?west\b", (32.9, 36.0)),
    ("South-east Syria", r"\bsouth[- ]?east(?:ern)?\s+Syria\b|\bSyria's\s+south[- ]?east\b", (33.4, 38.5)),
    ("Central Syria", r"\bcentral\s+Syria\b", (34.7, 37.6)),
    ("Eastern Ghouta", r"\b(?:[Ee]astern\s+Ghouta|the\s+Ghouta)\b", (33.5, 36.44)),
    ("Syrian desert", r"\b(?:the\s+)?Syrian\s+desert\b|\bthe\s+Badia\b", (34.3, 38.5)),
) + tuple(
    (name if name.endswith("countryside") else f"{name} province", rf"\b(?:{spelled})\s+(?:province|governorate|countryside)\b|\b(?:province|governorate|"
                         rf"countryside)\s+of\s+(?:{spelled})\b|\brural\s+(?:{spelled})\b", centre)
    for name, spelled, centre in GOVERNORATES)
"""Regions the extractor knows, first match wins: name, pattern, (latitude, longitude) of a rough centre."""


_ANY = "|".join(f"(?:{spelled})" for _, spelled, _ in (*GOVERNORATES, ("Idlib", "Idlib", None)))
_LIST = re.compile(rf"\b(?:{_ANY})(?:\s*,\s*(?:{_ANY}))*\s*,?\s+and\s+(?:{_ANY})\s+(?:provinces|governorates)\b"
                   rf"|\b(?:provinces|governorates)\s+of\s+(?:{_ANY})(?:\s*,\s*(?:{_ANY}))*\s*,?\s+and\s+(?:{_ANY})\b")


def province_lists(sentence: str) -> list[tuple[int, int, str, tuple[float, float]]]:
    """Each province of a list ('in Latakia, Aleppo and Hama provinces'): (start, end, region name, centre)."""
    found = []
    for listed in _LIST.finditer(sentence):
        for name, spelled, centre in (*GOVERNORATES, ("Idlib", "Idlib", (35.933, 36.633))):
            for match in re.finditer(rf"\b(?:{spelled})\b", listed.group()):
                label = "Idlib de-escalation zone" if name == "Idlib" else f"{name} province"
                found.append((listed.start() + match.start(), listed.start() + match.end(), label, centre))
    return sorted(found)


_UNKNOWN_VILLAGE_IN = re.compile(r"\b(?:village|town|hamlet)\s+of\s+(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?[A-Z][\w'’-]+"
                                 r"(?:\s+(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?[A-Z][\w'’-]+){0,2}\s+in\s+(?:the\s+)?$")


def unknown_village_province(sentence: str, mentions: list) -> list:
    """'the village of Shaab in Suwayda', when the gazetteer lacks the village: 'Suwayda' is the governorate the
    village is in (a region, geo_precision 3), not the city of that name. A village found keeps the sentence's
    mentions as they are."""
    out = []
    for mention in mentions:
        before = _UNKNOWN_VILLAGE_IN.search(sentence[max(0, mention.start - 60):mention.start])
        village_start = mention.start - (len(sentence[max(0, mention.start - 60):mention.start]) - before.start()) \
            if before else -1
        found_village = any(m is not mention and village_start <= m.start < mention.start and m.kind in ("place", "base")
                            for m in mentions)
        province = next(((name, centre) for name, spelled, centre in GOVERNORATES
                         if re.fullmatch(spelled, mention.text, re.IGNORECASE)), None) if mention.kind == "place" else None
        if before is not None and province is not None and not found_village:
            name, (lat, lon) = province
            mention = replace(mention, name=name if name.endswith("countryside") else f"{name} province", latitude=lat,
                              longitude=lon, geo_precision=3, kind="region", source="region")
        out.append(mention)
    return out
