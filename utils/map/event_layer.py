"""The one events layer, for the dashboard and the briefing exports: escaped strings stored once.

:func:`event_table` turns events into a table the browser draws: each distinct
string (already passed through :func:`utils.core.escaping.escape_text`) is stored
once in ``strings``, each style once in ``styles``, and each event is a short
row of numbers::

    [lat, lon, style, halo_m]                                   (details=False: PNG and PDF)
    [lat, lon, style, halo_m, others_at_point, id, *popup]      (details=True: dashboard, HTML export)

where ``id`` and ``popup`` (one per :data:`utils.core.presentation.POPUP_LABELS`,
then the link target of the source URL) are indexes into ``strings``.
:class:`EventsLayer` draws a circle marker per row (and a dashed halo of
``halo_m`` metres for an imprecise place), binds the tooltip
'id · date · sub-type · place · status' (the id first: clicks are read from it,
see :mod:`utils.map.clicks`), builds the popup only when it opens, and rings the
clicked event in the browser. The JavaScript only joins escaped strings.
A table may also carry ``list`` rows (string indexes) that fill the page's
``<tbody id="events-list-body">`` (the HTML export's list of events).
Positions are (lat, lon) in degrees.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from utils.core.escaping import escape_text, safe_http_url
from utils.core.presentation import POPUP_LABELS, event_popup_fields
from utils.core.schema import DISPLAY_LABELS, GEO_PRECISION_RADIUS_KM, STATUSES

__all__ = ["EventTable", "EventsLayer", "event_table"]

LAT, LON, STYLE, HALO, MORE, ID = range(6)
"""Positions in a row; the popup's values follow ``ID``, then the source URL's link target."""
TOOLTIP_LABELS: tuple[str, ...] = ("Date", "Sub-event type", "Place", "Status")
"""The popup values the tooltip shows after the id, in order."""
URL_LABEL = DISPLAY_LABELS["source_url"]


class EventTable(dict):
    """What :func:`event_table` returns (a dict, sent to the page as JSON): strings, styles, rows, list."""

    @property
    def rows(self) -> list[list[object]]:
        return self["rows"]

    def text(self, row: Sequence[object], position: int) -> str:
        """The escaped string at ``position`` of ``row`` (for tests and checks)."""
        return self["strings"][row[position]]  # type: ignore[index]

    def popup(self, row: Sequence[object]) -> dict[str, str]:
        """The escaped popup values of ``row`` by label ('' when not known)."""
        return {label: self["strings"][index] for label, index in zip(POPUP_LABELS, row[ID + 1:])}  # type: ignore[index]


def event_table(events: pd.DataFrame, colors: dict[str, str], color_by: str, *,
                outlines: dict[str, dict[str, object]], other_color: str, radius_px: int,
                details: bool = True, halos: bool = True,
                list_rows: Sequence[Sequence[str]] | None = None) -> EventTable:
    """The events as an :class:`EventTable` for :class:`EventsLayer`.

    Fill colour by ``color_by`` (through ``colors``, else ``other_color``),
    outline by status (``outlines``), radius ``radius_px`` (CSS px).
    ``details=False`` keeps positions, styles and halos only (nobody clicks a
    PNG). ``halos=False`` leaves the halos out. ``list_rows`` (plain text
    cells, any number of rows) are stored escaped for the page's list of events.
    """
    strings: list[str] = [""]
    index: dict[str, int] = {"": 0}

    def ref(text: str) -> int:
        escaped = escape_text(text)
        number = index.get(escaped)
        if number is None:
            number = index[escaped] = len(strings)
            strings.append(escaped)
        return number

    styles: list[dict[str, object]] = []
    style_index: dict[tuple[str, str], int] = {}
    rows: list[list[object]] = []
    if len(events):
        same_point = (events.groupby(["latitude", "longitude"])["event_id"].transform("size") - 1).to_numpy()
        columns = ["latitude", "longitude", color_by, "status", "geo_precision"]
        records = events.to_dict("records") if details else events[columns].to_dict("records")
        for number, event in enumerate(records):
            color = colors.get(event[color_by], other_color)  # type: ignore[arg-type]
            status = event["status"] if event["status"] in STATUSES else "reported"
            key = (color, status)
            if key not in style_index:
                style_index[key] = len(styles)
                styles.append({"radius": radius_px, "fillColor": color, "fillOpacity": 0.85, "opacity": 1.0,
                               **outlines[status]})
            halo_m = int(GEO_PRECISION_RADIUS_KM.get(int(event["geo_precision"]), 0) * 1000) if halos else 0
            row: list[object] = [round(float(event["latitude"]), 5), round(float(event["longitude"]), 5),
                                 style_index[key], halo_m]
            if details:
                popup = event_popup_fields(event)
                row += [int(same_point[number]), ref(event["event_id"]), *map(ref, popup),
                        ref(safe_http_url(popup[-2]) or "")]
            rows.append(row)
    listed = [[ref(text) for text in cells] for cells in list_rows or ()]
    labels = [escape_text(label) for label in POPUP_LABELS]
    tooltip = [POPUP_LABELS.index(label) + ID + 1 for label in TOOLTIP_LABELS]
    return EventTable(strings=strings, styles=styles, rows=rows, list=listed, details=details, labels=labels,
                      tooltip=tooltip, url=POPUP_LABELS.index(URL_LABEL) + ID + 1)


def _script_json(value: object) -> str:
    """JSON for inside a <script>: no '</' can close the script element."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


class EventsLayer(MacroElement):
    """An :class:`EventTable` drawn as circle markers (SVG) in ``pane``, halos in ``halo_pane``.

    The halos share one canvas (thousands of large translucent circles are slow to draw as SVG and
    weigh megabytes in a PDF); it leaves the map with the layer. ``halo_pane`` must be a pane of its
    own (in a pane with SVG, Leaflet puts a canvas under the SVG).

    With ``details`` each marker has a tooltip (event id first), a popup built
    when it opens, and a click rings it (``ring_radius`` px, ``ring_color``) in
    the browser, so the layer need not be redrawn (which would close the popup).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function() {
            var D = {{ this.table_json }}, S = D.strings, ST = D.styles;
            var group = L.featureGroup(), halos = L.layerGroup();
            var haloCanvas = L.canvas({pane: "{{ this.halo_pane }}"});  // one raster for all halos: cheap to draw and print
            function record(r) {
                var body = "";
                for (var i = 0; i < D.labels.length; i++) {
                    var k = {{ this.first_popup }} + i, cell = S[r[k]];
                    if (cell === "") { continue; }
                    // a link only from an http(s) URL (checked in Python); any other text is shown as text
                    if (k === D.url && S[r[r.length - 1]] !== "") {
                        cell = '<a href="' + S[r[r.length - 1]] + '" target="_blank" rel="noopener noreferrer">' + cell + "</a>";
                    }
                    body += "<tr><th>" + D.labels[i] + "</th><td>" + cell + "</td></tr>";
                }
                return '<div class="event-popup"><b>' + S[r[{{ this.id }}]] + "</b><table>" + body + "</table></div>";
            }
            D.rows.forEach(function(r) {
                var ll = [r[0], r[1]], style = ST[r[2]];
                if (r[3] > 0) {
                    L.circle(ll, {radius: r[3], pane: "{{ this.halo_pane }}", renderer: haloCanvas, interactive: false, color: style.fillColor,
                        weight: 1, dashArray: "4 4", fillColor: style.fillColor, fillOpacity: 0.07}).addTo(halos);
                }
                var marker = L.circleMarker(ll, Object.assign({pane: "{{ this.pane }}", interactive: D.details}, style));
                if (D.details) {
                    var tip = [S[r[{{ this.id }}]]].concat(D.tooltip.map(function(k) { return S[r[k]]; })).join(" &#183; ");
                    if (r[{{ this.more }}] > 0) { tip += " &#183; +" + r[{{ this.more }}] + " more at this point"; }
                    marker.bindTooltip(tip);
                    marker.bindPopup(function() { return record(r); }, {minWidth: 300, maxWidth: 460, autoPanPaddingTopLeft: [48, 10]});
                    marker.on("click", function() {
                        if (group._selectedRing) { group.removeLayer(group._selectedRing); }
                        group._selectedRing = L.circleMarker(ll, {pane: "{{ this.pane }}", radius: {{ this.ring_radius }},
                            color: "{{ this.ring_color }}", weight: 4, fill: false, interactive: false}).addTo(group);
                    });
                }
                marker.addTo(group);
            });
            var body = document.getElementById("events-list-body");
            if (body && D.list.length) {
                body.innerHTML = D.list.map(function(cells) {
                    return "<tr><td>" + cells.map(function(i) { return S[i]; }).join("</td><td>") + "</td></tr>";
                }).join("");
            }
            var layer = L.layerGroup([halos, group]);
            layer.on("remove", function() { if (haloCanvas._map) { haloCanvas._map.removeLayer(haloCanvas); } });
            return layer;
        })();
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, table: EventTable, *, pane: str, halo_pane: str, ring_radius: int = 13,
                 ring_color: str = "#ffcc00") -> None:
        super().__init__()
        self._name = "EventsLayer"
        self.table = table
        self.rows = table.rows
        self.table_json = _script_json(table)
        self.pane = pane
        self.halo_pane = halo_pane
        self.ring_radius = int(ring_radius)
        self.ring_color = ring_color
        self.id, self.more, self.first_popup = ID, MORE, ID + 1
