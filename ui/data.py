"""Cached loading for the pages: thin wrappers over :mod:`utils`."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from utils.dataset import Dataset, default_data_dir, load_dataset


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


def get_dataset() -> Dataset:
    """The bundled dataset, reloaded when a data file changes on disk."""
    folder = default_data_dir()
    return _cached_dataset(str(folder), _fingerprint(folder))
