#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS cluster for the tests, on a free port on loopback.
#   eval "$(bash scripts/pg_cluster.sh start)"   # prints: export EVENTMAP_TEST_DATABASE_URL=...; PG_CLUSTER_DIR=...
#   bash scripts/pg_cluster.sh stop "$PG_CLUSTER_DIR"
# Installs Debian's postgresql-15-postgis-3 when the binaries are missing. As root, the cluster runs as
# the `postgres` user (PostgreSQL refuses to run as root). Everything lives in one temporary folder.
set -euo pipefail
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_postgres() {
  if [ ! -x "$PG_BIN/initdb" ] || ! ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1; then
    echo "installing Debian's postgresql-15-postgis-3" >&2
    as_root apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >&2
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  install_postgres
  local dir port password run_as=()
  dir="$(mktemp -d /tmp/eventmap-pg.XXXXXX)"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    run_as=(runuser -u postgres --)
  fi
  password="$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
  echo "$password" >"$dir/password"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir/password"
  "${run_as[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$dir/password" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { echo "initdb failed; see $dir/initdb.log" >&2; cat "$dir/initdb.log" >&2; exit 1; }
  port="$(free_port)"
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" start >&2 \
    || { echo "the test PostgreSQL did not start; see $dir/server.log" >&2; cat "$dir/server.log" >&2; exit 1; }
  "${run_as[@]}" "$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -q -c "CREATE DATABASE eventmap_test" >&2
  echo "export EVENTMAP_TEST_DATABASE_URL=postgresql://postgres:$password@127.0.0.1:$port/eventmap_test"
  echo "export PG_CLUSTER_DIR=$dir"
}

stop() {
  local dir="$1" run_as=()
  [ -d "$dir/data" ] || return 0
  if [ "$(id -u)" = 0 ]; then run_as=(runuser -u postgres --); fi
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?give the cluster folder}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
