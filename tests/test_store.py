"""Saving: atomic, locked writes of events.csv, the change log, reports in sources.csv, retiring."""

import csv
import io
import json
import multiprocessing
import shutil
import threading
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from utils.data.dataset import load_dataset
from utils.data.store import CHANGE_COLUMNS, EventStore, SaveRefused, read_changes

DATA = Path(__file__).resolve().parent.parent / "data"

NEW_EVENT = {
    "event_date": "2025-05-02", "date_precision": "day", "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike", "actor1": "Unidentified armed group", "actor2": "",
    "location": "Jableh", "admin1": "Lattakia", "latitude": "35.35", "longitude": "35.917", "geo_precision": "1",
    "source": "SouthFront", "claimed_by": "Russian Ministry of Defence", "status": "claimed", "fatalities": "",
    "notes": "Test event", "doc_id": "SF-2025-04",
}


@pytest.fixture
def folder(tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def test_adding_an_event_appends_it_and_logs_it(folder):
    store = EventStore(folder)
    before = (folder / "events.csv").read_bytes()
    event_id = store.add_event(NEW_EVENT, who="analyst@example.org")
    assert event_id == "EV0031"
    after = (folder / "events.csv").read_bytes()
    assert after.startswith(before)  # the rows already there are written exactly as they were
    assert (folder / "events.csv.bak").read_bytes() == before  # the previous version is kept
    loaded = load_dataset(folder)
    assert loaded.load.problems == []
    row = loaded.events.set_index("event_id").loc["EV0031"]
    assert (row["location"], row["status"], row["claimed_by"]) == ("Jableh", "claimed", "Russian Ministry of Defence")
    log = read_changes(folder)
    assert list(log.columns) == list(CHANGE_COLUMNS)
    assert len(log) == 1
    entry = log.iloc[0]
    assert (entry["event_id"], entry["field"], entry["who"]) == ("EV0031", "(created)", "analyst@example.org")
    assert json.loads(entry["new_value"])["location"] == "Jableh"
    assert entry["when"].endswith("Z") and entry["when"][:4].isdigit()


@pytest.mark.parametrize(
    ("change", "column", "words"),
    [
        ({"latitude": "135"}, "latitude", "out of range"),
        ({"status": "true"}, "status", "not one of"),
        ({"sub_event_type": "Armed clash"}, "sub_event_type", "not a sub-event type"),
        ({"event_date": "2999-01-01"}, "event_date", "future"),
        ({"claimed_by": ""}, "claimed_by", "blank"),
        ({"doc_id": "NOPE"}, "doc_id", "sources.csv"),
        ({"fatalities": "many"}, "fatalities", "whole number"),
    ],
)
def test_a_bad_event_is_refused_with_the_field_and_nothing_is_written(folder, change, column, words):
    before = (folder / "events.csv").read_bytes()
    with pytest.raises(SaveRefused) as refused:
        EventStore(folder).add_event({**NEW_EVENT, **change})
    assert any(words in reason for reason in refused.value.by_field()[column])
    assert (folder / "events.csv").read_bytes() == before
    assert not (folder / "changes.csv").exists()


def test_a_status_change_needs_a_reason_and_is_logged_with_old_and_new(folder):
    store = EventStore(folder)
    with pytest.raises(SaveRefused, match="reason"):
        store.update_event("EV0005", {"status": "confirmed"}, reason="  ")
    assert store.update_event("EV0005", {"status": "confirmed"}, reason="SOHR confirmed it") == ["status"]
    assert load_dataset(folder).events.set_index("event_id").loc["EV0005", "status"] == "confirmed"
    entry = read_changes(folder).iloc[-1]
    assert (entry["event_id"], entry["field"], entry["old_value"], entry["new_value"], entry["reason"]) == (
        "EV0005", "status", "reported", "confirmed", "SOHR confirmed it")


def test_a_place_change_logs_each_field_and_an_unchanged_value_logs_nothing(folder):
    store = EventStore(folder)
    original = store.read_events().set_index("event_id").loc["EV0001"]
    changed = store.update_event("EV0001", {"location": "Jablah", "latitude": "35.36211", "longitude": "35.92759",
                                            "admin1": original["admin1"]}, reason="GeoNames position")
    assert changed == ["location", "latitude", "longitude"]
    assert store.update_event("EV0001", {"location": "Jablah"}, reason="again") == []
    log = read_changes(folder)
    assert log["field"].tolist() == ["location", "latitude", "longitude"]
    assert log["old_value"].tolist() == ["Jableh", "35.35", "35.917"]


def test_an_edit_that_breaks_a_rule_is_refused(folder):
    with pytest.raises(SaveRefused, match="future"):
        EventStore(folder).update_event("EV0001", {"event_date": date(2999, 1, 1)}, reason="typo")
    with pytest.raises(SaveRefused, match="cannot be edited"):
        EventStore(folder).update_event("EV0001", {"source": "Someone else"}, reason="no")
    with pytest.raises(SaveRefused, match="no event with this id"):
        EventStore(folder).update_event("EV9999", {"status": "confirmed"}, reason="no")


def test_retiring_keeps_the_row_hides_it_by_default_and_logs_it(folder):
    store = EventStore(folder)
    with pytest.raises(SaveRefused, match="why"):
        store.retire_event("EV0003", reason="")
    store.retire_event("EV0003", reason="Duplicate of EV0004", who="")
    raw = store.read_events()
    assert len(raw) == 30 and {"retired", "retired_at"} <= set(raw.columns)
    assert raw.set_index("event_id").loc["EV0003", "retired"] == "Duplicate of EV0004"
    from utils.analysis.filters import EventFilter

    events = load_dataset(folder).events
    assert "EV0003" not in set(EventFilter().apply(events)["event_id"])
    assert "EV0003" in set(EventFilter(include_retired=True).apply(events)["event_id"])
    with pytest.raises(SaveRefused, match="already retired"):
        store.retire_event("EV0003", reason="again")
    assert read_changes(folder).iloc[-1][["event_id", "field", "new_value"]].tolist() == [
        "EV0003", "retired", "Duplicate of EV0004"]


def test_attaching_a_report_to_an_incident_shares_its_incident_id(folder):
    store = EventStore(folder)
    existing = store.add_event(NEW_EVENT, attach_to="EV0001")
    events = store.read_events().set_index("event_id")
    assert events.loc[existing, "incident_id"] == events.loc["EV0001", "incident_id"] == "INC-2023-07-JABLEH"
    # an event without an incident gets one, written to both and logged
    second = store.add_event(NEW_EVENT, attach_to="EV0005")
    events = store.read_events().set_index("event_id")
    assert events.loc[second, "incident_id"] == events.loc["EV0005", "incident_id"] == "INC-EV0005"
    log = read_changes(folder)
    assert ((log["event_id"] == "EV0005") & (log["field"] == "incident_id")).sum() == 1


def test_recording_a_report_appends_to_sources_csv(folder):
    store = EventStore(folder)
    before = (folder / "sources.csv").read_bytes()
    doc_id = store.add_source(outlet="The Test Wire", headline="Drones over Jableh, in my words",
                              published=date(2025, 5, 3), published_precision="day",
                              url="https://example.org/a")
    assert doc_id == "TTW-2025-05"
    assert (folder / "sources.csv").read_bytes().startswith(before)
    again = store.add_source(outlet="The Test Wire", headline="Another", published="2025-05-04",
                             published_precision="day")
    assert again == "TTW-2025-05-2"
    sources = load_dataset(folder).sources.set_index("doc_id")
    assert sources.loc[doc_id, "url"] == "https://example.org/a"
    assert store.add_event({**NEW_EVENT, "doc_id": doc_id}) == "EV0031"


@pytest.mark.parametrize(
    ("fields", "column"),
    [({"url": "javascript:alert(1)"}, "url"), ({"outlet": " "}, "outlet"), ({"headline": ""}, "headline"),
     ({"published": "soon"}, "published"), ({"published_precision": "hour"}, "published_precision")],
)
def test_a_bad_report_is_refused_naming_the_field(folder, fields, column):
    values = {"outlet": "Wire", "headline": "H", "published": "2025-05-03", "published_precision": "day",
              **fields}
    with pytest.raises(SaveRefused) as refused:
        EventStore(folder).add_source(**values)
    assert column in refused.value.by_field()


def _add_many(folder: str, label: str, count: int, start) -> None:
    start.wait()
    store = EventStore(Path(folder))
    for number in range(count):
        store.add_event({**NEW_EVENT, "notes": f"{label} {number}"}, who=label)


@pytest.mark.slow
def test_two_writers_at_once_both_keep_every_change_and_the_file_stays_valid(folder):
    count = 15
    context = multiprocessing.get_context("fork")
    start = context.Barrier(3)
    writers = [context.Process(target=_add_many, args=(str(folder), label, count, start)) for label in "AB"]
    for writer in writers:
        writer.start()
    seen_rows: list[int] = []
    broken: list[str] = []
    stop = threading.Event()

    def read_while_writing() -> None:
        while not stop.is_set():
            text = (folder / "events.csv").read_text(encoding="utf-8")
            rows = list(csv.reader(io.StringIO(text)))
            if any(len(r) != len(rows[0]) for r in rows[1:]):
                broken.append(text)
            seen_rows.append(len(rows) - 1)

    reader = threading.Thread(target=read_while_writing)
    reader.start()
    start.wait()
    for writer in writers:
        writer.join(timeout=120)
    stop.set()
    reader.join()
    assert [w.exitcode for w in writers] == [0, 0]
    assert broken == [], "a reader saw a half-written events.csv"
    assert seen_rows == sorted(seen_rows) and len(seen_rows) > 1
    events = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False)
    new = events[events["event_id"] > "EV0030"]
    assert len(new) == 2 * count and new["event_id"].is_unique
    assert sorted(new["notes"]) == sorted(f"{label} {n}" for label in "AB" for n in range(count))
    assert load_dataset(folder).load.problems == []
    log = read_changes(folder)
    assert len(log) == 2 * count and sorted(log["event_id"]) == sorted(new["event_id"])
