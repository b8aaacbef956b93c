"""Telling the user about data problems: rows set aside, link parameters ignored."""

from __future__ import annotations

import streamlit as st

from utils.dataset import Dataset
from utils.escaping import escape_text


def show_data_status(dataset: Dataset) -> None:
    """A warning when rows were set aside, with the reasons and a download of those rows."""
    for message in st.session_state.pop("link_messages", []):
        st.warning(escape_text(message), icon=":material/link_off:")
    load = dataset.load
    if not load.problems:
        return
    with st.expander(f"{len(load.rejected)} row(s) of {escape_text(load.file)} were set aside: "
                     "see why and download them", icon=":material/warning:"):
        st.dataframe(load.problem_table, hide_index=True)
        st.download_button("Download the rows set aside (CSV)", load.rejected.to_csv(index=False).encode(),
                           file_name="events_set_aside.csv", mime="text/csv")
