#!/usr/bin/env bash
# Local server stack without Docker: PostgreSQL 15, Temporal dev server, Kafka (KRaft).
# Usage: infra/local/stack.sh {install|up|down|status|env|logs|check-test-server|help} [server...]
# Servers: postgres temporal kafka (default: all). See infra/local/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPT_DIR="$REPO_ROOT/infra/local"

# shellcheck source=infra/local/lib.sh
source "$SCRIPT_DIR/lib.sh"
# shellcheck source=infra/local/postgres.sh
source "$SCRIPT_DIR/postgres.sh"
# shellcheck source=infra/local/temporal.sh
source "$SCRIPT_DIR/temporal.sh"
# shellcheck source=infra/local/kafka.sh
source "$SCRIPT_DIR/kafka.sh"

ALL_SERVERS=(postgres temporal kafka)

usage() {
  cat <<'EOF'
Usage: infra/local/stack.sh COMMAND [SERVER...]

Commands:
  install            provision servers into .tools/ (idempotent)
  up                 install, then start servers that are not running; wait until ready
  down               stop servers started by this script (pid files in .tools/run)
  status             one line per server; exit 0 if all running, 3 otherwise
  env                print connection settings as shell exports
  logs SERVER        tail -f .tools/logs/SERVER.log
  check-test-server  start the Temporal time-skipping test server once on a free port
SERVER: postgres | temporal | kafka (default: all)
EOF
}

# Map a server name to its function prefix ("postgres" -> "pg").
prefix_of() {
  case "$1" in
    postgres) printf 'pg' ;;
    temporal) printf 'temporal' ;;
    kafka) printf 'kafka' ;;
    *) die "unknown server '$1' (expected: ${ALL_SERVERS[*]})" ;;
  esac
}

# One lock for every mutating command, so parallel 'up' calls do not race.
take_lock() {
  exec 9>"$RUN_DIR/stack.lock"
  flock -w 600 9 || die "another stack.sh is still running (lock $RUN_DIR/stack.lock)"
}

cmd_install() {
  local s
  for s in "$@"; do "$(prefix_of "$s")_install"; done
  log "install complete (${*}) in $TOOLS_DIR"
}

cmd_up() {
  local s started=$SECONDS
  # Check every needed port first, so a conflict is reported before anything starts.
  for s in "$@"; do "$(prefix_of "$s")_preflight"; done
  cmd_install "$@"
  for s in "$@"; do "$(prefix_of "$s")_start"; done
  log "up in $((SECONDS - started))s:"
  if ! cmd_status "$@"; then
    die "some servers are not running"
  fi
}

cmd_down() {
  local i s
  for ((i = $# ; i >= 1; i--)); do
    s="${!i}"
    "$(prefix_of "$s")_stop"
  done
}

cmd_status() {
  local s rc=0
  for s in "$@"; do "$(prefix_of "$s")_status" || rc=3; done
  return "$rc"
}

cmd_env() {
  cat <<EOF
export DATABASE_URL=$(pg_app_url)
export TEST_DATABASE_URL=$(pg_app_url "$POSTGRES_TEST_DB")
export RELAY_DATABASE_URL=$(pg_relay_url)
export TEST_RELAY_DATABASE_URL=$(pg_relay_url "$POSTGRES_TEST_DB")
export DATABASE_OWNER_URL=$(pg_owner_url)
export TEST_DATABASE_OWNER_URL=$(pg_owner_url "$POSTGRES_TEST_DB")
export BENCH_DATABASE_URL=$(pg_app_url "$POSTGRES_BENCH_DB")
export BENCH_DATABASE_OWNER_URL=$(pg_owner_url "$POSTGRES_BENCH_DB")
export BENCH_RELAY_DATABASE_URL=$(pg_relay_url "$POSTGRES_BENCH_DB")
export TEMPORAL_ADDRESS=$(temporal_address)
export TEMPORAL_NAMESPACE=$TEMPORAL_NAMESPACE
export TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_BIN
export KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT
EOF
}

main() {
  local cmd="${1:-help}"
  shift || true
  local -a servers=("$@")
  ((${#servers[@]})) || servers=("${ALL_SERVERS[@]}")
  ensure_dirs
  case "$cmd" in
    install | up | down)
      take_lock
      "cmd_$cmd" "${servers[@]}"
      ;;
    status) cmd_status "${servers[@]}" ;;
    env) cmd_env ;;
    logs)
      (($# == 1)) || die "usage: stack.sh logs SERVER"
      prefix_of "$1" >/dev/null
      tail -n 100 -f "$LOG_DIR/$1.log"
      ;;
    check-test-server)
      temporal_install
      temporal_check_test_server
      ;;
    help | -h | --help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
