"""Earlier versions kept ready to compare (utils/data/version_cache.py): the same comparison as from memory,
built once per snapshot, rebuilt when damaged or changed, and from memory where nothing can be written.

Data: the bundled ``data/events.csv`` (30 events) and versions of it made here, each a change a user makes
between two briefings."""

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from utils.data import version_cache
from utils.data.diff import compare_versions
from utils.data.snapshots import load_version
from utils.data.version_cache import KEPT_VERSIONS, StoredVersion, stored_version, write_version_cache
from utils.importers import native_csv_bytes

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def current() -> pd.DataFrame:
    return load_version(DATA / "events.csv", "events.csv").events


def _status_flipped(events: pd.DataFrame) -> pd.DataFrame:
    earlier = events.copy()
    first = earlier.index[:3]
    earlier.loc[first, "status"] = np.where(earlier.loc[first, "status"] == "claimed", "reported", "claimed")
    return earlier


def _moved_and_renamed(events: pd.DataFrame) -> pd.DataFrame:
    earlier = events.copy()
    earlier.loc[earlier.index[4], "latitude"] = earlier.loc[earlier.index[4], "latitude"] + 0.2
    earlier.loc[earlier.index[5], "location"] = "Somewhere else"
    return earlier


def _some_removed_some_added(events: pd.DataFrame) -> pd.DataFrame:
    earlier = events.iloc[5:].copy()  # the first five were added since
    extra = events.iloc[:2].assign(event_id=["OLD-1", "OLD-2"])  # two removed since
    return pd.concat([earlier, extra], ignore_index=True)


CHANGES = [
    ("the same version", lambda events: events),
    ("statuses changed", _status_flipped),
    ("a point moved and a place renamed", _moved_and_renamed),
    ("events added and removed", _some_removed_some_added),
]


def _snapshot(folder: Path, events: pd.DataFrame, name: str = "events-20250101T000000Z-test.csv") -> Path:
    path = folder / "snapshots" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(native_csv_bytes(events))
    return path


@pytest.mark.parametrize(("what", "make_earlier"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_cached_version_compares_as_the_version_in_memory(tmp_path, current, what, make_earlier):
    snapshot = _snapshot(tmp_path, make_earlier(current))
    from_memory = compare_versions(load_version(snapshot, snapshot.name).events, current)
    for attempt in ("builds the cache", "reads the cache"):
        version = stored_version(snapshot, tmp_path / ".eventmap-cache")
        assert isinstance(version, StoredVersion), attempt
        cached = compare_versions(version, current)
        assert (cached.added, cached.removed, cached.changed) == (
            from_memory.added, from_memory.removed, from_memory.changed), attempt
        pd.testing.assert_frame_equal(cached.changes, from_memory.changes)
        pd.testing.assert_frame_equal(cached.added_rows, from_memory.added_rows)
        pd.testing.assert_frame_equal(cached.changed_rows, from_memory.changed_rows)
        pd.testing.assert_frame_equal(cached.removed_rows, from_memory.removed_rows[cached.removed_rows.columns])


def test_the_second_comparison_does_not_read_the_csv_again(tmp_path, current, monkeypatch):
    snapshot = _snapshot(tmp_path, _status_flipped(current))
    stored_version(snapshot, tmp_path / "cache")

    def must_not_read(*args, **kwargs):
        raise AssertionError("the snapshot's CSV was read again")

    monkeypatch.setattr(version_cache, "load_version", must_not_read)
    assert compare_versions(stored_version(snapshot, tmp_path / "cache"), current).changed == 3


def test_a_snapshot_written_again_gets_a_new_cache(tmp_path, current):
    snapshot = _snapshot(tmp_path, _status_flipped(current))
    assert compare_versions(stored_version(snapshot, tmp_path / "cache"), current).changed == 3
    snapshot.write_bytes(native_csv_bytes(current))  # the same name, other content
    os.utime(snapshot, ns=(snapshot.stat().st_atime_ns, snapshot.stat().st_mtime_ns + 10**9))
    assert compare_versions(stored_version(snapshot, tmp_path / "cache"), current).changed == 0


def test_a_damaged_cache_is_rebuilt_not_trusted(tmp_path, current):
    snapshot = _snapshot(tmp_path, _status_flipped(current))
    cache = tmp_path / "cache"
    stored_version(snapshot, cache)
    (damaged,) = cache.glob("version-*.arrow")
    damaged.write_bytes(b"not an arrow file")
    version = stored_version(snapshot, cache)
    assert damaged.read_bytes()[:6] == b"ARROW1", "the damaged file was written again from the snapshot"
    assert compare_versions(version, current).changed == 3


def test_a_folder_that_cannot_be_written_compares_from_memory(tmp_path, current):
    snapshot = _snapshot(tmp_path, _status_flipped(current))
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder would be")
    version = stored_version(snapshot, blocked)
    assert isinstance(version, pd.DataFrame)
    assert version.attrs == {"file": snapshot.name, "set_aside": 0}
    assert compare_versions(version, current).changed == 3


def test_rows_set_aside_in_the_snapshot_are_counted_from_the_cache_too(tmp_path, current):
    snapshot = _snapshot(tmp_path, current)
    lines = snapshot.read_text().splitlines()
    lines[2] = lines[2].replace(lines[2].split(",")[1], "not a date", 1)  # the second event's date
    snapshot.write_text("\n".join(lines) + "\n")
    for _ in range(2):
        version = stored_version(snapshot, tmp_path / "cache")
        assert (version.file, version.set_aside) == (snapshot.name, 1)
        assert compare_versions(version, current).added == 1  # the row set aside is not in the earlier version


def test_the_cache_written_at_save_time_leaves_computed_columns_out(tmp_path, current):
    from utils.data.dataset import load_dataset

    dataset = load_dataset(DATA)
    snapshot = _snapshot(tmp_path, dataset.events)
    path = write_version_cache(tmp_path / "cache", snapshot, dataset.events)
    version = stored_version(snapshot, tmp_path / "cache")
    assert version.path == path
    assert "distance_km" not in version.columns and "event_id" in version.columns
    assert compare_versions(version, dataset.events).changed == 0


def test_only_the_newest_caches_are_kept(tmp_path, current):
    cache = tmp_path / "cache"
    for number in range(KEPT_VERSIONS + 2):
        snapshot = _snapshot(tmp_path, current.iloc[: 10 + number], name=f"events-2025010{number}T000000Z-x.csv")
        stored_version(snapshot, cache)
    assert len(list(cache.glob("version-*.arrow"))) == KEPT_VERSIONS
    assert np.all([p.suffix == ".arrow" for p in cache.iterdir()])  # no partial file left behind


@pytest.mark.parametrize(("what", "make_earlier"), CHANGES[1:3], ids=[c[0] for c in CHANGES[1:3]])
def test_a_worker_process_builds_the_cache_and_the_caller_reads_nothing_but_it(tmp_path, current, monkeypatch,
                                                                               what, make_earlier):
    snapshot = _snapshot(tmp_path, make_earlier(current))
    from_memory = compare_versions(load_version(snapshot, snapshot.name).events, current)

    def not_here(*args, **kwargs):
        raise AssertionError("the snapshot was read and validated in the caller's process")

    monkeypatch.setattr(version_cache, "load_version", not_here)
    monkeypatch.setattr(version_cache, "write_version_cache", not_here)
    version = stored_version(snapshot, tmp_path / "cache", worker=True)
    assert isinstance(version, StoredVersion)
    cached = compare_versions(version, current)
    assert (cached.added, cached.removed, cached.changed) == (from_memory.added, from_memory.removed,
                                                              from_memory.changed)
    pd.testing.assert_frame_equal(cached.changes, from_memory.changes)


def test_when_the_worker_cannot_run_the_caller_builds_the_cache_itself(tmp_path, current, monkeypatch):
    snapshot = _snapshot(tmp_path, _status_flipped(current))
    monkeypatch.setattr(version_cache.sys, "executable", str(tmp_path / "no-python-here"))
    version = stored_version(snapshot, tmp_path / "cache", worker=True)
    assert isinstance(version, StoredVersion)
    assert compare_versions(version, current).changed == 3


def test_an_unreadable_snapshot_gives_the_same_error_with_a_worker(tmp_path):
    snapshot = tmp_path / "snapshots" / "events-20250101T000000Z-broken.csv"
    snapshot.parent.mkdir()
    snapshot.write_bytes(b"\x00\x01 not a csv \xff" * 50)
    errors = []
    for worker in (False, True):
        with pytest.raises(Exception) as raised:
            stored_version(snapshot, tmp_path / f"cache-{worker}", worker=worker)
        errors.append((type(raised.value), str(raised.value)))
    assert errors[0] == errors[1]
