"""A name several places bear, put in a province by the sentence: 'the Druze town of Hadar in Syria's Quneitra
province' is the Hadar of Quneitra, not a village of the same name near Aleppo, 300 km away. The reading nearest the
province's centre is taken, when it is nearer by more than :data:`MARGIN_KM` than the one read first; the text's
later bare 'Hadar' stays there (:meth:`.context.ReadingContext.placed_as_before`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from utils.core.geo import point_km
from utils.data.gazetteer import Place
from utils.importers.article.mentions import PlaceMention

__all__ = ["IN_PROVINCE", "MARGIN_KM", "reading_in_province"]

MARGIN_KM = 25.0
"""How much nearer the province's centre another reading must lie to be taken."""
IN_PROVINCE = "(in the province named)"
"""The source suffix of a mention so placed."""
_IN = re.compile(r",?\s+in\s+(?:the\s+)?(?:(?-i:Syria)['’]s\s+)?(?:(?:northern|southern|eastern|western|central|rural|"
                 r"north-?\w+|south-?\w+)\s+)?", re.IGNORECASE)
"""What stands between the place and its province: 'X in Syria's Quneitra province', 'X, in the southern Daraa
province'."""


def reading_in_province(sentence: str, mentions: list[PlaceMention],
                        readings_of: Callable[[str], list[Place]]) -> list[PlaceMention]:
    """``mentions`` of ``sentence`` with each place put 'in' a province just after it read as the namesake nearest
    that province (a copy); ``readings_of(text)`` gives a name's gazetteer readings."""
    out = list(mentions)
    for n in range(len(out) - 1):
        place, province = out[n], out[n + 1]
        if place.kind != "place" or province.kind != "region" or not province.name.endswith((" province",
                                                                                          " countryside")):
            continue
        if not _IN.fullmatch(sentence[place.end:province.start]):
            continue
        here = point_km(place.latitude, place.longitude, province.latitude, province.longitude)
        nearest = min(readings_of(place.text), default=None,
                      key=lambda p: point_km(p.latitude, p.longitude, province.latitude, province.longitude))
        if nearest is None or point_km(nearest.latitude, nearest.longitude, province.latitude,
                                  province.longitude) + MARGIN_KM >= here:
            continue
        out[n] = replace(place, name=nearest.name, latitude=nearest.latitude, longitude=nearest.longitude,
                         source=f"{nearest.source} {IN_PROVINCE}")
    return out
