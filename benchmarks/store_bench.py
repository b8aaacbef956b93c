"""Store benchmark: cold load, one edit saved to seen by a second app process, peak memory; SQLite and PostgreSQL.

For each size (default 100k and 1M synthetic events, benchmarks/synthetic.py) and each store:

- **fill**: ``python -m utils db init`` (validate the CSV once, write the store), a fresh process;
- **cold load, no cache**: (after Python has imported pandas and the project, timed apart) a fresh process opens the store and builds the dashboard's frame (read the
  rows, distances, incidents) and writes the Parquet cache: a first start, or a start after the data changed;
- **cold load, cached**: a fresh process again, the data unchanged since: the restart case;
- **edit seen**: a second app process (a :class:`~utils.data.live.LiveStore`, as the dashboard holds one)
  is loaded; another process saves one status change; the time from the start of that save until the
  second process has the edited row in its frame (one cheap version check, then only the changed rows read
  and the incidents grouped again). The save itself is timed too.

Peak memory is each process's VmHWM. PostgreSQL is a throw-away cluster from scripts/pg_cluster.sh unless
``EVENTMAP_TEST_DATABASE_URL`` names a server (a database is created per size there).

    python3 benchmarks/store_bench.py                 # 100k and 1M, both stores
    python3 benchmarks/store_bench.py --sizes 100000 --stores sqlite
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

PEAK = "int(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM'))) / 1024"

LOAD = """
import json, sys, time
t = time.perf_counter()
from utils.data.dataset import load_dataset
imported = time.perf_counter() - t
t = time.perf_counter()
d = load_dataset(sys.argv[1], database_url=sys.argv[2] or None)
print(json.dumps({{"seconds": time.perf_counter() - t, "imports": imported, "events": len(d.events),
                  "peak_mb": {peak}}}))
"""

REPLICA = """
import json, subprocess, sys, time
from pathlib import Path
from utils.data.live import LiveStore
live = LiveStore(Path(sys.argv[1]), sys.argv[2] or None)
t = time.perf_counter(); snapshot = live.current().value; loaded = time.perf_counter() - t
event_id = str(snapshot.events["event_id"].iloc[len(snapshot.events) // 2])
before = snapshot.events.set_index("event_id").loc[event_id, "status"]
new = "disputed" if before != "disputed" else "confirmed"
editor = subprocess.Popen([sys.executable, "-c", sys.argv[3], sys.argv[1], sys.argv[2], event_id, new],
                          stdout=subprocess.PIPE, text=True)
while True:
    if live.changed():
        value = live.current().value
        if value.events.set_index("event_id").loc[event_id, "status"] == new:
            seen = time.time()
            break
    time.sleep(0.05)
saved = json.loads(editor.communicate()[0])
print(json.dumps({{"loaded": loaded, "save_seconds": saved["save_seconds"], "seen_seconds": seen - saved["started"],
                  "events": len(value.events), "peak_mb": {peak}}}))
"""

EDITOR = """
import json, sys, time
from pathlib import Path
from utils.data.store import EventStore
store = EventStore(Path(sys.argv[1]), database_url=sys.argv[2] or None)
store.db  # connect first: the timing is of the save, not of opening the store
started = time.time(); t = time.perf_counter()
store.update_event(sys.argv[3], {"status": sys.argv[4]}, reason="benchmark", who="store_bench")
print(json.dumps({"started": started, "save_seconds": time.perf_counter() - t}))
"""


def make_folder(size: int, root: Path) -> Path:
    from benchmarks.synthetic import synthetic_events

    folder = root / f"synthetic_{size}"
    folder.mkdir(parents=True)
    for name in ("sites.geojson", "sources.csv", "basemap"):
        source = PROJECT / "data" / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, folder / name)
    synthetic_events(size, seed=size).to_csv(folder / "events.csv", index=False)
    return folder


def python(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=PROJECT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(PROJECT)})
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def timed_init(folder: Path, url: str) -> float:
    start = time.perf_counter()
    args = [sys.executable, "-m", "utils", "db", "init", "--data-dir", str(folder)] + (["--database-url", url] if url
                                                                                        else [])
    subprocess.run(args, cwd=PROJECT, check=True, capture_output=True, text=True)
    return time.perf_counter() - start


def postgres_server() -> tuple[str, str | None]:
    url = os.environ.get("EVENTMAP_TEST_DATABASE_URL")
    if url:
        return url, None
    started = subprocess.run(["bash", str(PROJECT / "scripts" / "pg_cluster.sh"), "start"], capture_output=True,
                             text=True, check=True)
    values = dict(line.removeprefix("export ").split("=", 1) for line in started.stdout.splitlines()
                  if line.startswith("export "))
    return values["EVENTMAP_TEST_DATABASE_URL"], values["PG_CLUSTER_DIR"]


def new_database(server: str) -> str:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return f"{server.rpartition('/')[0]}/{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--stores", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"])
    arguments = parser.parse_args()
    server, cluster = postgres_server() if "postgresql" in arguments.stores else (None, None)
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="store_bench_") as temporary:
            for size in arguments.sizes:
                folder = make_folder(size, Path(temporary))
                for store in arguments.stores:
                    url = new_database(server) if store == "postgresql" else ""
                    fill = timed_init(folder, url)
                    shutil.rmtree(folder / ".eventmap-cache", ignore_errors=True)
                    uncached = python(LOAD.format(peak=PEAK), str(folder), url)
                    cached = python(LOAD.format(peak=PEAK), str(folder), url)
                    replica = python(REPLICA.format(peak=PEAK), str(folder), url, EDITOR)
                    load = os.getloadavg()
                    rows.append((size, store, fill, uncached, cached, replica, load))
                    print(f"{size:>9,} {store:<10} fill {fill:6.1f} s | cold load {uncached['seconds']:5.2f} s "
                          f"({uncached['peak_mb']:,.0f} MB) | cached {cached['seconds']:5.2f} s "
                          f"({cached['peak_mb']:,.0f} MB; imports {cached['imports']:.1f} s) | save {replica['save_seconds'] * 1000:6.1f} ms, seen by "
                          f"a second process {replica['seen_seconds']:5.2f} s ({replica['peak_mb']:,.0f} MB) | "
                          f"load avg {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}", flush=True)
                    (folder / "eventmap.sqlite").unlink(missing_ok=True)
                    shutil.rmtree(folder / ".eventmap-cache", ignore_errors=True)
    finally:
        if cluster:
            subprocess.run(["bash", str(PROJECT / "scripts" / "pg_cluster.sh"), "stop", cluster], check=False)
    print()
    print("| events | store | fill (db init) | cold load, no cache | cold load, cached | one edit: save | "
          "seen by a 2nd process | peak MB (cold / cached / replica) | load avg |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size, store, fill, uncached, cached, replica, load in rows:
        print(f"| {size:,} | {store} | {fill:.1f} s | {uncached['seconds']:.2f} s | {cached['seconds']:.2f} s | "
              f"{replica['save_seconds'] * 1000:.0f} ms | {replica['seen_seconds']:.2f} s | "
              f"{uncached['peak_mb']:,.0f} / {cached['peak_mb']:,.0f} / {replica['peak_mb']:,.0f} | "
              f"{load[0]:.1f} |")


if __name__ == "__main__":
    main()
