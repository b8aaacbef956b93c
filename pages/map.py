"""Map page: the bases and the filtered events; click an event to read its record."""

from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

from ui.detail import selected_position, show_selection, take_click
from ui.export_panel import initial_view, show_export_panel
from ui.view import current_view, show_caption
from utils.clicks import CLICK_FIELD
from utils.mapping import COLOR_BY_CHOICES, build_base_map, build_events_layer, category_colors
from utils.schema import DISPLAY_LABELS

MAP_KEY = "event_map"
COUNT_FIELD = "last_object_clicked_count"

view = current_view()
st.title("Reported events around foreign bases in Syria")
show_caption(view)

color_by = st.segmented_control(
    "Colour events by", COLOR_BY_CHOICES, key="color_by", default="event_type",
    format_func=lambda column: DISPLAY_LABELS[column],
) or "event_type"

take_click(view, st.session_state.get(MAP_KEY))
map_column, detail_column = st.columns([7, 3], gap="medium")
with map_column:
    start = initial_view()
    base_map = build_base_map(view.dataset.basemap, view.dataset.sites, center=start.center, zoom=start.zoom)
    colors = category_colors(view.dataset.events[color_by].value_counts().index, color_by)
    events_layer = build_events_layer(view.shown, colors, color_by=color_by, selected=selected_position(view))
    map_state = st_folium(
        base_map,
        key=MAP_KEY,
        feature_group_to_add=events_layer,
        layer_control=folium.LayerControl(collapsed=False, position="topright"),
        returned_objects=[CLICK_FIELD, COUNT_FIELD, "center", "zoom"],
        use_container_width=True,
        height=640,
    )
    st.caption(f"{len(view.shown)} event(s) on the map. Outline shows status; a dashed outline is a claim. "
               "Basemap: Natural Earth borders and geoBoundaries governorates, drawn offline.")

with detail_column:
    show_selection(view)

show_export_panel(view, map_state, color_by=color_by)
