"""Benchmark briefing exports with 10,000 synthetic events: PNG time and HTML size.

Run:  python3 benchmarks/export_bench.py [--events 10000] [--runs 3]
Targets (issue 4): PNG of 10,000 events in under 10 s; HTML export of 10,000 events under 5 MB.
Prints one line per figure. Not a test: it asserts nothing. Needs Debian's chromium for the PNG/PDF figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from utils.briefing import Briefing, briefing_html, export_file  # noqa: E402
from utils.dataset import load_dataset  # noqa: E402
from utils.filters import EventFilter  # noqa: E402
from utils.geo import add_site_distances  # noqa: E402


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


def timed(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    dataset = load_dataset()
    events = synthetic_events(dataset.events, dataset.sites, arguments.events)
    big = replace(dataset, events=events)
    briefing = Briefing(big, EventFilter(), permalink="http://localhost:8501/")
    n = arguments.events
    print(f"synthetic events: {n:,} over Syria (resampled from the {len(dataset.events)} bundled events)")

    seconds, page = timed(lambda: briefing_html(briefing, "html"), arguments.runs)
    size = len(page.encode("utf-8"))
    print(f"HTML export, {n:,} events: {size / 1e6:.2f} MB (target < 5 MB), built in {seconds:.2f} s")
    slide_seconds, slide_page = timed(lambda: briefing_html(briefing, "slide"), arguments.runs)
    print(f"slide page for PNG (no popups), {n:,} events: {len(slide_page.encode()) / 1e6:.2f} MB, "
          f"built in {slide_seconds:.2f} s")
    for key, label in (("png", "PNG slide 1920x1080"), ("png-a4", "PNG A4 300 dpi 3508x2480"), ("pdf", "PDF")):
        seconds, data = timed(lambda key=key: export_file(briefing, key, timeout_s=120), arguments.runs)
        target = " (target < 10 s)" if key == "png" else ""
        print(f"{label}, {n:,} events: {seconds:.2f} s median of {arguments.runs}{target}, {len(data) / 1e6:.2f} MB")
    small = Briefing(dataset, EventFilter(), permalink="http://localhost:8501/")
    seconds, data = timed(lambda: export_file(small, "png"), arguments.runs)
    print(f"PNG slide, bundled {len(dataset.events)} events: {seconds:.2f} s median of {arguments.runs}")


if __name__ == "__main__":
    main()
