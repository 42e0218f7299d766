#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for tests and benchmarks, and prints its DATABASE_URL on stdout.
# Debian's postgresql is installed when missing (root only); the cluster is made by initdb in a temporary directory,
# owned by an unprivileged user (initdb refuses root), and listens on a loopback port only.
# Usage: DATABASE_URL=$(bash scripts/pg/start.sh [PORT])   ...   bash scripts/pg/stop.sh
set -euo pipefail
PORT=${1:-${PG_PORT:-55432}}
STATE=${PG_STATE:-/tmp/framescope-pg-$PORT}

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(pgbin)" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's postgresql for the store tests..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "error: PostgreSQL is missing. Fix: sudo apt-get install postgresql" >&2
    exit 1
  fi
fi
BIN=$(pgbin)

# A cluster left by an earlier run on this port is stopped and thrown away: tests start from nothing.
if [ -f "$STATE/data/postmaster.pid" ]; then bash "$(dirname "$0")/stop.sh" "$PORT" >/dev/null 2>&1 || true; fi
rm -rf "$STATE"
mkdir -p "$STATE"

as=()
if [ "$(id -u)" = 0 ]; then
  # The package creates the postgres user; any unprivileged account would do.
  OWNER=${PG_OWNER:-postgres}
  id "$OWNER" >/dev/null 2>&1 || { echo "error: user $OWNER does not exist. Fix: PG_OWNER=<an unprivileged user>" >&2; exit 1; }
  chown "$OWNER" "$STATE"
  as=(runuser -u "$OWNER" --)
fi

"${as[@]}" "$BIN/initdb" -D "$STATE/data" -U framescope -A trust -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1 ||
  { echo "error: initdb failed; see $STATE/initdb.log" >&2; cat "$STATE/initdb.log" >&2; exit 1; }
"${as[@]}" "$BIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 60 \
  -o "-p $PORT -k $STATE -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null ||
  { echo "error: PostgreSQL did not start on 127.0.0.1:$PORT; see $STATE/server.log" >&2; tail -20 "$STATE/server.log" >&2; exit 1; }
"${as[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U framescope framescope
echo "postgres://framescope@127.0.0.1:$PORT/framescope"
