"""The dashboard's dataset read from the store: cached on disk, patched after an edit, cut by collection.

:class:`StoreSnapshot` is everything in the store at one data version: the
events of every collection not deleted (typed, with date windows, distances
and incidents), the articles, the bases (``sites.geojson``), the basemap and
the collections with their row reports. Loading it:

- reads ``.eventmap-cache/events-<key>.arrow`` in the data folder when the
  store's data version and the bases are unchanged since it was written
  (a restart with unchanged data skips the read and the derivations). The
  cache is Arrow IPC, uncompressed and memory-mapped: at a million events it
  opens in well under a second where Parquet took seconds to decode (it is
  bigger on disk, about 0.5 GB per million events);
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
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from utils.core.geo import add_site_distances
from utils.core.problems import Problem
from utils.data.aliases import Aliases, load_aliases
from utils.data.basemap import Basemap, load_basemap
from utils.data.dataset import Dataset, derive_columns
from utils.data.folder import CACHE_FOLDER
from utils.data.frames import in_one_chunk
from utils.data.incidents import add_incident_columns
from utils.data.sites import load_sites
from utils.data.store_read import read_collections, read_event_frame, read_sources_frame
from utils.data.store_seed import SeedIgnored, load_report
from utils.data.store_sql import Database
from utils.data.text_columns import arrow_frame
from utils.data.validation import LoadResult

__all__ = ["CACHE_FOLDER", "StoreSnapshot", "dataset_for", "load_snapshot", "patched"]

CACHE_FORMAT = "3"
"""Bumped when the cached frame's columns or layout change, so an old cache is never read (3: one Arrow chunk
per column, see :func:`in_one_chunk`)."""
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
    return folder / CACHE_FOLDER / f"events-{key}-f{CACHE_FORMAT}.arrow"


def _read_cache(path: Path) -> pd.DataFrame | None:
    if not path.exists():
        return None
    import pyarrow.feather as feather

    try:
        return arrow_frame(feather.read_table(path, memory_map=True))
    except Exception:  # noqa: BLE001 - a damaged cache is rebuilt, never trusted
        log.warning("the dataset cache %s could not be read; rebuilding it", path, exc_info=True)
        return None


def write_cache(folder: Path, snapshot: StoreSnapshot) -> None:
    """Write the snapshot's events to the cache (atomically) and drop older cache files; never raises."""
    path = _cache_path(folder, snapshot.version)
    try:
        path.parent.mkdir(exist_ok=True)
        import pyarrow as pa
        import pyarrow.feather as feather

        partial = path.with_suffix(f".{threading.get_ident()}.part")
        # one record batch: read back memory-mapped, each column is then one chunk (see in_one_chunk)
        table = pa.Table.from_pandas(snapshot.events, preserve_index=False).combine_chunks()
        feather.write_feather(table, partial, compression="uncompressed", chunksize=max(1, len(table)))
        partial.replace(path)
        for old in path.parent.glob("events-*"):
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
                             basemap=load_basemap(folder), collections=read_collections(database, counts=False),
                             data_version=version, store_id=_store_id(database), sites_digest=_sites_digest(folder),
                             notes=list(notes or []),
                             aliases=load_aliases(folder / "aliases.csv", file_label="aliases.csv"))
    cached = _read_cache(_cache_path(folder, snapshot.version)) if use_cache else None
    snapshot.events = in_one_chunk(cached if cached is not None else derive_columns(read_event_frame(database), sites))
    snapshot.collections["events"] = snapshot.collections["collection_id"].map(
        snapshot.events["collection"].value_counts()).fillna(0).astype(int)
    if use_cache and cached is None:
        write_cache(folder, snapshot)
    return snapshot


def patched(snapshot: StoreSnapshot, database: Database) -> StoreSnapshot | None:
    """The snapshot caught up with the writes since its version, or None when a full reload is simpler.

    Only the events written since are read: a changed event replaces its old
    row, a new one (an edit, an import) is appended; the events of a deleted
    collection are dropped. Distances are computed for the rows read only;
    incidents are grouped again (they can join or split around one row).
    """
    version = database.data_version()
    if version == snapshot.data_version:
        return snapshot
    collections = read_collections(database, counts=False)
    changed = read_event_frame(database, since=snapshot.data_version, every_collection=True)
    if len(changed) > len(snapshot.events):
        return None  # most rows are new: one read of everything is as quick
    events = snapshot.events
    reread = database.query_one("SELECT value FROM meta WHERE key = 'reread_from'")
    if reread and int(reread[0]) > snapshot.data_version:
        return None  # rows were removed by a reseed from the files: read everything again
    changed = changed[changed["collection"].isin(collections["collection_id"])]
    same_collections = set(collections["collection_id"]) == set(snapshot.collections["collection_id"])
    if same_collections and len(changed):
        edited = _edited_in_place(snapshot, changed)
        if edited is not None:
            return replace(snapshot, events=in_one_chunk(edited), sources=read_sources_frame(database), collections=collections,
                           data_version=version, memo={}, lock=threading.Lock(),
                           notes=snapshot.notes) if _counted(collections, edited) else None
    keep = np.asarray(events["collection"].isin(collections["collection_id"]), dtype=bool)
    if len(changed):
        keep = keep & ~np.asarray(events["event_id"].isin(changed["event_id"]), dtype=bool)
    incident = [c for c in INCIDENT_COLUMNS if c in events.columns]
    parts = [events.loc[keep, [c for c in events.columns if c not in incident]]]
    if len(changed):
        changed = add_site_distances(changed, snapshot.sites)
        parts.append(changed.reindex(columns=list(dict.fromkeys([*parts[0].columns, *changed.columns]))))
    events = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    events = in_one_chunk(add_incident_columns(events))
    collections["events"] = collections["collection_id"].map(events["collection"].value_counts()).fillna(0) \
        .astype(int)
    return StoreSnapshot(events=events, sources=read_sources_frame(database), sites=snapshot.sites,
                         basemap=snapshot.basemap, collections=collections, data_version=version,
                         store_id=snapshot.store_id, sites_digest=snapshot.sites_digest, notes=snapshot.notes,
                         aliases=snapshot.aliases)


GROUPING_COLUMNS = ("event_id", "sub_event_type", "latitude", "longitude", "date_start", "date_end", "doc_id",
                    "incident_id", "source", "number_of_sources")
"""What incidents are grouped by (utils/data/incidents.py): an edit that changes none of these keeps them."""


def _counted(collections: pd.DataFrame, events: pd.DataFrame) -> bool:
    collections["events"] = collections["collection_id"].map(events["collection"].value_counts()).fillna(0) \
        .astype(int)
    return True


def _same(old: pd.Series, new: pd.Series) -> np.ndarray:
    both_missing = np.asarray(old.isna(), dtype=bool) & np.asarray(new.isna(), dtype=bool)
    equal = np.asarray((old.reset_index(drop=True) == new.reset_index(drop=True)).fillna(False), dtype=bool)
    return equal | both_missing


def _edited_in_place(snapshot: StoreSnapshot, changed: pd.DataFrame) -> pd.DataFrame | None:
    """The events with the rows of ``changed`` (all already present) written over, or None.

    Only the columns that changed are copied (pandas copy-on-write shares the
    rest with the old frame); incidents are grouped again only when a column
    they depend on changed (:data:`GROUPING_COLUMNS`). None when a row is new.
    """
    events = snapshot.events
    with snapshot.lock:
        index = snapshot.memo.get("event_index")
        if index is None:
            index = snapshot.memo["event_index"] = pd.Index(events["event_id"])
    positions = index.get_indexer(changed["event_id"])
    if (positions < 0).any() or not set(changed.columns) <= set(events.columns):
        return None
    changed = add_site_distances(changed, snapshot.sites).reset_index(drop=True)
    old = events.iloc[positions].reset_index(drop=True)
    edited = events.copy(deep=False)
    regroup = False
    for column in changed.columns:
        if column in INCIDENT_COLUMNS or column not in edited.columns:
            continue
        if _same(old[column], changed[column]).all():
            continue
        regroup = regroup or column in GROUPING_COLUMNS
        edited.iloc[positions, edited.columns.get_loc(column)] = changed[column].to_numpy()
    if regroup:
        edited = add_incident_columns(edited.drop(columns=[c for c in INCIDENT_COLUMNS if c in edited.columns]))
    return edited


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
        events = in_one_chunk(add_incident_columns(
            subset.drop(columns=[c for c in INCIDENT_COLUMNS if c in subset.columns])))
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

