"""Filter results shared by every session: each condition's mask and the kept rows, in small bounded caches.

The sidebar (for its counts) and every page's View ask for the same filter in
the same run; sessions showing the same filter share one result. Both caches
are bounded for the whole server, so memory does not grow with the number of
sessions: a session itself keeps only its filter value and, in its View, one
boolean mask.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from utils.analysis.filters import EventFilter
from utils.analysis.selection import FilterParts, filter_parts
from utils.data.dataset import Dataset

__all__ = ["SHOWN_FRAMES", "SHOWN_SECONDS", "shared_parts", "shown_frame"]

PARTS_KEPT = 8
"""Most filters whose masks are kept at once (each about one byte per event and condition)."""
SHOWN_FRAMES = 2
"""Most filtered frames kept at once for the whole server (each a copy of the kept rows)."""
SHOWN_SECONDS = 120
"""How long an unused result is kept (s)."""


@st.cache_resource(max_entries=PARTS_KEPT, ttl=SHOWN_SECONDS, show_spinner=False)
def _parts(version: str, value: EventFilter, _dataset: Dataset) -> FilterParts:
    return filter_parts(_dataset, value)


def shared_parts(dataset: Dataset, value: EventFilter) -> FilterParts:
    """``value``'s conditions over ``dataset.events`` (see :func:`utils.analysis.selection.filter_parts`),
    computed once per data version and filter for every session. Read-only."""
    return _parts(dataset.version, value, dataset)


@st.cache_resource(max_entries=SHOWN_FRAMES, ttl=SHOWN_SECONDS, show_spinner=False)
def _shown_frame(version: str, value: EventFilter, _dataset: Dataset, _mask: np.ndarray) -> pd.DataFrame:
    return _dataset.events.loc[_mask]


def shown_frame(dataset: Dataset, value: EventFilter, mask: np.ndarray) -> pd.DataFrame:
    """The rows of ``dataset`` that ``value`` keeps (``mask``), shared by the sessions showing the same filter,
    at most :data:`SHOWN_FRAMES` of them. Read-only."""
    return _shown_frame(dataset.version, value, dataset, mask)
