"""Filter benchmark at scale: what the sidebar and the filter cost per rerun, and memory per session.

Run:  python3 benchmarks/filters_bench.py [--size 1000000] [--sessions 5] [--workdir DIR]

Prints, on ``--size`` synthetic events (benchmarks/synthetic.py, the data folder
kept in ``--workdir`` between runs), with the machine's load average:

- the one-off cost per dataset: facet indexes and the search index;
- per filter change, the sidebar's and the view's work in utils (each
  condition's mask, every facet's counts over the other filters, the caption),
  median of several filter values;
- a text search, median over a few queries;
- the sidebar alone rerun by Streamlit's AppTest after a widget change (the
  sidebar script: data from the shared cache, filters, counts, caption);
- server memory with ``--sessions`` AppTest sessions of the whole app each
  filtering differently: RSS after the first and the growth per extra session.
Not a test.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]


def rss_mb() -> float:
    """This process's resident memory now (MB), from /proc."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def load_line() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f} on {os.cpu_count()} CPUs"


def median_ms(run, repeats: int = 7) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def utils_costs(folder: Path) -> list[str]:
    import numpy as np

    from utils.analysis.facets import FACETS, facet_index
    from utils.analysis.filters import EventFilter
    from utils.analysis.selection import event_index, filter_parts
    from utils.data.dataset import load_dataset
    from utils.data.sites import site_names

    started = time.perf_counter()
    dataset = load_dataset(folder)
    lines = [f"  load_dataset: {time.perf_counter() - started:.1f} s ({len(dataset.events):,} events)"]
    started = time.perf_counter()
    for facet in FACETS:
        facet_index(dataset, facet)
    facets_s = time.perf_counter() - started
    started = time.perf_counter()
    event_index(dataset).search()
    search_s = time.perf_counter() - started
    lines.append(f"  once per dataset: facet indexes {facets_s:.2f} s, search index {search_s:.2f} s")
    outlets = list(facet_index(dataset, FACETS[0]).labels)
    values = [EventFilter(start=date(2016, 1, 1), end=date(2025, 4, 30)),
              EventFilter(start=date(2024, 1, 1), end=date(2025, 4, 30), sources=(outlets[0],)),
              EventFilter(start=date(2020, 1, 1), end=date(2025, 4, 30), sources=tuple(outlets[:2]),
                          statuses=("claimed",), near_site="khmeimim", radius_km=50),
              EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30), precise_only=True)]
    names = site_names(dataset.sites)

    def rerun(value: EventFilter) -> None:
        parts = filter_parts(dataset, value)           # the sidebar's counts ...
        for facet in FACETS:
            facet_index(dataset, facet).counts(parts.all_but(facet))
        mask = filter_parts(dataset, value).all()       # ... and the view's mask and caption
        coarse = int(np.count_nonzero(mask & event_index(dataset).coarse()))
        value.caption(int(np.count_nonzero(mask)), len(dataset.events), coarse, site_names=names)

    per_value = [median_ms(lambda v=v: rerun(v)) for v in values]
    lines.append(f"  per filter change (masks, counts of {len(FACETS)} facets, mask, caption): "
                 f"{statistics.median(per_value):.0f} ms median ({', '.join(f'{t:.0f}' for t in per_value)} ms "
                 f"for {len(values)} filters)")
    search = event_index(dataset).search()
    queries = ["Hmeimim", "Jableh", "Outlet B", '"benchmarks; not"', "nowhere"]
    per_query = [median_ms(lambda q=q: search.mask(q), repeats=5) for q in queries]
    lines.append(f"  text search: {statistics.median(per_query):.0f} ms median over {len(queries)} queries "
                 f"({', '.join(f'{q}: {t:.0f}' for q, t in zip(queries, per_query))} ms)")
    return lines


def sidebar_script() -> None:
    """What AppTest runs: the shared data, the sidebar and the caption (no page)."""
    import streamlit as st

    from ui.data import data_folder, get_dataset
    from ui.sidebar import render_sidebar
    from ui.view import DATA_FOLDER, current_view, show_caption

    st.session_state[DATA_FOLDER] = data_folder()
    dataset = get_dataset()
    st.session_state["dataset"] = dataset
    render_sidebar(dataset)
    show_caption(current_view())


def sidebar_rerun(folder: Path) -> list[str]:
    from streamlit.testing.v1 import AppTest

    os.environ["EVENTMAP_DATA_DIR"] = str(folder)
    started = time.perf_counter()
    at = AppTest.from_function(sidebar_script, default_timeout=900).run()
    first = time.perf_counter() - started
    outlets = [o.rsplit(" (", 1)[0] for o in at.sidebar.multiselect(key="f_sources").options]
    changes = [lambda: at.sidebar.multiselect(key="f_sources").set_value([outlets[0]]),
               lambda: at.sidebar.multiselect(key="f_statuses").set_value(["claimed"]),
               lambda: at.sidebar.text_input(key="f_from").input("2024-01-01"),
               lambda: at.sidebar.text_input(key="f_search").input("Jableh"),
               lambda: at.sidebar.toggle(key="f_precise").set_value(True),
               lambda: at.sidebar.button_group(key="f_preset").set_value("All")]
    timings = []
    for change in changes:
        change()
        started = time.perf_counter()
        at.run()
        timings.append(time.perf_counter() - started)
    errors = [e.value for e in at.exception]
    return [f"  sidebar + caption in AppTest: first run {first:.1f} s (data loaded, indexes built); rerun after a "
            f"widget change {statistics.median(timings) * 1000:.0f} ms median of {len(timings)} "
            f"({', '.join(f'{t * 1000:.0f}' for t in timings)} ms)" + (f"; ERRORS {errors}" if errors else "")]


def session_memory(folder: Path, sessions: int) -> list[str]:
    from streamlit.testing.v1 import AppTest

    os.environ["EVENTMAP_DATA_DIR"] = str(folder)
    kept = []
    readings = []
    for number in range(sessions):
        at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=900).run()
        outlets = [o.rsplit(" (", 1)[0] for o in at.sidebar.multiselect(key="f_sources").options]
        at.sidebar.multiselect(key="f_sources").set_value([outlets[number % len(outlets)]]).run()
        at.sidebar.text_input(key="f_from").input(f"{2017 + number}-01-01").run()
        errors = [e.value for e in at.exception]
        kept.append(at)  # the session stays open, as a browser tab would
        gc.collect()
        readings.append(rss_mb())
        if errors:
            readings[-1] = float("nan")
            print(f"  session {number + 1}: ERRORS {errors}")
    extra = [b - a for a, b in zip(readings, readings[1:])]
    return [f"  {sessions} AppTest sessions of the whole app (map page), each filtering: RSS after each "
            f"{', '.join(f'{r:,.0f}' for r in readings)} MB; per extra session "
            f"{statistics.median(extra) if extra else float('nan'):+.1f} MB median "
            f"(max {max(extra) if extra else float('nan'):+.1f}); peak "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/eventmap-bench"))
    parser.add_argument("--skip", nargs="*", default=[], choices=["utils", "sidebar", "memory"])
    arguments = parser.parse_args()
    from benchmarks.scale import make_data_dir

    folder = make_data_dir(arguments.size, arguments.workdir)
    print(f"filters at {arguments.size:,} synthetic events ({load_line()})")
    if "utils" not in arguments.skip:
        print("\n".join(utils_costs(folder)), flush=True)
    if "sidebar" not in arguments.skip:
        print("\n".join(sidebar_rerun(folder)), flush=True)
    if "memory" not in arguments.skip:
        print("\n".join(session_memory(folder, arguments.sessions)), flush=True)
    print(f"done ({load_line()})")


if __name__ == "__main__":
    main()
