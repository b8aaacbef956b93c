"""The events this session uses: the bundled dataset, or one with imported events.

An import lives only in this browser session (``st.session_state``); the
bundled files are never changed. Every page reads :func:`active_dataset`.
"""

from __future__ import annotations

import streamlit as st

from ui.data import get_dataset
from ui.sidebar import forget_filters
from utils.data.dataset import Dataset
from utils.importers import ImportResult
from utils.importers.merge import with_import

IMPORTED = "imported_dataset"
MESSAGE = "import_message"


def active_dataset() -> Dataset:
    """The session's imported or merged dataset if there is one, else the bundled one."""
    imported = st.session_state.get(IMPORTED)
    return imported if imported is not None else get_dataset()


def import_in_use() -> bool:
    """True when this session shows imported events."""
    return st.session_state.get(IMPORTED) is not None


def use_import(result: ImportResult, replace_events: bool) -> None:
    """Add the import's events to those in use, or use them instead of the bundled ones (a button callback)."""
    base = get_dataset() if replace_events else active_dataset()
    dataset = with_import(base, result, replace_events=replace_events)
    st.session_state[IMPORTED] = dataset
    added = len(dataset.events) - (0 if replace_events else len(base.events))
    verb = "now replace the bundled events" if replace_events else "were added to the events in use"
    st.session_state[MESSAGE] = (f"{added} event(s) from {result.file} {verb} for this session: "
                                 f"{len(dataset.events)} event(s) in use. The filters were reset.")
    forget_filters()


def use_bundled() -> None:
    """Drop the session's import and go back to the bundled events (a button callback)."""
    st.session_state.pop(IMPORTED, None)
    st.session_state[MESSAGE] = "Back to the bundled events. The filters were reset."
    forget_filters()
