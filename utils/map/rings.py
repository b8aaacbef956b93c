"""Range rings: dashed circles at set distances (km, great-circle) around every base, each labelled once
where its label covers no other label (laid out in the browser per zoom; a ring too small to label is not)."""

from __future__ import annotations

import json

import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from utils.map.basemap_layer import LABELS_PANE
from utils.map.style import RING_COLOR

__all__ = ["RingsLayer", "ring_rows"]


def ring_rows(sites: pd.DataFrame, rings_km: tuple[float, ...]) -> list[list[float]]:
    """[lat, lon, km] for every base and distance."""
    return [[float(site.latitude), float(site.longitude), float(km)]
            for site in sites.itertuples(index=False) for km in rings_km]


class RingsLayer(MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = new EventMap.RingsLayer({{ this.rows_json }},
            {color: "{{ this.color }}", labelPane: "{{ this.label_pane }}"});
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, sites: pd.DataFrame, rings_km: tuple[float, ...]) -> None:
        super().__init__()
        self._name = "RingsLayer"
        self.rows = ring_rows(sites, rings_km)
        self.rows_json = json.dumps([[r[0], r[1], float(f"{r[2]:g}")] for r in self.rows])
        self.color = RING_COLOR
        self.label_pane = LABELS_PANE
