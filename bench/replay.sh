#!/usr/bin/env bash
# Replay benchmark (not a test; issue 11): on MariaDB + Redis, appends BENCH_REPLAY_EVENTS (1,000,000) billing
# events straight into the event store (bench/ReplayGenerator.java, run on the app jar's own classes: the app's
# records, serialized by Axon's JacksonSerializer with the app's event mapper), lets the live processors catch up,
# then times, through the API as the super admin:
#   - the full rebuild of every billing read model (POST /api/admin/audit/rebuilds, models "all"), in events/s as
#     its progress endpoint reports it (target >= 20,000/s), and its verify (the comparison with the live tables:
#     seconds and differences, which must be 0);
#   - the consumption report (first page + totals) for one month and one department, p50/p95 over
#     BENCH_REPORT_REQUESTS (200) requests (target p95 <= 50 ms);
#   - an .xlsx export of BENCH_EXPORT_ROWS (100,000) consumption rows: seconds, the app's peak heap (actuator
#     jvm.memory.used, area heap, sampled every 0.5 s) and peak RSS.
#
#   BENCH_REPLAY_EVENTS=50000 bash bench/replay.sh
#
# The app starts once to migrate the empty database and is stopped; the events are appended; the command side's
# processes (payments, invoices, notifications...) are moved to the head, because the history is the outcome of
# commands they already reacted to, and only the read models (*-view) replay it at the second start. Needs what
# bench/run.sh needs; its overrides (BENCH_DB_*, BENCH_REDIS_*, BENCH_JAVA_OPTS, BENCH_JFR, BENCH_KEEP_DB,
# BENCH_KEEP_LOG) apply here too.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
EVENTS="${BENCH_REPLAY_EVENTS:-1000000}"
REQUESTS="${BENCH_REPORT_REQUESTS:-200}"
EXPORT_ROWS="${BENCH_EXPORT_ROWS:-100000}"
BILLING_VIEWS="'billing-view','account-view','topup-view','bill-view','invoice-view','finance-view'"

need_tools java mysql curl jq od head unzip awk
prepare_jar
create_database
make_secrets
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", (ms > 0 ? n * 1000 / ms : 0) }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"

# --- 1. migrate, and the super admin -------------------------------------------------------------
log "starting the app on $BASE to migrate the database (log: $LOG)"
start_app
wait_up 300
admin_login # the token lives 1 h and the JWT key stays: it serves the second start too
stop_app

# --- 2. the history ----------------------------------------------------------------------------
CLASSES="$WORK/classes"
mkdir -p "$CLASSES" && (cd "$CLASSES" && unzip -qq "$APP_JAR" 'BOOT-INF/*')
log "appending $EVENTS billing events"
gen_start=$(now_ms)
GEN_LINE="$(java -cp "$CLASSES/BOOT-INF/classes:$CLASSES/BOOT-INF/lib/*" "$ROOT/bench/ReplayGenerator.java" \
  "jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" "$DB_APP_USER" "$DB_APP_PASSWORD" "$EVENTS")"
gen_ms=$(( $(now_ms) - gen_start ))
log "$GEN_LINE"
MONTH="$(grep -o 'month [0-9-]*' <<<"$GEN_LINE" | cut -d' ' -f2)"
DEPARTMENT="$(grep -o 'department [A-Za-z0-9_-]*' <<<"$GEN_LINE" | cut -d' ' -f2)"
HEAD="$(sql "$DB" -e "SELECT MAX(global_index) FROM domain_event_entry")"
TOTAL_EVENTS="$(sql "$DB" -e "SELECT COUNT(*) FROM domain_event_entry")"

# the processes have nothing to do in a history that already holds their outcomes
sql "$DB" -e "UPDATE token_entry SET token = CONVERT('{\"globalIndex\":$HEAD}' USING utf8mb4),
                token_type = 'org.axonframework.eventhandling.GlobalSequenceTrackingToken'
              WHERE processor_name NOT LIKE '%-view' AND processor_name <> '__config'"

# --- 3. the live processors catch up --------------------------------------------------------------
behind() { # the slowest billing read model's segment, in events behind the head
  sql "$DB" -e "SELECT $HEAD - COALESCE(MIN(COALESCE(CAST(REGEXP_SUBSTR(CAST(token AS CHAR), '[0-9]+') AS UNSIGNED), 0)), 0)
                  FROM token_entry WHERE processor_name IN ($BILLING_VIEWS)"
}
log "starting the app again: the read models catch up on $TOTAL_EVENTS events"
start_app
wait_up 600
start_rss_sampling
catch_start=$(now_ms)
behind_at_up="$(behind)"
last_b=""; still_since=$SECONDS
while :; do
  b="$(behind)"
  [[ "$b" -le 0 ]] && break
  kill -0 "$APP_PID" 2>/dev/null || { log "the app died during catch-up"; exit 1; }
  [[ "$b" != "$last_b" ]] && { last_b="$b"; still_since=$SECONDS; }
  # a segment that stops moving is stuck (see the dead letters in the log), not slow
  ((SECONDS - still_since > 120)) && { log "catch-up stuck $b events behind for 120 s"; exit 1; }
  sleep 1
done
catch_ms=$(( $(now_ms) - catch_start ))
log "caught up: $behind_at_up events after UP in $(secs "$catch_ms") s"

auth=(-H "Authorization: Bearer $ADMIN_TOKEN")

# --- 4. rebuild and verify every billing read model -----------------------------------------------
progress="$(curl -fsS --max-time 30 "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"models":["all"],"mode":"VERIFY"}' "$BASE/api/admin/audit/rebuilds")"
REBUILD_ID="$(jq -er .rebuildId <<<"$progress")"
log "rebuild $REBUILD_ID started"
rb_start=$(now_ms); replay_end=""; compare_start=""; last_rate=""
while :; do
  progress="$(curl -fsS --max-time 30 "${auth[@]}" "$BASE/api/admin/audit/rebuilds/$REBUILD_ID")"
  phase="$(jq -r .phase <<<"$progress")"
  r="$(jq -r '.eventsPerSecond // empty | floor' <<<"$progress")"
  [[ "$phase" == REPLAYING && -n "$r" ]] && last_rate="$r"
  [[ "$phase" != REPLAYING && "$phase" != STARTING && -z "$replay_end" ]] && replay_end=$(now_ms)
  [[ "$phase" == COMPARING && -z "$compare_start" ]] && compare_start=$(now_ms)
  [[ "$(jq -r .finished <<<"$progress")" == true || "$(jq -r .state <<<"$progress")" != RUNNING ]] && break
  sleep 1
done
rb_end=$(now_ms)
replay_end="${replay_end:-$rb_end}"
compare_start="${compare_start:-$replay_end}"
echo "$progress" >"$WORK/rebuild.json"
STATE="$(jq -r .state <<<"$progress")"
REPLAYED="$(jq -r .eventsDone <<<"$progress")"
DIFFERENCES="$(jq -r '.result.differenceCount // "n/a"' <<<"$progress")"
[[ "$STATE" == FAILED ]] && log "rebuild failed: $(jq -r .failure <<<"$progress")"
jq -r '.result.tables[]? | "  \(.model) \(.table): live \(.liveRows), shadow \(.shadowRows), differences \(.differences)"' \
  <<<"$progress" >&2

# --- 5. the consumption report: first page + totals, one month x one department ---------------------
FROM="$MONTH-01"
TO="$(date -d "$FROM +1 month -1 day" +%F)"
REPORT_URL="$BASE/api/admin/finance/consumption?from=$FROM&to=$TO&departmentId=$DEPARTMENT"
curl -fsS --max-time 30 "${auth[@]}" "$REPORT_URL" >"$WORK/report.json"
report_first_ms="$(curl -fsS -o /dev/null --max-time 30 -w '%{time_total}' "${auth[@]}" "$REPORT_URL&size=20" \
  | awk '{ printf "%.0f", $1 * 1000 }')"
: >"$WORK/report-times.txt"
for _ in $(seq 1 "$REQUESTS"); do
  curl -fsS -o /dev/null --max-time 30 -w '%{time_total}\n' "${auth[@]}" "$REPORT_URL" >>"$WORK/report-times.txt"
done
pct() { sort -n "$WORK/report-times.txt" | awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'; }
P50="$(pct 50)"; P95="$(pct 95)"

# --- 6. an export of ~EXPORT_ROWS rows: the first days of the month up to that many ---------------------
EXPORT_TO="$(sql "$DB" -e "SELECT business_date FROM (SELECT business_date, SUM(COUNT(*)) OVER (ORDER BY business_date) AS upto
                             FROM finance_consumption GROUP BY business_date) d
                           WHERE upto >= $EXPORT_ROWS ORDER BY business_date LIMIT 1")"
EXPORT_TO="${EXPORT_TO:-$(sql "$DB" -e "SELECT MAX(business_date) FROM finance_consumption")}"
EXPORT_FROM="$(sql "$DB" -e "SELECT MIN(business_date) FROM finance_consumption")"
EXPORTED="$(sql "$DB" -e "SELECT COUNT(*) FROM finance_consumption WHERE business_date BETWEEN '$EXPORT_FROM' AND '$EXPORT_TO'")"
heap_used() {
  curl -fsS --max-time 5 "${auth[@]}" "$BASE/actuator/metrics/jvm.memory.used?tag=area:heap" 2>/dev/null \
    | jq -r '.measurements[0].value // empty'
}
heap_before="$(heap_used)"
: >"$WORK/heap.txt"
( while :; do heap_used >>"$WORK/heap.txt"; sleep 0.5; done ) &
HEAP_PID=$!
rss_before_export="$(peak_rss_mb)"
ex_start=$(now_ms)
curl -fsS --max-time 1800 -o "$WORK/export.xlsx" "${auth[@]}" \
  "$BASE/api/admin/finance/consumption/export?format=xlsx&from=$EXPORT_FROM&to=$EXPORT_TO"
ex_ms=$(( $(now_ms) - ex_start ))
sleep 1
kill "$HEAP_PID" 2>/dev/null || true
wait "$HEAP_PID" 2>/dev/null || true
peak_heap_mb="$(sort -g "$WORK/heap.txt" | tail -n 1 | awk '{ printf "%.0f", $1 / 1048576 }')"
export_kb=$(( $(stat -c %s "$WORK/export.xlsx") / 1024 ))

# --- the figures ---------------------------------------------------------------------------------
{
  echo
  echo "Replay benchmark, $TOTAL_EVENTS events ($JAVA_OPTS; $(nproc) cores; $(date -u +%F))"
  echo
  printf '| %-44s | %-52s | %-18s |\n' step figure target
  printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..54})" "$(printf -- '-%.0s' {1..20})"
  row() { printf '| %-44s | %-52s | %-18s |\n' "$1" "$2" "$3"; }
  row "generation (append to the event store)" "$(rate "$TOTAL_EVENTS" "$gen_ms") events/s, $(secs "$gen_ms") s" ""
  row "catch-up of the live billing read models" "$(rate "$behind_at_up" "$catch_ms") events/s ($behind_at_up after UP, $(secs "$catch_ms") s)" ""
  row "rebuild of all billing read models (API)" "${last_rate:-n/a} events/s reported; $REPLAYED events, replay $(secs $((replay_end - rb_start))) s" ">= 20,000 events/s"
  row "verify (compare with live)" "$(secs $((rb_end - compare_start))) s, $DIFFERENCES differences ($STATE); whole run $(secs $((rb_end - rb_start))) s" "0 differences"
  row "consumption report $MONTH x $DEPARTMENT" "p50 $P50 ms, p95 $P95 ms over $REQUESTS (first ${report_first_ms} ms)" "p95 <= 50 ms"
  row "export .xlsx, $EXPORTED rows ($EXPORT_FROM..$EXPORT_TO)" "$(secs "$ex_ms") s, ${export_kb} KB; peak heap ${peak_heap_mb} MB (before $(awk -v b="${heap_before:-0}" 'BEGIN{printf "%.0f", b/1048576}') MB)" ""
  row "app peak RSS (whole run / before export)" "$(peak_rss_mb) MB / ${rss_before_export} MB" ""
  echo
  echo "report first page: $(jq -c "{rows: (.items | length), total, sums}" "$WORK/report.json" 2>/dev/null)"
} >&2
[[ "${BENCH_JFR:-0}" == 1 ]] && log "JFR recordings: $WORK/bench-*.jfr (written when the app stops)"
[[ "$STATE" == VERIFIED ]] || exit 2
