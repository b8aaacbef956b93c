"""Faults through AppTest: broken data files, failing exports and unexpected errors never show a traceback."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import utils.export.outputs

PROJECT = Path(__file__).resolve().parent.parent
APP = str(PROJECT / "app.py")


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Every message the user reads, entities decoded."""
    return html.unescape(" ".join(e.value for kind in (at.error, at.warning, at.caption, at.markdown)
                                  for e in kind))


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROJECT / "data", folder)
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(folder))
    return folder


@pytest.mark.parametrize(
    ("break_it", "said"),
    [
        (lambda f: (f / "events.csv").write_bytes(b"\x00\x01binary"), "events.csv: the file holds a NUL byte"),
        (lambda f: (f / "events.csv").unlink(), "events.csv: the file does not exist"),
        (lambda f: ((f / "sources.csv").unlink(), (f / "sources.csv").mkdir()), "sources.csv: the file cannot be read"),
        (lambda f: (f / "sites.geojson").write_text("{"), "sites.geojson: not valid JSON"),
    ],
    ids=["broken", "missing", "unreadable", "bad-sites"],
)
def test_a_broken_data_file_keeps_the_last_good_data_and_recovers_by_itself(data_copy, break_it, said):
    at = run(AppTest.from_file(APP, default_timeout=60))
    assert not at.warning
    good = {name: (data_copy / name).read_bytes() for name in ("events.csv", "sites.geojson", "sources.csv")}

    break_it(data_copy)
    run(at)
    message = texts(at)
    assert said in message and "since 20" in message and "Showing the last good data" in message
    assert "Showing 30 of 30 events" in message, "the map still shows the last good data"

    for name, content in good.items():
        path = data_copy / name
        if path.is_dir():
            path.rmdir()
        path.write_bytes(content)
    run(at)
    assert "problem" not in texts(at) and "Showing 30 of 30 events" in texts(at)


def test_with_no_good_data_ever_the_app_says_why_and_shows_no_traceback(data_copy):
    (data_copy / "events.csv").write_text("event_id\nEV1\n")
    at = run(AppTest.from_file(APP, default_timeout=60))
    assert "required column(s) missing" in texts(at) and "no data to show" in texts(at)
    assert not at.sidebar.multiselect


def test_an_unexpected_error_shows_a_short_message_and_is_logged(monkeypatch, server_log):
    def explode(self) -> None:
        raise RuntimeError("internal detail /srv/secret/path")

    monkeypatch.setattr("ui.view.View.__post_init__", explode)  # every page's view; the sidebar is drawn before
    at = run(AppTest.from_file(APP, default_timeout=60))
    shown = texts(at)
    assert "failed unexpectedly" in shown and "reference" in shown
    assert "secret" not in shown and "RuntimeError" not in shown and "Traceback" not in shown
    assert "internal detail /srv/secret/path" in server_log.text, "the details are logged on the server"
    assert "Traceback" in server_log.text and at.sidebar.multiselect, "the sidebar still works"

    monkeypatch.undo()
    run(at)
    assert "failed unexpectedly" not in texts(at) and "Showing 30 of 30" in texts(at)


def test_a_failing_export_says_so_and_the_page_stays_usable(monkeypatch):
    def disk_full(events):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(utils.export.outputs, "events_csv_bytes", disk_full)
    at = AppTest.from_file(APP, default_timeout=60)
    run(at)
    run(at.switch_page("pages/views/events.py"))
    assert not at.get("download_button"), "nothing is built before the user asks"
    at.button(key="events_csv_prepare").click()
    run(at)
    assert "events_filtered.csv could not be made (No space left on device)" in texts(at)
    assert not at.get("download_button"), "no file to download"
    assert len(at.dataframe[0].value) == 30, "the table is still there"
    at.button(key="events_geojson_prepare").click()
    run(at)
    assert [b.proto.label for b in at.get("download_button")] == ["Download these events (GeoJSON)"]

    monkeypatch.undo()
    at.sidebar.multiselect(key="f_sources").select("The Cradle")
    run(at)
    at.button(key="events_csv_prepare").click()
    run(at)
    assert "could not be made" not in texts(at)
    assert [b.proto.label for b in at.get("download_button")] == ["Download these events (CSV)"]
    assert not any(b.proto.disabled for b in at.get("download_button"))
