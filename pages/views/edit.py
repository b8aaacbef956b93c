"""Add or edit: record a new report and its events, change or retire an event, read the change log."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from ui.data import event_store
from ui.event_picker import pick_event
from ui.identity import ask_name_once
from ui.place_picker import LOCATION_KEY, governorate_of, pick_place
from ui.view import current_view
from utils.analysis.nearby import NEARBY_DAYS, NEARBY_KM, nearby_events
from utils.core.coords import CoordinateError, format_degrees, parse_coordinates
from utils.core.escaping import escape_text
from utils.core.problems import BLANK
from utils.core.schema import DATE_PRECISIONS, DISPLAY_LABELS, EVENT_TYPES, GEO_PRECISIONS, STATUSES, SUB_EVENT_TYPES
from utils.data.csv_read import ROW_COLUMN
from utils.data.store import SaveRefused, StaleEdit
from utils.data.store_export import changes_csv_bytes
from utils.data.store_sql import StoreConfigError
from utils.data.validation import EARLIEST_EVENT_DATE, validate_events

REPORT = "edit_report"
FLASH = "edit_flash"
TRIED = "edit_tried"
NEW_REPORT = "(record a new report)"


def field_messages(slot, messages: list[str]) -> None:
    """Show validation messages in the placeholder under a field."""
    if messages:
        slot.error(escape_text(" ".join(messages)), icon=":material/error:")


def problems_by_field(error: SaveRefused) -> dict[str, list[str]]:
    return error.by_field()


view = current_view()
dataset = view.dataset
folder = view.folder.root  # the served data folder (--data-dir), chosen at start-up

st.title("Add or edit")
try:
    store = event_store()
    store.db.check_writable()
except StoreConfigError as error:
    st.error(escape_text(f"Saving is off: {error}"), icon=":material/block:")
    st.stop()
where = "the PostgreSQL store" if store.db.kind == "postgresql" else "the data folder's store"
st.caption(escape_text(f"Every save goes to {where} at once, in one transaction with its change-log rows; "
                       "an edit made meanwhile by someone else is never overwritten."))
who = ask_name_once()
flash = st.session_state.pop(FLASH, None)
if flash:
    st.success(escape_text(flash), icon=":material/check_circle:")

adding, editing, log_tab = st.tabs(["Add from a report", "Edit an event", "Change log"])

# -- 1. the report -----------------------------------------------------------------------------------------
with adding:
    st.subheader("1. The report")
    sources = dataset.sources
    doc_ids = [NEW_REPORT, *reversed(sources["doc_id"].tolist())]
    outlets = dict(zip(sources["doc_id"], sources["outlet"]))
    pending = st.session_state.pop("pending_report", None)
    if pending in doc_ids:
        st.session_state[REPORT] = pending
    if st.session_state.get(REPORT) not in doc_ids:
        st.session_state[REPORT] = NEW_REPORT
    report = st.selectbox("Report", doc_ids, key=REPORT, persist_state="session",
                          format_func=lambda d: d if d == NEW_REPORT else f"{d} · {outlets.get(d, '')}")
    if report == NEW_REPORT:
        with st.form("new_report", border=True):
            outlet = st.text_input("Outlet (who published it)", key="report_outlet", persist_state="session")
            outlet_slot = st.empty()
            headline = st.text_area("Headline, in your own words", key="report_headline", persist_state="session",
                                    height=68)
            headline_slot = st.empty()
            c1, c2 = st.columns(2)
            published = c1.date_input("Published", key="report_published", persist_state="session", value=date.today(),
                                      min_value=EARLIEST_EVENT_DATE, max_value=date.today(), format="YYYY-MM-DD")
            published_precision = c2.selectbox("Publication date known to the", DATE_PRECISIONS,
                                               key="report_precision", persist_state="session")
            url = st.text_input("Link (optional)", key="report_url", persist_state="session", placeholder="https://...")
            url_slot = st.empty()
            c3, c4 = st.columns(2)
            language = c3.text_input("Language (optional)", key="report_language", persist_state="session")
            stance = c4.text_input("How to weigh it (optional)", key="report_stance", persist_state="session")
            if st.form_submit_button("Record the report", type="primary"):
                try:
                    doc_id = store.add_source(outlet=outlet, headline=headline, published=published,
                                              published_precision=published_precision, url=url,
                                              language=language, stance=stance, who=who)
                except StoreConfigError as error:
                    st.error(escape_text(str(error)), icon=":material/error:")
                except SaveRefused as error:
                    by_field = problems_by_field(error)
                    field_messages(outlet_slot, by_field.get("outlet", []))
                    field_messages(headline_slot, by_field.get("headline", []))
                    field_messages(url_slot, by_field.get("url", []))
                    other = [m for k, v in by_field.items() if k not in ("outlet", "headline", "url") for m in v]
                    if other:
                        st.error(escape_text(" ".join(other)))
                else:
                    st.session_state[FLASH] = f"Report {doc_id} recorded. Now add its events."
                    st.session_state["pending_report"] = doc_id
                    st.rerun()
    else:
        source = sources.set_index("doc_id").loc[report]
        st.caption(escape_text(f"{source['outlet']}, published {source['published']:%Y-%m-%d} "
                               f"({source['published_precision']}): {source['headline']}"))

# -- 2. an event from the report ------------------------------------------------------------------------------
    if report != NEW_REPORT:
        source = sources.set_index("doc_id").loc[report]
        st.subheader("2. An event it reports")
        place = pick_place(dataset, str(folder))
        c1, c2 = st.columns(2)
        location = c1.text_input("Place as reported", key=LOCATION_KEY, persist_state="session",
                                 help="The place in the report's words; filled from the gazetteer when you pick "
                                      "a name.")
        location_slot = c1.empty()
        geo_precision = c2.selectbox("Place precision", list(GEO_PRECISIONS), key="new_geo_precision",
                                     persist_state="session", format_func=lambda code: f"{code}: {GEO_PRECISIONS[code]}")
        c1, c2 = st.columns(2)
        event_date = c1.date_input("Date (best estimate)", key="new_date", persist_state="session",
                                   value=source["published"].date(),
                                   min_value=EARLIEST_EVENT_DATE, max_value=date.today(), format="YYYY-MM-DD")
        date_slot = c1.empty()
        precision = c2.selectbox("Date known to the", DATE_PRECISIONS, key="new_precision", persist_state="session")
        c1, c2 = st.columns(2)
        event_type = c1.selectbox("Event type", EVENT_TYPES, key="new_type", persist_state="session",
                                  index=EVENT_TYPES.index("Explosions/Remote violence"))
        sub_types = SUB_EVENT_TYPES[event_type]
        if st.session_state.get("new_sub_type") not in sub_types:
            st.session_state["new_sub_type"] = sub_types[0]
        sub_event_type = c2.selectbox("Sub-event type", sub_types, key="new_sub_type", persist_state="session")
        c1, c2 = st.columns(2)
        actor1 = c1.text_input("Actor 1 (ACLED-style name)", key="new_actor1", persist_state="session")
        actor1_slot = c1.empty()
        actor2 = c2.text_input("Actor 2 (optional)", key="new_actor2", persist_state="session")
        c1, c2, c3 = st.columns(3)
        if "new_source" not in st.session_state or st.session_state.get("new_source_doc") != report:
            st.session_state["new_source"] = source["outlet"]
            st.session_state["new_source_doc"] = report
        source_name = c1.text_input("Reported by (outlet)", key="new_source", persist_state="session")
        source_slot = c1.empty()
        claimed_by = c2.text_input("Claimed by", key="new_claimed_by", persist_state="session",
                                   help="Who made the claim; 'outlet (no attribution)' when the outlet states it "
                                        "on its own authority.")
        claimed_slot = c2.empty()
        status = c3.selectbox("Status", STATUSES, key="new_status", persist_state="session",
                              help="claimed: asserted by a party with a stake; reported: stated by media or a "
                                   "monitor; confirmed: an independent check is cited; disputed: contradicted.")
        c1, c2 = st.columns([1, 3])
        fatalities = c1.text_input("Fatalities (blank if unknown)", key="new_fatalities", persist_state="session")
        fatalities_slot = c1.empty()
        notes = c2.text_area("Notes, in your own words", key="new_notes", persist_state="session", height=68)

        fields = {
            "event_date": event_date.isoformat() if event_date else "",
            "date_precision": precision, "event_type": event_type, "sub_event_type": sub_event_type,
            "actor1": actor1, "actor2": actor2, "location": location,
            "admin1": place.governorate if place else "",
            "latitude": format_degrees(place.latitude) if place else "",
            "longitude": format_degrees(place.longitude) if place else "",
            "geo_precision": str(geo_precision), "source": source_name, "claimed_by": claimed_by,
            "status": status, "fatalities": fatalities, "notes": notes, "doc_id": report,
        }
        row = pd.DataFrame([{**fields, "event_id": "NEW", ROW_COLUMN: 2}])
        check = validate_events(row, "new event", known_doc_ids=sources["doc_id"])
        messages: dict[str, list[str]] = {}
        for problem in check.problems:
            if problem.kind == BLANK and not st.session_state.get(TRIED):
                continue
            messages.setdefault(problem.column or "", []).append(problem.reason)
        for column, slot in (("location", location_slot), ("event_date", date_slot), ("actor1", actor1_slot),
                             ("source", source_slot), ("claimed_by", claimed_slot),
                             ("fatalities", fatalities_slot)):
            field_messages(slot, messages.pop(column, []))
        if place is None and st.session_state.get(TRIED):
            st.error("Choose the place: pick a name, click the map or type coordinates.", icon=":material/error:")
        for column, reasons in messages.items():
            if column not in ("latitude", "longitude") or place is not None:
                st.error(escape_text(f"{DISPLAY_LABELS.get(column, column)}: {' '.join(reasons)}"))

        attach_to = None
        if place is not None and event_date:
            close = nearby_events(dataset.events, place.latitude, place.longitude, event_date, precision)
            if len(close):
                st.markdown(f"**{len(close)} event(s) within {NEARBY_KM:g} km and {NEARBY_DAYS} days of this "
                            "one.** Is the new report another claim of one of them?")
                st.dataframe(close[["event_id", "event_date", "date_precision", "sub_event_type", "location",
                                    "source", "claimed_by", "status", "incident_id", "distance_km"]],
                             hide_index=True, key="nearby_table",
                             column_config={"event_date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                                            "distance_km": st.column_config.NumberColumn("km", format="%.1f")})
                options = [None, *close["event_id"].tolist()]
                nearby_labels = dict(zip(close["event_id"], close["location"]))
                attach_to = st.radio("Save as", options, key="attach_to", format_func=lambda e: (
                    "a new incident" if e is None
                    else escape_text(f"another claim of the incident of {e} ({nearby_labels[e]})")))

        if st.button("Save the event", type="primary", key="save_event"):
            st.session_state[TRIED] = True
            if place is None or not check.events.shape[0]:
                st.rerun()
            try:
                event_id = store.add_event(fields, who=who, attach_to=attach_to,
                                           reason=f"new report {report}")
            except (SaveRefused, StoreConfigError) as error:
                st.error(escape_text(str(error)))
            else:
                st.session_state[TRIED] = False
                joined = f", another claim of the incident of {attach_to}" if attach_to else ""
                st.session_state[FLASH] = (f"Saved {event_id}: {location}, {event_date.isoformat()}{joined}. "
                                           "Add another event from this report, or pick another report.")
                for key in ("new_notes", "new_fatalities", "attach_to"):
                    st.session_state.pop(key, None)
                st.rerun()

# -- editing --------------------------------------------------------------------------------------------------
with editing:
    events = dataset.events
    chosen = pick_event(view)
    if chosen:
        event = events.loc[events["event_id"] == chosen].iloc[0]
        retired = str(event.get("retired", "") or "").strip()
        if retired:
            st.warning(escape_text(f"Retired: {retired} ({event.get('retired_at', '')})."))
        action = st.segmented_control("Change", ["Status", "Place", "Date", "Retire"], key="edit_action",
                                      default="Status")
        changes: dict[str, object] = {}
        problem = None
        if action == "Status":
            changes["status"] = st.selectbox("New status", STATUSES, index=STATUSES.index(event["status"]),
                                             key=f"edit_status_{chosen}")
        elif action == "Place":
            changes["location"] = st.text_input("Place as reported", value=event["location"],
                                                key=f"edit_location_{chosen}")
            text = st.text_input("Coordinates (latitude, longitude)",
                                 value=f"{event['latitude']:.5f}, {event['longitude']:.5f}",
                                 key=f"edit_coords_{chosen}")
            try:
                lat, lon = parse_coordinates(text)
                changes.update(latitude=format_degrees(lat), longitude=format_degrees(lon))
                changes["admin1"] = governorate_of(str(folder), lat, lon)
            except CoordinateError as error:
                problem = str(error)
                st.error(escape_text(problem))
            changes["geo_precision"] = st.selectbox("Place precision", list(GEO_PRECISIONS),
                                                    index=list(GEO_PRECISIONS).index(int(event["geo_precision"])),
                                                    key=f"edit_geo_{chosen}",
                                                    format_func=lambda c: f"{c}: {GEO_PRECISIONS[c]}")
        elif action == "Date":
            c1, c2 = st.columns(2)
            changes["event_date"] = c1.date_input("Date", value=event["event_date"].date(),
                                                  min_value=EARLIEST_EVENT_DATE, max_value=date.today(),
                                                  key=f"edit_date_{chosen}", format="YYYY-MM-DD")
            changes["date_precision"] = c2.selectbox("Known to the", DATE_PRECISIONS,
                                                     index=DATE_PRECISIONS.index(event["date_precision"]),
                                                     key=f"edit_precision_{chosen}")
        reason = st.text_input("Reason (required; it goes into the change log)", key=f"edit_reason_{chosen}")
        base_key = f"edit_base_version_{chosen}"
        if base_key not in st.session_state:  # the version this analyst started from
            st.session_state[base_key] = int(event.get("event_version", 0) or 0) or None
        stale_key = f"edit_stale_{chosen}"

        def save(expected: int | None) -> None:
            try:
                if action == "Retire":
                    store.retire_event(chosen, reason=reason, who=who, expected_version=expected)
                    done = f"{chosen} retired. It is hidden unless 'Show retired events' is ticked."
                else:
                    changed = store.update_event(chosen, changes, reason=reason, who=who, expected_version=expected)
                    done = (f"{chosen}: {', '.join(changed)} changed." if changed else
                            f"{chosen}: nothing changed; the values are the same as before.")
            except StaleEdit as error:
                st.session_state[stale_key] = {"message": str(error.problems[0].reason),
                                               "other": error.other.to_dict("records"),
                                               "current": error.current_version}
            except (SaveRefused, StoreConfigError) as error:
                st.error(escape_text(str(error)), icon=":material/error:")
            else:
                st.session_state[FLASH] = done
                for key in (f"edit_reason_{chosen}", base_key, stale_key):
                    st.session_state.pop(key, None)
                st.rerun()

        if st.button("Retire the event" if action == "Retire" else "Save the change", type="primary",
                     key="edit_save", disabled=problem is not None):
            save(st.session_state.get(base_key))
        stale = st.session_state.get(stale_key)
        if stale:
            st.error(escape_text(stale["message"]), icon=":material/sync_problem:")
            st.dataframe(pd.DataFrame(stale["other"]), hide_index=True, key="stale_changes")
            if st.button("Apply my change on top of theirs", key="edit_reapply", icon=":material/redo:",
                         help="Saves the values in the form above over the event as it is now."):
                st.session_state[base_key] = stale["current"]
                save(stale["current"])
        st.markdown("**History of this event**")
        changes_log = store.changes()
        history = changes_log[changes_log["event_id"] == chosen]
        if history.empty:
            st.caption("No recorded changes: the event is as it was first written.")
        else:
            st.dataframe(history.iloc[::-1], hide_index=True, key="event_history")

# -- the change log -----------------------------------------------------------------------------------------
with log_tab:
    since = st.date_input("What changed since", value=date.today() - timedelta(days=7), key="changes_since",
                          format="YYYY-MM-DD")
    log = store.changes()
    recent = log[log["when"].str[:10] >= since.isoformat()] if len(log) else log
    st.caption(escape_text(f"{len(recent)} change(s) since {since.isoformat()} ({len(log)} in all), "
                           "newest first. 'who' is blank when the deployment does not identify users."))
    st.dataframe(recent.iloc[::-1], hide_index=True, key="change_log")
    if len(log):
        st.download_button("Download the change log (CSV)", changes_csv_bytes(log), file_name="changes.csv",
                           mime="text/csv", on_click="ignore")
