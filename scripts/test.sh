#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run them.
#   bash scripts/test.sh               # all tests, browser tests included
#   bash scripts/test.sh -m "not slow" # the fast ones (under 3 minutes)
#   bash scripts/test.sh -k filters    # any pytest arguments
# Browser tests use Debian's Chromium (never a downloaded browser).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

bash scripts/setup.sh requirements-dev.txt

if [ ! -x /usr/bin/chromium ]; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

# A throw-away PostgreSQL + PostGIS cluster for the store tests (installs postgresql-15-postgis-3 when
# missing), on a free local port, stopped at exit. Its URL reaches the tests as EVENTMAP_TEST_DATABASE_URL.
# Without one (outside CI) the PostgreSQL store tests skip and say why; in CI they must run.
if [ -z "${EVENTMAP_TEST_DATABASE_URL:-}" ]; then
  if cluster_env="$(bash scripts/pg_cluster.sh start)"; then
    eval "$cluster_env"
    trap 'bash scripts/pg_cluster.sh stop "$PG_CLUSTER_DIR"' EXIT
  elif [ "${CI:-}" = true ] || [ "${EVENTMAP_REQUIRE_POSTGRES:-}" = 1 ]; then
    echo "the PostgreSQL test cluster did not start (see above)" >&2
    exit 1
  else
    echo "warning: no PostgreSQL test cluster; the PostgreSQL store tests will be skipped" >&2
  fi
fi

.venv/bin/python -m ruff check .
.venv/bin/python -m pytest "$@"
