"""'From an article' on the Import page: paste or upload a report, review the proposed events, save the accepted.

The extractor (utils/importers/article/) proposes; the analyst decides. Candidates sit in an editable
table beside the text (each one's evidence sentence highlighted, all text escaped), with a small map;
existing events within 10 km and 3 days are listed so a candidate can join that incident. Nothing is
saved until the analyst ticks events and presses Save; then the article becomes a new source record
and each accepted event goes through the normal save path (utils.importers.article.save).
"""

from __future__ import annotations

import hashlib
from datetime import date

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from ui.data import event_store
from ui.identity import current_user
from ui.view import View
from utils.analysis.nearby import NEARBY_DAYS, NEARBY_KM, nearby_events
from utils.core.escaping import escape_text, safe_http_url
from utils.core.schema import DATE_PRECISIONS, EVENT_TYPES, GEO_PRECISIONS, STATUSES, SUB_EVENT_TYPES
from utils.data.dataset import Dataset
from utils.data.folder import DataFolder
from utils.data.store import SaveRefused
from utils.data.store_sql import StoreConfigError
from utils.data.validation import EARLIEST_EVENT_DATE
from utils.importers.article import ArticleError, candidate_rows, extract_article
from utils.importers.article.folder import governorate_function, place_index_for
from utils.importers.article.save import save_reviewed
from utils.map.mapping import build_base_map, build_candidate_layer

STATE = "article_review"
EDITOR = "article_candidates_editor"
FLASH = "article_flash"
ALL_SUB_TYPES = tuple(dict.fromkeys(s for subs in SUB_EVENT_TYPES.values() for s in subs))
EDIT_COLUMNS = ("accept", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2",
                "location", "latitude", "longitude", "geo_precision", "claimed_by", "status", "fatalities",
                "attach_to", "recalled", "incident", "evidence")


@st.cache_resource(show_spinner="Loading the offline gazetteer for the article reader...", max_entries=2)
def _tools(folder: DataFolder, version: str, _dataset: Dataset):
    return place_index_for(folder, _dataset.events), governorate_function(folder)


def _highlighted(text: str, spans: list[tuple[int, tuple[int, int]]]) -> str:
    """The article as inert HTML, each evidence sentence in a <mark> with the numbers of its candidates."""
    numbers: dict[tuple[int, int], list[int]] = {}
    for number, span in spans:
        numbers.setdefault(span, []).append(number)
    out, position = [], 0
    for (start, end), owners in sorted(numbers.items()):
        if start < position:
            continue
        label = ", ".join(str(n) for n in sorted(set(owners)))
        out.append(escape_text(text[position:start]))
        out.append(f'<mark class="article-evidence" data-candidate="{escape_text(label)}"><b>[{escape_text(label)}]</b> '
                   f"{escape_text(text[start:end])}</mark>")
        position = end
    out.append(escape_text(text[position:]))
    body = "".join(out).replace("&#10;", "<br>")
    return f'<div class="article-text" style="max-height:520px;overflow-y:auto;line-height:1.5">{body}</div>'


def _candidate_map(dataset: Dataset, frame: pd.DataFrame) -> None:
    group = build_candidate_layer(frame)
    lat = pd.to_numeric(frame["latitude"], errors="coerce").dropna()
    lon = pd.to_numeric(frame["longitude"], errors="coerce").dropna()
    points = list(zip(lat, lon))
    center = points[0] if points else None
    st_folium(build_base_map(dataset.basemap, dataset.sites), key="article_map", feature_group_to_add=group,
              center=center, zoom=7 if center else None, returned_objects=[], use_container_width=True, height=360)


def _propose(view: View, raw: str | bytes, name: str, published: date | None, outlet: str) -> None:
    index, governorate_of = _tools(view.folder, view.dataset.version, view.dataset)
    try:
        extraction = extract_article(raw, published=published, outlet=outlet, index=index, name=name,
                                     governorate_of=governorate_of)
    except ArticleError as error:
        st.session_state.pop(STATE, None)
        st.session_state[STATE + "_error"] = str(error)
        return
    st.session_state.pop(STATE + "_error", None)
    rows = candidate_rows(extraction)
    frame = pd.DataFrame(rows, columns=[c for c in EDIT_COLUMNS if c not in ("accept", "attach_to")]
                         + ["source", "notes", "admin1"])
    frame.insert(0, "accept", False)
    frame["attach_to"] = ""
    frame["event_date"] = pd.to_datetime(frame["event_date"]).dt.date
    frame.index = range(1, len(frame) + 1)
    spans = [(number, span) for number, candidate in enumerate(extraction.candidates, start=1)
             for span in candidate.evidence_spans]
    st.session_state[STATE] = {"text": extraction.text, "frame": frame, "spans": spans, "outlet": extraction.outlet,
                               "published": extraction.published, "skipped": [
                                   (extraction.text[s.start:s.end], s.reason) for s in extraction.skipped],
                               "key": hashlib.sha256(extraction.text.encode()).hexdigest()[:12]}
    st.session_state.pop(EDITOR, None)


def _nearby(dataset: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    found = []
    for number, row in frame.iterrows():
        try:
            close = nearby_events(dataset.events, float(row["latitude"]), float(row["longitude"]),
                                  pd.Timestamp(row["event_date"]).date(), str(row["date_precision"]))
        except (TypeError, ValueError):
            continue
        if len(close):
            found.append(close.assign(candidate=number))
    if not found:
        return pd.DataFrame()
    columns = ["candidate", "event_id", "event_date", "date_precision", "sub_event_type", "location", "source",
               "claimed_by", "status", "incident_id", "distance_km"]
    table = pd.concat(found, ignore_index=True)
    return table[[c for c in columns if c in table.columns]]


def render_article_review(view: View) -> None:
    """The 'From an article' section: input, candidates beside the text, map, nearby events, save.

    ``view`` gives the dataset (for places and nearby events) and the served data folder (for the place index).
    """
    dataset = view.dataset
    st.subheader("From an article")
    st.caption("Paste a news report (or upload .txt / .html). The app proposes candidate events, each resting on a "
               "sentence you can read; you edit, drop or accept each. Nothing is saved until you press Save. "
               "Offline: rules and the gazetteer, no model and no network.")
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(escape_text(flash), icon=":material/check_circle:")
        st.page_link("pages/views/map.py", label="See them on the map", icon=":material/map:")
    with st.form("article_form", border=True):
        text = st.text_area("Article text", key="article_text", height=180,
                            placeholder="Paste the article here, or upload it below.")
        upload = st.file_uploader("...or upload the article (.txt, .html)", type=["txt", "html", "htm"],
                                  key="article_upload")
        c1, c2, c3 = st.columns(3)
        outlet = c1.text_input("Outlet (who published it)", key="article_outlet")
        published = c2.date_input("Published", value=None, min_value=EARLIEST_EVENT_DATE, max_value=date.today(),
                                  format="YYYY-MM-DD",
                                  key="article_published",
                                  help="Relative dates ('on Sunday', 'last week') are read from it.")
        c3.text_input("Link (optional)", key="article_url", placeholder="https://...")
        submitted = st.form_submit_button("Propose events", type="primary", icon=":material/auto_awesome:")
    if submitted:
        if upload is not None:
            _propose(view, upload.getvalue(), upload.name, published, outlet)
        else:
            _propose(view, text or "", "the pasted text", published, outlet)
    error = st.session_state.get(STATE + "_error")
    if error:
        st.error(escape_text(f"Nothing proposed: {error}"), icon=":material/block:")
    review = st.session_state.get(STATE)
    if not review:
        return
    frame: pd.DataFrame = review["frame"]
    if frame.empty:
        st.info("No candidate events found: no sentence names an event with a place the gazetteer knows. Add the "
                "events by hand on the Add or edit page.")
        return
    st.markdown(f"**{len(frame)} candidate event(s)** from {escape_text(review['outlet'])}, published "
                f"{review['published'].isoformat()}. Tick **accept** for each one to keep; edit any cell first.")
    left, right = st.columns([2, 3], gap="medium")
    with left:
        st.markdown(_highlighted(review["text"], review["spans"]), unsafe_allow_html=True)
    with right:
        edited = st.data_editor(
            frame, key=EDITOR, num_rows="fixed", width="stretch", height=380,
            disabled=["recalled", "incident", "evidence"],
            column_order=list(EDIT_COLUMNS),
            column_config={
                "accept": st.column_config.CheckboxColumn("accept", help="Keep this event (nothing is saved "
                                                                         "until you press Save)."),
                "event_date": st.column_config.DateColumn("date", format="YYYY-MM-DD", max_value=date.today()),
                "date_precision": st.column_config.SelectboxColumn("date known to", options=DATE_PRECISIONS),
                "event_type": st.column_config.SelectboxColumn("event type", options=EVENT_TYPES),
                "sub_event_type": st.column_config.SelectboxColumn("sub-event type", options=ALL_SUB_TYPES),
                "geo_precision": st.column_config.SelectboxColumn("place precision", options=list(GEO_PRECISIONS)),
                "status": st.column_config.SelectboxColumn("status", options=STATUSES),
                "latitude": st.column_config.NumberColumn("lat", format="%.4f", min_value=-90, max_value=90),
                "longitude": st.column_config.NumberColumn("lon", format="%.4f", min_value=-180, max_value=180),
                "fatalities": st.column_config.NumberColumn("fatalities", min_value=0, step=1),
                "attach_to": st.column_config.TextColumn("join incident of", help="An existing event id from the "
                                                         "list below: this report is another claim of it."),
                "evidence": st.column_config.TextColumn("evidence", width="large"),
            })
        _candidate_map(dataset, edited)
    close = _nearby(dataset, edited)
    if len(close):
        st.markdown(f"**Existing events within {NEARBY_KM:g} km and {NEARBY_DAYS} days of a candidate.** To record a "
                    "candidate as another claim of one of them, type its event id in **join incident of**.")
        st.dataframe(close, hide_index=True, key="article_nearby",
                     column_config={"event_date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                                    "distance_km": st.column_config.NumberColumn("km", format="%.1f")})
    if review["skipped"]:
        with st.expander(f"{len(review['skipped'])} sentence(s) with an event word gave no candidate"):
            for sentence, reason in review["skipped"]:
                st.caption(escape_text(f"{reason}: {sentence}"))
    b1, b2 = st.columns(2)
    b1.button("Accept all", key="article_accept_all", on_click=_set_accept, args=(True,), icon=":material/done_all:")
    b2.button("Accept none", key="article_accept_none", on_click=_set_accept, args=(False,),
              icon=":material/remove_done:")
    accepted = edited[edited["accept"].fillna(False).astype(bool)]
    headline = st.text_input("Headline, in your own words (for the source record)", key="article_headline")
    if st.button(f"Save {len(accepted)} accepted event(s)", type="primary", key="article_save",
                 disabled=accepted.empty, icon=":material/save:"):
        _save(review, accepted, close, headline)


def _set_accept(value: bool) -> None:
    """Tick (or clear) accept on every candidate, keeping the edits made so far in the table."""
    review = st.session_state.get(STATE)
    if not review:
        return
    frame = review["frame"].copy()
    edits = (st.session_state.get(EDITOR) or {}).get("edited_rows", {})
    for position, changes in edits.items():
        label = frame.index[int(position)]
        for column, value in changes.items():
            if column in frame.columns:
                frame.at[label, column] = pd.Timestamp(value).date() if column == "event_date" and value else value
    frame["accept"] = value
    review["frame"] = frame
    st.session_state.pop(EDITOR, None)


def _save(review: dict, accepted: pd.DataFrame, close: pd.DataFrame, headline: str) -> None:
    url = st.session_state.get("article_url", "") or ""
    if url and not safe_http_url(url):
        st.error(escape_text(f"The link {url!r} is not an http(s) link; fix it or leave it blank."))
        return
    joins = {str(v).strip() for v in accepted["attach_to"].fillna("") if str(v).strip()}
    allowed = set(close["event_id"]) if len(close) else set()
    if joins - allowed:
        st.error(escape_text(f"'join incident of' must be an event listed as nearby; not nearby: "
                             f"{', '.join(sorted(joins - allowed))}."))
        return
    events = []
    for _, row in accepted.iterrows():
        event = {column: row.get(column) for column in accepted.columns}
        event["event_date"] = pd.Timestamp(row["event_date"]).date().isoformat() if pd.notna(row["event_date"]) else ""
        event["fatalities"] = "" if pd.isna(row.get("fatalities")) else int(row["fatalities"])
        events.append(event)
    try:
        store = event_store()
        store.db.check_writable()
        saved = save_reviewed(store, outlet=review["outlet"], headline=headline, published=review["published"],
                              url=url, events=events, who=current_user())
    except (SaveRefused, StoreConfigError) as error:
        st.error(escape_text(f"Nothing saved: {error}"), icon=":material/error:")
        return
    st.session_state.pop(STATE, None)
    st.session_state.pop(EDITOR, None)
    st.session_state[FLASH] = (f"Saved report {saved.doc_id} and {len(saved.event_ids)} event(s): "
                               f"{', '.join(saved.event_ids)}.")
    st.rerun()
