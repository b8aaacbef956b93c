"""Events page: the filtered events as a table sorted and paged on the server, with downloads made on request."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from ui.downloads import file_key, filtered_events_file, prepared_download
from ui.page_data import filter_key
from ui.view import View, current_view, show_caption
from utils.analysis.paging import PAGE_ROWS, page_count, page_positions, sorted_positions
from utils.core.presentation import date_texts
from utils.core.schema import DISPLAY_LABELS

TABLE_COLUMNS = ["event_id", "event_date", "date_precision", "event_type", "sub_event_type", "location",
                 "admin1", "geo_precision", "source", "claimed_by", "status", "fatalities", "actor1", "actor2",
                 "nearest_site", "nearest_site_km", "incident", "independent_sources",
                 "notes", "doc_id", "latitude", "longitude"]
LABELS = DISPLAY_LABELS | {"nearest_site": "Nearest base", "nearest_site_km": "km to nearest base",
                           "incident": "Incident", "independent_sources": "Independent sources"}


@st.cache_data(max_entries=8, show_spinner=False)
def _order(key: str, sort_by: str, ascending: bool, _view: View, _rows: np.ndarray) -> np.ndarray:
    """Positions of the shown events in the chosen order (computed once per data version, filter and order)."""
    return sorted_positions(_view.dataset.events[sort_by], ascending, _rows)


def _display(rows: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """One page of rows as shown: the date said as precisely as it is known ('March 2025'), not a made-up day."""
    table = rows[columns].reset_index(drop=True)
    table["event_date"] = date_texts(rows).to_numpy()
    return table


view = current_view()
st.title("Events")
show_caption(view)

events = view.dataset.events
rows = view.mask
shown = int(rows.sum())
columns = [c for c in TABLE_COLUMNS + (["retired"] if view.filter.include_retired else []) if c in events.columns]
sort_column, order_column, page_column = st.columns([3, 2, 2])
sort_by = sort_column.selectbox("Sort by", columns, index=1, key="events_sort", persist_state="session",
                                format_func=lambda c: LABELS.get(c, c),
                                help="Dates sort by their best estimate (the middle of a week, the 15th of a month).")
ascending = order_column.segmented_control("Order", ["ascending", "descending"], default="descending",
                                           key="events_order", persist_state="session") != "descending"
pages = page_count(shown)
page = 1
if pages > 1:  # too many rows to send at once: one page at a time
    page = int(page_column.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, value=1,
                                        key="events_page"))
on_page = page_positions(_order(filter_key(view), sort_by, ascending, view, rows), page)
table = _display(events[list(dict.fromkeys([*columns, "date_precision"]))].iloc[on_page], columns)
if pages > 1:
    st.caption(f"Rows {(page - 1) * PAGE_ROWS + 1:,} to {(page - 1) * PAGE_ROWS + len(table):,} of {shown:,}.")
st.dataframe(
    table,
    hide_index=True,
    column_config={column: st.column_config.Column(LABELS.get(column, column)) for column in table.columns} | {
        "event_date": st.column_config.TextColumn(LABELS["event_date"], width="medium"),
        "notes": st.column_config.TextColumn(LABELS["notes"], width="large"),
        "latitude": st.column_config.NumberColumn(LABELS["latitude"], format="%.4f"),
        "longitude": st.column_config.NumberColumn(LABELS["longitude"], format="%.4f"),
        "nearest_site_km": st.column_config.NumberColumn(LABELS["nearest_site_km"], format="%.1f"),
        "independent_sources": st.column_config.NumberColumn(LABELS["independent_sources"]),
    },
    key="events_table",
)
st.caption("Sort with the controls above (sorting and paging happen on the server). A date known only to the "
           "week, month or year is shown as such; the precision column says how far to trust it.")

st.subheader("Download these events")
st.caption(f"The {shown:,} shown events with every column, by date then id: the same file as the map page's "
           "export. Prepare it first; large files take a few seconds.")
left, right = st.columns(2)
for column, format_key, label, mime in ((left, "csv", "CSV", "text/csv"),
                                        (right, "geojson", "GeoJSON", "application/geo+json")):
    prepared_download(column, f"these events ({label})",
                      lambda format_key=format_key: filtered_events_file(view.dataset, view.filter, format_key),
                      key=f"events_{format_key}", content_key=file_key(view.dataset, view.filter, format_key),
                      file_name=f"events_filtered.{format_key}", mime=mime)
