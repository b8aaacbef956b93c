"""Regions of Syria the extractor knows by name, drawn at a rough centre with geo_precision 3."""

from __future__ import annotations

__all__ = ["REGIONS"]


REGIONS: tuple[tuple[str, str, tuple[float, float]], ...] = (
    ("Russian bases on the Syrian coast",
     r"\bRussian\s+(?:military\s+)?(?:bases|facilities)(?:\s+(?:on\s+the\s+Syrian\s+coast|in\s+Syria))?"
     r"|\bRussian\s+military\s+facilities(?:\s+in\s+Syria)?", (35.4064, 35.9469)),
    ("Syrian coast", r"\b(?:the\s+)?(?:Syrian|Syria's)\s+(?:Mediterranean\s+)?coast(?:line)?\b|\bthe\s+coast\b"
                     r"|\bcoastal\s+(?:region|areas?|provinces|Syria)\b|\bthe\s+coastal\s+mountains\b", (35.15, 35.93)),
    ("North-east Syria", r"\bnorth[- ]?east(?:ern)?\s+(?:of\s+)?Syria\b|\bSyria's\s+north[- ]?east\b"
                         r"|\bthe\s+north[- ]?east(?:\s+of\s+the\s+country)?\b", (36.65, 40.9)),
    ("North-west Syria", r"\bnorth[- ]?west(?:ern)?\s+Syria\b|\bSyria's\s+north[- ]?west\b", (35.9, 36.6)),
    ("Idlib de-escalation zone", r"\b(?:the\s+)?Idlib\s+(?:de-?escalation\s+zone|province|governorate|region)\b"
                                 r"|\bIdlib's\s+de-?escalation\s+zone\b", (35.933, 36.633)),
    ("Northern Syria", r"\bnorthern\s+Syria\b|\bSyria's\s+north\b", (36.3, 37.4)),
    ("Southern Syria", r"\bsouthern\s+Syria\b|\bSyria's\s+south\b", (32.9, 36.4)),
    ("Eastern Syria", r"\beastern\s+Syria\b|\bSyria's\s+east\b", (35.0, 40.2)),
    ("Central Syria", r"\bcentral\s+Syria\b", (34.7, 37.6)),
    ("Syrian desert", r"\b(?:the\s+)?Syrian\s+desert\b|\bthe\s+Badia\b", (34.3, 38.5)),
    ("Hasakah province", r"\b(?:al-)?Hasa[kc]ah?\s+(?:province|governorate)\b", (36.6, 40.9)),
    ("Deir ez-Zor province", r"\bDeir\s+(?:ez|el|al)[- ]Zou?r\s+(?:province|governorate)\b", (35.0, 40.3)),
    ("Raqqa province", r"\bRaqq?a(?:h)?\s+(?:province|governorate)\b", (35.9, 38.8)),
    ("Aleppo province", r"\bAleppo\s+(?:province|governorate)\b", (36.2, 37.4)),
    ("Latakia province", r"\bLatakia\s+(?:province|governorate)\b|\bLattakia\s+(?:province|governorate)\b",
     (35.6, 36.0)),
    ("Tartus province", r"\bTartou?s\s+(?:province|governorate)\b", (34.95, 36.0)),
    ("Homs province", r"\bHoms\s+(?:province|governorate)\b", (34.5, 38.0)),
    ("Hama province", r"\bHama\s+(?:province|governorate)\b", (35.2, 37.0)),
    ("Daraa province", r"\bDara'?a\s+(?:province|governorate)\b", (32.8, 36.2)),
)
"""Regions the extractor knows, first match wins: name, pattern, (latitude, longitude) of a rough centre."""
