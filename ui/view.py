"""What every page starts from: the dataset, the filter value and the events it keeps."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ui.sidebar import FILTER_STATE
from utils.analysis.filters import EventFilter
from utils.core.dates import coarse_date_note
from utils.core.escaping import escape_text
from utils.data.dataset import Dataset


@dataclass(frozen=True)
class View:
    dataset: Dataset
    filter: EventFilter
    shown: pd.DataFrame

    @property
    def caption(self) -> str:
        names = dict(zip(self.dataset.sites["site_id"], self.dataset.sites["name"]))
        text = self.filter.describe(len(self.shown), len(self.dataset.events), site_names=names)
        note = coarse_date_note(self.shown)
        return f"{text}; {note}" if note else text


def current_view() -> View:
    """The view set up by ``app.py`` for this run (dataset, filter, filtered events)."""
    dataset: Dataset = st.session_state["dataset"]
    value: EventFilter = st.session_state[FILTER_STATE]
    return View(dataset=dataset, filter=value, shown=value.apply(dataset.events))


def show_caption(view: View) -> None:
    """The sentence that says what is shown, as inert text."""
    st.caption(escape_text(view.caption))
