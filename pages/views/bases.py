"""Bases page: for each base, the shown events within a distance, over time, by type and by source."""

from __future__ import annotations

import altair as alt
import streamlit as st

from ui.view import current_view, show_caption
from utils.analysis.per_base import events_near, monthly_counts, share_table
from utils.core.escaping import escape_text
from utils.core.geo import distance_column

view = current_view()
st.title("Around each base")
show_caption(view)
radius = st.slider("Within (km of each base)", 1, 300, 50, key="bases_radius",
                   help="Great-circle distance from the base's position in sites.geojson.")

sites = view.dataset.sites.to_dict("records")
for row_start in range(0, len(sites), 2):
    columns = st.columns(2, gap="medium")
    for column, site in zip(columns, sites[row_start:row_start + 2]):
        near = events_near(view.shown, site["site_id"], radius)
        with column.container(border=True):
            st.subheader(escape_text(site["name"]))
            st.caption(escape_text(f"{len(near)} shown event(s) within {radius} km; {site['operator']}"))
            if near.empty:
                st.info("No shown event this close.")
                continue
            counts = monthly_counts(near)
            st.altair_chart(
                alt.Chart(counts).mark_bar().encode(x=alt.X("month:T", title=None),
                                                    y=alt.Y("count:Q", title="events per month")
                                                    ).properties(height=140),
                width="stretch", key=f"base_chart_{site['site_id']}")
            by_type, by_source = st.columns(2)
            by_type.dataframe(share_table(near, "sub_event_type"), hide_index=True,
                              column_config={"value": "Sub-event type", "events": "Events"})
            by_source.dataframe(share_table(near, "source"), hide_index=True,
                                column_config={"value": "Reported by", "events": "Events"})
            st.dataframe(near[["event_id", "event_date", "sub_event_type", "claimed_by", "status",
                               distance_column(site["site_id"])]], hide_index=True,
                         column_config={"event_date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                                        distance_column(site["site_id"]): st.column_config.NumberColumn(
                                            "km", format="%.1f")})
