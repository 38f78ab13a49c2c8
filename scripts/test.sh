#!/usr/bin/env bash
# `npm test`: every check and every test, with its own set-up, on a fresh machine.
# Ends with the line "N passed, N failed" (checks + Vitest tests + Playwright tests) and exits
# non-zero when anything failed or nothing ran.
set -u
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "== installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund || { echo "npm ci failed"; exit 1; }
fi

# Chromium for the browser tests: CHROMIUM_PATH, then /usr/bin/chromium, else Debian's package (root only).
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ -x /usr/bin/chromium ]; then
    CHROMIUM_PATH=/usr/bin/chromium
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's chromium for the browser tests"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ||
      { echo "apt-get install chromium failed"; exit 1; }
    CHROMIUM_PATH=/usr/bin/chromium
  else
    echo "Chromium not found: run 'sudo apt-get install chromium' or set CHROMIUM_PATH to a Chromium binary."
    exit 1
  fi
fi
export CHROMIUM_PATH

# A CJK font, so the browser tests' Chinese screenshots show characters instead of boxes: Debian's
# fonts-noto-cjk when fc-list finds no Noto CJK face (installed as root only, like Chromium).
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK\|Noto Serif CJK'; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's fonts-noto-cjk for the Chinese browser tests"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; } ||
      echo "apt-get install fonts-noto-cjk failed: Chinese text in screenshots will show as boxes"
  else
    echo "No CJK font found: run 'sudo apt-get install fonts-noto-cjk' for readable Chinese screenshots."
  fi
fi

# A Python with pytest and numpy for tests/check/pytest.test.ts (it runs the pytest file `dr vectors`
# writes): python3 on PATH or /usr/bin/python3, else Debian's packages (root only); without one that
# test fails and says what to install.
if ! python3 -c 'import pytest, numpy' 2>/dev/null && ! /usr/bin/python3 -c 'import pytest, numpy' 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's python3-pytest and python3-numpy for the test-vector tests"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pytest python3-numpy >/dev/null; } ||
      echo "apt-get install python3-pytest python3-numpy failed: tests/check/pytest.test.ts will fail"
  fi
fi

rm -rf reports && mkdir -p reports
check() { # name, command...
  local name=$1; shift
  echo "== $name"
  if "$@"; then echo "$name passed" >>reports/checks.txt; else echo "$name failed" >>reports/checks.txt; fi
}
check typecheck npx tsc -p tsconfig.json
check typecheck-engine-without-dom npx tsc -p tsconfig.engine.json
check lint npx eslint . --max-warnings=0
check format npx prettier --check . --log-level warn
check build npx vite build --logLevel warn

echo "== vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json

echo "== playwright"
if grep -q '^build passed' reports/checks.txt; then
  npx playwright test
else
  echo "build failed: browser tests not run"
fi

node scripts/summarize-tests.mjs
