"""The bundled dataset: events, bases, articles and basemap, loaded together."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from utils.core.geo import add_site_distances, governorate_lookup, load_governorates
from utils.core.schema import is_derived_column
from utils.data.aliases import Aliases, load_aliases
from utils.data.basemap import Basemap, load_basemap
from utils.data.folder import DataFolder
from utils.data.incidents import add_incident_columns
from utils.data.sites import load_sites, load_sources
from utils.data.validation import LoadResult, load_events

__all__ = ["Dataset", "Memo", "derive_columns", "load_dataset", "load_files_dataset"]

T = TypeVar("T")


class Memo:
    """Results computed once per dataset and shared by every session that shows it.

    The dashboard serves one dataset to every browser session (see
    :mod:`ui.data`), so what is stored here is computed once for all of them:
    facet indexes, value counts, the normalised search text. Store only what
    depends on the dataset alone, never on one session's filters, so it stays
    small; :meth:`get` is safe to call from several sessions at once.
    """

    def __init__(self) -> None:
        self._values: dict[Hashable, Any] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value stored under ``key``, made by ``make()`` the first time (once, even under concurrent calls)."""
        try:
            return self._values[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._values:
                self._values[key] = make()
            return self._values[key]

    def __contains__(self, key: Hashable) -> bool:
        return key in self._values

    def __len__(self) -> int:
        return len(self._values)


@dataclass
class Dataset:
    """Everything the dashboard shows. ``events`` holds only the rows that passed validation."""

    events: pd.DataFrame
    load: LoadResult
    sites: pd.DataFrame
    sources: pd.DataFrame
    basemap: Basemap
    version: str
    notes: list[str] = field(default_factory=list)
    aliases: Aliases = field(default_factory=Aliases)
    """Other spellings of outlets and claimants (``aliases.csv``), read by the filter's facets."""
    memo: Memo = field(default_factory=Memo, init=False, repr=False, compare=False)
    """Results computed once per dataset, shared by every session (see :class:`Memo`); a dataset made with
    ``dataclasses.replace`` (an import merged in) starts with an empty one."""


def _short_hash(paths: list[Path]) -> str:
    """A short hash of the files' contents; an optional file that is absent (aliases.csv) adds nothing."""
    digest = hashlib.sha256()
    for path in paths:
        if path.exists() or path.name != "aliases.csv":
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def load_dataset(folder: DataFolder | Path, *, today: date | None = None, database_url: str | None = None,
                 collections: tuple[str, ...] | None = None) -> Dataset:
    """The dataset in ``folder``'s store (filled from its ``events.csv``, ``sources.csv`` on first run).

    ``database_url`` picks PostgreSQL (default: the folder's ``database_url``;
    for a plain path ``$EVENTMAP_DATABASE_URL``; else ``eventmap.sqlite`` in the folder);
    ``collections`` the collections to show (None: every one not deleted).
    In a read-only folder the store is held in memory, with a note saying
    nothing can be saved. Bad event rows are set aside (see ``Dataset.load``);
    a file that cannot be read at all raises :class:`~utils.core.problems.DataFileError`,
    a store that cannot be used :class:`~utils.data.store_sql.StoreConfigError`.
    """
    from utils.data.stored import load_store_dataset

    folder = folder if isinstance(folder, DataFolder) else DataFolder.from_option(folder)
    return load_store_dataset(folder.root, database_url=database_url or folder.database_url, today=today,
                              collections=collections)


def load_files_dataset(folder: DataFolder | Path, *, today: date | None = None) -> Dataset:
    """Load ``events.csv``, ``sites.geojson``, ``sources.csv`` and ``basemap/`` straight from the files.

    The store's way in (:mod:`utils.data.store_seed`) validates the same way; this one is kept for
    benchmarks that compare a cold start from the files with one from the store.
    """
    folder = folder if isinstance(folder, DataFolder) else DataFolder(folder)
    sources = load_sources(folder.sources, file_label="sources.csv")
    sites = load_sites(folder.sites, file_label="sites.geojson")
    governorates = load_governorates(folder.basemap / "syria_adm1_geoboundaries.geojson")
    result = load_events(folder.events, file_label="events.csv", known_doc_ids=sources["doc_id"],
                         today=today, fill_admin1=governorate_lookup(governorates))
    aliases = load_aliases(folder.aliases, file_label="aliases.csv")
    version = _short_hash(list(folder.data_files))
    events = derive_columns(result.events, sites)
    return Dataset(events=events, load=result, sites=sites, sources=sources,
                   basemap=load_basemap(folder.root), version=version, notes=list(result.notes), aliases=aliases)


def derive_columns(events: pd.DataFrame, sites: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``events`` with the computed columns made again: distances to the bases, incidents.

    Every derived column present (:func:`utils.core.schema.is_derived_column`) is dropped first, so merged
    frames are recomputed as a whole.
    """
    stale = [c for c in events.columns if is_derived_column(c)]
    return add_incident_columns(add_site_distances(events.drop(columns=stale), sites))
