"""The store, on the embedded SQLite file and on PostgreSQL + PostGIS: saves, versions, the change log, writers.

Every test taking ``store_url`` runs twice: on ``eventmap.sqlite`` in a data
folder copy and on a fresh PostgreSQL database (tests/store_fixtures.py).
"""

import json
import multiprocessing
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from utils.data.dataset import load_dataset
from utils.data.store import CHANGE_COLUMNS, EventStore, SaveRefused, StaleEdit
from utils.data.store_sql import StoreConfigError, open_database

NEW_EVENT = {
    "event_date": "2025-05-02", "date_precision": "day", "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike", "actor1": "Unidentified armed group", "actor2": "",
    "location": "Jableh", "admin1": "Lattakia", "latitude": "35.35", "longitude": "35.917", "geo_precision": "1",
    "source": "SouthFront", "claimed_by": "Russian Ministry of Defence", "status": "claimed", "fatalities": "",
    "notes": "Test event", "doc_id": "SF-2025-04",
}


def events_of(folder: Path, url: str | None) -> pd.DataFrame:
    return EventStore(folder, database_url=url).read_events().set_index("event_id")


def test_the_store_is_filled_from_the_csv_files_once(folder, store_url):
    store = EventStore(folder, database_url=store_url)
    assert len(store.read_events()) == 30 and store.data_version() == 1
    again = EventStore(folder, database_url=store_url)
    assert len(again.read_events()) == 30 and again.data_version() == 1, "a second open fills nothing"
    dataset = load_dataset(folder, database_url=store_url)
    assert len(dataset.events) == 30 and dataset.load.problems == []
    assert set(dataset.events["collection"]) == {"bundled"} and set(dataset.events["event_version"]) == {1}


def test_adding_an_event_stores_it_and_logs_it(folder, store_url):
    store = EventStore(folder, database_url=store_url)
    event_id = store.add_event(NEW_EVENT, who="analyst@example.org")
    assert event_id == "EV0031"
    row = load_dataset(folder, database_url=store_url).events.set_index("event_id").loc["EV0031"]
    assert (row["location"], row["status"], row["claimed_by"]) == ("Jableh", "claimed", "Russian Ministry of Defence")
    log = store.changes()
    assert list(log.columns) == list(CHANGE_COLUMNS) and len(log) == 1
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
    store = EventStore(folder)
    before = store.data_version()
    with pytest.raises(SaveRefused) as refused:
        store.add_event({**NEW_EVENT, **change})
    assert any(words in reason for reason in refused.value.by_field()[column])
    assert len(store.read_events()) == 30 and store.changes().empty and store.data_version() == before


def test_a_status_change_needs_a_reason_and_is_logged_with_old_and_new(folder, store_url):
    store = EventStore(folder, database_url=store_url)
    with pytest.raises(SaveRefused, match="reason"):
        store.update_event("EV0005", {"status": "confirmed"}, reason="  ")
    assert store.update_event("EV0005", {"status": "confirmed"}, reason="SOHR confirmed it") == ["status"]
    assert load_dataset(folder, database_url=store_url).events.set_index("event_id").loc["EV0005", "status"] == \
        "confirmed"
    entry = store.changes().iloc[-1]
    assert (entry["event_id"], entry["field"], entry["old_value"], entry["new_value"], entry["reason"]) == (
        "EV0005", "status", "reported", "confirmed", "SOHR confirmed it")
    assert store.event_version("EV0005") == 2


def test_a_place_change_logs_each_field_and_an_unchanged_value_logs_nothing(folder, store_url):
    store = EventStore(folder, database_url=store_url)
    original = store.read_events().set_index("event_id").loc["EV0001"]
    changed = store.update_event("EV0001", {"location": "Jablah", "latitude": "35.36211", "longitude": "35.92759",
                                            "admin1": original["admin1"]}, reason="GeoNames position")
    assert changed == ["location", "latitude", "longitude"]
    assert store.update_event("EV0001", {"location": "Jablah", "latitude": "35.362110"}, reason="again") == []
    log = store.changes()
    assert log["field"].tolist() == ["location", "latitude", "longitude"]
    assert log["old_value"].tolist() == ["Jableh", "35.35", "35.917"]


def test_an_edit_that_breaks_a_rule_is_refused(folder):
    store = EventStore(folder)
    with pytest.raises(SaveRefused, match="future"):
        store.update_event("EV0001", {"event_date": date(2999, 1, 1)}, reason="typo")
    with pytest.raises(SaveRefused, match="cannot be edited"):
        store.update_event("EV0001", {"source": "Someone else"}, reason="no")
    with pytest.raises(SaveRefused, match="no event with this id"):
        store.update_event("EV9999", {"status": "confirmed"}, reason="no")
    assert store.changes().empty


def test_retiring_keeps_the_row_hides_it_by_default_and_logs_it(folder, store_url):
    store = EventStore(folder, database_url=store_url)
    with pytest.raises(SaveRefused, match="why"):
        store.retire_event("EV0003", reason="")
    store.retire_event("EV0003", reason="Duplicate of EV0004", who="")
    raw = store.read_events()
    assert len(raw) == 30 and raw.set_index("event_id").loc["EV0003", "retired"] == "Duplicate of EV0004"
    from utils.analysis.filters import EventFilter

    events = load_dataset(folder, database_url=store_url).events
    assert "EV0003" not in set(EventFilter().apply(events)["event_id"])
    assert "EV0003" in set(EventFilter(include_retired=True).apply(events)["event_id"])
    with pytest.raises(SaveRefused, match="already retired"):
        store.retire_event("EV0003", reason="again")
    assert store.changes().iloc[-1][["event_id", "field", "new_value"]].tolist() == [
        "EV0003", "retired", "Duplicate of EV0004"]


def test_attaching_a_report_to_an_incident_shares_its_incident_id(folder, store_url):
    store = EventStore(folder, database_url=store_url)
    existing = store.add_event(NEW_EVENT, attach_to="EV0001")
    events = store.read_events().set_index("event_id")
    assert events.loc[existing, "incident_id"] == events.loc["EV0001", "incident_id"] == "INC-2023-07-JABLEH"
    second = store.add_event(NEW_EVENT, attach_to="EV0005")
    events = store.read_events().set_index("event_id")
    assert events.loc[second, "incident_id"] == events.loc["EV0005", "incident_id"] == "INC-EV0005"
    log = store.changes()
    assert ((log["event_id"] == "EV0005") & (log["field"] == "incident_id")).sum() == 1
    assert store.event_version("EV0005") == 2, "the event given the incident id has a new version"


def test_recording_a_report_adds_an_article(folder, store_url):
    store = EventStore(folder, database_url=store_url)
    doc_id = store.add_source(outlet="The Test Wire", headline="Drones over Jableh, in my words",
                              published=date(2025, 5, 3), published_precision="day", url="https://example.org/a")
    assert doc_id == "TTW-2025-05"
    again = store.add_source(outlet="The Test Wire", headline="Another", published="2025-05-04",
                             published_precision="day")
    assert again == "TTW-2025-05-2"
    sources = load_dataset(folder, database_url=store_url).sources.set_index("doc_id")
    assert sources.loc[doc_id, "url"] == "https://example.org/a" and len(sources) == 7
    assert store.add_event({**NEW_EVENT, "doc_id": doc_id}) == "EV0031"


@pytest.mark.parametrize(
    ("fields", "column"),
    [({"url": "javascript:alert(1)"}, "url"), ({"outlet": " "}, "outlet"), ({"headline": ""}, "headline"),
     ({"published": "soon"}, "published"), ({"published_precision": "hour"}, "published_precision")],
)
def test_a_bad_report_is_refused_naming_the_field(folder, fields, column):
    values = {"outlet": "Wire", "headline": "H", "published": "2025-05-03", "published_precision": "day", **fields}
    with pytest.raises(SaveRefused) as refused:
        EventStore(folder).add_source(**values)
    assert column in refused.value.by_field()


def test_a_stale_edit_is_refused_with_the_other_change_and_can_be_reapplied_on_top(folder, store_url):
    mine, theirs = EventStore(folder, database_url=store_url), EventStore(folder, database_url=store_url)
    opened_at = mine.event_version("EV0005")
    theirs.update_event("EV0005", {"status": "confirmed"}, reason="SOHR confirmed it", who="other@example.org",
                        expected_version=opened_at)
    with pytest.raises(StaleEdit) as stale:
        mine.update_event("EV0005", {"status": "disputed", "notes": "contradicted"}, reason="denied",
                          who="me@example.org", expected_version=opened_at)
    error = stale.value
    assert "EV0005 was changed by other@example.org (status)" in str(error)
    assert error.other[["field", "old_value", "new_value", "who"]].values.tolist() == [
        ["status", "reported", "confirmed", "other@example.org"]]
    assert events_of(folder, store_url).loc["EV0005", "status"] == "confirmed", "nothing of the stale edit saved"
    assert mine.update_event("EV0005", {"status": "disputed"}, reason="denied", who="me@example.org",
                             expected_version=error.current_version) == ["status"]
    assert mine.changes()["who"].tolist() == ["other@example.org", "me@example.org"]
    with pytest.raises(StaleEdit):
        mine.retire_event("EV0005", reason="dup", expected_version=opened_at)


def test_a_failure_mid_transaction_leaves_nothing_half_written(folder, store_url, monkeypatch):
    store = EventStore(folder, database_url=store_url)
    before = (store.data_version(), store.read_events().set_index("event_id").loc["EV0001"].to_dict())
    import utils.data.store as store_module

    def broken(*args, **kwargs):
        raise RuntimeError("the disk went away while the change log was written")

    monkeypatch.setattr(store_module, "log_changes", broken)
    with pytest.raises(RuntimeError):
        store.update_event("EV0001", {"status": "confirmed", "location": "Jablah"}, reason="x")
    with pytest.raises(RuntimeError):
        store.add_event(NEW_EVENT, attach_to="EV0005")
    monkeypatch.undo()
    after = EventStore(folder, database_url=store_url)
    assert after.data_version() == before[0]
    assert after.read_events().set_index("event_id").loc["EV0001"].to_dict() == before[1]
    assert len(after.read_events()) == 30 and after.changes().empty
    assert after.read_events().set_index("event_id").loc["EV0005", "incident_id"] == ""
    new_id = after.add_event(NEW_EVENT)  # PostgreSQL's sequence skips the ids of rolled-back adds; SQLite reuses them
    assert new_id.startswith("EV") and len(after.read_events()) == 31


def _add_many(folder: str, url: str | None, label: str, count: int, start) -> None:
    start.wait()
    store = EventStore(Path(folder), database_url=url)
    for number in range(count):
        store.add_event({**NEW_EVENT, "notes": f"{label} {number}"}, who=label)


def run_writers(folder: Path, url: str | None, labels: str, count: int) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(labels))
    EventStore(folder, database_url=url).read_events()  # filled once before the writers race
    writers = [context.Process(target=_add_many, args=(str(folder), url, label, count, start)) for label in labels]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=600)
    assert [w.exitcode for w in writers] == [0] * len(labels)


@pytest.mark.slow
def test_several_writers_at_once_keep_every_change_with_distinct_ids(folder, store_url):
    count = 15
    run_writers(folder, store_url, "ABC", count)
    store = EventStore(folder, database_url=store_url)
    events = store.read_events()
    new = events[events["event_id"] > "EV0030"]
    assert len(new) == 3 * count and new["event_id"].is_unique
    assert sorted(new["notes"]) == sorted(f"{label} {n}" for label in "ABC" for n in range(count))
    log = store.changes()
    assert len(log) == 3 * count and sorted(log["event_id"]) == sorted(new["event_id"])
    by_note = dict(zip(new["event_id"], new["notes"]))
    assert all(by_note[e].startswith(who) for e, who in zip(log["event_id"], log["who"])), "each row names its writer"
    assert len(load_dataset(folder, database_url=store_url).events) == 30 + 3 * count


def test_bad_configuration_says_what_to_fix(folder, postgres_server, postgres_url):
    from utils.data.store_sql import describe_url

    unreachable = "postgresql://someone:secret@127.0.0.1:9/nowhere"
    with pytest.raises(StoreConfigError, match="no PostgreSQL server answers there") as error:
        open_database(folder, unreachable)
    assert "secret" not in str(error.value)
    wrong_password = postgres_url.replace("://postgres:", "://postgres:wrong", 1)
    with pytest.raises(StoreConfigError, match="user name or password is wrong"):
        open_database(folder, wrong_password)
    with pytest.raises(StoreConfigError, match="not a PostgreSQL URL"):
        open_database(folder, "mysql://x@y/z")
    import psycopg

    with psycopg.connect(postgres_server, autocommit=True) as connection:  # a database whose owner cannot add PostGIS
        connection.execute("DROP ROLE IF EXISTS plain_user")
        connection.execute("CREATE ROLE plain_user LOGIN PASSWORD 'plain'")
        name = "t_no_postgis_" + postgres_url.rsplit("_", 1)[-1]
        connection.execute(f"CREATE DATABASE {name} OWNER plain_user TEMPLATE template0")
    base = postgres_server.rsplit("@", 1)[1].rsplit("/", 1)[0]
    try:
        with pytest.raises(StoreConfigError, match="has no PostGIS") as error:
            open_database(folder, f"postgresql://plain_user:plain@{base}/{name}")
        assert "postgresql-15-postgis-3" in str(error.value) and "plain@" not in str(error.value)
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    assert describe_url("postgresql://a:b@h/d") == "postgresql://a:***@h/d"


def test_a_read_only_data_folder_says_nothing_can_be_saved_and_how_to_fix_it(folder, monkeypatch):
    import os

    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    dataset = load_dataset(folder)
    assert len(dataset.events) == 30, "the data is still shown"
    assert any("is read-only, so nothing can be saved" in note and "chmod u+w" in note for note in dataset.notes)
    with pytest.raises(StoreConfigError, match="read-only.*chmod u\\+w"):
        EventStore(folder).add_event(NEW_EVENT)
    assert not (folder / "eventmap.sqlite").exists(), "nothing was written in the folder"


# -- issue 11, items 5 and 6: fixed at the root by the store (no CSV rewritten on save) ---------------------------

def test_a_bare_carriage_return_in_a_saved_cell_keeps_the_event_and_its_doc_id(folder, store_url):
    store = EventStore(folder, database_url=store_url)
    store.update_event("EV0007", {"notes": "first line\rsecond line\r=1+1"}, reason="pasted from a PDF")
    store.update_event("EV0008", {"status": "confirmed"}, reason="an unrelated edit afterwards")
    events = load_dataset(folder, database_url=store_url).events.set_index("event_id")
    assert len(events) == 30
    assert events.loc["EV0007", "notes"] == "first line\rsecond line\r=1+1"
    assert events.loc["EV0007", "doc_id"] == EventStore(folder).read_events().set_index("event_id").loc[
        "EV0007", "doc_id"] != ""
    with EventStore(folder, database_url=store_url).db.write() as tx:  # the stored cell, byte for byte
        assert tx.one("SELECT notes FROM events WHERE event_id = ?", ("EV0007",))[0] == "first line\rsecond line\r=1+1"


def _killed_while_saving(folder: str) -> None:
    import os

    import utils.data.store as store_module

    def die(*args, **kwargs):
        os._exit(9)  # killed between the event row and its change-log rows

    store_module.log_changes = die
    EventStore(Path(folder)).add_event(NEW_EVENT, who="killed")


@pytest.mark.slow
def test_a_save_killed_between_the_event_and_its_log_leaves_neither_and_no_temporary_file(folder):
    EventStore(folder).read_events()
    before = sorted(p.name for p in folder.iterdir() if not p.name.startswith("eventmap.sqlite-"))
    process = multiprocessing.get_context("spawn").Process(target=_killed_while_saving, args=(str(folder),))
    process.start()
    process.join(timeout=120)
    assert process.exitcode == 9
    store = EventStore(folder)
    assert len(store.read_events()) == 30 and store.changes().empty, "no event without its change-log row"
    after = sorted(p.name for p in folder.iterdir() if not p.name.startswith("eventmap.sqlite-"))
    assert after == before, "no temporary file left behind"
    assert store.add_event(NEW_EVENT, who="retry") == "EV0031"


def test_a_change_log_that_cannot_be_written_saves_nothing_says_so_and_a_retry_adds_the_event_once(folder,
                                                                                                 monkeypatch):
    import sqlite3

    import utils.data.store as store_module

    real = store_module.log_changes

    def refused(tx, *args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    store = EventStore(folder)
    monkeypatch.setattr(store_module, "log_changes", refused)
    with pytest.raises(StoreConfigError, match="Nothing was saved.*disk I/O error"):
        store.add_event(NEW_EVENT, who="me")
    monkeypatch.setattr(store_module, "log_changes", real)
    assert store.add_event(NEW_EVENT, who="me") == "EV0031"
    events = store.read_events()
    assert (events["notes"] == "Test event").sum() == 1, "the retry added the event once"
    assert store.changes()["event_id"].tolist() == ["EV0031"]
