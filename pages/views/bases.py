"""Bases page: for each base, the shown events within a distance, over one shared time axis, by type and by source."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from ui.page_data import filter_key, shown_mask
from ui.sidebar import date_bounds
from ui.view import View, current_view, show_caption
from utils.analysis.per_base import BaseSummary, base_summary
from utils.analysis.timeline import axis_format
from utils.core.escaping import escape_text
from utils.core.presentation import date_text
from utils.core.schema import DISPLAY_LABELS

LIST_LIMIT = 100
"""Most events listed per base (the nearest)."""


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
radius = st.slider("Within (km of each base)", 1, 300, 50, key="bases_radius",
                   help="Great-circle distance from the base's position in sites.geojson.")

summaries = _summaries(filter_key(view), float(radius), view, shown_mask(view))
low, high = date_bounds(view.dataset.events)
first, last = view.filter.start or low, view.filter.end or high
time_scale = alt.Scale(domain=[pd.Timestamp(first).isoformat(), (pd.Timestamp(last) + pd.Timedelta(days=1)).isoformat()])
st.caption(f"Every chart spans the same dates ({first:%Y-%m-%d} to {last:%Y-%m-%d}), so the bases can be "
           "compared; each has its own count scale. Months count the events dated at least to the month.")
sites = view.dataset.sites.to_dict("records")
for row_start in range(0, len(sites), 2):
    columns = st.columns(2, gap="medium")
    for column, site, summary in zip(columns, sites[row_start:row_start + 2], summaries[row_start:row_start + 2]):
        with column.container(border=True):
            st.subheader(escape_text(site["name"]))
            st.caption(escape_text(f"{summary.near:,} shown event(s) within {radius} km; {site['operator']}"))
            if not summary.near:
                st.info("No shown event this close.")
                continue
            st.altair_chart(
                alt.Chart(summary.monthly).mark_bar().encode(
                    x=alt.X("period_start:T", title=None, scale=time_scale,
                            axis=alt.Axis(format=axis_format(first, last), labelOverlap=True)),
                    y=alt.Y("count:Q", title="events per month"),
                    tooltip=[alt.Tooltip("period_start:T", title="month", format="%B %Y"),
                             alt.Tooltip("count:Q", title="events", format=",")],
                ).properties(height=140),
                width="stretch", key=f"base_chart_{site['site_id']}")
            _share(st, summary.by_type, DISPLAY_LABELS["sub_event_type"], summary.near)
            _share(st, summary.by_source, DISPLAY_LABELS["source"], summary.near)
            nearest = summary.nearest.assign(event_date=[date_text(d, p) for d, p in zip(
                summary.nearest["event_date"], summary.nearest["date_precision"])]).drop(columns="date_precision")
            if summary.near > len(nearest):
                st.caption(f"The nearest {len(nearest):,} of {summary.near:,}, nearest first:")
            st.dataframe(nearest, hide_index=True, width="stretch", column_config={
                "event_id": DISPLAY_LABELS["event_id"],
                "event_date": st.column_config.TextColumn(DISPLAY_LABELS["event_date"], width="medium"),
                "sub_event_type": DISPLAY_LABELS["sub_event_type"], "claimed_by": DISPLAY_LABELS["claimed_by"],
                "status": DISPLAY_LABELS["status"],
                "km": st.column_config.NumberColumn("km from the base", format="%.1f", width="small")})
