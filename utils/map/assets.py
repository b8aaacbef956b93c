"""Vendored front-end assets, served from the project, never from a CDN.

folium and streamlit-folium load Leaflet, jQuery, Bootstrap and fonts from
CDNs by default; on a closed network the map is blank. :func:`localize_assets`
replaces every script and stylesheet of a folium map with the copies under
``static/vendor/`` (served by Streamlit's static file serving, see
``.streamlit/config.toml``), or raises if an element needs one we do not ship.

In the dashboard the map's scripts arrive as one file (:func:`map_script_bundle`):
streamlit-folium loads a map's scripts one after another, each waiting for the
one before, so nine files cost nine round trips before the map can start.
"""

from __future__ import annotations

import hashlib
import logging
import re

import folium
from branca.element import Element
from folium.plugins import HeatMap

from utils.core.files import write_atomically
from utils.core.paths import PROJECT_DIR

__all__ = ["BUNDLE_DIR", "LEAFLET_VERSION", "STATIC_DIR", "VENDORED", "asset_links", "bundle_text", "localize_assets",
           "map_script_bundle"]

_LOG = logging.getLogger(__name__)

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

BUNDLE_DIR = STATIC_DIR / "built"
"""Where :func:`map_script_bundle` writes the map's scripts as one file (not in git: built from ``VENDORED``)."""
_BUNDLE_NAME = re.compile(r"^map-[0-9a-f]{16}\.js$")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
_built: dict[tuple, str | None] = {}


def bundle_text(names: tuple[str, ...] = _MAP_JS) -> str:
    """The scripts ``names`` (keys of ``VENDORED``) as one script, in order, each under a comment naming its file
    (licence headers kept, source-map links dropped: the maps are not shipped)."""
    parts = []
    for name in names:
        body = _SOURCE_MAP.sub("", (STATIC_DIR / VENDORED[name]).read_text(encoding="utf-8"))
        parts.append(f"/* ---- static/{VENDORED[name]} ---- */\n{body.rstrip()}\n;\n")
    return "".join(parts)


def map_script_bundle() -> str | None:
    """The path under ``static/`` of the map's scripts (Leaflet, its heat plugin, the project's map code) as one
    file named by its content's hash, written once per content (atomically; older bundles removed); ``None`` when
    ``static/built/`` cannot be written (the map then loads the files one by one)."""
    sources = [STATIC_DIR / VENDORED[name] for name in _MAP_JS]
    key = tuple((str(path), info.st_mtime_ns, info.st_size) for path in sources for info in (path.stat(),))
    if key in _built and (_built[key] is None or (STATIC_DIR / _built[key]).is_file()):
        return _built[key]
    text = bundle_text()
    name = f"map-{hashlib.sha256(text.encode()).hexdigest()[:16]}.js"
    target = BUNDLE_DIR / name
    try:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            BUNDLE_DIR.mkdir(exist_ok=True)
            write_atomically(target, lambda out: out.write(text.encode("utf-8")), mode=0o644)
        for old in BUNDLE_DIR.iterdir():
            if old.name != name and _BUNDLE_NAME.match(old.name):
                old.unlink(missing_ok=True)
        _built[key] = f"built/{name}"
    except OSError as error:
        _LOG.warning("could not write the map's script bundle to %s (%s); the map loads its %d scripts one by one",
                     BUNDLE_DIR, error, len(sources))
        _built[key] = None
    return _built[key]


def _walk(element: Element):
    yield element
    for child in list(getattr(element, "_children", {}).values()):
        yield from _walk(child)


def localize_assets(element: Element, prefix: str = COMPONENT_STATIC_PREFIX, *,
                    one_script: bool | None = None) -> Element:
    """Point every script and stylesheet of ``element``'s tree at the vendored copies.

    The map itself gets Leaflet; every other element gets nothing extra (the
    project draws with plain Leaflet: no jQuery, Bootstrap or icon fonts).
    ``one_script``: the map's scripts as one file (:func:`map_script_bundle`); by default when the dashboard
    serves them (``prefix`` is ``COMPONENT_STATIC_PREFIX``), not in an export (which inlines them one by one).
    Raises ``ValueError`` naming an element of a kind that needs an asset we
    do not ship, so that a new plugin cannot silently reach for a CDN.
    Returns ``element`` (changed in place: call it on maps you built).
    """
    bundle = map_script_bundle() if (prefix == COMPONENT_STATIC_PREFIX if one_script is None else one_script) else None
    scripts = [("eventmap-bundle.js", prefix + bundle)] if bundle else [(name, prefix + VENDORED[name]) for name in _MAP_JS]
    heat = scripts if bundle else [("leaflet-heat.js", prefix + VENDORED["leaflet-heat.js"])]
    for item in _walk(element):
        if isinstance(item, folium.Map):
            item.default_js = list(scripts)
            item.default_css = [(name, prefix + VENDORED[name]) for name in _MAP_CSS]
        elif isinstance(item, HeatMap):
            item.default_js = list(heat)
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
