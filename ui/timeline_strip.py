"""A timeline strip for under the map (as in TimeMap): events over the data's whole span, the window marked.

Light bars count every event, dark bars the shown ones; the shaded band is the
filter's date window. Dragging across the strip sets the date window on every
page. The counts are cached per data version (all events) and per filter
(shown events), so the strip costs a few milliseconds at a million events.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from ui.page_data import filter_key
from ui.sidebar import date_bounds, set_date_window
from ui.view import View
from utils.analysis.timeline import period_totals, strip_period, time_axis

__all__ = ["STRIP_KEY", "selected_window", "show_timeline_strip"]

STRIP_KEY = "timeline_strip"
_SELECTION = "strip_window"
_ALL_COLOR = "#c9ced6"
_SHOWN_COLOR = "#3b5b92"
_WINDOW_COLOR = "#f2a900"
_WANTED = "timeline_strip_window"
"""The window a drag on the strip asked for, until a run of the whole app shows it."""


def selected_window(state: Mapping | None, selection: str) -> tuple[date, date] | None:
    """The (first, last) days of the span dragged on an Altair chart, from its widget ``state``; None if none."""
    span = ((state or {}).get("selection") or {}).get(selection) or {}
    values = next(iter(span.values()), None) if span else None
    if not values or len(values) != 2:
        return None
    first, last = (pd.to_datetime(v, unit="ms").date() for v in sorted(values))
    return first, last


@st.cache_data(max_entries=4, show_spinner=False)
def _all_counts(version: str, period: str, _view: View) -> pd.DataFrame:
    return period_totals(_view.dataset.events, period)


@st.cache_data(max_entries=32, show_spinner=False)
def _shown_counts(key: str, period: str, _view: View, _rows: np.ndarray) -> pd.DataFrame:
    return period_totals(_view.dataset.events, period, rows=_rows)


def show_timeline_strip(view: View, *, height: int = 80) -> None:
    """Draw the strip for ``view``: one call under the map."""
    wanted = st.session_state.pop(_WANTED, None)
    if wanted is not None and wanted != (view.filter.start, view.filter.end):
        st.rerun(scope="app")  # drawn in a fragment (the map's): the whole app follows the new window (once)
    low, high = date_bounds(view.dataset.events)
    if low >= high:
        return

    def _selected() -> None:
        window = selected_window(st.session_state.get(STRIP_KEY), _SELECTION)
        if window:
            set_date_window(*window, (low, high))
            st.session_state[_WANTED] = window

    period = strip_period(low, high)
    every = _all_counts(view.dataset.version, period, view)
    shown = _shown_counts(filter_key(view), period, view, view.mask)
    start, end = view.filter.start or low, view.filter.end or high
    window = pd.DataFrame({"start": [pd.Timestamp(start)], "end": [pd.Timestamp(end) + pd.Timedelta(days=1)]})
    scale = alt.Scale(domain=[pd.Timestamp(low).isoformat(), (pd.Timestamp(high) + pd.Timedelta(days=1)).isoformat()])
    axis = alt.Axis(**time_axis(low, high), labelOverlap=True, title=None, grid=False)
    x = alt.X("period_start:T", scale=scale, axis=axis)
    y = alt.Y("count:Q", title=None, axis=alt.Axis(labels=False, ticks=False, grid=False, domain=False),
              scale=alt.Scale(domain=[0, max(1, int(every["count"].max()) if len(every) else 1)]))
    tooltip = [alt.Tooltip("period_start:T", title=f"{period} from", format="%d %b %Y"),
               alt.Tooltip("count:Q", title="events", format=",")]
    band = alt.Chart(window).mark_rect(color=_WINDOW_COLOR, opacity=0.18, stroke=_WINDOW_COLOR, strokeWidth=1).encode(
        x=alt.X("start:T", scale=scale, axis=axis), x2="end:T")
    all_bars = alt.Chart(every).mark_rect(color=_ALL_COLOR).encode(
        x=x, x2="period_end:T", y=y, y2=alt.datum(0), tooltip=tooltip)
    shown_bars = alt.Chart(shown).mark_rect(color=_SHOWN_COLOR).encode(
        x=x, x2="period_end:T", y=y, y2=alt.datum(0), tooltip=tooltip).add_params(
        alt.selection_interval(name=_SELECTION, encodings=["x"]))
    chart = alt.layer(band, all_bars, shown_bars).properties(height=height)
    st.altair_chart(chart, key=STRIP_KEY, on_select=_selected, selection_mode=[_SELECTION], width="stretch")
    st.caption(f"Events per {period} over the whole data (light) and those shown (dark); the shaded band is the "
               f"date window, {start:%Y-%m-%d} to {end:%Y-%m-%d}. Drag across the strip to set the window.")
