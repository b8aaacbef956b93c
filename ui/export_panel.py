"""The Export panel under the map: the current filters and view as PNG, PDF, HTML, CSV, GeoJSON and a link.

All the work is in :mod:`utils.export` (:mod:`utils.export.outputs` makes every
format); this module reads widgets and the map's reported view, and offers
downloads. Exports show the map's current view, or frame the events shown; the
permalink uses the configured address (``$EVENTMAP_BASE_URL``) or the one the
browser used (``st.context.url``). CSV, GeoJSON and HTML are made
when their button is clicked; PNG and PDF need Chromium (a few seconds), so
they are rendered on request under a spinner and then offered for download
until the filters, view or title change.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import streamlit as st

from ui import url_state
from ui.view import View
from utils.core.escaping import escape_text
from utils.export.briefing import BANNER_LIMIT, DEFAULT_TITLE, Briefing
from utils.export.outputs import EXPORT_FORMATS, export_file, file_name
from utils.export.permalink import BASE_URL_ENV, MapView, dashboard_address, view_from_map_state
from utils.export.render import RenderError, missing_parts
from utils.map.mapping import SYRIA_CENTER, SYRIA_ZOOM
from utils.map.settings import MapSettings

__all__ = ["initial_view", "show_export_panel"]

_INITIAL_VIEW = "initial_map_view"
_RENDERED = "rendered_exports"
_TITLE = "export_title"
_BANNER = "export_banner"
_FRAMING = "export_framing"
_PERMALINK = "export_permalink"
_CURRENT, _FRAMED = "The map's current view", "Frame the events shown"
_ON_CLICK = ("html", "csv", "geojson")
_ON_REQUEST = ("png", "png-a4", "pdf")


def initial_view() -> MapView:
    """The view the map opens at: the link's ``lat``/``lon``/``zoom`` if any, else all of Syria.

    Read once per session, so the base map stays the same while the user pans
    (st_folium would redraw a map whose centre changed).
    """
    if _INITIAL_VIEW not in st.session_state:
        view, messages = url_state.read_view()
        for message in messages:
            st.warning(escape_text(message), icon=":material/link_off:")
        st.session_state[_INITIAL_VIEW] = view or MapView(SYRIA_CENTER, SYRIA_ZOOM)
    return st.session_state[_INITIAL_VIEW]


def _base_url() -> str:
    """The configured address, else the one the browser used, else '' (the link is then relative)."""
    try:
        url = st.context.url
    except Exception:  # outside a browser session (AppTest) there is no URL
        url = None
    return dashboard_address(os.environ.get(BASE_URL_ENV), url)


def show_export_panel(view: View, map_state: Mapping | None, settings: MapSettings | None = None) -> None:
    """Offer every export of ``view`` at the map's current centre and zoom (``map_state``: what st_folium returned),
    drawn with the map's ``settings`` (colours, heatmap, range rings) as on the dashboard."""
    settings = settings or MapSettings()
    map_view = view_from_map_state(map_state) or initial_view()
    url_state.write_view(map_view)  # copying the address shares the view too
    st.subheader("Export for a briefing")
    title_column, banner_column, framing_column = st.columns([5, 3, 4])
    title = title_column.text_input("Title", value=DEFAULT_TITLE, key=_TITLE, persist_state="session", max_chars=120)
    banner = banner_column.text_input("Handling banner (optional)", key=_BANNER, persist_state="session",
                                      max_chars=BANNER_LIMIT,
                                      placeholder="e.g. TLP:CLEAR",
                                      help="Printed at the top and bottom of every PNG, PDF and HTML export.")
    framing = framing_column.radio("Map view in the exports", (_CURRENT, _FRAMED), key=_FRAMING,
                                   persist_state="session", horizontal=True,
                                   help="Frame the events shown: zoom to the filtered events (all of Syria when "
                                        "they spread across it), whatever the map shows now.")
    framed = framing == _FRAMED
    briefing = Briefing(view.dataset, view.filter, None if framed else map_view, title=title,
                        base_url=_base_url(), settings=settings, banner=banner)
    link = briefing.permalink(map_view)
    where = ("framed on the events" if framed else
             f"at the map's centre ({map_view.center[0]:.4f}, {map_view.center[1]:.4f}) and zoom {map_view.zoom:g}")
    st.caption(escape_text(f"Exports show the {view.count} event(s) of the current filters, numbered, {where}"
                           + (f", {settings.describe()}" if settings.describe() else "")
                           + f", data version {view.dataset.version}. Permalink to this view:"))
    # a text field, not st.code: st.code makes a fresh browser fetch and parse a 1.6 MB syntax highlighter before
    # the map's frame is made, about 1 s of every page open (benchmarks/pages_bench.py); set each run, so it
    # always holds the current view's link whatever was typed into it
    st.session_state[_PERMALINK] = link
    st.text_input("Permalink to this view", key=_PERMALINK, label_visibility="collapsed",
                  help="Select it and copy it (Ctrl+A, Ctrl+C); the browser's address is the same link.")

    columns = st.columns(len(_ON_CLICK))
    for column, key in zip(columns, _ON_CLICK):
        spec = EXPORT_FORMATS[key]
        column.download_button(
            f"Download {spec.label}", data=lambda key=key: export_file(briefing, key),
            file_name=file_name(briefing, key), mime=spec.mime, on_click="ignore",
            icon=":material/download:", key=f"export_{key}", width="stretch")

    missing = missing_parts()
    if missing:
        st.info(escape_text("PNG and PDF exports need Chromium and Playwright on this machine: "
                            + "; ".join(missing)), icon=":material/info:")
        return
    fingerprint = (view.filter, None if framed else map_view, title, banner, settings, view.dataset.version)
    rendered: dict = st.session_state.setdefault(_RENDERED, {})
    columns = st.columns(len(_ON_REQUEST))
    for column, key in zip(columns, _ON_REQUEST):
        spec = EXPORT_FORMATS[key]
        with column:
            if st.button(f"Render {spec.label}", key=f"render_{key}", icon=":material/image:", width="stretch"):
                with st.spinner(f"Rendering {spec.label} in Chromium..."):
                    try:
                        rendered[key] = (fingerprint, export_file(briefing, key))
                    except RenderError as error:
                        rendered.pop(key, None)
                        st.error(escape_text(str(error)))
            done = rendered.get(key)
            if done and done[0] == fingerprint:
                st.download_button(f"Download {spec.label}", data=done[1], file_name=file_name(briefing, key),
                                   mime=spec.mime, on_click="ignore", icon=":material/download:",
                                   key=f"export_{key}", type="primary", width="stretch")
            elif done:
                st.caption("The view changed since it was rendered: render again.")
