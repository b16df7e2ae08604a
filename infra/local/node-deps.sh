#!/usr/bin/env bash
# Installs the npm dependencies from the lock file when they are missing or out of date.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "[deps] installing npm dependencies from package-lock.json (first run takes a minute)…"
  npm ci --no-audit --no-fund --loglevel=error
else
  echo "[deps] npm dependencies are up to date"
fi
