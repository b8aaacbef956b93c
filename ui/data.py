"""Loading for the pages: the last good dataset, shared by every session (see :mod:`utils.data.live`)."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

from utils.data.dataset import Dataset, data_dir_from_args, load_dataset
from utils.data.live import LastGood, NoGoodDataError, Snapshot, files_fingerprint

DATA_FILES = ("events.csv", "sites.geojson", "sources.csv")


@st.cache_resource(show_spinner=False)
def _live_dataset(folder: str) -> LastGood[Dataset]:
    path = Path(folder)
    return LastGood(lambda: load_dataset(path), lambda: files_fingerprint([path / name for name in DATA_FILES]))


def dataset_snapshot() -> Snapshot[Dataset]:
    """The dataset to show and any fault with the files; reloaded when a data file changes on disk.

    The dataset is shared by every session: treat it as read-only.
    """
    live = _live_dataset(str(data_dir()))
    if live.changed():
        with st.spinner("Loading events, bases and basemap..."):
            return live.current()
    return live.current()


def data_files_changed() -> bool:
    """True when the data files changed since the last load attempt."""
    return _live_dataset(str(data_dir())).changed()


def data_dir() -> Path:
    """The data folder: ``streamlit run app.py -- --data-dir DIR``, else ``$EVENTMAP_DATA_DIR``, else data/."""
    return data_dir_from_args(sys.argv[1:])


def get_dataset() -> Dataset:
    """The last good dataset; raises :class:`~utils.data.live.NoGoodDataError` if none ever loaded."""
    snapshot = dataset_snapshot()
    if snapshot.value is None:
        raise NoGoodDataError(snapshot.fault)
    return snapshot.value
