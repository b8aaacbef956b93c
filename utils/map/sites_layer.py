"""The bases as their own layer: an icon by kind and a label each; a click on the icon opens the base's record.

Drawn by ``EventMap.SitesLayer`` (static/app/sites.js). The events layer lays its markers out beside the
icons and labels, never over them; a click on an icon reports ``site:<n>`` (``n``: the base's row in
``sites``), read by :func:`utils.map.clicks.parse_click`.
"""

from __future__ import annotations

import json

import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from utils.core.escaping import escape_text
from utils.core.presentation import site_popup_html, site_tooltip_text
from utils.map.style import SITE_ICON_PX, SITE_ICONS

__all__ = ["SITES_LAYER_NAME", "SitesLayer", "site_icon_html", "site_rows"]

SITES_LAYER_NAME = "Bases"


def site_icon_html(kind: str, name: str) -> str:
    """The icon of a base by kind, with its name as a label to the right (escaped)."""
    background, glyph = SITE_ICONS.get(kind, SITE_ICONS["airport"])
    return (f'<div class="site-marker"><svg viewBox="0 0 24 24" style="background:{background}">{glyph}</svg>'
            f'<span class="site-label">{escape_text(name)}</span></div>')


def site_rows(sites: pd.DataFrame) -> list[list[object]]:
    """[lat, lon, icon HTML, hover text, popup HTML, label text] per base, in ``sites`` order (all escaped)."""
    rows = []
    for site in sites.itertuples(index=False):
        row = pd.Series(site._asdict())
        rows.append([round(float(site.latitude), 6), round(float(site.longitude), 6),
                     site_icon_html(site.kind, site.name), escape_text(site_tooltip_text(row)), site_popup_html(row),
                     escape_text(site.name)])
    return rows


class SitesLayer(MacroElement):
    """The bases (see the module docstring); ``popups``: a click also opens the record in a popup (exports)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = new EventMap.SitesLayer({{ this.rows_json }},
            {pane: "sitesPane", iconPx: {{ this.icon_px }}, popups: {{ this.popups }}});
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, sites: pd.DataFrame, *, popups: bool = False) -> None:
        super().__init__()
        self._name = "SitesLayer"
        self.rows = site_rows(sites)
        # the label text is measured in the browser (textContent-equivalent): plain, not HTML
        self.rows_json = json.dumps(self.rows, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
        self.icon_px = SITE_ICON_PX
        self.popups = "true" if popups else "false"
