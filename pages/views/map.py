"""Map page: the bases and the filtered events; click an event to read its record."""

from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

from ui.detail import selected_position, show_selection, take_click
from ui.export_panel import initial_view, show_export_panel
from ui.map_controls import map_settings_controls
from ui.playback import playback_controls, playback_view
from ui.view import current_view, show_caption
from utils.analysis.facets import column_counts
from utils.core.escaping import escape_text
from utils.map.clicks import CLICK_FIELD
from utils.map.mapping import build_base_map, category_colors
from utils.map.view_layer import build_viewport_layer, viewport_from_state

MAP_KEY = "event_map"
COUNT_FIELD = "last_object_clicked_count"

view = current_view()
st.title("Reported events around foreign bases in Syria")
show_caption(view)
settings = map_settings_controls()
playback, interval = playback_controls(view)


@st.fragment(run_every=interval)
def map_and_record() -> None:
    """The map and the selected record; alone reruns on the playback timer and on map clicks."""
    shown, playback_words = playback_view(view, playback)
    if playback_words:
        st.caption(escape_text(playback_words))
    take_click(shown, st.session_state.get(MAP_KEY))
    map_column, detail_column = st.columns([7, 3], gap="medium")
    with map_column:
        start = initial_view()
        base_map = build_base_map(view.dataset.basemap, view.dataset.sites, center=start.center, zoom=start.zoom)
        colors = category_colors(column_counts(view.dataset, settings.color_by).index, settings.color_by)
        viewport = viewport_from_state(st.session_state.get(MAP_KEY), start.center, start.zoom)
        events_layer, layer_words = build_viewport_layer(
            shown.shown, colors, viewport, color_by=settings.color_by, selected=selected_position(shown),
            heatmap=settings.heatmap, rings_km=settings.rings_km, sites=view.dataset.sites,
        )
        map_state = st_folium(
            base_map,
            key=MAP_KEY,
            feature_group_to_add=events_layer,
            layer_control=folium.LayerControl(collapsed=True, position="topright"),  # open, it covered popups
            returned_objects=[CLICK_FIELD, COUNT_FIELD, "center", "zoom", "bounds"],
            use_container_width=True,
            height=640,
        )
        if layer_words:
            st.caption(layer_words)
        st.caption(f"{len(shown.shown)} event(s) on the map. Outline shows status; a dashed outline is a claim; "
                   "a dashed halo shows how far an imprecise place may be off. Basemap: Natural Earth borders "
                   "and geoBoundaries governorates, drawn offline.")
    with detail_column:
        show_selection(shown)
    show_export_panel(shown, map_state, settings)


map_and_record()
