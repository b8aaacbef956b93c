"""Cached computations the pages share, keyed by data version and filter.

Frames are passed as ``_``-prefixed arguments (not hashed); the key is the
dataset's version and the filter's ``repr``, so a cached result is reused by
every session showing the same events and recomputed when the data or the
filter change. Results are small (counts, orders, the rows of one page).
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from ui.view import View

__all__ = ["filter_key", "shown_mask"]


def filter_key(view: View) -> str:
    """What identifies the shown events: data version and filter."""
    return f"{view.dataset.version}|{view.filter!r}"


@st.cache_data(max_entries=32, show_spinner=False)
def _mask(key: str, _view: View) -> np.ndarray:
    return _view.filter.mask(_view.dataset.events).to_numpy(dtype=bool)


def shown_mask(view: View) -> np.ndarray:
    """Which of ``view.dataset.events`` the filter keeps, as a boolean array (never a copy of the events)."""
    return _mask(filter_key(view), view)
