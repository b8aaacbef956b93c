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
from utils.analysis.facets import FACETS, facet_index
from utils.analysis.filters import EventFilter
from utils.analysis.selection import filter_parts, resolved_in
from utils.core.dates import PRESETS, preset_window, slider_range, typed_date
from utils.core.escaping import escape_text
from utils.data.dataset import Dataset
from utils.data.sites import site_names

FILTER_STATE = "event_filter"
_SITE = "f_site"
_RADIUS = "f_radius"
_FLAGS = {"precise_only": ("f_precise", "Precise places only",
                           "Hide events placed only near a town or in a region (place precision 2 or 3)."),
          "corroborated_only": ("f_corroborated", "Corroborated by 2+ independent sources",
                                "Keep incidents that at least two different outlets report."),
          "in_region_only": ("f_region", "Only events inside the region",
                             "Hide points far outside Syria and its neighbours (more than about 300 km away: "
                             "a typo or a placeholder such as 0, 0)."),
          "include_retired": ("f_retired", "Show retired events",
                              "Retired events are kept in the data with the reason; they are hidden unless shown here.")}
DEFAULT_RADIUS_KM = 50.0
_WINDOW = "f_window"
"""Session-state key of the date window (start, end) every date control reads and sets."""
_SLIDER = "f_dates"
_FROM, _TO = "f_from", "f_to"
_PRESET = "f_preset"
_SEARCH = "f_search"
_DATE_ERROR = "f_date_error"
_INITIALISED = "filters_initialised"
_BOUNDS = "filter_date_bounds"
LINK_MESSAGES = "link_messages"
"""Session-state key: what in the link could not be used (shown by ui/status.py)."""


_SLIDER_RANGE = (date(1900, 1, 1), date(2200, 12, 31))
"""Days the date slider can show (Streamlit refuses dates before about 1684); validation keeps events in it."""


def date_bounds(events: pd.DataFrame) -> tuple[date, date]:
    """First and last day any event's date window touches, kept within what the slider can show."""
    first, last = (events["date_start"].min(), events["date_end"].max()) if len(events) else (pd.NaT, pd.NaT)
    if pd.isna(first) or pd.isna(last):
        today = date.today()
        return today, today
    low, high = _SLIDER_RANGE
    return min(max(first.date(), low), high), max(min(last.date(), high), low)


def _set_window(start: date, end: date) -> None:
    """Make ``start`` .. ``end`` the date window of every date control."""
    st.session_state[_WINDOW] = (start, end)
    st.session_state[_FROM] = start.isoformat()
    st.session_state[_TO] = end.isoformat()
    st.session_state.pop(_DATE_ERROR, None)


def _initialise(dataset: Dataset, bounds: tuple[date, date]) -> None:
    """Set widget state once per session, from the link's parameters if any."""
    wanted, messages = url_state.read_filter()
    wanted, dropped = resolved_in(dataset, wanted)
    low, high = bounds
    start = min(max(wanted.start or low, low), high)
    end = max(min(wanted.end or high, high), low)
    _set_window(min(start, end), end)
    for facet in FACETS:
        st.session_state[facet.widget_key] = list(getattr(wanted, facet.name))
    st.session_state[_SEARCH] = wanted.text
    st.session_state[_SITE] = wanted.near_site
    st.session_state[_RADIUS] = wanted.radius_km or DEFAULT_RADIUS_KM
    for flag, (key, _, _) in _FLAGS.items():
        st.session_state[key] = getattr(wanted, flag)
    st.session_state[LINK_MESSAGES] = messages + dropped
    st.session_state[_INITIALISED] = True


def _follow_new_bounds(bounds: tuple[date, date]) -> None:
    """Keep a window that reached the data's first or last day reaching it when the data grows or shrinks.

    So an event saved or imported after the last date is shown, and a window
    never falls outside the data's span.
    """
    old_low, old_high = st.session_state.get(_BOUNDS, bounds)
    start, end = st.session_state[_WINDOW]
    low, high = bounds
    start = low if start <= old_low else start
    end = high if end >= old_high else end
    start, end = min(max(start, low), high), max(min(end, high), low)
    if (min(start, end), end) != st.session_state[_WINDOW]:
        _set_window(min(start, end), end)


def _widget_keys() -> list[str]:
    return [_WINDOW, _SLIDER, _FROM, _TO, _PRESET, _SEARCH, _DATE_ERROR, _INITIALISED, _BOUNDS, _SITE, _RADIUS,
            *(key for key, _, _ in _FLAGS.values()), *(facet.widget_key for facet in FACETS)]


def forget_filters() -> None:
    """Drop the filter widgets' state and the filters in the link (the events in use changed)."""
    for key in _widget_keys():
        st.session_state.pop(key, None)
    url_state.forget("filter")


def _slider_changed() -> None:
    start, end = st.session_state[_SLIDER]
    _set_window(start, end)
    st.session_state[_PRESET] = None


def _preset_chosen(bounds: tuple[date, date]) -> None:
    preset = st.session_state.get(_PRESET)
    if preset:
        _set_window(*preset_window(preset, bounds))


def _typed(bounds: tuple[date, date]) -> None:
    """Apply the typed From / To dates (on Enter or leaving the field); a bad one is named, nothing changes."""
    low, high = bounds
    try:
        start = typed_date(st.session_state[_FROM]) if st.session_state[_FROM].strip() else low
        end = typed_date(st.session_state[_TO], last=True) if st.session_state[_TO].strip() else high
    except ValueError as error:
        st.session_state[_DATE_ERROR] = str(error)
        return
    if start > end:
        st.session_state[_DATE_ERROR] = (f"From {start.isoformat()} is after To {end.isoformat()}; "
                                         "swap the two dates.")
        return
    _set_window(min(max(start, low), high), max(min(end, high), low))
    st.session_state[_PRESET] = None


def set_date_window(start: date, end: date, bounds: tuple[date, date]) -> None:
    """Set the date window from elsewhere (a chart selection), kept inside ``bounds``.

    Call it from a widget callback, before the sidebar is drawn.
    """
    low, high = bounds
    start = min(max(start, low), high)
    end = max(min(end, high), start)
    _set_window(start, end)
    st.session_state[_PRESET] = None


def _reset(bounds: tuple[date, date]) -> None:
    _set_window(*bounds)
    st.session_state[_PRESET] = None
    st.session_state[_SEARCH] = ""
    for facet in FACETS:
        st.session_state[facet.widget_key] = []
    st.session_state[_SITE] = None
    st.session_state[_RADIUS] = DEFAULT_RADIUS_KM
    for key, _, _ in _FLAGS.values():
        st.session_state[key] = False


def _value_from_widgets() -> EventFilter:
    start, end = st.session_state[_WINDOW]
    site = st.session_state.get(_SITE)
    return EventFilter(start=start, end=end, text=st.session_state.get(_SEARCH) or "",
                       near_site=site, radius_km=float(st.session_state[_RADIUS]) if site else None,
                       **{flag: bool(st.session_state[key]) for flag, (key, _, _) in _FLAGS.items()},
                       **{facet.name: tuple(st.session_state.get(facet.widget_key) or ()) for facet in FACETS})


def _date_controls(bounds: tuple[date, date]) -> None:
    """Presets, a slider zoomed to the window when it is a small part of the span, and typed From / To."""
    sidebar = st.sidebar
    low, high = bounds
    sidebar.pills("Dates", PRESETS, key=_PRESET, on_change=_preset_chosen, args=(bounds,),
                  help="Counted back from the last day in the data "
                       f"({high.isoformat()}), so older data still gets a useful window.")
    window = st.session_state[_WINDOW]
    first, last, step = slider_range(bounds, window)
    if first < last:
        st.session_state[_SLIDER] = window
        sidebar.slider("Timeline (date window)", min_value=first, max_value=last, step=step, key=_SLIDER,
                       format="YYYY-MM-DD", on_change=_slider_changed,
                       help="Events whose date is known only to the week, month or year are shown "
                            "when that period overlaps the window.")
        if (first, last) != bounds:
            sidebar.caption(f"The slider shows {first.isoformat()} to {last.isoformat()} around the window "
                            f"(the data spans {low.isoformat()} to {high.isoformat()}; 'All' shows it all).")
    left, right = sidebar.columns(2)
    left.text_input("From", key=_FROM, on_change=_typed, args=(bounds,), placeholder="YYYY-MM-DD",
                    help="Type a day (2025-03-28), a month (2025-03) or a year (2025) and press Enter.")
    right.text_input("To", key=_TO, on_change=_typed, args=(bounds,), placeholder="YYYY-MM-DD",
                     help="A month or a year here means its last day.")
    if st.session_state.get(_DATE_ERROR):
        sidebar.error(escape_text(st.session_state[_DATE_ERROR]), icon=":material/event_busy:")


def _facet_label(value: str, count: int) -> str:
    """'SOHR (1,204)': how many events the other filters keep that hold the value; 0 ones stay listed."""
    return f"{value} ({count:,})"


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
    sidebar.text_input("Search", key=_SEARCH, placeholder="e.g. Pantsir, Jableh, حميميم",
                       help="Words (or \"quoted phrases\") to find in the place, notes, actors, outlet and "
                            "claimant; press Enter. Case and accents do not count, and a base is found under "
                            "any of its spellings (Hmeimim, Khmeimim, Humaymim).")
    _date_controls(bounds)
    parts = filter_parts(dataset, _value_from_widgets())  # the values chosen so far, for the counts
    for facet in FACETS:
        index = facet_index(dataset, facet)
        counts = dict(zip(index.labels, index.counts(parts.all_but(facet)).tolist()))
        sidebar.multiselect(
            facet.label, list(index.labels), key=facet.widget_key, placeholder="All",
            help=facet.help + " The count beside each option is how many of the events the other filters keep "
                              "hold it (0: none; choosing it alone would show nothing).",
            format_func=lambda value, counts=counts: _facet_label(value, counts.get(value, 0)),
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
    url_state.write_filter(value, open_start=value.start == bounds[0], open_end=value.end == bounds[1])
    return value
