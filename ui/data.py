"""Loading for the pages: the data folder chosen at start-up and the last good dataset, shared by every
session (see :mod:`utils.data.live`)."""

from __future__ import annotations

import os
import sys

import streamlit as st

from utils.data.dataset import Dataset, load_dataset
from utils.data.folder import DATA_DIR_ENV, DataFolder
from utils.data.live import LastGood, NoGoodDataError, Snapshot, files_fingerprint


def data_folder() -> DataFolder:
    """The data folder the server was started with: ``streamlit run app.py -- --data-dir DIR``, else
    ``$EVENTMAP_DATA_DIR``, else data/. app.py asks once per run and passes it down (``View.folder``)."""
    return _start_up_folder(tuple(sys.argv[1:]), os.environ.get(DATA_DIR_ENV))


@st.cache_resource(show_spinner=False)
def _start_up_folder(argv: tuple[str, ...], configured: str | None) -> DataFolder:
    """Made once per start-up configuration (the server's arguments and environment)."""
    return DataFolder.at_start_up(list(argv), {DATA_DIR_ENV: configured} if configured else {})


@st.cache_resource(show_spinner=False)
def _live_dataset(folder: DataFolder) -> LastGood[Dataset]:
    return LastGood(lambda: load_dataset(folder), lambda: files_fingerprint(list(folder.data_files)))


def dataset_snapshot() -> Snapshot[Dataset]:
    """The dataset to show and any fault with the files; reloaded when a data file changes on disk.

    The dataset is shared by every session: treat it as read-only.
    """
    live = _live_dataset(data_folder())
    if live.changed():
        with st.spinner("Loading events, bases and basemap..."):
            return live.current()
    return live.current()


def data_files_changed() -> bool:
    """True when the data files changed since the last load attempt."""
    return _live_dataset(data_folder()).changed()


def get_dataset() -> Dataset:
    """The last good dataset; raises :class:`~utils.data.live.NoGoodDataError` if none ever loaded."""
    snapshot = dataset_snapshot()
    if snapshot.value is None:
        raise NoGoodDataError(snapshot.fault)
    return snapshot.value
