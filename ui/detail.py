"""The panel beside the map: the full record of the clicked event or base."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import streamlit as st

from ui.map_layer import event_of_click
from ui.view import View
from utils.core.escaping import escape_text
from utils.core.presentation import event_record
from utils.map.clicks import COUNT_FIELD, parse_click

SELECTED = "selected_event"
SELECTED_SITE = "selected_site"
SELECTED_ON_MAP = "selected_on_map"
LAST_CLICK = "last_click_count"
PICKER = "event_picker"
PICKER_SHOWN = "event_picker_shown"
PICKER_LIMIT = 500


def _record_table(pairs: list[tuple[str, str]]) -> None:
    """A two-column table; st.table renders Markdown in cells, so every cell is escaped."""
    rows = [(escape_text(label), escape_text(value)) for label, value in pairs]
    st.table(pd.DataFrame(rows, columns=["Field", "Value"]).set_index("Field"))


def take_click(view: View, returned: Mapping | None) -> None:
    """Remember a new click on an event or a base (``returned``: what st_folium last returned).

    Called before the map is drawn, so the panel beside it shows the clicked record in the same run.
    """
    count = (returned or {}).get(COUNT_FIELD)
    if count is None or count == st.session_state.get(LAST_CLICK):
        return
    st.session_state[LAST_CLICK] = count
    click = parse_click(returned)
    if click is None:
        return
    if click.kind == "event":
        event_id = event_of_click(click)
        if event_id:
            st.session_state[SELECTED] = event_id
            st.session_state[SELECTED_SITE] = None
            st.session_state[SELECTED_ON_MAP] = True  # the map rings it itself: the layer is not redrawn
        return
    sites = view.dataset.sites
    if 0 <= click.index < len(sites):
        st.session_state[SELECTED_SITE] = sites.iloc[click.index]["site_id"]


def selected_by_server() -> bool:
    """True when the selection was last changed here (the event list), not by a click on the map."""
    return not st.session_state.get(SELECTED_ON_MAP, False)


def picker_key(selected: str | None) -> str:
    """The event picker's widget key: it changes with the selection, so code never sets the picker's value.

    A value set from code races with the browser: a rerun the browser asks for before it has drawn the
    new value (the map pans to show a popup right after a click, on a busy server) sends the old value
    back, and Streamlit takes it for the user picking the previous event again. Seen in the load test: the
    previous event was selected again, the events layer redrawn with its ring, and the popup closed.
    """
    return f"{PICKER}:{selected or ''}"


def _picked(key: str) -> None:
    if key != st.session_state.get(PICKER_SHOWN):
        return  # a value the browser still held for a picker it has since been told to replace
    st.session_state[SELECTED] = st.session_state[key]
    st.session_state[SELECTED_SITE] = None
    st.session_state[SELECTED_ON_MAP] = False


def show_selection(view: View) -> None:
    """Show the clicked event's full record (or the clicked base), with a picker as a keyboard path."""
    site_id = st.session_state.get(SELECTED_SITE)
    events = view.dataset.events
    st.subheader("Selected")
    if site_id:
        site = view.dataset.sites.set_index("site_id").loc[site_id]
        st.markdown(f"**{escape_text(site['name'])}**")
        _record_table([("Also spelled", ", ".join(site["alt_names"])), ("Kind", site["kind"]),
                       ("Operator", site["operator"]), ("About", site["description"]),
                       ("The articles report", site["reported"]),
                       ("Position (lat, lon)", f"{site['latitude']:.4f}, {site['longitude']:.4f}")])
        return
    shown = view.rows  # read over the shared frame: the kept rows are not copied
    if shown.count > PICKER_LIMIT:  # a list of a million ids helps nobody and weighs megabytes
        listed = shown.take(shown.newest(PICKER_LIMIT))
        st.caption(f"The list holds the {PICKER_LIMIT} most recent of the {shown.count:,} events shown; "
                   "click the map for any other.")
    else:
        listed = shown.frame()
    ids = listed["event_id"].tolist()
    selected = st.session_state.get(SELECTED)
    at = shown.where("event_id", selected) if selected else np.zeros(0, dtype=np.int64)  # positions in events
    kept = at[view.mask[at]]
    if selected and selected not in ids and len(kept):
        ids.append(selected)
    labels = dict(zip(listed["event_id"], listed["location"]))
    key = st.session_state[PICKER_SHOWN] = picker_key(selected if selected in ids else None)
    st.selectbox("Event", ids, index=ids.index(selected) if selected in ids else None, key=key,
                 on_change=_picked, args=(key,), placeholder="Click an event on the map, or pick one",
                 format_func=lambda eid: f"{eid} · {labels.get(eid, '')}")
    if not selected or not len(at):
        st.info("Click an event on the map to read its full record here.")
        return
    event = events.iloc[at[0]]
    if selected not in ids:
        st.warning("This event is outside the current filters.")
    st.markdown(f"**{escape_text(selected)}**: {escape_text(event['sub_event_type'])}, "
                f"{escape_text(event['location'])}")
    _record_table(event_record(event))
    same_place = np.flatnonzero((shown.floats("latitude") == event["latitude"])
                                & (shown.floats("longitude") == event["longitude"]))
    same_place_ids = [eid for eid in shown.take(same_place)["event_id"] if eid != selected]
    if same_place_ids:
        st.caption(escape_text(f"{len(same_place_ids)} other shown event(s) at the same point: "
                               + ", ".join(same_place_ids) + ". Pick them above."))
