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
# Prints the load time, the dataset's size and each run's total and per-family times.
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT=${1:-county}
BACKEND=${BACKEND:-sqlite}
RUNS=${RUNS:-3}
YILIAN=$PWD/build/yilian
flock build/.lock cmake --build build --target yilian -j "$(nproc)" >/dev/null
case $WHAT in
  county) DEMO=(--scale county) ;;
  province) DEMO=(--scale province --with-support --dispatch-scale 12) ;;
  *) echo "usage: bench/compliance_bench.sh county|province" >&2; exit 2 ;;
esac
export YILIAN_ADMIN_PASSWORD=BenchAdmin2026

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

[[ ${DB:-} == postgres* ]] && BACKEND=postgresql; [[ ${DB:-} == sqlite* ]] && BACKEND=sqlite
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $WHAT on $BACKEND"
if [ -n "${DB:-}" ]; then
  measure "$DB"
elif [ "$BACKEND" = postgresql ]; then
  export -f measure
  export YILIAN WHAT RUNS
  DEMO_ARGS="${DEMO[*]}" scripts/with-postgres.sh bash -c 'DEMO=($DEMO_ARGS); measure "$PG_URL"'
else
  WORK=$(mktemp -d /tmp/yilian-compliance.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
  measure "sqlite:$WORK/bench.db"
fi
