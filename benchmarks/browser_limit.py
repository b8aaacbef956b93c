"""What sets the browser limit (utils.map.style.BROWSER_LIMIT): bytes on the wire per event, and the server's
memory for the layer plans it keeps.

Run:  python3 benchmarks/browser_limit.py [--size 1000000] [--sizes 60000 100000 110000 120000 150000]
                                         [--workdir DIR]

On ``--size`` synthetic events (benchmarks/synthetic.py, the folder shared with benchmarks/scale.py), prints:
- for random samples of each of ``--sizes`` events (and the scale benchmark's filter): the map payload as the
  dashboard sends it (JSON) and on the wire, through the websocket's permessage-deflate (12-bit window, memory
  level 5), with bytes per event; the limit follows the 1 MB target on the wire;
- the resident memory (after ``gc`` and ``malloc_trim``) that ``ui.map_layer.PLANS_KEPT`` plans of
  ``BROWSER_LIMIT`` events each hold, as the server keeps them (``shared_layer``: the events' ids and the
  payload), in the payload's columns (``kept_plan``), and with every column (as before); each in a fresh process.
The machine's load average is printed with the figures. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]


def wire_rows(folder: Path, sizes: list[int]) -> list[str]:
    """Payload bytes, as sent and on the wire, for random samples of ``sizes`` events."""
    from benchmarks.scale import kept_rows, shown_events, websocket_bytes
    from utils.analysis.rows import EventRows
    from utils.map.aggregate import default_viewport
    from utils.map.style import category_colors
    from utils.map.view_layer import kept_plan, plan_payload, plan_view

    dataset, shown = shown_events(folder)
    events = dataset.events
    colors = category_colors(events["event_type"].value_counts().index)
    view = default_viewport((34.85, 38.7), 6.75, 1600, 1000)
    lines = []
    samples = [("the scale benchmark's filter", kept_rows(dataset, shown))]
    for size in sizes:
        mask = events.index.isin(events.sample(min(size, len(events)), random_state=1).index)
        samples.append((f"a random {size:,}", EventRows(events, mask, dataset.memo)))
    for label, rows in samples:
        plan = kept_plan(plan_view(rows, colors, view, browser_limit=len(rows)), rows, "event_type")
        raw = json.dumps(plan_payload(plan, colors, "event_type", popups="short")).encode()
        wire = websocket_bytes(raw)
        lines.append(f"  {label:30} {len(rows):>9,} events: payload {len(raw) / 1e6:6.3f} MB, on the wire "
                     f"{wire / 1e6:6.3f} MB ({wire / len(rows):.1f} bytes an event)")
    return lines


_PLANS = """
import ctypes, gc, os, sys
sys.path[:0] = [{project!r}, {tests!r}]
import numpy as np
from benchmarks.scale import shown_events
from ui.map_layer import PLANS_KEPT
from utils.analysis.rows import EventRows
from utils.map.aggregate import default_viewport
from utils.map.style import BROWSER_LIMIT, category_colors
from utils.map.view_layer import kept_plan, plan_view, shared_layer
def rss():
    gc.collect(); ctypes.CDLL("libc.so.6").malloc_trim(0)
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
dataset, _ = shown_events({folder!r})
events = dataset.events
colors = category_colors(events["event_type"].value_counts().index)
view = default_viewport((34.85, 38.7), 6.75, 1600, 1000)
EventRows(events, None, dataset.memo).date_order()  # the rank, once per dataset: not a plan's
rng, plans, before = np.random.default_rng(3), [], rss()
for _ in range(PLANS_KEPT):
    mask = np.zeros(len(events), dtype=bool)
    mask[rng.choice(len(events), min(BROWSER_LIMIT, len(events)), replace=False)] = True
    rows = EventRows(events, mask, dataset.memo)
    if {how!r} == "shared":
        plans.append(shared_layer(rows, colors, view, popups="short", browser_limit=BROWSER_LIMIT))
    else:
        plan = plan_view(rows, colors, view, browser_limit=BROWSER_LIMIT)
        plans.append(kept_plan(plan, rows, "event_type") if {how!r} == "columns"
                     else plan.events.sort_values(["event_date", "event_id"]))
        del plan
    del rows, mask
print(PLANS_KEPT, BROWSER_LIMIT, rss() - before)
"""


_HOW = {"shared": "as the server keeps them (ids and payload)", "columns": "in the payload's columns",
        "every": "with every column"}


def plan_memory(folder: Path, how: str) -> str:
    """Resident MB held by PLANS_KEPT plans of BROWSER_LIMIT random events (kept ``how``), in a fresh process."""
    code = _PLANS.format(project=str(PROJECT), tests=str(PROJECT / "tests"), folder=str(folder), how=how)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    plans, limit, megabytes = result.stdout.split()[-3:]
    what = _HOW[how]
    return f"  {plans} plans of {int(limit):,} events, {what}: {float(megabytes):,.0f} MB"


def main() -> None:
    from benchmarks.scale import make_data_dir

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[60_000, 100_000, 110_000, 120_000, 150_000])
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "eventmap-scale")
    arguments = parser.parse_args()
    folder = make_data_dir(arguments.size, arguments.workdir)
    print(f"cores {os.cpu_count()}, load average {os.getloadavg()}; {arguments.size:,} synthetic events", flush=True)
    print("\n".join(wire_rows(folder, arguments.sizes)), flush=True)
    for how in _HOW:
        print(plan_memory(folder, how), flush=True)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
