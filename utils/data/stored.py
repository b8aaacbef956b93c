"""The dashboard's dataset read from the store: cached on disk, patched after an edit, cut by collection.

:class:`StoreSnapshot` is everything in the store at one data version: the
events of every collection not deleted (typed, with date windows, distances
and incidents), the articles, the bases (``sites.geojson``), the basemap and
the collections with their row reports. Loading it:

- reads ``.eventmap-cache/events-<key>.parquet`` in the data folder when the
  store's data version and the bases are unchanged since it was written
  (a restart with unchanged data skips the read and the derivations);
- otherwise reads the store (rows were validated on the way in, so there is
  no second validation), derives the columns and writes the cache.

:func:`patched` catches a snapshot up with writes made since its version
(this process's or another's): only the changed rows are read and get their
distances; incidents, which can join or split around one row, are grouped
again over the frame (0.1 s at 100k events, under 1 s at 1M).
:func:`dataset_for` gives the :class:`~utils.data.dataset.Dataset` of a choice
of collections (computed once per snapshot and choice).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from utils.core.geo import add_site_distances
from utils.core.problems import Problem
from utils.data.aliases import Aliases, load_aliases
from utils.data.basemap import Basemap, load_basemap
from utils.data.dataset import Dataset, derive_columns
from utils.data.incidents import add_incident_columns
from utils.data.sites import load_sites
from utils.data.store_read import LIVE_EVENTS, read_collections, read_event_frame, read_sources_frame
from utils.data.store_seed import SeedIgnored, load_report
from utils.data.store_sql import Database
from utils.data.validation import LoadResult

__all__ = ["CACHE_FOLDER", "StoreSnapshot", "dataset_for", "load_snapshot", "patched"]

CACHE_FOLDER = ".eventmap-cache"
CACHE_FORMAT = "1"
"""Bumped when the cached frame's columns change, so an old cache is never read."""
INCIDENT_COLUMNS = ("incident", "incident_reports", "independent_sources")
log = logging.getLogger(__name__)


@dataclass
class StoreSnapshot:
    """The store's content at ``data_version`` (see the module docstring). Treat it as read-only."""

    events: pd.DataFrame
    sources: pd.DataFrame
    sites: pd.DataFrame
    basemap: Basemap
    collections: pd.DataFrame
    data_version: int
    store_id: str
    sites_digest: str
    notes: list[str] = field(default_factory=list)
    aliases: Aliases = field(default_factory=Aliases)
    """Other spellings of outlets and claimants (the folder's ``aliases.csv``; not in the store)."""
    memo: dict = field(default_factory=dict, repr=False, compare=False)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def version(self) -> str:
        """A short hash naming this content (store, data version, bases) for captions and caches."""
        text = f"{self.store_id}|{self.data_version}|{self.sites_digest}"
        return hashlib.sha256(text.encode()).hexdigest()[:10]


def _store_id(database: Database) -> str:
    row = database.query_one("SELECT value FROM meta WHERE key = 'store_id'")
    if row:
        return row[0]
    import uuid

    with database.write(internal=True) as tx:
        found = tx.one("SELECT value FROM meta WHERE key = 'store_id'")
        if found:
            return found[0]
        value = uuid.uuid4().hex
        tx.execute("INSERT INTO meta (key, value) VALUES ('store_id', ?)", (value,))
    return value


def _sites_digest(folder: Path) -> str:
    """A digest of the folder's files read beside the store: the bases and the aliases (optional)."""
    digest = hashlib.sha256()
    for name in ("sites.geojson", "aliases.csv"):
        path = folder / name
        digest.update(path.read_bytes() if path.exists() else b"none")
    return digest.hexdigest()[:16]


def _cache_path(folder: Path, key: str) -> Path:
    return folder / CACHE_FOLDER / f"events-{key}-f{CACHE_FORMAT}.parquet"


def _read_cache(path: Path) -> pd.DataFrame | None:
    if not path.exists():
        return None
    try:
        return pd.read_parquet(path)
    except Exception:  # noqa: BLE001 - a damaged cache is rebuilt, never trusted
        log.warning("the dataset cache %s could not be read; rebuilding it", path, exc_info=True)
        return None


def write_cache(folder: Path, snapshot: StoreSnapshot) -> None:
    """Write the snapshot's events to the cache (atomically) and drop older cache files; never raises."""
    path = _cache_path(folder, snapshot.version)
    try:
        path.parent.mkdir(exist_ok=True)
        partial = path.with_suffix(f".{threading.get_ident()}.part")
        snapshot.events.to_parquet(partial, index=False)
        partial.replace(path)
        for old in path.parent.glob("events-*.parquet"):
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only folder or an odd column: no cache, same data
        log.info("no dataset cache written in %s", path.parent, exc_info=True)


def load_snapshot(database: Database, folder: Path, *, notes: list[str] | None = None,
                  use_cache: bool = True) -> StoreSnapshot:
    """Everything in the store now; from the on-disk cache when nothing changed since it was written."""
    folder = Path(folder)
    sites = load_sites(folder / "sites.geojson", file_label="sites.geojson")
    version = database.data_version()
    snapshot = StoreSnapshot(events=pd.DataFrame(), sources=read_sources_frame(database), sites=sites,
                             basemap=load_basemap(folder), collections=read_collections(database),
                             data_version=version, store_id=_store_id(database), sites_digest=_sites_digest(folder),
                             notes=list(notes or []),
                             aliases=load_aliases(folder / "aliases.csv", file_label="aliases.csv"))
    cached = _read_cache(_cache_path(folder, snapshot.version)) if use_cache else None
    if cached is not None:
        snapshot.events = cached
        return snapshot
    snapshot.events = derive_columns(read_event_frame(database), sites)
    if use_cache:
        write_cache(folder, snapshot)
    return snapshot


def patched(snapshot: StoreSnapshot, database: Database) -> StoreSnapshot | None:
    """The snapshot caught up with the writes since its version, or None when a full reload is simpler.

    A full reload is due when collections were added or deleted (many rows at
    once). Otherwise only the events written since are read; a changed event
    replaces its old row, a new one is appended.
    """
    version = database.data_version()
    if version == snapshot.data_version:
        return snapshot
    collections = read_collections(database)
    if set(collections["collection_id"]) != set(snapshot.collections["collection_id"]):
        return None
    changed = read_event_frame(database, since=snapshot.data_version)
    if len(changed) > max(1000, len(snapshot.events) // 10):
        return None
    base = snapshot.events.drop(columns=[c for c in INCIDENT_COLUMNS if c in snapshot.events.columns])
    changed = add_site_distances(changed, snapshot.sites)
    kept = base[~base["event_id"].isin(changed["event_id"])]
    changed = changed.reindex(columns=base.columns.union(changed.columns, sort=False))
    events = pd.concat([kept, changed[list(base.columns) + [c for c in changed.columns if c not in base.columns]]],
                       ignore_index=True)
    live_count = database.query_one(f"SELECT count(*) FROM events WHERE {LIVE_EVENTS}")[0]
    if len(events) != int(live_count):
        return None  # rows were removed (a reseed from the files): read everything again
    events = add_incident_columns(events)
    return StoreSnapshot(events=events, sources=read_sources_frame(database), sites=snapshot.sites,
                         basemap=snapshot.basemap, collections=collections, data_version=version,
                         store_id=snapshot.store_id, sites_digest=snapshot.sites_digest, notes=snapshot.notes,
                         aliases=snapshot.aliases)


def _problems(report: dict) -> list[Problem]:
    return [Problem(*entry) for entry in report.get("problems", [])]


def dataset_for(snapshot: StoreSnapshot, collections: tuple[str, ...] | None = None) -> Dataset:
    """The dataset of the chosen collections (None or every live one: all of them), made once per choice.

    Incidents are grouped among the chosen collections' events only, as if
    they were the only data; the row reports of those collections are joined.
    """
    live = tuple(snapshot.collections["collection_id"])
    chosen = tuple(c for c in live if collections is None or c in collections)
    key = ("dataset", chosen)
    with snapshot.lock:
        if key in snapshot.memo:
            return snapshot.memo[key]
    if chosen == live:
        events = snapshot.events
    else:
        subset = snapshot.events[snapshot.events["collection"].isin(list(chosen))].reset_index(drop=True)
        events = add_incident_columns(subset.drop(columns=[c for c in INCIDENT_COLUMNS if c in subset.columns]))
    rows = snapshot.collections.set_index("collection_id").loc[list(chosen)] if chosen else snapshot.collections.iloc[0:0]
    problems: list[Problem] = []
    rejected_frames: list[pd.DataFrame] = []
    notes = list(snapshot.notes)
    files = []
    for _, row in rows.iterrows():
        report = load_report(row["report"])
        problems += _problems(report)
        if report.get("rejected"):
            rejected_frames.append(pd.DataFrame(report["rejected"]))
        notes += report.get("notes", [])
        files.append(row["file"] or row["name"])
    rejected = pd.concat(rejected_frames, ignore_index=True) if rejected_frames else pd.DataFrame()
    load = LoadResult(file=" and ".join(files) or "the store", events=events, rejected=rejected, problems=problems,
                      notes=notes)
    digest = hashlib.sha256(f"{snapshot.version}|{'|'.join(chosen)}".encode()).hexdigest()[:10]
    dataset = Dataset(events=events, load=load, sites=snapshot.sites, sources=snapshot.sources,
                      basemap=snapshot.basemap, version=snapshot.version if chosen == live else digest, notes=notes,
                      aliases=snapshot.aliases)
    with snapshot.lock:
        return snapshot.memo.setdefault(key, dataset)


def ignored_notes(ignored: list[SeedIgnored]) -> list[str]:
    return [item.message() for item in ignored]


def load_store_dataset(folder: Path, *, database: Database | None = None, database_url: str | None = None,
                       today: date | None = None, collections: tuple[str, ...] | None = None,
                       use_cache: bool = True) -> Dataset:
    """Open (and on first run fill) the folder's store and return the dataset of ``collections`` (None: all)."""
    from utils.data.store_seed import seed_if_empty, sync_seed
    from utils.data.store_sql import open_database

    database = database or open_database(folder, database_url)
    seed_if_empty(database, Path(folder), today=today)
    notes = ignored_notes(sync_seed(database, Path(folder), today=today)) if database.kind == "sqlite" else []
    if database.read_only_reason:
        notes.append(database.read_only_reason)
    return dataset_for(load_snapshot(database, Path(folder), notes=notes, use_cache=use_cache), collections)

