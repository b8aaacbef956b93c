"""Syria base-events map: entry point. Run with `streamlit run app.py`."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.data import dataset_snapshot
from ui.errors import run_guarded
from ui.sidebar import render_sidebar
from ui.status import show_data_fault, show_data_status

st.set_page_config(page_title="Syria bases: reported events", page_icon=str(Path(__file__).parent / "static" / "favicon.png"), layout="wide")

pages = [
    st.Page("pages/map.py", title="Map", icon=":material/map:", default=True),
    st.Page("pages/events.py", title="Events", icon=":material/table:"),
    st.Page("pages/sources.py", title="Sources", icon=":material/article:"),
]
navigation = st.navigation(pages)


def run_app() -> None:
    """Load (or keep) the data, draw the shared sidebar, run the chosen page."""
    snapshot = dataset_snapshot()
    show_data_fault(snapshot.fault, have_data=snapshot.value is not None)
    if snapshot.value is None:
        st.stop()
    st.session_state["dataset"] = snapshot.value
    render_sidebar(snapshot.value)
    show_data_status(snapshot.value)
    navigation.run()


run_guarded(run_app)
