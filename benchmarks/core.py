"""Benchmark the core dashboard: cold start and filter change, server and browser.

Run:  python benchmarks/core.py          (needs Debian's chromium for the browser figures)
Prints one line per figure. Not a test: it asserts nothing.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]


def cold_load_seconds(runs: int = 3) -> list[float]:
    """Load, validate and index the bundled data in a fresh Python process."""
    code = ("import time; t=time.perf_counter(); from utils.data.dataset import load_dataset; load_dataset('data'); "
            "print(time.perf_counter()-t)")
    return [float(subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True,
                                 check=True).stdout) for _ in range(runs)]


def server_rerun_seconds(runs: int = 20) -> dict[str, float]:
    """What one rerun of the map page costs on the server after a filter change (data cached)."""
    import folium
    from streamlit_folium import _get_feature_group_string, _get_map_string

    from utils.analysis.filters import EventFilter
    from utils.data.dataset import load_dataset
    from utils.map.mapping import build_base_map, build_events_layer, category_colors

    dataset = load_dataset(PROJECT / "data")
    colors = category_colors(dataset.events["event_type"])
    value = EventFilter(sources=("SouthFront",))
    timings: dict[str, list[float]] = {"filter": [], "base map + render": [], "events layer + render": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        shown = value.apply(dataset.events)
        t1 = time.perf_counter()
        fmap = build_base_map(dataset.basemap, dataset.sites)
        fmap.get_root().render()
        _get_map_string(fmap)
        t2 = time.perf_counter()
        layer = build_events_layer(shown, colors)
        _get_feature_group_string(layer, fmap)
        folium.LayerControl()
        t3 = time.perf_counter()
        timings["filter"].append(t1 - t0)
        timings["base map + render"].append(t2 - t1)
        timings["events layer + render"].append(t3 - t2)
    return {k: statistics.median(v) for k, v in timings.items()}


def browser_seconds(runs: int = 5) -> dict[str, float]:
    """Server start to a drawn map, and a source pick to the redrawn map, in Chromium."""
    from browser import map_frame, open_app, pick_in_multiselect, wait_for_markers
    from conftest import CHROMIUM, CHROMIUM_FLAGS, OfflinePage, RunningApp
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    app = RunningApp(PROJECT / "data", Path(tempfile.mkdtemp()) / "bench.log")
    figures: dict[str, float] = {"server start (s)": time.perf_counter() - start}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            first, change = [], []
            for _ in range(runs):
                offline = OfflinePage(browser)
                t0 = time.perf_counter()
                open_app(offline.page, app.url)
                frame = map_frame(offline.page)
                wait_for_markers(frame, 30)
                first.append(time.perf_counter() - t0)
                t1 = time.perf_counter()
                pick_in_multiselect(offline.page, "Source", "The Cradle")
                wait_for_markers(frame, 2)
                change.append(time.perf_counter() - t1)
                offline.close()
            browser.close()
        figures["page open to drawn map (s, median)"] = statistics.median(first)
        figures["source pick to redrawn map (s, median)"] = statistics.median(change)
    finally:
        app.stop()
    return figures


def main() -> None:
    loads = cold_load_seconds()
    print(f"cold load+validate+index of the bundled data (fresh process): median {statistics.median(loads):.3f} s "
          f"over {len(loads)} runs")
    for name, seconds in server_rerun_seconds().items():
        print(f"server, per rerun, {name}: {seconds * 1000:.1f} ms (median of 20)")
    if Path("/usr/bin/chromium").exists():
        for name, seconds in browser_seconds().items():
            print(f"browser, {name}: {seconds:.2f}")
    else:
        print("browser figures skipped: install Debian's chromium")


if __name__ == "__main__":
    main()
