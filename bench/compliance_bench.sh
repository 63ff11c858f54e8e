#!/usr/bin/env bash
# The compliance benchmark of the support issue: a year of every rule over a region.
#   bench/compliance_bench.sh county                 the demo county (target < 200 ms)
#   bench/compliance_bench.sh province               the dense province, ≈30,000 staff-years
#                                                    (--dispatch-scale 12; target < 5 s)
# Environment:
#   BACKEND=sqlite|postgresql   default sqlite; postgresql runs on a throwaway server
#                               (scripts/with-postgres.sh) unless DB is given
#   DB=URL                      reuse a database loaded before (skips the load)
#   RUNS=N                      timed runs after one warm-up, default 3
#   YILIAN=PATH                 the binary to measure (default: build/yilian, built first)
# Prints the load time, the dataset's size and each run's total and per-family times.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/demo_backend.sh
bench_setup compliance_bench.sh "${1:-county}"

measure() {  # the database URL
  local url=$1
  if [ -z "${DB:-}" ]; then
    local start=$SECONDS
    "$YILIAN" demo --db "$url" "${DEMO[@]}" | grep -E '^\[(support relationships|assignments|presence|activities)\]|^loaded'
    echo "load: $((SECONDS - start)) s"
    if [[ $url == postgres* ]]; then psql "$url" -qc "VACUUM ANALYZE" >/dev/null; fi
  fi
  local check=("$YILIAN" check --db "$url" --from 2026-01-01 --to 2026-12-31 --today 2026-11-20)
  "${check[@]}" >/dev/null  # warm-up: the page cache, PostgreSQL's buffers
  for i in $(seq "$RUNS"); do
    echo "run $i: $("${check[@]}" | grep -E '^compliance|^  time' | sed -E 's/^compliance .*: //; s/^  time //' | paste -sd ';' -)"
  done
}

bench_run measure
