"""Saving events and reports: one database transaction per change, with its change-log rows.

The events, articles, imports (collections) and the change log live in the
store (:mod:`utils.data.store_sql`: ``eventmap.sqlite`` in the data folder by
default, PostgreSQL with PostGIS when ``EVENTMAP_DATABASE_URL`` is set). The
CSV files in the data folder are the seed the store is filled from on first
run (:mod:`utils.data.store_seed`) and the import/export format.

Every save:

1. validates the changed row with the same rules as an import
   (:func:`utils.data.validation.validate_events`); nothing is written when it fails;
2. in one transaction: checks the event's ``version`` against the one the
   analyst started from (a stale edit is refused with :class:`StaleEdit`,
   which carries the other change), writes the row, bumps its version, writes
   one change-log row per changed field (when, UTC ISO 8601; event_id,
   field, old, new, reason, who) and bumps the store's data version. A
   failure anywhere rolls all of it back.

New events get ids from a sequence (``EV`` + number), so writers in several
processes at once get distinct ids. Nothing is deleted: retiring an event
fills its ``retired`` (the reason) and ``retired_at`` columns.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from utils.core.escaping import safe_http_url
from utils.core.problems import BLANK, Problem
from utils.core.schema import DATE_PRECISIONS, EVENT_COLUMNS, SOURCE_COLUMNS
from utils.data.csv_read import ROW_COLUMN
from utils.data.store_rows import (
    BUNDLED,
    CHANGE_COLUMNS,
    event_row_text,
    insert_events,
    log_changes,
    new_doc_id,
    next_event_id,
    now_utc,
    text_value,
)
from utils.data.store_sql import Database, open_database
from utils.data.validation import validate_events

__all__ = ["BUNDLED", "CHANGE_COLUMNS", "EventStore", "SaveRefused", "StaleEdit", "read_changes"]

EDITABLE_FIELDS: tuple[str, ...] = ("status", "event_date", "date_precision", "location", "admin1", "latitude",
                                    "longitude", "geo_precision", "notes", "fatalities", "incident_id",
                                    "claimed_by")
"""Fields :meth:`EventStore.update_event` may change (the id, source and article never change)."""
CREATED_FIELD = "(created)"
REPORT_FIELD = "(report recorded)"
_NUMERIC = ("latitude", "longitude")


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


class StaleEdit(SaveRefused):
    """The event changed since the analyst opened it: ``other`` holds those changes (change-log rows).

    Nothing was saved. ``current_version`` is the event's version now: pass it
    as ``expected_version`` to apply the analyst's change on top of the other.
    """

    def __init__(self, event_id: str, expected: int, current: int, other: pd.DataFrame) -> None:
        self.event_id, self.expected_version, self.current_version, self.other = event_id, expected, current, other
        who = ", ".join(sorted({w or "someone" for w in other["who"]})) if len(other) else "someone"
        fields = ", ".join(dict.fromkeys(other["field"])) if len(other) else "it"
        super().__init__([Problem("store", None, "version", str(expected),
                                  f"{event_id} was changed by {who} ({fields}) after you opened it (your version "
                                  f"{expected}, now {current}); your change was not saved. Read the other change, "
                                  "then apply yours on top of it if it still holds.")])


def read_changes(data_dir: str | Path, database_url: str | None = None) -> pd.DataFrame:
    """The change log as text cells, oldest first (empty, with its columns, when there is none yet)."""
    return EventStore(Path(data_dir), database_url=database_url).changes()


@dataclass
class EventStore:
    """The events, articles, collections and change log of one data folder's store.

    ``database`` is shared when given (one per process in the app); otherwise
    it is opened on first use from ``data_dir`` and ``database_url``.
    """

    data_dir: Path
    today: date | None = None
    database_url: str | None = None
    database: Database | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)

    @property
    def db(self) -> Database:
        if self.database is None:
            self.database = open_database(self.data_dir, self.database_url)
            from utils.data.store_seed import seed_if_empty

            seed_if_empty(self.database, self.data_dir, today=self.today)
        return self.database

    # -- reading -------------------------------------------------------------------------------------------

    def read_events(self) -> pd.DataFrame:
        """Every stored event as text cells (the columns of events.csv plus ``collection`` and ``version``)."""
        from utils.data.store_read import read_event_text

        return read_event_text(self.db)

    def read_sources(self) -> pd.DataFrame:
        from utils.data.store_read import read_sources_text

        return read_sources_text(self.db)

    def changes(self, event_id: str | None = None) -> pd.DataFrame:
        """The change log (all of it, or one event's), oldest first, as text cells."""
        where, params = ("WHERE event_id = ?", (event_id,)) if event_id else ("", ())
        rows = self.db.query(f'SELECT "when", event_id, field, old_value, new_value, reason, who FROM changes '
                             f"{where} ORDER BY change_id", params)
        return pd.DataFrame(rows, columns=list(CHANGE_COLUMNS), dtype=object).astype(str) if rows else \
            pd.DataFrame(columns=list(CHANGE_COLUMNS), dtype=str)

    def event_version(self, event_id: str) -> int:
        """The event's version now (raises :class:`SaveRefused` when there is no such event)."""
        row = self.db.query_one("SELECT version FROM events WHERE event_id = ?", (event_id,))
        if row is None:
            raise _no_event(event_id)
        return int(row[0])

    def data_version(self) -> int:
        return self.db.data_version()

    # -- checking --------------------------------------------------------------------------------------------

    def _known_doc_ids(self, tx) -> list[str]:
        return [r[0] for r in tx.all("SELECT doc_id FROM sources")]

    def _validated(self, tx, text_row: dict[str, str]) -> pd.DataFrame:
        """The typed row of ``text_row`` (text cells); raise :class:`SaveRefused` when it breaks a rule."""
        frame = pd.DataFrame([{**text_row, ROW_COLUMN: 2}])
        result = validate_events(frame, "events", known_doc_ids=self._known_doc_ids(tx), today=self.today)
        if result.problems:
            raise SaveRefused(result.problems)
        return result.events

    # -- writing ---------------------------------------------------------------------------------------------

    def add_source(self, *, outlet: str, headline: str, published: date | str, published_precision: str,
                   url: str = "", language: str = "", stance: str = "", who: str = "",
                   collection: str = BUNDLED) -> str:
        """Record a report and return its new ``doc_id`` (e.g. ``TW-2025-05``).

        ``headline`` is in the analyst's words; ``url`` is optional and must
        be http(s). Raises :class:`SaveRefused` naming each bad field.
        """
        problems: list[Problem] = []
        values = {"outlet": text_value(outlet), "headline": text_value(headline),
                  "published": text_value(published), "published_precision": text_value(published_precision),
                  "url": text_value(url), "language": text_value(language), "stance": text_value(stance)}
        for column in ("outlet", "headline"):
            if not values[column]:
                problems.append(Problem("sources", None, column, "", "this field is blank; it needs a value.",
                                        kind=BLANK))
        try:
            published_day = date.fromisoformat(values["published"])
            if published_day > (self.today or date.today()):
                problems.append(Problem("sources", None, "published", values["published"],
                                        "the publication date is in the future."))
        except ValueError:
            problems.append(Problem("sources", None, "published", values["published"], "not a date YYYY-MM-DD."))
        if values["published_precision"] not in DATE_PRECISIONS:
            problems.append(Problem("sources", None, "published_precision", values["published_precision"],
                                    "not one of: " + ", ".join(DATE_PRECISIONS) + "."))
        if values["url"] and not safe_http_url(values["url"]):
            problems.append(Problem("sources", None, "url", values["url"],
                                    "not an http(s) link; leave it blank if the report has none."))
        if problems:
            raise SaveRefused(problems)
        with self.db.write() as tx:
            taken = {r[0] for r in tx.all("SELECT doc_id FROM sources WHERE doc_id LIKE ?",
                                          (values["published"][:7].join(["%", "%"]),))}
            doc_id = new_doc_id(values["outlet"], values["published"], taken)
            columns = [c for c in SOURCE_COLUMNS if c in values or c == "doc_id"]
            row = {**values, "doc_id": doc_id}
            tx.execute(f"INSERT INTO sources ({', '.join(columns)}, collection_id) VALUES "
                       f"({', '.join('?' for _ in columns)}, ?)", [row[c] for c in columns] + [collection])
            version = tx.bump_version()
            log_changes(tx, version, [{"event_id": "", "field": REPORT_FIELD, "old_value": "",
                                       "new_value": json.dumps(row, ensure_ascii=False), "reason": "new report",
                                       "who": who, "collection_id": collection}])
        return doc_id

    def add_event(self, fields: Mapping[str, object], *, who: str = "", reason: str = "new report",
                  attach_to: str | None = None, collection: str = BUNDLED) -> str:
        """Add a new event and return its id (``EV`` + the next number of a sequence).

        ``fields`` holds the event's columns (``event_id`` is assigned here).
        ``attach_to`` is the id of an event of the same incident: the new
        event shares its ``incident_id`` (one is made, ``INC-<event_id>``,
        and written to that event too when it has none). Raises
        :class:`SaveRefused` when a field fails validation; nothing is written then.
        """
        unknown = [k for k in fields if k not in EVENT_COLUMNS and k not in ("incident_id", "source_url")]
        if unknown:
            raise SaveRefused([Problem("events", None, unknown[0], None, "not a column of events.csv.")])
        row = {column: text_value(value) for column, value in fields.items() if column != "event_id"}
        with self.db.write() as tx:
            version = tx.bump_version()
            event_id = next_event_id(tx)
            log: list[dict[str, object]] = []
            if attach_to:
                found = tx.one("SELECT incident_id, version, collection_id FROM events WHERE event_id = ?",
                               (attach_to,))
                if found is None:
                    raise SaveRefused([Problem("events", None, "incident_id", attach_to,
                                               f"no event {attach_to} to attach this report to.")])
                incident = (found[0] or "").strip()
                if not incident:
                    incident = f"INC-{attach_to}"
                    tx.execute("UPDATE events SET incident_id = ?, version = version + 1, changed_in = ? "
                               "WHERE event_id = ?", (incident, version, attach_to))
                    log.append({"event_id": attach_to, "field": "incident_id", "old_value": "",
                                "new_value": incident, "reason": f"{event_id} reports the same incident",
                                "who": who, "collection_id": found[2], "event_version": int(found[1]) + 1})
                row["incident_id"] = incident
            typed = self._validated(tx, {**{c: "" for c in EVENT_COLUMNS}, **row, "event_id": event_id})
            insert_events(tx, typed, collection, version)
            created = {k: v for k, v in row.items() if v}
            log.insert(0, {"event_id": event_id, "field": CREATED_FIELD, "old_value": "",
                           "new_value": json.dumps(created, ensure_ascii=False), "reason": reason, "who": who,
                           "collection_id": collection, "event_version": 1})
            log_changes(tx, version, log)
        return event_id

    def update_event(self, event_id: str, changes: Mapping[str, object], *, reason: str, who: str = "",
                     expected_version: int | None = None) -> list[str]:
        """Change fields of one event (status, place, date ...) with a reason; return the fields changed.

        ``expected_version`` is the event's version the analyst started from:
        when the event changed since, :class:`StaleEdit` is raised and nothing
        is saved. Raises :class:`SaveRefused` when the reason is blank, a field
        cannot be edited, the event does not exist or the result fails validation.
        """
        reason = text_value(reason)
        if not reason:
            raise SaveRefused([Problem("changes", None, "reason", "",
                                       "say why: every change needs a reason (it goes into the change log).")])
        not_editable = [k for k in changes if k not in EDITABLE_FIELDS]
        if not_editable:
            raise SaveRefused([Problem("events", None, not_editable[0], None,
                                       "this field cannot be edited here; record a new report instead.")])
        with self.db.write() as tx:
            current, version_now, collection = self._locked_event(tx, event_id, expected_version)
            log = []
            updated = dict(current)
            for column, value in changes.items():
                old, new = current.get(column, ""), text_value(value)
                if column in _NUMERIC and new:
                    with suppress(ValueError):
                        new = text_value(float(new))
                if old != new:
                    updated[column] = new
                    log.append({"event_id": event_id, "field": column, "old_value": old, "new_value": new,
                                "reason": reason, "who": who, "collection_id": collection,
                                "event_version": version_now + 1})
            if not log:
                return []
            typed = self._validated(tx, updated)
            version = tx.bump_version()
            assignments = ", ".join(f"{entry['field']} = ?" for entry in log)
            values = [_stored(typed, entry["field"]) for entry in log]
            tx.execute(f"UPDATE events SET {assignments}, version = version + 1, changed_in = ? WHERE event_id = ?",
                       [*values, version, event_id])
            log_changes(tx, version, log)
        return [str(entry["field"]) for entry in log]

    def retire_event(self, event_id: str, *, reason: str, who: str = "", expected_version: int | None = None) -> None:
        """Retire an event: it stays in the store, hidden unless retired events are shown."""
        reason = text_value(reason)
        if not reason:
            raise SaveRefused([Problem("changes", None, "reason", "",
                                       "say why the event is retired (it goes into the store and the log).")])
        with self.db.write() as tx:
            current, version_now, collection = self._locked_event(tx, event_id, expected_version)
            if current["retired"].strip():
                raise SaveRefused([Problem("events", None, "retired", current["retired"],
                                           f"{event_id} is already retired.")])
            version = tx.bump_version()
            when = now_utc()
            tx.execute("UPDATE events SET retired = ?, retired_at = ?, version = version + 1, changed_in = ? "
                       "WHERE event_id = ?", (reason, when, version, event_id))
            log_changes(tx, version, [{"event_id": event_id, "field": "retired", "old_value": "", "new_value": reason,
                                       "reason": reason, "who": who, "collection_id": collection,
                                       "event_version": version_now + 1}], when=when)

    def _locked_event(self, tx, event_id: str, expected_version: int | None) -> tuple[dict[str, str], int, str]:
        """The event's text cells, version and collection, locked for this transaction; checks the version."""
        lock = " FOR UPDATE" if self.db.kind == "postgresql" else ""
        from utils.data.store_read import EVENT_SELECT

        row = tx.one(f"SELECT {EVENT_SELECT}, version, collection_id FROM events WHERE event_id = ?{lock}",
                     (event_id,))
        if row is None:
            raise _no_event(event_id)
        current = event_row_text(row[:-2])
        version_now, collection = int(row[-2]), str(row[-1])
        if expected_version is not None and int(expected_version) != version_now:
            other = tx.all('SELECT "when", event_id, field, old_value, new_value, reason, who FROM changes '
                           "WHERE event_id = ? AND event_version > ? ORDER BY change_id",
                           (event_id, int(expected_version)))
            raise StaleEdit(event_id, int(expected_version), version_now,
                            pd.DataFrame(other, columns=list(CHANGE_COLUMNS)))
        return current, version_now, collection


def _stored(typed: pd.DataFrame, column: str) -> object:
    """The value to store for ``column`` from a validated one-row frame."""
    value = typed[column].iloc[0]
    if column == "event_date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None if column == "fatalities" else ""
    if column in ("geo_precision", "fatalities"):
        return int(value)
    if column in _NUMERIC:
        return float(value)
    return str(value)


def _no_event(event_id: str) -> SaveRefused:
    return SaveRefused([Problem("events", None, "event_id", event_id,
                                "no event with this id; it may have been retired or its collection deleted.")])
