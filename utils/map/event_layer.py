"""The one events layer, for the dashboard and the briefing exports.

:class:`EventsLayer` hands a payload (:func:`utils.map.payload.event_payload`: compact columns, escaped
strings stored once) to ``EventMap.EventsLayer`` (static/app/events.js, events_layout.js and events_draw.js), which clusters, groups and fans
out the events in the browser on every pan and zoom, keeps them off the bases' icons, draws the halos of
imprecise places as one light fill, rings the selected event and reports clicks. Options:

- ``details``: tooltips and clicks (False for PNG and PDF);
- ``popups``: ``"none"`` (the dashboard: the record is in the panel beside the map), ``"short"`` (a one-line
  popup) or ``"full"`` (the HTML export, which has no panel);
- ``numbered``: each event drawn as its number (its position in the payload, from 1), for exports whose
  list carries the same numbers; ``expand_all``: every group fanned out, none left as a badge (a PNG
  cannot be clicked);
- ``selected``: the position of the event to ring; ``bbox``: what "Fit events" frames (south, west,
  north, east of all the filtered events); ``bar``: the previous / next / fit buttons;
- ``heatmap``: density instead of markers (the same payload feeds Leaflet.heat).
"""

from __future__ import annotations

import json

from branca.element import MacroElement
from jinja2 import Template

from utils.map.basemap_layer import EVENTS_PANE, HALOS_PANE, TOP_PANE
from utils.map.payload import COORD_SCALE, decode_columns, payload_json
from utils.map.style import (
    CLUSTER_CELL_PX,
    EVENT_RADIUS_PX,
    HALO_FILL_OPACITY,
    HEAT_GRADIENT,
    HEAT_OPTIONS,
    SELECTED_COLOR,
)

__all__ = ["EventsLayer"]


class EventsLayer(MacroElement):
    """A payload drawn by ``EventMap.EventsLayer`` (see the module docstring)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = new EventMap.EventsLayer({{ this.payload_json }}, {{ this.options_json }});
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, payload: dict, *, details: bool = True, popups: str = "none", numbered: bool = False,
                 expand_all: bool = False, selected: int | None = None, bbox: list[float] | None = None,
                 bar: bool = False, heatmap: bool = False, halos: bool = True) -> None:
        super().__init__()
        self._name = "EventsLayer"
        if popups not in ("none", "short", "full"):
            raise ValueError(f"popups must be 'none', 'short' or 'full', not {popups!r}")
        self.payload = payload
        self.payload_json = payload_json(payload)
        self.options = {
            "pane": EVENTS_PANE, "topPane": TOP_PANE, "haloPane": HALOS_PANE, "radius": EVENT_RADIUS_PX,
            "ringRadius": EVENT_RADIUS_PX + 6, "ringColor": SELECTED_COLOR, "details": details, "popups": popups,
            "numbered": numbered, "expandAll": expand_all, "selected": selected, "bbox": bbox, "bar": bar,
            "heatmap": heatmap, "halos": halos, "haloFill": HALO_FILL_OPACITY, "cellPx": CLUSTER_CELL_PX,
            "heat": {**HEAT_OPTIONS, "gradient": {str(k): v for k, v in HEAT_GRADIENT.items()}},
        }
        self.options_json = json.dumps(self.options, separators=(",", ":"))

    @property
    def rows(self) -> list[list[object]]:
        """[lat, lon, style, halo (m)] per event, decoded from the payload (for checks and the exports)."""
        columns = decode_columns(self.payload)
        origin, styles = self.payload["origin"], self.payload["styles"]
        return [[round(origin[0] + la / COORD_SCALE, 5), round(origin[1] + lo / COORD_SCALE, 5), int(st),
                 styles[st]["halo"]] for la, lo, st in zip(columns["lat"], columns["lon"], columns["style"])]

    @property
    def table(self) -> dict:
        """The payload with :attr:`rows` (``table.rows``, ``table["styles"]``)."""
        return _Table(self.payload, rows=self.rows)


class _Table(dict):
    """The payload read as the former string table: ``rows``, ``["styles"]`` and ``text(row, 5)`` (the id)."""

    ID = 5

    def __init__(self, payload: dict, *, rows: list[list[object]]) -> None:
        super().__init__(payload)
        self.rows = rows

    def text(self, row: list[object], position: int) -> str:
        if position != self.ID or not self.get("ids"):
            raise ValueError(f"only the event id (position {self.ID}) is kept per event, not position {position}")
        return self["ids"][next(i for i, r in enumerate(self.rows) if r is row or r == row)]
