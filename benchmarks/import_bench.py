"""Benchmark imports: the UCDP GED extract, and a generated 1,000,000-row native CSV.

Run:  python benchmarks/import_bench.py [--rows 1000000]
Each figure is measured in a fresh Python process (so peak memory is that
import's own): wall time of read + convert + validate (``utils.importers.
import_bytes``, the code the Import page and ``python -m utils import`` run)
and the process's peak resident memory. Targets (issue 3): UCDP < 2 s; 1M rows
< 10 s and < 2 GB. Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
UCDP = PROJECT.parent / "shared" / "data" / "ucdp_ged_syria_2016-2019.csv"

CHILD = """
import json, resource, sys, time
from pathlib import Path
from utils.importers import import_bytes
from utils.importers.places import load_places
from utils.data.folder import DataFolder
folder = DataFolder.from_option(None)
load_places(str(folder.root))  # polygons: read once per server process, not per import
path = Path(sys.argv[1])
start = time.perf_counter()
result = import_bytes(path.read_bytes(), path.name, folder=folder)
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "rows": result.rows_read, "loaded": result.loaded,
                  "set_aside": result.set_aside}))
"""


def measure(path: Path, runs: int) -> list[dict]:
    """Import ``path`` in ``runs`` fresh processes; one dict of figures per run."""
    out = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=PROJECT, capture_output=True,
                              text=True, check=True)
        out.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return out


def write_native(path: Path, rows: int) -> None:
    """``rows`` events in our schema, cycling through the bundled events with unique ids."""
    with (PROJECT / "data" / "events.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        bundled = list(reader)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for number in range(rows):
            record = dict(bundled[number % len(bundled)])
            record["event_id"] = f"B{number:07d}"
            writer.writerow(record)


def report(label: str, runs: list[dict], seconds_target: float, memory_target_mb: float | None) -> None:
    seconds = statistics.median(r["seconds"] for r in runs)
    peak = max(r["peak_mb"] for r in runs)
    first = runs[0]
    line = (f"{label}: {first['rows']:,} rows ({first['loaded']:,} loaded, {first['set_aside']:,} set aside); "
            f"import {seconds:.2f} s median of {len(runs)} (target < {seconds_target:g} s); "
            f"peak memory {peak:,.0f} MB")
    if memory_target_mb:
        line += f" (target < {memory_target_mb:,.0f} MB)"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the generated native CSV")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per figure")
    arguments = parser.parse_args()
    print(f"command: python benchmarks/import_bench.py --rows {arguments.rows} --runs {arguments.runs}")
    report(f"UCDP GED extract ({UCDP.name}, {UCDP.stat().st_size / 1e6:.1f} MB)", measure(UCDP, arguments.runs),
           2.0, None)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "native.csv"
        write_native(path, arguments.rows)
        report(f"generated native CSV ({path.stat().st_size / 1e6:.0f} MB)", measure(path, arguments.runs),
               10.0, 2048.0)


if __name__ == "__main__":
    main()
