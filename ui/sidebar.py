"""The one sidebar every page shares: the filter widgets, kept in step with the link.

The widgets are drawn from the facet table (:data:`utils.analysis.facets.FACETS`):
one multiselect per facet, its options counted over the events the other
filters keep.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from ui import url_state
from utils.analysis.facets import FACETS, facet_index, facet_options
from utils.analysis.filters import EventFilter, filter_parts
from utils.data.dataset import Dataset
from utils.data.sites import site_names

FILTER_STATE = "event_filter"
_SITE = "f_site"
_RADIUS = "f_radius"
_FLAGS = {"precise_only": ("f_precise", "Precise places only",
                           "Hide events placed only near a town or in a region (place precision 2 or 3)."),
          "corroborated_only": ("f_corroborated", "Corroborated by 2+ independent sources",
                                "Keep incidents that at least two different outlets report."),
          "include_retired": ("f_retired", "Show retired events",
                              "Retired events are kept in the data with the reason; they are hidden unless shown here.")}
DEFAULT_RADIUS_KM = 50.0
_SLIDER = "f_dates"
_DATE_INPUT = "f_date_input"
_INITIALISED = "filters_initialised"
_BOUNDS = "filter_date_bounds"
LINK_MESSAGES = "link_messages"
"""Session-state key: what in the link could not be used (shown by ui/status.py)."""


def date_bounds(events: pd.DataFrame) -> tuple[date, date]:
    """First and last day any event's date window touches."""
    if events.empty:
        today = date.today()
        return today, today
    return events["date_start"].min().date(), events["date_end"].max().date()


def _initialise(dataset: Dataset, bounds: tuple[date, date]) -> None:
    """Set widget state once per session, from the link's parameters if any."""
    wanted, messages = url_state.read_filter()
    wanted, dropped = wanted.restricted_to({**facet_options(dataset), "sites": dataset.sites["site_id"].tolist()})
    low, high = bounds
    start = min(max(wanted.start or low, low), high)
    end = max(min(wanted.end or high, high), low)
    st.session_state[_SLIDER] = (start, end)
    st.session_state[_DATE_INPUT] = (start, end)
    for facet in FACETS:
        st.session_state[facet.widget_key] = list(getattr(wanted, facet.name))
    st.session_state[_SITE] = wanted.near_site
    st.session_state[_RADIUS] = wanted.radius_km or DEFAULT_RADIUS_KM
    for flag, (key, _, _) in _FLAGS.items():
        st.session_state[key] = getattr(wanted, flag)
    st.session_state[LINK_MESSAGES] = messages + dropped
    st.session_state[_INITIALISED] = True


def _follow_new_bounds(bounds: tuple[date, date]) -> None:
    """Keep a window that reached the data's first or last day reaching it when the data grows or shrinks.

    So an event saved or imported after the last date is shown, and a window
    never falls outside the slider's range.
    """
    old_low, old_high = st.session_state.get(_BOUNDS, bounds)
    start, end = st.session_state[_SLIDER]
    low, high = bounds
    start = low if start <= old_low else start
    end = high if end >= old_high else end
    start, end = min(max(start, low), high), max(min(end, high), low)
    if (start, end) != st.session_state[_SLIDER]:
        st.session_state[_SLIDER] = (min(start, end), end)
        st.session_state[_DATE_INPUT] = (min(start, end), end)


def _widget_keys() -> list[str]:
    return [_SLIDER, _DATE_INPUT, _INITIALISED, _BOUNDS, _SITE, _RADIUS,
            *(key for key, _, _ in _FLAGS.values()), *(facet.widget_key for facet in FACETS)]


def forget_filters() -> None:
    """Drop the filter widgets' state and the filters in the link (the events in use changed)."""
    for key in _widget_keys():
        st.session_state.pop(key, None)
    url_state.forget("filter")


def _slider_changed() -> None:
    st.session_state[_DATE_INPUT] = st.session_state[_SLIDER]


def _date_input_changed() -> None:
    value = st.session_state[_DATE_INPUT]
    if isinstance(value, (tuple, list)) and len(value) == 2:
        st.session_state[_SLIDER] = (value[0], value[1])


def set_date_window(start: date, end: date, bounds: tuple[date, date]) -> None:
    """Set the date window from elsewhere (a chart selection), kept inside ``bounds``.

    Call it from a widget callback, before the sidebar is drawn.
    """
    low, high = bounds
    start = min(max(start, low), high)
    end = max(min(end, high), start)
    st.session_state[_SLIDER] = (start, end)
    st.session_state[_DATE_INPUT] = (start, end)


def _reset(bounds: tuple[date, date]) -> None:
    st.session_state[_SLIDER] = bounds
    st.session_state[_DATE_INPUT] = bounds
    for facet in FACETS:
        st.session_state[facet.widget_key] = []
    st.session_state[_SITE] = None
    st.session_state[_RADIUS] = DEFAULT_RADIUS_KM
    for key, _, _ in _FLAGS.values():
        st.session_state[key] = False


def _value_from_widgets() -> EventFilter:
    start, end = st.session_state[_SLIDER]
    site = st.session_state.get(_SITE)
    return EventFilter(start=start, end=end,
                       near_site=site, radius_km=float(st.session_state[_RADIUS]) if site else None,
                       **{flag: bool(st.session_state[key]) for flag, (key, _, _) in _FLAGS.items()},
                       **{facet.name: tuple(st.session_state.get(facet.widget_key) or ()) for facet in FACETS})


def render_sidebar(dataset: Dataset) -> EventFilter:
    """Draw the filters, store the :class:`EventFilter` in session state, mirror it in the link."""
    bounds = date_bounds(dataset.events)
    if not st.session_state.get(_INITIALISED):
        _initialise(dataset, bounds)
    else:
        _follow_new_bounds(bounds)
    st.session_state[_BOUNDS] = bounds
    sidebar = st.sidebar
    sidebar.header("Filters")
    low, high = bounds
    if low < high:
        sidebar.slider("Timeline (date window)", min_value=low, max_value=high, key=_SLIDER,
                       format="YYYY-MM-DD", on_change=_slider_changed,
                       help="Events whose date is known only to the week, month or year are shown "
                            "when that period overlaps the window.")
    sidebar.date_input("Date range", key=_DATE_INPUT, min_value=low, max_value=high,
                       on_change=_date_input_changed, format="YYYY-MM-DD")
    parts = filter_parts(dataset, _value_from_widgets())  # the values chosen so far, for the counts
    for facet in FACETS:
        index = facet_index(dataset, facet)
        counts = dict(zip(index.labels, index.counts(parts.all_but(facet)).tolist()))
        sidebar.multiselect(
            facet.label, list(index.labels), key=facet.widget_key, placeholder="All", help=facet.help,
            format_func=lambda value, counts=counts: f"{value} ({counts.get(value, 0):,})",
        )
    names = site_names(dataset.sites)
    sidebar.selectbox("Near a base", list(names), key=_SITE, format_func=names.get, placeholder="Anywhere",
                      help="Keep events within the distance below of this base (great-circle distance).")
    sidebar.number_input("Distance from the base (km)", min_value=0.5, max_value=1000.0, step=5.0, key=_RADIUS,
                         disabled=st.session_state.get(_SITE) is None)
    for key, label, help_text in _FLAGS.values():
        sidebar.toggle(label, key=key, help=help_text)
    sidebar.button("Reset filters", on_click=_reset, args=(bounds,), width="stretch")
    value = _value_from_widgets()
    st.session_state[FILTER_STATE] = value
    url_state.write_filter(value, open_start=value.start == low, open_end=value.end == high)
    return value
