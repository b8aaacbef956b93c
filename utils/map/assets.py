"""Vendored front-end assets, served from the project, never from a CDN.

folium and streamlit-folium load Leaflet, jQuery, Bootstrap and fonts from
CDNs by default; on a closed network the map is blank. :func:`localize_assets`
replaces every script and stylesheet of a folium map with the copies under
``static/vendor/`` (served by Streamlit's static file serving, see
``.streamlit/config.toml``), or raises if an element needs one we do not ship.
"""

from __future__ import annotations

import folium
from branca.element import Element
from folium.plugins import HeatMap

from utils.core.paths import PROJECT_DIR

__all__ = ["LEAFLET_VERSION", "STATIC_DIR", "VENDORED", "asset_links", "localize_assets"]

STATIC_DIR = PROJECT_DIR / "static"
LEAFLET_VERSION = "1.9.4"

VENDORED: dict[str, str] = {
    "leaflet.js": f"vendor/leaflet-{LEAFLET_VERSION}/leaflet.js",
    "leaflet.css": f"vendor/leaflet-{LEAFLET_VERSION}/leaflet.css",
    "leaflet-heat.js": "vendor/leaflet-heat-folium-0.20.0/leaflet_heat.min.js",
    "eventmap-core.js": "app/core.js",
    "eventmap-basemap.js": "app/basemap.js",
    "eventmap-sites.js": "app/sites.js",
    "eventmap-events.js": "app/events.js",
    "eventmap-events-layout.js": "app/events_layout.js",
    "eventmap-events-draw.js": "app/events_draw.js",
    "eventmap-badges.js": "app/badges.js",
}
"""Asset name -> path under ``static/``: the vendored libraries (see static/vendor/README.md for versions and
licences) and the project's own map code under ``app/``, one file per concern (``core.js`` first: the others use
what it defines; see its header)."""

COMPONENT_STATIC_PREFIX = "../../app/static/"
"""Where ``static/`` is, seen from the streamlit-folium iframe (``/component/<name>/index.html``).

Relative, so that it also works under a ``server.baseUrlPath``.
"""

_OWN_JS = tuple(name for name in VENDORED if name.startswith("eventmap-"))
_MAP_JS = ("leaflet.js", "leaflet-heat.js", *_OWN_JS)
"""Loaded with the map once (in VENDORED's order), so a heatmap can be switched on later without reloading it."""
_MAP_CSS = ("leaflet.css",)


def _walk(element: Element):
    yield element
    for child in list(getattr(element, "_children", {}).values()):
        yield from _walk(child)


def localize_assets(element: Element, prefix: str = COMPONENT_STATIC_PREFIX) -> Element:
    """Point every script and stylesheet of ``element``'s tree at the vendored copies.

    The map itself gets Leaflet; every other element gets nothing extra (the
    project draws with plain Leaflet: no jQuery, Bootstrap or icon fonts).
    Raises ``ValueError`` naming an element of a kind that needs an asset we
    do not ship, so that a new plugin cannot silently reach for a CDN.
    Returns ``element`` (changed in place: call it on maps you built).
    """
    for item in _walk(element):
        if isinstance(item, folium.Map):
            item.default_js = [(name, prefix + VENDORED[name]) for name in _MAP_JS]
            item.default_css = [(name, prefix + VENDORED[name]) for name in _MAP_CSS]
        elif isinstance(item, HeatMap):
            item.default_js = [("leaflet-heat.js", prefix + VENDORED["leaflet-heat.js"])]
        elif getattr(item, "default_js", None) or getattr(item, "default_css", None):
            raise ValueError(
                f"{type(item).__name__} needs scripts or styles that are not vendored "
                f"({[src for _, src in getattr(item, 'default_js', [])]}); add them under static/vendor "
                "and to utils.map.assets.VENDORED, or draw it with plain Leaflet."
            )
    return element


def asset_links(element: Element) -> list[str]:
    """Every script and stylesheet URL that ``element``'s tree would load."""
    links: list[str] = []
    for item in _walk(element):
        links += [src for _, src in getattr(item, "default_js", [])]
        links += [href for _, href in getattr(item, "default_css", [])]
    return links
