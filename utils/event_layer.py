"""The events as one compact Leaflet layer: rows of escaped text, styles sent once.

Instead of a GeoJSON feature with its own popup HTML and style per event,
the page gets one array of rows (each value already passed through
:func:`utils.escaping.escape_text`) and a small table of styles; a few lines
of JavaScript draw a circle marker per row and build its tooltip and popup by
joining those escaped strings. That keeps a thousand events near 0.4 MB and
still one folium object. Positions are (lat, lon).
"""

from __future__ import annotations

import json

import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from utils.escaping import escape_text, safe_http_url
from utils.presentation import date_text, place_precision_text
from utils.schema import GEO_PRECISION_RADIUS_KM, STATUSES

__all__ = ["EventsLayer", "event_rows"]

ROW_FIELDS: tuple[str, ...] = (
    "lat", "lon", "id", "date", "type", "sub", "place", "admin1", "precision", "source", "claimed", "status",
    "fatalities", "notes", "nearest", "style", "more", "halo_m", "doc", "incident", "url_text", "url",
)
"""What each row holds, in order. Text fields are escaped HTML text."""

POPUP_LABELS: tuple[tuple[str, str], ...] = (
    ("date", "Date"), ("type", "Event type"), ("sub", "Sub-event type"), ("place", "Place"),
    ("admin1", "Governorate"), ("precision", "Place precision"), ("source", "Reported by"),
    ("claimed", "Claimed by"), ("status", "Status"), ("fatalities", "Fatalities"), ("nearest", "Nearest base"),
    ("notes", "Notes"), ("doc", "Article"), ("incident", "Incident"),
)


def _fatalities(value: object) -> str:
    return "unknown" if value is None or pd.isna(value) else str(int(value))


def event_rows(events: pd.DataFrame, colors: dict[str, str], color_by: str,
               outlines: dict[str, dict[str, object]], other_color: str, radius_px: int
               ) -> tuple[list[list[object]], dict[str, dict[str, object]]]:
    """Compact rows for :class:`EventsLayer` and the styles they refer to by key.

    A style key is '<colour index>-<status>'; each style holds fill colour,
    outline and radius (px).
    """
    styles: dict[str, dict[str, object]] = {}
    palette: dict[str, int] = {}
    same_point = (events.groupby(["latitude", "longitude"])["event_id"].transform("size") - 1).to_numpy()
    has_nearest = "nearest_site" in events.columns
    rows: list[list[object]] = []
    for number, event in enumerate(events.to_dict("records")):
        color = colors.get(event[color_by], other_color)
        index = palette.setdefault(color, len(palette))
        status = event["status"] if event["status"] in STATUSES else "reported"
        key = f"{index}-{status}"
        if key not in styles:
            styles[key] = {"radius": radius_px, "fillColor": color, "fillOpacity": 0.85, "opacity": 1.0,
                           **outlines[status]}
        precision = int(event["geo_precision"])
        nearest = (f"{event['nearest_site']}, {event['nearest_site_km']:.1f} km"
                   if has_nearest and isinstance(event.get("nearest_site"), str) else "")
        rows.append([
            round(float(event["latitude"]), 6), round(float(event["longitude"]), 6),
            escape_text(event["event_id"]),
            escape_text(date_text(event["event_date"], event["date_precision"])),
            escape_text(event["event_type"]), escape_text(event["sub_event_type"]),
            escape_text(event["location"]), escape_text(event["admin1"]),
            escape_text(place_precision_text(precision)
                        + (f" (halo of {GEO_PRECISION_RADIUS_KM[precision]:g} km)" if precision > 1 else "")),
            escape_text(event["source"]), escape_text(event["claimed_by"]), escape_text(event["status"]),
            escape_text(_fatalities(event["fatalities"])), escape_text(event["notes"]), escape_text(nearest),
            key, int(same_point[number]), int(GEO_PRECISION_RADIUS_KM.get(precision, 0) * 1000),
            escape_text(event.get("doc_id", "")), escape_text(event.get("incident_id", "")),
            escape_text(event.get("source_url", "")), escape_text(safe_http_url(event.get("source_url")) or ""),
        ])
    return rows, styles


def _script_json(value: object) -> str:
    """JSON for inside a <script>: no '</' can close the script element."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


class EventsLayer(MacroElement):
    """All events as circle markers (plus halos for imprecise places) in one layer.

    Tooltips start with the event id (clicks are read from it: see
    :mod:`utils.clicks`); popups list the record; halos are drawn for
    geo_precision 2 and 3 with the radius in ``GEO_PRECISION_RADIUS_KM``.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function() {
            var F = {{ this.fields_json }};
            var ROWS = {{ this.rows_json }};
            var STYLES = {{ this.styles_json }};
            var LABELS = {{ this.labels_json }};
            var group = L.featureGroup();
            var halos = L.layerGroup();
            ROWS.forEach(function(r) {
                var ll = [r[F.lat], r[F.lon]];
                if ({{ this.halos_js }} && r[F.halo_m] > 0) {
                    L.circle(ll, {radius: r[F.halo_m], pane: "{{ this.halo_pane }}", interactive: false,
                        color: STYLES[r[F.style]].fillColor, weight: 1, dashArray: "4 4",
                        fillColor: STYLES[r[F.style]].fillColor, fillOpacity: 0.07}).addTo(halos);
                }
                var marker = L.circleMarker(ll, Object.assign({pane: "{{ this.pane }}"}, STYLES[r[F.style]]));
                var tip = [r[F.id], r[F.date], r[F.sub], r[F.place], r[F.status]].join(" &#183; ");
                if (r[F.more] > 0) { tip += " &#183; +" + r[F.more] + " more at this point"; }
                marker.bindTooltip(tip);
                var body = "";
                LABELS.forEach(function(pair) {
                    if (r[F[pair[0]]] !== "") { body += "<tr><th>" + pair[1] + "</th><td>" + r[F[pair[0]]] + "</td></tr>"; }
                });
                if (r[F.url_text] !== "") {
                    // a link only from an http(s) URL (checked in Python); any other text is shown as text
                    var cell = r[F.url] !== "" ? '<a href="' + r[F.url] + '" target="_blank" rel="noopener noreferrer">'
                        + r[F.url_text] + "</a>" : r[F.url_text];
                    body += "<tr><th>Source URL</th><td>" + cell + "</td></tr>";
                }
                marker.bindPopup('<div class="event-popup"><b>' + r[F.id] + "</b><table>" + body
                                 + "</table></div>", {maxWidth: 460});
                marker.on("click", function() {
                    // ring the clicked event here, so the layer need not be redrawn (which would close the popup)
                    if (group._selectedRing) { group.removeLayer(group._selectedRing); }
                    group._selectedRing = L.circleMarker(ll, {pane: "{{ this.pane }}", radius: {{ this.ring_radius }},
                        color: "{{ this.ring_color }}", weight: 4, fill: false, interactive: false}).addTo(group);
                });
                marker.addTo(group);
            });
            var layer = L.layerGroup([halos, group]);
            return layer;
        })();
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, rows: list[list[object]], styles: dict[str, dict[str, object]], *, pane: str,
                 halo_pane: str = "overlayPane", halos: bool = True, ring_radius: int = 13,
                 ring_color: str = "#ffcc00") -> None:
        super().__init__()
        self._name = "EventsLayer"
        self.rows = rows
        self.fields_json = _script_json({name: i for i, name in enumerate(ROW_FIELDS)})
        self.rows_json = _script_json(rows)
        self.styles_json = _script_json(styles)
        self.labels_json = _script_json([list(pair) for pair in POPUP_LABELS])
        self.pane = pane
        self.halo_pane = halo_pane
        self.halos_js = "true" if halos else "false"
        self.ring_radius = int(ring_radius)
        self.ring_color = ring_color
