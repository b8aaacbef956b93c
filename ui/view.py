"""What every page starts from: the dataset, the filter value and the events it keeps."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ui.sidebar import FILTER_STATE
from utils.dataset import Dataset
from utils.escaping import escape_text
from utils.filters import EventFilter


@dataclass(frozen=True)
class View:
    dataset: Dataset
    filter: EventFilter
    shown: pd.DataFrame

    @property
    def caption(self) -> str:
        names = dict(zip(self.dataset.sites["site_id"], self.dataset.sites["name"]))
        return self.filter.describe(len(self.shown), len(self.dataset.events), site_names=names)


def current_view() -> View:
    """The view set up by ``app.py`` for this run (dataset, filter, filtered events)."""
    if "dataset" not in st.session_state or FILTER_STATE not in st.session_state:
        _run_through_app_py()
    dataset: Dataset = st.session_state["dataset"]
    value: EventFilter = st.session_state[FILTER_STATE]
    return View(dataset=dataset, filter=value, shown=value.apply(dataset.events))


def _run_through_app_py() -> None:
    """Rerun through ``app.py`` when a page was run on its own.

    A fresh server that is first asked for a page URL (``/events``) runs that
    file alone, the old ``pages/`` folder way, until ``app.py`` has once
    called ``st.navigation``. Switch that mode off and rerun: ``app.py`` then
    loads the data, draws the sidebar and runs the page the link asked for.
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()


def show_caption(view: View) -> None:
    """The sentence that says what is shown, as inert text."""
    st.caption(escape_text(view.caption))
