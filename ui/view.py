"""What every page starts from: the dataset, the data folder, the filter value and which events it keeps.

A session's filter result is a boolean mask over the dataset's events, which
every session shares; :attr:`View.shown` gives the kept rows from a small cache
shared by all sessions (bounded, so memory does not grow with sessions).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from ui.masks import shared_parts, shared_rows, shown_frame
from ui.sidebar import FILTER_STATE
from utils.analysis.filters import EventFilter
from utils.analysis.rows import EventRows
from utils.analysis.selection import emptied_by, event_index
from utils.core.escaping import escape_text
from utils.data.dataset import Dataset
from utils.data.folder import DataFolder
from utils.data.sites import site_names

DATA_FOLDER = "data_folder"
"""Session-state key of the :class:`DataFolder` chosen at start-up (set by app.py)."""


@dataclass(frozen=True)
class View:
    """``dataset`` shown through ``filter``; ``mask`` marks the events the filter keeps (computed if not given).

    A View holds the mask only (one byte per event): pages keep it, in the page's globals, between runs.
    """

    dataset: Dataset
    filter: EventFilter
    folder: DataFolder | None = None
    mask: np.ndarray | None = None

    def __post_init__(self) -> None:
        own = self.mask is None  # the filter's own mask: its rows are shared by the sessions showing the filter
        if own:
            object.__setattr__(self, "mask", shared_parts(self.dataset, self.filter).all())
        object.__setattr__(self, "_own_mask", own)

    @property
    def shown(self) -> pd.DataFrame:
        """The events the filter keeps, as a frame (read-only; taken from a small cache shared by sessions)."""
        return shown_frame(self.dataset, self.filter, self.mask)

    @property
    def rows(self) -> EventRows:
        """The events the filter keeps, read column by column over the shared frame (nothing copied until a
        caller asks for the rows as a frame: :meth:`EventRows.frame` gives :attr:`shown`). For the filter's own
        mask, one object shared by every session showing that filter (:func:`ui.masks.shared_rows`), so what
        one read is not read again; for a mask given (a playback step), this View's own."""
        if self._own_mask:  # type: ignore[attr-defined]
            return shared_rows(self.dataset, self.filter)
        rows = self.__dict__.get("_rows")
        if rows is None:
            rows = EventRows(self.dataset.events, self.mask, self.dataset.memo, frame=lambda: self.shown)
            object.__setattr__(self, "_rows", rows)
        return rows

    @property
    def count(self) -> int:
        """How many events the filter keeps."""
        return int(np.count_nonzero(self.mask))

    @property
    def caption(self) -> str:
        """The sentence that says what is shown (:meth:`EventFilter.caption`), counted on the mask."""
        coarse = int(np.count_nonzero(self.mask & event_index(self.dataset).coarse()))
        return self.filter.caption(self.count, len(self.dataset.events), coarse,
                                   site_names=site_names(self.dataset.sites))

    def empty_hint(self) -> str:
        """When nothing is shown, which filter emptied the view, in words ('' otherwise)."""
        if self.count:
            return ""
        names = site_names(self.dataset.sites)
        return emptied_by(shared_parts(self.dataset, self.filter), lambda n: self.filter.condition_words(n, names))


def current_view() -> View:
    """The view set up by ``app.py`` for this run (dataset, data folder, filter, the events it keeps)."""
    dataset: Dataset = st.session_state["dataset"]
    value: EventFilter = st.session_state[FILTER_STATE]
    return View(dataset=dataset, filter=value, folder=st.session_state.get(DATA_FOLDER))


def show_caption(view: View) -> None:
    """The sentence that says what is shown, as inert text, and a hint when nothing is."""
    st.caption(escape_text(view.caption))
    hint = view.empty_hint()
    if hint:
        st.info(escape_text(hint), icon=":material/filter_alt_off:")
