"""The map inside a briefing export: self-contained, with a lean events layer.

The dashboard's events layer (:func:`utils.mapping.build_events_layer`) writes
a GeoJSON feature with the full popup HTML for every event: about 1.5 kB an
event. An export of 10,000 events would weigh 15 MB, so exports draw events
from a compact table instead: each distinct (already escaped) string is
stored once and each event is ``[lat, lon, style, others at the same point, [label, value, ...], [list cells]]``
of indexes into it. The popup HTML is assembled in the browser only when an
event is clicked, from strings that passed :func:`utils.escaping.escape_text`
in Python. The same page is the HTML export and what Chromium photographs for
PNG and prints for PDF.

Leaflet's script and stylesheet (with its images as ``data:`` URIs) are
inlined, so the page needs no network and no files beside it.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from utils.assets import STATIC_DIR, VENDORED
from utils.dataset import Dataset
from utils.escaping import escape_text
from utils.mapping import (
    EVENT_RADIUS_PX,
    EVENTS_PANE,
    OTHER_COLOR,
    STATUS_OUTLINES,
    EventLegend,
    build_base_map,
    legend_html,
)
from utils.permalink import MapView
from utils.presentation import event_record
from utils.schema import DISPLAY_LABELS

__all__ = ["INLINE_PREFIX", "ExportEventsLayer", "build_export_map", "compact_events", "inline_vendored_assets"]

INLINE_PREFIX = "inline-asset:"
"""Placeholder prefix for vendored assets; :func:`inline_vendored_assets` replaces the tags that use it."""


TOOLTIP_FIELDS = ("event_id", "event_date", "sub_event_type", "location", "status")
"""What an event's tooltip says, in order (as :func:`utils.presentation.event_tooltip_html`)."""


def _style_key(style: dict) -> tuple:
    return tuple(sorted(style.items()))


def compact_events(events: pd.DataFrame, colors: dict[str, str], color_by: str, *,
                   details: bool = True, list_rows: list[list[str]] | None = None) -> dict:
    """The events as a compact table for :class:`ExportEventsLayer`.

    ``details=False`` leaves out tooltips and records (for PNG and PDF, where
    nobody clicks): only position, colour and outline are kept. ``list_rows``
    (plain text, one list per event in the order of ``events``) is stored
    escaped for the page to fill its table of events from.
    """
    if list_rows is not None and not details:
        raise ValueError("list_rows go with details=True (the list is only drawn on the interactive page)")
    strings: list[str] = [""]
    index: dict[str, int] = {"": 0}

    def ref(text: str) -> int:
        number = index.get(text)
        if number is None:
            number = index[text] = len(strings)
            strings.append(text)
        return number

    styles: list[dict] = []
    style_index: dict[tuple, int] = {}
    rows: list[list] = []
    if len(events):
        same_point = events.groupby(["latitude", "longitude"])["event_id"].transform("size").to_numpy() - 1
    columns = list(events.columns)
    fills = [colors.get(v, OTHER_COLOR) for v in events[color_by]]
    records = events.itertuples(index=False, name=None) if details else iter(())
    for number, (lat, lon, fill, status) in enumerate(zip(events["latitude"], events["longitude"], fills,
                                                          events["status"])):
        style = {"radius": EVENT_RADIUS_PX, "fillColor": fill, "fillOpacity": 0.85, "opacity": 1.0, "fill": True,
                 **STATUS_OUTLINES.get(status, STATUS_OUTLINES["reported"])}
        key = _style_key(style)
        if key not in style_index:
            style_index[key] = len(styles)
            styles.append(style)
        row: list = [round(float(lat), 5), round(float(lon), 5), style_index[key]]
        if details:
            event = pd.Series(next(records), index=columns)
            pairs: list[int] = []
            for label, value in event_record(event):
                if value:
                    pairs += [ref(escape_text(label)), ref(escape_text(value))]
            row += [int(same_point[number]), pairs]
        if list_rows is not None:
            row.append([ref(escape_text(text)) for text in list_rows[number]])
        rows.append(row)
    tooltip_labels = [ref(escape_text(DISPLAY_LABELS[c])) for c in TOOLTIP_FIELDS]
    return {"strings": strings, "styles": styles, "events": rows, "details": details, "pane": EVENTS_PANE,
            "tooltip": tooltip_labels}


class ExportEventsLayer(MacroElement):
    """Draws the compact events table as SVG circle markers in the events pane.

    Sets ``window.briefingEventCount`` to the number of markers drawn.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var data = {{ this.data | tojson }};
            var s = data.strings;
            var layer = L.featureGroup();
            function tooltip(row) {
                var pairs = row[4], parts = [];
                data.tooltip.forEach(function(label) {
                    for (var i = 0; i < pairs.length; i += 2) {
                        if (pairs[i] === label) { parts.push(s[pairs[i + 1]]); break; }
                    }
                });
                var text = parts.join(" &#183; ");
                return row[3] ? text + " &#183; +" + row[3] + " more at this point" : text;
            }
            function record(row) {
                var pairs = row[4];
                var html = '<div class="event-popup"><b>' + s[pairs[1]] + '</b><table>';
                for (var i = 2; i < pairs.length; i += 2) {
                    html += '<tr><th>' + s[pairs[i]] + '</th><td>' + s[pairs[i + 1]] + '</td></tr>';
                }
                return html + '</table></div>';
            }
            data.events.forEach(function(row) {
                var options = Object.assign({pane: data.pane}, data.styles[row[2]]);
                var marker = L.circleMarker([row[0], row[1]], options);
                if (data.details) {
                    marker.bindTooltip(function() { return tooltip(row); }, {sticky: true});
                    marker.bindPopup(function() { return record(row); }, {maxWidth: 460});
                }
                marker.addTo(layer);
            });
            var body = document.getElementById("events-list-body");
            if (body && data.events.length && data.events[0].length > 5) {
                var html = [];
                data.events.forEach(function(row) {
                    html.push("<tr><td>" + row[5].map(function(i) { return s[i]; }).join("</td><td>") + "</td></tr>");
                });
                body.innerHTML = html.join("");
            }
            layer.addTo(map);
            window.briefingEventCount = data.events.length;
        })();
        {% endmacro %}
    """)

    def __init__(self, data: dict) -> None:
        super().__init__()
        self._name = "ExportEventsLayer"
        self.data = data


def build_export_map(dataset: Dataset, events: pd.DataFrame, view: MapView, colors: dict[str, str], *,
                     color_by: str = "event_type", details: bool = True, interactive: bool = True,
                     list_rows: list[list[str]] | None = None) -> folium.Map:
    """The offline map of a briefing: basemap and bases from :func:`build_base_map`, lean events, legend.

    The online-only OpenStreetMap layer is left out (an export must draw the
    same on a machine with no network). ``interactive=False`` turns off
    zoom animation and the zoom buttons, for PNG and PDF. ``list_rows``: see
    :func:`compact_events` (the page's ``<tbody id="events-list-body">`` is
    filled from them, so each string is stored once).
    """
    fmap = build_base_map(dataset.basemap, dataset.sites, center=view.center, zoom=view.zoom,
                          asset_prefix=INLINE_PREFIX)
    for name, child in list(fmap._children.items()):
        if isinstance(child, folium.TileLayer):
            del fmap._children[name]
    if not interactive:
        fmap.options.update({"zoomControl": False, "zoomAnimation": False, "fadeAnimation": False,
                             "markerZoomAnimation": False})
    fmap.add_child(ExportEventsLayer(compact_events(events, colors, color_by, details=details, list_rows=list_rows)),
                   name="export_events")
    counts = events[color_by].value_counts().to_dict() if len(events) else {}
    fmap.add_child(EventLegend(legend_html(counts, colors, color_by)), name="event_legend")
    return fmap


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
