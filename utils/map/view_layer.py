"""The events layer for a viewport: all events when few, else what the view shows, clustered.

With up to ``DETAIL_LIMIT`` filtered events the layer holds them all and does
not depend on the view (panning sends nothing). Above that, the server sends
only what the view needs (see :mod:`utils.map.aggregate`): the events inside the
view when at most ``DETAIL_LIMIT`` are there, otherwise one cluster per screen
cell with its exact count, which zooms in when clicked.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from utils.map.aggregate import Viewport, aggregate_view
from utils.map.mapping import (
    EVENTS_PANE,
    OTHER_COLOR,
    EventLegend,
    build_events_layer,
    legend_html,
)

__all__ = ["DETAIL_LIMIT", "ClusterLayer", "ViewPlan", "build_plan_layer", "build_viewport_layer", "default_viewport",
           "plan_view", "viewport_from_state"]

DETAIL_LIMIT = 1500
"""Most events drawn one by one; above it, the view is clustered."""


def default_viewport(center: tuple[float, float], zoom: float, width_px: int = 900,
                     height_px: int = 640) -> Viewport:
    """The view a map of that size shows at ``center`` (lat, lon) and ``zoom``, before it reports its own."""
    scale = 256 * 2.0 ** zoom
    half_lon = width_px / 2 / scale * 360.0
    lat = math.radians(center[0])
    y = (1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * scale

    def latitude(pixel_y: float) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * pixel_y / scale))))

    return Viewport(south=latitude(y + height_px / 2), west=center[1] - half_lon, north=latitude(y - height_px / 2),
                    east=center[1] + half_lon, zoom=zoom)


def viewport_from_state(state: Mapping | None, center: tuple[float, float], zoom: float) -> Viewport:
    """The view st_folium last reported (``bounds`` and ``zoom``), else the one it opens at."""
    try:
        return Viewport.from_leaflet(state["bounds"], state["zoom"])  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return default_viewport(center, zoom)


class ClusterLayer(MacroElement):
    """Counted circles, one per screen cell; a click zooms in two levels there."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function() {
            var ROWS = {{ this.rows_json }};
            var group = L.featureGroup();
            ROWS.forEach(function(r) {
                var size = Math.round(22 + 8 * Math.log10(r[2]));
                var label = r[2] >= 10000 ? Math.round(r[2] / 1000) + "k" : (r[2] >= 1000 ? (r[2] / 1000).toFixed(1) + "k" : String(r[2]));
                var icon = L.divIcon({className: "event-cluster", iconSize: [size, size],
                    html: '<div style="width:' + size + 'px;height:' + size + 'px;line-height:' + size + 'px;background:'
                          + r[3] + '">' + label + "</div>"});
                var marker = L.marker([r[0], r[1]], {icon: icon, pane: "{{ this.pane }}", keyboard: false});
                marker.bindTooltip(r[2].toLocaleString() + " events here; click to zoom in");
                marker.on("click", function() { marker._map.setView([r[0], r[1]], marker._map.getZoom() + 2); });
                marker.addTo(group);
            });
            return group;
        })();
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, rows: list[list[object]], *, pane: str = EVENTS_PANE) -> None:
        super().__init__()
        self._name = "ClusterLayer"
        self.rows = rows
        self.rows_json = json.dumps(rows, separators=(",", ":")).replace("</", "<\\/")
        self.pane = pane


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
    """True when every filtered event is drawn (at most the detail limit, or a heatmap)."""

    def words(self) -> str:
        """A sentence saying what the layer shows ('' when it draws every event)."""
        if self.everything:
            return ""
        if not self.clustered:
            return f"{self.in_view:,} of the {self.total:,} events are in view, each drawn."
        return (f"{self.in_view:,} of the {self.total:,} events are in view, grouped into {len(self.rows):,} clusters "
                "(colour: the most common category)")


def plan_view(events: pd.DataFrame, colors: dict[str, str], view: Viewport, *, color_by: str = "event_type",
              detail_limit: int = DETAIL_LIMIT, heatmap: bool = False) -> ViewPlan:
    """Decide what to draw for ``view``: every event, the events in view, or exact-count clusters."""
    if len(events) <= detail_limit or heatmap:
        return ViewPlan(events, [], len(events), len(events), clustered=False, everything=True)
    categories = pd.Categorical(events[color_by].astype(str))
    result = aggregate_view(events["latitude"].to_numpy(float), events["longitude"].to_numpy(float),
                            categories.codes.astype(np.int64), view, detail_limit=detail_limit)
    if result.mode == "events":
        return ViewPlan(events.iloc[result.indices], [], result.in_view, len(events), clustered=False,
                        everything=False)
    names = np.asarray(categories.categories, dtype=object)
    rows: list[list[object]] = [
        [round(float(lat), 5), round(float(lon), 5), int(count), colors.get(names[code], OTHER_COLOR)]
        for lat, lon, count, code in zip(result.latitude, result.longitude, result.count, result.category)]
    return ViewPlan(events.iloc[:0], rows, result.in_view, len(events), clustered=True, everything=False)


def build_plan_layer(plan: ViewPlan, events: pd.DataFrame, colors: dict[str, str], *, color_by: str = "event_type",
                     **layer_options: object) -> folium.FeatureGroup:
    """The events layer that draws ``plan``; with clusters the legend counts every event of ``events``.

    ``layer_options`` go to :func:`utils.map.mapping.build_events_layer` (selected, halos, heatmap, rings_km, sites,
    details, list_rows, asset_prefix).
    """
    group = build_events_layer(plan.events, colors, color_by=color_by, **layer_options)  # type: ignore[arg-type]
    if plan.clustered:
        group.add_child(ClusterLayer(plan.rows), name="cluster_layer")
        group.add_child(EventLegend(legend_html(events[color_by].value_counts().to_dict(), colors, color_by)),
                        name="event_legend")
    return group


def build_viewport_layer(events: pd.DataFrame, colors: dict[str, str], view: Viewport, *,
                         color_by: str = "event_type", detail_limit: int = DETAIL_LIMIT,
                         **layer_options: object) -> tuple[folium.FeatureGroup, str]:
    """The events layer for ``view`` and a sentence saying what it shows.

    ``layer_options`` go to :func:`utils.map.mapping.build_events_layer` (selected, halos, heatmap, rings, sites).
    Counts in clusters and in the legend are exact for the filtered events.
    """
    plan = plan_view(events, colors, view, color_by=color_by, detail_limit=detail_limit,
                     heatmap=bool(layer_options.get("heatmap")))
    layer = build_plan_layer(plan, events, colors, color_by=color_by, **layer_options)
    words = plan.words()
    if plan.clustered:
        words += "; zoom in or click a cluster to see single events."
    return layer, words
