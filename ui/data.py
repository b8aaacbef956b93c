"""Loading for the pages: the store's last good content, shared by every session (see :mod:`utils.data.live`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import streamlit as st

from utils.data.dataset import Dataset, data_dir_from_args
from utils.data.live import LiveStore, NoGoodDataError, Snapshot
from utils.data.store import EventStore
from utils.data.store_sql import database_url_from
from utils.data.stored import StoreSnapshot, dataset_for

REPLICA_CHECK_SECONDS = 3
"""How often an open page checks whether another session or app process saved a change."""


@st.cache_resource(show_spinner=False)
def _live_store(folder: str, database_url: str | None) -> LiveStore:
    return LiveStore(Path(folder), database_url)


def database_url() -> str | None:
    """``streamlit run app.py -- --database-url URL``, else ``$EVENTMAP_DATABASE_URL``, else None (embedded)."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--database-url", default=None)
    known, _ = parser.parse_known_args(sys.argv[1:])
    return database_url_from(known.database_url)


def live_store() -> LiveStore:
    return _live_store(str(data_dir()), database_url())


def store_snapshot() -> Snapshot[StoreSnapshot]:
    """The store's content to show and any fault; caught up when a change was saved anywhere.

    Shared by every session: treat it as read-only.
    """
    live = live_store()
    if live.changed():
        with st.spinner("Loading events, bases and basemap..."):
            return live.current()
    return live.current()


def dataset_snapshot() -> Snapshot[Dataset]:
    """The dataset of every collection, and any fault (see :func:`store_snapshot`)."""
    snapshot = store_snapshot()
    value = dataset_for(snapshot.value) if snapshot.value is not None else None
    return Snapshot(value, snapshot.loaded_at, snapshot.fault)


def data_files_changed() -> bool:
    """True when the store or the seed files changed since the last load attempt."""
    return live_store().changed()


def data_dir() -> Path:
    """The data folder: ``streamlit run app.py -- --data-dir DIR``, else ``$EVENTMAP_DATA_DIR``, else data/."""
    return data_dir_from_args(sys.argv[1:])


def event_store() -> EventStore:
    """The store to save to, sharing this process's connection (raises StoreConfigError when unusable)."""
    live = live_store()
    return EventStore(live.folder, database_url=live.database_url, database=live.database)


def get_dataset() -> Dataset:
    """The last good dataset of every collection; raises :class:`~utils.data.live.NoGoodDataError` if none."""
    snapshot = dataset_snapshot()
    if snapshot.value is None:
        raise NoGoodDataError(snapshot.fault)
    return snapshot.value


@st.fragment(run_every=REPLICA_CHECK_SECONDS)
def follow_saved_changes() -> None:
    """Rerun the page when a change was saved elsewhere (another session or app process)."""
    if data_files_changed():
        st.rerun(scope="app")
