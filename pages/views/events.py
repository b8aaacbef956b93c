"""Events page: the filtered events as a sortable table, with downloads."""

from __future__ import annotations

import streamlit as st

from ui.downloads import safe_download_button
from ui.view import current_view, show_caption
from utils.analysis.paging import PAGE_ROWS, page_count, table_page
from utils.core.schema import DISPLAY_LABELS
from utils.export.formats import events_csv_bytes, events_geojson_bytes

TABLE_COLUMNS = ["event_id", "event_date", "date_precision", "event_type", "sub_event_type", "location",
                 "admin1", "geo_precision", "source", "claimed_by", "status", "fatalities", "actor1", "actor2",
                 "nearest_site", "nearest_site_km", "incident", "independent_sources",
                 "notes", "doc_id", "latitude", "longitude"]

view = current_view()
st.title("Events")
show_caption(view)

columns = TABLE_COLUMNS + (["retired"] if view.filter.include_retired else [])
table = view.shown[[c for c in columns if c in view.shown.columns]]
paged = len(table) > PAGE_ROWS
if paged:  # too many rows to send at once: sort and page on the server
    sort_column, order_column, page_column = st.columns([3, 2, 2])
    sort_by = sort_column.selectbox("Sort by", list(table.columns), index=1, key="events_sort",
                                    format_func=lambda c: DISPLAY_LABELS.get(c, c))
    ascending = order_column.segmented_control("Order", ["ascending", "descending"], default="descending",
                                               key="events_order") != "descending"
    pages = page_count(len(table))
    page = page_column.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, value=1,
                                    key="events_page")
    table = table_page(table, sort_by, ascending, int(page))
    st.caption(f"Rows {(int(page) - 1) * PAGE_ROWS + 1:,} to {(int(page) - 1) * PAGE_ROWS + len(table):,} "
               f"of {len(view.shown):,}.")
st.dataframe(
    table,
    hide_index=True,
    column_config={
        column: st.column_config.Column(DISPLAY_LABELS.get(column, column)) for column in table.columns
    } | {
        "event_date": st.column_config.DateColumn(DISPLAY_LABELS["event_date"], format="YYYY-MM-DD"),
        "notes": st.column_config.TextColumn(DISPLAY_LABELS["notes"], width="large"),
        "latitude": st.column_config.NumberColumn("Latitude", format="%.4f"),
        "nearest_site": st.column_config.TextColumn("Nearest base"),
        "nearest_site_km": st.column_config.NumberColumn("km to nearest base", format="%.1f"),
        "incident": st.column_config.TextColumn("Incident"),
        "independent_sources": st.column_config.NumberColumn("Independent sources"),
        "longitude": st.column_config.NumberColumn("Longitude", format="%.4f"),
    },
    key="events_table",
)
st.caption(("Sort with the controls above (the table is paged). " if paged else "Click a column header to sort. ")
           + "Dates known only to the week, month or year show their best estimate; the precision column says "
           "how far to trust them.")

left, right = st.columns(2)
safe_download_button(left, "Download these events (CSV)", lambda: events_csv_bytes(view.shown),
                     file_name="events_filtered.csv", mime="text/csv")
safe_download_button(right, "Download these events (GeoJSON)", lambda: events_geojson_bytes(view.shown),
                     file_name="events_filtered.geojson", mime="application/geo+json")
