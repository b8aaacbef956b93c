"""Filling the store from the data folder's CSV files (the bundled seed), and keeping it in step.

- :func:`seed_if_empty`: on first run (no ``bundled`` collection yet) the
  folder's ``sources.csv``, ``sites.geojson`` and ``events.csv`` are validated
  as the app always did (bad rows set aside with their reasons, kept in the
  collection's row report) and written in one transaction.
- :func:`sync_seed` (the embedded store only): when a seed file changes on
  disk, the bases are refreshed from ``sites.geojson``; the events and
  articles are reloaded from their files only while the store holds no change
  of its own (an untouched store is a copy of the files). A file that is
  refused, or an events file with a header and no rows, never replaces the
  data: :class:`~utils.core.problems.DataFileError` says why and the last good
  data stays. Once the store has changes, a changed ``events.csv`` is not
  read (:class:`SeedIgnored` says how to load it).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from utils.core.geo import governorate_lookup, load_governorates
from utils.core.problems import DataFileError
from utils.core.schema import SOURCE_COLUMNS
from utils.data.sites import load_sites, load_sources
from utils.data.store_rows import BUNDLED, highest_event_number, insert_events, now_utc
from utils.data.store_sql import Database
from utils.data.validation import LoadResult, load_events

__all__ = ["SEED_FILES", "SeedIgnored", "file_stamp", "load_report", "report_json", "seed_if_empty", "sync_seed",
           "write_sites"]

SEED_FILES = ("events.csv", "sources.csv", "sites.geojson")


@dataclass(frozen=True)
class SeedIgnored:
    """A seed file changed on disk after the store took changes of its own, so it was not loaded."""

    file: str

    def message(self) -> str:
        return (f"{self.file} changed on disk, but the store already holds edits, so the file was not loaded (the "
                "store is what the app shows). To add its events, import it on the Import page or run "
                f"`python -m utils events add {self.file} --reason ... --user ...`.")


def file_stamp(path: Path) -> str:
    """Size and modification time of a file ('missing' when absent): cheap, changes on every rewrite."""
    try:
        info = os.stat(path)
    except OSError:
        return "missing"
    return f"{info.st_size}:{info.st_mtime_ns}"


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def report_json(load: LoadResult, **extra: object) -> str:
    """A load's row report (problems, rows set aside, notes) as JSON for a collection's ``report``."""
    rejected = load.rejected.astype(object).where(load.rejected.notna(), None)
    return json.dumps({
        "file": load.file,
        "problems": [[p.file, p.row, p.column, p.value, p.reason] for p in load.problems],
        "rejected": rejected.to_dict("records"),
        "notes": list(load.notes),
        **extra,
    }, ensure_ascii=False, default=str)


def load_report(text: str) -> dict:
    """The report stored by :func:`report_json` (problems as lists, rejected rows as records)."""
    return json.loads(text or "{}")


def _meta(tx, key: str, value: str) -> None:
    tx.execute("DELETE FROM meta WHERE key = ?", (key,))
    tx.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))


def _meta_value(database: Database, key: str) -> str | None:
    row = database.query_one("SELECT value FROM meta WHERE key = ?", (key,))
    return row[0] if row else None


def write_sites(tx, sites: pd.DataFrame) -> None:
    """Replace the bases (``sites`` as :func:`~utils.data.sites.load_sites` returns them)."""
    tx.execute("DELETE FROM sites")
    rows = []
    for record in sites.to_dict("records"):
        properties = {k: (list(v) if isinstance(v, tuple) else v) for k, v in record.items()
                      if k not in ("latitude", "longitude")}
        rows.append((record["site_id"], record["name"], float(record["latitude"]), float(record["longitude"]),
                     json.dumps(properties, ensure_ascii=False, default=str)))
    tx.executemany("INSERT INTO sites (site_id, name, latitude, longitude, properties) VALUES (?, ?, ?, ?, ?)", rows)


def _validated_seed(folder: Path, today: date | None) -> tuple[pd.DataFrame, pd.DataFrame, LoadResult]:
    sources = load_sources(folder / "sources.csv", file_label="sources.csv")
    sites = load_sites(folder / "sites.geojson", file_label="sites.geojson")
    governorates = load_governorates(folder / "basemap" / "syria_adm1_geoboundaries.geojson")
    events = load_events(folder / "events.csv", file_label="events.csv", known_doc_ids=sources["doc_id"],
                         today=today, fill_admin1=governorate_lookup(governorates))
    return sources, sites, events


def _write_bundled(tx, folder: Path, sources: pd.DataFrame, load: LoadResult, version: int) -> None:
    rows_read = len(load.events) + len(load.rejected)
    tx.execute("INSERT INTO collections (collection_id, name, kind, created_at, created_by, file, format, rows_read, "
               "loaded, set_aside, report) VALUES (?, ?, 'bundled', ?, '', 'events.csv', 'native', ?, ?, ?, ?)",
               (BUNDLED, "Bundled and edited events", now_utc(), rows_read, len(load.events), len(load.rejected),
                report_json(load)))
    text = sources.copy()
    text["published"] = text["published"].dt.strftime("%Y-%m-%d")
    tx.executemany(f"INSERT INTO sources ({', '.join(SOURCE_COLUMNS)}, collection_id) VALUES "
                   f"({', '.join('?' for _ in SOURCE_COLUMNS)}, ?)",
                   [(*[str(record[c]) for c in SOURCE_COLUMNS], BUNDLED) for record in text.to_dict("records")])
    insert_events(tx, load.events, BUNDLED, version)
    tx.raise_counter("event_number", highest_event_number(load.events["event_id"]))
    for name in ("events.csv", "sources.csv"):
        path = folder / name
        _meta(tx, f"seed:{name}", f"{file_stamp(path)}|{_digest(path)}")


def seed_if_empty(database: Database, folder: Path, *, today: date | None = None) -> bool:
    """Fill an empty store from the folder's CSV files; True when it did. Idempotent and safe to race."""
    if database.query_one("SELECT 1 FROM collections WHERE collection_id = ?", (BUNDLED,)):
        return False
    sources, sites, load = _validated_seed(Path(folder), today)
    with database.write(internal=True) as tx:
        if tx.one("SELECT 1 FROM collections WHERE collection_id = ?", (BUNDLED,)):
            return False  # another process seeded it meanwhile
        version = tx.bump_version()
        _write_bundled(tx, Path(folder), sources, load, version)
        write_sites(tx, sites)
        _meta(tx, "seed:sites.geojson", f"{file_stamp(Path(folder) / 'sites.geojson')}|{_digest(Path(folder) / 'sites.geojson')}")
    return True


def _changed(database: Database, folder: Path, name: str) -> bool:
    """True when the seed file differs from the one the store last read (by size and time, then content)."""
    recorded = _meta_value(database, f"seed:{name}") or ""
    stamp, _, digest = recorded.partition("|")
    path = folder / name
    current = file_stamp(path)
    if current == stamp:
        return False
    if current == "missing" or not path.is_file():
        return True  # the loader says what is wrong with it
    return _digest(path) != digest


def sync_seed(database: Database, folder: Path, *, today: date | None = None) -> list[SeedIgnored]:
    """Bring an embedded store in step with seed files changed on disk (see the module docstring).

    Raises :class:`DataFileError` when a changed file cannot be used (the
    store is left as it was); returns the files it left unread.
    """
    folder = Path(folder)
    ignored: list[SeedIgnored] = []
    if database.read_only_reason:
        return ignored
    if _changed(database, folder, "sites.geojson") and (folder / "sites.geojson").is_file():
        sites = load_sites(folder / "sites.geojson", file_label="sites.geojson")
        with database.write() as tx:
            tx.bump_version()
            write_sites(tx, sites)
            _meta(tx, "seed:sites.geojson", f"{file_stamp(folder / 'sites.geojson')}|{_digest(folder / 'sites.geojson')}")
    changed = [name for name in ("events.csv", "sources.csv") if _changed(database, folder, name)]
    if not changed:
        return ignored
    if database.query_one("SELECT 1 FROM changes"):
        return [SeedIgnored(name) for name in changed]
    for name in changed:
        if not (folder / name).exists():
            raise DataFileError(name, "the file does not exist; check the path.")
    sources, _sites, load = _validated_seed(folder, today)
    had = database.query_one("SELECT count(*) FROM events WHERE collection_id = ?", (BUNDLED,))[0]
    if had and load.events.empty:
        raise DataFileError("events.csv", f"the file has no event rows (it had {had}); the last good data is kept. "
                            "Write the events back into the file.", row=2)
    with database.write() as tx:
        version = tx.bump_version()
        tx.execute("DELETE FROM events WHERE collection_id = ?", (BUNDLED,))
        tx.execute("DELETE FROM sources WHERE collection_id = ?", (BUNDLED,))
        tx.execute("DELETE FROM collections WHERE collection_id = ?", (BUNDLED,))
        _write_bundled(tx, folder, sources, load, version)
        _meta(tx, "reread_from", str(version))  # replicas read everything again rather than catch up
    return ignored
