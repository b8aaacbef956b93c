"""Syria base-events map: entry point. Run with `streamlit run app.py`."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import streamlit as st

from ui.data import data_folder, dataset_snapshot, follow_saved_changes
from ui.errors import run_guarded
from ui.session_data import active_dataset
from ui.sidebar import render_sidebar
from ui.status import show_data_fault, show_data_status
from ui.view import DATA_FOLDER
from ui.warm import is_warm_run, warm_other_pages

HERE = Path(__file__).parent
st.set_page_config(page_title="Syria bases: reported events", page_icon=str(HERE / "static" / "favicon.png"), layout="wide")


class AppPage(NamedTuple):
    script: str
    title: str
    icon: str
    warm_order: int | None
    """When the server's warm run opens it (ui/warm.py), lowest first. A page that can call st.stop() with the
    default filters, which ends that run, goes after the others; None: never (nothing to compute)."""


PAGES = [
    AppPage("pages/views/map.py", "Map", ":material/map:", 0),
    AppPage("pages/views/events.py", "Events", ":material/table:", 0),
    AppPage("pages/views/timeline.py", "Timeline", ":material/timeline:", 0),
    AppPage("pages/views/bases.py", "Bases", ":material/flag:", 0),
    AppPage("pages/views/claims.py", "Claims", ":material/forum:", 2),  # stops when no incident is reported twice
    AppPage("pages/views/changes.py", "Changes", ":material/difference:", None),  # stops until a pick
    AppPage("pages/views/sources.py", "Sources", ":material/article:", 0),
    AppPage("pages/views/edit.py", "Add or edit", ":material/edit_note:", 1),  # stops when saving is off
    AppPage("pages/views/import.py", "Import", ":material/upload_file:", 0),
]
navigation = st.navigation([st.Page(page.script, title=page.title, icon=page.icon, default=number == 0)
                            for number, page in enumerate(PAGES)])


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
    if is_warm_run():  # the server's own run at start-up (python -m utils serve): open the other pages too
        others = [page for page in PAGES if page.warm_order is not None and page.title != navigation.title]
        warm_other_pages([HERE / page.script for page in sorted(others, key=lambda page: page.warm_order)],
                         dataset)


run_guarded(run_app)
