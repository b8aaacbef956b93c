"""Import page: upload ACLED, UCDP GED, our CSV, any CSV with coordinates or GeoJSON; read the report; use it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from ui.article_review import render_article_review
from ui.collections import manage_collections
from ui.identity import ask_name_once
from ui.session_data import ERROR, MESSAGE, import_in_use, use_bundled, use_import
from ui.view import current_view
from utils.core.escaping import escape_text
from utils.core.problems import DataFileError
from utils.core.schema import DISPLAY_LABELS, STATUSES
from utils.importers import FORMAT_LABELS, FORMATS, ColumnMapping, guess_mapping, inspect_upload, run_import
from utils.importers.datefmt import DATE_FORMATS
from utils.importers.mapped_csv import DEFAULTS, FROM_FILE, MAPPABLE
from utils.importers.pipeline import set_aside_csv_bytes
from utils.importers.upload import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, save_upload

ENCODINGS = {"utf-8-sig": "UTF-8 (usual)", "cp1256": "Windows Arabic (cp1256)", "cp1252": "Windows Western (cp1252)",
             "latin-1": "Latin-1 (ISO-8859-1)", "utf-16": "UTF-16"}
NOT_IN_FILE = "(not in the file)"
CACHE = "_import_cache"
MAPPINGS = "column_mappings"


def _cached(key: tuple, make):
    """Keep the last inspection and result for this session, so widget changes do not re-read the file."""
    cache = st.session_state.setdefault(CACHE, {})
    if key not in cache:
        if len(cache) > 4:
            cache.clear()
        cache[key] = make()
    return cache[key]


def _inspect_on_disk(uploaded, encoding: str, container: str, progress):
    """Copy the upload to a temporary file a few MB at a time (the bar shows how far), then read it from disk."""
    def saved(done: int, size: int) -> None:
        progress.progress(0.3 * done / max(size, 1), text=f"Saving the upload: {done / 1e6:,.0f} of {size / 1e6:,.0f} MB")

    with tempfile.TemporaryDirectory(prefix="eventmap-upload-") as folder:
        uploaded.seek(0)
        target = save_upload(uploaded.read, Path(folder) / "upload", size=uploaded.size, progress=saved)
        progress.progress(0.3, text="Reading the rows")
        return inspect_upload(target, uploaded.name, encoding=encoding, container=container,
                              max_bytes=MAX_UPLOAD_BYTES)


def _mapping_widgets(columns: list[str]) -> ColumnMapping:
    """Column mapping for 'Other CSV', remembered for this session per set of column names."""
    remembered = st.session_state.setdefault(MAPPINGS, {})
    signature = tuple(columns)
    current: ColumnMapping = remembered.get(signature) or guess_mapping(columns)
    st.subheader("Map the file's columns to ours")
    st.caption("Date, latitude and longitude must come from the file. Anything not in the file gets the value "
               "shown. The mapping is remembered for this session.")
    chosen: dict[str, str] = {}
    grid = st.columns(3)
    for number, ours in enumerate(MAPPABLE):
        options = ([] if ours in FROM_FILE else [NOT_IN_FILE]) + columns
        default = current.columns.get(ours)
        index = options.index(default) if default in options else (0 if ours not in FROM_FILE else None)
        label = DISPLAY_LABELS.get(ours, ours) + (" (required)" if ours in FROM_FILE else "")
        picked = grid[number % 3].selectbox(label, options, index=index, key=f"map_{ours}",
                                            placeholder="Choose a column")
        if picked and picked != NOT_IN_FILE:
            chosen[ours] = picked
    left, middle, right = st.columns(3)
    forms = ["auto", *DATE_FORMATS]
    date_format = left.selectbox("Date format (for the whole file)", forms,
                                 index=forms.index(current.date_format), key="map_date_format",
                                 format_func=lambda f: "Detect (only if one form fits)" if f == "auto" else f)
    fixed: dict[str, str] = {}
    if "source" not in chosen:
        fixed["source"] = middle.text_input("Reported by (every row)", value=current.fixed.get("source", ""),
                                            key="map_fixed_source", placeholder="the file name") or ""
        if not fixed["source"].strip():
            del fixed["source"]
    if "status" not in chosen:
        fixed["status"] = right.selectbox("Status (every row)", STATUSES,
                                          index=STATUSES.index(current.fixed.get("status", DEFAULTS["status"])),
                                          key="map_fixed_status")
    mapping = ColumnMapping(columns=chosen, fixed=fixed, date_format=date_format)
    remembered[signature] = mapping
    return mapping


def _report(result) -> None:
    st.subheader("Report")
    first, second, third = st.columns(3)
    first.metric("Rows read", f"{result.rows_read:,}")
    second.metric("Loaded", f"{result.loaded:,}")
    third.metric("Set aside", f"{result.set_aside:,}")
    st.caption(escape_text(f"{result.file}, read as {FORMAT_LABELS[result.format]}. {result.summary()}"))
    with st.expander("Notes on how the file was read"):
        for note in result.load.notes:
            st.caption(escape_text(note))
    if result.set_aside:
        st.dataframe(result.report(), hide_index=True, key="import_report",
                     column_config={"row": st.column_config.NumberColumn("Row", format="%d"),
                                    "column": "Column", "value": "Value",
                                    "reason": st.column_config.TextColumn("Reason", width="large")})
        st.download_button("Download the rows set aside (CSV)", set_aside_csv_bytes(result.load.rejected),
                           file_name="rows_set_aside.csv", mime="text/csv", icon=":material/download:",
                           on_click="ignore")


st.title("Import events")
st.write("Bring your own events: an ACLED export, a UCDP GED extract, a CSV in our own columns, any CSV with "
         "coordinates, or GeoJSON points. Every row either loads or is set aside with its reason. A saved import "
         "is a collection in the store: it stays after a reload, every session and server can show it, and a "
         "link carries it.")
message = st.session_state.pop(MESSAGE, None)
if message:
    st.success(escape_text(message))
    st.page_link("pages/views/map.py", label="See them on the map", icon=":material/map:")
error_message = st.session_state.pop(ERROR, None)
if error_message:
    st.error(escape_text(error_message), icon=":material/error:")
if import_in_use():
    st.info("This session shows a choice of collections (sidebar: Collections shown).")
    st.button("Show every collection", on_click=use_bundled, icon=":material/undo:")

uploaded = st.file_uploader(
    "Event file", key="import_upload",
    help=f"CSV or GeoJSON, or a .gz or .zip holding one file; up to {MAX_UPLOAD_MB} MB (1 GB), saved to disk "
         "and read from there. A larger file: "
         "compress it or split it, or use `python -m utils import` on the command line.")
if uploaded is not None:
    left, right = st.columns(2)
    fmt = left.selectbox("Format", FORMATS, key="import_format", format_func=FORMAT_LABELS.get)
    encoding = right.selectbox("Text encoding", list(ENCODINGS), key="import_encoding", format_func=ENCODINGS.get)
    progress = st.progress(0.0, text="Reading the file")
    container = "geojson" if fmt == "geojson" else "csv" if fmt in ("native", "acled", "ucdp", "csv") else "auto"
    try:
        inspection = _cached(("inspect", uploaded.file_id, encoding, container),
                             lambda: _inspect_on_disk(uploaded, encoding, container, progress))
        progress.progress(0.4, text=f"{inspection.table.rows_read:,} rows read; checking them")
        detected = inspection.detected
        st.caption(escape_text(f"Detected: {FORMAT_LABELS[detected] if detected else 'no known format: map the columns'}"
                               f" ({len(inspection.columns)} columns)."))
        needs_mapping = fmt == "csv" or (fmt in ("auto", "geojson") and detected is None)
        mapping = _mapping_widgets(inspection.columns) if needs_mapping else None
        result = _cached(("run", uploaded.file_id, encoding, container, fmt, mapping.key() if mapping else None),
                         lambda: run_import(inspection, folder=current_view().folder, fmt=fmt, mapping=mapping,
                                            progress=lambda f, t: progress.progress(f, text=t)))
    except DataFileError as error:
        progress.empty()
        st.error(escape_text(f"The file was refused; nothing changed. {error}"), icon=":material/block:")
    else:
        progress.empty()
        _report(result)
        if result.loaded:
            saved_key = ("saved", uploaded.file_id, encoding, container, fmt, mapping.key() if mapping else None)
            name = st.text_input("Name of the collection", value=uploaded.name, key="import_name")
            ask_name_once()
            add, replace_button = st.columns(2)
            add.button("Save and show with the other events", on_click=use_import,
                       args=(result, False, name, saved_key), type="primary", icon=":material/add:",
                       help="Saves the events in the store as a collection and shows them with the events "
                            "shown now.")
            replace_button.button("Save and show this import alone", on_click=use_import,
                                  args=(result, True, name, saved_key), icon=":material/swap_horiz:")

manage_collections()

st.divider()
render_article_review(current_view())  # 'From an article' (issue 17): ui/article_review.py
