#!/usr/bin/env bash
# Sourced by scripts/test.sh: a throwaway PostgreSQL 15 cluster for the
# store's conformance suite (crates/store/tests/it/conformance), on a free
# port on 127.0.0.1 only, trusting local connections. `pg_test_start`
# exports OGONBLICK_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/postgres;
# `pg_test_stop` drops the cluster with all its files. Each test creates a
# database of its own in it, so the tests run in parallel.
# Needs root or sudo (pg_createcluster); scripts/setup.sh installs postgresql-15.

PG_TEST_CLUSTER=""

pg_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

pg_test_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_test_start() {
  if ! command -v pg_createcluster >/dev/null; then
    echo "test-postgres: pg_createcluster is missing (install postgresql-15); the PostgreSQL tests cannot run" >&2
    return 1
  fi
  local port name
  port="$(pg_test_free_port)" || return 1
  name="ogonblick_test_$$"
  if ! { pg_as_root pg_createcluster 15 "$name" -p "$port" -- -A trust >/dev/null &&
         printf "listen_addresses = '127.0.0.1'\nfsync = off\nmax_connections = 200\n" |
           pg_as_root tee "/etc/postgresql/15/$name/conf.d/ogonblick-test.conf" >/dev/null &&
         pg_as_root pg_ctlcluster 15 "$name" start; }; then
    echo "test-postgres: cannot create the cluster $name on port $port" >&2
    pg_as_root pg_dropcluster --stop 15 "$name" 2>/dev/null
    return 1
  fi
  PG_TEST_CLUSTER="$name"
  export OGONBLICK_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
  echo "test-postgres: cluster $name runs on 127.0.0.1:$port"
}

pg_test_stop() {
  if [ -n "$PG_TEST_CLUSTER" ]; then
    pg_as_root pg_dropcluster --stop 15 "$PG_TEST_CLUSTER" || true
    PG_TEST_CLUSTER=""
  fi
}
