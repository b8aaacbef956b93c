"""The map view (centre and zoom) in a link, beside the filter: a permalink to what is shown.

Query parameters ``lat``, ``lon`` (degrees, WGS84) and ``zoom`` (Leaflet zoom
level) carry the view; :meth:`utils.analysis.filters.EventFilter.to_query` carries the
filter. Positions are (lat, lon) everywhere here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from utils.analysis.filters import EventFilter
from utils.core.links import Query, query_last
from utils.map.settings import MapSettings

__all__ = ["BASE_URL_ENV", "VIEW_KEYS", "MapView", "dashboard_address", "permalink", "view_from_map_state",
           "view_from_query"]

VIEW_KEYS: tuple[str, ...] = ("lat", "lon", "zoom")
BASE_URL_ENV = "EVENTMAP_BASE_URL"
"""Environment variable with the dashboard's public address, e.g. ``https://events.example.org/`` (it wins
over the address the browser used, which behind a proxy may be an inner one)."""
MIN_ZOOM, MAX_ZOOM = 4.0, 17.0
"""The zoom range the map allows (see :func:`utils.map.mapping.build_base_map`)."""


@dataclass(frozen=True)
class MapView:
    """A map view: ``center`` is (lat, lon) in degrees, ``zoom`` a Leaflet zoom level."""

    center: tuple[float, float]
    zoom: float

    def __post_init__(self) -> None:
        lat, lon = (float(v) for v in self.center)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"centre ({lat}, {lon}) is not a (lat, lon) position in degrees")
        if not MIN_ZOOM <= float(self.zoom) <= MAX_ZOOM:
            raise ValueError(f"zoom {self.zoom} is outside {MIN_ZOOM:g}..{MAX_ZOOM:g}")
        object.__setattr__(self, "center", (round(lat, 5), round(lon, 5)))
        object.__setattr__(self, "zoom", round(float(self.zoom), 2))

    def to_query(self) -> dict[str, str]:
        """``lat``, ``lon`` and ``zoom`` as link parameters (4 decimals: about 10 m)."""
        lat, lon = self.center
        return {"lat": f"{lat:.4f}", "lon": f"{lon:.4f}", "zoom": f"{self.zoom:g}"}


def view_from_query(query: Query) -> tuple[MapView | None, list[str]]:
    """Read a view from link parameters; ``None`` if the link has none.

    Returns the view and messages about parameters that were ignored (a view
    needs all three of ``lat``, ``lon`` and ``zoom``, as numbers in range).
    """
    values = {key: value for key in VIEW_KEYS if (value := query_last(query, key)) is not None}
    if not values:
        return None, []
    if len(values) < len(VIEW_KEYS):
        missing = [k for k in VIEW_KEYS if k not in values]
        return None, [f"link parameters {', '.join(missing)} are missing; the map view in the link is ignored."]
    try:
        numbers = {k: float(v) for k, v in values.items()}
        if not all(math.isfinite(v) for v in numbers.values()):
            raise ValueError("not finite")
        return MapView((numbers["lat"], numbers["lon"]), numbers["zoom"]), []
    except ValueError as error:
        shown = ", ".join(f"{k}={v!r}" for k, v in values.items())
        return None, [f"link view {shown} cannot be used ({error}); the default view is shown."]


def view_from_map_state(state: Mapping | None) -> MapView | None:
    """The view st_folium reports (``{"center": {"lat", "lng"}, "zoom"}``), or ``None`` if it has not yet."""
    if not state:
        return None
    center, zoom = state.get("center"), state.get("zoom")
    if not isinstance(center, Mapping) or zoom is None:
        return None
    try:
        lat, lon = float(center["lat"]), float(center["lng"])
        zoom = min(max(float(zoom), MIN_ZOOM), MAX_ZOOM)
        return MapView((lat, ((lon + 180) % 360) - 180), zoom)
    except (KeyError, TypeError, ValueError):
        return None


def dashboard_address(configured: str | None, browser_url: str | None = None) -> str:
    """The dashboard's address for permalinks: ``configured`` (``$EVENTMAP_BASE_URL`` or ``--base-url``) if set,
    else the address the browser used (``st.context.url``), else ``''`` (none known: the link is relative).

    Only http(s) addresses count; anything else is ignored, so a link can never point elsewhere.
    """
    for candidate in (configured, browser_url):
        text = (candidate or "").strip()
        parts = urlsplit(text)
        if parts.scheme in ("http", "https") and parts.netloc:
            return text
    return ""


def permalink(base_url: str, value: EventFilter, view: MapView | None, settings: MapSettings | None = None) -> str:
    """A link to the dashboard at ``base_url`` that reopens ``value``, ``view`` and the map ``settings``.

    Any query string or fragment already on ``base_url`` is replaced. With no ``base_url`` (no address known,
    see :func:`dashboard_address`) the link is the query alone, ``?start=...``, to put after the address.
    """
    query: dict[str, str | list[str]] = dict(value.to_query())
    if settings is not None:
        query.update(settings.to_query())
    if view is not None:
        query.update(view.to_query())
    if not base_url:
        return "?" + urlencode(query, doseq=True)
    parts = urlsplit(base_url)
    path = parts.path or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query, doseq=True), ""))
