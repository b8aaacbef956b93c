"""Saved versions of the events file, for "what changed since the last briefing"."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from utils.data.csv_read import read_csv_table
from utils.data.validation import LoadResult, validate_events

__all__ = ["SNAPSHOT_FOLDER", "list_snapshots", "load_version", "save_snapshot"]

SNAPSHOT_FOLDER = "snapshots"


def save_snapshot(data_dir: Path, version: str, *, now: datetime | None = None) -> Path:
    """Copy ``events.csv`` to ``snapshots/events-<UTC time>-<version>.csv`` and return its path."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(data_dir) / SNAPSHOT_FOLDER
    folder.mkdir(exist_ok=True)
    target = folder / f"events-{stamp}-{version}.csv"
    shutil.copyfile(Path(data_dir) / "events.csv", target)
    return target


def list_snapshots(data_dir: Path) -> list[Path]:
    """Saved snapshots, newest first."""
    folder = Path(data_dir) / SNAPSHOT_FOLDER
    return sorted(folder.glob("events-*.csv"), reverse=True) if folder.is_dir() else []


def load_version(source: Path | bytes, label: str) -> LoadResult:
    """Read an earlier events file (native schema) with the same validation as the bundled one."""
    table = read_csv_table(source, label)
    return validate_events(table.frame, label)
