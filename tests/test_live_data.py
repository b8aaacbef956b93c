"""Last good data: a missing, unreadable or broken file keeps the old data on screen, then recovers."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from utils.core.problems import DataFileError
from utils.data.dataset import load_dataset
from utils.data.live import LastGood, NoGoodDataError, files_fingerprint

DATA = Path(__file__).resolve().parent.parent / "data"


class Clock:
    def __init__(self) -> None:
        self.time = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.time

    def tick(self, minutes: int) -> None:
        self.time += timedelta(minutes=minutes)


def text_source(tmp_path: Path):
    """A loader of one text file (its lines), refusing a file that says BROKEN."""
    path = tmp_path / "events.csv"
    calls = []

    def load() -> list[str]:
        calls.append(1)
        text = path.read_text()
        if "BROKEN" in text:
            raise DataFileError("events.csv", "row 2 is broken", row=2)
        return text.splitlines()

    return path, load, calls


@pytest.mark.parametrize(
    ("break_it", "expected_message"),
    [
        (lambda p: p.write_text("BROKEN"), "events.csv, row 2: row 2 is broken"),
        (lambda p: p.unlink(), "events.csv cannot be read: No such file or directory"),
        (lambda p: (p.unlink(), p.mkdir()), "events.csv cannot be read: Is a directory"),
    ],
    ids=["broken", "missing", "unreadable"],
)
def test_a_bad_file_keeps_the_last_good_data_says_since_when_and_recovers(tmp_path, break_it, expected_message):
    path, load, _ = text_source(tmp_path)
    path.write_text("a\nb\n")
    clock = Clock()
    live = LastGood(load, lambda: files_fingerprint([path]), now=clock)
    assert live.current().value == ["a", "b"] and live.current().fault is None

    clock.tick(5)
    break_it(path)
    failed_at = clock.time
    snapshot = live.current()
    assert snapshot.value == ["a", "b"], "the last good data is still served"
    assert snapshot.fault is not None and snapshot.fault.message == expected_message
    assert snapshot.fault.since == failed_at and snapshot.fault.expected

    clock.tick(5)
    assert live.current().fault.since == failed_at, "since = when it first failed, not the last check"

    clock.tick(1)
    if path.is_dir():
        path.rmdir()
    path.write_text("a\nb\nc\n")
    snapshot = live.current()
    assert snapshot.value == ["a", "b", "c"] and snapshot.fault is None
    assert snapshot.loaded_at == clock.time


def test_an_unchanged_file_is_not_read_again(tmp_path):
    path, load, calls = text_source(tmp_path)
    path.write_text("a\n")
    live = LastGood(load, lambda: files_fingerprint([path]))
    for _ in range(5):
        live.current()
    assert len(calls) == 1
    path.write_text("BROKEN")
    for _ in range(5):
        live.current()
    assert len(calls) == 2, "a broken file is tried once per change, not on every rerun"
    assert live.changed() is False
    path.write_text("fixed, longer\n")
    assert live.changed() is True


def test_with_no_good_data_yet_the_fault_is_raised_and_cleared_when_fixed(tmp_path):
    path, load, _ = text_source(tmp_path)
    live = LastGood(load, lambda: files_fingerprint([path]))
    with pytest.raises(NoGoodDataError, match="events.csv cannot be read"):
        live.value_or_raise()
    path.write_text("x\n")
    assert live.value_or_raise() == ["x"]


def test_an_unexpected_error_is_a_fault_too_without_its_details(tmp_path, server_log):
    path, _, _ = text_source(tmp_path)
    path.write_text("a\n")
    results = iter([["a"], KeyError("secret internals")])

    def load():
        result = next(results)
        if isinstance(result, Exception):
            raise result
        return result

    live = LastGood(load, lambda: files_fingerprint([path]))
    live.current()
    path.write_text("changed\n")
    snapshot = live.current()
    assert snapshot.value == ["a"]
    assert not snapshot.fault.expected and "secret internals" not in snapshot.fault.message
    assert "KeyError" in snapshot.fault.message
    assert "secret internals" in server_log.text and "Traceback" in server_log.text, "the details go to the server log"


def test_fingerprint_changes_on_rewrite_replacement_and_deletion(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("1")
    first = files_fingerprint([path])
    os.utime(path, ns=(1, 1))
    second = files_fingerprint([path])
    assert first != second
    replacement = tmp_path / "g.csv"
    replacement.write_text("1")
    os.utime(replacement, ns=(1, 1))
    os.replace(replacement, path)
    assert files_fingerprint([path]) != second
    path.unlink()
    assert files_fingerprint([path]) == (("f.csv", -1, 0, 0, 0),)


def test_the_real_dataset_survives_a_broken_events_file(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    files = [folder / name for name in ("events.csv", "sites.geojson", "sources.csv")]
    live = LastGood(lambda: load_dataset(folder), lambda: files_fingerprint(files))
    good = live.current().value
    assert len(good.events) == 30
    (folder / "sites.geojson").write_text('{"type": "FeatureCollection", "features": [')
    snapshot = live.current()
    assert snapshot.value is good and "sites.geojson: not valid JSON" in snapshot.fault.message
    shutil.copy(DATA / "sites.geojson", folder / "sites.geojson")
    snapshot = live.current()
    assert snapshot.fault is None and len(snapshot.value.sites) == 4


# -- the store behind the dashboard: seed files, other processes' saves ------------------------------------------

NEW = {"event_date": "2025-05-02", "date_precision": "day", "event_type": "Explosions/Remote violence",
       "sub_event_type": "Air/drone strike", "actor1": "Unidentified armed group", "location": "Jableh",
       "admin1": "Lattakia", "latitude": "35.35", "longitude": "35.917", "geo_precision": "1", "source": "SouthFront",
       "claimed_by": "Russian Ministry of Defence", "status": "claimed", "notes": "from another process",
       "doc_id": "SF-2025-04"}


def test_a_header_only_events_csv_written_while_the_app_runs_keeps_the_last_good_data(folder):
    from utils.data.live import LiveStore

    live = LiveStore(folder)
    assert len(live.current().value.events) == 30
    header = (folder / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    (folder / "events.csv").write_text(header + "\n", encoding="utf-8")
    snapshot = live.current()
    assert len(snapshot.value.events) == 30, "the last good data is still served"
    assert "events.csv" in snapshot.fault.message and "has no event rows (it had 30)" in snapshot.fault.message
    shutil.copy(DATA / "events.csv", folder / "events.csv")
    os.utime(folder / "events.csv")
    snapshot = live.current()
    assert snapshot.fault is None and len(snapshot.value.events) == 30


def test_an_untouched_store_follows_its_csv_but_an_edited_one_keeps_its_edits(folder):
    from utils.data.live import LiveStore
    from utils.data.store import EventStore

    live = LiveStore(folder)
    assert len(live.current().value.events) == 30
    events = (folder / "events.csv").read_text(encoding="utf-8").splitlines()
    (folder / "events.csv").write_text("\n".join(events[:-1]) + "\n", encoding="utf-8")
    assert len(live.current().value.events) == 29, "an untouched store is a copy of its files"
    EventStore(folder).update_event("EV0001", {"status": "confirmed"}, reason="checked")
    (folder / "events.csv").write_text("\n".join(events[:-2]) + "\n", encoding="utf-8")
    snapshot = live.current()
    assert len(snapshot.value.events) == 29 and snapshot.fault is None
    assert snapshot.value.events.set_index("event_id").loc["EV0001", "status"] == "confirmed"
    assert any("events.csv changed on disk, but the store already holds edits" in n for n in snapshot.value.notes)


def _edit_elsewhere(folder: str, url) -> None:
    from utils.data.store import EventStore

    store = EventStore(Path(folder), database_url=url)
    store.update_event("EV0005", {"status": "confirmed"}, reason="seen by SOHR", who="replica-b")
    store.add_event(NEW, who="replica-b")


@pytest.mark.slow
def test_a_replica_shows_another_process_edit_without_a_reload_of_everything(folder, store_url, monkeypatch):
    import multiprocessing

    import utils.data.stored as stored
    from utils.data.live import LiveStore

    live = LiveStore(folder, store_url)
    first = live.current().value
    assert len(first.events) == 30 and not live.changed()
    full_loads = []
    real = stored.load_snapshot
    monkeypatch.setattr(stored, "load_snapshot", lambda *a, **k: full_loads.append(1) or real(*a, **k))
    process = multiprocessing.get_context("spawn").Process(target=_edit_elsewhere, args=(str(folder), store_url))
    process.start()
    process.join(timeout=120)
    assert process.exitcode == 0
    assert live.changed(), "one cheap check notices the other process's save"
    snapshot = live.current().value
    events = snapshot.events.set_index("event_id")
    assert len(events) == 31 and events.loc["EV0005", "status"] == "confirmed"
    assert events.loc["EV0005", "event_version"] == 2 and events.loc["EV0031", "notes"] == "from another process"
    assert events.loc["EV0031", "nearest_site"] == "Khmeimim air base", "the new row got its derived columns"
    assert full_loads == [], "only the changed rows were read"
    expected = load_dataset(folder, database_url=store_url).events.set_index("event_id")
    assert events.loc[expected.index, "incident"].tolist() == expected["incident"].tolist()


@pytest.mark.parametrize("change", [{"status": "confirmed"}, {"latitude": "35.30", "longitude": "35.95"},
                                    {"event_date": "2023-07-25"}], ids=["status", "place", "date"])
def test_an_edit_caught_up_in_place_gives_the_frame_a_full_reload_gives(folder, change):
    import pandas as pd

    from utils.data.live import LiveStore
    from utils.data.store import EventStore
    from utils.data.stored import load_snapshot

    live = LiveStore(folder)
    before = live.current().value
    EventStore(folder).update_event("EV0002", change, reason="checked", who="replica-b")
    after = live.current().value
    assert after.data_version == before.data_version + 1
    full = load_snapshot(live.database, folder, use_cache=False).events
    pd.testing.assert_frame_equal(after.events.reset_index(drop=True), full.reset_index(drop=True))
    assert before.events.set_index("event_id").loc["EV0002", "event_version"] == 1, "the old frame is untouched"
    assert _chunked_columns(after.events) == [], "rows are taken from one chunk, not joined first"


def _chunked_columns(frame) -> list[str]:
    return [c for c in frame.columns if getattr(getattr(frame[c].array, "_pa_array", None), "num_chunks", 1) > 1]


def test_the_dataset_cache_holds_each_column_in_one_chunk(folder):
    from dataclasses import replace

    import pandas as pd
    import pyarrow as pa

    from utils.data import stored
    from utils.data.live import LiveStore

    snapshot = LiveStore(folder).current().value
    notes = snapshot.events["notes"].astype(str).tolist()
    chunked = pd.array(pa.chunked_array([pa.array(notes[:10]), pa.array(notes[10:])]), dtype=snapshot.events["notes"].dtype)
    written = replace(snapshot, events=snapshot.events.assign(notes=chunked))
    assert _chunked_columns(written.events) == ["notes"]
    stored.write_cache(folder, written)
    cached = stored._read_cache(stored._cache_path(folder, written.version))
    assert _chunked_columns(cached) == []
    pd.testing.assert_frame_equal(cached, written.events)
    assert stored.in_one_chunk(written.events)["notes"].tolist() == notes
