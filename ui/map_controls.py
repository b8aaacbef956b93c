"""The map page's display controls in one compact bar above the map (colours, points or heatmap, range
rings, playback, the record panel), kept in the link."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui import url_state
from utils.core.escaping import escape_text
from utils.core.schema import DISPLAY_LABELS
from utils.map.settings import COLOR_BY_CHOICES, MapSettings, parse_rings

_COLOR = "color_by"
_HEAT = "show_as"
_RINGS = "rings_text"
_READ = "map_settings_read"
_PANEL = "record_panel"


def _initialise() -> None:
    settings, messages = url_state.read_map_settings()
    st.session_state[_COLOR] = settings.color_by
    st.session_state[_HEAT] = "Heatmap" if settings.heatmap else "Points"
    st.session_state[_RINGS] = ", ".join(f"{r:g}" for r in settings.rings_km)
    st.session_state.setdefault(_PANEL, True)
    for message in messages:
        st.warning(escape_text(message))
    st.session_state[_READ] = True


def record_panel_open() -> bool:
    """Whether the record panel beside the map is shown (the bar's toggle; shown by default)."""
    return bool(st.session_state.get(_PANEL, True))


def map_settings_controls() -> tuple[MapSettings, DeltaGenerator]:
    """Draw the bar and return the :class:`MapSettings` it describes (also put in the URL), and a slot in the
    bar for the playback controls."""
    if not st.session_state.get(_READ):
        _initialise()
    colour, show, rings_box, playback, panel = st.columns([2.3, 1.6, 2.4, 1.3, 1.4], vertical_alignment="center")
    color_by = colour.selectbox("Colour events by", COLOR_BY_CHOICES, key=_COLOR, persist_state="session",
                                label_visibility="collapsed",
                                format_func=lambda column: f"Colour: {DISPLAY_LABELS[column]}",
                                help="Colour events by this field. With the default (event type), when one "
                                     "value covers 90% of the events shown, the map colours by the most "
                                     "informative other field and the legend says so.") or "event_type"
    show_as = show.segmented_control("Show events as", ["Points", "Heatmap"], key=_HEAT, persist_state="session",
                                     label_visibility="collapsed") or "Points"
    ring_text = rings_box.text_input("Range rings around each base (km)", key=_RINGS, persist_state="session",
                                     label_visibility="collapsed",
                                     placeholder="Range rings (km), e.g. 3, 10, 70",
                                     help="Distances in km around each base, separated by commas. The articles "
                                          "mention drones with a 70 km range launched from near Jisr ash-Shughur.")
    panel.toggle("Record panel", key=_PANEL, persist_state="session",
                 help="Show the selected event's record beside the map; off, the map "
                                                  "takes the whole width and a click opens a short popup.")
    rings, messages = parse_rings(ring_text)
    for message in messages:
        rings_box.caption(escape_text(message))
    settings = MapSettings(color_by=color_by, heatmap=show_as == "Heatmap", rings_km=rings)
    url_state.write_map_settings(settings)
    return settings, playback.popover("Playback", icon=":material/play_circle:", use_container_width=True)
