"""The folium map, by concern: what it looks like (:mod:`utils.map.style`), the static base map
(:mod:`utils.map.basemap_layer`, :mod:`utils.map.sites_layer`), the events (:mod:`utils.map.payload`,
:mod:`utils.map.event_layer`, :mod:`utils.map.view_layer`), the legend and the rings. This module keeps
the names other code imports and adds the change layer of the Changes page and the candidate layer of an
article's review.

The base map stays the same between reruns, so streamlit-folium keeps it mounted (zoom and centre survive
a filter change); the events are one layer passed to ``st_folium(feature_group_to_add=...)``.
"""

from __future__ import annotations

import folium
import numpy as np
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
    "CANDIDATE_COLORS", "build_base_map", "build_candidate_layer", "build_change_layer", "build_events_layer",
    "category_colors", "legend_html",
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


CANDIDATE_COLORS: dict[str, str] = {"accepted": "#b2182b", "to review": "#2166ac"}


def build_candidate_layer(candidates: pd.DataFrame) -> folium.FeatureGroup:
    """An article review's candidate events (``candidates``' index: their numbers, from 1) drawn by the events
    layer, so candidates at one place fan out as events do: filled red once accepted, blue while to review,
    outlined by their status, each marked with its number as in the table and the highlighted text. Rows whose
    coordinates are blank or not degrees are left out; the markers then carry no numbers (a marker's number is
    its place in the layer) and the tooltips name each candidate. ``candidates`` is not changed."""
    lat = pd.to_numeric(candidates["latitude"], errors="coerce")
    lon = pd.to_numeric(candidates["longitude"], errors="coerce")
    keep = (lat.between(-90, 90) & lon.between(-180, 180)).to_numpy()
    shown = candidates[keep]
    accepted = shown["accept"].fillna(False).astype(bool).to_numpy() if "accept" in shown else np.zeros(len(shown), bool)
    events = pd.DataFrame({
        "event_id": [f"candidate {number}" for number in shown.index],
        "latitude": lat[keep].to_numpy(), "longitude": lon[keep].to_numpy(),
        "event_date": pd.to_datetime(shown["event_date"], errors="coerce").to_numpy(),
        "date_precision": shown["date_precision"].astype(str).to_numpy(),
        "location": shown["location"].astype(str).to_numpy(),
        "sub_event_type": shown["sub_event_type"].astype(str).to_numpy(),
        "status": shown["status"].astype(str).to_numpy(),
        "geo_precision": pd.to_numeric(shown["geo_precision"], errors="coerce").fillna(1).astype(int).to_numpy(),
        "candidate": np.where(accepted, "accepted", "to review"),
    })
    numbered = bool(keep.all()) and list(candidates.index) == list(range(1, len(candidates) + 1))
    plan = ViewPlan(events, [], len(events), len(events), clustered=False, everything=True)
    group = build_plan_layer(plan, events, CANDIDATE_COLORS, color_by="candidate", numbered=numbered,
                             legend_note="Candidates at one place: click the badge to fan them out.")
    group.layer_name = "Candidates"
    return group
