"""Imports that persist: a collection of events in the store, visible to every session and server.

An import becomes a named collection (who, when, which file, its row report)
written in one transaction with its events. Rows whose ``event_id`` is
already in the store are set aside (ids are unique across the store) and the
report says so; rows marked as needing an id get one from the store's
sequence. Deleting a collection marks it deleted (who, when, why, logged):
its events leave every view but stay in the store.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pandas as pd

from utils.core.problems import Problem
from utils.core.schema import SOURCE_COLUMNS
from utils.data.csv_read import ROW_COLUMN
from utils.data.store_rows import BUNDLED, insert_events, log_changes, next_event_id, now_utc
from utils.data.store_seed import report_json
from utils.data.store_sql import Database, StoreConfigError
from utils.data.validation import LoadResult

__all__ = ["COLLECTION_DELETED", "COLLECTION_IMPORTED", "CollectionSaved", "add_collection", "delete_collection",
           "import_doc_id"]

COLLECTION_IMPORTED = "(collection imported)"
COLLECTION_DELETED = "(collection deleted)"
CREATED_FIELD = "(created)"
CLASH_REASON = "event_id is already used by an event in the store; ids must be unique, so this row was not added."


@dataclass
class CollectionSaved:
    """What :func:`add_collection` wrote: the collection, the ids added, the rows set aside for clashing ids."""

    collection_id: str
    event_ids: list[str]
    clashes: list[Problem] = field(default_factory=list)
    load: LoadResult | None = None


def import_doc_id(collection_id: str) -> str:
    """The doc_id given to imported rows that name no article."""
    return f"import:{collection_id}"


def _slug(text: str) -> str:
    stem = re.sub(r"\.(csv|geojson|json|gz|zip|bz2|xz)$", "", text.lower())
    stem = re.sub(r"\.(csv|geojson|json)$", "", stem)
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:40] or "import"


def add_collection(database: Database, load: LoadResult, *, file: str, fmt: str, rows_read: int, who: str,
                   name: str | None = None, into: str | None = None, reason: str = "",
                   new_ids: frozenset[str] = frozenset()) -> CollectionSaved:
    """Store ``load.events`` (validated, typed) as a new collection, or add them to collection ``into``.

    ``new_ids``: placeholder ids of rows that had none; they get ``EV`` ids from
    the sequence. Adding to an existing collection logs one "(created)" row
    per event (who, reason); a new collection logs one row for the import.
    """
    database.check_writable()
    events = load.events.copy()
    with database.write() as tx:
        version = tx.bump_version()
        if into is not None:
            if tx.one("SELECT 1 FROM collections WHERE collection_id = ? AND deleted_at IS NULL", (into,)) is None:
                raise StoreConfigError(f"There is no collection {into!r} in the store. Fix: name one of "
                                       "`python -m utils db collections`, or leave the option out.")
            collection_id = into
        else:
            collection_id = f"{_slug(name or file)}-{tx.next_number('collection_number')}"
            tx.execute("INSERT INTO collections (collection_id, name, kind, created_at, created_by, file, format) "
                       "VALUES (?, ?, 'import', ?, ?, ?, ?)", (collection_id, name or file, now_utc(), who, file, fmt))
        incoming = [i for i in events["event_id"].astype(str) if i not in new_ids]
        taken = _taken(tx, incoming)
        clash = events["event_id"].astype(str).isin(taken).to_numpy()
        clashes = [Problem(file, int(row), "event_id", str(event_id), CLASH_REASON)
                   for row, event_id in zip(events.loc[clash, ROW_COLUMN], events.loc[clash, "event_id"])] \
            if ROW_COLUMN in events.columns else \
            [Problem(file, None, "event_id", str(e), CLASH_REASON) for e in events.loc[clash, "event_id"]]
        rejected = load.rejected
        if clash.any():
            clashed = events.loc[clash].drop(columns=["date_start", "date_end"], errors="ignore").copy()
            clashed["_reasons"] = "event_id: " + CLASH_REASON
            rejected = pd.concat([rejected, clashed.astype(str)], ignore_index=True)
            events = events.loc[~clash].reset_index(drop=True)
        needs_id = events["event_id"].astype(str).isin(new_ids).to_numpy()
        if needs_id.any():
            ids = events["event_id"].astype(object).tolist()
            for position in needs_id.nonzero()[0]:
                ids[position] = next_event_id(tx)
            events["event_id"] = ids
        blank_doc = events["doc_id"].fillna("").astype(str).str.strip() == ""
        if blank_doc.any():
            doc_id = import_doc_id(collection_id)
            events.loc[blank_doc, "doc_id"] = doc_id
            if tx.one("SELECT 1 FROM sources WHERE doc_id = ?", (doc_id,)) is None:
                _import_source(tx, doc_id, collection_id, file, fmt, int(blank_doc.sum()))
        problems = sorted([*load.problems, *clashes], key=lambda p: (p.row or 0, p.column or ""))
        saved_load = LoadResult(file=file, events=events, rejected=rejected, problems=problems, notes=list(load.notes))
        if into is None:
            tx.execute("UPDATE collections SET rows_read = ?, loaded = ?, set_aside = ?, report = ? "
                       "WHERE collection_id = ?", (int(rows_read), len(events), len(rejected),
                                                   report_json(saved_load), collection_id))
        insert_events(tx, events, collection_id, version)
        if into is None:
            log_changes(tx, version, [{"event_id": "", "field": COLLECTION_IMPORTED, "old_value": "",
                                       "new_value": json.dumps({"collection": collection_id, "name": name or file,
                                                                "file": file, "events": len(events),
                                                                "set_aside": len(rejected)}, ensure_ascii=False),
                                       "reason": reason or f"import of {file}", "who": who,
                                       "collection_id": collection_id}])
        else:
            log_changes(tx, version, [{"event_id": event_id, "field": CREATED_FIELD, "old_value": "",
                                       "new_value": json.dumps({"file": file}, ensure_ascii=False),
                                       "reason": reason or f"added from {file}", "who": who,
                                       "collection_id": collection_id, "event_version": 1}
                                      for event_id in events["event_id"].astype(str)])
    return CollectionSaved(collection_id, events["event_id"].astype(str).tolist(), clashes, saved_load)


def _taken(tx, ids: list[str]) -> set[str]:
    """Which of ``ids`` the store already holds (in chunks, so a million ids is fine)."""
    taken: set[str] = set()
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        rows = tx.all(f"SELECT event_id FROM events WHERE event_id IN ({', '.join('?' for _ in chunk)})", chunk)
        taken.update(r[0] for r in rows)
    return taken


def _import_source(tx, doc_id: str, collection_id: str, file: str, fmt: str, count: int) -> None:
    values = {"doc_id": doc_id, "outlet": f"{file} ({fmt})",
              "headline": f"Imported: {count} event(s) from {file}. Each row keeps the outlet that reported it "
                          "(source) and who made the claim (claimed_by).",
              "published": "", "published_precision": "", "language": "",
              "stance": "Not reviewed by this project: weigh each row by its own source and claimed_by.",
              "seed_file": "", "url": ""}
    tx.execute(f"INSERT INTO sources ({', '.join(SOURCE_COLUMNS)}, collection_id) VALUES "
               f"({', '.join('?' for _ in SOURCE_COLUMNS)}, ?)", [values[c] for c in SOURCE_COLUMNS] + [collection_id])


def delete_collection(database: Database, collection_id: str, *, who: str, reason: str) -> int:
    """Mark a collection deleted (its events leave every view; nothing is erased); return its event count."""
    if collection_id == BUNDLED:
        raise StoreConfigError("The bundled collection cannot be deleted: retire its events one by one instead.")
    if not reason.strip():
        raise StoreConfigError("Say why the collection is deleted (it goes into the change log).")
    with database.write() as tx:
        row = tx.one("SELECT name FROM collections WHERE collection_id = ? AND deleted_at IS NULL", (collection_id,))
        if row is None:
            raise StoreConfigError(f"There is no collection {collection_id!r} (it may be deleted already).")
        count = tx.one("SELECT count(*) FROM events WHERE collection_id = ?", (collection_id,))[0]
        version = tx.bump_version()
        when = now_utc()
        tx.execute("UPDATE collections SET deleted_at = ?, deleted_by = ?, deleted_reason = ? WHERE collection_id = ?",
                   (when, who, reason.strip(), collection_id))
        log_changes(tx, version, [{"event_id": "", "field": COLLECTION_DELETED, "old_value": json.dumps(
            {"collection": collection_id, "name": row[0], "events": int(count)}, ensure_ascii=False),
            "new_value": "", "reason": reason.strip(), "who": who, "collection_id": collection_id}], when=when)
    return int(count)
