"""Playback controls on the map page; the map advances on a timer while playing.

Steps follow the events' density (see :meth:`utils.analysis.playback.Playback.by_density`),
so empty stretches are crossed in one step; the controls say how fast it goes.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from ui.view import View
from utils.analysis.playback import DEFAULT_STEPS, MODES, Playback

PLAYING = "playback_playing"
POSITION = "playback_position"
SPEEDS = {"slow (3 s a step)": 3.0, "normal (1.5 s)": 1.5, "fast (0.75 s)": 0.75}
STEP_CHOICES = (20, DEFAULT_STEPS, 80, 160)


def _play() -> None:
    st.session_state[PLAYING] = True


def _pause() -> None:
    st.session_state[PLAYING] = False


def _stop() -> None:
    st.session_state[PLAYING] = False
    st.session_state[POSITION] = None


def _event_days(view: View) -> np.ndarray:
    """Each shown event's best-estimate date, as days (what the steps are placed by)."""
    return view.rows.days("event_date")


def playback_controls(view: View) -> tuple[Playback | None, float | None]:
    """Draw the controls; return the playback (``None`` when off) and the timer interval in seconds."""
    first, last = view.filter.start, view.filter.end
    with st.container():
        st.caption("Playback: move a date window through time.")
        if first is None or last is None or first >= last:
            st.caption("Playback needs a date window of more than one day.")
            return None, None
        columns = st.columns([2, 2, 3, 3])
        window_days = columns[0].number_input("Window (days)", 0, 3650, 0, key="playback_window",
                                              persist_state="session")
        steps = columns[1].selectbox("Steps", STEP_CHOICES, index=STEP_CHOICES.index(DEFAULT_STEPS),
                                     key="playback_steps", persist_state="session",
                                     help="Steps are placed where the events are: each takes in about the same "
                                          "number of events, and an empty stretch is crossed in one step.")
        mode = columns[2].segmented_control("Window", MODES, default="sliding", key="playback_mode",
                                            persist_state="session") or "sliding"
        speed = columns[3].selectbox("Speed", list(SPEEDS), index=1, key="playback_speed", persist_state="session")
        playback = Playback.by_density(first, last, _event_days(view), steps=int(steps),
                                       window_days=int(window_days) or None, mode=mode)
        st.caption(f"Speed: {playback.describe(SPEEDS[speed])}. Window 0: each step shows the events since the "
                   "previous one; a number: the last N days.")
        buttons = st.columns(3)
        playing = st.session_state.get(PLAYING, False)
        buttons[0].button("Pause" if playing else "Play", on_click=_pause if playing else _play,
                          icon=":material/pause:" if playing else ":material/play_arrow:", key="playback_toggle")
        buttons[1].button("Stop", on_click=_stop, icon=":material/stop:", key="playback_stop")
    if st.session_state.get(POSITION) is None and not st.session_state.get(PLAYING):
        return None, None
    return playback, (SPEEDS[speed] if st.session_state.get(PLAYING) else None)


def playback_view(view: View, playback: Playback | None) -> tuple[View, str | None]:
    """The view at the current playback position (advancing it while playing), and words for it."""
    if playback is None:
        return view, None
    position = st.session_state.get(POSITION)
    if position is None:
        position = playback.start_position()
    elif st.session_state.get(PLAYING):
        position = playback.next_position(position)
        if position is None:
            st.session_state[PLAYING] = False
            position = playback.positions[-1]
    st.session_state[POSITION] = position
    start, end = playback.window(position)
    at_position = View(dataset=view.dataset, filter=view.filter.with_changes(start=start, end=end),
                       folder=view.folder)
    state = "playing" if st.session_state.get(PLAYING) else "paused"
    words = (f"Playback ({state}, {playback.mode} window): {start.isoformat()} to {end.isoformat()}, "
             f"{at_position.count} event(s); step {playback.step_number(position)} of {len(playback.positions)}")
    return at_position, words
