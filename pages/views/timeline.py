"""Timeline page: events over time; select a span on the chart to set the date window everywhere."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ui.sidebar import date_bounds, set_date_window
from ui.view import current_view, show_caption
from utils.analysis.facets import column_counts
from utils.analysis.timeline import period_counts, window_bars
from utils.core.schema import DISPLAY_LABELS
from utils.map.mapping import category_colors

CHART_KEY = "timeline_chart"
MAX_BARS = 2000
SELECTION = "window"

view = current_view()
st.title("Timeline")
show_caption(view)

left, right = st.columns(2)
period = left.segmented_control("Count by", ["week", "month"], default="month", key="timeline_period") or "month"
stack_by = right.segmented_control("Stack by", ["event_type", "source", "claimed_by", "status"],
                                   default="event_type", key="timeline_stack",
                                   format_func=lambda c: DISPLAY_LABELS[c]) or "event_type"


def _selected() -> None:
    """Set the date window from the span selected on the chart."""
    state = st.session_state.get(CHART_KEY) or {}
    span = (state.get("selection") or {}).get(SELECTION) or {}
    values = next(iter(span.values()), None) if span else None
    if values and len(values) == 2:
        start, end = (pd.to_datetime(v, unit="ms").date() for v in sorted(values))
        set_date_window(start, end, date_bounds(view.dataset.events))


counts = period_counts(view.shown, period, stack_by)
bars = window_bars(view.shown, stack_by)
if len(bars) > MAX_BARS:  # one bar per event stops being readable (and light) long before a million
    coarse = bars[bars["precision"] != "day"]
    bars = coarse.head(MAX_BARS)
    st.caption(f"{len(view.shown):,} events: the lower chart shows the first {len(bars):,} of the "
               f"{len(coarse):,} with coarse dates; counts above include every event dated to the {period} or better.")
brush = alt.selection_interval(name=SELECTION, encodings=["x"])
label = DISPLAY_LABELS[stack_by]
palette = category_colors(column_counts(view.dataset, stack_by).index, stack_by)
color_scale = alt.Scale(domain=list(palette), range=list(palette.values()))
x_scale = alt.Scale(domain=[bars["start"].min(), bars["end"].max()]) if len(bars) else alt.Undefined
count_chart = alt.Chart(counts).mark_bar().encode(
    x=alt.X("period_start:T", title=None, scale=x_scale),
    y=alt.Y("count:Q", title=f"events per {period}"),
    color=alt.Color("category:N", title=label, scale=color_scale),
    tooltip=[alt.Tooltip("period_start:T", title=period.capitalize()), alt.Tooltip("category:N", title=label),
             "count:Q"],
).add_params(brush).properties(height=220)
window_chart = alt.Chart(bars).mark_bar(height=6).encode(
    x=alt.X("start:T", title="date window of each event (bars: dates known only to the week, month or year)",
            scale=x_scale),
    x2="end:T",
    y=alt.Y("event_id:N", sort=list(bars["event_id"]), axis=None),
    color=alt.Color("category:N", title=label, scale=color_scale),
    tooltip=["label:N", "precision:N", alt.Tooltip("start:T", title="from"), alt.Tooltip("end:T", title="until")],
).properties(height=max(120, 9 * len(bars)))
st.altair_chart(alt.vconcat(count_chart, window_chart).resolve_scale(color="shared"), key=CHART_KEY,
                on_select=_selected, selection_mode=[SELECTION], width="stretch")
st.caption("Drag across the upper chart to set the date window on every page. Counts include the events "
           f"dated at least to the {period}; every event also appears below as a bar over its date window.")
