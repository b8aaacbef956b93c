"""Scale benchmark, like for like: the same filtered events drawn by our map, plain folium, FastMarkerCluster and
MarkerCluster, at 10k, 100k and 1M synthetic events (benchmarks/synthetic.py), printed side by side.

Run:  python3 benchmarks/scale.py [--sizes 10000 100000 1000000] [--cap 90] [--runs 3] [--later 7] [--no-browser]
                                 [--peer-basemap ours|folium]

For every size, one filter (dates 2024-01-01 to 2025-04-30) picks the events every method gets. For each
method it prints:
- server: building what is sent after a filter change, cold (the first build in a fresh process, its
  libraries imported and, for ours, the dataset's date rank built as in a running server after its warm run
  at start, ui/warm.py; "no warm run": without that rank) and warm
  (median of ``--runs`` in one process, after an untimed first build; one run for a peer whose build takes
  over 10 s); the base map counted (peers: folium's whole page with our very base
  map, names, rivers and bases included, so that only the events layer differs; ``--peer-basemap folium``
  gives them folium's lighter GeoJSON of borders and governorates instead; ours: the map element once per
  page, the basemap file once per page, then the events layer per filter change);
- bytes sent per filter change (and, for ours, once per page), as sent and compressed on the wire: ours over
  the websocket's permessage-deflate (Streamlit's ``server.enableWebsocketCompression``; 12-bit window, memory
  level 5, as the server's websocket library negotiates it), the peers' page gzipped at level 6 with the full
  15-bit window, as a web server would send it (the better compression of the two);
- browser (Debian's Chromium, offline, 1600x1000): time to a redrawn map after a filter change, a pan
  (300 px) and a zoom (one level, around the centre), medians of ``--runs``: the first pan and zoom after
  the page opened, and ``--later`` later ones in the same page (7; the first carries the browser's one-off
  costs; a later move's median is over ``--runs`` x ``--later`` moves: with 3 per page it swung 3-4 ms), each
  to the first frame drawn after the move, each (the first too) 300 ms after the step before it; "until
  settled": a later zoom until the map stops changing (the cluster peers animate their clusters apart for about
  300 ms after that first frame; ours draws at once); the methods take turns in one browser, in alternating
  order, a fresh page each time.
  Ours: the events layer is replaced in a mounted map (as st_folium does); above the browser limit a pan or
  zoom needs the server, and that round trip's server time is added. Peers: the page holding the new markers
  is loaded (folium has no other way to change its markers), and their pan and zoom are timed until their
  layers have redrawn.
The browser half is benchmarks/scale_browser.py. Each peer run is killed after ``--cap`` seconds ("over cap"). The machine's load average is printed with the
figures. Not a test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

from benchmarks.scale_browser import FOLIUM_MARKER_ASSETS, browser_times, offline_page  # noqa: E402

METHODS = ("ours", "plain folium", "FastMarkerCluster", "MarkerCluster")
START, END = date(2024, 1, 1), date(2025, 4, 30)
VIEW = ((34.85, 38.7), 6.75)
"""The dashboard's default view: all of Syria."""


def make_data_dir(size: int, root: Path) -> Path:
    """A data folder with ``size`` synthetic events and the project's bases, sources and basemap."""
    from benchmarks.synthetic import synthetic_events

    folder = root / f"synthetic_{size}"
    if (folder / "events.csv").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("sites.geojson", "sources.csv", "basemap"):
        source = PROJECT / "data" / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, folder / name)
    synthetic_events(size, seed=size).to_csv(folder / "events.csv", index=False)
    return folder


def shown_events(folder: Path):
    from utils.analysis.filters import EventFilter
    from utils.data.dataset import load_dataset

    dataset = load_dataset(folder)
    return dataset, EventFilter(start=START, end=END).apply(dataset.events)


def kept_rows(dataset, shown):
    """``shown`` (a filter's copy of some of ``dataset``'s events) as the dashboard reads it: rows of the shared
    frame, with the dataset's memo."""
    import numpy as np

    from utils.analysis.rows import EventRows

    mask = np.zeros(len(dataset.events), dtype=bool)
    mask[dataset.events.index.get_indexer(shown.index)] = True
    return EventRows(dataset.events, mask, dataset.memo, frame=lambda: shown)


# --------------------------------------------------------------------------- what each method sends

def ours_sent(dataset, shown) -> dict[str, object]:
    """Our map after a filter change: the st_folium element (base map script + events layer) and the basemap file."""
    from streamlit_folium import _get_feature_group_string, _get_map_string

    from utils.map.aggregate import default_viewport
    from utils.map.basemap_layer import build_base_map
    from utils.map.style import BROWSER_LIMIT, DETAIL_LIMIT, category_colors
    from utils.map.view_layer import build_plan_layer, shared_layer

    colors = category_colors(dataset.events["event_type"].value_counts().index)
    view = default_viewport(VIEW[0], VIEW[1], 1120, 740)
    base = build_base_map(dataset.basemap, dataset.sites, basemap_url="../files/basemap.json")
    base.get_root().render()
    script = _get_map_string(base)
    rows = kept_rows(dataset, shown)
    plan, payload = shared_layer(rows, colors, view, popups="short", detail_limit=DETAIL_LIMIT,
                                 browser_limit=BROWSER_LIMIT)  # as the dashboard keeps them (ui/map_layer.py)
    layer = build_plan_layer(plan, rows, colors, bar=True, popups="short", payload=payload)
    layer_js = _get_feature_group_string(layer, base)  # st_folium does it on the same map
    return {"script": script, "layer": layer_js, "in_browser": plan.everything}


def peer_html(dataset, shown, method: str, basemap: str = "ours") -> str:
    """folium's page for ``method``: a base map and the markers.

    ``basemap``: "ours" (default) gives the peer the very base map our page has (borders, governorates,
    rivers, lakes, place names, the bases, built by :func:`utils.map.basemap_layer.build_base_map` and
    inline), so that only the events layer differs; "folium" gives it folium's own GeoJSON of the
    borders and governorates (lighter: no names, rivers or bases), as in runs before 2026-12-02.
    """
    import folium
    from folium.plugins import FastMarkerCluster, MarkerCluster

    if basemap == "ours":
        from utils.map.basemap_layer import build_base_map

        fmap = build_base_map(dataset.basemap, dataset.sites, center=VIEW[0], zoom=VIEW[1],
                              asset_prefix="inline-asset:", online_layer=False)
    else:
        fmap = folium.Map(location=list(VIEW[0]), zoom_start=VIEW[1], tiles=None)
        fmap.options.update(max_zoom=18)  # folium's default max_zoom, which it gives to tiles only (markercluster needs it)
        folium.GeoJson(dataset.basemap.countries, interactive=False).add_to(fmap)
        folium.GeoJson(dataset.basemap.governorates, interactive=False).add_to(fmap)
    points = shown[["latitude", "longitude"]].to_numpy().tolist()
    if method == "plain folium":
        for lat, lon in points:
            folium.CircleMarker([lat, lon], radius=5).add_to(fmap)
    elif method == "FastMarkerCluster":
        FastMarkerCluster(points).add_to(fmap)
    else:
        cluster = MarkerCluster().add_to(fmap)
        for lat, lon in points:
            folium.Marker([lat, lon]).add_to(cluster)
    html = fmap.get_root().render()  # scripts as links; the browser step inlines them (offline_page)
    if basemap == "ours":  # after Leaflet, as folium's own map loads them (FastMarkerCluster's markers need them)
        script, sheet = FOLIUM_MARKER_ASSETS
        html = html.replace("</head>", f'<script src="{script}"></script>\n<link rel="stylesheet" href="{sheet}"/>\n</head>', 1)
    return html


def _peer_in_subprocess(folder: Path, method: str, cap: float, out: Path,
                        basemap: str = "ours") -> tuple[float | None, int]:
    """Cold build of a peer's page in a fresh process (seconds, bytes), or (None, 0) over the cap."""
    code = (f"import sys, time; sys.path[:0] = [{str(PROJECT)!r}, {str(PROJECT / 'tests')!r}]\n"
            "from benchmarks.scale import shown_events, peer_html\n"
            "import folium.plugins, utils.map.basemap_layer  # imported, as in a running server\n"
            f"dataset, shown = shown_events({str(folder)!r})\n"
            f"t = time.perf_counter(); html = peer_html(dataset, shown, {method!r}, {basemap!r}); "
            "s = time.perf_counter() - t\n"
            f"open({str(out)!r}, 'w').write(html); print(s, len(html.encode()))\n")
    try:
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=cap, check=True)
    except subprocess.TimeoutExpired:
        return None, 0
    seconds, size = result.stdout.split()[-2:]
    return float(seconds), int(size)


def websocket_bytes(data: bytes) -> int:
    """Bytes of ``data`` after the websocket's permessage-deflate (12-bit window, memory level 5)."""
    compressor = zlib.compressobj(-1, zlib.DEFLATED, -12, 5)
    return len(compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)) - 4  # the frame drops the 4-byte tail


def gzip_bytes(data: bytes) -> int:
    """Bytes of ``data`` gzipped at level 6 (a web server's usual setting)."""
    return len(gzip.compress(data, compresslevel=6))


def _ours_in_subprocess(folder: Path, warmed: bool) -> float:
    """Our first build in a fresh process, libraries imported as in a running server; ``warmed``: after what the
    server's warm run builds at start (ui/warm.py: the dataset's date rank and colour codes)."""
    code = (f"import sys, time; sys.path[:0] = [{str(PROJECT)!r}, {str(PROJECT / 'tests')!r}]\n"
            "from benchmarks.scale import shown_events, ours_sent\n"
            "import streamlit_folium, utils.map.basemap_layer, utils.map.view_layer  # as in a running server\n"
            f"dataset, shown = shown_events({str(folder)!r})\n"
            + ("from utils.map.view_layer import prepare_shared_arrays\n"
               "prepare_shared_arrays(dataset.events, dataset.memo)\n" if warmed else "")
            +
            "t = time.perf_counter(); ours_sent(dataset, shown); print(time.perf_counter() - t)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(result.stdout.split()[-1])


# --------------------------------------------------------------------------- the run

def _fmt(value: float | None, unit: str = "ms") -> str:
    if value is None:
        return "over cap"
    if unit == "MB":
        return f"{value / 1e6:.3f} MB"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:,.0f} ms"


def run_size(size: int, workdir: Path, runs: int, cap: float, with_browser: bool, basemap: str = "ours",
             later: int = 7) -> None:
    from utils.export.export_map import inline_vendored_assets
    from utils.map.basemap_layer import build_base_map
    from utils.map.style import BROWSER_LIMIT, category_colors
    from utils.map.view_layer import build_plan_layer, plan_view

    folder = make_data_dir(size, workdir)
    dataset, shown = shown_events(folder)
    print(f"\n== {size:,} events; the filter (dates {START} to {END}) keeps {len(shown):,}; peers' base map: {basemap}; "
          f"load average {os.getloadavg()[0]:.2f} ==", flush=True)
    rows: dict[str, dict[str, object]] = {}
    # ours: cold in a fresh process, warm in this one
    cold, bare = _ours_in_subprocess(folder, warmed=True), _ours_in_subprocess(folder, warmed=False)
    ours_sent(dataset, shown)  # untimed: this process's first map pays its imports (the cold row counts them)
    warm_times = []
    for _ in range(runs):
        started = time.perf_counter()
        sent = ours_sent(dataset, shown)
        warm_times.append(time.perf_counter() - started)
    change_message = json.dumps({"script": sent["script"], "layer": sent["layer"]}).encode()
    per_change = len(change_message)
    from utils.map.basemap_layer import basemap_json

    rows["ours"] = {"cold": cold, "bare": bare, "warm": statistics.median(warm_times), "bytes": per_change,
                    "wire": websocket_bytes(change_message),
                    "once": len(basemap_json(dataset.basemap).encode()), "in_browser": sent["in_browser"]}
    peers_html: dict[str, str] = {}
    for method in METHODS[1:]:
        out = workdir / f"peer-{size}-{method.replace(' ', '_')}-{basemap}.html"
        seconds, size_bytes = _peer_in_subprocess(folder, method, cap, out, basemap)
        warm = None
        if seconds is not None:
            # as ours: an untimed first build, then the median of ``runs`` (one run when a build takes over 10 s)
            repeats = runs if seconds < 10 else 1
            if repeats > 1:
                peer_html(dataset, shown, method, basemap)
            peer_times = []
            for _ in range(repeats):
                started = time.perf_counter()
                peer_html(dataset, shown, method, basemap)
                peer_times.append(time.perf_counter() - started)
            warm = statistics.median(peer_times)
            peers_html[method] = offline_page(out.read_text())
        wire = gzip_bytes(out.read_bytes()) if seconds is not None else None
        rows[method] = {"cold": seconds, "warm": warm, "bytes": size_bytes or None, "wire": wire, "once": 0}
    # the browser
    if with_browser:
        from utils.map.aggregate import default_viewport

        colors = category_colors(dataset.events["event_type"].value_counts().index)
        view = default_viewport(VIEW[0], VIEW[1], 1600, 1000)
        fmap = build_base_map(dataset.basemap, dataset.sites, asset_prefix="inline-asset:", online_layer=False)
        plan = plan_view(shown, colors, view, browser_limit=BROWSER_LIMIT)
        layer = build_plan_layer(plan, shown, colors, asset_prefix="inline-asset:")
        fmap.add_child(layer, name="events")
        ours_page = inline_vendored_assets(fmap.get_root().render())
        (workdir / f"ours-{size}.html").write_text(ours_page)  # beside the peers' pages, to profile
        events_layer = layer._children["events_layer"]
        other = shown.iloc[: max(1, len(shown) // 2)]  # a second filter's payload
        other_plan = plan_view(other, colors, view, browser_limit=BROWSER_LIMIT)
        other_layer = build_plan_layer(other_plan, other, colors)._children["events_layer"]
        round_trip = 0.0
        if not plan.everything:  # above the browser limit a pan or zoom asks the server for the new view
            started = time.perf_counter()
            replan = plan_view(shown, colors, default_viewport(VIEW[0], VIEW[1] + 1, 1600, 1000),
                               browser_limit=BROWSER_LIMIT)
            build_plan_layer(replan, shown, colors)
            round_trip = time.perf_counter() - started
        pages = {"ours": ours_page, **peers_html}
        times = browser_times(pages, (events_layer.payload_json, other_layer.payload_json), runs, cap, round_trip,
                              later=later)
        for method in METHODS:
            rows[method].update(times.get(method, {}))
    header = f"  {'':22}" + "".join(f"{m:>20}" for m in METHODS)
    print(header)
    lines = [
        ("server, cold (s)", "cold", "s"), ("  no warm run (s)", "bare", "s"), ("server, warm (s)", "warm", "s"),
        ("sent per filter change", "bytes", "MB"), ("  on the wire, compressed", "wire", "MB"),
        ("sent once per page", "once", "MB"),
    ]
    if with_browser:
        lines += [("browser: filter change", "filter", "ms"), ("browser: first pan", "pan", "ms"),
                  ("browser: first zoom", "zoom", "ms"), ("browser: later pans", "pan later", "ms"),
                  ("browser: later zooms", "zoom later", "ms"), ("  until settled", "zoom settled", "ms")]
    for label, key, unit in lines:
        cells = ("-" if key == "bare" and m != "ours" else _fmt(rows[m].get(key), unit) for m in METHODS)
        print(f"  {label:22}" + "".join(f"{cell:>20}" for cell in cells))  # "bare": ours only
    note = ("ours draws every filtered event in the browser: a pan or zoom asks nothing of the server"
            if rows["ours"]["in_browser"] else
            f"above the browser limit ({BROWSER_LIMIT:,}) our pan and zoom include the server's "
            "re-aggregation (a round trip)")
    print(f"  note: {note}; load average after: {os.getloadavg()[0]:.2f}", flush=True)


def app_rerun_ms(folder: Path) -> float:
    """The whole app script under AppTest after a source change (median of 3), ms."""
    from streamlit.testing.v1 import AppTest

    os.environ["EVENTMAP_DATA_DIR"] = str(folder)
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=600).run()
    timings = []
    for outlet in ("Synthetic benchmark data: Outlet A", "Synthetic benchmark data: Outlet B", None):
        at.sidebar.multiselect(key="f_sources").set_value([outlet] if outlet else [])
        started = time.perf_counter()
        at.run()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def app_first_run_ms(folder: Path) -> float:
    """A new session's first run of the whole app (AppTest), the server's caches warmed by one before (median
    of 3), ms."""
    from streamlit.testing.v1 import AppTest

    os.environ["EVENTMAP_DATA_DIR"] = str(folder)
    AppTest.from_file(str(PROJECT / "app.py"), default_timeout=600).run()
    timings = []
    for _ in range(3):
        at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=600)
        started = time.perf_counter()
        at.run()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--cap", type=float, default=90.0, help="seconds allowed to each peer build and page")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--later", type=int, default=7, help="later pans and zooms timed per page (after the first)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--app", action="store_true", help="also time the whole app rerun (AppTest)")
    parser.add_argument("--peer-basemap", choices=("ours", "folium"), default="ours",
                        help="the peers' base map: ours (the same as our page, default) or folium's GeoJSON")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "eventmap-scale")
    arguments = parser.parse_args()
    print(f"cores {os.cpu_count()}, load average {os.getloadavg()}")
    for size in arguments.sizes:
        run_size(size, arguments.workdir, arguments.runs, arguments.cap, not arguments.no_browser,
                 arguments.peer_basemap, arguments.later)
        if arguments.app:
            print(f"  whole app rerun after a source change: {app_rerun_ms(make_data_dir(size, arguments.workdir)):,.0f} ms")


if __name__ == "__main__":
    main()
