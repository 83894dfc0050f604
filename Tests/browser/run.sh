#!/usr/bin/env bash
# Runs the floor app's tests in Debian's headless Chromium (/usr/bin/chromium) with playwright
# from .venv-browser, against the built ms5 (MS5_BINARY, default .build/debug/ms5) and the copy
# of the app built into it (MS5_WEB_ROOT to test a folder instead). Screenshots of every screen
# go to Tests/browser/artifacts/ (not committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/.venv-browser"
if ! "$venv/bin/python" -c 'import playwright, pytest' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check playwright==1.65.2 pytest==9.2.0
fi
export MS5_BINARY="${MS5_BINARY:-$root/.build/debug/ms5}"
cd "$here"
exec "$venv/bin/python" -m pytest -q "$@"
