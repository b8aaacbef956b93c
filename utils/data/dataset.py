"""The bundled dataset: events, bases, articles and basemap, loaded together."""

from __future__ import annotations

import argparse
import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from utils.core.geo import add_site_distances, governorate_lookup, load_governorates
from utils.core.paths import BUNDLED_DATA_DIR
from utils.data.basemap import Basemap, load_basemap
from utils.data.incidents import add_incident_columns
from utils.data.sites import load_sites, load_sources
from utils.data.validation import LoadResult, load_events

__all__ = ["DATA_DIR_ENV", "Dataset", "data_dir_from_args", "default_data_dir", "load_dataset"]

DATA_DIR_ENV = "EVENTMAP_DATA_DIR"
"""Environment variable naming another data folder (same layout as ``data/``)."""


def default_data_dir() -> Path:
    """``$EVENTMAP_DATA_DIR`` if set, else the project's ``data/`` folder."""
    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured) if configured else BUNDLED_DATA_DIR


def data_dir_from_args(argv: list[str]) -> Path:
    """The data folder chosen at start-up: ``--data-dir DIR``, else :func:`default_data_dir`.

    ``argv`` is what follows ``--`` in ``streamlit run app.py -- --data-dir DIR``
    (``sys.argv[1:]`` inside the app); other arguments are ignored.
    """
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--data-dir", default=None)
    known, _ = parser.parse_known_args(argv)
    return Path(known.data_dir).expanduser().resolve() if known.data_dir else default_data_dir()


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
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    """Results computed once per dataset (see :func:`column_counts`); a replaced dataset starts empty."""


def _short_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def load_dataset(data_dir: Path | None = None, *, today: date | None = None, database_url: str | None = None,
                 collections: tuple[str, ...] | None = None) -> Dataset:
    """The dataset in the data folder's store (filled from ``events.csv``, ``sources.csv`` on first run).

    ``database_url`` picks PostgreSQL (else ``eventmap.sqlite`` in the
    folder; see :mod:`utils.data.store_sql`); ``collections`` the collections
    to show (None: every one not deleted). A folder where no store can be
    made (read-only) is read straight from its files, with a note saying
    edits cannot be saved. Bad event rows are set aside (see ``Dataset.load``);
    a file that cannot be read at all raises :class:`~utils.core.problems.DataFileError`.
    """
    from utils.data.stored import load_store_dataset

    folder = Path(data_dir) if data_dir else default_data_dir()
    return load_store_dataset(folder, database_url=database_url, today=today, collections=collections)


def load_files_dataset(data_dir: Path, *, today: date | None = None) -> Dataset:
    """Load ``events.csv``, ``sites.geojson``, ``sources.csv`` and ``basemap/`` straight from ``data_dir``."""
    folder = Path(data_dir)
    sources = load_sources(folder / "sources.csv", file_label="sources.csv")
    sites = load_sites(folder / "sites.geojson", file_label="sites.geojson")
    governorates = load_governorates(folder / "basemap" / "syria_adm1_geoboundaries.geojson")
    result = load_events(folder / "events.csv", file_label="events.csv", known_doc_ids=sources["doc_id"],
                         today=today, fill_admin1=governorate_lookup(governorates))
    version = _short_hash([folder / "events.csv", folder / "sites.geojson", folder / "sources.csv"])
    events = derive_columns(result.events, sites)
    return Dataset(events=events, load=result, sites=sites, sources=sources,
                   basemap=load_basemap(folder), version=version, notes=list(result.notes))


DERIVED_COLUMNS: tuple[str, ...] = ("nearest_site", "nearest_site_km", "incident", "incident_reports",
                                     "independent_sources")
"""Columns computed on load (plus one ``dist_km_<site_id>`` per base); never read from a file."""


def derive_columns(events: pd.DataFrame, sites: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``events`` with the derived columns (re)computed: distances to the bases, incidents.

    Any derived column already present is dropped first, so merged frames are recomputed as a whole.
    """
    stale = [c for c in events.columns if c.startswith("dist_km_") or c in DERIVED_COLUMNS]
    return add_incident_columns(add_site_distances(events.drop(columns=stale), sites))
