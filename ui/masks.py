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
from utils.analysis.rows import EventRows
from utils.analysis.selection import FilterParts, filter_parts
from utils.data.dataset import Dataset

__all__ = ["ROWS_KEPT", "SHOWN_FRAMES", "SHOWN_SECONDS", "shared_parts", "shared_rows", "shown_frame"]

PARTS_KEPT = 8
"""Most filters whose masks are kept at once (each about one byte per event and condition)."""
SHOWN_FRAMES = 2
"""Most filtered frames kept at once for the whole server (each a copy of the kept rows)."""
SHOWN_SECONDS = 120
"""How long an unused result is kept (s)."""
ROWS_KEPT = 4
"""Most filters whose kept rows' reads (coordinates, counts, days: a few arrays of the kept rows each) are kept."""


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


@st.cache_resource(max_entries=ROWS_KEPT, ttl=SHOWN_SECONDS, show_spinner=False)
def _rows(version: str, value: EventFilter, _dataset: Dataset) -> EventRows:
    mask = shared_parts(_dataset, value).all()
    mask.flags.writeable = False  # shared by sessions
    return EventRows(_dataset.events, mask, _dataset.memo, frame=lambda: shown_frame(_dataset, value, mask))


def shared_rows(dataset: Dataset, value: EventFilter) -> EventRows:
    """The events ``value`` keeps, read over the shared frame (:class:`EventRows`), one object per data version
    and filter for every session: what one session read of them (the kept coordinates, the counts, the days) the
    next session showing that filter reads again for nothing (at 1M events, 0.1-0.2 s of a new session's first
    run). Read-only."""
    return _rows(dataset.version, value, dataset)
