"""Syria base-events map: entry point. Run with `streamlit run app.py`."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.data import data_folder, dataset_snapshot, follow_saved_changes
from ui.errors import run_guarded
from ui.session_data import active_dataset
from ui.sidebar import render_sidebar
from ui.status import show_data_fault, show_data_status
from ui.view import DATA_FOLDER

st.set_page_config(page_title="Syria bases: reported events", page_icon=str(Path(__file__).parent / "static" / "favicon.png"), layout="wide")

pages = [
    st.Page("pages/views/map.py", title="Map", icon=":material/map:", default=True),
    st.Page("pages/views/events.py", title="Events", icon=":material/table:"),
    st.Page("pages/views/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/views/bases.py", title="Bases", icon=":material/flag:"),
    st.Page("pages/views/claims.py", title="Claims", icon=":material/forum:"),
    st.Page("pages/views/changes.py", title="Changes", icon=":material/difference:"),
    st.Page("pages/views/sources.py", title="Sources", icon=":material/article:"),
    st.Page("pages/views/edit.py", title="Add or edit", icon=":material/edit_note:"),
    st.Page("pages/views/import.py", title="Import", icon=":material/upload_file:"),
]
navigation = st.navigation(pages)


def run_app() -> None:
    """Load (or keep) the data, draw the shared sidebar, run the chosen page."""
    st.session_state[DATA_FOLDER] = data_folder()  # chosen at start-up; pages read it as View.folder
    snapshot = dataset_snapshot()
    show_data_fault(snapshot.fault, have_data=snapshot.value is not None)
    if snapshot.value is None:
        st.stop()
    dataset = active_dataset(chooser=True)  # the collections chosen in the sidebar (ui/collections.py)
    st.session_state["dataset"] = dataset
    render_sidebar(dataset)
    show_data_status(dataset)
    follow_saved_changes()  # a change saved elsewhere is shown within a few seconds
    navigation.run()


run_guarded(run_app)
