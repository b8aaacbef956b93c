"""A city's district named like a village elsewhere: 'the Rawda district' in a report on Damascus is a part of
Damascus, not the village of Ar Rawdah 150 km away.

A name followed by *district*, *neighbourhood*, *quarter*, *market*, *square* or *street* (or by an apposition that
calls it one, or several: 'Ashrafiyeh, two mainly Kurdish neighbourhoods'), or put after 'the industrial area (zone,
city) of' ('the industrial area of Sheikh Najjar', not the village of Sinjar), that the gazetteer only knows as a small place
(a village or locality under :data:`TOWN_POPULATION` inhabitants) lying more than :data:`NAMESAKE_KM` from the
city the text is about (a town named before it in the sentence, else the town 'the city' last meant) is that
city's district: the event is placed at the city, ``geo_precision`` 2 (near the named place). A district named
for a town large enough to head an administrative district ('the Afrin district') stays that town, unless the name only
spells it loosely and it lies more than :data:`FAR_KM` away.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from utils.core.geo import haversine_km
from utils.data.gazetteer import Place
from utils.importers.article.mentions import PlaceMention

__all__ = ["FAR_KM", "NAMESAKE_KM", "TOWN_POPULATION", "city_districts", "named_as_district"]

NAMESAKE_KM = 25.0
"""Farther than this (km) from the city the text is about, a village named like the district is a namesake."""
TOWN_POPULATION = 20_000
"""A place of at least this many inhabitants can name an administrative district ('the Afrin district')."""
FAR_KM = 150.0
"""Farther than this (km) from the city the text is about, a town whose name is only spelt near the district's is no
district of it: 'the al-Maliki district' in a report on Damascus is not al-Malikiyah, 500 km away (the Afrin district,
spelt as the town is, stays Afrin)."""
_DISTRICT_AFTER = re.compile(r"['’]?(?:\s+(?-i:[a-z])[\w-]*)?\s+(?:district|neighbou?rhood|quarter|market|souk|square|street|"
                             r"roundabout)s?\b"
                             # "al-Raml, a poor district that grew up around the camp": the same, in apposition
                             r"|,\s+(?:a|an|the|two|three|both)\s+(?:[\w-]+\s+){0,3}?(?:district|neighbou?rhood|quarter)s?\b(?!\s+of\b)",
                             re.IGNORECASE)
"""What makes a name part of a town: 'the Rawda district', 'the al-Hal vegetable market', 'Karama Square'."""
_DISTRICT_BEFORE = re.compile(r"\b(?:district|neighbou?rhood|quarter|industrial\s+(?:area|zone|city))\s+of\s+(?:the\s+)?$",
                              re.IGNORECASE)
"""The same put before the name: 'the mostly Alawite neighbourhood of Akrama', 'the district of Bab Amr'."""
_VILLAGE_SOURCES = ("GeoNames", "UCDP")


def named_as_district(body: str, mention: PlaceMention) -> bool:
    """True when ``body`` names ``mention`` as a district ('the Rawda district', 'the neighbourhood of Akrama')."""
    return bool(_DISTRICT_AFTER.match(body, mention.end)
                or _DISTRICT_BEFORE.search(body[max(0, mention.start - 40):mention.start]))


def city_districts(body: str, places: list[PlaceMention], city: PlaceMention | None,
                   lookup: Callable[[str], Place | None]) -> list[PlaceMention]:
    """``places`` of ``body`` with each district named like a far-away village moved to its city (a copy).

    ``city`` is the town the text was about before this sentence (or None); ``lookup`` gives a mention's
    gazetteer place by name, for its population and source."""
    out: list[PlaceMention] = []
    for n, mention in enumerate(places):
        loose = mention.source.endswith("(spelling)")  # "al-Maliki" read as Al Malikiyah: a near spelling only
        if mention.kind == "place" and (mention.source in _VILLAGE_SOURCES or loose) and named_as_district(body, mention):
            place = lookup(mention.name)
            earlier = [m for m in places[:n] if m.kind == "place" and not m.reference]
            # "the al-Hal market in al-Bab": a town named just after it, when none was named before
            later = [m for m in places[n + 1:n + 2] if m.kind == "place" and not m.reference
                     and _town_size(lookup(m.name)) >= TOWN_POPULATION]
            town = earlier[-1] if earlier else later[0] if later else city
            km = haversine_km(mention.latitude, mention.longitude, town.latitude, town.longitude) if town else 0.0
            if place is not None and town is not None and town.name != mention.name \
                    and (loose and km > FAR_KM or (place.population < TOWN_POPULATION and km > NAMESAKE_KM)):
                mention = replace(mention, name=town.name, latitude=town.latitude, longitude=town.longitude,
                                  geo_precision=max(2, town.geo_precision), source=f"{town.source} (district of)")
        out.append(mention)
    return out


def _town_size(place: Place | None) -> int:
    return place.population if place is not None else 0
