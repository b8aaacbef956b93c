"""Benchmark place grouping (``utils.data.incidents.place_clusters``) and a cold load that runs it.

Run:  python3 benchmarks/incidents_bench.py [--sizes 10000 100000 1000000] [--no-ucdp] [--dense 1000000]
                                           [--load 1000000]

Each figure comes from a fresh Python process, so its peak memory is that run's own:
- ``place_clusters`` on the latitude/longitude of ``N`` synthetic events (``benchmarks.synthetic``: scattered
  a few km around Syrian towns, 5 decimals, so nearly every point is unique and towns are dense), and on
  the UCDP GED extract (``../shared/data/ucdp_ged_syria_2016-2019.csv``): seconds for the call, how far
  the process's peak resident memory rose above its size before the call (MB), and that peak;
- with ``--dense N``: the same on ``N`` distinct points packed into three towns of 3 km radius, where
  nearly every pair of a town is within 5 km (hundreds of billions of pairs at 1,000,000);
- with ``--load N``: ``utils.data.dataset.load_dataset`` (read, validate, governorates, distances, incidents)
  on ``N`` synthetic events whose ``doc_id`` cycles over the bundled articles, so reports are grouped
  into incidents as they are when an analyst adds an export to the bundled events; seconds and the
  process's peak resident memory (issue 6: at most 10 s and 2 GB at 1,000,000).
Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
UCDP = PROJECT.parent / "shared" / "data" / "ucdp_ged_syria_2016-2019.csv"

# Peak memory is the kernel's high-water mark of this process (VmHWM in /proc/self/status, MB); getrusage's
# ru_maxrss would carry over the parent's peak across fork and exec.
MEMORY = """
def memory_mb(field):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":")) / 1024
def reset_peak():
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # restarts VmHWM from the current resident size (Linux 4.0+)
"""

CLUSTER_CHILD = MEMORY + """
import json, sys, time
import numpy as np
from utils.data.incidents import place_clusters
points = np.load(sys.argv[1])
lat, lon = points[:, 0].copy(), points[:, 1].copy()
del points
reset_peak()
before = memory_mb("VmRSS")
start = time.perf_counter()
labels = place_clusters(lat, lon)
seconds = time.perf_counter() - start
peak = memory_mb("VmHWM")
unique = len(np.unique(np.column_stack([lat, lon]), axis=0))
print(json.dumps({"points": len(lat), "unique": unique, "places": int(len(np.unique(labels))),
                  "seconds": seconds, "peak_growth_mb": peak - before, "peak_mb": peak}))
"""

LOAD_CHILD = MEMORY + """
import json, sys, time
start = time.perf_counter()
from utils.data.dataset import load_dataset
dataset = load_dataset(sys.argv[1])
seconds = time.perf_counter() - start
events = dataset.events
grouped = int((events["incident_reports"] > 1).sum())
print(json.dumps({"events": len(events), "seconds": seconds, "grouped_reports": grouped,
                  "articles": int(events["doc_id"].nunique()),
                  "peak_mb": memory_mb("VmHWM")}))
"""


def save_points(latitude, longitude, path: Path) -> Path:
    """Write the points as an (n, 2) array of (latitude, longitude) degrees, for a child to load."""
    import numpy as np

    np.save(path, np.column_stack([np.asarray(latitude, float), np.asarray(longitude, float)]))
    return path


def synthetic_points(size: int, root: Path) -> Path:
    """The latitude/longitude of ``size`` synthetic events (seeded by ``size``), saved for a child."""
    from benchmarks.synthetic import synthetic_events

    frame = synthetic_events(size, seed=size)
    return save_points(frame["latitude"].astype(float), frame["longitude"].astype(float), root / f"points_{size}.npy")


def dense_points(size: int, root: Path) -> Path:
    """``size`` distinct points packed into three towns of 3 km radius (the adversarial case), saved."""
    import numpy as np

    rng = np.random.default_rng(size)
    town = rng.integers(0, 3, size)
    angle = rng.uniform(0, 2 * np.pi, size)
    radius_deg = np.sqrt(rng.uniform(0, 1, size)) * 3.0 / 111.2
    lat = np.array([35.41, 36.20, 33.51])[town] + radius_deg * np.sin(angle)
    lon = np.array([35.95, 37.13, 36.29])[town] + radius_deg * np.cos(angle) / np.cos(np.radians(35))
    return save_points(lat, lon, root / f"dense_{size}.npy")


def run_child(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter in the project folder; its last stdout line as JSON."""
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=PROJECT, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def load_data_dir(size: int, root: Path) -> Path:
    """A data folder with ``size`` synthetic events spread over the bundled articles' doc_ids."""
    import pandas as pd

    from benchmarks.synthetic import synthetic_events

    folder = root / f"synthetic_docs_{size}"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("sites.geojson", "sources.csv", "basemap"):
        source = PROJECT / "data" / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, folder / name)
    doc_ids = pd.read_csv(PROJECT / "data" / "sources.csv", dtype=str)["doc_id"].to_numpy()
    events = synthetic_events(size, seed=size)
    events["doc_id"] = doc_ids[[i % len(doc_ids) for i in range(size)]]
    events.to_csv(folder / "events.csv", index=False)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--no-ucdp", action="store_true", help="skip the UCDP GED extract")
    parser.add_argument("--dense", type=int, nargs="*", default=[],
                        help="sizes of the adversarial case: distinct points packed in three 3-km towns")
    parser.add_argument("--load", type=int, nargs="*", default=[], help="cold-load sizes (events)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_ucdp:
            if UCDP.exists():
                import pandas as pd

                frame = pd.read_csv(UCDP, usecols=["latitude", "longitude"])
                path = save_points(frame["latitude"], frame["longitude"], Path(tmp) / "ucdp.npy")
                figures = run_child(CLUSTER_CHILD, str(path))
                print(f"place_clusters, UCDP GED extract: {figures['points']:,} points ({figures['unique']:,} "
                      f"unique) -> {figures['places']:,} places in {figures['seconds']:.2f} s; peak memory "
                      f"+{figures['peak_growth_mb']:,.0f} MB (process {figures['peak_mb']:,.0f} MB)", flush=True)
            else:
                print(f"UCDP extract not found at {UCDP}; skipped", flush=True)
        runs = [(f"{size:,} synthetic events", synthetic_points, size) for size in args.sizes]
        runs += [(f"{size:,} points packed in three 3-km towns", dense_points, size) for size in args.dense]
        for label, make_points, size in runs:
            figures = run_child(CLUSTER_CHILD, str(make_points(size, Path(tmp))))
            print(f"place_clusters, {label}: {figures['unique']:,} unique points -> "
                  f"{figures['places']:,} places in {figures['seconds']:.2f} s; peak memory "
                  f"+{figures['peak_growth_mb']:,.0f} MB (process {figures['peak_mb']:,.0f} MB)", flush=True)
        for size in args.load:
            folder = load_data_dir(size, Path(tmp))
            figures = run_child(LOAD_CHILD, str(folder))
            print(f"cold load_dataset, {size:,} synthetic events over {figures['articles']} articles: "
                  f"{figures['events']:,} loaded, {figures['grouped_reports']:,} reports grouped with another, "
                  f"in {figures['seconds']:.2f} s; peak memory {figures['peak_mb']:,.0f} MB "
                  "(target at most 10 s and 2,048 MB at 1,000,000)", flush=True)


if __name__ == "__main__":
    main()
