"""Claims page: reports of the same incident side by side, with their independent sources."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from ui.page_data import filter_key
from ui.view import View, current_view, show_caption
from utils.analysis.claims import corroboration_note, incidents_table
from utils.core.escaping import escape_text
from utils.core.presentation import date_text, date_texts
from utils.core.schema import DISPLAY_LABELS
from utils.data.incidents import CLAIM_COLUMNS

TABLE_LIMIT = 500
"""Most incidents listed (the most reported first)."""
CARD_LIMIT = 8
"""Most reports of one incident drawn side by side (the earliest first); the rest are listed below them."""
LIST_LIMIT = 200


@st.cache_data(max_entries=16, show_spinner=False)
def _incidents(key: str, _view: View, _rows: np.ndarray) -> pd.DataFrame:
    return incidents_table(_view.dataset.events, _rows)


@st.cache_data(max_entries=32, show_spinner=False)
def _reports(key: str, incident: str, _view: View, _rows: np.ndarray) -> tuple[pd.DataFrame, int]:
    """The shown reports of ``incident`` (the first :data:`LIST_LIMIT` by date) and how many there are."""
    events = _view.dataset.events
    positions = np.flatnonzero(_rows & (events["incident"] == incident).to_numpy(dtype=bool, na_value=False))
    columns = [c for c in (*CLAIM_COLUMNS, "event_type") if c in events.columns]
    reports = events[columns].iloc[positions].sort_values(["event_date", "event_id"], kind="stable")
    return reports.head(LIST_LIMIT), len(positions)


view = current_view()
st.title("Claims side by side")
st.write("Reports of the same incident (the same kind of event, at the same place, in overlapping "
         "date windows, from different articles, or linked by the data's incident id) are grouped, so "
         "that who said what, and when, can be read together. A claim is never merged into a fact.")
show_caption(view)

rows = view.mask
table = _incidents(filter_key(view), view, rows)
st.subheader(f"{len(table):,} incident(s) reported more than once")
if view.filter.corroborated_only:  # say why the others are not corroborated: the view without that toggle
    others = View(view.dataset, view.filter.with_changes(corroborated_only=False), view.folder)
    note = corroboration_note(_incidents(filter_key(others), others, others.mask))
else:
    note = corroboration_note(table)
if note:
    st.info(escape_text(note), icon=":material/info:")
if table.empty:
    st.stop()
corroborated = int((table["independent_sources"] >= 2).sum())
if corroborated:
    st.caption(f"{corroborated:,} of them are reported by two or more independent sources (different outlets).")
listed = table.head(TABLE_LIMIT)
if len(table) > len(listed):
    st.caption(f"The first {len(listed):,} of {len(table):,}, the most reported first.")
st.dataframe(listed.drop(columns=["first_date", "last_date"]), hide_index=True, width="stretch", column_config={
    "name": st.column_config.TextColumn("Incident (what · where · when)", width="large"),
    "reports": st.column_config.NumberColumn("Reports", format="%d", width="small"),
    "independent_sources": st.column_config.NumberColumn("Independent sources", format="%d", width="small",
                                                         help="Different outlets among its reports"),
    "outlets": st.column_config.TextColumn("Reported by", width="medium"),
    "statuses": "Statuses",
    "claimants": st.column_config.TextColumn("Claimed by", width="medium"),
    "incident": "Incident id"})
names = dict(zip(listed["incident"], listed["name"]))
chosen = st.selectbox("Read the claims of", list(names), key="incident_picker", persist_state="session",
                      format_func=names.get)
claims, count = _reports(filter_key(view), chosen, view, rows)
independent = int(listed.loc[listed["incident"] == chosen, "independent_sources"].iloc[0])
st.caption(escape_text(f"{count:,} reports from {independent} independent source(s)"))
cards = claims.head(CARD_LIMIT)
columns = st.columns(min(len(cards), 4))
for number, claim in enumerate(cards.to_dict("records")):
    with columns[number % len(columns)].container(border=True):
        st.markdown(f"**{escape_text(claim['claimed_by'])}**")
        st.caption(escape_text(f"reported by {claim['source']} ({claim['doc_id']}), "
                               f"{date_text(claim['event_date'], claim['date_precision'])}"))
        what = claim["sub_event_type"] if claim["sub_event_type"] != "Other" else f"{claim['event_type']} (other)"
        st.markdown(escape_text(f"{what} · {claim['location']} · status: {claim['status']}"))
        st.markdown(escape_text(claim["notes"]))
        st.caption(escape_text(claim["event_id"]))
if count > len(cards):
    st.caption(f"Side by side above: the first {len(cards):,} of the {count:,} reports, earliest first. "
               + ("All of them below:" if count <= LIST_LIMIT else f"Below, the first {len(claims):,}:"))
    st.dataframe(claims.assign(event_date=date_texts(claims)),
                 hide_index=True, width="stretch", column_config={c: DISPLAY_LABELS.get(c, c) for c in claims.columns})
