#!/usr/bin/env bash
# What the benchmarks share (sourced by bench/run.sh and bench/replay.sh, not run itself): the jar, a fresh
# MariaDB database with a user of its own, free ports, the app's start and its readiness, its resident set
# sampled every second, the super admin's token, and the clean-up at exit (app stopped, database and user
# dropped). The caller sets ROOT and may set JAVA_OPTS before sourcing.

JAR="$ROOT/app/target/yihuiliao.jar"
DB_HOST="${BENCH_DB_HOST:-127.0.0.1}"
DB_PORT="${BENCH_DB_PORT:-3306}"
DB_USER="${BENCH_DB_USER:-root}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
REDIS_HOST="${BENCH_REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${BENCH_REDIS_PORT:-6379}"
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

# stops the app (SIGTERM, then SIGKILL after 30 s) and waits for it
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the app (pid $APP_PID)"
    kill "$APP_PID"
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "app did not stop in 30 s, killing it"
      kill -9 "$APP_PID"
    fi
    wait "$APP_PID" 2>/dev/null || true  # its SIGTERM status is no failure of ours
  fi
  APP_PID=""
}

cleanup() {
  local status=$?
  set +e
  stop_app
  if [[ -n "$RSS_PID" ]]; then kill "$RSS_PID" 2>/dev/null; fi
  if [[ -n "$DB_CREATED" && "${BENCH_KEEP_DB:-0}" != 1 ]]; then
    log "dropping database $DB"
    sql -e "DROP DATABASE IF EXISTS \`$DB\`; DROP DATABASE IF EXISTS \`${DB}_shadow\`"
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

need_tools() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { log "needs $tool on the PATH"; exit 1; }
  done
}

# --- the jar --------------------------------------------------------------------------------
# built when missing or older than any source or pom (another build may be under way: then the
# copy below is checked for completeness); the app runs from a copy in $APP_JAR: a rebuild of
# app/target during the run must not change its classes
jar_stale() {
  [[ ! -f "$JAR" ]] && return 0
  [[ -n "$(find "$ROOT" -path "$ROOT/bench" -prune -o -path '*/target' -prune -o -path '*/.*' -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$JAR" -print -quit)" ]]
}
prepare_jar() {
  if jar_stale; then
    log "building $JAR (missing or older than the sources)"
    (cd "$ROOT" && timeout 900 ./mvnw -q -B -o install -DskipTests)
  fi
  APP_JAR="$WORK/yihuiliao.jar"
  cp "$JAR" "$APP_JAR"
  if command -v unzip >/dev/null && ! unzip -qq -l "$APP_JAR" >/dev/null 2>&1; then
    log "$JAR is not a complete jar (being rebuilt?); try again"
    exit 1
  fi
}

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# --- a fresh database, and a user of its own (for its statement counters) -------------------------
create_database() {
  sql -e "SELECT 1" >/dev/null || { log "cannot reach MariaDB at $DB_HOST:$DB_PORT as $DB_USER"; exit 1; }
  sql -e "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  DB_CREATED=1
  log "created database $DB"
  DB_APP_USER="yhl_bench_$(random_hex 4)"
  DB_APP_PASSWORD="$(random_hex 16)"
  # and the audit rebuild's shadow schema beside it (query.rebuild builds into <database>_shadow)
  sql -e "CREATE USER '$DB_APP_USER'@'%' IDENTIFIED BY '$DB_APP_PASSWORD';
          GRANT ALL PRIVILEGES ON \`$DB\`.* TO '$DB_APP_USER'@'%';
          GRANT ALL PRIVILEGES ON \`${DB}_shadow\`.* TO '$DB_APP_USER'@'%'"
}

# --- secrets of this run only -----------------------------------------------------------------
make_secrets() {
  JWT_SECRET="$(random_hex 32)"                # 64 bytes of text (>= 32 required)
  ADMIN_PASSWORD="Bench-$(random_hex 12)-7q"   # letters and digits, >= 10 characters
}

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

# --- the app --------------------------------------------------------------------------------
# not the prod profile, which never loads the sandboxes module (the WeChat login sandbox, the booking
# baseline): its production settings are given here instead (the database and Redis, the pool size, no
# demo data). start_app EXTRA_ARGS... starts it on $PORT in the background (APP_PID), logging to $LOG
# (appended: a restart keeps the first start's lines); BENCH_JFR=1 records a profile into $WORK.
start_app() {
  local jfr_opts=()
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    jfr_opts=("-XX:StartFlightRecording=filename=$WORK/bench-$(date +%s).jfr,settings=profile,dumponexit=true")
    export BENCH_KEEP_LOG=1
  fi
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  YHL_JWT_SECRET="$JWT_SECRET" \
  YHL_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java $JAVA_OPTS "${jfr_opts[@]}" -jar "$APP_JAR" \
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
      --yihuiliao.wechat.sandbox=true \
      --yihuiliao.wechat.api-base= \
      --yihuiliao.wechat.app-id=wx-sandbox-app \
      --yihuiliao.wechat.app-secret=sandbox-secret \
      --yihuiliao.security.logins-per-minute-per-client=100000000 \
      --yihuiliao.security.bookings-per-minute-per-account=100000000 \
      --yihuiliao.security.access-token-ttl=1h \
      "$@" \
      >>"$LOG" 2>&1 &
  APP_PID=$!
}

# waits until the actuator says UP (at most $1 s, default 180)
wait_up() {
  local deadline=$((SECONDS + ${1:-180}))
  until curl -fsS --max-time 2 "$BASE/actuator/health" 2>/dev/null | jq -e '.status == "UP"' >/dev/null 2>&1; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "the app exited during start-up"; exit 1; fi
    if ((SECONDS > deadline)); then log "the app was not UP within ${1:-180} s"; exit 1; fi
    sleep 1
  done
}

# the app's resident set, sampled every second into $RSS_FILE from here on (peak_rss_mb reads the peak)
start_rss_sampling() {
  RSS_FILE="$WORK/rss.txt"
  local pid="$APP_PID"
  ( while kill -0 "$pid" 2>/dev/null; do
      awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null
      sleep 1
    done ) >>"$RSS_FILE" &
  RSS_PID=$!
}
peak_rss_mb() {
  local kb
  kb="$(sort -n "$RSS_FILE" | tail -n 1)"
  echo $(( ${kb:-0} / 1024 ))
}

# the super admin's token (ADMIN_TOKEN)
admin_login() {
  ADMIN_TOKEN="$(curl -fsS --max-time 30 -X POST -H 'Content-Type: application/json' \
    -d "$(jq -nc --arg p "$ADMIN_PASSWORD" '{username: "admin", password: $p}')" \
    "$BASE/api/auth/staff/login" | jq -er .accessToken)" \
    || { log "the super admin could not log in"; exit 1; }
}
