"""Scale benchmark: 10k, 100k and 1M synthetic events, our viewport layer against plain folium.

Run:  python3 benchmarks/scale.py [--sizes 10000 100000 1000000] [--cap 120] [--no-browser]

For each size it prints: load (read, validate, index) time and peak memory in a
fresh process; filter time; map build time and bytes sent per rerun at several
views; browser time to a drawn map (Debian's Chromium, offline); and, on the
same data, plain folium (one CircleMarker per event) and FastMarkerCluster, as
far as they finish within ``--cap`` seconds, with the ratios. Not a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

VIEWS = {
    "all of Syria (zoom 7)": ((32.0, 34.5, 37.6, 42.8), 7),
    "the coast (zoom 9)": ((34.7, 35.5, 35.9, 36.6), 9),
    "Khmeimim close up (zoom 13)": ((35.37, 35.90, 35.44, 35.99), 13),
}


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


def load_in_fresh_process(folder: Path) -> tuple[float, float]:
    """Seconds to load_dataset() and the process's peak resident memory (MB)."""
    code = (f"import resource, time, sys; sys.path.insert(0, {str(PROJECT)!r}); t = time.perf_counter(); "
            f"from utils.data.dataset import load_dataset; d = load_dataset({str(folder)!r}); "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(d.events))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def rerun_costs(folder: Path) -> list[str]:
    """Server time per rerun (filter + layer + st_folium strings) and bytes sent, per view."""
    from streamlit_folium import _get_feature_group_string, _get_map_string

    from utils.analysis.filters import EventFilter
    from utils.data.dataset import load_dataset
    from utils.map.aggregate import Viewport
    from utils.map.mapping import build_base_map, category_colors
    from utils.map.view_layer import build_viewport_layer

    dataset = load_dataset(folder)
    events = dataset.events
    colors = category_colors(events["event_type"].value_counts().index)
    value = EventFilter(start=date(2020, 1, 1), end=date(2025, 4, 30))
    lines = []
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        shown = value.apply(events)
        timings.append(time.perf_counter() - started)
    lines.append(f"  filter (dates 2020-2025, {len(shown):,} of {len(events):,} kept): "
                 f"{statistics.median(timings) * 1000:.0f} ms (median of 5)")
    base = build_base_map(dataset.basemap, dataset.sites)
    base.get_root().render()
    base_script = _get_map_string(base)
    for name, ((south, west, north, east), zoom) in VIEWS.items():
        view = Viewport(south, west, north, east, zoom)
        timings, size = [], 0
        for _ in range(5):
            started = time.perf_counter()
            shown = value.apply(events)
            layer, _words = build_viewport_layer(shown, colors, view)
            fmap = build_base_map(dataset.basemap, dataset.sites)
            script = _get_feature_group_string(layer, fmap)
            timings.append(time.perf_counter() - started)
            size = len(script.encode())
        lines.append(f"  rerun at {name}: {statistics.median(timings) * 1000:.0f} ms server (filter + layer), "
                     f"{size / 1e6:.3f} MB of events layer sent")
    lines.append(f"  static base map (sent once, then cached by the browser): {len(base_script.encode()) / 1e6:.3f} MB")
    return lines


def app_rerun_seconds(folder: Path) -> list[str]:
    """The whole app script, run by Streamlit's AppTest: first run, then reruns after a filter change."""
    import os

    from streamlit.testing.v1 import AppTest

    os.environ["EVENTMAP_DATA_DIR"] = str(folder)
    started = time.perf_counter()
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=600).run()
    first = time.perf_counter() - started
    timings = []
    for outlet in ("Synthetic benchmark data: Outlet A", "Synthetic benchmark data: Outlet B", None):
        widget = at.sidebar.multiselect(key="f_sources")
        widget.set_value([outlet] if outlet else [])
        started = time.perf_counter()
        at.run()
        timings.append(time.perf_counter() - started)
    errors = [e.value for e in at.exception]
    return [f"  whole app, first run (data loaded, cached): {first:.2f} s",
            f"  whole app, rerun after a source change (map page, all of Syria): "
            f"{statistics.median(timings) * 1000:.0f} ms median of {len(timings)}" + (f"; ERRORS {errors}" if errors else "")]


def folium_baselines(folder: Path, cap: float) -> tuple[list[str], dict[str, float]]:
    """Plain folium and FastMarkerCluster on the same events, each in a subprocess killed after ``cap`` s."""
    results: dict[str, float] = {}
    lines = []
    programs = {
        "plain folium (one CircleMarker per event)":
            "for lat, lon in pts: folium.CircleMarker([lat, lon], radius=5).add_to(m)",
        "FastMarkerCluster": "FastMarkerCluster(pts).add_to(m)",
    }
    for name, body in programs.items():
        code = (
            "import sys, time; import pandas as pd, folium; from folium.plugins import FastMarkerCluster\n"
            f"e = pd.read_csv({str(folder / 'events.csv')!r}, usecols=['latitude', 'longitude'])\n"
            "pts = e[['latitude', 'longitude']].to_numpy().tolist()\n"
            "t = time.perf_counter(); m = folium.Map(location=[35, 38.5], zoom_start=7, tiles=None)\n"
            f"{body}\n"
            "html = m.get_root().render(); print(time.perf_counter() - t, len(html.encode()))\n")
        try:
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=cap, check=True)
            seconds, size = out.stdout.split()
            results[name] = float(seconds)
            lines.append(f"  {name}: build + render {float(seconds):.2f} s per rerun, {int(size) / 1e6:.1f} MB sent")
        except subprocess.TimeoutExpired:
            lines.append(f"  {name}: did not finish within the {cap:g} s cap")
    return lines, results


def browser_first_draw(folder: Path) -> str:
    """Seconds from opening the app (data already cached) to a drawn map, in offline Chromium."""
    from browser import map_frame, open_app
    from conftest import CHROMIUM, CHROMIUM_FLAGS, OfflinePage, RunningApp
    from playwright.sync_api import sync_playwright

    app = RunningApp(folder, Path(tempfile.mkdtemp()) / "scale.log")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            timings = []
            for run in range(3):
                offline = OfflinePage(browser)
                started = time.perf_counter()
                open_app(offline.page, app.url)
                frame = map_frame(offline.page)
                frame.wait_for_selector(".event-cluster, .leaflet-events-pane path", timeout=300_000)
                if run:  # the first open also loads the data into the server's cache
                    timings.append(time.perf_counter() - started)
                offline.close()
            browser.close()
        return f"  browser, page open to a drawn map (data cached): {statistics.median(timings):.2f} s (median of 2)"
    finally:
        app.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--cap", type=float, default=120.0, help="seconds allowed to each folium baseline")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-baselines", action="store_true", help="skip plain folium and FastMarkerCluster")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "eventmap-scale")
    arguments = parser.parse_args()
    for size in arguments.sizes:
        folder = make_data_dir(size, arguments.workdir)
        print(f"== {size:,} events ==")
        seconds, peak_mb = load_in_fresh_process(folder)
        print(f"  cold load (read, validate, index): {seconds:.2f} s, peak memory {peak_mb:,.0f} MB")
        for line in rerun_costs(folder) + app_rerun_seconds(folder):
            print(line, flush=True)
        if not arguments.no_browser and Path("/usr/bin/chromium").exists():
            print(browser_first_draw(folder))
        if arguments.no_baselines:
            continue
        lines, baselines = folium_baselines(folder, arguments.cap)
        for line in lines:
            print(line)
        print(json.dumps({"size": size, "baselines_s": baselines}))


if __name__ == "__main__":
    main()
