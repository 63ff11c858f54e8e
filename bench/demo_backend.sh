# Sourced by the benchmarks that load the demo region and measure it on either backend.
#   bench_setup NAME county|province   checks the argument, builds yilian unless $YILIAN names a
#                                      binary, and sets DEMO (the demo loader's arguments)
#   bench_run FUNCTION                 calls FUNCTION with a database URL: $DB when given (a
#                                      database loaded before), else a throwaway PostgreSQL when
#                                      BACKEND=postgresql, else a temporary SQLite file
# FUNCTION loads the demo itself when $DB is empty. Under PostgreSQL it runs in a child
# shell, so the variables it reads must be exported (YILIAN, WHAT, RUNS are).
BACKEND=${BACKEND:-sqlite}
RUNS=${RUNS:-3}
export YILIAN_ADMIN_PASSWORD=BenchAdmin2026

bench_setup() {
  WHAT=$2
  case $WHAT in
    county) DEMO=(--scale county) ;;
    province) DEMO=(--scale province --with-support --dispatch-scale 12) ;;
    *) echo "usage: bench/$1 county|province" >&2; exit 2 ;;
  esac
  if [ -z "${YILIAN:-}" ]; then
    YILIAN=$PWD/build/yilian
    flock build/.lock cmake --build build --target yilian -j "$(nproc)" >/dev/null
  fi
}

bench_run() {
  [[ ${DB:-} == postgres* ]] && BACKEND=postgresql
  [[ ${DB:-} == sqlite* ]] && BACKEND=sqlite
  echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $WHAT on $BACKEND"
  if [ -n "${DB:-}" ]; then
    "$1" "$DB"
  elif [ "$BACKEND" = postgresql ]; then
    export -f "$1"
    export YILIAN WHAT RUNS
    DEMO_ARGS="${DEMO[*]}" scripts/with-postgres.sh bash -c "DEMO=(\$DEMO_ARGS); $1 \"\$PG_URL\""
  else
    BENCH_WORK=$(mktemp -d /tmp/yilian-bench-db.XXXXXX)
    trap 'rm -rf "$BENCH_WORK"' EXIT
    "$1" "sqlite:$BENCH_WORK/bench.db"
  fi
}
