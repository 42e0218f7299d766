#!/usr/bin/env bash
# Runs the end-to-end suite against the PostgreSQL backend: a throwaway PostgreSQL (scripts/pg/start.sh) is started,
# its DATABASE_URL exported to the e2e server (which seeds it from its scratch corpora) and to the specs (the
# two-instance spec starts a second server on it), and it is removed afterwards, also when a test fails.
# Usage: bash scripts/pg/e2e.sh [playwright args...]   (E2E_PORT as for the files run; PG_PORT picks the database port)
set -euo pipefail
cd "$(dirname "$0")/../.."
PG_PORT=${PG_PORT:-55433}
# Its own app port, so a files-backend server left running locally is never reused for this run.
export E2E_PORT=$(( ${E2E_PORT:-3210} + 5 ))
DATABASE_URL=$(bash scripts/pg/start.sh "$PG_PORT")
export DATABASE_URL
trap 'bash scripts/pg/stop.sh "$PG_PORT"' EXIT
echo "e2e against PostgreSQL at 127.0.0.1:$PG_PORT, app on $E2E_PORT" >&2
npx playwright test "$@"
