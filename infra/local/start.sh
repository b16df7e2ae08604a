#!/usr/bin/env bash
# `npm start`: provisions and starts the local stack, builds, migrates, then runs the apps in
# the foreground. Ctrl-C stops the apps; the servers keep running (npm run stack:down).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash infra/local/node-deps.sh
bash infra/local/stack.sh up
echo "[start] building…"
npm run --silent build
node dist/infra/postgres/migrate.js
node dist/infra/kafka/create-topics.js
# The demo episodes once the api is ready (DEMO_SEED=false skips them). It runs beside
# concurrently, whose --kill-others would stop the apps when the seed finishes.
if [[ "${DEMO_SEED:-true}" != "false" ]]; then node dist/infra/demo/seed-demo.main.js & fi
echo "[start] api on http://127.0.0.1:${API_PORT:-3000}/v1 · Temporal UI on http://127.0.0.1:${TEMPORAL_UI_PORT:-8233} · Ctrl-C stops the apps"
exec npx --no-install concurrently --kill-others --names api,worker,relay,notifier,reporter \
  --prefix-colors blue,magenta,green,yellow,cyan \
  "node dist/apps/api/src/main.js" \
  "node dist/apps/worker/src/main.js" \
  "node dist/apps/relay/src/main.js" \
  "node dist/apps/notifier/src/main.js" \
  "node dist/apps/reporter/src/main.js"
