#!/usr/bin/env bash
# The year's work-summary figures (E4, GET /support/annual-summary) through the HTTP API:
# the admin's whole dataset, and the demo county bureau's county.
#   bench/annual_summary_bench.sh county      the demo county
#   bench/annual_summary_bench.sh province    the dense province (--dispatch-scale 12)
# Environment: BACKEND=sqlite|postgresql, DB=URL (reuse a loaded database), RUNS=N
# (timed runs after one warm-up, default 3), YILIAN=path of the binary to measure,
# HTTP_PORT (default 18090).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/demo_backend.sh
bench_setup annual_summary_bench.sh "${1:-county}"
export HTTP_PORT=${HTTP_PORT:-18090}

measure() {  # the database URL
  local url=$1 work
  work=$(mktemp -d /tmp/yilian-e4.XXXXXX)
  if [ -z "${DB:-}" ]; then
    local start=$SECONDS
    "$YILIAN" demo --db "$url" "${DEMO[@]}" | grep -E '^\[(support relationships|assignments|activities)\]'
    echo "load: $((SECONDS - start)) s"
    if [[ $url == postgres* ]]; then psql "$url" -qc "VACUUM ANALYZE" >/dev/null; fi
  fi
  "$YILIAN" serve --db "$url" --listen "127.0.0.1:$HTTP_PORT" --threads 2 >"$work/serve.log" 2>&1 &
  local server=$!
  local up=0
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$HTTP_PORT/api/v1/health" >/dev/null && up=1 && break; sleep 0.2; done
  if [ $up = 0 ]; then echo "the server did not start:"; cat "$work/serve.log"; kill "$server" 2>/dev/null; return 1; fi
  login() {
    curl -sf -X POST "http://127.0.0.1:$HTTP_PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"token":"([0-9a-f]+)".*/\1/'
  }
  local who
  for who in "admin:$YILIAN_ADMIN_PASSWORD" "bureau:Yilian2026"; do
    local token
    token=$(login "${who%%:*}" "${who#*:}")
    if [ -z "$token" ]; then echo "${who%%:*}: no such account here"; continue; fi
    local get=(curl -sf -o "$work/body.json" -w '%{time_total}' -H "Authorization: Bearer $token"
      "http://127.0.0.1:$HTTP_PORT/api/v1/support/annual-summary?year=2026")
    "${get[@]}" >/dev/null
    local times=()
    for _ in $(seq "$RUNS"); do times+=("$("${get[@]}") s"); done
    echo "${who%%:*}: $(grep -o '"relationship_id"' "$work/body.json" | wc -l) relationships; ${times[*]}"
  done
  kill "$server" 2>/dev/null || true
  rm -rf "$work"
}

bench_run measure
