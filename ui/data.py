"""Loading for the pages: the data folder chosen at start-up and the store's last good content, shared by
every session (see :mod:`utils.data.live`)."""

from __future__ import annotations

import os
import sys

import streamlit as st

from utils.data.dataset import Dataset
from utils.data.folder import DATA_DIR_ENV, DATABASE_URL_ENV, DataFolder
from utils.data.live import LiveStore, NoGoodDataError, Snapshot
from utils.data.store import EventStore
from utils.data.stored import StoreSnapshot, dataset_for

REPLICA_CHECK_SECONDS = 3
"""How often an open page checks whether another session or app process saved a change."""


def data_folder() -> DataFolder:
    """The data folder (and store) the server was started with: ``streamlit run app.py -- --data-dir DIR
    --database-url URL``, else ``$EVENTMAP_DATA_DIR`` and ``$EVENTMAP_DATABASE_URL``, else data/ and its
    eventmap.sqlite. app.py asks once per run and passes it down (``View.folder``)."""
    return _start_up_folder(tuple(sys.argv[1:]), os.environ.get(DATA_DIR_ENV), os.environ.get(DATABASE_URL_ENV))


@st.cache_resource(show_spinner=False)
def _start_up_folder(argv: tuple[str, ...], configured: str | None, database_url: str | None) -> DataFolder:
    """Made once per start-up configuration (the server's arguments and environment)."""
    environ = {key: value for key, value in ((DATA_DIR_ENV, configured), (DATABASE_URL_ENV, database_url)) if value}
    return DataFolder.at_start_up(list(argv), environ)


@st.cache_resource(show_spinner=False)
def _live_store(folder: DataFolder) -> LiveStore:
    return LiveStore(folder.root, folder.database_url)


def live_store() -> LiveStore:
    """This process's view of the store (one per data folder and store, shared by every session)."""
    return _live_store(data_folder())


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
