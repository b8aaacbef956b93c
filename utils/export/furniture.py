"""Map furniture of an export: north arrow, scale bar, inset locator map, and the boxes markers must avoid.

* :class:`NorthArrow`: a Leaflet control in the map's top-left corner (in Web
  Mercator north is straight up everywhere).
* The scale bar is Leaflet's own (``control_scale`` of the base map, metric and
  imperial, true at the map's centre); the page's CSS makes it legible on paper.
* :func:`inset_svg`: Syria and its neighbours with the view's extent drawn as a
  red rectangle (or a cross-hair when the extent is too small to see), as SVG.
* :func:`furniture_boxes` and :func:`site_boxes`: where, in map pixels, the corners and
  the bases' icons and labels are, so numbered markers are placed clear of them.

Positions are (lat, lon) in degrees; pixels (x, y) with y down.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from utils.core.escaping import escape_text
from utils.export.framing import Bounds, to_pixel
from utils.export.numbering import Box

__all__ = ["INSET_BOUNDS", "NorthArrow", "furniture_boxes", "inset_svg", "site_boxes"]

INSET_BOUNDS: Bounds = (31.0, 34.2, 38.2, 43.6)
"""What the inset shows: Syria with a margin of its neighbours, (south, west, north, east)."""
NORTH_ARROW_BOX: Box = (6, 6, 46, 66)
"""The north arrow's box in map px from the top-left corner."""
SCALE_BOX = (150, 46)
"""Room for Leaflet's scale bar (metric over imperial) in the bottom-left corner, (width, height) px."""
ATTRIBUTION_PX_PER_CHAR = 5.6
"""The attribution's width per character at its 10 px font (an upper estimate)."""
SITE_ICON_HALF = 17
"""Half the side of a base's icon with its white border (28 px + 2 px each side), plus a pixel."""
LABEL_PX_PER_CHAR = 7.6
"""A base label's width per character (12 px bold DejaVu Sans, an upper estimate)."""


class NorthArrow(MacroElement):
    """A north arrow in the top-left corner of the map (``.north-arrow``)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var arrow = L.control({position: "topleft"});
            arrow.onAdd = function() {
                var div = L.DomUtil.create("div", "north-arrow");
                div.innerHTML = '<svg width="40" height="60" viewBox="0 0 40 60" role="img" aria-label="North">'
                    + '<text x="20" y="14" text-anchor="middle" font-size="14" font-weight="bold" fill="#111">N</text>'
                    + '<polygon points="20,18 30,56 20,48" fill="#111"/>'
                    + '<polygon points="20,18 10,56 20,48" fill="#fff" stroke="#111" stroke-width="1.2"/></svg>';
                return div;
            };
            arrow.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "NorthArrow"


def furniture_boxes(map_px: tuple[int, int], attribution: str) -> list[Box]:
    """The map's corners that hold furniture, in map px: north arrow, scale bar, attribution."""
    width, height = map_px
    text_width = 40 + ATTRIBUTION_PX_PER_CHAR * len(attribution)
    lines = math.ceil(text_width / max(1, width - SCALE_BOX[0]))
    attribution_width = min(width - SCALE_BOX[0], text_width)
    return [NORTH_ARROW_BOX, (0, height - SCALE_BOX[1], SCALE_BOX[0], height),
            (width - attribution_width, height - 2 - 13 * lines, width, height)]


def site_boxes(sites: pd.DataFrame, view_center: tuple[float, float], zoom: float,
               map_px: tuple[int, int]) -> list[Box]:
    """Each base's icon and label (drawn right of the icon, see :mod:`utils.map.mapping`) in map px."""
    cx, cy = to_pixel(*view_center, zoom)
    left, top = cx - map_px[0] / 2, cy - map_px[1] / 2
    boxes: list[Box] = []
    for site in sites.itertuples(index=False):
        x, y = to_pixel(float(site.latitude), float(site.longitude), zoom)
        x, y = x - left, y - top
        boxes.append((x - SITE_ICON_HALF, y - SITE_ICON_HALF, x + SITE_ICON_HALF, y + SITE_ICON_HALF))
        boxes.append((x + 18, y - 10, x + 20 + LABEL_PX_PER_CHAR * len(str(site.name)), y + 9))
    return boxes


def _rings(geometry: dict) -> Iterable[list[list[float]]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        yield from polygon


def inset_svg(countries: dict, view: Bounds, *, width: int = 240, height: int = 190,
              bounds: Bounds = INSET_BOUNDS, highlight: str = "Syria") -> str:
    """An inset locator map as SVG: ``countries`` (GeoJSON, ``properties.name``) inside ``bounds``, the
    ``highlight`` country filled, and the view's extent ``view`` (south, west, north, east) as a red
    rectangle; an extent smaller than 8 px across is drawn as a cross-hair so it can still be found."""
    south, west, north, east = bounds
    x0, y0 = to_pixel(north, west, 0)
    x1, y1 = to_pixel(south, east, 0)
    scale = min(width / (x1 - x0), height / (y1 - y0))

    def project(lat: float, lon: float) -> tuple[float, float]:
        x, y = to_pixel(lat, lon, 0)
        return round((x - x0) * scale, 1), round((y - y0) * scale, 1)

    shapes = []
    for feature in countries.get("features", []):
        name = feature.get("properties", {}).get("name", "")
        parts = []
        for ring in _rings(feature["geometry"]):
            points, last = [], None
            for lon, lat, *_ in ring:
                point = project(lat, lon)
                if point != last:
                    points.append(f"{point[0]:g},{point[1]:g}")
                    last = point
            if len(points) >= 3:
                parts.append("M" + "L".join(points) + "Z")
        if parts:
            fill = "#fbfaf5" if name == highlight else "#e4e3dc"
            shapes.append(f'<path d="{"".join(parts)}" fill="{fill}" stroke="#777" stroke-width="0.6"/>')
    v_south, v_west, v_north, v_east = view
    left, top = project(min(v_north, 85.0), v_west)
    right, bottom = project(max(v_south, -85.0), v_east)
    box_w, box_h = right - left, bottom - top
    if box_w < 8 and box_h < 8:
        mx, my = (left + right) / 2, (top + bottom) / 2
        extent = (f'<circle class="inset-extent" cx="{mx:g}" cy="{my:g}" r="6" fill="none" stroke="#d00000" '
                  f'stroke-width="2"/><path d="M{mx - 11:g},{my:g}h7M{mx + 4:g},{my:g}h7M{mx:g},{my - 11:g}v7'
                  f'M{mx:g},{my + 4:g}v7" stroke="#d00000" stroke-width="1.5"/>')
    else:
        extent = (f'<rect class="inset-extent" x="{left:g}" y="{top:g}" width="{box_w:g}" height="{box_h:g}" '
                  'fill="#d0000018" stroke="#d00000" stroke-width="2"/>')
    label = escape_text(highlight)
    return (f'<svg class="inset-map" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'role="img" aria-label="Where the map lies in {label}">'
            f'<rect width="{width}" height="{height}" fill="#cfe2ee"/>{"".join(shapes)}{extent}</svg>')
