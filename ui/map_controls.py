"""The map page's display controls (colours, points or heatmap, range rings), kept in the link."""

from __future__ import annotations

import streamlit as st

from ui import url_state
from utils.core.escaping import escape_text
from utils.core.schema import DISPLAY_LABELS
from utils.map.settings import COLOR_BY_CHOICES, MapSettings, parse_rings

_COLOR = "color_by"
_HEAT = "show_as"
_RINGS = "rings_text"
_READ = "map_settings_read"


def _initialise() -> None:
    settings, messages = url_state.read_map_settings()
    st.session_state[_COLOR] = settings.color_by
    st.session_state[_HEAT] = "Heatmap" if settings.heatmap else "Points"
    st.session_state[_RINGS] = ", ".join(f"{r:g}" for r in settings.rings_km)
    for message in messages:
        st.warning(escape_text(message))
    st.session_state[_READ] = True


def map_settings_controls() -> MapSettings:
    """Draw the controls and return the :class:`MapSettings` they describe (also put in the URL)."""
    if not st.session_state.get(_READ):
        _initialise()
    left, middle, right = st.columns([5, 2, 3])
    color_by = left.segmented_control("Colour events by", COLOR_BY_CHOICES, key=_COLOR,
                                      format_func=lambda column: DISPLAY_LABELS[column]) or "event_type"
    show_as = middle.segmented_control("Show events as", ["Points", "Heatmap"], key=_HEAT) or "Points"
    ring_text = right.text_input("Range rings around each base (km)", key=_RINGS, placeholder="e.g. 3, 10, 70",
                                 help="Distances in km, separated by commas. The articles mention drones with "
                                      "a 70 km range launched from near Jisr ash-Shughur.")
    rings, messages = parse_rings(ring_text)
    for message in messages:
        right.caption(escape_text(message))
    settings = MapSettings(color_by=color_by, heatmap=show_as == "Heatmap", rings_km=rings)
    url_state.write_map_settings(settings)
    if settings.describe():
        st.caption(escape_text("Map: " + settings.describe()))
    return settings
