"""The store's database: one embedded SQLite file by default, or PostgreSQL with PostGIS for a team.

:class:`Database` hides the few differences between the two (placeholders,
how a write transaction starts, identity columns, the point geometry): the
rest of the store writes one SQL text with ``?`` placeholders. Every write is
one transaction (:meth:`Database.write`) that also bumps the single
``data_version`` row, so readers (other sessions, other app processes) notice
a change with one cheap query (:meth:`Database.data_version`).

Configuration: ``EVENTMAP_DATABASE_URL`` (or ``--database-url``) set to
``postgresql://user:password@host:port/dbname`` picks PostgreSQL; unset, the
store is ``eventmap.sqlite`` in the data folder. A bad configuration raises
:class:`StoreConfigError` with a message naming what to fix.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from utils.data.folder import DATABASE_URL_ENV
from utils.data.store_schema import POSTGRES_SCHEMA, SCHEMA_VERSION, SQLITE_SCHEMA, UPGRADES

__all__ = ["DATABASE_FILE", "DATABASE_URL_ENV", "Database", "StoreConfigError", "database_url_from",
           "describe_url", "open_database"]

DATABASE_FILE = "eventmap.sqlite"
"""The embedded store's file, in the data folder (gitignored)."""


class StoreConfigError(RuntimeError):
    """The store cannot be opened; the message says what to fix (never a password)."""


def database_url_from(option: str | None = None, environ: Mapping[str, str] | None = None) -> str | None:
    """``option`` (a command's ``--database-url``) when given, else ``$EVENTMAP_DATABASE_URL``, else None."""
    if option:
        return option
    value = (os.environ if environ is None else environ).get(DATABASE_URL_ENV, "").strip()
    return value or None


def describe_url(url: str) -> str:
    """``url`` with any password replaced by ``***`` (for messages and logs)."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def _postgres_error(url: str, error: Exception) -> StoreConfigError:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    where = describe_url(url)
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        fix = "the user name or password is wrong: fix them in EVENTMAP_DATABASE_URL (or --database-url)."
    elif "does not exist" in lowered and "database" in lowered:
        fix = "that database does not exist: create it (createdb NAME) or fix its name in the URL."
    elif "connection refused" in lowered or "could not connect" in lowered or "timeout" in lowered \
            or "name or service not known" in lowered or "no route" in lowered:
        fix = ("no PostgreSQL server answers there: start it, or fix the host and port in "
               "EVENTMAP_DATABASE_URL (or --database-url).")
    else:
        fix = "check EVENTMAP_DATABASE_URL (or --database-url)."
    return StoreConfigError(f"The PostgreSQL store at {where} cannot be used: {text}. Fix: {fix}")


class Database:
    """A connection to the store, shared by the threads of one process (guarded by a lock).

    ``kind`` is ``"sqlite"`` or ``"postgresql"``. SQL is written with ``?``
    placeholders; :meth:`sql` turns them into ``%s`` for PostgreSQL.
    """

    def __init__(self, url: str, *, path: Path | None = None, read_only_reason: str | None = None) -> None:
        self.url = url
        self.path = path
        self.kind = "sqlite" if path is not None else "postgresql"
        self.read_only_reason = read_only_reason
        """Set when nothing can be saved (a read-only data folder): what to fix; writes raise it."""
        self._lock = threading.RLock()
        self._connection: Any = None

    # -- connecting --------------------------------------------------------------------------------------------

    def _connect(self) -> Any:
        if self.kind == "sqlite":
            assert self.path is not None
            try:
                if self.read_only_reason:  # a copy in memory: the folder's file (if any) is never written
                    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                    if self.path.exists():
                        source = sqlite3.connect(f"file:{self.path}?immutable=1", uri=True)
                        source.backup(connection)
                        source.close()
                    return connection
                connection = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=FULL")
                connection.execute("PRAGMA foreign_keys=ON")
            except sqlite3.Error as error:
                raise StoreConfigError(
                    f"The store {self.path} cannot be opened: {error}. Fix: make the data folder "
                    f"{self.path.parent} writable (the store keeps its file there), or set "
                    f"{DATABASE_URL_ENV} to a PostgreSQL server.") from error
            return connection
        import psycopg

        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            raise _postgres_error(self.url, error) from error

    @property
    def connection(self) -> Any:
        if self._connection is None:
            self._connection = self._connect()
        return self._connection

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def sql(self, text: str) -> str:
        """The SQL ``text`` in this database's placeholder style."""
        return text.replace("?", "%s") if self.kind == "postgresql" else text

    # -- reading -----------------------------------------------------------------------------------------------

    def query(self, text: str, params: Sequence[object] = ()) -> list[tuple]:
        """All rows of one query (outside any write transaction)."""
        with self._lock:
            return self._retrying(lambda: self.connection.execute(self.sql(text), tuple(params)).fetchall())

    def query_one(self, text: str, params: Sequence[object] = ()) -> tuple | None:
        rows = self.query(text, params)
        return rows[0] if rows else None

    def data_version(self) -> int:
        """The number of the last committed write (0 for an empty store): one indexed read, cheap."""
        row = self.query_one("SELECT version FROM data_version WHERE id = 1")
        return int(row[0]) if row else 0

    def _retrying(self, run):
        """Run ``run()``; a PostgreSQL connection that was dropped is opened again once."""
        try:
            return run()
        except Exception as error:
            if self.kind != "postgresql" or not _is_connection_lost(error):
                raise
            self._connection = None
            return run()

    # -- writing -----------------------------------------------------------------------------------------------

    @contextmanager
    def write(self, *, internal: bool = False) -> Iterator[Transaction]:
        """One write transaction: everything in it commits together or not at all.

        SQLite takes the database's write lock at the start (``BEGIN IMMEDIATE``),
        so writers queue instead of failing; PostgreSQL row locks do the same.
        """
        if self.read_only_reason and not internal:
            raise StoreConfigError(self.read_only_reason)
        with self._lock:
            connection = self.connection
            if self.kind == "sqlite":
                try:
                    connection.execute("BEGIN IMMEDIATE")
                except sqlite3.Error as error:
                    raise self._write_failed(error) from error
                try:
                    yield Transaction(self, connection)
                    connection.execute("COMMIT")
                except BaseException as error:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    if isinstance(error, sqlite3.Error):
                        raise self._write_failed(error) from error
                    raise
            else:
                import psycopg

                try:
                    with connection.transaction():
                        yield Transaction(self, connection)
                except psycopg.Error as error:
                    raise self._write_failed(error) from error

    def check_writable(self) -> None:
        """Raise :class:`StoreConfigError` (what to fix) when this store cannot be written."""
        if self.read_only_reason:
            raise StoreConfigError(self.read_only_reason)

    def _write_failed(self, error: Exception) -> StoreConfigError:
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        where = self.path if self.kind == "sqlite" else describe_url(self.url)
        if "readonly" in text.lower() or "read-only" in text.lower():
            fix = "make the data folder and its eventmap.sqlite writable"
        elif "locked" in text.lower():
            fix = "another program holds the store's lock for too long; try again, and close it if it persists"
        elif "disk" in text.lower() or "full" in text.lower():
            fix = "free disk space where the store is"
        else:
            fix = "try again; if it persists, tell the administrator (the server log has the details)"
        return StoreConfigError(f"Nothing was saved: the store ({where}) refused the write: {text}. Fix: {fix}.")

    # -- schema ------------------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        """The schema version written by :meth:`ensure_schema` (0 when there are no tables yet)."""
        try:
            row = self.query_one("SELECT value FROM meta WHERE key = 'schema_version'")
        except Exception as error:  # no table yet
            if self.kind == "postgresql":
                import psycopg

                if not isinstance(error, psycopg.errors.UndefinedTable):
                    raise
            elif not isinstance(error, sqlite3.OperationalError):
                raise
            return 0
        return int(row[0]) if row else 0

    def ensure_schema(self) -> int:
        """Create the tables when missing and apply pending upgrades; return the schema version.

        Safe when several processes start at once: the first creates, the others wait and find it done.
        """
        if self.schema_version() == SCHEMA_VERSION:
            return SCHEMA_VERSION
        with self.write(internal=True) as tx:
            if self.kind == "postgresql":
                tx.execute("SELECT pg_advisory_xact_lock(7275001)")
                self._require_postgis(tx)
                exists = tx.one("SELECT to_regclass('meta')")[0] is not None
            else:
                exists = tx.one("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'")[0] > 0
            row = tx.one("SELECT value FROM meta WHERE key = 'schema_version'") if exists else None
            version = int(row[0]) if row else 0
            if version == 0:
                for statement in (SQLITE_SCHEMA if self.kind == "sqlite" else POSTGRES_SCHEMA):
                    tx.execute(statement)
                tx.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                tx.execute("INSERT INTO data_version (id, version) VALUES (1, 0)")
                tx.execute("INSERT INTO meta (key, value) VALUES ('store_id', ?)", (uuid.uuid4().hex,))
                return SCHEMA_VERSION
            if version > SCHEMA_VERSION:
                raise StoreConfigError(f"The store was made by a newer version of this program (schema {version}, "
                                       f"this one knows {SCHEMA_VERSION}). Fix: update the program.")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in UPGRADES[target][self.kind]:
                    tx.execute(statement)
            tx.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
        return SCHEMA_VERSION

    def _require_postgis(self, tx: Transaction) -> None:
        import psycopg

        try:
            with self.connection.transaction():  # a savepoint: a failure leaves the outer transaction usable
                tx.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        except psycopg.Error as error:
            where = describe_url(self.url)
            raise StoreConfigError(
                f"The PostgreSQL store at {where} has no PostGIS: {str(error).strip().splitlines()[0]}. Fix: "
                "install PostGIS on the server (Debian: apt-get install postgresql-15-postgis-3) and run "
                "CREATE EXTENSION postgis in that database as a superuser.") from error


def _is_connection_lost(error: Exception) -> bool:
    import psycopg

    return isinstance(error, (psycopg.OperationalError, psycopg.InterfaceError)) and "closed" in str(error).lower() \
        or isinstance(error, psycopg.OperationalError) and "terminat" in str(error).lower()


class Transaction:
    """The statements of one write transaction (see :meth:`Database.write`)."""

    def __init__(self, database: Database, connection: Any) -> None:
        self.database = database
        self._connection = connection

    def execute(self, text: str, params: Sequence[object] = ()) -> Any:
        return self._connection.execute(self.database.sql(text), tuple(params))

    def executemany(self, text: str, rows: Sequence[Sequence[object]]) -> None:
        if self.database.kind == "sqlite":
            self._connection.executemany(text, rows)
        else:
            with self._connection.cursor() as cursor:
                cursor.executemany(self.database.sql(text), rows)

    def one(self, text: str, params: Sequence[object] = ()) -> tuple | None:
        return self.execute(text, params).fetchone()

    def all(self, text: str, params: Sequence[object] = ()) -> list[tuple]:
        return self.execute(text, params).fetchall()

    def bump_version(self) -> int:
        """Count this write in ``data_version`` (taking its row lock until commit); return the new number."""
        row = self.one("UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version")
        assert row is not None, "the store has no data_version row; run: python -m utils db init"
        if self.database.kind == "postgresql":
            self.execute(f"NOTIFY eventmap_changes, '{int(row[0])}'")
        return int(row[0])

    def next_number(self, name: str) -> int:
        """The next number of counter ``name`` (a sequence in PostgreSQL): distinct for concurrent writers."""
        if self.database.kind == "postgresql":
            row = self.one(f"SELECT nextval('{name}_seq')")
        else:
            row = self.one("UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value", (name,))
        assert row is not None
        return int(row[0])

    def raise_counter(self, name: str, at_least: int) -> None:
        """Make sure counter ``name`` hands out numbers above ``at_least`` (after loading ids from files)."""
        if self.database.kind == "postgresql":
            self.execute(f"SELECT setval('{name}_seq', GREATEST(?, (SELECT last_value FROM {name}_seq)))",
                         (max(int(at_least), 1),))
        else:
            self.execute("UPDATE counters SET value = MAX(value, ?) WHERE name = ?", (int(at_least), name))


def open_database(data_dir: str | Path, url: str | None = None) -> Database:
    """The store for ``data_dir``: PostgreSQL at ``url`` when given, else ``eventmap.sqlite`` in the folder.

    Creates the schema when missing. Raises :class:`StoreConfigError` with
    what to fix when the store cannot be used.
    """
    if url:
        if not url.startswith(("postgresql://", "postgres://")):
            raise StoreConfigError(f"{DATABASE_URL_ENV}={describe_url(url)!r} is not a PostgreSQL URL. Fix: "
                                   "write it as postgresql://user:password@host:port/dbname, or unset it to "
                                   "use the embedded store in the data folder.")
        database = Database(url)
    else:
        folder = Path(data_dir)
        if not folder.is_dir():
            raise StoreConfigError(f"The data folder {folder} does not exist. Fix: give an existing folder "
                                   "(--data-dir or EVENTMAP_DATA_DIR).")
        path = folder / DATABASE_FILE
        read_only = None
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            read_only = (f"The data folder {folder} is read-only, so nothing can be saved (the store keeps "
                         f"{DATABASE_FILE} there). Fix: make the folder writable (chmod u+w {folder}), or set "
                         f"{DATABASE_URL_ENV} to a PostgreSQL server.")
        database = Database(f"sqlite:///{path}", path=path, read_only_reason=read_only)
    database.ensure_schema()
    return database
