"""Earlier versions kept ready to compare: a snapshot's validated events in an Arrow file read a column at a time.

Comparing the current events with a saved snapshot of a million events used to read and validate the whole
CSV (a 214 MB file: 3.3 s and 530 MB) before comparing. Here the snapshot is validated once, its good rows
written to ``<data dir>/.eventmap-cache/version-<key>-f<format>.arrow`` (uncompressed Arrow IPC, each column
in one chunk, written atomically), and every later comparison maps that file and reads only the columns it
compares and the rows it lists (see :class:`utils.data.diff.VersionColumns`). The key is the snapshot's
name, size and modification time: snapshots are written once and never edited. A damaged or missing
cache is rebuilt from the CSV; a folder that cannot be written to compares from memory, as before.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from utils.core.schema import is_computed_column
from utils.data.frames import release_arrow_memory
from utils.data.snapshots import load_version
from utils.data.text_columns import arrow_frame

__all__ = ["VERSION_CACHE_FORMAT", "StoredVersion", "stored_version", "write_version_cache"]

log = logging.getLogger(__name__)

VERSION_CACHE_FORMAT = "1"
KEPT_VERSIONS = 8
"""Most version caches kept in a data folder (the least recently used are removed)."""
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


def stored_version(snapshot: Path, cache_dir: Path) -> StoredVersion | pd.DataFrame:
    """The snapshot ready to compare: its version cache (made now if missing or damaged), or, where the
    cache cannot be written, its validated events in memory (a frame; its ``attrs`` carry ``file`` and
    ``set_aside``). Raises what :func:`~utils.data.snapshots.load_version` raises for an unreadable file."""
    path = _cache_path(cache_dir, snapshot)
    if path.exists():
        try:
            version = _open(path)
            path.touch()  # recently used
            return version
        except Exception:  # noqa: BLE001 - a damaged cache is rebuilt, never trusted
            log.warning("the version cache %s could not be read; rebuilding it", path, exc_info=True)
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
