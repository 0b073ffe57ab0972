#!/bin/sh
# Runs one browser test (a .mjs file beside this script) in headless Chromium through
# playwright-core. Exit 77 (ctest: skipped) when node or Chromium is not installed; installs
# playwright-core from package-lock.json on first use.
#   run.sh TEST.mjs OMBUDSITE_BINARY SOURCE_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "skipped: node and npm are not installed (apt-get install nodejs npm)"
  exit 77
fi
if [ ! -x /usr/lib/chromium/chromium ] && [ ! -x /usr/bin/chromium ]; then
  echo "skipped: chromium is not installed (apt-get install chromium)"
  exit 77
fi
# A marker written after a complete install: node_modules/playwright-core exists as soon as npm
# starts unpacking, and a parallel test that saw it would run a half-installed package.
installed="$here/node_modules/.ombudsite-installed"
if [ ! -f "$installed" ]; then
  # Parallel ctest runs may install at once: one installs, the others wait for it.
  (
    flock 9
    if [ ! -f "$installed" ]; then
      (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
      touch "$installed"
    fi
  ) 9>"$here/.npm-install.lock"
fi
exec node "$here/$1" "$2" "$3"
