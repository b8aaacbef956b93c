"""Keep serving the last good data while a data file is missing, unreadable or broken.

:class:`LastGood` wraps a loader (``load()``, which reads the files) and a
fingerprint (``fingerprint()``, cheap: file sizes and times). On each
:meth:`LastGood.current` it reloads only when the fingerprint changed; a
failed reload keeps the previous good value and records what went wrong and
since when (:class:`Fault`); a later good reload clears the fault by itself.
Safe to share between threads (one Streamlit server, many sessions). Nothing
here imports streamlit.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Generic, TypeVar

from utils.core.problems import DataFileError

__all__ = ["Fault", "LastGood", "LiveStore", "NoGoodDataError", "Snapshot", "files_fingerprint"]

T = TypeVar("T")
RETRY_OPEN_SECONDS = 10.0
"""A store that could not be opened is tried again after this long (not on every rerun)."""
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fault:
    """What is wrong with the data files: ``message`` (for users), ``since`` (UTC, first failure)."""

    message: str
    since: datetime
    expected: bool
    """True for a :class:`DataFileError` or an OS error (a bad or missing file); False for a bug."""


@dataclass(frozen=True)
class Snapshot(Generic[T]):
    """The data to show now: the last good ``value`` (None if there never was one) and any ``fault``."""

    value: T | None
    loaded_at: datetime | None
    fault: Fault | None


class NoGoodDataError(RuntimeError):
    """Raised by :meth:`LastGood.value_or_raise` when no load has ever succeeded."""

    def __init__(self, fault: Fault) -> None:
        self.fault = fault
        super().__init__(fault.message)


def files_fingerprint(paths: Iterable[Path]) -> tuple[tuple[str, int, int, int, int], ...]:
    """(name, size, mtime_ns, ctime_ns, inode) per file; (name, -1, 0, 0, 0) when it cannot be stat'ed.

    A rewrite, a replacement (new inode), a permission change (ctime) or a
    deletion all change the fingerprint.
    """
    out = []
    for path in paths:
        try:
            info = os.stat(path)
            out.append((Path(path).name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))
        except OSError:
            out.append((Path(path).name, -1, 0, 0, 0))
    return tuple(out)


def _describe(error: BaseException) -> tuple[str, bool]:
    from utils.data.store_sql import StoreConfigError

    if isinstance(error, (DataFileError, StoreConfigError)):
        return str(error), True
    if isinstance(error, OSError):
        name = Path(error.filename).name if error.filename else "a data file"
        return f"{name} cannot be read: {error.strerror or error}", True
    return (f"loading the data failed with an unexpected {type(error).__name__}; the details are in the "
            "server log."), False


class LastGood(Generic[T]):
    """The last successfully loaded value of ``load``, reloaded when ``fingerprint`` changes.

    ``now`` returns the current time (UTC); tests pass a fake clock.
    """

    def __init__(self, load: Callable[[], T], fingerprint: Callable[[], Hashable], *,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._load = load
        self._fingerprint = fingerprint
        self._now = now
        self._lock = threading.Lock()
        self._value: T | None = None
        self._loaded_at: datetime | None = None
        self._tried: Hashable | None = None
        self._tried_any = False
        self._fault: Fault | None = None

    def current(self) -> Snapshot[T]:
        """Reload if the files changed since the last attempt, then return what to show."""
        fingerprint = self._fingerprint()
        with self._lock:
            if not self._tried_any or fingerprint != self._tried:
                self._attempt(fingerprint)
            return Snapshot(self._value, self._loaded_at, self._fault)

    def changed(self) -> bool:
        """True when the files differ from the last load attempt (a reload is due)."""
        fingerprint = self._fingerprint()
        with self._lock:
            return not self._tried_any or fingerprint != self._tried

    def value_or_raise(self) -> T:
        """The value to show; raises :class:`NoGoodDataError` if no load ever succeeded."""
        snapshot = self.current()
        if snapshot.value is None:
            assert snapshot.fault is not None
            raise NoGoodDataError(snapshot.fault)
        return snapshot.value

    def _attempt(self, fingerprint: Hashable) -> None:
        self._tried, self._tried_any = fingerprint, True
        try:
            value = self._load()
        except Exception as error:  # any failure keeps the last good data
            message, expected = _describe(error)
            if expected:
                log.warning("data reload failed, keeping the last good data: %s", message)
            else:
                log.exception("data reload failed unexpectedly, keeping the last good data")
            since = self._fault.since if self._fault else self._now()
            self._fault = Fault(message=message, since=since, expected=expected)
            return
        if self._fault:
            log.warning("data files fixed; reloaded (the fault began %s)", self._fault.since.isoformat())
        self._value, self._loaded_at, self._fault = value, self._now(), None


class LiveStore:
    """The store's content for the dashboard, kept current: the last good :class:`StoreSnapshot`.

    ``current()`` checks a cheap fingerprint on every call (the seed files'
    size and time for the embedded store, and the store's data version, one
    indexed read): when another session or another app process saved a
    change, the snapshot is caught up by reading only the changed rows
    (:func:`utils.data.stored.patched`); seed files changed on disk are synced
    (:func:`utils.data.store_seed.sync_seed`); any failure keeps the last good
    snapshot with a :class:`Fault` saying why (see :class:`LastGood`).
    """

    def __init__(self, folder: Path, database_url: str | None = None, *, today=None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.folder = Path(folder)
        self.database_url = database_url
        self.today = today
        self._database = None
        self._snapshot = None
        self._cache_writer: threading.Thread | None = None
        self._open_failed: tuple[float, Exception] | None = None
        self.live: LastGood = LastGood(self._load, self._fingerprint, now=now)

    @property
    def database(self):
        """The store, opened (and filled on first run) once per process; raises StoreConfigError."""
        if self._database is None:
            from utils.data.store_seed import seed_if_empty
            from utils.data.store_sql import open_database

            if self._open_failed and time.monotonic() - self._open_failed[0] < RETRY_OPEN_SECONDS:
                raise self._open_failed[1]
            try:
                database = open_database(self.folder, self.database_url)
                seed_if_empty(database, self.folder, today=self.today)
            except Exception as error:
                self._open_failed = (time.monotonic(), error)
                raise
            self._open_failed = None
            self._database = database
        return self._database

    def _fingerprint(self) -> Hashable:
        from utils.data.store_seed import SEED_FILES, file_stamp

        stamps = tuple(file_stamp(self.folder / name) for name in SEED_FILES) if not self.database_url else ()
        stamps += (file_stamp(self.folder / "aliases.csv"),)  # read beside the store by the filter's facets
        try:
            version = self.database.data_version()
        except Exception as error:  # noqa: BLE001 - an unreachable store is a fault, reported by _load
            return stamps, f"unavailable: {error}"
        return stamps, version

    def _load(self):
        from utils.data.store_seed import sync_seed
        from utils.data.stored import ignored_notes, load_snapshot, patched

        database = self.database
        notes = [] if self.database_url else ignored_notes(sync_seed(database, self.folder, today=self.today))
        if database.read_only_reason:
            notes.append(database.read_only_reason)
        previous = self._snapshot
        snapshot = None
        if previous is not None and previous.notes == notes and previous.sites_digest == _sites_digest(self.folder):
            snapshot = patched(previous, database)
            if snapshot is not None and snapshot is not previous:
                self._write_cache_later(snapshot)
        if snapshot is None:
            snapshot = load_snapshot(database, self.folder, notes=notes)
        self._snapshot = snapshot
        return snapshot

    def _write_cache_later(self, snapshot) -> None:
        """Write the patched snapshot to the on-disk cache in the background (a restart then skips the read)."""
        from utils.data.stored import write_cache

        if self._cache_writer is not None and self._cache_writer.is_alive():
            return
        self._cache_writer = threading.Thread(target=write_cache, args=(self.folder, snapshot), daemon=True,
                                              name="dataset-cache")
        self._cache_writer.start()

    def current(self) -> Snapshot:
        return self.live.current()

    def changed(self) -> bool:
        return self.live.changed()


def _sites_digest(folder: Path) -> str:
    from utils.data.stored import _sites_digest as digest

    return digest(folder)
