"""A timeline strip for under the map (as in TimeMap): events over the data's whole span, the window marked.

Light bars count every event, dark bars the shown ones; the shaded band is the
filter's date window. Dragging across the strip sets the date window on every
page. The counts are cached per data version (all events) and per filter
(shown events), so the strip costs a few milliseconds at a million events.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

from ui.page_data import filter_key
from ui.sidebar import date_bounds, set_date_window
from ui.view import View
from utils.analysis.timeline import period_totals, strip_period, time_axis

__all__ = ["STRIP_KEY", "selected_window", "show_timeline_strip", "strip_spec"]

STRIP_KEY = "timeline_strip"
_SELECTION = "strip_window"
_ALL_COLOR = "#c9ced6"
_SHOWN_COLOR = "#3b5b92"
_WINDOW_COLOR = "#f2a900"
_WANTED = "timeline_strip_window"
"""The window a drag on the strip asked for, until a run of the whole app shows it."""
_DEFERRED = "timeline_strip_deferred"
"""Set once the session's first run has kept the strip's place (see ``show_timeline_strip``'s ``after_first_run``)."""
_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
"""The Vega-Lite version Altair 6 writes (the strip is written as a spec: building it with Altair cost
0.1-0.3 s of every run of the map page, most of it Altair checking the spec against its schema)."""


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


def show_timeline_strip(view: View, *, height: int = 80, after_first_run: bool = False) -> None:
    """Draw the strip for ``view``: one call under the map. ``after_first_run``: on the session's first run keep
    its place (``height`` px, empty) and draw it from the next run on, which the map's first report asks for at
    once; a new browser then fetches and parses the chart's code (Vega, 775 KB) after the map has started, not
    before it. The counts are made (and cached) in that first run too, so the server's warm run makes them."""
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
    keep_place = after_first_run and not st.session_state.get(_DEFERRED)
    st.session_state[_DEFERRED] = True
    if keep_place:
        st.html(f'<div class="timeline-strip-to-come" style="height: {int(height) + 28}px"></div>')
        return
    st.vega_lite_chart(spec=strip_spec(every, shown, low, high, start, end, period, height=height),
                       key=STRIP_KEY, on_select=_selected, selection_mode=[_SELECTION], width="stretch")
    st.caption(f"Events per {period} over the whole data (light) and those shown (dark); the shaded band is the "
               f"date window, {start:%Y-%m-%d} to {end:%Y-%m-%d}. Drag across the strip to set the window.")


def _dataset_name(frame: pd.DataFrame) -> str:
    """A name that changes with the frame's content (as Altair names a chart's data), so new data redraws."""
    digest = hashlib.md5(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    digest.update(",".join(frame.columns).encode())
    return digest.hexdigest()


def strip_spec(every: pd.DataFrame, shown: pd.DataFrame, low: date, high: date, start: date, end: date,
               period: str, *, height: int = 80) -> dict:
    """The strip's Vega-Lite spec: bars of ``every`` (light) and ``shown`` (dark) per ``period`` (frames of
    :func:`utils.analysis.timeline.period_totals`) over ``low`` .. ``high``, the ``start`` .. ``end`` window
    shaded, and an interval selection across x (a drag) named ``strip_window``. The frames travel in
    ``datasets`` (Streamlit sends them as Arrow)."""
    window = pd.DataFrame({"start": [pd.Timestamp(start)], "end": [pd.Timestamp(end) + pd.Timedelta(days=1)]})
    domain = [pd.Timestamp(low).isoformat(), (pd.Timestamp(high) + pd.Timedelta(days=1)).isoformat()]
    axis = {**time_axis(low, high), "grid": False, "labelOverlap": True, "title": None}
    top = max(1, int(every["count"].max()) if len(every) else 1)
    tooltip = [{"field": "period_start", "format": "%d %b %Y", "title": f"{period} from", "type": "temporal"},
               {"field": "count", "format": ",", "title": "events", "type": "quantitative"}]

    def bars(frame: pd.DataFrame, color: str) -> dict:
        return {"data": {"name": _dataset_name(frame)}, "mark": {"type": "rect", "color": color},
                "encoding": {"tooltip": tooltip,
                             "x": {"axis": axis, "field": "period_start", "scale": {"domain": domain},
                                   "type": "temporal"},
                             "x2": {"field": "period_end"},
                             "y": {"axis": {"domain": False, "grid": False, "labels": False, "ticks": False},
                                   "field": "count", "scale": {"domain": [0, top]}, "title": None,
                                   "type": "quantitative"},
                             "y2": {"datum": 0}}}

    band = {"data": {"name": _dataset_name(window)},
            "mark": {"type": "rect", "color": _WINDOW_COLOR, "opacity": 0.18, "stroke": _WINDOW_COLOR,
                     "strokeWidth": 1},
            "encoding": {"x": {"axis": axis, "field": "start", "scale": {"domain": domain}, "type": "temporal"},
                         "x2": {"field": "end"}}}
    layers = [band, bars(every, _ALL_COLOR), {**bars(shown, _SHOWN_COLOR), "name": "view_1"}]
    return {"layer": layers, "height": height,
            "params": [{"name": _SELECTION, "select": {"type": "interval", "encodings": ["x"]}, "views": ["view_1"]}],
            "$schema": _SCHEMA,
            "datasets": {layer["data"]["name"]: frame for layer, frame in zip(layers, (window, every, shown))}}
