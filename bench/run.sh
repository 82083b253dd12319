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
JAR="$ROOT/app/target/yihuiliao.jar"
DB_HOST="${BENCH_DB_HOST:-127.0.0.1}"
DB_PORT="${BENCH_DB_PORT:-3306}"
DB_USER="${BENCH_DB_USER:-root}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
REDIS_HOST="${BENCH_REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${BENCH_REDIS_PORT:-6379}"
CLIENTS="${BENCH_CLIENTS:-64}"
REPEATS="${BENCH_REPEATS:-3}"
MIN_SECONDS="${BENCH_MIN_SECONDS:-10}"
WORKLOADS="${BENCH_WORKLOADS:-race,spread,morning}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}"

DB="yhl_bench_$(date +%s)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/yhl-bench.XXXXXX")"
LOG="$WORK/app.log"
APP_PID=""
RSS_PID=""
DB_CREATED=""
DB_APP_USER=""
USERSTAT_BEFORE=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

sql() {
  MYSQL_PWD="$DB_PASSWORD" timeout 30 mysql --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" \
    --batch --skip-column-names "$@"
}

cleanup() {
  local status=$?
  set +e
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the app (pid $APP_PID)"
    kill "$APP_PID"
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "app did not stop in 30 s, killing it"
      kill -9 "$APP_PID"
    fi
    wait "$APP_PID" 2>/dev/null
  fi
  if [[ -n "$RSS_PID" ]]; then kill "$RSS_PID" 2>/dev/null; fi
  if [[ -n "$DB_CREATED" && "${BENCH_KEEP_DB:-0}" != 1 ]]; then
    log "dropping database $DB"
    sql -e "DROP DATABASE IF EXISTS \`$DB\`"
  fi
  if [[ -n "$DB_APP_USER" ]]; then sql -e "DROP USER IF EXISTS '$DB_APP_USER'@'%'"; fi
  if [[ -n "$USERSTAT_BEFORE" ]]; then sql -e "SET GLOBAL userstat = $USERSTAT_BEFORE" 2>/dev/null; fi
  if [[ $status -ne 0 && -f "$LOG" ]]; then
    log "last lines of the app log ($LOG):"
    tail -n 40 "$LOG" >&2
  fi
  if [[ "${BENCH_KEEP_LOG:-0}" == 1 || $status -ne 0 ]]; then
    log "app log kept in $LOG"
  else
    rm -rf "$WORK"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in java mysql curl jq od head; do
  command -v "$tool" >/dev/null || { log "needs $tool on the PATH"; exit 1; }
done

# --- the jar --------------------------------------------------------------------------------
# built when missing or older than any source or pom (another build may be under way: then the
# copy below is checked for completeness)
jar_stale() {
  [[ ! -f "$JAR" ]] && return 0
  [[ -n "$(find "$ROOT" -path "$ROOT/bench" -prune -o -path '*/target' -prune -o -path '*/.*' -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$JAR" -print -quit)" ]]
}
if jar_stale; then
  log "building $JAR (missing or older than the sources)"
  (cd "$ROOT" && timeout 900 ./mvnw -q -B -o install -DskipTests)
fi

# the app runs from a copy: a rebuild of app/target during the run must not change its classes
APP_JAR="$WORK/yihuiliao.jar"
cp "$JAR" "$APP_JAR"
if command -v unzip >/dev/null && ! unzip -qq -l "$APP_JAR" >/dev/null 2>&1; then
  log "$JAR is not a complete jar (being rebuilt?); try again"
  exit 1
fi

# --- a fresh database -----------------------------------------------------------------------
sql -e "SELECT 1" >/dev/null || { log "cannot reach MariaDB at $DB_HOST:$DB_PORT as $DB_USER"; exit 1; }
sql -e "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
DB_CREATED=1
log "created database $DB"

# --- secrets of this run only -----------------------------------------------------------------
random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
JWT_SECRET="$(random_hex 32)"                # 64 bytes of text (>= 32 required)
ADMIN_PASSWORD="Bench-$(random_hex 12)-7q"   # letters and digits, >= 10 characters

# the app connects as a user of its own, so that MariaDB's per-user counters (userstat) count its
# statements and nothing else's
DB_APP_USER="yhl_bench_$(random_hex 4)"
DB_APP_PASSWORD="$(random_hex 16)"
sql -e "CREATE USER '$DB_APP_USER'@'%' IDENTIFIED BY '$DB_APP_PASSWORD';
        GRANT ALL PRIVILEGES ON \`$DB\`.* TO '$DB_APP_USER'@'%'"
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

# --- a free port ----------------------------------------------------------------------------
free_port() {
  for _ in $(seq 1 50); do
    local candidate=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  log "no free port found"
  exit 1
}
started_in() { # LOG -> the seconds Spring Boot says it took to start
  grep -o 'Started YihuiliaoApplication in [0-9.]* seconds' "$1" | grep -o '[0-9.]*' | head -n 1
}

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
# not the prod profile, which never loads the sandboxes module (the baseline, the WeChat login sandbox):
# its production settings are given here instead (the database and Redis, the pool size, no demo data)
log "starting the app on $BASE (log: $LOG)"
JFR_OPTS=()
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
  JFR_OPTS=("-XX:StartFlightRecording=filename=$WORK/bench.jfr,settings=profile,dumponexit=true")
  export BENCH_KEEP_LOG=1
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
YHL_JWT_SECRET="$JWT_SECRET" \
YHL_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  java $JAVA_OPTS "${JFR_OPTS[@]}" -jar "$APP_JAR" \
    --server.port="$PORT" \
    --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" \
    --spring.datasource.username="$DB_APP_USER" \
    --spring.datasource.password="$DB_APP_PASSWORD" \
    --spring.datasource.hikari.maximum-pool-size=30 \
    --yihuiliao.redis.embedded=false \
    --spring.data.redis.host="$REDIS_HOST" \
    --spring.data.redis.port="$REDIS_PORT" \
    --yihuiliao.security.generate-jwt-secret=false \
    --yihuiliao.demo-data=false \
    --yihuiliao.data-dir="$WORK/data" \
    --yihuiliao.wechatpay.sandbox=false \
    --yihuiliao.oss.sandbox=false \
    --yihuiliao.bench.baseline=true \
    --spring.flyway.locations=classpath:db/migration,classpath:db/bench \
    --yihuiliao.wechat.sandbox=true \
    --yihuiliao.wechat.api-base= \
    --yihuiliao.wechat.app-id=wx-sandbox-app \
    --yihuiliao.wechat.app-secret=sandbox-secret \
    --yihuiliao.security.logins-per-minute-per-client=100000000 \
    --yihuiliao.security.bookings-per-minute-per-account=100000000 \
    --yihuiliao.security.access-token-ttl=1h \
    >"$LOG" 2>&1 &
APP_PID=$!

deadline=$((SECONDS + 180))
until curl -fsS --max-time 2 "$BASE/actuator/health" 2>/dev/null | jq -e '.status == "UP"' >/dev/null 2>&1; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then log "the app exited during start-up"; exit 1; fi
  if ((SECONDS > deadline)); then log "the app was not UP within 180 s"; exit 1; fi
  sleep 1
done
log "app is UP (Spring Boot: started in $(started_in "$LOG") s)"

# the app's resident set, sampled every second from here on
RSS_FILE="$WORK/rss.txt"
( while kill -0 "$APP_PID" 2>/dev/null; do
    awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null
    sleep 1
  done ) >"$RSS_FILE" &
RSS_PID=$!

# --- the super admin's token, for Bench.java's set-up ------------------------------------------
ADMIN_TOKEN="$(curl -fsS --max-time 30 -X POST -H 'Content-Type: application/json' \
  -d "$(jq -nc --arg p "$ADMIN_PASSWORD" '{username: "admin", password: $p}')" \
  "$BASE/api/auth/staff/login" | jq -er .accessToken)" \
  || { log "the super admin could not log in"; exit 1; }

# --- the load: Bench.java publishes the schedules itself, as the super admin ----------------------
bench_status=0
STATS_ARGS=()
[[ -n "$STATS" ]] && STATS_ARGS=(--db-stats-command "$STATS")
timeout 3600 java "$ROOT/bench/Bench.java" "$BASE" --admin-token "$ADMIN_TOKEN" --clients "$CLIENTS" \
  --repeats "$REPEATS" --min-seconds "$MIN_SECONDS" --workloads "$WORKLOADS" "${STATS_ARGS[@]}" || bench_status=$?

kill "$RSS_PID" 2>/dev/null || true
peak_rss_kb="$(sort -n "$RSS_FILE" | tail -n 1)"
log "app: started in $(started_in "$LOG") s (on MariaDB + Redis, $JAVA_OPTS);" \
  "peak RSS under the load $(( ${peak_rss_kb:-0} / 1024 )) MB (target <= 768 MB)"
log "$EMBEDDED_NOTE"
[[ "${BENCH_JFR:-0}" == 1 ]] && log "JFR recording: $WORK/bench.jfr (written when the app stops)"

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
