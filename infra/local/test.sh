#!/usr/bin/env bash
# `npm test`: provisions the local stack like `npm start`, then lint, type-check and every
# test tier. Extra arguments go to Jest (e.g. `npm test -- --selectProjects unit`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

rm -f test-results/jest.json
bash infra/local/node-deps.sh
bash infra/local/stack.sh up
bash infra/local/chromium.sh
echo "[test] lint"
npm run --silent lint
echo "[test] type-check"
npm run --silent typecheck
echo "[test] unit, workflow, integration and end-to-end tiers"
mkdir -p test-results
npx --no-install jest --runInBand --forceExit --json --outputFile test-results/jest.json "$@"
