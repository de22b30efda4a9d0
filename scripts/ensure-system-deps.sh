#!/usr/bin/env bash
# What the test suites need beyond npm: tmux (the end-to-end suites drive the built app in a real
# terminal), python3 (an independent Identity API stand-in), chromium (the HTML report is rendered
# in a real headless browser) and pdftotext from poppler-utils (the text of that rendering, printed
# to PDF). Debian packages: installed when missing and we may (root with apt-get); otherwise we
# say how.
set -euo pipefail
missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "vcreds: installing ${missing[*]} for the tests" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }
  exit 0
fi
echo "vcreds: the tests need ${missing[*]}: install it (e.g. sudo apt-get install ${missing[*]}) and run npm test again" >&2
exit 1
