#!/usr/bin/env bash
# HTTP benchmark of the registry API against the demo county, compared in the same run
# with a bare Beast + SQLite server answering the same 100-row page.
#   wrk -t2 -c64 -d${DURATION}s on loopback; prints req/s and p99 for each case.
# Usage: bench/run.sh            (from the repository root, after `make build`)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
WORK=$(mktemp -d /tmp/yilian-bench.XXXXXX)
PORT=${PORT:-18080}
BARE_PORT=$((PORT + 1))
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

flock build/.lock cmake --build build --target yilian bare_server -j "$(nproc)" >/dev/null
export YILIAN_ADMIN_PASSWORD=BenchAdmin2026
build/yilian demo --db "sqlite:$WORK/county.db" --scale county >"$WORK/demo.log"
build/yilian serve --db "sqlite:$WORK/county.db" --listen "127.0.0.1:$PORT" --threads 2 >"$WORK/serve.log" 2>&1 &
PIDS+=($!)
build/bare_server "$WORK/county.db" "$BARE_PORT" >"$WORK/bare.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.2; done

TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bureau\",\"password\":\"Yilian2026\"}" | sed -E 's/.*"token":"([0-9a-f]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"
INST=$(curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/institutions?page_size=1&kind=A100" | sed -E 's/.*"items":\[\{[^}]*"id":([0-9]+).*/\1/')

run() {  # name, url, [header]
  local name=$1 url=$2 hdr=${3:-}
  local out
  if [ -n "$hdr" ]; then out=$(wrk -t2 -c64 -d"${DURATION}s" --latency -H "$hdr" "$url"); else out=$(wrk -t2 -c64 -d"${DURATION}s" --latency "$url"); fi
  local rps p99 size
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  size=$(curl -s ${hdr:+-H "$hdr"} "$url" | wc -c)
  printf '%-44s %10s req/s   p99 %8s   body %6s bytes\n' "$name" "$rps" "$p99" "$size"
  LAST_RPS=$rps
}

echo "machine: $(nproc) cores, $(uname -r); wrk -t2 -c64 -d${DURATION}s; demo county: $(grep -c . "$WORK/demo.log") log lines"
run "bare Beast+SQLite, same 100-row staff page" "http://127.0.0.1:$BARE_PORT/"
BARE=$LAST_RPS
run "GET /api/v1/staff?page_size=100 (bureau)" "http://127.0.0.1:$PORT/api/v1/staff?page_size=100" "$AUTH"
echo "API / bare on the 100-row page: $(awk -v a="$LAST_RPS" -v b="$BARE" 'BEGIN { printf "%.0f%%", 100 * a / b }') (target ≥80%)"
run "GET /api/v1/institutions/$INST (bureau)" "http://127.0.0.1:$PORT/api/v1/institutions/$INST" "$AUTH"
run "GET /api/v1/health (no auth)" "http://127.0.0.1:$PORT/api/v1/health"
