"""utils/core/files.py: a file is written whole or not at all."""

from __future__ import annotations

import stat

import pytest

from utils.core.files import write_atomically


def test_a_failing_writer_leaves_the_old_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "events.csv"
    target.write_bytes(b"old")

    def fail_halfway(out) -> None:
        out.write(b"half a new fi")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_atomically(target, fail_halfway)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


@pytest.mark.parametrize(("mode", "expected"), [(0o644, 0o644), (None, 0o600)])
def test_the_new_file_replaces_the_old_with_the_mode_asked_for(tmp_path, mode, expected):
    target = tmp_path / "map.js"
    target.write_bytes(b"old")
    write_atomically(target, lambda out: out.write(b"new"), mode=mode)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == expected


def test_a_missing_folder_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        write_atomically(tmp_path / "nowhere" / "x.csv", lambda out: out.write(b""))
