"""The map inside a briefing export: the dashboard's layers, self-contained.

:func:`build_export_map` draws what the dashboard draws for the same filter,
view and map settings (:class:`utils.map.settings.MapSettings`): the offline
basemap and bases, the events through the dashboard's own events layer
(:mod:`utils.map.event_layer`: escaped strings stored once, halos, tooltips with
the event id first) or its exact-count clusters when more than the detail
limit are in view (:mod:`utils.map.view_layer`), the heatmap, the range rings and
the legend. The same page is the HTML export and what Chromium photographs
for PNG and prints for PDF.

Leaflet's script and stylesheet (with its images as ``data:`` URIs) and the
heatmap script are inlined, so the page needs no network and no files beside it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from pathlib import Path

import folium
import pandas as pd

from utils.data.dataset import Dataset
from utils.export.permalink import MapView
from utils.map.assets import STATIC_DIR, VENDORED
from utils.map.mapping import build_base_map
from utils.map.settings import MapSettings
from utils.map.view_layer import DETAIL_LIMIT, ViewPlan, build_plan_layer, default_viewport, plan_view

__all__ = ["INLINE_PREFIX", "build_export_map", "inline_vendored_assets"]

INLINE_PREFIX = "inline-asset:"
"""Placeholder prefix for vendored assets; :func:`inline_vendored_assets` replaces the tags that use it."""


def build_export_map(dataset: Dataset, events: pd.DataFrame, view: MapView, colors: dict[str, str], *,
                     settings: MapSettings | None = None, map_px: tuple[int, int] = (1280, 640),
                     details: bool = True, interactive: bool = True,
                     list_rows: Sequence[Sequence[str]] | None = None,
                     detail_limit: int = DETAIL_LIMIT) -> tuple[folium.Map, ViewPlan]:
    """The offline map of a briefing and what its events layer draws.

    ``map_px`` is the map's size in CSS pixels (width, height): with the
    view's centre and zoom it gives the bounds clusters are counted in, as the
    dashboard does for the bounds its map reports. The online-only
    OpenStreetMap layer is left out (an export must draw the same on a machine
    with no network). ``interactive=False`` turns off zoom animation and the
    zoom buttons, for PNG and PDF; ``details=False`` leaves out tooltips and
    popups. ``list_rows`` (plain text cells) fill the page's
    ``<tbody id="events-list-body">`` from the layer's string table.
    """
    settings = settings or MapSettings()
    fmap = build_base_map(dataset.basemap, dataset.sites, center=view.center, zoom=view.zoom,
                          asset_prefix=INLINE_PREFIX, site_popups=interactive)
    for name, child in list(fmap._children.items()):
        if isinstance(child, folium.TileLayer):
            del fmap._children[name]
    if not interactive:
        fmap.options.update({"zoomControl": False, "zoomAnimation": False, "fadeAnimation": False,
                             "markerZoomAnimation": False})
    bounds = default_viewport(view.center, view.zoom, *map_px)
    plan = plan_view(events, colors, bounds, color_by=settings.color_by, detail_limit=detail_limit,
                     heatmap=settings.heatmap)
    layer = build_plan_layer(plan, events, colors, color_by=settings.color_by, heatmap=settings.heatmap,
                             rings_km=settings.rings_km, sites=dataset.sites, details=details,
                             list_rows=list_rows, asset_prefix=INLINE_PREFIX,
                             popups="full" if details else "none", expand_all=True)  # a PNG cannot be clicked
    fmap.add_child(layer, name="events")
    return fmap, plan


def _data_uri(path: Path) -> str:
    kind = {"png": "image/png", "svg": "image/svg+xml"}[path.suffix.lstrip(".")]
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _inline_css(path: Path) -> str:
    css = path.read_text(encoding="utf-8")

    def replace(match: re.Match) -> str:
        return f"url({_data_uri(path.parent / match.group(1))})"

    return re.sub(r"url\((images/[\w.-]+)\)", replace, css)


def inline_vendored_assets(html: str) -> str:
    """Replace the ``<script src>`` and ``<link>`` tags of vendored assets with their contents.

    Raises ``ValueError`` if the page still refers to a script or stylesheet
    outside itself afterwards, so an export can never reach for the network.
    """
    for name, relative in VENDORED.items():
        path = STATIC_DIR / relative
        src = re.escape(INLINE_PREFIX + relative)
        if name.endswith(".js"):
            body = path.read_text(encoding="utf-8").replace("</", "<\\/")
            html = re.sub(rf'<script src="{src}"></script>', lambda _m, body=body: f"<script>{body}</script>", html)
        else:
            body = _inline_css(path)
            html = re.sub(rf'<link rel="stylesheet" href="{src}"\s*/>', lambda _m, body=body: f"<style>{body}</style>",
                          html)
    leftover = re.findall(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"', html)
    if leftover:
        raise ValueError(f"the export still loads {leftover}; inline it or leave it out")
    return html
