"""The events layer for a view: every filtered event when the browser can take them, else what the view shows.

Up to ``browser_limit`` filtered events (the dashboard: :data:`utils.map.style.BROWSER_LIMIT`), the layer
holds them all and does not depend on the view: the browser clusters, fans out and redraws them on every
pan and zoom without asking the server. Above that, the server sends only what the view needs (see
:mod:`utils.map.aggregate`): the events inside the view when at most ``detail_limit`` are there, otherwise
one cluster per screen cell with its exact count, which zooms in when clicked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import folium
import numpy as np
import pandas as pd

from utils.analysis.rows import EventRows, as_rows
from utils.data.dataset import Memo
from utils.map.aggregate import Viewport, aggregate_view, default_viewport
from utils.map.assets import COMPONENT_STATIC_PREFIX, localize_assets
from utils.map.event_layer import EventsLayer
from utils.map.legend import EventLegend, heat_legend_html, legend_html
from utils.map.payload import event_payload, payload_columns
from utils.map.rings import RingsLayer
from utils.map.settings import MapSettings
from utils.map.style import DETAIL_LIMIT, OTHER_COLOR

__all__ = ["DETAIL_LIMIT", "EVENTS_LAYER_NAME", "ViewPlan", "build_plan_layer", "build_viewport_layer",
           "default_viewport", "kept_plan", "plan_view", "prepare_shared_arrays", "shared_layer", "viewport_from_state"]

EVENTS_LAYER_NAME = "Events"


def viewport_from_state(state: Mapping | None, center: tuple[float, float], zoom: float) -> Viewport:
    """The view st_folium last reported (``bounds`` and ``zoom``), else the one it opens at."""
    try:
        return Viewport.from_leaflet(state["bounds"], state["zoom"])  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return default_viewport(center, zoom)


@dataclass(frozen=True)
class ViewPlan:
    """What the events layer draws for a view: ``events`` one by one, or cluster ``rows``.

    ``rows`` are ``[lat, lon, exact count, colour]``; ``in_view`` counts the
    filtered events inside the view and ``total`` all filtered events.
    """

    events: pd.DataFrame
    rows: list[list[object]]
    in_view: int
    total: int
    clustered: bool
    everything: bool
    """True when every filtered event is sent (the browser lays them out for any view)."""

    def words(self) -> str:
        """A sentence saying what the layer shows ('' when it draws every event)."""
        if self.everything:
            return ""
        if not self.clustered:
            return f"{self.in_view:,} of the {self.total:,} events are in view, each drawn."
        return (f"{self.in_view:,} of the {self.total:,} events are in view, grouped into {len(self.rows):,} clusters "
                "(colour: the most common category)")


def plan_view(events: pd.DataFrame | EventRows, colors: dict[str, str], view: Viewport, *,
              color_by: str = "event_type", detail_limit: int = DETAIL_LIMIT, heatmap: bool = False,
              browser_limit: int | None = None, columns: Sequence[str] | None = None) -> ViewPlan:
    """Decide what to send for ``view``: every event (at most ``browser_limit``, default ``detail_limit``), the
    events in view (at most ``detail_limit``), or exact-count clusters.

    ``events``: a frame, or :class:`~utils.analysis.rows.EventRows` (the rows a filter keeps, read without
    copying them all when there are more than the limit). ``columns``: the only columns the plan's events
    need (default: all); every kept event is then read in those columns alone, not copied whole first.
    """
    limit = detail_limit if browser_limit is None else browser_limit
    rows = as_rows(events)
    if len(rows) <= limit:
        every = rows.frame() if columns is None else rows.select(list(columns))
        return ViewPlan(every, [], len(rows), len(rows), clustered=False, everything=True)

    def kept(frame: pd.DataFrame) -> pd.DataFrame:
        return frame if columns is None else frame[list(columns)]

    codes, names = rows.codes(color_by)
    result = aggregate_view(rows.floats("latitude"), rows.floats("longitude"), codes, view,
                            detail_limit=detail_limit)
    if result.mode == "events":
        return ViewPlan(kept(rows.take(result.indices)), [], result.in_view, len(rows), clustered=False,
                        everything=False)
    cluster_rows: list[list[object]] = [
        [round(float(lat), 5), round(float(lon), 5), int(count), colors.get(names[code], OTHER_COLOR)]
        for lat, lon, count, code in zip(result.latitude, result.longitude, result.count, result.category)]
    return ViewPlan(kept(rows.take(np.zeros(0, dtype=np.int64))), cluster_rows, result.in_view, len(rows),
                    clustered=True, everything=False)


def kept_plan(plan: ViewPlan, rows: EventRows, color_by: str) -> ViewPlan:
    """``plan`` (made by :func:`plan_view` from ``rows``) as a server keeps it for many sessions: its events in
    the payload's columns only (a third of the memory at 1M) and in the payload's order, by date then id.

    When the plan holds every kept event they are put in order by the dataset's rank
    (:meth:`~utils.analysis.rows.EventRows.date_order`), not sorted again (0.4 s for 102,201 events)."""
    events = plan.events[payload_columns(color_by)]
    if plan.everything:
        events = events.iloc[rows.date_order()]
    else:
        events = events.sort_values(["event_date", "event_id"], kind="stable")
    return replace(plan, events=events)


def prepare_shared_arrays(events: pd.DataFrame, memo: Memo) -> None:
    """Build in ``memo`` (the dataset's) what :func:`shared_layer` first reads of the whole dataset with the map's
    default colours: the date rank and the colour column's codes (:meth:`EventRows.prepare`; 0.2-0.45 s at 1M
    events). The server's warm run calls it at start (ui/warm.py)."""
    EventRows(events, memo=memo).prepare([MapSettings().color_by])


def shared_layer(rows: EventRows, colors: dict[str, str], view: Viewport, *, color_by: str = "event_type",
                 heatmap: bool = False, popups: str = "none", detail_limit: int = DETAIL_LIMIT,
                 browser_limit: int | None = None) -> tuple[ViewPlan, dict]:
    """The plan of ``rows`` for ``view`` and its payload, as a server keeps them for every session showing them.

    Every kept event is read in the payload's columns only and put in date order by the dataset's rank
    (:func:`kept_plan`); the plan then keeps only its events' ids (for clicks and the ring), the payload the rest
    (at 102,201 events: 2.7 MB of ids and a 1.5 MB payload, against 16 MB for the payload's columns)."""
    plan = kept_plan(plan_view(rows, colors, view, color_by=color_by, detail_limit=detail_limit, heatmap=heatmap,
                               browser_limit=browser_limit, columns=payload_columns(color_by)), rows, color_by)
    payload = plan_payload(plan, colors, color_by, popups=popups)
    return replace(plan, events=plan.events[["event_id"]]), payload


def events_bbox(events: pd.DataFrame | EventRows) -> list[float] | None:
    """[south, west, north, east] of ``events`` (degrees), or ``None`` when there are none."""
    return as_rows(events).bbox()


def build_plan_layer(plan: ViewPlan, events: pd.DataFrame | EventRows, colors: dict[str, str], *,
                     color_by: str = "event_type", selected: str | None = None, halos: bool = True, heatmap: bool = False,
                     rings_km: tuple[float, ...] = (), sites: pd.DataFrame | None = None, details: bool = True,
                     list_rows: Sequence[Sequence[str]] | None = None, asset_prefix: str = COMPONENT_STATIC_PREFIX,
                     popups: str = "none", numbered: bool = False, expand_all: bool = False, bar: bool = False,
                     legend_note: str = "", payload: dict | None = None) -> folium.FeatureGroup:
    """The events layer that draws ``plan`` (a FeatureGroup named "Events"), its rings and its legend.

    ``events`` are all the filtered events, a frame or :class:`~utils.analysis.rows.EventRows` (the legend
    counts them; "Fit events" frames them). ``selected`` is the id of the event to ring. ``payload`` reuses
    one built before for ``plan`` (see :func:`plan_payload`). Other options: :class:`utils.map.event_layer.EventsLayer`.
    """
    group = folium.FeatureGroup(name=EVENTS_LAYER_NAME, overlay=True, control=True, show=True)
    if rings_km and sites is not None:
        group.add_child(RingsLayer(sites, rings_km), name="rings")
    payload = payload or plan_payload(plan, colors, color_by, details=details, popups=popups, halos=halos,
                                      list_rows=list_rows)
    index = None
    if selected is not None and len(plan.events):
        found = np.flatnonzero(plan.events["event_id"].to_numpy() == selected)
        index = int(found[0]) if len(found) else None
    group.add_child(EventsLayer(payload, details=details, popups=popups, numbered=numbered, expand_all=expand_all,
                                selected=index, bbox=events_bbox(events), bar=bar, heatmap=heatmap, halos=halos),
                    name="events_layer")
    if heatmap:
        html = heat_legend_html(len(events))
    else:
        counts = as_rows(events).value_counts(color_by).to_dict() if len(events) else {}
        html = legend_html(counts, colors, color_by, legend_note)
    group.add_child(EventLegend(html), name="event_legend")
    return localize_assets(group, asset_prefix)


def plan_payload(plan: ViewPlan, colors: dict[str, str], color_by: str, *, details: bool = True,
                 popups: str = "none", halos: bool = True,
                 list_rows: Sequence[Sequence[str]] | None = None) -> dict:
    """The payload of ``plan``'s events (and clusters) for the browser (see :mod:`utils.map.payload`)."""
    level = ("record" if popups == "full" else "tooltip") if details else "none"
    payload = event_payload(plan.events, colors, color_by, details=level, halos=halos, list_rows=list_rows)
    if plan.clustered:
        payload["clusters"] = plan.rows
    return payload


def build_viewport_layer(events: pd.DataFrame, colors: dict[str, str], view: Viewport, *,
                         color_by: str = "event_type", detail_limit: int = DETAIL_LIMIT,
                         browser_limit: int | None = None, **layer_options: object) -> tuple[folium.FeatureGroup, str]:
    """The events layer for ``view`` and a sentence saying what it shows (see :func:`build_plan_layer`)."""
    plan = plan_view(events, colors, view, color_by=color_by, detail_limit=detail_limit,
                     heatmap=bool(layer_options.get("heatmap")), browser_limit=browser_limit)
    layer = build_plan_layer(plan, events, colors, color_by=color_by, **layer_options)  # type: ignore[arg-type]
    words = plan.words()
    if plan.clustered:
        words += "; zoom in or click a cluster to see single events."
    return layer, words
