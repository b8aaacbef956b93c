"""What every page starts from: the dataset, the data folder, the filter value and which events it keeps.

A session's filter result is a boolean mask over the dataset's events, which
every session shares; :attr:`View.shown` takes the kept rows when a page asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
import streamlit as st

from ui.sidebar import FILTER_STATE
from utils.analysis.filters import EventFilter, dataset_mask
from utils.core.escaping import escape_text
from utils.data.dataset import Dataset
from utils.data.folder import DataFolder
from utils.data.sites import site_names

DATA_FOLDER = "data_folder"
"""Session-state key of the :class:`DataFolder` chosen at start-up (set by app.py)."""


@dataclass(frozen=True)
class View:
    """``dataset`` shown through ``filter``; ``mask`` marks the events the filter keeps (computed if not given)."""

    dataset: Dataset
    filter: EventFilter
    folder: DataFolder | None = None
    mask: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.mask is None:
            object.__setattr__(self, "mask", dataset_mask(self.dataset, self.filter))

    @cached_property
    def shown(self) -> pd.DataFrame:
        """The events the filter keeps, as a frame (taken from the shared events when first asked for)."""
        return self.dataset.events.loc[self.mask]

    @property
    def count(self) -> int:
        """How many events the filter keeps."""
        return int(np.count_nonzero(self.mask))

    @property
    def caption(self) -> str:
        """The sentence that says what is shown (:meth:`EventFilter.caption`)."""
        return self.filter.caption(self.shown, len(self.dataset.events), site_names=site_names(self.dataset.sites))


def current_view() -> View:
    """The view set up by ``app.py`` for this run (dataset, data folder, filter, the events it keeps)."""
    dataset: Dataset = st.session_state["dataset"]
    value: EventFilter = st.session_state[FILTER_STATE]
    return View(dataset=dataset, filter=value, folder=st.session_state.get(DATA_FOLDER))


def show_caption(view: View) -> None:
    """The sentence that says what is shown, as inert text."""
    st.caption(escape_text(view.caption))
