"""Changes page: what changed since an earlier version of the data (added, removed, changed)."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from ui.view import current_view
from utils.core.escaping import escape_text
from utils.core.problems import DataFileError
from utils.data.diff import diff_events
from utils.data.snapshots import list_snapshots, load_version, save_snapshot
from utils.importers import native_csv_bytes
from utils.map.mapping import build_base_map, build_change_layer

view = current_view()
st.title("What changed")
st.write("Compare the loaded events with an earlier version: a snapshot saved here before the last "
         "briefing, or an events file you upload. Events are matched by their id.")

folder = view.folder.root  # the served data folder (--data-dir), chosen at start-up
left, right = st.columns(2)
snapshots = list_snapshots(folder)
with left:
    choice = st.selectbox("Saved snapshot", snapshots, format_func=lambda p: p.name, index=None,
                          placeholder="Pick a snapshot" if snapshots else "No snapshot saved yet",
                          key="snapshot_choice")
    if st.button("Save a snapshot of the current data", icon=":material/save:"):
        try:
            saved = save_snapshot(folder, view.dataset.version, content=native_csv_bytes(view.dataset.events))
            st.success(escape_text(f"Saved {saved.name}"))
        except OSError as error:
            st.error(escape_text(f"The snapshot could not be saved in the data folder: {error.strerror}. "
                                 "Ask whoever runs the dashboard to make the folder writable."))
with right:
    upload = st.file_uploader("Or upload an earlier events.csv", type=["csv"], key="earlier_upload")

earlier = None
try:
    if upload is not None:
        earlier = load_version(upload.getvalue(), upload.name)
    elif choice is not None:
        earlier = load_version(choice, choice.name)
except DataFileError as error:
    st.error(escape_text(str(error)))

if earlier is None:
    st.info("Choose an earlier version to compare with.")
    st.stop()

if earlier.problems:
    st.warning(escape_text(f"{len(earlier.rejected)} row(s) of {earlier.file} could not be read and are left "
                           "out of the comparison."))
added, removed, changes = diff_events(earlier.events, view.dataset.events)
changed_ids = changes["event_id"].unique().tolist()
counts = st.columns(3)
counts[0].metric("Added", len(added))
counts[1].metric("Removed", len(removed))
counts[2].metric("Changed", len(changed_ids))

layer = build_change_layer(added, view.dataset.events[view.dataset.events["event_id"].isin(changed_ids)], removed)
st_folium(build_base_map(view.dataset.basemap, view.dataset.sites), key="changes_map", feature_group_to_add=layer,
          returned_objects=[], use_container_width=True, height=480)

st.subheader("Changed fields (old -> new)")
st.dataframe(changes, hide_index=True, column_config={"event_id": "Event", "field": "Field", "old": "Old",
                                                      "new": "New"})
for title, frame in (("Added", added), ("Removed", removed)):
    st.subheader(title)
    st.dataframe(pd.DataFrame(frame)[["event_id", "event_date", "sub_event_type", "location", "source",
                                      "claimed_by", "status"]] if len(frame) else frame, hide_index=True)
