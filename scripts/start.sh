#!/usr/bin/env bash
# `npm start`: install what is missing, then start the dev server (it prints its local URL).
set -eu
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
exec npx vite --host 127.0.0.1 "$@"
