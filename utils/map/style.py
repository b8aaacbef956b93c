"""How the map looks and the numbers it is built around: palette, outlines, sizes, limits, zooms, CSS.

Each number lives here once; the Python layers and the browser code (``static/app/*.js``, which
receives them in each layer's options) read them from here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from utils.analysis.rows import EventRows, as_rows

__all__ = [
    "BROWSER_LIMIT", "CLUSTER_CELL_PX", "DETAIL_LIMIT", "EVENT_RADIUS_PX", "EVENT_TYPE_COLORS", "HALO_FILL_OPACITY",
    "MAP_CSS", "MAX_ZOOM", "MIN_ZOOM", "OTHER_COLOR", "PALETTE", "RING_COLOR", "SELECTED_COLOR", "SITE_ICONS",
    "SITE_ICON_PX", "STATUS_OUTLINES", "HEAT_GRADIENT", "HEAT_OPTIONS", "SYRIA_CENTER", "SYRIA_ZOOM", "TEXT_LIMIT", "TILE_PX", "category_colors",
    "informative_color_by",
]

SYRIA_CENTER: tuple[float, float] = (34.85, 38.7)
"""(lat, lon) of the default view: all of Syria."""
SYRIA_ZOOM = 6.75
MIN_ZOOM = 4
MAX_ZOOM = 17
"""The zoom range the map allows (Leaflet zoom levels)."""
TILE_PX = 256
"""Web Mercator: the world is ``TILE_PX * 2**zoom`` pixels wide."""

DETAIL_LIMIT = 1500
"""Above this many events in a server-aggregated view, the server sends exact-count clusters instead."""
BROWSER_LIMIT = 110_000
"""Most filtered events sent to the browser, which then clusters, fans out and redraws them on every pan and
zoom without asking the server; above it the server aggregates the view. The bytes per filter change, not
the browser's speed, set this number: on the compressed websocket an event costs at most 8.3 bytes (random
samples of 60,000-150,000 of the 1M synthetic events, ``benchmarks/browser_limit.py``), so 110,000 events are
about 0.9 MB (target: at most 1 MB), see BENCHMARKS.md, "The browser limit at 110,000"."""
TEXT_LIMIT = 5_000
"""Up to this many events the browser is also sent each event's id and tooltip text; above it, tooltips say
date, sub-type and place, and a click asks the server for the record."""
CLUSTER_CELL_PX = 64
"""Side of the screen cells events are counted in when too many are in view to draw one by one (CSS px)."""

EVENT_RADIUS_PX = 7
SITE_ICON_PX = 28
SELECTED_COLOR = "#ffcc00"
RING_COLOR = "#7a1f5c"
HALO_FILL_OPACITY = 0.06
"""The one fill of all halos together: overlapping halos do not add up."""

EVENT_TYPE_COLORS: dict[str, str] = {
    "Explosions/Remote violence": "#d62728",
    "Strategic developments": "#1f77b4",
    "Violence against civilians": "#9467bd",
    "Battles": "#ff7f0e",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
}
PALETTE: tuple[str, ...] = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939",
)
OTHER_COLOR = "#555555"

STATUS_OUTLINES: dict[str, dict[str, object]] = {
    "confirmed": {"color": "#111111", "weight": 2.5},
    "reported": {"color": "#ffffff", "weight": 1.5},
    "claimed": {"color": "#111111", "weight": 1.5, "dashArray": "3 3"},
    "disputed": {"color": "#111111", "weight": 1.5, "dashArray": "1 3"},
}

SITE_ICONS: dict[str, tuple[str, str]] = {
    # kind -> (background colour, white SVG glyph on a 24x24 grid)
    "air base": ("#203864", '<polygon points="12,2 13.5,9 21,13 21,15 13.5,12.5 13,18 15.5,20 15.5,21.5 '
                            '12,20.5 8.5,21.5 8.5,20 11,18 10.5,12.5 3,15 3,13 10.5,9" fill="#fff"/>'),
    "naval base": ("#0b5394", '<circle cx="12" cy="5" r="2.2" fill="none" stroke="#fff" stroke-width="1.8"/>'
                              '<path d="M12 7.2V20M7.5 10.5h9M4.5 13.5c0 4 3.5 6.5 7.5 6.5s7.5-2.5 7.5-6.5" '
                              'fill="none" stroke="#fff" stroke-width="1.8"/>'),
    "garrison": ("#4f6228", '<polygon points="12,3 14.6,9.2 21,9.5 16,13.6 17.7,20 12,16.4 6.3,20 8,13.6 '
                            '3,9.5 9.4,9.2" fill="#fff"/>'),
    "airport": ("#595959", '<path d="M9 21h6M10.5 21V11M13.5 21V11M6.5 11h11l-2-4.5h-7z" fill="none" '
                           'stroke="#fff" stroke-width="1.8" stroke-linejoin="round"/>'),
}

DOMINANT_SHARE = 0.9
"""A colour field whose most common value covers at least this share of the events says little."""

MAP_CSS = """
<style>
.leaflet-container { background: #cfe2ee; font: 12px/1.3 "DejaVu Sans", Arial, sans-serif; }
.leaflet-control-layers { font-size: 12px; }
.leaflet-control-attribution { font-size: 10px; max-width: 70%; white-space: normal; text-align: right; }
.site-marker { position: relative; width: 28px; height: 28px; cursor: pointer; }
.site-marker svg { width: 28px; height: 28px; border-radius: 6px; box-shadow: 0 0 0 2px #fff, 0 1px 4px #0008; }
.site-label { position: absolute; left: 33px; top: 5px; white-space: nowrap; font-weight: bold;
  color: #111; text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 3px #fff; font-size: 12px; }
.event-popup, .site-popup { font-size: 12px; }
.event-popup table, .site-popup table { border-collapse: collapse; margin-top: 4px; }
.event-popup th, .site-popup th { text-align: left; padding: 1px 8px 1px 0; vertical-align: top;
  color: #444; font-weight: normal; white-space: nowrap; }
.event-popup td, .site-popup td { padding: 1px 0; max-width: 280px; white-space: pre-wrap; }
.event-legend { font-size: 11px; background: #fffffff0; padding: 5px 8px; border-radius: 5px; box-shadow: 0 1px 5px #0006;
  max-width: 260px; max-height: 45vh; overflow-y: auto; }
.event-legend .title { font-weight: bold; margin-bottom: 3px; }
.event-legend .note { color: #555; max-width: 240px; margin-top: 3px; }
.event-legend svg { vertical-align: middle; margin-right: 5px; }
.event-legend .heat-bar { height: 10px; width: 160px; border-radius: 2px; margin: 2px 0; }
.event-cluster div, .event-badge div { border-radius: 50%; color: #fff; font: bold 11px/1 "DejaVu Sans", sans-serif;
  text-align: center; box-shadow: 0 0 0 2px #fff, 0 1px 4px #0007; cursor: pointer; }
.event-badges { position: absolute; left: 0; top: 0; z-index: 1; }
.event-badge-level { position: absolute; left: 0; top: 0; }
.badge-leader { position: absolute; height: 1px; margin-top: -0.5px; background: #333b; transform-origin: 0 50%;
  pointer-events: none; }
.badge-dot { position: absolute; width: 5px; height: 5px; margin: -3.5px 0 0 -3.5px; border-radius: 50%; background: #222;
  border: 1px solid #fff; pointer-events: none; }
.event-badge span { display: block; position: absolute; inset: 4px; border-radius: 50%; background: #222c;
  line-height: inherit; }
.event-number div { border-radius: 50%; color: #fff; font: bold 10px/1 "DejaVu Sans", sans-serif; text-align: center;
  text-shadow: 0 0 2px #000; }
.ring-label { color: #7a1f5c; font-size: 10px; font-weight: bold; white-space: nowrap;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 2px #fff; pointer-events: none; }
.place-label { position: absolute; white-space: nowrap; color: #333; text-shadow: 0 0 2px #fff, 0 0 2px #fff,
  0 0 3px #fff; pointer-events: auto; cursor: default; line-height: 1.15; }
.place-label.dot::before { content: ""; position: absolute; width: 4px; height: 4px; border-radius: 50%;
  background: #555; border: 1px solid #fff; }
.place-label.capital { font-weight: bold; color: #222; }
.place-label.admin1 { color: #777; letter-spacing: 0.08em; text-transform: uppercase; font-size: 10px; }
.place-label.country { color: #666; letter-spacing: 0.15em; text-transform: uppercase; font-size: 13px; }
.place-label.sea, .place-label.water { color: #3a6f96; font-style: italic; }
.place-label.region, .place-label.peak { color: #7a6a4f; font-style: italic; }
.place-label .ar { display: none; }
.place-label:hover .ar, .labels-ar .place-label .ar { display: inline; }
.labels-ar .place-label .en { display: none; }
.eventmap-bar { background: #fff; padding: 3px 5px; border-radius: 4px; box-shadow: 0 1px 5px #0006; font-size: 12px; }
.eventmap-bar button { font: inherit; margin: 0 2px; padding: 1px 6px; cursor: pointer; }
.eventmap-notice { background: #fff3cd; border: 1px solid #e0c36a; padding: 6px 9px; border-radius: 4px;
  max-width: 340px; font-size: 12px; }
</style>
"""


def category_colors(values: Iterable[str], column: str = "event_type") -> dict[str, str]:
    """Give each category a colour: ACLED's event types a fixed one, others from a palette.

    The order of ``values`` decides palette colours, so pass the categories of
    the whole dataset (not of the filtered view) to keep colours stable.
    """
    distinct = list(dict.fromkeys(v for v in values if isinstance(v, str)))
    if column == "event_type":
        extra = [v for v in distinct if v not in EVENT_TYPE_COLORS]
        colors = {v: EVENT_TYPE_COLORS[v] for v in distinct if v in EVENT_TYPE_COLORS}
        colors.update({v: PALETTE[i % len(PALETTE)] for i, v in enumerate(extra)})
        return colors
    return {v: (PALETTE[i] if i < len(PALETTE) else OTHER_COLOR) for i, v in enumerate(distinct)}


def informative_color_by(events: pd.DataFrame | EventRows, preferred: str,
                         choices: Iterable[str]) -> tuple[str, str]:
    """The column to colour by and a note ('' when ``preferred`` is kept).

    When one value of ``preferred`` covers at least :data:`DOMINANT_SHARE` of ``events`` (UCDP: Battles is
    16,084 of 16,596), colour by the other column in ``choices`` whose values split the events most evenly
    (highest entropy over at most as many values as the palette has colours) instead, and say why.
    """
    events = as_rows(events)
    if len(events) < 2 or preferred not in events:
        return preferred, ""
    shares = events.value_counts(preferred, normalize=True)
    if shares.iloc[0] < DOMINANT_SHARE:
        return preferred, ""
    best, best_entropy = preferred, 0.0
    for column in choices:
        if column == preferred or column not in events:
            continue
        split = events.value_counts(column, normalize=True).head(len(PALETTE))
        if split.iloc[0] >= DOMINANT_SHARE:
            continue
        entropy = float(-(split * split.map(lambda p: math.log(p) if p > 0 else 0.0)).sum())
        if entropy > best_entropy:
            best, best_entropy = column, entropy
    if best == preferred:
        return preferred, ""
    top = shares.index[0]
    return best, f"{top} is {shares.iloc[0]:.0%} of the events shown"

HEAT_GRADIENT: dict[float, str] = {0.3: "#2b83ba", 0.55: "#abdda4", 0.75: "#fdae61", 1.0: "#d7191c"}
"""The heatmap's colour ramp (Leaflet.heat ``gradient``); the heatmap's legend draws the same ramp."""
HEAT_OPTIONS: dict[str, float] = {"radius": 18, "blur": 14, "minOpacity": 0.35}
