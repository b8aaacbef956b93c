"""Rows in and out of the store: text cells, bulk inserts of validated events, change-log rows, new ids."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime

import numpy as np
import pandas as pd

from utils.core.schema import is_computed_column
from utils.data.csv_read import ROW_COLUMN
from utils.data.store_schema import STORED_EVENT_COLUMNS

__all__ = ["BUNDLED", "CHANGE_COLUMNS", "event_row_text", "extra_columns", "insert_events", "log_changes",
           "new_doc_id", "next_event_id", "now_utc", "text_value"]

BUNDLED = "bundled"
"""The collection of the data folder's own events (the CSV seed and every event added or edited here)."""

CHANGE_COLUMNS: tuple[str, ...] = ("when", "event_id", "field", "old_value", "new_value", "reason", "who")
"""Columns of the change log (and of ``python -m utils changes --out``)."""

NOT_STORED = (ROW_COLUMN, "_reasons")
"""Columns a file's reading adds (besides the computed ones, :func:`utils.core.schema.is_computed_column`)."""


def now_utc() -> str:
    """Now, UTC, ISO 8601 to the second (``2025-05-01T12:00:00Z``)."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def text_value(value: object) -> str:
    """A cell as text, as events.csv writes it: dates YYYY-MM-DD, floats without trailing zeros, '' for none."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (datetime, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6f}".rstrip("0").rstrip(".")
    if isinstance(value, (np.integer,)):
        return str(int(value))
    return str(value).strip()


def event_row_text(row: Iterable[object]) -> dict[str, str]:
    """One stored event (values in :data:`STORED_EVENT_COLUMNS` order) as text cells."""
    return {column: text_value(value) for column, value in zip(STORED_EVENT_COLUMNS, row)}


def extra_columns(frame: pd.DataFrame) -> list[str]:
    """Columns of ``frame`` an import brought beyond ours (kept in the ``extra`` JSON column)."""
    return [c for c in frame.columns if c not in STORED_EVENT_COLUMNS and c not in NOT_STORED
            and not is_computed_column(str(c))]


def _column_values(frame: pd.DataFrame, column: str) -> list[object]:
    if column not in frame.columns:
        return [None if column == "fatalities" else ""] * len(frame)
    series = frame[column]
    if column == "event_date":
        return pd.to_datetime(series).dt.strftime("%Y-%m-%d").tolist()
    if column in ("latitude", "longitude"):
        return series.to_numpy(dtype=float).tolist()
    if column == "geo_precision":
        return series.to_numpy(dtype=np.int64).tolist()
    if column == "fatalities":
        numbers = pd.to_numeric(series, errors="coerce").astype("Float64")
        return [None if v is pd.NA else int(v) for v in numbers.tolist()]
    return series.fillna("").astype(str).tolist()


def insert_events(tx, events: pd.DataFrame, collection: str, version: int) -> int:
    """Insert validated ``events`` (typed, as :func:`~utils.data.validation.validate_events` returns them).

    Every row gets version 1 and ``changed_in`` = ``version`` (the write's data
    version). Returns the number of rows inserted.
    """
    if events.empty:
        return 0
    values = [_column_values(events, column) for column in STORED_EVENT_COLUMNS]
    extras = extra_columns(events)
    if extras:
        json_rows = events[extras].astype(object).where(events[extras].notna(), None).to_json(
            orient="records", lines=True, force_ascii=False).splitlines()
    else:
        json_rows = [None] * len(events)
    count = len(events)
    columns = [*STORED_EVENT_COLUMNS, "extra", "collection_id", "version", "changed_in"]
    rows = list(zip(*values, json_rows, [collection] * count, [1] * count, [version] * count))
    if tx.database.kind == "postgresql":
        with tx._connection.cursor() as cursor, cursor.copy(f"COPY events ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        tx.executemany(f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})", rows)
    return count


def log_changes(tx, version: int, entries: list[Mapping[str, object]], *, when: str | None = None) -> None:
    """Append change-log rows (event_id, field, old_value, new_value, reason, who, ...) in this transaction."""
    stamp = when or now_utc()
    rows = [(stamp, str(e.get("event_id", "")), str(e["field"]), str(e.get("old_value", "")),
             str(e.get("new_value", "")), str(e.get("reason", "")), str(e.get("who", "")),
             str(e.get("collection_id", "")), version, int(e.get("event_version", 0) or 0)) for e in entries]
    tx.executemany('INSERT INTO changes ("when", event_id, field, old_value, new_value, reason, who, collection_id, '
                   "data_version, event_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def next_event_id(tx) -> str:
    """A new ``EV`` id from the store's sequence (never one already used)."""
    while True:
        candidate = f"EV{tx.next_number('event_number'):04d}"
        if tx.one("SELECT 1 FROM events WHERE event_id = ?", (candidate,)) is None:
            return candidate


def highest_event_number(ids: Iterable[str]) -> int:
    """The largest N among ids ``EV<N>`` (0 when none)."""
    numbers = pd.Series(list(ids), dtype=object).astype(str).str.extract(r"^EV(\d+)$")[0].dropna()
    return int(numbers.astype(int).max()) if len(numbers) else 0


def new_doc_id(outlet: str, published: str, taken: set[str]) -> str:
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
