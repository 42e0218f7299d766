#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium; install it when missing (root only), else say how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the end-to-end tests..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "error: /usr/bin/chromium is missing. Fix: sudo apt-get install chromium" >&2
  exit 1
fi
