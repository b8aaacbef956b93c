"""Cached loading for the pages: thin wrappers over :mod:`utils`."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

from utils.dataset import Dataset, data_dir_from_args, load_dataset


def _fingerprint(folder: Path) -> tuple[tuple[str, float, int], ...]:
    files = [folder / "events.csv", folder / "sites.geojson", folder / "sources.csv"]
    out = []
    for path in files:
        try:
            stat = path.stat()
            out.append((path.name, stat.st_mtime, stat.st_size))
        except OSError:
            out.append((path.name, 0.0, -1))
    return tuple(out)


@st.cache_data(show_spinner="Loading events, bases and basemap...", max_entries=4)
def _cached_dataset(folder: str, fingerprint: tuple) -> Dataset:
    return load_dataset(Path(folder))


def data_dir() -> Path:
    """The data folder: ``streamlit run app.py -- --data-dir DIR``, else ``$EVENTMAP_DATA_DIR``, else data/."""
    return data_dir_from_args(sys.argv[1:])


def get_dataset() -> Dataset:
    """The dataset in :func:`data_dir`, reloaded when a data file changes on disk."""
    folder = data_dir()
    return _cached_dataset(str(folder), _fingerprint(folder))
