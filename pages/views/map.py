"""Map page: the bases and the filtered events, map first; click an event to read its record beside the map."""

from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

from ui.detail import selected_by_server, show_selection, take_click
from ui.export_panel import initial_view, show_export_panel
from ui.map_controls import map_settings_controls, record_panel_open
from ui.map_files import basemap_url
from ui.map_layer import events_layer
from ui.playback import playback_controls, playback_view
from ui.timeline_strip import show_timeline_strip
from ui.view import current_view, show_caption
from utils.core.escaping import escape_text
from utils.map.basemap_layer import build_base_map
from utils.map.clicks import CLICK_FIELD, COUNT_FIELD
from utils.map.view_layer import viewport_from_state

MAP_KEY = "event_map"
MAP_HEIGHT_PX = 740
"""About three quarters of a 1000 px high window, below the title and the settings bar."""
COMPACT_CSS = """<style>
[data-testid=stMainBlockContainer] { padding: 3.8rem 1.2rem 2rem 1.2rem; max-width: none; }
[data-testid=stMainBlockContainer] h1 { font-size: 1.45rem; padding: 0 0 0.1rem; }
section[data-testid=stSidebar] { width: 250px !important; min-width: 250px !important; }
</style>"""
"""Map first: less padding (the title just clears Streamlit's header), a smaller title and a narrower sidebar on
this page only."""

st.html(COMPACT_CSS)
view = current_view()
st.title("Reported events around foreign bases in Syria")
show_caption(view)
settings, bar = map_settings_controls()
with bar:
    playback, interval = playback_controls(view)


@st.fragment(run_every=interval)
def map_and_record() -> None:
    """The map and the selected record; alone reruns on the playback timer and on map clicks."""
    shown, playback_words = playback_view(view, playback)
    if playback_words:
        st.caption(escape_text(playback_words))
    take_click(shown, st.session_state.get(MAP_KEY))
    panel = record_panel_open()
    map_column, detail_column = st.columns([77, 23], gap="small") if panel else (st.container(), None)
    with map_column:
        start = initial_view()
        base_map = build_base_map(view.dataset.basemap, view.dataset.sites, center=start.center, zoom=start.zoom,
                                  basemap_url=basemap_url(view.dataset))
        viewport = viewport_from_state(st.session_state.get(MAP_KEY), start.center, start.zoom)
        drawn = events_layer(shown, settings, viewport, selected=st.session_state.get("selected_event"),
                             selected_by_server=selected_by_server(), popups="none" if panel else "short")
        map_state = st_folium(
            base_map,
            key=MAP_KEY,
            feature_group_to_add=drawn.layer,
            layer_control=folium.LayerControl(collapsed=True, position="topright"),  # open, it covered the map
            returned_objects=[CLICK_FIELD, COUNT_FIELD, "center", "zoom", "bounds"],
            use_container_width=True,
            height=MAP_HEIGHT_PX,
        )
        words = drawn.plan.words()
        if drawn.plan.clustered:
            words += "; zoom in or click a cluster to see single events."
        st.caption(escape_text(
            f"{shown.count:,} event(s) on the map. " + (words + " " if words else "")
            + (f"Map: {settings.describe()}. " if settings.describe() else "")
            + ("Pan and zoom are drawn in the browser. " if drawn.plan.everything else "")
            + "Click an event or a base for its record; the arrow keys step through the events in view."))
        show_timeline_strip(view, after_first_run=True)
    if detail_column is not None:
        with detail_column:
            show_selection(shown)
    show_export_panel(shown, map_state, settings)


map_and_record()
