"""The static part of the map: the offline basemap (borders, governorates, rivers, lakes, place names), the
optional online tile layer, the bases and the browser code they share.

:func:`basemap_payload` prepares what ``static/app/basemap.js`` draws (every name escaped once here, with
the zoom from which it shows: governorate capitals from zoom 6, towns of 40-100k such as Jableh from 8,
of 20-40k such as Baniyas from 9); :class:`BasemapLayer` draws it from a URL (the dashboard: the browser
fetches it once per page, it is not sent with every layer change) or inline (exports: one self-contained
file). Place names never collide with each other, with a base's label or a ring's label: the browser
lays them out per zoom. Positions are (lat, lon); GeoJSON is [lon, lat].
"""

from __future__ import annotations

import json

import folium
import pandas as pd
import xyzservices
from branca.element import Element, MacroElement
from jinja2 import Template
from shapely.geometry import shape

from utils.core.escaping import escape_text
from utils.data.basemap import Basemap
from utils.map.assets import COMPONENT_STATIC_PREFIX, localize_assets
from utils.map.focus import FocusWithoutScrolling
from utils.map.sites_layer import SITES_LAYER_NAME, SitesLayer
from utils.map.style import MAP_CSS, MAX_ZOOM, MIN_ZOOM, SYRIA_CENTER, SYRIA_ZOOM

__all__ = ["EVENTS_PANE", "HALOS_PANE", "LABELS_PANE", "SITES_PANE", "TOP_PANE", "BasemapLayer", "basemap_payload",
           "build_base_map", "label_rows"]

HALOS_PANE = "halosPane"
"""Uncertainty halos: above the basemap and the place names' pane, below bases and events; clicks pass."""
LABELS_PANE = "labelsPane"
SITES_PANE = "sitesPane"
EVENTS_PANE = "eventsPane"
"""Events above the bases' icons (nothing is laid out over an icon, see static/app/events_layout.js)."""
TOP_PANE = "eventsTopPane"
"""An opened fan and the selection ring, above everything else."""
PANES = ((HALOS_PANE, 450, False), (LABELS_PANE, 460, True), (SITES_PANE, 640, True), (EVENTS_PANE, 650, True),
         (TOP_PANE, 660, True))
OFFLINE_LAYER_NAME = "Offline basemap (borders, governorates, rivers, place names)"
ONLINE_LAYER_NAME = "OpenStreetMap (online only)"
OFFLINE_NOTICE = ("OpenStreetMap needs the internet and its tiles cannot be loaded here, so nothing is drawn "
                  "under the events. Choose the offline basemap in the layer list (top right).")

# (population at least, min zoom in Syria, text px); abroad names show half a zoom later
PLACE_TIERS: tuple[tuple[int, float, int], ...] = (
    (1_000_000, 5.5, 13), (300_000, 6.5, 12), (100_000, 7.0, 12), (40_000, 8.0, 11), (20_000, 9.0, 11), (0, 10.0, 10))
LABEL_ZOOMS: dict[str, tuple[float, float | None, int]] = {
    # kind: (min zoom, max zoom or None, text px)
    "country": (4.0, 8.5, 13), "sea": (4.0, None, 13), "region": (5.5, 9.0, 12), "admin1": (7.0, 10.0, 10),
    "peak": (8.0, None, 10), "water": (7.0, None, 11), "airport": (9.0, None, 10),
}


def place_zoom(population: int, capital: str | None, country: str) -> tuple[float, int, str]:
    """(min zoom, text px, kind) of a populated place: capitals first, then by population."""
    if capital in ("national", "national_alt"):
        return 5.0, 13, "capital"
    zoom, size = next((z, px) for least, z, px in PLACE_TIERS if population >= least)
    if capital == "admin1":  # a governorate capital: from zoom 6, whatever its size
        zoom, size = min(zoom, 6.0 if country == "SY" else 6.5), max(size, 12)
    kind = "city" if population >= 100_000 or capital else "town"
    return (zoom if country == "SY" else zoom + 0.5), size, kind


def _line_label_point(geometry: dict) -> tuple[float, float]:
    line = shape(geometry)
    if line.geom_type == "MultiLineString":
        line = max(line.geoms, key=lambda part: part.length)
    point = line.interpolate(0.5, normalized=True)
    return point.y, point.x


def label_rows(basemap: Basemap) -> tuple[list[list[object]], list[list[object]]]:
    """Place rows and other label rows: [lat, lon, kind, min zoom, px, English, Arabic, max zoom] (escaped)."""
    places = []
    for feature in basemap.places.get("features", []):
        p = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        zoom, size, kind = place_zoom(int(p.get("population") or 0), p.get("capital"), p.get("country") or "")
        places.append([lat, lon, kind, zoom, size, escape_text(p.get("name_en") or p.get("name")),
                       escape_text(p.get("name_ar") or ""), None])
    labels = []
    for feature in basemap.labels.get("features", []):
        p = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        kind = p.get("kind") or "region"
        low, high, size = LABEL_ZOOMS.get(kind, LABEL_ZOOMS["region"])
        if kind == "admin1" and p.get("country") not in (None, "SY", "Syria"):
            low += 1.0
        labels.append([lat, lon, kind, low, size, escape_text(p.get("name_en") or p.get("name")),
                       escape_text(p.get("name_ar") or ""), high])
    for feature in basemap.lakes.get("features", []):
        p = feature["properties"]
        point = shape(feature["geometry"]).representative_point()
        low, high, size = LABEL_ZOOMS["water"]
        labels.append([point.y, point.x, "water", max(low, float(p.get("min_label") or low)), size,
                       escape_text(p.get("name_en") or p.get("name")), escape_text(p.get("name_ar") or ""), high])
    for feature in basemap.rivers.get("features", []):
        p = feature["properties"]
        if not (p.get("name_en") or p.get("name")) or p.get("kind") == "lake_centerline":
            continue
        lat, lon = _line_label_point(feature["geometry"])
        low, high, size = LABEL_ZOOMS["water"]
        labels.append([lat, lon, "water", low + 0.5, size, escape_text(p.get("name_en") or p.get("name")),
                       escape_text(p.get("name_ar") or ""), high])
    for feature in basemap.airports.get("features", []):
        p = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        low, high, size = LABEL_ZOOMS["airport"]
        labels.append([lat, lon, "airport", low, size, "&#9992; " + escape_text(p.get("name_en") or p.get("name")),
                       escape_text(p.get("name_ar") or ""), high])
    return places, labels


def basemap_payload(basemap: Basemap) -> dict:
    """Everything :class:`BasemapLayer` draws, JSON-ready (text escaped)."""
    places, labels = label_rows(basemap)
    rivers = {"type": "FeatureCollection",
              "features": [{"type": "Feature", "geometry": f["geometry"], "properties": {}}
                           for f in basemap.rivers.get("features", [])]}
    lakes = {"type": "FeatureCollection",
             "features": [{"type": "Feature", "geometry": f["geometry"], "properties": {}}
                          for f in basemap.lakes.get("features", [])]}
    return {"countries": basemap.countries, "governorates": basemap.governorates, "rivers": rivers, "lakes": lakes,
            "places": places, "labels": labels,
            "attribution": "; ".join((escape_text(basemap.attribution), *basemap.credits))}


def basemap_json(basemap: Basemap) -> str:
    """:func:`basemap_payload` as compact JSON (what the dashboard serves as a file)."""
    return json.dumps(basemap_payload(basemap), separators=(",", ":"), ensure_ascii=False)


class BasemapLayer(MacroElement):
    """The offline basemap drawn by ``EventMap.BasemapLayer``: from ``url``, or ``payload`` inline."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = new EventMap.BasemapLayer({{ this.source }});
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, *, url: str | None = None, payload: dict | None = None) -> None:
        super().__init__()
        self._name = "BasemapLayer"
        if (url is None) == (payload is None):
            raise ValueError("BasemapLayer needs exactly one of url and payload")
        source = url if url is not None else payload
        self.source = json.dumps(source, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


class _MapCss(Element):
    """The map's stylesheet, its template compiled once (``Element(MAP_CSS)`` compiled it for every map)."""

    _template = Template(MAP_CSS)


class _MapScaffold(MacroElement):
    """Renderers a pan leaves alone, panes, the click reporter, the online-only notice and the Arabic-names option,
    once per map."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function(map) {
            EventMap.lazyRenderers(map);
            {% for name, z, events in this.panes %}
            map.createPane("{{ name }}").style.zIndex = {{ z }};
            {% if not events %}map.getPane("{{ name }}").style.pointerEvents = "none";{% endif %}
            {% endfor %}
            EventMap.reporter = new EventMap.Reporter().addTo(map);
            new EventMap.LanguageControl().addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "MapScaffold"
        self.panes = PANES


class _OnlineOnly(MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
        if (typeof {{ this.tiles.get_name() }} !== "undefined") {  // an export may leave the tiles out
            EventMap.onlineOnly({{ this._parent.get_name() }}, {{ this.tiles.get_name() }}, {{ this.text }});
        }
        {% endmacro %}
    """)

    def __init__(self, tiles: folium.TileLayer) -> None:
        super().__init__()
        self._name = "OnlineOnly"
        self.tiles, self.text = tiles, json.dumps(OFFLINE_NOTICE)


def build_base_map(basemap: Basemap, sites: pd.DataFrame, *, center: tuple[float, float] = SYRIA_CENTER,
                   zoom: float = SYRIA_ZOOM, asset_prefix: str = COMPONENT_STATIC_PREFIX,
                   basemap_url: str | None = None, site_popups: bool = False,
                   online_layer: bool = True) -> folium.Map:
    """The static part of the map: offline basemap, optional OSM tiles, the bases.

    ``center`` is (lat, lon). ``basemap_url``: where the browser fetches :func:`basemap_json` (the dashboard
    serves it once per page); without it the basemap is inline. ``site_popups``: a click on a base opens its
    record in a popup (exports; the dashboard shows it beside the map). Every script and stylesheet is
    served from the project (see :mod:`utils.map.assets`).
    """
    fmap = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True, prefer_canvas=False,
                      min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM, zoom_snap=0.25, zoom_delta=0.5)
    # folium gives min_zoom and max_zoom to its tile layer only: with no tiles the map would zoom without limit
    # (Leaflet's getMaxZoom() is Infinity, so no group of events at one point could ever be told apart from it)
    fmap.options.update(min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM)
    fmap.get_root().header.add_child(_MapCss(), name="event_map_css")
    fmap.add_child(_MapScaffold(), name="scaffold")
    offline = folium.FeatureGroup(name=OFFLINE_LAYER_NAME, overlay=False, control=True, show=True)
    offline.add_child(BasemapLayer(url=basemap_url) if basemap_url else BasemapLayer(payload=basemap_payload(basemap)),
                      name="basemap")
    offline.add_to(fmap)
    if online_layer:
        # the provider itself, not its name: folium would search every xyzservices provider for it (8 ms a map)
        tiles = folium.TileLayer(xyzservices.providers.OpenStreetMap.Mapnik, name=ONLINE_LAYER_NAME, overlay=False,
                                 control=True, show=False)
        tiles.add_to(fmap)
        fmap.add_child(_OnlineOnly(tiles), name="online_only")
    bases = folium.FeatureGroup(name=SITES_LAYER_NAME, overlay=True, control=True, show=True)
    bases.add_child(SitesLayer(sites, popups=site_popups), name="sites")
    bases.add_to(fmap)
    fmap.add_child(FocusWithoutScrolling(), name="focus_without_scrolling")
    return localize_assets(fmap, asset_prefix)
