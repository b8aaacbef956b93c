"""The app and the command line on the PostgreSQL store (AppTest), and what a bad store configuration shows."""

from __future__ import annotations

import csv
import html
import io
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_store import run_writers

from utils.data.store import EventStore

PROJECT = Path(__file__).resolve().parent.parent
APP = str(PROJECT / "app.py")


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def caption(at: AppTest) -> str:
    return next(html.unescape(c.value) for c in at.caption if c.value.startswith("Showing"))


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "utils", *args], cwd=PROJECT, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.slow
def test_the_app_on_postgresql_shows_and_saves_an_edit(folder, postgres_url, monkeypatch):
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(folder))
    monkeypatch.setenv("EVENTMAP_DATABASE_URL", postgres_url)
    at = run(AppTest.from_file(APP, default_timeout=120))
    assert caption(at).startswith("Showing 30 of 30 events")
    at.switch_page("pages/views/edit.py")
    run(at)
    assert any("the PostgreSQL store" in html.unescape(c.value) for c in at.caption)
    at.text_input(key="analyst_name").input("pg-analyst")
    at.selectbox(key="edit_event").set_value("EV0005")
    run(at)
    at.selectbox(key="edit_status_EV0005").set_value("confirmed")
    at.text_input(key="edit_reason_EV0005").input("Confirmed by SOHR")
    run(at)
    at.button(key="edit_save").click()
    run(at)
    assert any("EV0005: status changed" in html.unescape(s.value) for s in at.success)
    log = EventStore(folder, database_url=postgres_url).changes()
    assert log[["event_id", "field", "new_value", "who"]].values.tolist() == [
        ["EV0005", "status", "confirmed", "pg-analyst"]]
    assert not (folder / "eventmap.sqlite").exists(), "nothing went to the embedded store"


@pytest.mark.slow
def test_a_stale_edit_in_the_app_shows_the_other_change_and_reapplies_on_request(folder, monkeypatch):
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(folder))
    at = run(AppTest.from_file(APP, default_timeout=120))
    at.switch_page("pages/views/edit.py")
    run(at)
    at.selectbox(key="edit_event").set_value("EV0005")
    run(at)
    EventStore(folder).update_event("EV0005", {"status": "confirmed"}, reason="SOHR", who="someone.else")
    at.selectbox(key="edit_status_EV0005").set_value("disputed")
    at.text_input(key="edit_reason_EV0005").input("Denied by the ministry")
    run(at)
    at.button(key="edit_save").click()
    run(at)
    errors = " ".join(html.unescape(e.value) for e in at.error)
    assert "EV0005 was changed by someone.else (status) after you opened it" in errors
    other = next(d.value for d in at.dataframe if "who" in d.value.columns and "someone.else" in set(d.value["who"]))
    assert other[["field", "old_value", "new_value"]].values.tolist() == [["status", "reported", "confirmed"]]
    assert EventStore(folder).read_events().set_index("event_id").loc["EV0005", "status"] == "confirmed"
    at.button(key="edit_reapply").click()
    run(at)
    assert EventStore(folder).read_events().set_index("event_id").loc["EV0005", "status"] == "disputed"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("url", "said"),
    [("postgresql://someone:secret@127.0.0.1:9/nowhere", "no PostgreSQL server answers there"),
     ("mysql://a@b/c", "is not a PostgreSQL URL")],
    ids=["unreachable", "not-postgres"],
)
def test_a_bad_store_configuration_is_said_plainly_in_the_app_and_the_commands(folder, monkeypatch, url, said):
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(folder))
    monkeypatch.setenv("EVENTMAP_DATABASE_URL", url)
    at = run(AppTest.from_file(APP, default_timeout=120))
    shown = " ".join(html.unescape(e.value) for e in at.error)
    assert said in shown and "EVENTMAP_DATABASE_URL" in shown and "secret" not in shown
    result = cli("db", "init", "--data-dir", str(folder), "--database-url", url)
    assert result.returncode == 1 and said in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_four_writers_add_100_events_each_to_postgresql_and_every_view_shows_430(folder, postgres_url, monkeypatch):
    run_writers(folder, postgres_url, "ABCD", 100)
    store = EventStore(folder, database_url=postgres_url)
    events = store.read_events()
    new = events[events["event_id"] != ""].iloc[30:]
    assert len(events) == 430 and events["event_id"].is_unique and len(new) == 400
    log = store.changes()
    created = log[log["field"] == "(created)"]
    assert len(created) == 400 and sorted(created["event_id"]) == sorted(new["event_id"])
    note_of = dict(zip(events["event_id"], events["notes"]))
    assert all(note_of[e].startswith(w) for e, w in zip(created["event_id"], created["who"])), \
        "the change log names each writer on each of their rows"
    assert created["who"].value_counts().to_dict() == {"A": 100, "B": 100, "C": 100, "D": 100}
    out = folder.parent / "events.csv"
    result = cli("export", "--format", "csv", "--out", str(out), "--data-dir", str(folder), "--database-url",
                 postgres_url)
    assert result.returncode == 0, result.stderr
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))) == 430
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(folder))
    monkeypatch.setenv("EVENTMAP_DATABASE_URL", postgres_url)
    at = run(AppTest.from_file(APP, default_timeout=120))
    assert caption(at).startswith("Showing 430 of 430 events")
