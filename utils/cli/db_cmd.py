"""The store on the command line: ``db init``, ``db upgrade``, ``db collections``, ``events add``, ``changes``.

Every command takes ``--data-dir`` (else ``$EVENTMAP_DATA_DIR``, else data/)
and ``--database-url`` (else ``$EVENTMAP_DATABASE_URL``, else the embedded
``eventmap.sqlite`` in the data folder)::

    python -m utils db init                      # schema + the folder's CSVs when the store is empty
    python -m utils db upgrade                   # later schema changes
    python -m utils events add FILE --reason "weekly feed" --user a.analyst
    python -m utils changes --out changes.csv    # the change log
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from utils.cli.import_cmd import format_report
from utils.core.problems import DataFileError
from utils.data.csv_read import ROW_COLUMN
from utils.data.folder import DataFolder
from utils.data.store import EventStore
from utils.data.store_collections import add_collection
from utils.data.store_export import changes_csv_bytes
from utils.data.store_read import read_collections
from utils.data.store_seed import seed_if_empty
from utils.data.store_sql import StoreConfigError, describe_url, open_database
from utils.importers import inspect_upload, run_import

__all__ = ["register"]

NEW_ID = "(new id {row})"
"""Placeholder for a blank event_id until the store gives the row an id of its sequence."""


def _data_folder(arguments: argparse.Namespace) -> DataFolder:
    return DataFolder.from_option(arguments.data_dir, database_url=arguments.database_url)


def _folder(arguments: argparse.Namespace) -> Path:
    return _data_folder(arguments).root


def _url(arguments: argparse.Namespace) -> str | None:
    return _data_folder(arguments).database_url


def _where(arguments: argparse.Namespace) -> str:
    url = _url(arguments)
    return f"PostgreSQL at {describe_url(url)}" if url else f"{_folder(arguments) / 'eventmap.sqlite'}"


def _init(arguments: argparse.Namespace) -> int:
    """Create the store's schema and, when it is empty, fill it from the data folder's CSV files."""
    folder = _folder(arguments)
    database = open_database(folder, _url(arguments))
    try:
        filled = seed_if_empty(database, folder)
        events = database.query_one("SELECT count(*) FROM events")[0]
        print(f"db init: {_where(arguments)}: schema {database.schema_version()}; "
              + (f"filled from {folder} ({events} events)." if filled else
                 f"already filled ({events} events); nothing changed."))
    finally:
        database.close()
    return 0


def _upgrade(arguments: argparse.Namespace) -> int:
    """Apply schema changes made since the store was created (nothing to do when it is current)."""
    database = open_database(_folder(arguments), _url(arguments))
    try:
        print(f"db upgrade: {_where(arguments)} is at schema {database.schema_version()} (current).")
    finally:
        database.close()
    return 0


def _collections(arguments: argparse.Namespace) -> int:
    """List the store's collections: id, events, name, who imported it and when."""
    store = EventStore(_folder(arguments), database_url=_url(arguments))
    table = read_collections(store.db, include_deleted=True)
    for row in table.itertuples(index=False):
        deleted = f"  deleted {row.deleted_at} by {row.deleted_by}: {row.deleted_reason}" if row.deleted_at else ""
        print(f"{row.collection_id}\t{row.events}\t{row.name}\t{row.created_by}\t{row.created_at}{deleted}")
    return 0


def _events_add(arguments: argparse.Namespace) -> int:
    """Add the events of a CSV in our columns to the store (blank ids get new ones), with the import's report."""
    path = Path(arguments.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"events add: {path} cannot be read: {error.strerror or error}", file=sys.stderr)
        return 1
    placeholders: set[str] = set()
    folder = _folder(arguments)
    try:
        inspection = inspect_upload(data, path.name, encoding=arguments.encoding, container="csv")
        frame = inspection.table.frame
        if "event_id" in frame.columns:
            blank = (frame["event_id"].astype(str).str.strip() == "").to_numpy()
            if blank.any():
                ids = [NEW_ID.format(row=int(r)) for r in frame.loc[blank, ROW_COLUMN]]
                placeholders.update(ids)
                frame = frame.copy()
                frame.loc[blank, "event_id"] = ids
                inspection.table.frame = frame
        result = run_import(inspection, fmt="native", data_dir=folder)
    except DataFileError as error:
        print(f"events add: the file was refused; nothing changed. {error}", file=sys.stderr)
        return 1
    store = EventStore(folder, database_url=_url(arguments))
    saved = add_collection(store.db, result.load, file=path.name, fmt=result.format, rows_read=result.rows_read,
                           who=arguments.user, reason=arguments.reason, into=arguments.collection,
                           new_ids=frozenset(placeholders))
    result.load = saved.load
    print(format_report(result, limit=None if arguments.all else 200))
    new = len(placeholders)
    print(f"events add: {len(saved.event_ids)} event(s) added to the collection {saved.collection_id} in "
          f"{_where(arguments)}" + (f" ({new} given new ids)" if new else "") + ".")
    return 0


def _changes(arguments: argparse.Namespace) -> int:
    """Write the change log (when, event_id, field, old_value, new_value, reason, who) as CSV."""
    store = EventStore(_folder(arguments), database_url=_url(arguments))
    log = store.changes()
    if arguments.since:
        log = log[log["when"].str[:10] >= arguments.since]
    out = Path(arguments.out)
    if out.parent and not out.parent.is_dir():
        print(f"changes: the folder {out.parent} does not exist; create it or choose another --out.", file=sys.stderr)
        return 1
    out.write_bytes(changes_csv_bytes(log))
    print(f"wrote {out}: {len(log)} change(s) from {_where(arguments)}")
    return 0


def _guarded(run):
    def command(arguments: argparse.Namespace) -> int:
        try:
            return run(arguments)
        except StoreConfigError as error:
            print(f"{arguments.command}: {error}", file=sys.stderr)
            return 1
    return command


def _store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default=None, help="the data folder (default: $EVENTMAP_DATA_DIR, else data/)")
    parser.add_argument("--database-url", default=None, metavar="URL",
                        help="postgresql://user:password@host:port/db (default: $EVENTMAP_DATABASE_URL, else "
                             "eventmap.sqlite in the data folder)")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``db``, ``events`` and ``changes`` commands."""
    db = subparsers.add_parser("db", help="create, fill or upgrade the store", description=__doc__.splitlines()[0])
    actions = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, run in (("init", _init), ("upgrade", _upgrade), ("collections", _collections)):
        parser = actions.add_parser(name, help=run.__doc__.splitlines()[0], description=run.__doc__)
        _store_options(parser)
        parser.set_defaults(func=_guarded(run))
    events = subparsers.add_parser("events", help="add events to the store")
    event_actions = events.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = event_actions.add_parser("add", help=_events_add.__doc__, description=_events_add.__doc__)
    add.add_argument("file", metavar="FILE", help="a CSV in our columns (see data/README.md)")
    add.add_argument("--reason", required=True, help="why these events are added (in the change log)")
    add.add_argument("--user", required=True, help="who adds them (in the change log)")
    add.add_argument("--collection", default="bundled",
                     help="the collection to add them to (default: bundled; see `python -m utils db collections`)")
    add.add_argument("--encoding", default="utf-8-sig", help="the text encoding (default: UTF-8)")
    add.add_argument("--all", action="store_true", help="list every problem (default: the first 200)")
    _store_options(add)
    add.set_defaults(func=_guarded(_events_add))
    changes = subparsers.add_parser("changes", help="write the change log as CSV", description=_changes.__doc__)
    changes.add_argument("--out", required=True, metavar="FILE.csv")
    changes.add_argument("--since", default=None, metavar="YYYY-MM-DD", help="only changes on or after this day")
    _store_options(changes)
    changes.set_defaults(func=_guarded(_changes))
