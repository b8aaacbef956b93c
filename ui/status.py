"""Telling the user about data problems: rows set aside, link parameters ignored, broken data files."""

from __future__ import annotations

import streamlit as st

from ui.data import data_files_changed
from ui.sidebar import LINK_MESSAGES
from utils.core.escaping import escape_text
from utils.data.csv_write import spreadsheet_csv_bytes
from utils.data.dataset import Dataset
from utils.data.live import Fault

RECHECK_SECONDS = 10
"""How often a page showing a data fault checks whether the files were fixed."""


def show_data_status(dataset: Dataset) -> None:
    """A warning when rows were set aside, with the reasons and a download of those rows."""
    for message in st.session_state.pop(LINK_MESSAGES, []):
        st.warning(escape_text(message), icon=":material/link_off:")
    load = dataset.load
    if not load.problems:
        return
    with st.expander(f"{len(load.rejected)} row(s) of {escape_text(load.file)} were set aside: "
                     "see why and download them", icon=":material/warning:"):
        st.dataframe(load.problem_table, hide_index=True)
        st.download_button("Download the rows set aside (CSV)", spreadsheet_csv_bytes(load.rejected),
                           file_name="events_set_aside.csv", mime="text/csv", on_click="ignore")


def fault_text(fault: Fault, *, have_data: bool) -> str:
    """What is wrong with the data files and since when, as inert Markdown."""
    since = fault.since.strftime("%Y-%m-%d %H:%M:%S UTC")
    then = ("Showing the last good data until the file is fixed; the page reloads by itself then."
            if have_data else "There is no data to show until the file is fixed; the page reloads by itself then.")
    return f"The data files have a problem since {escape_text(since)}: {escape_text(fault.message)} {then}"


@st.fragment(run_every=RECHECK_SECONDS)
def _reload_when_fixed() -> None:
    if data_files_changed():
        st.rerun(scope="app")


def show_data_fault(fault: Fault | None, *, have_data: bool) -> None:
    """Say what is wrong with the data files and since when, and watch for the fix."""
    if fault is None:
        return
    if have_data:
        st.warning(fault_text(fault, have_data=True), icon=":material/sync_problem:")
    else:
        st.error(fault_text(fault, have_data=False), icon=":material/error:")
    _reload_when_fixed()
