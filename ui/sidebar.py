"""The one sidebar every page shares: the filter widgets, kept in step with the URL."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from utils.dataset import Dataset, facet_options
from utils.filters import EventFilter

FILTER_STATE = "event_filter"
_KEYS = {"sources": "f_sources", "claimants": "f_claimants", "event_types": "f_types", "statuses": "f_statuses"}
_LABELS = {"sources": "Source (outlet that published the report)", "claimants": "Claimed by",
           "event_types": "Event type", "statuses": "Status"}
_SLIDER = "f_dates"
_DATE_INPUT = "f_date_input"
_INITIALISED = "filters_initialised"


def date_bounds(events: pd.DataFrame) -> tuple[date, date]:
    """First and last day any event's date window touches."""
    if events.empty:
        today = date.today()
        return today, today
    return events["date_start"].min().date(), events["date_end"].max().date()


def _initialise(dataset: Dataset, options: dict[str, list[str]], bounds: tuple[date, date]) -> None:
    """Set widget state once per session, from the link's query parameters if any."""
    wanted, messages = EventFilter.from_query(st.query_params.to_dict() | {
        k: st.query_params.get_all(k) for k in ("source", "claimant", "type", "status")})
    wanted, dropped = wanted.restricted_to({**options, "sites": dataset.sites["site_id"].tolist()})
    low, high = bounds
    start = min(max(wanted.start or low, low), high)
    end = max(min(wanted.end or high, high), low)
    st.session_state[_SLIDER] = (start, end)
    st.session_state[_DATE_INPUT] = (start, end)
    for name, key in _KEYS.items():
        st.session_state[key] = list(getattr(wanted, name))
    st.session_state["link_messages"] = messages + dropped
    st.session_state[_INITIALISED] = True


def forget_filters() -> None:
    """Drop the filter widgets' state and the filters in the URL (the events in use changed)."""
    for key in (_SLIDER, _DATE_INPUT, _INITIALISED, *_KEYS.values()):
        st.session_state.pop(key, None)
    for key in ("start", "end", "source", "claimant", "type", "status", "site", "radius_km", "retired"):
        if key in st.query_params:
            del st.query_params[key]


def _slider_changed() -> None:
    st.session_state[_DATE_INPUT] = st.session_state[_SLIDER]


def _date_input_changed() -> None:
    value = st.session_state[_DATE_INPUT]
    if isinstance(value, (tuple, list)) and len(value) == 2:
        st.session_state[_SLIDER] = (value[0], value[1])


def _reset(bounds: tuple[date, date]) -> None:
    st.session_state[_SLIDER] = bounds
    st.session_state[_DATE_INPUT] = bounds
    for key in _KEYS.values():
        st.session_state[key] = []


def render_sidebar(dataset: Dataset) -> EventFilter:
    """Draw the filters, store the :class:`EventFilter` in session state, mirror it in the URL."""
    events = dataset.events
    options = facet_options(events)
    bounds = date_bounds(events)
    if not st.session_state.get(_INITIALISED):
        _initialise(dataset, options, bounds)
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
    counts = {name: events[column].value_counts().to_dict() for name, column in
              (("sources", "source"), ("claimants", "claimed_by"), ("event_types", "event_type"),
               ("statuses", "status"))}
    for name, key in _KEYS.items():
        sidebar.multiselect(
            _LABELS[name], options[name], key=key, placeholder="All",
            format_func=lambda value, name=name: f"{value} ({counts[name].get(value, 0)})",
        )
    sidebar.button("Reset filters", on_click=_reset, args=(bounds,), width="stretch")
    start, end = st.session_state[_SLIDER]
    value = EventFilter(start=start, end=end,
                        **{name: tuple(st.session_state[key]) for name, key in _KEYS.items()})
    st.session_state[FILTER_STATE] = value
    _mirror_in_url(value, bounds)
    return value


def _mirror_in_url(value: EventFilter, bounds: tuple[date, date]) -> None:
    query = value.to_query()
    if value.start == bounds[0]:
        query.pop("start", None)
    if value.end == bounds[1]:
        query.pop("end", None)
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    wanted = {k: (v if isinstance(v, list) else [v]) for k, v in query.items()}
    keep = {k: v for k, v in current.items() if k not in ("start", "end", "source", "claimant", "type", "status")}
    if current != {**keep, **wanted}:
        st.query_params.from_dict({**{k: (v[0] if len(v) == 1 else v) for k, v in keep.items()}, **query})
