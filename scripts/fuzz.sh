#!/usr/bin/env bash
# The libFuzzer targets of fuzz/ (docs/SECURITY.md, "Fuzzing"), built by clang in build-fuzz:
#   scripts/fuzz.sh            each target first replays fuzz/regressions/TARGET/*, then fuzzes
#                              for FUZZ_SECONDS (default 30) from fuzz/corpus/TARGET (`make test`)
#   scripts/fuzz.sh campaign   each target for FUZZ_RUNS executions (default 10,000,000) or
#                              FUZZ_CAMPAIGN_SECONDS (default 1800), whichever ends first (`make fuzz`)
# FUZZ_TARGETS="http_request preset" picks targets. Fails on any crash, hang (FUZZ_TIMEOUT s per
# input, default 25), sanitizer report or out-of-memory; the input that did it is kept in
# build-fuzz/artifacts/. New inputs found go to a temporary folder, never into the seed corpus
# (add one there by hand when it is worth keeping). Prints executions and executions/s per target.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-short}
TARGETS=(${FUZZ_TARGETS:-http_request entity_json csv_import xlsx_import preset})
TIMEOUT=${FUZZ_TIMEOUT:-25}
case $MODE in
  short) LIMIT=(-max_total_time="${FUZZ_SECONDS:-30}") ;;
  campaign) LIMIT=(-runs="${FUZZ_RUNS:-10000000}" -max_total_time="${FUZZ_CAMPAIGN_SECONDS:-1800}") ;;
  *) echo "usage: scripts/fuzz.sh [short|campaign]" >&2; exit 2 ;;
esac

start=$SECONDS
mkdir -p build-fuzz
flock build-fuzz/.lock sh -c "cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DYILIAN_FUZZ=ON >/dev/null && cmake --build build-fuzz -j $(nproc) >build-fuzz/build.log 2>&1" || {
  tail -40 build-fuzz/build.log
  exit 1
}
echo "fuzz build: $((SECONDS - start)) s"
ARTIFACTS=$PWD/build-fuzz/artifacts
mkdir -p "$ARTIFACTS"
WORK=$(mktemp -d /tmp/yilian-fuzz.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

for t in "${TARGETS[@]}"; do
  bin=build-fuzz/fuzz/${t}_fuzz
  common=(-timeout="$TIMEOUT" -rss_limit_mb=2048 -artifact_prefix="$ARTIFACTS/$t-")
  if compgen -G "fuzz/regressions/$t/*" >/dev/null; then
    if ! "$bin" "${common[@]}" fuzz/regressions/"$t"/* >"$WORK/$t-regressions.log" 2>&1; then
      grep -avE '^(INFO:|[[:space:]]+NEW_FUNC)' "$WORK/$t-regressions.log" | tail -40
      echo "FAIL: $t: a regression input of fuzz/regressions/$t/ crashed (input kept in $ARTIFACTS)"
      exit 1
    fi
  fi
  mkdir -p "$WORK/$t"
  t0=$SECONDS
  if ! nice -n 5 "$bin" "${common[@]}" "${LIMIT[@]}" -print_final_stats=1 "$WORK/$t" "fuzz/corpus/$t" \
    >"$WORK/$t.log" 2>&1; then
    grep -avE '^(#[0-9]|INFO:|[[:space:]]+NEW_FUNC)' "$WORK/$t.log" | tail -60
    echo "FAIL: $t (the input is kept in $ARTIFACTS)"
    exit 1
  fi
  runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$WORK/$t.log")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$WORK/$t.log")
  # The last status line: "cov: N ft: N corp: N/SIZE", libFuzzer's edges, features and corpus.
  cov=$(grep -aoE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$WORK/$t.log" | tail -1)
  printf 'fuzz %-13s %11s executions in %5d s, %7s exec/s, %s, %s new inputs\n' "$t" "$runs" \
    "$((SECONDS - t0))" "$rate" "$cov" "$(find "$WORK/$t" -type f | wc -l)"
done
echo "fuzz: $((SECONDS - start)) s in all, no crash"
