"""The Add or edit page's event chooser: the newest events the filters keep, or any event by its id.

At a million events a list of every event would send tens of MB to the browser and build a label per
event on every run; the list holds at most :data:`EDIT_CHOICES` of the events the filters keep.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from ui.view import View
from utils.core.escaping import escape_text

__all__ = ["EDIT_CHOICES", "pick_event"]

EDIT_CHOICES = 1_000
"""Most events offered in the list: the newest the filters keep (any other is typed by its id)."""
PICKED = "edit_event"
TYPED = "edit_event_id"


def pick_event(view: View) -> str | None:
    """Draw the chooser; return the chosen event's id, or ``None`` when none (or an unknown id) is chosen."""
    events = view.dataset.events
    kept = np.flatnonzero(view.mask)
    offered = events.iloc[kept[::-1][:EDIT_CHOICES]]  # the newest the filters keep, not every event
    ids = offered["event_id"].tolist()
    labels = {r.event_id: f"{r.event_id} · {r.location} · {r.event_date:%Y-%m-%d} · {r.status}"
              + (" · retired" if str(getattr(r, "retired", "") or "").strip() else "")
              for r in offered.itertuples(index=False)}
    if st.session_state.get(PICKED) not in labels:
        st.session_state.pop(PICKED, None)
    pick, typed_column = st.columns([3, 1])
    chosen = pick.selectbox("Event", ids, key=PICKED, index=None, placeholder="Pick an event to change",
                            format_func=lambda e: labels.get(e, e),
                            help=f"The newest {EDIT_CHOICES:,} events the filters keep; any other by its id.")
    typed = typed_column.text_input("Or its event id", key=TYPED, placeholder="EV0005").strip()
    if len(kept) > len(ids):
        st.caption(f"The list holds the newest {len(ids):,} of the {len(kept):,} events the filters keep: "
                   "narrow the filters in the sidebar, or type an event id.")
    if not typed:
        return chosen
    if (events["event_id"] == typed).any():
        return typed
    st.error(escape_text(f"No event has the id {typed!r}: check it on the Events page."), icon=":material/error:")
    return None
