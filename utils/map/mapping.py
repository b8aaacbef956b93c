"""The folium map, by concern: what it looks like (:mod:`utils.map.style`), the static base map
(:mod:`utils.map.basemap_layer`, :mod:`utils.map.sites_layer`), the events (:mod:`utils.map.payload`,
:mod:`utils.map.event_layer`, :mod:`utils.map.view_layer`), the legend and the rings. This module keeps
the names other code imports and adds the change layer of the Changes page.

The base map stays the same between reruns, so streamlit-folium keeps it mounted (zoom and centre survive
a filter change); the events are one layer passed to ``st_folium(feature_group_to_add=...)``.
"""

from __future__ import annotations

import folium
import pandas as pd

from utils.map.basemap_layer import EVENTS_PANE, HALOS_PANE, build_base_map
from utils.map.legend import EventLegend, legend_html
from utils.map.settings import COLOR_BY_CHOICES
from utils.map.style import (
    EVENT_RADIUS_PX,
    EVENT_TYPE_COLORS,
    OTHER_COLOR,
    PALETTE,
    RING_COLOR,
    STATUS_OUTLINES,
    SYRIA_CENTER,
    SYRIA_ZOOM,
    category_colors,
)
from utils.map.view_layer import EVENTS_LAYER_NAME, ViewPlan, build_plan_layer

__all__ = [
    "COLOR_BY_CHOICES", "EVENTS_LAYER_NAME", "EVENTS_PANE", "EVENT_RADIUS_PX", "EVENT_TYPE_COLORS", "HALOS_PANE",
    "OTHER_COLOR", "PALETTE", "RING_COLOR", "STATUS_OUTLINES", "SYRIA_CENTER", "SYRIA_ZOOM", "EventLegend",
    "build_base_map", "build_change_layer", "build_events_layer", "category_colors", "legend_html",
]


def build_events_layer(events: pd.DataFrame, colors: dict[str, str], *, color_by: str = "event_type",
                       **layer_options: object) -> folium.FeatureGroup:
    """Every event of ``events`` as the one events layer (see :func:`utils.map.view_layer.build_plan_layer`)."""
    if color_by not in COLOR_BY_CHOICES:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_BY_CHOICES)}, not {color_by!r}")
    plan = ViewPlan(events, [], len(events), len(events), clustered=False, everything=True)
    return build_plan_layer(plan, events, colors, color_by=color_by, **layer_options)  # type: ignore[arg-type]


CHANGE_COLORS: dict[str, str] = {"added": "#2ca02c", "changed": "#ff7f0e", "removed": "#7f7f7f"}


def build_change_layer(added: pd.DataFrame, changed: pd.DataFrame, removed: pd.DataFrame) -> folium.FeatureGroup:
    """Events coloured by what happened to them since an earlier version: added, changed or removed."""
    frames = [frame.assign(change=kind) for kind, frame in
              (("added", added), ("changed", changed), ("removed", removed)) if len(frame)]
    events = pd.concat(frames, ignore_index=True) if frames else added.assign(change=pd.Series(dtype=str))
    plan = ViewPlan(events, [], len(events), len(events), clustered=False, everything=True)
    group = build_plan_layer(plan, events, CHANGE_COLORS, color_by="change", halos=False)
    group.layer_name = "Changes"
    return group
