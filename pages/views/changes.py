"""Changes page: what changed since an earlier version of the data (added, removed, changed)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from ui.view import current_view
from utils.core.escaping import escape_text
from utils.core.presentation import date_texts
from utils.core.problems import DataFileError
from utils.core.schema import DISPLAY_LABELS
from utils.data.diff import Comparison, compare_versions
from utils.data.snapshots import list_snapshots, load_version, save_snapshot
from utils.data.validation import LoadResult
from utils.data.version_cache import StoredVersion, stored_version, write_version_cache
from utils.importers import native_csv_bytes
from utils.map.mapping import build_base_map, build_change_layer

SHOWN = 1000
"""Most events of each kind drawn on the map and listed, and most changed fields listed."""
LIST_COLUMNS = ["event_id", "event_date", "sub_event_type", "location", "source", "claimed_by", "status"]


@st.cache_resource(max_entries=4, ttl=3600, show_spinner="Comparing with the earlier version...")
def _compare(earlier_key: str, current_version: str, _load: Callable[[], LoadResult | StoredVersion | pd.DataFrame],
             _current: pd.DataFrame) -> tuple[Comparison, str, int]:
    """The comparison of an earlier version with the current events, once per pair of versions.

    Returns the comparison, the earlier file's label and how many of its rows could not be read.
    Shared by every session (read only); at most four pairs are kept, each at most an hour.
    """
    earlier = _load()
    if isinstance(earlier, LoadResult):
        return compare_versions(earlier.events, _current, limit=SHOWN), earlier.file, len(earlier.rejected)
    if isinstance(earlier, StoredVersion):  # read a column at a time from the snapshot's version cache
        return compare_versions(earlier, _current, limit=SHOWN), earlier.file, earlier.set_aside
    return compare_versions(earlier, _current, limit=SHOWN), earlier.attrs["file"], earlier.attrs["set_aside"]


def _snapshot_key(path: Path) -> str:
    stat = path.stat()
    return f"snapshot|{path}|{stat.st_mtime_ns}|{stat.st_size}"


def _list(frame: pd.DataFrame) -> pd.DataFrame:
    """Events as listed: the date said as precisely as it is known."""
    table = frame[[c for c in LIST_COLUMNS if c in frame.columns]].reset_index(drop=True)
    if len(table):
        table["event_date"] = date_texts(frame).to_numpy()
    return table


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
            write_version_cache(view.folder.cache, saved, view.dataset.events)
            st.success(escape_text(f"Saved {saved.name}"))
        except OSError as error:
            st.error(escape_text(f"The snapshot could not be saved in the data folder: {error.strerror}. "
                                 "Ask whoever runs the dashboard to make the folder writable."))
with right:
    upload = st.file_uploader("Or upload an earlier events.csv", type=["csv"], key="earlier_upload")

try:
    if upload is not None:
        content = upload.getvalue()
        result = _compare(f"upload|{upload.name}|{hashlib.sha256(content).hexdigest()}", view.dataset.version,
                          lambda: load_version(content, upload.name), view.dataset.events)
    elif choice is not None:
        result = _compare(_snapshot_key(choice), view.dataset.version,
                          lambda: stored_version(choice, view.folder.cache, worker=True), view.dataset.events)
    else:
        result = None
except (DataFileError, OSError) as error:
    st.error(escape_text(str(error)))
    result = None

if result is None:
    st.info("Choose an earlier version to compare with.")
    st.stop()

comparison, earlier_file, set_aside = result
if set_aside:
    st.warning(escape_text(f"{set_aside:,} row(s) of {earlier_file} could not be read and are left out of the "
                           "comparison."))
counts = st.columns(3)
counts[0].metric("Added", f"{comparison.added:,}")
counts[1].metric("Removed", f"{comparison.removed:,}")
counts[2].metric("Changed", f"{comparison.changed:,}")

layer = build_change_layer(comparison.added_rows, comparison.changed_rows, comparison.removed_rows)
st_folium(build_base_map(view.dataset.basemap, view.dataset.sites), key="changes_map", feature_group_to_add=layer,
          returned_objects=[], use_container_width=True, height=480)
if max(comparison.added, comparison.removed, comparison.changed) > SHOWN:
    st.caption(f"The map draws at most the first {SHOWN:,} events of each kind (in the file's order).")

st.subheader("Changed fields (old -> new)")
listed = comparison.changes.head(SHOWN)
if len(comparison.changes) > len(listed):
    st.caption(f"The first {len(listed):,} of {len(comparison.changes):,} changed fields, by event id.")
st.dataframe(listed.assign(field=listed["field"].map(lambda f: DISPLAY_LABELS.get(f, f))), hide_index=True,
             width="stretch", column_config={"event_id": DISPLAY_LABELS["event_id"], "field": "Field",
                                             "old": "Old", "new": "New"})
for title, frame, total in (("Added", comparison.added_rows, comparison.added),
                            ("Removed", comparison.removed_rows, comparison.removed)):
    st.subheader(title)
    if total > len(frame):
        st.caption(f"The first {len(frame):,} of {total:,}, in the file's order.")
    st.dataframe(_list(frame), hide_index=True, width="stretch",
                 column_config={c: DISPLAY_LABELS.get(c, c) for c in LIST_COLUMNS})
