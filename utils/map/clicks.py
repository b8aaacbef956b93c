"""Turning what st_folium returns after a click into the clicked event or base.

The map reports a click as the "tooltip" of the clicked object (st_folium's ``last_object_clicked_tooltip``):
``event:<payload key>:<n>`` for the ``n``-th event of the events payload with that key, ``site:<n>`` for the
``n``-th base (see static/app/core.js and sites.js). Maps drawn by other code report an event's tooltip, whose first
part is the event id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["CLICK_FIELD", "COUNT_FIELD", "Click", "clicked_event_id", "clicked_site_id", "parse_click"]

CLICK_FIELD = "last_object_clicked_tooltip"
"""The value the map returns for a click: what the clicked object says it is."""
COUNT_FIELD = "last_object_clicked_count"
"""How many clicks the map has reported: a new number is a new click."""
_TOKEN = re.compile(r"^(event):([0-9a-f]{1,64}):(\d{1,9})$|^(site):(\d{1,6})$")


@dataclass(frozen=True)
class Click:
    """A click on the map: ``kind`` 'event' (``key`` of the payload, ``index`` in it) or 'site' (``index``)."""

    kind: str
    index: int
    key: str = ""


def _tooltip(returned: Mapping | None) -> str:
    if not returned:
        return ""
    text = returned.get(CLICK_FIELD)
    return text.strip() if isinstance(text, str) else ""


def parse_click(returned: Mapping | None) -> Click | None:
    """The click the map reported, or ``None`` for anything else (nothing clicked, stale or foreign text)."""
    match = _TOKEN.match(_tooltip(returned))
    if not match:
        return None
    if match.group(1):
        return Click("event", int(match.group(3)), match.group(2))
    return Click("site", int(match.group(5)))


def clicked_event_id(returned: Mapping | None, known_ids: Iterable[str]) -> str | None:
    """The id of the clicked event from an event tooltip ('id · date · ...'), or ``None``.

    Only an id present in ``known_ids`` is returned, so a base's tooltip or stale text selects nothing.
    """
    text = _tooltip(returned)
    if not text:
        return None
    head = re.split(r"\s+\u00b7\s+", text, maxsplit=1)[0].strip()
    return head if head in set(known_ids) else None


def clicked_site_id(returned: Mapping | None, sites: Mapping[str, str]) -> str | None:
    """The ``site_id`` of the clicked base, given {site_id: tooltip text}, or ``None``."""
    text = _tooltip(returned)
    for site_id, tooltip in sites.items():
        if text == tooltip.strip():
            return site_id
    return None
