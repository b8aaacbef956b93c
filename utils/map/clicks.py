"""Turning what st_folium returns after a click into the clicked event or base."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["CLICK_FIELD", "clicked_event_id", "clicked_site_id"]

CLICK_FIELD = "last_object_clicked_tooltip"
"""The one value the map returns: the tooltip text of the clicked marker."""


def _tooltip(returned: Mapping | None) -> str:
    if not returned:
        return ""
    text = returned.get(CLICK_FIELD)
    return text if isinstance(text, str) else ""


def clicked_event_id(returned: Mapping | None, known_ids: Iterable[str]) -> str | None:
    """The id of the clicked event, or ``None``.

    Event tooltips start with the event id followed by ' · ' (the events layer writes them in the
    browser, see :mod:`utils.map.event_layer`); only an id present in
    ``known_ids`` is returned, so a base's tooltip or stale text selects nothing.
    """
    text = _tooltip(returned).strip()
    if not text:
        return None
    head = re.split(r"\s+\u00b7\s+", text, maxsplit=1)[0].strip()
    return head if head in set(known_ids) else None


def clicked_site_id(returned: Mapping | None, sites: Mapping[str, str]) -> str | None:
    """The ``site_id`` of the clicked base, given {site_id: tooltip text}, or ``None``."""
    text = _tooltip(returned).strip()
    for site_id, tooltip in sites.items():
        if text == tooltip.strip():
            return site_id
    return None
