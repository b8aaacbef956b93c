"""Benchmark imports and hostile uploads: time and peak memory, each in a fresh process.

Run:  python benchmarks/import_bench.py [--rows 1000000] [--runs 3] [--only NAME ...] [--code DIR]

Cases (each in a fresh Python process, so peak memory is that import's own):

* ``ucdp``: the UCDP GED extract (16,566 rows) through ``utils.importers.import_bytes``;
* ``native``: a generated 1,000,000-row native CSV through ``import_bytes``;
* ``acled-cli``: a generated 1,000,000-row ACLED-like CSV through the command line,
  ``python -m utils import FILE --out OUT`` (read, convert, validate, write);
* ``gzip-1.2g``: a .gz of native rows that unpacks to 1.2 GB, through ``python -m utils validate``;
* ``bomb-2g``: a .gz of one repeated byte that unpacks to 2 GB, through ``python -m utils validate``.

Peak memory is the child's peak resident set (``ru_maxrss``); CPU is the child's user + system time
(all threads), which a busy shared machine changes far less than wall time. Targets
(issues 11 and 14): 1M rows <= 15 s and <= 2 GB; the two gzip cases under 1 GB, with a clear
refusal where refused. ``--code DIR`` runs the children against another checkout (for a
"before" figure). Not a test: it asserts nothing. Prints the load average with the figures.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
UCDP_GZ = PROJECT / "tests" / "data" / "ucdp_ged_syria_2016-2019.csv.gz"
CACHE = Path(os.environ.get("IMPORT_BENCH_CACHE", "/tmp/import_bench"))

IMPORT_CHILD = """
import json, resource, sys, time
from pathlib import Path
from utils.importers import import_bytes
from utils.importers.places import load_places
from utils.data.folder import DataFolder
folder = DataFolder.from_option(None)
load_places(str(folder.root))  # polygons: read once per server process, not per import
path = Path(sys.argv[1])
start, cpu = time.perf_counter(), time.process_time()
result = import_bytes(path, path.name, folder=folder)  # as the Import page and the CLI: read from disk
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "outcome": result.summary()}))
"""


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def run_import_child(path: Path, code: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", IMPORT_CHILD, str(path)], cwd=code, capture_output=True,
                          text=True)
    if done.returncode != 0:
        return {"seconds": float("nan"), "cpu": float("nan"), "peak_mb": float("nan"),
                "outcome": f"exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


MEMORY_LIMIT_BYTES = 6 * 1024**3
"""Address-space limit of a command-line child: a bomb that is not bounded fails here, not the shared machine."""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


def run_cli(arguments: list[str], code: Path, *, limited: bool = False) -> dict:
    """``python -m utils ARGS`` in a fresh process, its wall time, peak RSS (via /usr/bin/time) and outcome.

    ``limited``: run under a 6 GB address-space limit (the gzip cases).
    """
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", sys.executable, "-m", "utils", *arguments], cwd=code,
                          capture_output=True, text=True, preexec_fn=_limit_memory if limited else None)
    seconds = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    figures = lines[-1].split() if lines else []
    peak_mb = int(figures[0]) / 1024 if len(figures) == 3 else float("nan")
    cpu = float(figures[1]) + float(figures[2]) if len(figures) == 3 else float("nan")
    said = (done.stdout.strip().splitlines()[:2] + lines[:-1])
    outcome = f"exit {done.returncode}: " + " | ".join(line[:160] for line in said[:3])
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "outcome": outcome}


def _bundled_rows() -> tuple[list[str], list[dict]]:
    with (PROJECT / "data" / "events.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_native(path: Path, rows: int) -> Path:
    """``rows`` events in our schema, cycling through the bundled events with unique ids."""
    if path.exists():
        return path
    header, bundled = _bundled_rows()
    partial = path.with_suffix(".part")
    with partial.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for number in range(rows):
            record = dict(bundled[number % len(bundled)])
            record["event_id"] = f"B{number:07d}"
            writer.writerow(record)
    partial.replace(path)
    return path


ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)


def write_acled(path: Path, rows: int) -> Path:
    """``rows`` ACLED-like rows (31 columns, dates as "02 June 2023") built from synthetic events."""
    if path.exists():
        return path
    sys.path.insert(0, str(PROJECT))
    import numpy as np

    from benchmarks.synthetic import synthetic_events

    events = synthetic_events(rows, seed=11)
    dates = np.asarray(events["event_date"].to_numpy(), dtype="datetime64[D]")
    import pandas as pd

    text_dates = pd.to_datetime(dates).strftime("%d %B %Y")
    precision = events["date_precision"].map({"day": "1", "week": "2", "month": "3", "year": "3"})
    frame = pd.DataFrame({
        "event_id_cnty": ["SYR" + str(i) for i in range(rows)],
        "event_date": text_dates,
        "year": text_dates.str[-4:],
        "time_precision": precision,
        "disorder_type": "Political violence",
        "event_type": events["event_type"],
        "sub_event_type": events["sub_event_type"],
        "actor1": events["actor1"],
        "assoc_actor_1": "",
        "inter1": "1",
        "actor2": "Civilians (Syria)",
        "assoc_actor_2": "",
        "inter2": "7",
        "interaction": "17",
        "civilian_targeting": "",
        "iso": "760",
        "region": "Middle East",
        "country": "Syria",
        "admin1": "Idleb",
        "admin2": "Idleb",
        "admin3": "Idleb",
        "location": events["location"],
        "latitude": events["latitude"],
        "longitude": events["longitude"],
        "geo_precision": events["geo_precision"],
        "source": events["source"],
        "source_scale": "National",
        "notes": "On " + text_dates + ", synthetic event for benchmarks near " + events["location"] + "; not a report.",
        "fatalities": events["fatalities"],
        "tags": "",
        "timestamp": "1700000000",
    }, columns=list(ACLED_COLUMNS))
    partial = path.with_suffix(".part")
    frame.to_csv(partial, index=False)
    partial.replace(path)
    return path


def write_gzip_rows(path: Path, unpacked_bytes: int) -> Path:
    """A .gz of native rows (unique ids) that unpacks to about ``unpacked_bytes``."""
    if path.exists():
        return path
    header, bundled = _bundled_rows()
    partial = path.with_suffix(".part")
    import io

    with gzip.open(partial, "wb", compresslevel=6) as out:
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        written, number = 0, 0
        while written < unpacked_bytes:
            for _ in range(10_000):
                record = dict(bundled[number % len(bundled)])
                record["event_id"] = f"G{number:08d}"
                writer.writerow(record)
                number += 1
            chunk = text.getvalue().encode()
            text.seek(0)
            text.truncate()
            out.write(chunk[: unpacked_bytes - written] if written + len(chunk) > unpacked_bytes else chunk)
            written += len(chunk)
    partial.replace(path)
    return path


def write_bomb(path: Path, unpacked_bytes: int) -> Path:
    """A .gz of ``unpacked_bytes`` of one repeated letter (about 1,000:1)."""
    if path.exists():
        return path
    partial = path.with_suffix(".part")
    block = b"A" * (1 << 24)
    with gzip.open(partial, "wb", compresslevel=9) as out:
        for _ in range(unpacked_bytes // len(block)):
            out.write(block)
    partial.replace(path)
    return path


def _line(label: str, runs: list[dict], target: str) -> None:
    seconds = statistics.median(r["seconds"] for r in runs)
    peaks = [r["peak_mb"] for r in runs]
    spread = f" ({min(r['seconds'] for r in runs):.2f}-{max(r['seconds'] for r in runs):.2f})" if len(runs) > 1 else ""
    cpu = statistics.median(r.get("cpu", float("nan")) for r in runs)
    print(f"{label}: {seconds:.2f} s median of {len(runs)}{spread} (CPU {cpu:.2f} s, all threads); "
          f"peak {max(peaks):,.0f} MB; {target}; "
          f"{_load()}\n    -> {runs[0]['outcome']}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the generated CSVs")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per figure")
    parser.add_argument("--only", nargs="*", default=None,
                        help="cases to run: ucdp native acled-cli gzip-1.2g bomb-2g (default: all)")
    parser.add_argument("--code", type=Path, default=PROJECT, help="checkout whose code the children run")
    arguments = parser.parse_args()
    wanted = set(arguments.only or ["ucdp", "native", "acled-cli", "gzip-1.2g", "bomb-2g"])
    code = arguments.code.resolve()
    CACHE.mkdir(parents=True, exist_ok=True)
    print(f"command: python benchmarks/import_bench.py --rows {arguments.rows} --runs {arguments.runs}"
          + (f" --only {' '.join(sorted(wanted))}" if arguments.only else "")
          + (f" --code {code}" if code != PROJECT else "") + f"; {_load()}", flush=True)
    if "ucdp" in wanted:
        ucdp = CACHE / UCDP_GZ.name.removesuffix(".gz")
        if not ucdp.exists():
            ucdp.write_bytes(gzip.decompress(UCDP_GZ.read_bytes()))
        _line(f"UCDP GED extract ({ucdp.stat().st_size / 1e6:.1f} MB), import_bytes",
              [run_import_child(ucdp, code) for _ in range(arguments.runs)], "target < 2 s")
    if "native" in wanted:
        native = write_native(CACHE / f"native_{arguments.rows}.csv", arguments.rows)
        _line(f"native CSV, {arguments.rows:,} rows ({native.stat().st_size / 1e6:.0f} MB), import_bytes",
              [run_import_child(native, code) for _ in range(arguments.runs)], "target <= 15 s, <= 2,048 MB")
    if "acled-cli" in wanted:
        acled = write_acled(CACHE / f"acled_{arguments.rows}.csv", arguments.rows)
        out = CACHE / "acled_out.csv"
        _line(f"ACLED-like CSV, {arguments.rows:,} rows ({acled.stat().st_size / 1e6:.0f} MB), "
              "python -m utils import --out",
              [run_cli(["import", str(acled), "--out", str(out)], code) for _ in range(arguments.runs)],
              "target <= 15 s, <= 2,048 MB")
        out.unlink(missing_ok=True)
    if "gzip-1.2g" in wanted:
        rows_gz = write_gzip_rows(CACHE / "rows_1.2GB.csv.gz", 1_200_000_000)
        _line(f"gzip of native rows unpacking to 1.2 GB ({rows_gz.stat().st_size / 1e6:.1f} MB), "
              "python -m utils validate", [run_cli(["validate", str(rows_gz)], code, limited=True)],
              "target peak < 1,024 MB, clear refusal if refused")
    if "bomb-2g" in wanted:
        bomb = write_bomb(CACHE / "bomb_2GB.csv.gz", 2 * 1024**3)
        _line(f"gzip bomb unpacking to 2 GB ({bomb.stat().st_size / 1e6:.1f} MB), python -m utils validate",
              [run_cli(["validate", str(bomb)], code, limited=True)], "target peak < 1,024 MB, clear refusal")


if __name__ == "__main__":
    main()
