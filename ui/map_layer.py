"""The dashboard's events layer, built once per filter change and kept while the user pans, zooms and clicks.

The layer's plan and its payload are kept for the whole server (every session with the same filter shares
them), so that a rerun for a pan sends exactly the same layer (streamlit-folium then keeps the map as it is).
A session remembers only which events its last few payloads held, as a reference to the shared plan's ids,
so that a click on the map, which names an event by its position in that payload, is read back to the
event's id (:func:`event_of_click`).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import folium
import pandas as pd
import streamlit as st

from ui.masks import SHOWN_SECONDS
from ui.view import View
from utils.analysis.facets import column_counts
from utils.analysis.filters import EventFilter
from utils.core.schema import DISPLAY_LABELS
from utils.map.aggregate import Viewport
from utils.map.clicks import Click
from utils.map.settings import COLOR_BY_CHOICES, MapSettings
from utils.map.style import BROWSER_LIMIT, DETAIL_LIMIT, category_colors, informative_color_by
from utils.map.view_layer import ViewPlan, build_plan_layer, shared_layer

__all__ = ["MapLayer", "event_of_click", "events_layer"]

_PAYLOADS = "map_payloads"
"""Session key: payload key -> event ids in payload order (the last few, for clicks that arrive late), each the
shared plan's ``event_id`` column, not a copy (102,201 ids as a list were 6.7 MB per payload per session)."""
_RING = "map_ring"
"""Session key: (payload key, event id) the layer rings; follows the selection only when the server changed it."""
_KEEP = 4
PLANS_KEPT = 16
"""Most layer plans (with their payloads) kept for the whole server: a new session's first run, and the run
st_folium asks for when it reports the map's bounds, find the plan another session made for the same filter and
view. Each holds at most :data:`utils.map.style.BROWSER_LIMIT` events' ids and their payload."""


@dataclass(frozen=True)
class MapLayer:
    layer: folium.FeatureGroup
    plan: ViewPlan
    color_by: str
    note: str
    key: str


def _remember(key: str, ids: pd.Series) -> None:
    known: OrderedDict = st.session_state.setdefault(_PAYLOADS, OrderedDict())
    known[key] = ids
    known.move_to_end(key)
    while len(known) > _KEEP:
        known.popitem(last=False)


def event_of_click(click: Click) -> str | None:
    """The id of the event a map click names, if its payload is one this session was sent."""
    ids = st.session_state.get(_PAYLOADS, {}).get(click.key)
    if ids is None or not 0 <= click.index < len(ids):
        return None
    return str(ids.iloc[click.index])


@st.cache_resource(max_entries=PLANS_KEPT, ttl=SHOWN_SECONDS, show_spinner=False)
def _plan(version: str, value: EventFilter, color_by: str, heatmap: bool, in_view: Viewport | None, popups: str,
          _view: View, _colors: dict[str, str], _viewport: Viewport) -> tuple[ViewPlan, dict]:
    """:func:`utils.map.view_layer.shared_layer`, shared by every session with this filter and view."""
    return shared_layer(_view.rows, _colors, _viewport, color_by=color_by, heatmap=heatmap, popups=popups,
                        detail_limit=DETAIL_LIMIT, browser_limit=BROWSER_LIMIT)


def events_layer(view: View, settings: MapSettings, viewport: Viewport, *, selected: str | None,
                 selected_by_server: bool, popups: str) -> MapLayer:
    """The events layer of ``view`` for the map (every event when at most the browser limit)."""
    dataset, shown = view.dataset, view.rows  # read over the shared frame: the kept rows are not copied
    color_by, note = settings.color_by, ""
    if settings.color_by == MapSettings().color_by:  # the default: fall back when one value says it all
        color_by, note = informative_color_by(shown, settings.color_by, COLOR_BY_CHOICES)
    colors = category_colors(column_counts(dataset, color_by).index, color_by)
    in_view = viewport if shown.count > BROWSER_LIMIT else None  # below the limit the plan is every event
    plan, payload = _plan(dataset.version, view.filter, color_by, settings.heatmap, in_view, popups, view, colors,
                          viewport)
    _remember(payload["key"], plan.events["event_id"])
    ring = st.session_state.get(_RING)
    if selected_by_server or ring is None or ring[0] != payload["key"]:
        ring = st.session_state[_RING] = (payload["key"], selected)
    if note:
        note = f"{note}: coloured by {_label(color_by)} instead of {_label(settings.color_by)}."
    layer = build_plan_layer(plan, shown, colors, color_by=color_by, selected=ring[1], heatmap=settings.heatmap,
                             rings_km=settings.rings_km, sites=dataset.sites, popups=popups, bar=True,
                             legend_note=note, payload=payload)
    return MapLayer(layer, plan, color_by, note, payload["key"])


def _label(column: str) -> str:
    return DISPLAY_LABELS.get(column, column).lower()
