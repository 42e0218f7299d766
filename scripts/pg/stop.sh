#!/usr/bin/env bash
# Stops the throwaway PostgreSQL that scripts/pg/start.sh started on PORT, and deletes its files (immediate mode:
# no shutdown checkpoint, since the files are deleted next).
set -euo pipefail
PORT=${1:-${PG_PORT:-55432}}
STATE=${PG_STATE:-/tmp/framescope-pg-$PORT}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$BIN" ] && [ -f "$STATE/data/postmaster.pid" ]; then
  as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u "$(stat -c %U "$STATE/data")" --)
  "${as[@]}" "$BIN/pg_ctl" -D "$STATE/data" -m immediate -w stop >/dev/null
fi
rm -rf "$STATE"
