"""The link: the only code that reads or writes ``st.query_params``.

Every parameter the dashboard keeps in its address is listed once in
:data:`LINK_PARAMETERS`, with the part of the page that owns it. A part reads
its value with ``read_*`` (which also says what in the link could not be used)
and writes it back with ``write_*``; writing one part never touches another's
parameters, nor parameters nobody owns (kept as they came).

Owners: ``filter`` (:class:`~utils.analysis.filters.EventFilter`: dates,
facets, distance, toggles), ``view`` (the map's centre and zoom,
:class:`~utils.export.permalink.MapView`), ``map`` (colours, heatmap, rings,
:class:`~utils.map.settings.MapSettings`) and ``collection`` (which saved
collection of events is served; read and written here for the store).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from utils.analysis.facets import FACETS
from utils.analysis.filters import FILTER_QUERY_KEYS, SEARCH_KEY, EventFilter
from utils.export.permalink import VIEW_KEYS, MapView, view_from_query
from utils.map.settings import MAP_QUERY_KEYS, MapSettings

__all__ = ["COLLECTION_KEY", "LINK_PARAMETERS", "OWNERS", "LinkParameter", "current_link", "forget",
           "read_collection", "read_filter", "read_map_settings", "read_view", "write", "write_collection",
           "write_filter", "write_map_settings", "write_view"]

Link = dict[str, list[str]]
"""The link's parameters: every value of each key, in order."""


@dataclass(frozen=True)
class LinkParameter:
    """One link parameter: its ``key``, the ``owner`` that reads and writes it, what it ``means``."""

    key: str
    owner: str
    means: str


COLLECTION_KEY = "collection"

_MEANINGS: dict[str, str] = {
    "start": "first day of the date window, YYYY-MM-DD (absent: the data's first day)",
    "end": "last day of the date window, YYYY-MM-DD (absent: the data's last day)",
    **{facet.query_key: f"one chosen value of the {facet.label!r} filter; repeat the key for several"
       for facet in FACETS},
    SEARCH_KEY: "text search over place, notes, actors, outlet and claimant (words, \"quoted phrases\")",
    "site": "keep events near this base (site_id, with radius_km)",
    "radius_km": "distance from the base in km (with site)",
    "retired": "1: show retired events too",
    "precise": "1: precise places only",
    "corroborated": "1: incidents that 2+ independent outlets report",
    "region": "1: only events inside the region (Syria and about 300 km around it)",
    "lat": "map centre latitude, degrees (with lon and zoom)",
    "lon": "map centre longitude, degrees (with lat and zoom)",
    "zoom": "map zoom level, 4 to 17 (with lat and lon)",
    "colour": "what colours the events (event_type, sub_event_type, status, source, claimed_by)",
    "heat": "1: show events as a heatmap",
    "rings": "range rings around each base in km, e.g. 3,10,70",
    COLLECTION_KEY: "a collection of events to show (its id in the store); repeat the key for several",
}

OWNERS: dict[str, tuple[str, ...]] = {
    "filter": FILTER_QUERY_KEYS,
    "view": VIEW_KEYS,
    "map": MAP_QUERY_KEYS,
    "collection": (COLLECTION_KEY,),
}
"""Each owner's parameters, in the order they appear in the link."""

LINK_PARAMETERS: tuple[LinkParameter, ...] = tuple(
    LinkParameter(key=key, owner=owner, means=_MEANINGS[key]) for owner, keys in OWNERS.items() for key in keys)
"""Every parameter the dashboard reads from or writes to its address."""


def current_link() -> Link:
    """The parameters in the address now, every value of each key."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def write(owner: str, query: dict[str, str | list[str]]) -> None:
    """Make ``owner``'s parameters in the address exactly ``query`` (only keys ``owner`` owns); leave the rest.

    The address is rewritten only when something changed (a rewrite is a
    history entry in the browser).
    """
    keys = OWNERS[owner]
    stray = [key for key in query if key not in keys]
    if stray:
        raise KeyError(f"{owner} does not own link parameter(s) {', '.join(stray)}; see ui/url_state.py OWNERS")
    current = current_link()
    wanted = {key: (value if isinstance(value, list) else [value]) for key, value in query.items() if value != []}
    mine = {key: values for key, values in current.items() if key in keys}
    if mine == wanted:
        return
    others = {key: values for key, values in current.items() if key not in keys}
    merged = {**others, **wanted}
    st.query_params.from_dict({key: (values[0] if len(values) == 1 else values) for key, values in merged.items()})


def forget(owner: str) -> None:
    """Drop ``owner``'s parameters from the address."""
    write(owner, {})


def read_filter() -> tuple[EventFilter, list[str]]:
    """The filter in the address and messages about parameters that could not be used."""
    return EventFilter.from_query(current_link())


def write_filter(value: EventFilter, *, open_start: bool = False, open_end: bool = False) -> None:
    """Put ``value`` in the address; ``open_start`` / ``open_end`` leave out a date that is the data's own
    first / last day (so the link keeps following the data as it grows)."""
    query = value.to_query()
    if open_start:
        query.pop("start", None)
    if open_end:
        query.pop("end", None)
    write("filter", query)


def read_view() -> tuple[MapView | None, list[str]]:
    """The map view (centre and zoom) in the address, or ``None``, and messages about what was ignored."""
    return view_from_query(current_link())


def write_view(view: MapView) -> None:
    """Put the map's centre and zoom in the address."""
    write("view", dict(view.to_query()))


def read_map_settings() -> tuple[MapSettings, list[str]]:
    """The map settings in the address (defaults for what is absent) and messages about what was ignored."""
    return MapSettings.from_query(current_link())


def write_map_settings(settings: MapSettings) -> None:
    """Put the map settings in the address (defaults are left out)."""
    write("map", dict(settings.to_query()))


def read_collection() -> tuple[str, ...]:
    """The collections named in the address (``collection=ID`` once each; blank ones dropped), in order."""
    names = (name.strip() for name in current_link().get(COLLECTION_KEY, []))
    return tuple(dict.fromkeys(name for name in names if name))


def write_collection(names: tuple[str, ...] | list[str]) -> None:
    """Name the served collections in the address (none: the parameter is removed, meaning all)."""
    write("collection", {COLLECTION_KEY: list(names)} if names else {})
