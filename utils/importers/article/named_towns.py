"""Two reports that each name a different town of their own: two events, however near (issue 17)."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from utils.core.geo import haversine_km

if TYPE_CHECKING:
    from utils.importers.article.model import EventCandidate

TOWNS_APART_KM = 6.0
"""Two towns named this far apart are two places, not a city and its suburb."""


def _plain(name: str) -> str:
    """``name`` folded, its diacritics dropped ('Ḩarastā' -> 'harasta')."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def two_named_towns(kept: EventCandidate, later: EventCandidate, sentence_text: dict[int, str]) -> bool:
    """True when ``kept`` and the ``later`` report, told in sentences of their own, each name a different town
    (geo_precision 1) more than :data:`TOWNS_APART_KM` apart ('two strikes hit the market of X'; 'a strike hit a
    farm outside Y'). Not when one place's name holds the other's ('X and Y' and X), nor when the later report
    places itself by the earlier's town ('a hideout in Y, on the edge of X'): that may be one act told closer."""
    if kept.geo_precision != 1 or later.geo_precision != 1 or set(kept.sentences) & set(later.sentences):
        return False
    first, second = _plain(kept.location), _plain(later.location)
    if first in second or second in first:
        return False
    if any(first in _plain(sentence_text.get(n, "")) for n in later.sentences):
        return False
    return float(haversine_km(kept.latitude, kept.longitude, later.latitude, later.longitude)) > TOWNS_APART_KM
