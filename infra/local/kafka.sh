# shellcheck shell=bash
# Apache Kafka 3.9.x, single node in KRaft mode, run from Maven Central jars.

KAFKA_READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-90}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_POM="$INFRA_DIR/kafka/pom.xml"
KAFKA_PROPS_TEMPLATE="$INFRA_DIR/kafka/server.properties.template"
KAFKA_LOG4J="$INFRA_DIR/kafka/log4j.properties"
KAFKA_HOME="$TOOLS_DIR/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_PROPS="$KAFKA_HOME/server.properties"
KAFKA_DATA="$DATA_DIR/kafka"
KAFKA_CLUSTER_ID_FILE="$DATA_DIR/kafka-cluster-id"
M2_REPO="$TOOLS_DIR/m2"

# --- install ---------------------------------------------------------------------

kafka_version() {
  grep -o '<kafka.version>[^<]*' "$KAFKA_POM" | cut -d'>' -f2
}

kafka_libs_current() {
  [[ -f "$KAFKA_LIBS/.pom.sha256" ]] \
    && [[ "$(cat "$KAFKA_LIBS/.pom.sha256")" == "$(sha256_of "$KAFKA_POM")" ]] \
    && compgen -G "$KAFKA_LIBS/kafka_2.13-*.jar" >/dev/null
}

ensure_java_and_maven() {
  have java || apt_install openjdk-17-jre-headless
  have mvn || apt_install maven
}

kafka_install() {
  local tmp="$KAFKA_HOME/libs.tmp"
  kafka_libs_current && return 0
  ensure_java_and_maven
  log "installing Kafka $(kafka_version) jars from Maven Central (checksums enforced)…"
  rm -rf "$tmp"
  mkdir -p "$KAFKA_HOME"
  if ! mvn -q -B -C -Dstyle.color=never -f "$KAFKA_POM" -Dmaven.repo.local="$M2_REPO" \
    dependency:copy-dependencies -DoutputDirectory="$tmp" >>"$LOG_DIR/maven.log" 2>&1; then
    rm -rf "$tmp"
    show_log_tail maven
    die "kafka: mvn dependency:copy-dependencies failed (Maven Central unreachable or checksum mismatch?)"
  fi
  sha256_of "$KAFKA_POM" >"$tmp/.pom.sha256"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
  log "kafka: $(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars ($(du -sh "$KAFKA_LIBS" | cut -f1)) in $KAFKA_LIBS"
}

# --- helpers ---------------------------------------------------------------------

# Run a Kafka tool main class with our classpath, bounded in time (KAFKA_TOOL_TIMEOUT s).
kafka_java() {
  with_timeout "${KAFKA_TOOL_TIMEOUT:-60}" java -Dlog4j.configuration="file:$KAFKA_LOG4J" -cp "$KAFKA_LIBS/*" "$@"
}

kafka_write_props() {
  mkdir -p "$KAFKA_HOME"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@KAFKA_LOG_DIRS@|$KAFKA_DATA|g" \
    "$KAFKA_PROPS_TEMPLATE" >"$KAFKA_PROPS"
}

kafka_cluster_id() {
  if [[ ! -s "$KAFKA_CLUSTER_ID_FILE" ]]; then
    kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1 >"$KAFKA_CLUSTER_ID_FILE"
  fi
  [[ -s "$KAFKA_CLUSTER_ID_FILE" ]] || die "kafka: could not generate a cluster id"
  cat "$KAFKA_CLUSTER_ID_FILE"
}

# Format the KRaft storage once.
kafka_format_storage() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(kafka_cluster_id)"
  log "kafka: formatting storage $KAFKA_DATA (cluster id $cluster_id)"
  mkdir -p "$KAFKA_DATA"
  kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_PROPS" >>"$LOG_DIR/kafka.log" 2>&1 \
    || {
      show_log_tail kafka
      die "kafka: storage format failed"
    }
}

# Really speaks the Kafka protocol: ApiVersions request to the broker.
kafka_ready() {
  port_in_use "$KAFKA_PORT" || return 1
  KAFKA_TOOL_TIMEOUT=30 kafka_java kafka.admin.BrokerApiVersionsCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" 2>/dev/null \
    | grep -q "127.0.0.1:$KAFKA_PORT"
}

# --- lifecycle ---------------------------------------------------------------------

kafka_start() {
  local pid
  local -a heap
  if pid="$(running_pid kafka)"; then
    log "kafka: already running (pid $pid, 127.0.0.1:$KAFKA_PORT)"
    return 0
  fi
  require_ports_free kafka "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
  ensure_java_and_maven
  kafka_write_props
  kafka_format_storage
  read -r -a heap <<<"$KAFKA_HEAP_OPTS"
  log "kafka: starting KRaft broker on 127.0.0.1:$KAFKA_PORT (controller :$KAFKA_CONTROLLER_PORT)…"
  spawn_detached kafka java "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true -Dlog4j.configuration="file:$KAFKA_LOG4J" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_PROPS"
  pid="$SPAWNED_PID"
  write_pid kafka "$pid"
  wait_for kafka "$KAFKA_READY_TIMEOUT" "$pid" kafka_ready || start_failed kafka kafka_stop
  log "kafka: ready (pid $pid) at 127.0.0.1:$KAFKA_PORT"
}

kafka_preflight() {
  running_pid kafka >/dev/null || require_ports_free kafka "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
}

# SIGTERM triggers Kafka's controlled shutdown.
kafka_stop() { stop_by_pidfile kafka TERM 45; }

kafka_status() { report_status kafka "127.0.0.1:$KAFKA_PORT, controller :$KAFKA_CONTROLLER_PORT"; }
