#!/usr/bin/env bash
# Booking benchmark (not a test): starts the system on MariaDB + Redis and runs three workloads against it
# and against a plain-SQL baseline served by the same process: the release race (1 x 100 slots), spread
# bookings (100 x 20 slots) and the release morning (100 x 20 slots, 3 attempts per slot), each for at least
# BENCH_MIN_SECONDS of load, BENCH_REPEATS times. It prints attempts/s, p50/p99 latency, booked/refused/errors,
# oversold and the projection's freshness with min/median/max over the repeats and ours/baseline of the
# medians; the database statements per booking (MariaDB's own per-user counters, userstat); the app's start-up
# time and its peak RSS under the load; and, with BENCH_EMBEDDED_STARTUP=1 (the default), how long the
# embedded default (README's run command) takes to start.
#
# Ours is booked as a client does now: Bench.java logs in WeChat accounts (the app's own jscode2session
# sandbox) with one patient each, before the rounds that need them; bookings then carry that patient's bearer
# token. Schedules are published by Bench.java as the super admin (password and JWT key generated per run).
# The rate limits are lifted and the access tokens live 1 h, so that neither the limits nor an expiry show up
# in the figures.
#
#   bash bench/run.sh
#
# Needs MariaDB (or MySQL) on 127.0.0.1:3306 with user root and an empty password, Redis on
# 127.0.0.1:6379, JDK 17 and the mysql client. Environment overrides: BENCH_DB_HOST, BENCH_DB_PORT,
# BENCH_DB_USER, BENCH_DB_PASSWORD, BENCH_REDIS_HOST, BENCH_REDIS_PORT, BENCH_CLIENTS (64),
# BENCH_REPEATS (3), BENCH_MIN_SECONDS (10), BENCH_WORKLOADS (race,spread,morning),
# BENCH_JAVA_OPTS (-Xmx512m, as in the README's run command), BENCH_JFR=1 (record a JFR profile of the app,
# kept with the log), BENCH_EMBEDDED_STARTUP=0 (skip timing the embedded default's start-up),
# BENCH_KEEP_DB=1 (do not drop the database), BENCH_KEEP_LOG=1.
# Creates a database yhl_bench_<epoch> and a user of its own (for its statement counters) and drops both
# at the end; only 127.0.0.1 traffic.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
CLIENTS="${BENCH_CLIENTS:-64}"
REPEATS="${BENCH_REPEATS:-3}"
MIN_SECONDS="${BENCH_MIN_SECONDS:-10}"
WORKLOADS="${BENCH_WORKLOADS:-race,spread,morning}"

need_tools java mysql curl jq od head
prepare_jar
create_database
make_secrets

# the app connects as a user of its own (create_database), so that MariaDB's per-user counters
# (userstat) count its statements and nothing else's
USERSTAT_BEFORE="$(sql -e "SELECT @@GLOBAL.userstat" 2>/dev/null || true)"
if [[ -n "$USERSTAT_BEFORE" ]] && sql -e "SET GLOBAL userstat = 1" 2>/dev/null; then
  STATS="$WORK/db-stats.sh"
  cat >"$STATS" <<STATS_SCRIPT
#!/usr/bin/env bash
MYSQL_PWD='$DB_PASSWORD' exec mysql --protocol=TCP -h '$DB_HOST' -P '$DB_PORT' -u '$DB_USER' --batch --skip-column-names -e "
  SELECT 'SELECT_COMMANDS', SELECT_COMMANDS, 'UPDATE_COMMANDS', UPDATE_COMMANDS, 'OTHER_COMMANDS', OTHER_COMMANDS,
         'COMMIT_TRANSACTIONS', COMMIT_TRANSACTIONS, 'ROWS_READ', ROWS_READ
    FROM information_schema.USER_STATISTICS WHERE USER = '$DB_APP_USER'" | tr '\t' '\n' | paste - -
STATS_SCRIPT
  chmod +x "$STATS"
else
  USERSTAT_BEFORE=""
  STATS=""
  log "MariaDB's userstat is not available here: no statement counts"
fi

# --- the embedded default's start-up (README's run command, without the build) --------------------
EMBEDDED_NOTE="embedded default start-up: not timed (BENCH_EMBEDDED_STARTUP=0)"
if [[ "${BENCH_EMBEDDED_STARTUP:-1}" == 1 ]]; then
  EMBEDDED_PORT="$(free_port)"
  EMBEDDED_LOG="$WORK/embedded.log"
  log "timing the embedded default's start-up on port $EMBEDDED_PORT"
  start_ns=$(date +%s%N)
  (cd "$WORK" && exec java -Xmx512m -jar "$APP_JAR" --server.port="$EMBEDDED_PORT" --server.address=127.0.0.1 \
      --yihuiliao.data-dir="$WORK/embedded-data") >"$EMBEDDED_LOG" 2>&1 &
  EMBEDDED_PID=$!
  until curl -fsS --max-time 2 "http://127.0.0.1:$EMBEDDED_PORT/actuator/health" 2>/dev/null \
      | jq -e '.status == "UP"' >/dev/null 2>&1; do
    if ! kill -0 "$EMBEDDED_PID" 2>/dev/null || (( ($(date +%s%N) - start_ns) > 180000000000 )); then
      log "the embedded default did not come UP"; tail -n 20 "$EMBEDDED_LOG" >&2; kill "$EMBEDDED_PID" 2>/dev/null
      exit 1
    fi
    sleep 0.2
  done
  up_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  EMBEDDED_RSS_KB="$(awk '/VmRSS/ {print $2}' "/proc/$EMBEDDED_PID/status" 2>/dev/null || echo 0)"
  kill "$EMBEDDED_PID"; wait "$EMBEDDED_PID" 2>/dev/null || true
  EMBEDDED_NOTE="embedded default start-up: UP after $(awk -v ms="$up_ms" 'BEGIN {printf "%.1f", ms / 1000}') s"
  EMBEDDED_NOTE+=" (Spring Boot: started in $(started_in "$EMBEDDED_LOG") s), RSS when UP $((EMBEDDED_RSS_KB / 1024)) MB"
  EMBEDDED_NOTE+="; target <= 10 s"
  log "$EMBEDDED_NOTE"
fi

PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"

# --- the app --------------------------------------------------------------------------------
log "starting the app on $BASE (log: $LOG)"
start_app --yihuiliao.bench.baseline=true --spring.flyway.locations=classpath:db/migration,classpath:db/bench
wait_up 180
log "app is UP (Spring Boot: started in $(started_in "$LOG") s)"
start_rss_sampling

# --- the super admin's token, for Bench.java's set-up ------------------------------------------
admin_login

# --- the load: Bench.java publishes the schedules itself, as the super admin ----------------------
bench_status=0
STATS_ARGS=()
[[ -n "$STATS" ]] && STATS_ARGS=(--db-stats-command "$STATS")
timeout 3600 java "$ROOT/bench/Bench.java" "$BASE" --admin-token "$ADMIN_TOKEN" --clients "$CLIENTS" \
  --repeats "$REPEATS" --min-seconds "$MIN_SECONDS" --workloads "$WORKLOADS" "${STATS_ARGS[@]}" || bench_status=$?

kill "$RSS_PID" 2>/dev/null || true
log "app: started in $(started_in "$LOG") s (on MariaDB + Redis, $JAVA_OPTS);" \
  "peak RSS under the load $(peak_rss_mb) MB (target <= 768 MB)"
log "$EMBEDDED_NOTE"
[[ "${BENCH_JFR:-0}" == 1 ]] && log "JFR recording: $WORK/bench-*.jfr (written when the app stops)"

# --- the same question asked of the database itself -------------------------------------------
oversold_rows="$(sql "$DB" -e "
  SELECT CONCAT('ours ', s.id, ': ', COUNT(a.id), ' appointments on ', s.capacity, ' slots')
    FROM schedule_view s JOIN appointment_view a ON a.schedule_id = s.id
   GROUP BY s.id, s.capacity HAVING COUNT(a.id) > s.capacity
  UNION ALL
  SELECT CONCAT('baseline ', s.id, ': ', COUNT(a.id), ' appointments on ', s.capacity, ' slots')
    FROM bench_slot s JOIN bench_appointment a ON a.schedule_id = s.id
   GROUP BY s.id, s.capacity HAVING COUNT(a.id) > s.capacity
  UNION ALL
  SELECT CONCAT('negative remaining ', id) FROM schedule_view WHERE remaining < 0
  UNION ALL
  SELECT CONCAT('negative remaining ', id) FROM bench_slot WHERE remaining < 0")"
if [[ -n "$oversold_rows" ]]; then
  log "database check: OVERSOLD"
  printf '%s\n' "$oversold_rows" >&2
  bench_status=2
else
  log "database check: no schedule holds more appointments than slots, no negative remaining"
fi
count() { grep -- "$1" "$LOG" | grep -vc 'Will retry' || true; }
log "app log: $(count ' ERROR ') ERROR lines, $(count 'Deadlock found') database deadlocks," \
  "$(grep -c 'Will retry' "$LOG" || true) command retries," \
  "$(count 'Connection is not available') connection-pool timeouts"
exit "$bench_status"
