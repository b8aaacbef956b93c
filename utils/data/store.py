"""Saving events and reports: atomic, locked writes with a change log.

``events.csv`` stays the source of truth a person can read, diff and open in
a spreadsheet. Every save:

1. takes an exclusive lock on ``.events.lock`` in the data folder (``fcntl``),
   so two sessions saving at once wait for each other instead of interleaving;
2. re-reads the file, applies the one change and validates the result
   with the same rules as an import (:func:`utils.data.validation.validate_events`);
3. copies the current file to ``events.csv.bak`` (the previous version) and
   writes the new one to a temporary file in the same folder, then
   ``os.replace``-s it over the old (a reader sees the old or the new
   file, never half of one);
4. appends one row per changed field to ``changes.csv``: when (UTC, ISO 8601),
   event_id, field, old_value, new_value, reason, who.

Nothing is deleted: retiring an event fills its ``retired`` (the reason) and
``retired_at`` columns, which are added to the file when first used.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from utils.core.escaping import safe_http_url
from utils.core.problems import BLANK, Problem
from utils.core.schema import DATE_PRECISIONS, EVENT_COLUMNS, SOURCE_COLUMNS
from utils.data.csv_read import ROW_COLUMN
from utils.data.validation import validate_events

__all__ = ["CHANGE_COLUMNS", "EventStore", "SaveRefused", "read_changes"]

CHANGE_COLUMNS: tuple[str, ...] = ("when", "event_id", "field", "old_value", "new_value", "reason", "who")
"""Columns of ``changes.csv``, the append-only change log."""

RETIRED_COLUMNS: tuple[str, ...] = ("retired", "retired_at")
EDITABLE_FIELDS: tuple[str, ...] = ("status", "event_date", "date_precision", "location", "admin1", "latitude",
                                    "longitude", "geo_precision", "notes", "fatalities", "incident_id",
                                    "claimed_by")
"""Fields :meth:`EventStore.update_event` may change (the id, source and article never change)."""
CREATED_FIELD = "(created)"
REPORT_FIELD = "(report recorded)"


class SaveRefused(ValueError):
    """A change that was not saved; ``problems`` say which field is wrong and why (nothing was written)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message() for p in problems))

    def by_field(self) -> dict[str, list[str]]:
        """Reasons grouped by field name ("" for the whole change)."""
        out: dict[str, list[str]] = {}
        for problem in self.problems:
            out.setdefault(problem.column or "", []).append(problem.reason)
        return out


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _read_text_csv(path: Path) -> pd.DataFrame:
    """Every cell as text, exactly as written (no NaN, no number parsing)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8-sig")


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def _atomic_write(path: Path, data: bytes, *, keep_previous: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``; keep the old file as ``.bak``."""
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
            if keep_previous:
                shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_changes(data_dir: str | Path) -> pd.DataFrame:
    """The change log as text cells (empty, with its columns, when there is none yet)."""
    path = Path(data_dir) / "changes.csv"
    if not path.exists():
        return pd.DataFrame(columns=list(CHANGE_COLUMNS), dtype=str)
    return _read_text_csv(path)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (datetime, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value).strip()


@dataclass
class EventStore:
    """The events, articles and change log in one data folder (the layout of ``data/``)."""

    data_dir: Path
    today: date | None = None

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)

    @property
    def events_path(self) -> Path:
        return self.data_dir / "events.csv"

    @property
    def sources_path(self) -> Path:
        return self.data_dir / "sources.csv"

    @property
    def changes_path(self) -> Path:
        return self.data_dir / "changes.csv"

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's write lock (blocks until another writer is done)."""
        with open(self.data_dir / ".events.lock", "a+b") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)

    # -- reading -------------------------------------------------------------------------------------------

    def read_events(self) -> pd.DataFrame:
        """``events.csv`` as text cells, as written."""
        return _read_text_csv(self.events_path)

    def read_sources(self) -> pd.DataFrame:
        return _read_text_csv(self.sources_path)

    def changes(self) -> pd.DataFrame:
        return read_changes(self.data_dir)

    # -- writing -------------------------------------------------------------------------------------------

    def _log(self, rows: list[dict[str, str]]) -> None:
        new = not self.changes_path.exists() or self.changes_path.stat().st_size == 0
        with open(self.changes_path, "a", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(CHANGE_COLUMNS), lineterminator="\n")
            if new:
                writer.writeheader()
            writer.writerows(rows)
            out.flush()
            os.fsync(out.fileno())

    def _check(self, events: pd.DataFrame, row_labels: list[int]) -> None:
        """Validate the rows ``row_labels`` of ``events`` (text cells); raise :class:`SaveRefused`."""
        frame = events.loc[row_labels].copy()
        frame[ROW_COLUMN] = [int(label) + 2 for label in row_labels]
        known = self.read_sources()["doc_id"].str.strip()
        result = validate_events(frame, "events.csv", known_doc_ids=known, today=self.today)
        if result.problems:
            raise SaveRefused(result.problems)

    def _write_events(self, events: pd.DataFrame) -> None:
        _atomic_write(self.events_path, _csv_bytes(events))

    def add_source(self, *, outlet: str, headline: str, published: date | str, published_precision: str,
                   url: str = "", language: str = "", stance: str = "", who: str = "") -> str:
        """Record a report in ``sources.csv`` and return its new ``doc_id`` (e.g. ``TW-2025-05``).

        ``headline`` is in the analyst's words; ``url`` is optional and must
        be http(s). Raises :class:`SaveRefused` naming each bad field.
        """
        problems: list[Problem] = []
        values = {"outlet": _text(outlet), "headline": _text(headline), "published": _text(published),
                  "published_precision": _text(published_precision), "url": _text(url),
                  "language": _text(language), "stance": _text(stance)}
        for column in ("outlet", "headline"):
            if not values[column]:
                problems.append(Problem("sources.csv", None, column, "", "this field is blank; it needs a value.",
                                        kind=BLANK))
        try:
            published_day = date.fromisoformat(values["published"])
            if published_day > (self.today or date.today()):
                problems.append(Problem("sources.csv", None, "published", values["published"],
                                        "the publication date is in the future."))
        except ValueError:
            problems.append(Problem("sources.csv", None, "published", values["published"],
                                    "not a date YYYY-MM-DD."))
        if values["published_precision"] not in DATE_PRECISIONS:
            problems.append(Problem("sources.csv", None, "published_precision", values["published_precision"],
                                    "not one of: " + ", ".join(DATE_PRECISIONS) + "."))
        if values["url"] and not safe_http_url(values["url"]):
            problems.append(Problem("sources.csv", None, "url", values["url"],
                                    "not an http(s) link; leave it blank if the report has none."))
        if problems:
            raise SaveRefused(problems)
        with self.locked():
            sources = self.read_sources()
            doc_id = _new_doc_id(values["outlet"], values["published"], set(sources["doc_id"]))
            row = {column: "" for column in sources.columns}
            row.update({k: v for k, v in values.items() if k in SOURCE_COLUMNS})
            row["doc_id"] = doc_id
            # Append the row to the file's bytes: the rows already there stay exactly as written.
            existing = self.sources_path.read_bytes()
            if existing and not existing.endswith(b"\n"):
                existing += b"\n"
            line = _csv_bytes(pd.DataFrame([row], columns=sources.columns)).split(b"\n", 1)[1]
            _atomic_write(self.sources_path, existing + line)
            self._log([{"when": _now(), "event_id": "", "field": REPORT_FIELD, "old_value": "",
                        "new_value": json.dumps({"doc_id": doc_id, **values}, ensure_ascii=False),
                        "reason": "new report", "who": who}])
        return doc_id

    def add_event(self, fields: Mapping[str, object], *, who: str = "", reason: str = "new report",
                  attach_to: str | None = None) -> str:
        """Append a new event and return its id (the next ``EV`` number, chosen under the lock).

        ``fields`` holds the event's columns (``event_id`` is assigned here).
        ``attach_to`` is the id of an event of the same incident: the new
        event shares its ``incident_id`` (one is made, ``INC-<event_id>``,
        and written to that event too when it has none). Raises
        :class:`SaveRefused` when a field fails validation; nothing is written then.
        """
        with self.locked():
            events = self.read_events()
            event_id = _next_event_id(events["event_id"])
            row = {column: "" for column in events.columns}
            unknown = [k for k in fields if k not in EVENT_COLUMNS and k not in ("incident_id", "source_url")]
            if unknown:
                raise SaveRefused([Problem("events.csv", None, unknown[0], None, "not a column of events.csv.")])
            for column in fields:
                if column not in events.columns:
                    events[column] = ""
                    row[column] = ""
            row.update({k: _text(v) for k, v in fields.items()})
            row["event_id"] = event_id
            log = []
            when = _now()
            if attach_to:
                matches = events.index[events["event_id"] == attach_to]
                if not len(matches):
                    raise SaveRefused([Problem("events.csv", None, "incident_id", attach_to,
                                               f"no event {attach_to} to attach this report to.")])
                if "incident_id" not in events.columns:
                    events["incident_id"] = ""
                label = matches[0]
                incident = events.at[label, "incident_id"].strip()
                if not incident:
                    incident = f"INC-{attach_to}"
                    events.at[label, "incident_id"] = incident
                    log.append({"when": when, "event_id": attach_to, "field": "incident_id", "old_value": "",
                                "new_value": incident, "reason": f"{event_id} reports the same incident",
                                "who": who})
                row["incident_id"] = incident
            events = pd.concat([events, pd.DataFrame([row])], ignore_index=True).fillna("")
            self._check(events, [len(events) - 1])
            self._write_events(events)
            created = {k: v for k, v in row.items() if v and k != "event_id"}
            log.insert(0, {"when": when, "event_id": event_id, "field": CREATED_FIELD, "old_value": "",
                           "new_value": json.dumps(created, ensure_ascii=False), "reason": reason, "who": who})
            self._log(log)
        return event_id

    def update_event(self, event_id: str, changes: Mapping[str, object], *, reason: str, who: str = "") -> list[str]:
        """Change fields of one event (status, place, date ...) with a reason; return the fields changed.

        Every changed field is logged. Raises :class:`SaveRefused` when the
        reason is blank, a field cannot be edited, the event does not exist
        or the result fails validation.
        """
        reason = _text(reason)
        if not reason:
            raise SaveRefused([Problem("changes.csv", None, "reason", "",
                                       "say why: every change needs a reason (it goes into the change log).")])
        not_editable = [k for k in changes if k not in EDITABLE_FIELDS]
        if not_editable:
            raise SaveRefused([Problem("events.csv", None, not_editable[0], None,
                                       "this field cannot be edited here; record a new report instead.")])
        with self.locked():
            events = self.read_events()
            label = self._label(events, event_id)
            log = []
            when = _now()
            for column, value in changes.items():
                if column not in events.columns:
                    events[column] = ""
                old, new = events.at[label, column], _text(value)
                if old != new:
                    events.at[label, column] = new
                    log.append({"when": when, "event_id": event_id, "field": column, "old_value": old,
                                "new_value": new, "reason": reason, "who": who})
            if not log:
                return []
            self._check(events, [label])
            self._write_events(events)
            self._log(log)
        return [entry["field"] for entry in log]

    def retire_event(self, event_id: str, *, reason: str, who: str = "") -> None:
        """Retire an event: it stays in the file, hidden unless retired events are shown."""
        reason = _text(reason)
        if not reason:
            raise SaveRefused([Problem("changes.csv", None, "reason", "",
                                       "say why the event is retired (it goes into the file and the log).")])
        with self.locked():
            events = self.read_events()
            label = self._label(events, event_id)
            for column in RETIRED_COLUMNS:
                if column not in events.columns:
                    events[column] = ""
            if events.at[label, "retired"].strip():
                raise SaveRefused([Problem("events.csv", None, "retired", events.at[label, "retired"],
                                           f"{event_id} is already retired.")])
            when = _now()
            events.at[label, "retired"] = reason
            events.at[label, "retired_at"] = when
            self._write_events(events)
            self._log([{"when": when, "event_id": event_id, "field": "retired", "old_value": "",
                        "new_value": reason, "reason": reason, "who": who}])

    @staticmethod
    def _label(events: pd.DataFrame, event_id: str) -> int:
        matches = events.index[events["event_id"] == event_id]
        if not len(matches):
            raise SaveRefused([Problem("events.csv", None, "event_id", event_id,
                                       "no event with this id; it may have been renamed in the file.")])
        return int(matches[0])


def _next_event_id(ids: pd.Series) -> str:
    numbers = ids.str.extract(r"^EV(\d+)$")[0].dropna().astype(int)
    return f"EV{(int(numbers.max()) if len(numbers) else 0) + 1:04d}"


def _new_doc_id(outlet: str, published: str, taken: set[str]) -> str:
    """'<initials>-<YYYY-MM>', with -2, -3 ... when taken (e.g. The Cradle, 2022-06 -> TC-2022-06)."""
    words = re.findall(r"[A-Za-z0-9]+", outlet)
    initials = "".join(w[0] for w in words).upper()[:4] or "DOC"
    if len(initials) == 1:
        initials = "".join(words[0][:2]).upper()
    base = f"{initials}-{published[:7]}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
