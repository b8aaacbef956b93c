"""The map's legend: what each colour and outline means, or the heatmap's scale when the events are a heatmap."""

from __future__ import annotations

import folium
from branca.element import MacroElement
from jinja2 import Template

from utils.core.escaping import escape_text
from utils.core.schema import DISPLAY_LABELS, STATUSES
from utils.map.style import HEAT_GRADIENT, OTHER_COLOR, STATUS_OUTLINES

__all__ = ["EventLegend", "heat_legend_html", "legend_html"]


class EventLegend(MacroElement):
    """A legend control for the events layer; a new one replaces the old on each update."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        EventMap.legend({{ this.map_name() }}, {{ this.html | tojson }});
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


def _status_rows() -> list[str]:
    rows = ['<div class="title" style="margin-top:5px">Outline: status</div>']
    for status in STATUSES:
        outline = STATUS_OUTLINES[status]
        dash = f' stroke-dasharray="{outline["dashArray"]}"' if "dashArray" in outline else ""
        stroke = outline["color"] if outline["color"] != "#ffffff" else "#999999"
        rows.append(f'<div><svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="#ddd" '
                    f'stroke="{stroke}" stroke-width="{outline["weight"]}"{dash}/></svg>{status}</div>')
    return rows


def legend_html(counts: dict[str, int], colors: dict[str, str], color_by: str, note: str = "") -> str:
    """Legend HTML: a swatch and count per category shown, then the outline key for status.

    ``note`` (plain text) says why the colours are not by the field asked for (see
    :func:`utils.map.style.informative_color_by`).
    """
    title = escape_text(DISPLAY_LABELS.get(color_by, color_by))
    rows = [f'<div class="title">{title}</div>']
    if note:
        rows.append(f'<div class="note">{escape_text(note)}</div>')
    if not counts:
        rows.append("<div>No events match the filters.</div>")
    for value, count in counts.items():
        color = colors.get(value, OTHER_COLOR)
        rows.append(f'<div><svg width="14" height="14"><circle cx="7" cy="7" r="6" fill="{color}" '
                    f'stroke="#fff"/></svg>{escape_text(value)} ({count:,})</div>')
    rows += _status_rows()
    rows.append('<div class="note">A badge counts the events it holds (its ring: their colours); click it to fan '
                "them out. A dashed halo: how far an imprecise place may be off.</div>")
    return "".join(rows)


def heat_legend_html(total: int) -> str:
    """The heatmap's legend: its own colour ramp, from few to many events (no category colours: none are drawn)."""
    stops = ", ".join(f"{color} {int(stop * 100)}%" for stop, color in sorted(HEAT_GRADIENT.items()))
    return ('<div class="title">Event density (heatmap)</div>'
            f'<div class="heat-bar" style="background: linear-gradient(to right, transparent 0%, {stops})"></div>'
            '<div style="display:flex;justify-content:space-between"><span>fewer</span><span>more events</span></div>'
            f'<div class="note">{total:,} events; colours show how many are near each other, not their type.</div>')
