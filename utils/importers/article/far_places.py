"""A doubtful reading of a place far from everywhere else the article is: a nearer reading, or none.

A name read only by a near spelling (a village's name spelt like a far town's), a bare name that only UCDP's list of
localities gives (no 'in' or 'the village of' before it: often a person's name, a square, a district or part of a
group's name, as the list holds the words its reports used for places; or one the text writes without the list's
article, 'Hawayij' for Al Hawayij), or a name several places share, is *doubtful*. When such a
reading lies more than :data:`FAR_KM` from every place of the article read with confidence (an exact name of
a town, a base, a village named after a place word), the text most likely means another place: a reading of
the same name near those places is taken ('Amiriya' of the city the text is about, not its namesake 160 km
away), else the name is no place of the text. A name several places share is also read as the one nearest those
places whenever it is nearer by more than :data:`NAMESAKE_MARGIN_KM` ('Adra' of a text about the Damascus
countryside is UCDP's Adra, not Dar'a, one of whose spellings it is). An article whose places are all doubtful
keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from utils.core.geo import point_km
from utils.data.gazetteer import Place
from utils.importers.article.districts import named_as_district
from utils.importers.article.mentions import PlaceMention
from utils.importers.article.place_names import FACILITY_AFTER
from utils.importers.article.spelling import PLACE_CUE

__all__ = ["FAR_KM", "confident_points", "doubtful", "nearer_readings"]

FAR_KM = 150.0
"""Farther than this (km) from every confidently placed place of an article, a doubtful reading is another place."""
NAMESAKE_MARGIN_KM = 25.0
"""A name several places share is the one nearest the article's other places when it is nearer by more than this."""
_NAMED_KINDS = ("place", "base")
BUILDING_AFTER = re.compile(r"\s+(?:hotel|convent|monastery|church|cathedral|mosque|hospital|clinic|school|university|"
                            r"stadium|bakery|factory)\b", re.IGNORECASE)
"""A building word after a name ('the Safir hotel', 'the Omari mosque'): the name may be the building's own."""
_WHERE_A_PERSON_IS_NAMED = re.compile(r"(?:^|[,;:“\"'(—–-]|\b(?i:as|said|says|told|by|named|called|nicknamed))\s*$")
"""Where a bare name stands as a person's would: opening the sentence or a clause, after a comma ('a volunteer,
Rami, said'), 'as' ('gave his name as Abu Omar'), 'said' or 'by'; not as the object of a verb ('and then X')."""
_IN_A_LONGER_NAME = re.compile(r"\b[A-Z][a-z'’]+\s+$")
"""A capitalised word just before a name ('Jabhat al-X', 'Liwa X'): the name is part of a longer one, a group's."""
_LIST_END = re.compile(r"\b[A-Z][\w'’-]+,?\s+and\s+$")
"""A list's last item ('Qaboun, Barzeh and X'): a name listed with others, most likely a place near them."""
_ARTICLE = re.compile(r"(?:al|el|as|ash|ar|at|ad|adh|az|an|ath)[\s-]+", re.IGNORECASE)
"""The Arabic article opening a name ('Al Hawayij', 'as-Safira')."""


def doubtful(mention: PlaceMention, readings: list[Place], after: str = "", *, bare: bool = True,
             before: str = "") -> bool:
    """True when ``mention`` (resolved to the first of its ``readings``; ``before`` and ``after`` are the text
    around it) rests on a near spelling, names places more than 25 km apart, or (with ``bare``) is a name only
    UCDP's localities give, written without the article the list gives it (:func:`_drops_article`), or bare (no
    word that introduces a place before it: 'in', 'near', 'the village of') and either standing where a person's
    name would (:data:`_WHERE_A_PERSON_IS_NAMED`) or after a capitalised word (:data:`_IN_A_LONGER_NAME`). A name shortened to its distinctive first word ('Baghouz' for Baghuz Fawqani) stands for one place, so
    it is doubtful only when a facility word follows it ('the Jaber crossing': the crossing's name); other names
    with no readings (a list, 'the capital') are not doubtful."""
    if mention.kind not in _NAMED_KINDS or mention.source == "base":
        return False
    if mention.source.endswith("(spelling)"):
        return bool(readings) or bool(FACILITY_AFTER.match(after))
    if not readings:
        return False
    if BUILDING_AFTER.match(after):
        return True  # 'the Safir hotel': a building's name, the town of that name only if it is near
    first = readings[0]
    cue = PLACE_CUE.search(before[-40:])
    if bare and first.population == 0 and first.source == "UCDP" \
            and (_drops_article(mention.text, first.name) or (not cue and _IN_A_LONGER_NAME.search(before[-40:]))
                 or (not cue and _LIST_END.search(before[-40:]))
                 or (not cue and not mention.relation and _WHERE_A_PERSON_IS_NAMED.search(before[-40:]))):
        return True  # 'X' for Al X, 'Liwa X', 'a volunteer, X, said': not the list's village
    return any(point_km(first.latitude, first.longitude, p.latitude, p.longitude) > 25.0 for p in readings[1:])


def _drops_article(text: str, name: str) -> bool:
    """True when the gazetteer's ``name`` opens with the article and the ``text`` naming it does not ('Hawayij' for
    Al Hawayij): a village of that name elsewhere, not the list's locality, most likely."""
    return bool(_ARTICLE.match(name)) and not _ARTICLE.match(text)


def confident_points(mentions: Iterable[tuple[PlaceMention, list[Place], str]]) -> list[tuple[float, float]]:
    """The points of the article's places read with confidence, from (mention, its readings, the text after it):
    named places and bases neither spelt loosely nor shared by far namesakes. A bare locality's name counts ('shelled
    Kafr X'), but never for itself (:func:`nearer_readings` leaves out a mention's own point)."""
    points = {(m.latitude, m.longitude) for m, readings, after in mentions
              if m.kind in _NAMED_KINDS and not doubtful(m, readings, after, bare=False)}
    return sorted(points)


def _distance(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    return min(point_km(lat, lon, a, b) for a, b in points)


def nearer_readings(sentence: str, found: list[PlaceMention], points: list[tuple[float, float]],
                    readings_of) -> list[PlaceMention]:
    """``found`` in ``sentence`` with each doubtful reading more than :data:`FAR_KM` from all ``points`` replaced by
    the nearest reading of its name within that distance, or left out when there is none. ``readings_of(text)``
    gives a name's readings, the one found first. A name the sentence calls a district is left to
    :func:`.districts.city_districts` (the city's district, not a village), and one it places near another
    (:func:`.mentions.anchor_homonyms`: 'the village of X, west of Y') stays where it put it."""
    out: list[PlaceMention] = []
    for mention in found:
        others = [point for point in points if point != (mention.latitude, mention.longitude)]
        readings = readings_of(mention.text) if mention.kind in _NAMED_KINDS and others else []
        if not others or "(near;" in mention.source or named_as_district(sentence, mention) \
                or not doubtful(mention, readings, sentence[mention.end:], before=sentence[:mention.start]):
            out.append(mention)
            continue
        here = _distance(mention.latitude, mention.longitude, others)
        namesake = min(readings[1:], key=lambda p: _distance(p.latitude, p.longitude, others), default=None) \
            if not mention.source.endswith("(spelling)") else None
        if namesake is not None and _distance(namesake.latitude, namesake.longitude, others) + NAMESAKE_MARGIN_KM < here:
            out.append(replace(mention, name=namesake.name, latitude=namesake.latitude, longitude=namesake.longitude,
                               source=f"{namesake.source} (nearer namesake)"))  # 'Adra' of a text about Damascus
            continue
        if here <= FAR_KM:
            out.append(mention)
            continue
        near = [(d, p) for p in readings if (d := _distance(p.latitude, p.longitude, others)) <= FAR_KM]
        if near:
            place = min(near, key=lambda pair: pair[0])[1]
            out.append(replace(mention, name=place.name, latitude=place.latitude, longitude=place.longitude,
                               source=f"{place.source} (nearer reading)"))
    return out
