#!/usr/bin/env bash
# The cost of durable commits: presence check-ins (POST /api/v1/presence, one new half-day
# each: the row, the presence_week trigger and the audit entry in one transaction) against
# the demo county on SQLite, with `--sqlite-sync normal` and `--sqlite-sync full` (the
# default) in the same run, alternating, each from the same copy of the database.
#   bench/presence_sync_bench.sh
# Environment: DURATION (s per run, default 10), CONNECTIONS (default 16), RUNS (runs per
# mode, default 3), SERVER_THREADS (default 2), YILIAN (binary to measure), HTTP_PORT (default 18092).
# Prints req/s and p99 per run, and checks that every answer was 201 and that the
# database holds exactly one new row per answer.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/demo_backend.sh
bench_setup presence_sync_bench.sh county
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
HTTP_PORT=${HTTP_PORT:-18092}
SERVER_THREADS=${SERVER_THREADS:-2}
WORK=$(mktemp -d /tmp/yilian-sync-bench.XXXXXX)
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(df -T "$WORK" | awk 'NR==2 {print $2}') under $WORK"
# Loading is not what is measured: the demo is written with NORMAL, then checkpointed.
"$YILIAN" demo --db "sqlite:$WORK/demo.db" "${DEMO[@]}" --sqlite-sync normal >"$WORK/demo.log"
sqlite3 "$WORK/demo.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
# The county's 66 assignments hold ≈21,000 half-days up to today, fewer than a run writes
# with NORMAL: the bench copy lets each assignment start on 2020-01-01 (the write path reads
# the period like any other), then lists the half-days still free, both halves, up to today.
sqlite3 "$WORK/demo.db" "UPDATE assignment SET actual_start = '2020-01-01' WHERE active = 1;"
sqlite3 "$WORK/demo.db" "SELECT a.id || ',' || c.day FROM assignment a
  JOIN work_calendar c ON c.day BETWEEN COALESCE(a.actual_start, a.planned_start)
                                    AND COALESCE(a.actual_end, a.planned_end) AND c.day <= date('now')
  WHERE a.active = 1 AND NOT EXISTS (SELECT 1 FROM presence p WHERE p.assignment_id = a.id AND p.day = c.day)
  ORDER BY c.day, a.id" >"$WORK/slots"
echo "free half-days for check-ins: $(($(wc -l <"$WORK/slots") * 2)); wrk -t2 -c$CONNECTIONS -d${DURATION}s; server threads: $SERVER_THREADS"

run() {  # mode
  local mode=$1 db=$WORK/run.db
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$WORK/demo.db" "$db"
  "$YILIAN" serve --db "sqlite:$db" --listen "127.0.0.1:$HTTP_PORT" --threads "$SERVER_THREADS" --sqlite-sync "$mode" \
    >"$WORK/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$HTTP_PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
  grep -q "synchronous=$mode" "$WORK/serve.log" || { cat "$WORK/serve.log"; exit 1; }
  local token before out rps p50 p99 requests bad after
  token=$(curl -sf -X POST "http://127.0.0.1:$HTTP_PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$YILIAN_ADMIN_PASSWORD\"}" | sed -E 's/.*"token":"([0-9a-f]+)".*/\1/')
  before=$(sqlite3 "$db" "SELECT COUNT(*) FROM presence")
  out=$(SLOTS=$WORK/slots TOKEN=$token THREADS=2 wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s bench/presence_checkin.lua "http://127.0.0.1:$HTTP_PORT")
  kill "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  after=$(sqlite3 "$db" "SELECT COUNT(*) FROM presence")
  printf 'synchronous=%-6s %9s req/s   p50 %8s   p99 %8s   %6s requests, non-2xx %s, new rows %s\n' \
    "$mode" "$rps" "$p50" "$p99" "$requests" "${bad:-0}" "$((after - before))"
  if [ -n "$bad" ] || grep -q "error" <<<"$out"; then echo "$out"; exit 1; fi
}

for _ in $(seq "$RUNS"); do
  run normal
  run full
done
