"""The map inside a briefing export: the dashboard's layers, self-contained.

:func:`build_export_map` draws what the dashboard draws for the same filter,
view and map settings (:class:`utils.map.settings.MapSettings`): the offline
basemap and bases, the events through the dashboard's own events layer
(:mod:`utils.map.event_layer`: escaped strings stored once, halos, tooltips with
the event id first) or its exact-count clusters when more than the detail
limit are in view (:mod:`utils.map.view_layer`), the heatmap, the range rings and
the legend; on top, for an export's fixed view, a numbered marker per event with
co-located ones fanned out (:mod:`utils.export.numbering`,
:mod:`utils.export.numbered_layer`) and a north arrow (:mod:`utils.export.furniture`).
The same page is the HTML export and what Chromium photographs for PNG and
prints for PDF.

Leaflet's script and stylesheet (with its images as ``data:`` URIs) and the
heatmap script are inlined, so the page needs no network and no files beside it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import folium
import pandas as pd

from utils.core.schema import GEO_PRECISION_RADIUS_KM
from utils.data.dataset import Dataset
from utils.export.framing import from_pixel, to_pixel
from utils.export.furniture import NorthArrow, furniture_boxes, site_boxes
from utils.export.numbered_layer import NumberedMarkers
from utils.export.numbering import Placement, fan_out
from utils.export.permalink import MapView
from utils.map.assets import STATIC_DIR, VENDORED
from utils.map.mapping import build_base_map
from utils.map.settings import MapSettings
from utils.map.view_layer import DETAIL_LIMIT, ViewPlan, build_plan_layer, default_viewport, plan_view

__all__ = ["INLINE_PREFIX", "NUMBER_COLUMN", "NUMBER_LIMIT", "ExportMap", "build_export_map", "inline_vendored_assets",
           "number_radius"]

INLINE_PREFIX = "inline-asset:"
"""Placeholder prefix for vendored assets; :func:`inline_vendored_assets` replaces the tags that use it."""
NUMBER_COLUMN = "list_number"
"""The column of ``events`` that holds each event's number (its row in the export's list, from 1)."""
NUMBER_LIMIT = 250
"""Most events in view drawn as numbered markers (the PDF lists 250); above it, the dashboard's markers."""


def number_radius(count: int) -> float:
    """A numbered marker's radius in CSS px: room for two digits, or three from 100 on."""
    return 10.0 if count < 100 else 12.0


@dataclass(frozen=True)
class ExportMap:
    """The export's map (``fmap``), what its events layer draws (``plan``) and, when the events are drawn
    numbered, where each numbered marker is (``placements``, map px, in the order of ``plan.events``)."""

    fmap: folium.Map
    plan: ViewPlan
    placements: list[Placement]

    @property
    def numbered(self) -> bool:
        return bool(self.placements)


def _placements(events: pd.DataFrame, view: MapView, map_px: tuple[int, int], radius: float,
                obstacles: list[tuple[float, float, float, float]]) -> list[Placement]:
    cx, cy = to_pixel(*view.center, view.zoom)
    left, top = cx - map_px[0] / 2, cy - map_px[1] / 2
    points = [(x - left, y - top) for x, y in
              (to_pixel(lat, lon, view.zoom) for lat, lon in
               zip(events["latitude"].astype(float), events["longitude"].astype(float)))]
    return fan_out(points, radius_px=radius, obstacles=obstacles, map_px=map_px,
                   numbers=[int(n) for n in events[NUMBER_COLUMN]])


def build_export_map(dataset: Dataset, events: pd.DataFrame, view: MapView, colors: dict[str, str], *,
                     settings: MapSettings | None = None, map_px: tuple[int, int] = (1280, 640),
                     details: bool = True, interactive: bool = True,
                     list_rows: Sequence[Sequence[str]] | None = None,
                     detail_limit: int = DETAIL_LIMIT, numbered: bool = True) -> ExportMap:
    """The offline map of a briefing, what its events layer draws and where its numbered markers are.

    ``map_px`` is the map's size in CSS pixels (width, height): with the
    view's centre and zoom it gives the bounds clusters are counted in, as the
    dashboard does for the bounds its map reports, and the pixels numbered
    markers are laid out in. The online-only OpenStreetMap layer is left out
    (an export must draw the same on a machine with no network).
    ``interactive=False`` turns off zoom animation and the zoom buttons, for PNG
    and PDF; ``details=False`` leaves out tooltips and popups. ``list_rows``
    (plain text cells) fill the page's ``<tbody id="events-list-body">`` from
    the layer's string table.

    ``numbered``: when the events are drawn one by one (no clusters, no
    heatmap) and at most :data:`NUMBER_LIMIT` are in view, each gets a
    numbered marker (``events[NUMBER_COLUMN]``, else its row from 1), fanned
    out of the way of the others, of the bases and of the map's corners (see
    :mod:`utils.export.numbering`). The dashboard's events layer then draws
    each event at its marker's position, so tooltips and popups stay with it.
    """
    settings = settings or MapSettings()
    if NUMBER_COLUMN not in events.columns:
        events = events.assign(**{NUMBER_COLUMN: range(1, len(events) + 1)})
    fmap = build_base_map(dataset.basemap, dataset.sites, center=view.center, zoom=view.zoom,
                          asset_prefix=INLINE_PREFIX, site_popups=interactive)
    for name, child in list(fmap._children.items()):
        if isinstance(child, folium.TileLayer):
            del fmap._children[name]
    if not interactive:
        fmap.options.update({"zoomControl": False, "zoomAnimation": False, "fadeAnimation": False,
                             "markerZoomAnimation": False})
    fmap.add_child(NorthArrow(), name="north_arrow")
    bounds = default_viewport(view.center, view.zoom, *map_px)
    plan = plan_view(events, colors, bounds, color_by=settings.color_by, detail_limit=detail_limit,
                     heatmap=settings.heatmap)
    in_view = plan.events
    if plan.everything and len(in_view):
        inside = ((in_view["latitude"] >= bounds.south) & (in_view["latitude"] <= bounds.north)
                  & (in_view["longitude"] >= bounds.west) & (in_view["longitude"] <= bounds.east))
        in_view = in_view[inside.to_numpy()]
    placements: list[Placement] = []
    drawn = plan.events
    if numbered and not plan.clustered and not settings.heatmap and 0 < len(in_view) <= NUMBER_LIMIT:
        radius = number_radius(int(events[NUMBER_COLUMN].max()))
        obstacles = (site_boxes(dataset.sites, view.center, view.zoom, map_px)
                     + furniture_boxes(map_px, " | ".join(["Leaflet", dataset.basemap.attribution,
                                                           *dataset.basemap.credits])))
        placements = _placements(in_view, view, map_px, radius, obstacles)
        cx, cy = to_pixel(*view.center, view.zoom)
        left, top = cx - map_px[0] / 2, cy - map_px[1] / 2
        moved = [from_pixel(left + p.xy[0], top + p.xy[1], view.zoom) for p in placements]
        drawn = in_view.assign(latitude=[lat for lat, _ in moved], longitude=[lon for _, lon in moved])
        plan = ViewPlan(drawn, plan.rows, plan.in_view, plan.total, clustered=False, everything=plan.everything)
    layer = build_plan_layer(plan, events, colors, color_by=settings.color_by, heatmap=settings.heatmap,
                             rings_km=settings.rings_km, sites=dataset.sites, details=details,
                             list_rows=list_rows, asset_prefix=INLINE_PREFIX, halos=not placements,
                             popups="full" if details else "none", expand_all=True)  # a PNG cannot be clicked
    fmap.add_child(layer, name="events")
    if placements:
        table = layer._children["events_layer"].table
        rows = []
        for placement, event, (lat, lon), row in zip(placements, in_view.itertuples(index=False),
                                                      zip(drawn["latitude"], drawn["longitude"]), table.rows):
            halo = _halo_m(int(event.geo_precision))
            rows.append([round(float(event.latitude), 6), round(float(event.longitude), 6), round(float(lat), 6),
                         round(float(lon), 6), placement.number, int(row[2]), halo])
        fmap.add_child(NumberedMarkers(rows, table["styles"], radius=number_radius(int(events[NUMBER_COLUMN].max()))),
                       name="numbered_markers")
    return ExportMap(fmap, plan, placements)


def _halo_m(precision: int) -> int:
    return int(GEO_PRECISION_RADIUS_KM.get(precision, 0) * 1000)


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
