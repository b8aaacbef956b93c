"""Bases page: for each base, the shown events within a distance, over one shared time axis, by type and by source."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from ui.page_data import filter_key
from ui.sidebar import date_bounds
from ui.view import View, current_view, show_caption
from utils.analysis.per_base import BaseSummary, base_summary
from utils.analysis.timeline import time_axis
from utils.core.escaping import escape_text
from utils.core.presentation import date_texts
from utils.core.schema import DISPLAY_LABELS

LIST_LIMIT = 100
"""Most events listed per base (the nearest)."""
AXIS_PX = 40
"""Width of every chart's count axis, so the time axes line up."""
BAR_COLOR = "#3b5b92"


@st.cache_data(max_entries=16, show_spinner=False)
def _summaries(key: str, radius_km: float, _view: View, _rows: np.ndarray) -> list[BaseSummary]:
    return [base_summary(_view.dataset.events, site_id, radius_km, _rows, list_limit=LIST_LIMIT)
            for site_id in _view.dataset.sites["site_id"]]


def _share(container, table: pd.DataFrame, label: str, near: int) -> None:
    container.dataframe(table, hide_index=True, width="stretch", column_config={
        "value": st.column_config.TextColumn(label, width="medium"),
        "events": st.column_config.ProgressColumn("Events", format="%d", min_value=0, max_value=max(near, 1),
                                                  width="small")})


view = current_view()
st.title("Around each base")
show_caption(view)
radius = st.slider("Within (km of each base)", 1, 300, 50, key="bases_radius", persist_state="session",
                   help="Great-circle distance from the base's position in sites.geojson.")

summaries = _summaries(filter_key(view), float(radius), view, view.mask)
low, high = date_bounds(view.dataset.events)
first, last = view.filter.start or low, view.filter.end or high
time_scale = alt.Scale(domain=[pd.Timestamp(first).isoformat(), (pd.Timestamp(last) + pd.Timedelta(days=1)).isoformat()])
sites = view.dataset.sites.to_dict("records")

st.subheader("Events per month near each base")
st.caption(f"One time axis for every base ({first:%Y-%m-%d} to {last:%Y-%m-%d}), so they can be compared; each has "
           "its own count scale. Months count the shown events dated at least to the month.")
for site, summary in zip(sites, summaries):
    chart = alt.Chart(summary.monthly).mark_rect(color=BAR_COLOR).encode(
        x=alt.X("period_start:T", title=None, scale=time_scale,
                axis=alt.Axis(**time_axis(first, last), labelOverlap=True)), x2="period_end:T",
        y=alt.Y("count:Q", title=None, axis=alt.Axis(minExtent=AXIS_PX, maxExtent=AXIS_PX, tickMinStep=1)),
        y2=alt.datum(0),
        tooltip=[alt.Tooltip("period_start:T", title="month", format="%B %Y"),
                 alt.Tooltip("count:Q", title="events", format=",")],
    ).properties(height=110)
    st.markdown(f"**{escape_text(site['name'])}**: {summary.near:,} shown event(s) within {radius} km")
    st.altair_chart(chart, width="stretch", key=f"base_chart_{site['site_id']}")

for row_start in range(0, len(sites), 2):
    columns = st.columns(2, gap="medium")
    for column, site, summary in zip(columns, sites[row_start:row_start + 2], summaries[row_start:row_start + 2]):
        with column.container(border=True):
            st.subheader(escape_text(site["name"]))
            st.caption(escape_text(f"{summary.near:,} shown event(s) within {radius} km; {site['operator']}"))
            if not summary.near:
                st.info("No shown event this close.")
                continue
            _share(st, summary.by_type, DISPLAY_LABELS["sub_event_type"], summary.near)
            _share(st, summary.by_source, DISPLAY_LABELS["source"], summary.near)
            nearest = summary.nearest.assign(event_date=date_texts(summary.nearest))[
                ["event_id", "km", "event_date", "sub_event_type", "status"]]
            st.caption(f"The nearest {len(nearest):,} of {summary.near:,}, nearest first:"
                       if summary.near > len(nearest) else "Nearest first:")
            st.dataframe(nearest, hide_index=True, width="stretch", column_config={
                "event_id": DISPLAY_LABELS["event_id"],
                "km": st.column_config.NumberColumn("km", format="%.1f", width="small"),
                "event_date": st.column_config.TextColumn(DISPLAY_LABELS["event_date"], width="medium"),
                "sub_event_type": DISPLAY_LABELS["sub_event_type"], "status": DISPLAY_LABELS["status"]})
