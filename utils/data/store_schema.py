"""The store's tables, the same in SQLite and PostgreSQL (types and the geometry adapted).

- ``events``: one row per event report. ``event_id`` is unique across the
  store; ``version`` counts the event's saved changes (an edit names the
  version it started from, see :mod:`utils.data.store`); ``changed_in`` is the
  ``data_version`` of its last write, so a replica fetches only what changed.
  PostgreSQL adds ``geom``, a point (SRID 4326) generated from latitude and
  longitude, with a GiST index.
- ``collections``: the bundled seed and every import (who, when, which file,
  its row report); deleting one marks it deleted (its events stay, hidden).
- ``sources``, ``sites``: the articles and the bases.
- ``changes``: the change log (when, event, field, old, new, reason, who).
- ``meta`` (schema version, seed fingerprints), ``data_version`` (one row,
  bumped by every write), ``counters`` (SQLite's stand-in for sequences).

A later schema change appends an entry to :data:`UPGRADES` and bumps
:data:`SCHEMA_VERSION`; ``python -m utils db upgrade`` applies it.
"""

from __future__ import annotations

__all__ = ["EVENT_TEXT_COLUMNS", "POSTGRES_SCHEMA", "SCHEMA_VERSION", "SQLITE_SCHEMA", "STORED_EVENT_COLUMNS",
           "UPGRADES"]

SCHEMA_VERSION = 1

EVENT_TEXT_COLUMNS: tuple[str, ...] = (
    "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "source",
    "claimed_by", "status", "notes", "doc_id", "incident_id", "source_url", "retired", "retired_at")
STORED_EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "location",
    "admin1", "latitude", "longitude", "geo_precision", "source", "claimed_by", "status", "fatalities", "notes",
    "doc_id", "incident_id", "source_url", "retired", "retired_at")
"""The event columns kept as columns of ``events`` (others an import brings are kept in ``extra``, JSON)."""


def _events_table(*, pk: str, date: str, real: str, extra_columns: str = "") -> str:
    text = ", ".join(f"{c} TEXT NOT NULL DEFAULT ''" for c in EVENT_TEXT_COLUMNS)
    return (f"CREATE TABLE events (pk {pk}, event_id TEXT NOT NULL UNIQUE, "
            "collection_id TEXT NOT NULL REFERENCES collections (collection_id), "
            "version INTEGER NOT NULL DEFAULT 1, changed_in BIGINT NOT NULL, "
            f"event_date {date} NOT NULL, latitude {real} NOT NULL, longitude {real} NOT NULL, "
            f"geo_precision INTEGER NOT NULL, fatalities BIGINT, {text}, extra TEXT{extra_columns})")


_COMMON_TAIL = (
    "CREATE INDEX events_changed_in ON events (changed_in)",
    "CREATE INDEX events_collection ON events (collection_id)",
    "CREATE INDEX changes_event ON changes (event_id)",
    "CREATE INDEX changes_version ON changes (data_version)",
)

_COLLECTIONS = ("CREATE TABLE collections (collection_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, "
                "created_at TEXT NOT NULL, created_by TEXT NOT NULL DEFAULT '', file TEXT NOT NULL DEFAULT '', "
                "format TEXT NOT NULL DEFAULT '', rows_read BIGINT NOT NULL DEFAULT 0, "
                "loaded BIGINT NOT NULL DEFAULT 0, set_aside BIGINT NOT NULL DEFAULT 0, "
                "report TEXT NOT NULL DEFAULT '{}', deleted_at TEXT, deleted_by TEXT, deleted_reason TEXT)")
_SOURCES = ("CREATE TABLE sources (doc_id TEXT PRIMARY KEY, outlet TEXT NOT NULL DEFAULT '', "
            "headline TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '', "
            "published_precision TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '', "
            "stance TEXT NOT NULL DEFAULT '', seed_file TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '', "
            "collection_id TEXT NOT NULL REFERENCES collections (collection_id))")


def _sites(real: str, extra: str = "") -> str:
    return (f"CREATE TABLE sites (site_id TEXT PRIMARY KEY, name TEXT NOT NULL, latitude {real} NOT NULL, "
            f"longitude {real} NOT NULL, properties TEXT NOT NULL{extra})")


def _changes(pk: str) -> str:
    return (f'CREATE TABLE changes (change_id {pk}, "when" TEXT NOT NULL, event_id TEXT NOT NULL, '
            "field TEXT NOT NULL, old_value TEXT NOT NULL, new_value TEXT NOT NULL, reason TEXT NOT NULL, "
            "who TEXT NOT NULL, collection_id TEXT NOT NULL DEFAULT '', data_version BIGINT NOT NULL, "
            "event_version BIGINT NOT NULL DEFAULT 0)")


SQLITE_SCHEMA: tuple[str, ...] = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE data_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)",
    "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "INSERT INTO counters (name, value) VALUES ('event_number', 0), ('collection_number', 0)",
    _COLLECTIONS,
    _SOURCES,
    _sites("REAL"),
    _events_table(pk="INTEGER PRIMARY KEY AUTOINCREMENT", date="TEXT", real="REAL"),
    _changes("INTEGER PRIMARY KEY AUTOINCREMENT"),
    *_COMMON_TAIL,
)

_POINT = " GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)) STORED"
POSTGRES_SCHEMA: tuple[str, ...] = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE data_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)",
    "CREATE SEQUENCE event_number_seq",
    "CREATE SEQUENCE collection_number_seq",
    _COLLECTIONS,
    _SOURCES,
    _sites("DOUBLE PRECISION", f", geom geometry(Point, 4326){_POINT}"),
    _events_table(pk="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", date="DATE", real="DOUBLE PRECISION",
                  extra_columns=f", geom geometry(Point, 4326){_POINT}"),
    _changes("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
    "CREATE INDEX events_geom ON events USING GIST (geom)",
    *_COMMON_TAIL,
)

UPGRADES: dict[int, dict[str, tuple[str, ...]]] = {}
"""Statements that take a store from schema ``n - 1`` to ``n`` (key ``n``), per database kind."""
