"""Timeline page: events over time; select a span on the chart to set the date window everywhere."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from ui.page_data import filter_key
from ui.sidebar import date_bounds, set_date_window
from ui.timeline_strip import selected_window
from ui.view import View, current_view, show_caption
from utils.analysis.facets import column_counts
from utils.analysis.timeline import Bars, period_counts, time_axis, window_bars
from utils.core.schema import DISPLAY_LABELS
from utils.map.mapping import category_colors

CHART_KEY = "timeline_chart"
SELECTION = "window"
BAR_LIMIT = 50
"""Most events drawn one by one in the lower chart (one labelled row of BAR_PX each)."""
BAR_PX = 20
LABEL_PX = 250
"""Width of both charts' y axes (the event labels of the lower one), so the time axes line up."""


@st.cache_data(max_entries=16, show_spinner=False)
def _counts(key: str, period: str, stack_by: str, _view: View, _rows: np.ndarray) -> pd.DataFrame:
    return period_counts(_view.dataset.events, period, stack_by, rows=_rows)


@st.cache_data(max_entries=16, show_spinner=False)
def _bars(key: str, stack_by: str, coarse_only: bool, _view: View, _rows: np.ndarray) -> Bars:
    return window_bars(_view.dataset.events, stack_by, rows=_rows, limit=BAR_LIMIT, coarse_only=coarse_only)


view = current_view()
st.title("Timeline")
show_caption(view)

left, middle, right = st.columns([2, 3, 3])
period = left.segmented_control("Count by", ["week", "month"], default="month", key="timeline_period",
                                persist_state="session") or "month"
stack_by = middle.segmented_control("Stack by", ["event_type", "source", "claimed_by", "status"],
                                    default="event_type", key="timeline_stack", persist_state="session",
                                    format_func=lambda c: DISPLAY_LABELS[c]) or "event_type"
bars_for = right.segmented_control(
    "Bars below for", ["coarse", "all"], default="coarse", key="timeline_bars", persist_state="session",
    format_func={"coarse": "dates known to the week, month or year", "all": "every event"}.get,
    help="The counts above leave out events dated less precisely than the bin; the bars show every event's "
         "date window.") or "coarse"


def _selected() -> None:
    """Set the date window from the span selected on the chart."""
    window = selected_window(st.session_state.get(CHART_KEY), SELECTION)
    if window:
        set_date_window(*window, date_bounds(view.dataset.events))


rows = view.mask
key = filter_key(view)
counts = _counts(key, period, stack_by, view, rows)
bars = _bars(key, stack_by, bars_for == "coarse", view, rows)
low, high = date_bounds(view.dataset.events)
first, last = view.filter.start or low, view.filter.end or high
label = DISPLAY_LABELS[stack_by]
palette = category_colors(column_counts(view.dataset, stack_by).index, stack_by)
color_scale = alt.Scale(domain=list(palette), range=list(palette.values()))
# both charts: the same dates across, and y axes of the same width, so their time axes line up
x_scale = alt.Scale(domain=[pd.Timestamp(first).isoformat(), (pd.Timestamp(last) + pd.Timedelta(days=1)).isoformat()])


def _x_axis(title: str | None) -> alt.Axis:
    return alt.Axis(**time_axis(first, last), labelOverlap=True, title=title)


def _y_axis(**options) -> alt.Axis:
    return alt.Axis(minExtent=LABEL_PX, maxExtent=LABEL_PX, **options)


count_chart = alt.Chart(counts).mark_rect().encode(
    x=alt.X("period_start:T", scale=x_scale, axis=_x_axis(None)), x2="period_end:T",
    y=alt.Y("lower:Q", title=None, axis=_y_axis()), y2="upper:Q",
    color=alt.Color("category:N", title=label, scale=color_scale, legend=alt.Legend(orient="top", columns=4)),
    tooltip=[alt.Tooltip("period_start:T", title=f"{period.capitalize()} from", format="%d %b %Y"),
             alt.Tooltip("category:N", title=label), alt.Tooltip("count:Q", title="events", format=",")],
).add_params(alt.selection_interval(name=SELECTION, encodings=["x"])).properties(height=300)
st.markdown(f"**Events per {period}**, by {label.lower()}")
st.altair_chart(count_chart, key=CHART_KEY, on_select=_selected, selection_mode=[SELECTION], width="stretch")
window_chart = alt.Chart(bars.frame).mark_bar(height=BAR_PX - 6).encode(
    x=alt.X("start:T", scale=x_scale, axis=_x_axis("each event's date window (earliest first)")),
    x2="end:T",
    y=alt.Y("label:N", sort=list(bars.frame["label"]), title=None,
            axis=_y_axis(labelLimit=LABEL_PX - 10, labelOverlap=False)),
    color=alt.Color("category:N", title=label, scale=color_scale, legend=None),
    tooltip=[alt.Tooltip("label:N", title="event"), alt.Tooltip("precision:N", title="date known to the"),
             alt.Tooltip("start:T", title="from", format="%d %b %Y"),
             alt.Tooltip("end:T", title="until (exclusive)", format="%d %b %Y")],
).properties(height=alt.Step(BAR_PX))  # one row of BAR_PX per event, however many
st.altair_chart(window_chart, key="timeline_bars_chart", width="stretch")
what = "events dated only to the week, month or year" if bars_for == "coarse" else "events"
if not bars.total:
    st.caption(f"No shown {what}: the lower chart is empty.")
elif bars.note:
    st.caption(f"The lower chart shows {bars.note} shown {what}, earliest first; narrow the filters or the "
               "date window (drag across the upper chart) to see others.")
else:
    st.caption(f"The lower chart shows all {bars.total:,} shown {what}.")
st.caption("Drag across the upper chart to set the date window on every page. Counts include the events dated "
           f"at least to the {period}.")
