"""The browser half of benchmarks/scale.py: each method's page opened offline in Debian's Chromium, and the time to
a redrawn map after a filter change, a pan and a zoom (see scale.py's docstring for what is timed and how).

The peers' pages (folium's) ask CDNs for their scripts; :func:`offline_page` puts the vendored copies in their
place (benchmarks/vendor/README.md), so every method is measured offline like the dashboard.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
VENDOR = PROJECT / "benchmarks" / "vendor" / "leaflet.markercluster-1.5.3"
AWESOME = PROJECT / "benchmarks" / "vendor" / "leaflet.awesome-markers-2.0.5"

_INLINE = {
    "leaflet.js": PROJECT / "static/vendor/leaflet-1.9.4/leaflet.js",
    "leaflet.css": PROJECT / "static/vendor/leaflet-1.9.4/leaflet.css",
    "leaflet.markercluster.js": VENDOR / "leaflet.markercluster.js",
    "MarkerCluster.css": VENDOR / "MarkerCluster.css",
    "MarkerCluster.Default.css": VENDOR / "MarkerCluster.Default.css",
    "leaflet.awesome-markers.js": AWESOME / "leaflet.awesome-markers.js",
    "leaflet.awesome-markers.css": AWESOME / "leaflet.awesome-markers.css",
}
FOLIUM_MARKER_ASSETS = (
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css",
)
"""What a folium map loads for its markers' icons (folium.Map's default assets) and FastMarkerCluster's default
markers need (``L.AwesomeMarkers.icon()``): our base map brings only Leaflet, so a peer's page gets these too."""


def _css_with_images(path: Path) -> str:
    """The stylesheet at ``path`` with its ``url('images/...')`` as data URLs (a page set from a string has no base)."""
    import base64
    import re

    def data_url(match: re.Match) -> str:
        image = path.parent / match.group(1)
        return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode()})"

    return re.sub(r"url\('?(images/[^')]+)'?\)", data_url, path.read_text())


def offline_page(html: str) -> str:
    """``html`` with every CDN script and stylesheet replaced by the local copy (any other CDN file dropped),
    and the project's own (``inline-asset:``) inlined."""
    import re

    from utils.export.export_map import inline_vendored_assets

    def script(match: re.Match) -> str:
        name = match.group(1).rsplit("/", 1)[-1]
        path = _INLINE.get(name)
        return f"<script>{path.read_text()}</script>" if path else ""

    def style(match: re.Match) -> str:
        name = match.group(1).rsplit("/", 1)[-1]
        path = _INLINE.get(name)
        return f"<style>{_css_with_images(path)}</style>" if path else ""

    html = re.sub(r'<script src="(https?://[^"]+)"></script>', script, html)
    html = re.sub(r'<link rel="stylesheet" href="(https?://[^"]+)"\s*/>', style, html)
    return inline_vendored_assets(html)


_MAP = "window[document.querySelector('.folium-map').id]"
_TIMED_MOVE = """async (kind) => {
  // ms to the first frame drawn after the move, and to the map settled: a marker cluster group (Leaflet.markercluster)
  // animates its clusters apart or together for about 300 ms after a zoom and says when it is done ('animationend')
  const map = MAP, clusters = Object.values(map._layers).find(l => l._topClusterLevel);
  const t = performance.now();
  let first = null, settled = null;
  await new Promise(done => {
    const end = () => { settled = performance.now() - t; if (first !== null) { done(); } };
    if (clusters && kind === 'zoom') { clusters.once('animationend', end); setTimeout(end, 2000); }
    map.once('moveend', () => requestAnimationFrame(() => requestAnimationFrame(() => {
      first = performance.now() - t;
      if (!clusters || kind !== 'zoom') { settled = first; }
      if (settled !== null) { done(); }
    })));
    if (kind === 'pan') map.panBy([300, 0], {animate: false}); else map.setZoom(map.getZoom() + 1, {animate: false});
  });
  if (kind === 'pan') map.panBy([-300, 0], {animate: false}); else map.setZoom(map.getZoom() - 1, {animate: false});
  await new Promise(done => setTimeout(done, clusters ? 600 : 300));
  return [first, settled];
}""".replace("MAP", _MAP)
_OURS_FILTER = """async (payloadText) => {
  const map = MAP, old = EventMap.events;
  const t = performance.now();
  const payload = JSON.parse(payloadText);
  map.removeLayer(old);
  const layer = new EventMap.EventsLayer(payload, old.options).addTo(map);
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - t;
}""".replace("MAP", _MAP)


def browser_times(pages: dict[str, str], ours_payloads: tuple[str, str] | None, runs: int, cap: float,
                  ours_round_trip_s: float, later: int = 7) -> dict[str, dict[str, float | None]]:
    """ms to a redrawn map after a filter change, a pan and a zoom, per method (None: over the cap); the first
    pan and zoom of each page, then ``later`` more of each."""
    from conftest import CHROMIUM, CHROMIUM_FLAGS
    from playwright.sync_api import sync_playwright

    kinds = ("filter", "pan", "zoom", "pan later", "zoom later", "zoom settled")
    times: dict[str, dict[str, list[float]]] = {method: {kind: [] for kind in kinds} for method in pages}
    errors: dict[str, str] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for run in range(runs):  # the methods take turns, in alternating order, so none always goes first
            for method in (list(pages) if run % 2 == 0 else list(pages)[::-1]):
                if method in errors:
                    continue
                page = browser.new_page(viewport={"width": 1600, "height": 1000})
                page.set_default_timeout(cap * 1000)
                try:
                    _time_one_page(page, pages[method], method, ours_payloads, cap, ours_round_trip_s, times[method],
                                   later)
                except Exception as error:  # over the cap, or the page gave up (out of memory)
                    errors[method] = str(error)[:80]
                page.close()
        browser.close()
    return {method: ({**dict.fromkeys(kinds), "error": errors[method]} if method in errors else
                     {kind: statistics.median(values) for kind, values in times[method].items()})
            for method in pages}


def _time_one_page(page, html: str, method: str, ours_payloads: tuple[str, str] | None, cap: float,
                   ours_round_trip_s: float, times: dict[str, list[float]], later: int = 7) -> None:
    """Open ``html`` and time a filter change, then the first pan and zoom and ``later`` more, into ``times``."""
    started = time.perf_counter()
    page.set_content(html, wait_until="load", timeout=cap * 1000)
    page.evaluate("() => new Promise(d => requestAnimationFrame(() => requestAnimationFrame(d)))")
    load_ms = (time.perf_counter() - started) * 1000
    if method == "ours" and ours_payloads:
        times["filter"].append(page.evaluate(_OURS_FILTER, ours_payloads[1]))
        page.evaluate(_OURS_FILTER, ours_payloads[0])
    else:
        times["filter"].append(load_ms)
    # every move, the first too, starts after the same pause: a pan timed at once after the filter change waited
    # for the browser to finish rastering that change's frame (ours: 6-15 ms more at 10,000 events), which is the
    # change's cost, not the pan's; a peer's first pan had its page load's raster behind it
    page.wait_for_timeout(300)
    for repeat in range(1 + later):  # the first pan and zoom after the page opens, then ``later`` more
        for kind in ("pan", "zoom"):
            first, settled = page.evaluate(_TIMED_MOVE, kind)
            if method == "ours":
                first += ours_round_trip_s * 1000
                settled += ours_round_trip_s * 1000
            times[kind if repeat == 0 else kind + " later"].append(first)
            if kind == "zoom" and repeat > 0:
                times["zoom settled"].append(settled)
