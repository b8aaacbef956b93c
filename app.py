"""Syria base-events map: entry point. Run with `streamlit run app.py`."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.session_data import active_dataset
from ui.sidebar import render_sidebar
from ui.status import show_data_status
from utils.problems import DataFileError

st.set_page_config(page_title="Syria bases: reported events", page_icon=str(Path(__file__).parent / "static" / "favicon.png"), layout="wide")

pages = [
    st.Page("pages/map.py", title="Map", icon=":material/map:", default=True),
    st.Page("pages/events.py", title="Events", icon=":material/table:"),
    st.Page("pages/sources.py", title="Sources", icon=":material/article:"),
    st.Page("pages/import.py", title="Import", icon=":material/upload_file:"),
]
navigation = st.navigation(pages)

try:
    dataset = active_dataset()
except DataFileError as error:
    st.error(f"The data cannot be loaded: {error}")
    st.stop()

st.session_state["dataset"] = dataset
render_sidebar(dataset)
show_data_status(dataset)
navigation.run()
