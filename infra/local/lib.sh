# shellcheck shell=bash
# Shared helpers for the local (no-Docker) server stack.
# Sourced by stack.sh; expects REPO_ROOT to be set.

: "${REPO_ROOT:?REPO_ROOT must be set before sourcing lib.sh}"

TOOLS_DIR="${TOOLS_DIR:-$REPO_ROOT/.tools}"
# Absolute path: it is matched against server command lines (see pid_is_ours).
TOOLS_DIR="$(mkdir -p "$TOOLS_DIR" && cd "$TOOLS_DIR" && pwd -P)"
BIN_DIR="$TOOLS_DIR/bin"
RUN_DIR="$TOOLS_DIR/run"
LOG_DIR="$TOOLS_DIR/logs"
DATA_DIR="$TOOLS_DIR/data"
# shellcheck disable=SC2034 # used by postgres.sh, temporal.sh, kafka.sh
INFRA_DIR="$REPO_ROOT/infra/local"

# Defaults from stack.env (shared with docker-compose.yml's check); the environment overrides them.
while IFS='=' read -r key value; do
  if [[ "$key" =~ ^[A-Z_]+$ && -z "${!key:-}" ]]; then export "$key=$value"; fi
done <"$INFRA_DIR/stack.env"

# Prints "<name> running (pid P, DETAIL)" or "<name> stopped" (status 1).
report_status() {
  local name="$1" detail="$2" pid
  if pid="$(running_pid "$name")"; then
    printf '%-9s running (pid %s, %s)\n' "$name" "$pid" "$detail"
  else
    printf '%-9s stopped\n' "$name"
    return 1
  fi
}

# --- logging -----------------------------------------------------------------

log() { printf '[stack] %s\n' "$*" >&2; }
warn() { printf '[stack] WARNING: %s\n' "$*" >&2; }
die() {
  printf '[stack] ERROR: %s\n' "$*" >&2
  exit 1
}

# Print the last lines of a server log (used when a server fails to start).
show_log_tail() {
  local name="$1" lines="${2:-30}" file="$LOG_DIR/$1.log"
  [[ -f "$file" ]] || return 0
  printf '[stack] ---- last %s lines of %s ----\n' "$lines" "$file" >&2
  tail -n "$lines" "$file" >&2
  printf '[stack] ---- end of %s ----\n' "$file" >&2
}

ensure_dirs() {
  mkdir -p "$BIN_DIR" "$RUN_DIR" "$LOG_DIR" "$DATA_DIR"
}

# --- commands ------------------------------------------------------------------

have() { command -v "$1" >/dev/null 2>&1; }

require_cmd() {
  local cmd="$1" hint="${2:-}"
  have "$cmd" || die "required command '$cmd' not found${hint:+ ($hint)}"
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Install Debian packages (system-wide); output goes to .tools/logs/apt.log.
apt_install() {
  local -a sudo_cmd=()
  if ! is_root; then
    have sudo || die "need root (or sudo) to apt-get install: $*"
    sudo_cmd=(sudo)
  fi
  log "apt-get install $* … (output: $LOG_DIR/apt.log)"
  if ! "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$LOG_DIR/apt.log" 2>&1; then
    show_log_tail apt
    die "apt-get update failed (needed to install: $*)"
  fi
  if ! "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
    >>"$LOG_DIR/apt.log" 2>&1; then
    show_log_tail apt
    die "apt-get install failed for: $* (package missing or mirror unreachable?)"
  fi
}

# --- ports -----------------------------------------------------------------------

# True when something listens on 127.0.0.1/any address on the TCP port.
port_in_use() {
  local port="$1"
  if have ss; then
    [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# Describe who listens on a port, e.g. 'users:(("python3",pid=42,fd=3))'.
port_owner() {
  local port="$1" owner=""
  if have ss; then
    owner="$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(.*)' | head -n 1 || true)"
  fi
  printf '%s' "${owner:-unknown process (run ss -ltnp as root to see it)}"
}

# Fail unless every given port is free.
require_ports_free() {
  local name="$1" port
  shift
  for port in "$@"; do
    if port_in_use "$port"; then
      die "$name: port 127.0.0.1:$port is already in use by a process this stack did not start: $(port_owner "$port"). Stop it or choose another port (see infra/local/README.md)."
    fi
  done
}

# Find a free TCP port on 127.0.0.1 (used by self-tests).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# --- pid files ---------------------------------------------------------------------

pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }

# True when the pid is alive AND its command line mentions our TOOLS_DIR,
# so a recycled pid is never mistaken for one of our servers.
pid_is_ours() {
  local pid="$1" cmdline
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || [[ -d "/proc/$pid" ]] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmdline" == *"$TOOLS_DIR"* ]]
}

# Print the pid of a running server, or fail (and drop a stale pid file).
running_pid() {
  local name="$1" file pid
  file="$(pid_file "$name")"
  [[ -f "$file" ]] || return 1
  pid="$(head -n 1 "$file" 2>/dev/null || true)"
  if pid_is_ours "$pid"; then
    printf '%s' "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

write_pid() { printf '%s\n' "$2" >"$(pid_file "$1")"; }

# Stop a server we started: signal, wait, then KILL. Never touches other pids.
stop_by_pidfile() {
  local name="$1" signal="${2:-TERM}" timeout="${3:-30}" pid i
  if ! pid="$(running_pid "$name")"; then
    log "$name: not running"
    return 0
  fi
  log "$name: stopping pid $pid (SIG$signal)…"
  kill "-$signal" "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 5; i++)); do
    pid_is_ours "$pid" || break
    sleep 0.2
  done
  if pid_is_ours "$pid"; then
    warn "$name: still alive after ${timeout}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "$name")"
  log "$name: stopped"
}

# Start a command detached from this script (own session, survives exit).
# Usage: spawn_detached NAME CMD... ; sets SPAWNED_PID.
spawn_detached() {
  local name="$1"
  shift
  local logfile="$LOG_DIR/$name.log"
  printf '\n===== %s starting %s =====\n' "$(date -Is)" "$name" >>"$logfile"
  # Not a process-group leader here, so setsid execs in place: $! is the server.
  # 9>&-: do not leak stack.sh's lock fd into the long-lived server.
  nohup setsid "$@" </dev/null >>"$logfile" 2>&1 9>&- &
  SPAWNED_PID=$!
  export SPAWNED_PID
}

# --- waiting -----------------------------------------------------------------------

# wait_for NAME TIMEOUT_S PID CHECK_CMD...: poll CHECK_CMD until it succeeds.
# On timeout, or when PID dies, prints the reason and the log tail, returns 1.
wait_for() {
  local name="$1" timeout="$2" pid="$3"
  shift 3
  local deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$name"
      warn "$name: process $pid exited during startup"
      return 1
    fi
    sleep 1
  done
  show_log_tail "$name"
  warn "$name: not ready after ${timeout}s"
  return 1
}

# Called when a server we just started never became ready: stop it, then fail.
start_failed() {
  local name="$1" stop_fn="$2"
  "$stop_fn"
  die "$name: failed to start (log: $LOG_DIR/$name.log)"
}

# Run a command with a time limit (coreutils timeout).
with_timeout() {
  local secs="$1"
  shift
  timeout --kill-after=5 "$secs" "$@"
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
