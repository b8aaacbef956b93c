"""Drawing an export's numbered markers: a badge with the event's number, a leader line, the true position.

The events themselves are drawn by the dashboard's events layer
(:mod:`utils.map.event_layer`: styles, tooltips, popups) at the positions
:func:`utils.export.numbering.fan_out` gave them; :class:`NumberedMarkers` adds
on top, for each event, a round badge in the event's own style (fill by colour,
outline by status) carrying its number, and for a fanned event a thin leader
line to its true position, marked with a small dot, and the uncertainty halos
around the true positions (one per distinct place, drawn by the dashboard's
``EventMap.HaloLayer``). Badges let the pointer through to the event below
(the HTML export's tooltips and popups); the badges take their place on the
map's label board (:mod:`utils.map.basemap_layer`), so place names are laid out
around them, never under them. Only numbers and colours reach the page; no text
from the data. Positions are (lat, lon) in degrees.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from branca.element import MacroElement
from jinja2 import Template

from utils.map.basemap_layer import HALOS_PANE
from utils.map.style import HALO_FILL_OPACITY

__all__ = ["LEADERS_PANE", "NUMBERS_PANE", "NumberedMarkers"]

NUMBERS_PANE = "exportNumbersPane"
"""Above the events pane (650): the badges."""
LEADERS_PANE = "exportLeadersPane"
"""Between the halos (450) and the bases' icons (600): leader lines and true positions, under a base's icon."""


class NumberedMarkers(MacroElement):
    """Numbered badges for ``rows`` of ``[true_lat, true_lon, lat, lon, number, style, halo_m]``.

    ``style`` indexes ``styles`` (the events layer's: fillColor, color, weight, dashArray); ``halo_m`` is the
    uncertainty radius in metres around the true position (0: none); ``radius`` the badge's radius (CSS px).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var ROWS = {{ this.rows_json }}, ST = {{ this.styles_json }}, R = {{ this.radius }};
            ["{{ this.leaders_pane }}", "{{ this.numbers_pane }}"].forEach(function(name, i) {
                if (!map.getPane(name)) {
                    var pane = map.createPane(name);
                    pane.style.zIndex = i ? 660 : 590;
                    pane.style.pointerEvents = "none";
                }
            });
            // halos around the true positions, one per distinct place, drawn as the dashboard draws them
            var halos = [], seen = {};
            ROWS.forEach(function(r) {
                var key = r[0] + ":" + r[1] + ":" + r[6];
                if (r[6] > 0 && !seen[key]) { seen[key] = true; halos.push([r[0], r[1], r[6], ST[r[5]].fillColor]); }
            });
            if (halos.length) {
                var haloLayer = map._exportHalos = new EventMap.HaloLayer({pane: "{{ this.halo_pane }}",
                    fillOpacity: {{ this.halo_fill }}}).addTo(map);
                haloLayer.set(halos);
                map.on("moveend zoomend resize", function() { haloLayer.set(halos); });
            }
            var size = 2 * R + 6, c = size / 2;
            // place names are laid out around the badges, never under them (the map's label board, when it has one)
            if (window.EventMap && EventMap.board) {
                EventMap.board(map).add({priority: 1, apply: function() {}, plan: function(board, zoom) {
                    ROWS.forEach(function(r) {
                        var p = map.project(L.latLng(r[2], r[3]), zoom);
                        board.take([p.x - R - 1, p.y - R - 1, p.x + R + 1, p.y + R + 1]);
                    });
                }});
            }
            ROWS.forEach(function(r) {
                var style = ST[r[5]], truth = [r[0], r[1]], at = [r[2], r[3]];
                if (truth[0] !== at[0] || truth[1] !== at[1]) {
                    L.polyline([truth, at], {pane: "{{ this.leaders_pane }}", interactive: false, color: "#333333",
                        weight: 1, opacity: 0.8}).addTo(map);
                    L.circleMarker(truth, {pane: "{{ this.leaders_pane }}", interactive: false, radius: 2.5,
                        color: "#ffffff", weight: 1, fillColor: "#111111", fillOpacity: 1}).addTo(map);
                }
                var dash = style.dashArray ? ' stroke-dasharray="' + style.dashArray + '"' : "";
                var text = String(r[4]);
                var font = text.length > 2 ? R * 0.95 : R * 1.1;
                var html = '<svg width="' + size + '" height="' + size + '" viewBox="0 0 ' + size + ' ' + size + '">'
                    + '<circle cx="' + c + '" cy="' + c + '" r="' + R + '" fill="' + style.fillColor + '" stroke="'
                    + style.color + '" stroke-width="' + style.weight + '"' + dash + '/>'
                    + '<text x="' + c + '" y="' + c + '" dy="0.36em" text-anchor="middle" font-size="' + font
                    + '" font-weight="bold" fill="#ffffff" stroke="#000000" stroke-width="2.2" stroke-opacity="0.55"'
                    + ' paint-order="stroke">' + text + '</text></svg>';
                L.marker(at, {pane: "{{ this.numbers_pane }}", interactive: false, keyboard: false,
                    icon: L.divIcon({className: "event-number", html: html, iconSize: [size, size],
                                     iconAnchor: [c, c]})}).addTo(map);
            });
        })();
        {% endmacro %}
    """)

    def __init__(self, rows: Sequence[Sequence[float | int]], styles: Sequence[dict], *, radius: float = 10) -> None:
        super().__init__()
        self._name = "NumberedMarkers"
        self.rows = [list(row) for row in rows]
        for row in self.rows:
            if not all(isinstance(v, int | float) for v in row):
                raise TypeError("numbered marker rows hold numbers only")
        self.rows_json = json.dumps(self.rows, separators=(",", ":"))
        keys = ("fillColor", "color", "weight", "dashArray")
        self.styles_json = json.dumps([{k: style[k] for k in keys if k in style} for style in styles],
                                      separators=(",", ":")).replace("</", "<\\/")
        self.radius = float(radius)
        self.numbers_pane, self.leaders_pane, self.halo_pane = NUMBERS_PANE, LEADERS_PANE, HALOS_PANE
        self.halo_fill = float(HALO_FILL_OPACITY)
