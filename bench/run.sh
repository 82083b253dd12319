#!/usr/bin/env bash
# Booking benchmark (not a test): starts the system on MariaDB + Redis, runs the release race and
# spread bookings against it and against a plain-SQL baseline served by the same process, and
# prints attempts/s, p50/p99 latency, booked/refused/errors and oversold, with ours/baseline.
#
# Ours is booked as a client does now: before anything is measured, Bench.java logs in one WeChat
# account (the app's own jscode2session sandbox) with one patient per booking attempt; bookings
# then carry that patient's bearer token. The catalogue and schedules are published as the super
# admin (password and JWT key generated per run). The rate limits are lifted and the access
# tokens live 1 h, so that neither the limits nor an expiry show up in the figures.
#
#   bash bench/run.sh
#
# Needs MariaDB (or MySQL) on 127.0.0.1:3306 with user root and an empty password, Redis on
# 127.0.0.1:6379, JDK 17 and the mysql client. Environment overrides: BENCH_DB_HOST, BENCH_DB_PORT,
# BENCH_DB_USER, BENCH_DB_PASSWORD, BENCH_REDIS_HOST, BENCH_REDIS_PORT, BENCH_ATTEMPTS,
# BENCH_CLIENTS, BENCH_WARMUP, BENCH_KEEP_DB=1 (do not drop the database), BENCH_KEEP_LOG=1.
# Creates a database yhl_bench_<epoch> and drops it at the end; only 127.0.0.1 traffic.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/app/target/yihuiliao.jar"
DB_HOST="${BENCH_DB_HOST:-127.0.0.1}"
DB_PORT="${BENCH_DB_PORT:-3306}"
DB_USER="${BENCH_DB_USER:-root}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
REDIS_HOST="${BENCH_REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${BENCH_REDIS_PORT:-6379}"
ATTEMPTS="${BENCH_ATTEMPTS:-2000}"
CLIENTS="${BENCH_CLIENTS:-64}"
WARMUP="${BENCH_WARMUP:-200}"
RACE_CAPACITY=100
SPREAD_SCHEDULES=100
SPREAD_CAPACITY=20
WARMUP_CAPACITY=100
DOCTORS=34 # x 3 periods = 102 schedules: warm-up, race and 100 spread, all tomorrow

DB="yhl_bench_$(date +%s)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/yhl-bench.XXXXXX")"
LOG="$WORK/app.log"
APP_PID=""
DB_CREATED=""

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
  if [[ -n "$DB_CREATED" && "${BENCH_KEEP_DB:-0}" != 1 ]]; then
    log "dropping database $DB"
    sql -e "DROP DATABASE IF EXISTS \`$DB\`"
  fi
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

# --- a free port ----------------------------------------------------------------------------
PORT=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    PORT=$candidate
    break
  fi
done
[[ -n "$PORT" ]] || { log "no free port found"; exit 1; }
BASE="http://127.0.0.1:$PORT"

# --- secrets of this run only -----------------------------------------------------------------
random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
JWT_SECRET="$(random_hex 32)"                # 64 bytes of text (>= 32 required)
ADMIN_PASSWORD="Bench-$(random_hex 12)-7q"   # letters and digits, >= 10 characters

# --- the app --------------------------------------------------------------------------------
# not the prod profile, which never loads the sandboxes module (the baseline, the WeChat login sandbox):
# its production settings are given here instead (the database and Redis, the pool size, no demo data)
log "starting the app on $BASE (log: $LOG)"
YHL_JWT_SECRET="$JWT_SECRET" \
YHL_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  java -jar "$APP_JAR" \
    --server.port="$PORT" \
    --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" \
    --spring.datasource.username="$DB_USER" \
    --spring.datasource.password="$DB_PASSWORD" \
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
log "app is UP"

# --- catalogue and schedules, as the super admin ---------------------------------------------
ADMIN_TOKEN="$(curl -fsS --max-time 30 -X POST -H 'Content-Type: application/json' \
  -d "$(jq -nc --arg p "$ADMIN_PASSWORD" '{username: "admin", password: $p}')" \
  "$BASE/api/auth/staff/login" | jq -er .accessToken)" \
  || { log "the super admin could not log in"; exit 1; }

call() { # METHOD PATH JSON -> body on stdout; fails on a non-2xx
  curl -fsS --max-time 30 -X "$1" -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN_TOKEN" \
    -d "$3" "$BASE$2"
}

TOMORROW="$(TZ=Asia/Shanghai date -d tomorrow +%F)"
call PUT /api/admin/departments/bench-dept '{"name":"Bench","sortOrder":0}' >/dev/null
LETTERS=(a b c d e f g h i j k l m n o p q r s t u v w x y z)
for d in $(seq 1 "$DOCTORS"); do
  # a person's name has no digits (@PersonName): doctor 1 is "Doctor Ab", 27 is "Doctor Bb"
  name="Doctor ${LETTERS[d / 26]^}${LETTERS[d % 26]}"
  call PUT "/api/admin/doctors/bench-doc-$d" \
    "{\"departmentId\":\"bench-dept\",\"name\":\"$name\",\"feeFen\":1000}" >/dev/null
done

publish() { # DOCTOR PERIOD CAPACITY -> scheduleId
  call POST /api/admin/schedules \
    "{\"doctorId\":\"bench-doc-$1\",\"date\":\"$TOMORROW\",\"period\":\"$2\",\"capacity\":$3,\"feeFen\":1000}" \
    | jq -er .scheduleId
}

slots=()
for d in $(seq 1 "$DOCTORS"); do
  for p in MORNING AFTERNOON EVENING; do slots+=("$d $p"); done
done
WARMUP_SCHEDULE="$(publish ${slots[0]} "$WARMUP_CAPACITY")"
RACE_SCHEDULE="$(publish ${slots[1]} "$RACE_CAPACITY")"
SPREAD_FILE="$WORK/spread-schedules.txt"
: >"$SPREAD_FILE"
for i in $(seq 2 $((SPREAD_SCHEDULES + 1))); do
  publish ${slots[$i]} "$SPREAD_CAPACITY" >>"$SPREAD_FILE"
done
log "published schedules for $TOMORROW: warm-up, race ($RACE_CAPACITY slots)," \
  "$SPREAD_SCHEDULES x $SPREAD_CAPACITY slots"

# the query side must know the schedules before the after-checks read them
deadline=$((SECONDS + 60))
for id in "$WARMUP_SCHEDULE" "$RACE_SCHEDULE" $(cat "$SPREAD_FILE"); do
  until curl -fsS --max-time 5 "$BASE/api/schedules/$id" >/dev/null 2>&1; do
    if ((SECONDS > deadline)); then log "schedule $id not on the query side within 60 s"; exit 1; fi
    sleep 0.2
  done
done

# --- the load ---------------------------------------------------------------------------------
bench_status=0
timeout 900 java "$ROOT/bench/Bench.java" "$BASE" \
  --warmup-schedule "$WARMUP_SCHEDULE" --race-schedule "$RACE_SCHEDULE" --spread-schedules "$SPREAD_FILE" \
  --race-capacity "$RACE_CAPACITY" --spread-capacity "$SPREAD_CAPACITY" --warmup-capacity "$WARMUP_CAPACITY" \
  --attempts "$ATTEMPTS" --clients "$CLIENTS" --warmup "$WARMUP" || bench_status=$?

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
