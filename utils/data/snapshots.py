"""Saved versions of the events file, for "what changed since the last briefing"."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from utils.data.csv_read import read_csv_table
from utils.data.validation import LoadResult, validate_events

__all__ = ["SNAPSHOT_FOLDER", "list_snapshots", "load_version", "save_snapshot"]

SNAPSHOT_FOLDER = "snapshots"


def save_snapshot(data_dir: Path, version: str, *, now: datetime | None = None,
                  content: bytes | None = None) -> Path:
    """Write ``snapshots/events-<UTC time>-<version>.csv`` and return its path.

    ``content`` is the events served now as CSV in our schema (the store's, see
    utils/data/store.py); without it ``events.csv`` is copied.
    """
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(data_dir) / SNAPSHOT_FOLDER
    folder.mkdir(exist_ok=True)
    target = folder / f"events-{stamp}-{version}.csv"
    if content is None:
        shutil.copyfile(Path(data_dir) / "events.csv", target)
    else:
        partial = target.with_name(f".{target.name}.part")
        partial.write_bytes(content)
        partial.replace(target)
    return target


def list_snapshots(data_dir: Path) -> list[Path]:
    """Saved snapshots, newest first."""
    folder = Path(data_dir) / SNAPSHOT_FOLDER
    return sorted(folder.glob("events-*.csv"), reverse=True) if folder.is_dir() else []


def load_version(source: Path | bytes, label: str) -> LoadResult:
    """Read an earlier events file (native schema) with the same validation as the bundled one."""
    table = read_csv_table(source, label)
    return validate_events(table.frame, label)
