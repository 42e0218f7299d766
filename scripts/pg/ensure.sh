#!/usr/bin/env bash
# The PostgreSQL store tests start Debian's PostgreSQL (scripts/pg/start.sh); install it when missing (root only, as
# CI runs), once, before the test files that start clusters run in parallel. Without root the tests skip and say why.
set -euo pipefail
if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's postgresql for the store tests..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
else
  echo "note: PostgreSQL is missing, so its tests are skipped. Fix: sudo apt-get install postgresql" >&2
fi
