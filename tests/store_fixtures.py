"""Fixtures for the store tests: a data folder copy, and a throw-away PostgreSQL + PostGIS database per test.

The PostgreSQL server is the one ``scripts/test.sh`` started (its URL in
``EVENTMAP_TEST_DATABASE_URL``); without one, a cluster is started here with
``scripts/pg_cluster.sh`` and stopped at the end. Tests skip with the reason
when no server can be started, except in CI (``CI=true``) or with
``EVENTMAP_REQUIRE_POSTGRES=1``, where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
TEMPLATE = "eventmap_template"
NOT_COPIED = shutil.ignore_patterns("eventmap.sqlite*", ".eventmap-cache")
"""A data folder copy never takes the bundled folder's store or cache along."""


def copy_data(target: Path) -> Path:
    """A copy of data/ without its store: the copy's store is filled from its CSVs on first use."""
    shutil.copytree(DATA, target, ignore=NOT_COPIED)
    return target


def _require_postgres() -> bool:
    return os.environ.get("CI") == "true" or os.environ.get("EVENTMAP_REQUIRE_POSTGRES") == "1"


def _with_database(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server with PostGIS where tests may create databases."""
    url = os.environ.get("EVENTMAP_TEST_DATABASE_URL")
    cluster = None
    if not url:
        started = subprocess.run(["bash", str(PROJECT / "scripts" / "pg_cluster.sh"), "start"], capture_output=True,
                                 text=True, timeout=300)
        if started.returncode != 0:
            reason = ("no PostgreSQL server for the store tests: scripts/pg_cluster.sh could not start one "
                      f"({started.stderr.strip()[-300:]}); install postgresql-15-postgis-3 or set "
                      "EVENTMAP_TEST_DATABASE_URL")
            if _require_postgres():
                pytest.fail(reason)
            pytest.skip(reason)
        values = dict(line.removeprefix("export ").split("=", 1) for line in started.stdout.splitlines()
                      if line.startswith("export "))
        url, cluster = values["EVENTMAP_TEST_DATABASE_URL"], values["PG_CLUSTER_DIR"]
    import psycopg

    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (TEMPLATE,)).fetchone()
            if not exists:
                connection.execute(f"CREATE DATABASE {TEMPLATE}")
                with psycopg.connect(_with_database(url, TEMPLATE), autocommit=True) as template:
                    template.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    except psycopg.Error as error:
        reason = f"the PostgreSQL server for the store tests cannot be used: {error}"
        if _require_postgres():
            pytest.fail(reason)
        pytest.skip(reason)
    yield url
    if cluster:
        subprocess.run(["bash", str(PROJECT / "scripts" / "pg_cluster.sh"), "stop", cluster], timeout=120)


@pytest.fixture
def postgres_url(postgres_server) -> Iterator[str]:
    """A new, empty database with PostGIS on the test server (dropped after the test)."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    yield _with_database(postgres_server, name)
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request) -> str | None:
    """None for the embedded store (eventmap.sqlite in the data folder), or a PostgreSQL database URL."""
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of data/ without its store."""
    return copy_data(tmp_path / "data")
