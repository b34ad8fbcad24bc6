#!/usr/bin/env bash
# A private PostgreSQL server for the tests: `tests/pg_server.sh` starts it (installing
# Debian's postgresql first when run as root) and prints its URL for CONTEST_DESK_TEST_PG;
# `tests/pg_server.sh stop` stops it. A URL already in CONTEST_DESK_TEST_PG is used as is.
set -euo pipefail
dir=${CONTEST_DESK_PG_DIR:-/tmp/contest-desk-pg}
port=${CONTEST_DESK_PG_PORT:-54329}
url="postgresql+psycopg://contest_desk@127.0.0.1:$port/contest_desk"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
# The server refuses to run as root: as root it runs as Debian's postgres user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = stop ]; then
  bin=$(find_bin)
  [ -n "$bin" ] && [ -f "$dir/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir" -m fast stop
  exit 0
fi
if [ -n "${CONTEST_DESK_TEST_PG:-}" ]; then
  echo "$CONTEST_DESK_TEST_PG"
  exit 0
fi

bin=$(find_bin)
if [ -z "$bin" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "The tests run the services on PostgreSQL too. Run:  sudo apt-get install -y postgresql" >&2
    echo "(or point CONTEST_DESK_TEST_PG at a server: postgresql+psycopg://USER:PASSWORD@HOST/DB)" >&2
    exit 1
  fi
  echo "Installing PostgreSQL for the tests" >&2
  apt-get install -y -q postgresql >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }
  bin=$(find_bin)
fi

if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    # Trust on loopback only: a throw-away server for tests, never the plant's.
    as_owner "$bin/initdb" -D "$dir" -U contest_desk --auth=trust -E UTF8 --no-locale >/dev/null
  fi
  # Durability is not what tests measure: without fsync the server keeps up with them.
  as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
fi
if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U contest_desk -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = 'contest_desk'" | grep -q 1; then
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U contest_desk contest_desk
fi
echo "$url"
