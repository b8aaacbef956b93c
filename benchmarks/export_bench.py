"""Benchmark briefing exports with 10,000 synthetic events: PNG time and HTML size.

Run:  python3 benchmarks/export_bench.py [--events 10000] [--runs 3] [--big 100000] [--only-layer]
Targets (issue 4): PNG of 10,000 events in under 10 s; HTML export of 10,000 events under 5 MB.
Also prints the bytes of the dashboard's events layer per rerun (the string st_folium sends) for the
bundled events and for 1,500 synthetic ones (the detail limit), since exports and dashboard share that
layer; ``--big N`` adds one PNG and one HTML export of N events (time, size); ``--only-layer`` prints
only the layer bytes. Prints one line per figure. Not a test: it asserts nothing. Needs Debian's
chromium for the PNG/PDF figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from utils.analysis.filters import EventFilter  # noqa: E402
from utils.core.geo import add_site_distances  # noqa: E402
from utils.data.dataset import load_dataset  # noqa: E402
from utils.export.briefing import Briefing  # noqa: E402
from utils.export.document import briefing_html  # noqa: E402
from utils.export.outputs import export_file  # noqa: E402
from utils.export.permalink import MapView  # noqa: E402
from utils.map.mapping import SYRIA_CENTER, SYRIA_ZOOM  # noqa: E402
from utils.map.view_layer import DETAIL_LIMIT  # noqa: E402


def synthetic_events(template: pd.DataFrame, sites: pd.DataFrame, count: int, seed: int = 4) -> pd.DataFrame:
    """``count`` events resampled from the real ones, moved to random points over Syria, with unique ids
    and notes of realistic length (the bundled notes, so about 150-400 characters each)."""
    rng = np.random.default_rng(seed)
    events = template.sample(count, replace=True, random_state=seed).reset_index(drop=True)
    events["event_id"] = [f"SY{n:06d}" for n in range(count)]
    events["latitude"] = rng.uniform(32.5, 37.0, count).round(4)
    events["longitude"] = rng.uniform(35.8, 42.0, count).round(4)
    events["location"] = [f"Place {n % 700}" for n in range(count)]
    distances = [c for c in events.columns if c.startswith("dist_km_") or c.startswith("nearest_site")]
    return add_site_distances(events.drop(columns=distances), sites)


SYRIA = MapView(SYRIA_CENTER, SYRIA_ZOOM)
"""All of Syria: the view the figures were taken at before exports framed their events."""
BASE_URL = "https://dashboard.example/"


def timed(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def dashboard_layer_bytes(dataset) -> list[str]:
    """Bytes of the events layer the map page sends per rerun (st_folium's feature-group string)."""
    from streamlit_folium import _get_feature_group_string

    from benchmarks.synthetic import synthetic_events as town_events
    from utils.core.dates import add_date_windows
    from utils.data.dataset import derive_columns
    from utils.data.validation import validate_events
    from utils.map.mapping import build_base_map, category_colors
    from utils.map.view_layer import build_viewport_layer, default_viewport

    raw = town_events(1500, seed=15)
    raw["_row"] = range(2, len(raw) + 2)
    synthetic = derive_columns(add_date_windows(validate_events(raw, "synthetic").events), dataset.sites)
    lines = []
    view = default_viewport((34.85, 38.7), 6.75)
    for label, events in (("bundled", dataset.events), ("synthetic", synthetic)):
        colors = category_colors(events["event_type"].value_counts().index)
        layer, _words = build_viewport_layer(events, colors, view, sites=dataset.sites)
        fmap = build_base_map(dataset.basemap, dataset.sites)
        size = len(_get_feature_group_string(layer, fmap).encode())
        lines.append(f"dashboard events layer per rerun, {label} {len(events):,} events: {size:,} bytes")
    return lines


def big_export(dataset, count: int) -> list[str]:
    """One PNG slide and one HTML export of ``count`` events (all of Syria, the dashboard's detail limit): seconds
    and size."""
    big = replace(dataset, events=synthetic_events(dataset.events, dataset.sites, count))
    briefing = Briefing(big, EventFilter(), SYRIA, base_url=BASE_URL)
    lines = []
    for key, label in (("html", "HTML"), ("png", "PNG slide 1920x1080")):
        seconds, data = timed(lambda key=key: export_file(briefing, key, timeout_s=600), 1)
        lines.append(f"{label}, {count:,} events: {seconds:.2f} s (one run), {len(data) / 1e6:.2f} MB")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big", type=int, default=0, help="also export this many events as PNG and HTML")
    parser.add_argument("--only-layer", action="store_true", help="print only the dashboard layer bytes")
    arguments = parser.parse_args()
    dataset = load_dataset(PROJECT / "data")
    print(f"load average at start: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    for line in dashboard_layer_bytes(dataset):
        print(line)
    if arguments.only_layer:
        return
    if arguments.big:
        for line in big_export(dataset, arguments.big):
            print(line, flush=True)
    events = synthetic_events(dataset.events, dataset.sites, arguments.events)
    big = replace(dataset, events=events)
    n = arguments.events
    print(f"synthetic events: {n:,} over Syria (resampled from the {len(dataset.events)} bundled events)")
    # as the dashboard draws them (more than DETAIL_LIMIT in view: exact-count clusters), and one by one
    # (the detail limit raised to n: every marker drawn, as exports did before they shared the dashboard's layer)
    for label, limit in (("clusters as on the dashboard", DETAIL_LIMIT), ("drawn one by one", max(n, DETAIL_LIMIT))):
        briefing = Briefing(big, EventFilter(), SYRIA, base_url=BASE_URL, detail_limit=limit)
        seconds, page = timed(lambda briefing=briefing: briefing_html(briefing, "html"), arguments.runs)
        size = len(page.encode("utf-8"))
        print(f"HTML export, {n:,} events, {label}: {size / 1e6:.2f} MB (target < 5 MB), built in {seconds:.2f} s")
        slide_seconds, slide_page = timed(lambda briefing=briefing: briefing_html(briefing, "slide"), arguments.runs)
        print(f"slide page for PNG (no popups), {n:,} events, {label}: {len(slide_page.encode()) / 1e6:.2f} MB, "
              f"built in {slide_seconds:.2f} s")
        for key, name in (("png", "PNG slide 1920x1080"), ("png-a4", "PNG A4 300 dpi 3508x2480"), ("pdf", "PDF")):
            seconds, data = timed(lambda key=key, briefing=briefing: export_file(briefing, key, timeout_s=120),
                                  arguments.runs)
            target = " (target < 10 s)" if key == "png" else ""
            print(f"{name}, {n:,} events, {label}: {seconds:.2f} s median of {arguments.runs}{target}, "
                  f"{len(data) / 1e6:.2f} MB", flush=True)
    small = Briefing(dataset, EventFilter(), SYRIA, base_url=BASE_URL)
    seconds, data = timed(lambda: export_file(small, "png"), arguments.runs)
    print(f"PNG slide, bundled {len(dataset.events)} events, all of Syria: {seconds:.2f} s median of {arguments.runs}")
    # numbered markers, fanned, in a framed view (the default of the command line)
    from datetime import date

    window = Briefing(dataset, EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30)), base_url=BASE_URL)
    seconds, page = timed(lambda: briefing_html(window, "slide"), arguments.runs)
    print(f"slide page, 14 numbered events framed (2025-03-01..2025-04-30): built in {seconds:.3f} s, "
          f"{len(page.encode()) / 1e6:.2f} MB")
    for key, name in (("png", "PNG slide"), ("pdf", "PDF")):
        seconds, data = timed(lambda key=key: export_file(window, key), arguments.runs)
        print(f"{name}, 14 numbered events framed: {seconds:.2f} s median of {arguments.runs}, {len(data) / 1e6:.2f} MB")
    numbered = Briefing(replace(dataset, events=synthetic_events(dataset.events, dataset.sites, 250)), EventFilter(),
                        SYRIA, base_url=BASE_URL)
    seconds, page = timed(lambda: briefing_html(numbered, "slide"), arguments.runs)
    print(f"slide page, 250 numbered events (the most numbered), all of Syria: built in {seconds:.3f} s")
    print(f"load average while running: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
