#!/usr/bin/env bash
# The end-to-end suite drives the built app in a real terminal through tmux (a Debian package).
# Install it when missing and we may (root with apt-get); otherwise say how.
set -euo pipefail
if command -v tmux >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "vcreds: installing tmux for the end-to-end tests" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null; }
  exit 0
fi
echo "vcreds: the end-to-end tests need tmux: install it (e.g. sudo apt-get install tmux) and run npm test again" >&2
exit 1
