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
