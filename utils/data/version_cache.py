"""Earlier versions kept ready to compare: a snapshot's validated events in an Arrow file read a column at a time.

Comparing the current events with a saved snapshot of a million events used to read and validate the whole
CSV (a 214 MB file: 3.3 s and 530 MB) before comparing. Here the snapshot is validated once, its good rows
written to ``<data dir>/.eventmap-cache/version-<key>-f<format>.arrow`` (uncompressed Arrow IPC, each column
in one chunk, written atomically), and every later comparison maps that file and reads only the columns it
compares and the rows it lists (see :class:`utils.data.diff.VersionColumns`). The key is the snapshot's
name, size and modification time: snapshots are written once and never edited. A damaged or missing
cache is rebuilt from the CSV; a folder that cannot be written to compares from memory, as before.

Building a cache reads and validates the whole CSV (about 850 MB at its peak for a million events). The
dashboard has it built in a worker process (``stored_version(..., worker=True)``; the worker is
``python -m utils.data.version_cache SNAPSHOT CACHE_DIR``), so that the server's own memory does not rise
for it and the memory is given back to the system when the worker ends; if the worker fails, the cache is
built in the calling process instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from utils.core.paths import PROJECT_DIR
from utils.core.schema import is_computed_column
from utils.data.frames import release_arrow_memory
from utils.data.snapshots import load_version
from utils.data.text_columns import arrow_frame

__all__ = ["VERSION_CACHE_FORMAT", "StoredVersion", "build_in_worker", "stored_version", "write_version_cache"]

log = logging.getLogger(__name__)

VERSION_CACHE_FORMAT = "1"
KEPT_VERSIONS = 8
"""Most version caches kept in a data folder (the least recently used are removed)."""
WORKER_TIMEOUT_SECONDS = 600.0
"""Longest a worker may take to build a cache before it is stopped (and the cache built in the caller)."""
_SET_ASIDE_KEY = b"eventmap.set_aside"
_FILE_KEY = b"eventmap.file"


def _cache_path(cache_dir: Path, snapshot: Path) -> Path:
    stat = snapshot.stat()
    key = hashlib.sha256(f"{snapshot.name}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:20]
    return cache_dir / f"version-{key}-f{VERSION_CACHE_FORMAT}.arrow"


@dataclass
class StoredVersion:
    """An earlier version in an Arrow file, read a column at a time (:class:`~utils.data.diff.VersionColumns`).

    ``file`` is the snapshot's name and ``set_aside`` how many of its rows could not be read.
    """

    path: Path
    file: str
    set_aside: int
    columns: list[str]

    def _read(self, names: list[str]):
        import pyarrow.feather as feather

        return feather.read_table(self.path, columns=names, memory_map=True)

    def column(self, name: str) -> pd.Series:
        return arrow_frame(self._read([name]))[name]

    def rows_at(self, positions: np.ndarray) -> pd.DataFrame:
        # column by column, so that only the rows asked for are ever held as Python objects
        frame = pd.DataFrame({name: arrow_frame(self._read([name]).take(positions))[name] for name in self.columns})
        return frame.reset_index(drop=True)


def _open(path: Path) -> StoredVersion:
    import pyarrow.ipc as ipc

    with ipc.open_file(path) as reader:  # the schema and its metadata only
        schema = reader.schema
    metadata = schema.metadata or {}
    return StoredVersion(path, metadata.get(_FILE_KEY, b"").decode(), int(metadata.get(_SET_ASIDE_KEY, b"0")),
                         [name for name in schema.names if not name.startswith("__index")])


def _one_chunk_table(events: pd.DataFrame, consume: bool):
    """``events`` as an Arrow table whose every column is one chunk (so that it is read back without copies).

    Column by column; with ``consume`` each column is dropped from ``events`` once converted, so that at most
    one column is held twice."""
    import pyarrow as pa

    schema = pa.Schema.from_pandas(events.iloc[:0], preserve_index=False)  # types and pandas' metadata
    arrays = []
    for field in schema:
        column = events.pop(field.name) if consume else events[field.name]
        converted = pa.Table.from_pandas(column.to_frame(), preserve_index=False).column(0).combine_chunks()
        arrays.append(converted if converted.type == field.type else converted.cast(field.type))
        del column, converted
    return pa.Table.from_arrays(arrays, schema=schema)


def write_version_cache(cache_dir: Path, snapshot: Path, events: pd.DataFrame, set_aside: int = 0, *,
                        consume: bool = False) -> Path | None:
    """Write ``events`` (the snapshot's validated rows; columns the dashboard computes are left out) as the
    snapshot's version cache; its path, or None if it could not be written (a read-only folder: the comparison
    then works from memory). ``consume``: ``events`` is the caller's to give up (emptied as it is written).
    Never raises."""
    try:
        import pyarrow.feather as feather

        path = _cache_path(cache_dir, snapshot)
        cache_dir.mkdir(exist_ok=True)
        stored = events[[c for c in events.columns if not is_computed_column(c)]]  # columns shared, not copied
        if consume:
            for name in list(events.columns):  # the caller's frame gives up its columns as they are written
                del events[name]
        table = _one_chunk_table(stored, consume)
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), _SET_ASIDE_KEY: str(set_aside).encode(),
                                               _FILE_KEY: snapshot.name.encode()})
        partial = path.with_suffix(f".{threading.get_ident()}.part")
        feather.write_feather(table, partial, compression="uncompressed", chunksize=max(1, len(table)))
        partial.replace(path)
        _drop_old(cache_dir)
        return path
    except Exception:  # noqa: BLE001 - no cache, same comparison
        log.info("no version cache written in %s", cache_dir, exc_info=True)
        return None


def _drop_old(cache_dir: Path) -> None:
    kept = sorted(cache_dir.glob("version-*.arrow"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in kept[KEPT_VERSIONS:]:
        old.unlink(missing_ok=True)


def stored_version(snapshot: Path, cache_dir: Path, *, worker: bool = False) -> StoredVersion | pd.DataFrame:
    """The snapshot ready to compare: its version cache (made now if missing or damaged; with ``worker``, in
    a worker process, see :func:`build_in_worker`), or, where the cache cannot be written, its validated
    events in memory (a frame; its ``attrs`` carry ``file`` and ``set_aside``). Raises what
    :func:`~utils.data.snapshots.load_version` raises for an unreadable file."""
    path = _cache_path(cache_dir, snapshot)
    if path.exists():
        try:
            version = _open(path)
            path.touch()  # recently used
            return version
        except Exception:  # noqa: BLE001 - a damaged cache is rebuilt, never trusted
            log.warning("the version cache %s could not be read; rebuilding it", path, exc_info=True)
            with contextlib.suppress(OSError):
                path.unlink()
    built = build_in_worker(snapshot, cache_dir) if worker and _writable(cache_dir) else None
    if built is not None:
        try:
            return _open(built)
        except Exception:  # noqa: BLE001 - the worker's file is checked like any other
            log.warning("the version cache %s built by a worker could not be read", built, exc_info=True)
    loaded = load_version(snapshot, snapshot.name)
    if _writable(cache_dir):
        written = write_version_cache(cache_dir, snapshot, loaded.events, len(loaded.rejected), consume=True)
        del loaded
        release_arrow_memory()
        if written is not None:
            return _open(written)
        loaded = load_version(snapshot, snapshot.name)  # the write failed after all: read it again
    events = loaded.events
    events.attrs.update(file=loaded.file, set_aside=len(loaded.rejected))
    return events


def build_in_worker(snapshot: Path, cache_dir: Path, timeout_s: float = WORKER_TIMEOUT_SECONDS) -> Path | None:
    """Build the snapshot's version cache in a new Python process (``python -m utils.data.version_cache``);
    its path, or None when the worker could not (an unreadable snapshot, no memory, over ``timeout_s``
    seconds): the caller then builds it itself, and meets the same error with its message. What the worker
    took (seconds, its peak memory in MB) goes to the log."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(PROJECT_DIR), *filter(None, [os.environ.get("PYTHONPATH")])])}
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "utils.data.version_cache", str(snapshot), str(cache_dir)],
                              capture_output=True, text=True, timeout=timeout_s, env=environment, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning("no worker built the version cache of %s: %s", snapshot.name, error)
        return None
    if done.returncode != 0:
        log.info("the worker did not build the version cache of %s (exit %s): %s", snapshot.name, done.returncode,
                 done.stderr.strip()[-500:])
        return None
    try:
        report = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None
    log.info("version cache of %s built by a worker process in %.1f s (the worker's peak: %.0f MB)",
             snapshot.name, time.perf_counter() - started, report["peak_mb"])
    return Path(report["path"])


def _worker_main(argv: list[str]) -> int:
    """``python -m utils.data.version_cache SNAPSHOT CACHE_DIR``: build the cache; print where, as JSON."""
    import resource

    snapshot, cache_dir = Path(argv[0]), Path(argv[1])
    loaded = load_version(snapshot, snapshot.name)  # an unreadable file: its error on stderr, exit 1
    written = write_version_cache(cache_dir, snapshot, loaded.events, len(loaded.rejected), consume=True)
    if written is None:
        print(f"the version cache could not be written in {cache_dir}", file=sys.stderr)
        return 3
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    print(json.dumps({"path": str(written), "peak_mb": round(peak_mb, 1)}))
    return 0


def _writable(cache_dir: Path) -> bool:
    """True when the cache folder exists or can be made, and a file can be written in it."""
    try:
        cache_dir.mkdir(exist_ok=True)
        probe = cache_dir / f".probe-{threading.get_ident()}"
        probe.write_bytes(b"")
        probe.unlink()
        return True
    except OSError:
        return False


if __name__ == "__main__":
    sys.exit(_worker_main(sys.argv[1:]))
