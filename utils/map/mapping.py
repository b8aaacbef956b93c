"""Building the folium map: a static base (basemap, bases) and a changing events layer.

The base map is rebuilt cheaply from cached data and stays the same between
reruns, so streamlit-folium keeps it mounted (zoom and centre survive a filter
change). The events are one compact layer (:mod:`utils.map.event_layer`, the
same the briefing exports draw), not one folium object per event, passed to
``st_folium(feature_group_to_add=...)``. Positions are (lat, lon) for folium
and [lon, lat] inside GeoJSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import folium
import pandas as pd
from branca.element import Element, MacroElement
from folium.plugins import HeatMap
from jinja2 import Template

from utils.core.escaping import escape_text
from utils.core.presentation import site_popup_html, site_tooltip_text
from utils.core.schema import DISPLAY_LABELS, STATUSES
from utils.data.basemap import Basemap
from utils.map.assets import COMPONENT_STATIC_PREFIX, localize_assets
from utils.map.event_layer import EventsLayer, event_table
from utils.map.focus import FocusWithoutScrolling
from utils.map.settings import COLOR_BY_CHOICES

__all__ = [
    "COLOR_BY_CHOICES",
    "EVENTS_LAYER_NAME",
    "SYRIA_CENTER",
    "SYRIA_ZOOM",
    "build_base_map",
    "build_change_layer",
    "build_events_layer",
    "category_colors",
]

SYRIA_CENTER: tuple[float, float] = (34.85, 38.7)
"""(lat, lon) of the default view: all of Syria in a map about 650 px wide."""
SYRIA_ZOOM = 6.75
EVENTS_PANE = "eventsPane"
"""A map pane above the bases' icons, so events at a base stay visible and clickable."""
HALOS_PANE = "halosPane"
"""A map pane for the events' uncertainty halos: above the basemap (a canvas in the basemap's own pane
would be drawn under its SVG), below the bases and events, and letting clicks through."""
EVENTS_LAYER_NAME = "Events"
SITES_LAYER_NAME = "Bases"

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
EVENT_RADIUS_PX = 7

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

MAP_CSS = """
<style>
.leaflet-container { background: #cfe2ee; font: 12px/1.3 "DejaVu Sans", Arial, sans-serif; }
.leaflet-control-layers { font-size: 12px; }
.leaflet-control-attribution { font-size: 10px; }
.site-marker { position: relative; width: 28px; height: 28px; }
.site-marker svg { width: 28px; height: 28px; border-radius: 6px; box-shadow: 0 0 0 2px #fff, 0 1px 4px #0008; }
.site-label { position: absolute; left: 33px; top: 5px; white-space: nowrap; font-weight: bold;
  color: #111; text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 3px #fff; font-size: 12px; }
.event-popup, .site-popup { font-size: 12px; }
.event-popup table, .site-popup table { border-collapse: collapse; margin-top: 4px; }
.event-popup th, .site-popup th { text-align: left; padding: 1px 8px 1px 0; vertical-align: top;
  color: #444; font-weight: normal; white-space: nowrap; }
.event-popup td, .site-popup td { padding: 1px 0; max-width: 280px; white-space: pre-wrap; }
.event-legend { font-size: 11px; background: #fffffff0; padding: 5px 8px; border-radius: 5px; box-shadow: 0 1px 5px #0006;
  max-width: 260px; max-height: 50vh; overflow-y: auto; }
.event-legend .title { font-weight: bold; margin-bottom: 3px; }
.event-cluster div { border-radius: 50%; color: #fff; font: bold 11px/1 "DejaVu Sans", sans-serif;
  text-align: center; opacity: 0.85; box-shadow: 0 0 0 3px #ffffff99; }
.ring-label { color: #7a1f5c; font-size: 10px; font-weight: bold; text-align: center;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff; }
.event-legend svg { vertical-align: middle; margin-right: 5px; }
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


def _site_icon_html(kind: str, name: str) -> str:
    background, glyph = SITE_ICONS[kind]
    return (f'<div class="site-marker"><svg viewBox="0 0 24 24" style="background:{background}">{glyph}</svg>'
            f'<span class="site-label">{escape_text(name)}</span></div>')


def _sites_geojson(sites: pd.DataFrame) -> dict:
    features = []
    for number, site in enumerate(sites.itertuples(index=False)):
        row = pd.Series(site._asdict())
        features.append({
            "type": "Feature",
            "id": number,
            "geometry": {"type": "Point", "coordinates": [float(site.longitude), float(site.latitude)]},
            "properties": {
                "site_id": escape_text(site.site_id),
                "kind": escape_text(site.kind),
                "tooltip": escape_text(site_tooltip_text(row)),
                "popup": site_popup_html(row),
                "icon_html": _site_icon_html(site.kind, site.name),
            },
        })
    return {"type": "FeatureCollection", "features": features}


def build_sites_layer(sites: pd.DataFrame) -> folium.FeatureGroup:
    """The bases as one GeoJSON layer, each with an icon by kind, a label and a popup."""
    group = folium.FeatureGroup(name=SITES_LAYER_NAME, overlay=True, control=True, show=True)
    data = _sites_geojson(sites)
    icon_by_id = {f["id"]: f["properties"]["icon_html"] for f in data["features"]}
    folium.GeoJson(
        data,
        name=SITES_LAYER_NAME,
        marker=folium.Marker(icon=folium.DivIcon(html="", icon_size=(28, 28), icon_anchor=(14, 14),
                                                 class_name="site-icon")),
        style_function=lambda feature: {"html": icon_by_id[feature["id"]]},
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=420, min_width=300,
                                    autoPanPaddingTopLeft=[48, 10]),  # clear of the zoom buttons
        zoom_on_click=False,
    ).add_to(group)
    return group


def build_base_map(basemap: Basemap, sites: pd.DataFrame, *, center: tuple[float, float] = SYRIA_CENTER,
                   zoom: float = SYRIA_ZOOM, asset_prefix: str = COMPONENT_STATIC_PREFIX) -> folium.Map:
    """The static part of the map: offline basemap, optional OSM tiles, the bases.

    ``center`` is (lat, lon). Every script and stylesheet is served from the
    project (see :mod:`utils.map.assets`).
    """
    fmap = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                      prefer_canvas=False, min_zoom=4, max_zoom=17, zoom_snap=0.25,
                      zoom_delta=0.5)
    fmap.get_root().header.add_child(Element(MAP_CSS), name="event_map_css")
    folium.map.CustomPane(EVENTS_PANE, z_index=650).add_to(fmap)
    folium.map.CustomPane(HALOS_PANE, z_index=450, pointer_events=False).add_to(fmap)

    offline = folium.FeatureGroup(name="Offline basemap (borders, governorates)", overlay=False,
                                  control=True, show=True)
    folium.GeoJson(
        basemap.countries,
        style_function=lambda f: {
            "fillColor": "#fbfaf5" if f["properties"]["name"] == "Syria" else "#ecebe4",
            "color": "#6b6b6b", "weight": 1.2, "fillOpacity": 1.0,
        },
        interactive=False,
        attribution=escape_text(basemap.attribution),
        control=False,
    ).add_to(offline)
    folium.GeoJson(
        basemap.governorates,
        style_function=lambda f: {"fillOpacity": 0.0, "color": "#a0a0a0", "weight": 0.8, "dashArray": "4 3"},
        interactive=False,
        control=False,
    ).add_to(offline)
    offline.add_to(fmap)
    folium.TileLayer(
        "OpenStreetMap", name="OpenStreetMap (online only)", overlay=False, control=True, show=False,
    ).add_to(fmap)
    build_sites_layer(sites).add_to(fmap)
    fmap.add_child(FocusWithoutScrolling(), name="focus_without_scrolling")
    return localize_assets(fmap, asset_prefix)


class EventLegend(MacroElement):
    """A legend control for the events layer; a new one replaces the old on each update."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this.map_name() }};
            if (map._eventLegend) { map.removeControl(map._eventLegend); }
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function() {
                var div = L.DomUtil.create("div", "event-legend");
                div.innerHTML = {{ this.html | tojson }};
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            legend.addTo(map);
            map._eventLegend = legend;
        })();
        {% endmacro %}
    """)

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "EventLegend"
        self.html = html

    def map_name(self) -> str:
        element = self._parent
        while element is not None and not isinstance(element, folium.Map):
            element = getattr(element, "_parent", None)
        if element is None:
            raise ValueError("EventLegend must be inside a layer that is on a folium.Map")
        return element.get_name()


def legend_html(counts: dict[str, int], colors: dict[str, str], color_by: str) -> str:
    """Legend HTML: a swatch and count per category shown, then the outline key for status."""
    title = escape_text(DISPLAY_LABELS.get(color_by, color_by))
    rows = [f'<div class="title">{title}</div>']
    if not counts:
        rows.append("<div>No events match the filters.</div>")
    for value, count in counts.items():
        color = colors.get(value, OTHER_COLOR)
        rows.append(f'<div><svg width="14" height="14"><circle cx="7" cy="7" r="6" fill="{color}" '
                    f'stroke="#fff"/></svg>{escape_text(value)} ({count})</div>')
    rows.append('<div class="title" style="margin-top:5px">Outline: status</div>')
    for status in STATUSES:
        outline = STATUS_OUTLINES[status]
        dash = f' stroke-dasharray="{outline["dashArray"]}"' if "dashArray" in outline else ""
        stroke = outline["color"] if outline["color"] != "#ffffff" else "#999999"
        rows.append(f'<div><svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="#ddd" '
                    f'stroke="{stroke}" stroke-width="{outline["weight"]}"{dash}/></svg>{status}</div>')
    return "".join(rows)


def events_table_layer(events: pd.DataFrame, colors: dict[str, str], color_by: str, *, details: bool = True,
                       halos: bool = True, list_rows: Sequence[Sequence[str]] | None = None) -> EventsLayer:
    """The events as one :class:`utils.map.event_layer.EventsLayer` in the events pane, styled as on the dashboard."""
    table = event_table(events, colors, color_by, outlines=STATUS_OUTLINES, other_color=OTHER_COLOR,
                        radius_px=EVENT_RADIUS_PX, details=details, halos=halos, list_rows=list_rows)
    return EventsLayer(table, pane=EVENTS_PANE, halo_pane=HALOS_PANE, ring_radius=EVENT_RADIUS_PX + 6)


def build_events_layer(events: pd.DataFrame, colors: dict[str, str], *, color_by: str = "event_type",
                       selected: tuple[float, float] | None = None, halos: bool = True, heatmap: bool = False,
                       rings_km: tuple[float, ...] = (), sites: pd.DataFrame | None = None,
                       asset_prefix: str = COMPONENT_STATIC_PREFIX, details: bool = True,
                       list_rows: Sequence[Sequence[str]] | None = None) -> folium.FeatureGroup:
    """One FeatureGroup holding all events as a single compact layer, plus its legend.

    Colour by ``color_by`` (one of :data:`COLOR_BY_CHOICES`); outline by status;
    a dashed halo shows how far an imprecise place may be off (``halos``).
    ``selected`` is the (lat, lon) of the selected event, ringed so it stands out.
    ``heatmap`` draws event density instead of points (folium's HeatMap, served
    locally). ``rings_km`` draws circles at those distances around each base in ``sites``.
    ``details=False`` draws markers without tooltips or popups (PNG and PDF exports);
    ``list_rows`` go with the layer's strings to fill a page's list of events
    (see :func:`utils.map.event_layer.event_table`).
    """
    if color_by not in COLOR_BY_CHOICES:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_BY_CHOICES)}, not {color_by!r}")
    group = folium.FeatureGroup(name=EVENTS_LAYER_NAME, overlay=True, control=True, show=True)
    if rings_km and sites is not None:
        add_range_rings(group, sites, rings_km)
    if len(events) and heatmap:
        points = events[["latitude", "longitude"]].astype(float).round(5).to_numpy().tolist()
        HeatMap(points, name="Event density", radius=18, blur=14, min_opacity=0.35,
                control=False).add_to(group)
    drawn = events.iloc[:0] if heatmap else events
    if len(drawn) or list_rows:
        group.add_child(events_table_layer(drawn, colors, color_by, details=details, halos=halos,
                                           list_rows=list_rows), name="events_layer")
    if selected is not None:
        ring = folium.CircleMarker(list(selected), radius=EVENT_RADIUS_PX + 6, color="#ffcc00", weight=4,
                                   fill=False, interactive=False)
        ring.options["pane"] = EVENTS_PANE
        ring.options["interactive"] = False  # folium drops it; an interactive ring steals clicks from neighbours
        ring.add_to(group)
    counts = events[color_by].value_counts().to_dict() if len(events) else {}
    group.add_child(EventLegend(legend_html(counts, colors, color_by)), name="event_legend")
    return localize_assets(group, asset_prefix)


CHANGE_COLORS: dict[str, str] = {"added": "#2ca02c", "changed": "#ff7f0e", "removed": "#7f7f7f"}


def build_change_layer(added: pd.DataFrame, changed: pd.DataFrame, removed: pd.DataFrame) -> folium.FeatureGroup:
    """Events coloured by what happened to them since an earlier version: added, changed or removed."""
    frames = [frame.assign(change=kind) for kind, frame in
              (("added", added), ("changed", changed), ("removed", removed)) if len(frame)]
    group = folium.FeatureGroup(name="Changes", overlay=True, control=True, show=True)
    if frames:
        events = pd.concat(frames, ignore_index=True)
        group.add_child(events_table_layer(events, CHANGE_COLORS, "change", halos=False), name="events_layer")
        counts = events["change"].value_counts().to_dict()
    else:
        counts = {}
    group.add_child(EventLegend(legend_html(counts, CHANGE_COLORS, "change")), name="event_legend")
    return group


RING_COLOR = "#7a1f5c"


def add_range_rings(group: folium.FeatureGroup, sites: pd.DataFrame, rings_km: tuple[float, ...]) -> None:
    """Dashed circles at ``rings_km`` (km, great-circle) around each base, labelled with the distance."""
    for site in sites.itertuples(index=False):
        for km in rings_km:
            folium.Circle([site.latitude, site.longitude], radius=km * 1000.0, color=RING_COLOR, weight=1.5,
                          dash_array="6 4", fill=False, interactive=False).add_to(group)
            folium.Marker(
                [site.latitude + km / 111.2, site.longitude],
                icon=folium.DivIcon(html=f'<div class="ring-label">{km:g} km</div>', icon_size=(60, 14),
                                    icon_anchor=(30, 7), class_name="ring-label-icon"),
                interactive=False,
            ).add_to(group)
