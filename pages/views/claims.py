"""Claims page: reports of the same incident side by side, with their independent sources."""

from __future__ import annotations

import streamlit as st

from ui.view import current_view, show_caption
from utils.core.escaping import escape_text
from utils.core.presentation import date_text
from utils.data.incidents import claims_of, incidents_table

view = current_view()
st.title("Claims side by side")
st.write("Reports of the same incident (the same kind of event, at the same place, in overlapping "
         "date windows, from different articles, or linked by the data's incident id) are grouped, so "
         "that who said what, and when, can be read together. A claim is never merged into a fact.")
show_caption(view)

table = incidents_table(view.shown)
several = table[table["reports"] >= 2]
st.subheader(f"{len(several)} incident(s) reported more than once")
if several.empty:
    st.info("No incident among the shown events has more than one report.")
else:
    st.dataframe(several, hide_index=True, column_config={
        "incident": "Incident", "first_date": st.column_config.DateColumn("From", format="YYYY-MM-DD"),
        "last_date": st.column_config.DateColumn("To", format="YYYY-MM-DD"), "place": "Place",
        "reports": "Reports", "independent_sources": "Independent sources", "statuses": "Statuses",
        "claimants": "Claimed by"})
    chosen = st.selectbox("Read the claims of", several["incident"].tolist(), key="incident_picker",
                          format_func=lambda key: f"{key}: {several.set_index('incident').loc[key, 'place']}")
    claims = claims_of(view.shown, chosen)
    independent = int(view.shown.loc[view.shown["incident"] == chosen, "independent_sources"].max())
    st.caption(escape_text(f"{len(claims)} reports from {independent} independent source(s)"))
    columns = st.columns(min(len(claims), 4))
    for number, claim in enumerate(claims.to_dict("records")):
        with columns[number % len(columns)].container(border=True):
            st.markdown(f"**{escape_text(claim['claimed_by'])}**")
            st.caption(escape_text(f"reported by {claim['source']} ({claim['doc_id']}), "
                                   f"{date_text(claim['event_date'], claim['date_precision'])}"))
            st.markdown(escape_text(f"{claim['sub_event_type']} at {claim['location']}; status: {claim['status']}"))
            st.markdown(escape_text(claim["notes"]))
            st.caption(escape_text(claim["event_id"]))
