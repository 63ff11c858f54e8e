#!/usr/bin/env bash
# The whole test suite, as `make test` and CI run it:
#   1. release build, unit + store + API tests on SQLite
#   2. the same store and API tests on a throwaway PostgreSQL 15
#   3. ASan+UBSan build, the same tests on SQLite
#   4. the libFuzzer targets of fuzz/ (clang build, regression inputs, 30 s each; docs/SECURITY.md)
#   5. command-line checks (demo, import/export, backup) and the browser tests when web/ exists
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=$(nproc)
export GTEST_COLOR=no

# Each step says how long the run has taken so far, so a slow step shows in CI's log.
step() { printf '\n=== %s (%d min %02d s into the run) ===\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }
# Every runner's output is also kept, so the closing line can add up what ran.
LOGS=$(mktemp -d /tmp/yilian-test-logs.XXXXXX)
trap 'rm -rf "$LOGS"' EXIT
run_logged() {  # name, command…
  local name=$1
  shift
  "$@" 2>&1 | tee "$LOGS/$name.log"
  return "${PIPESTATUS[0]}"
}

step "build (warnings are errors)"
make --no-print-directory build

step "tests on SQLite"
run_logged sqlite bash -c "cd build && ctest --output-on-failure -j $JOBS"

step "tests on PostgreSQL 15"
# Each test has a database of its own (tests/fixture/pg_databases.h), so they run in parallel.
run_logged postgresql scripts/with-postgres.sh bash -c "cd build && YILIAN_TEST_DB=\"\$PG_URL\" ctest --output-on-failure -j $JOBS -L 'unit|cli'"

step "ASan + UBSan build and tests on SQLite"
mkdir -p build-asan
flock build-asan/.lock sh -c "cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DYILIAN_SANITIZE=ON >/dev/null && cmake --build build-asan -j $JOBS --target yilian_tests"
# Every unit test but the demo-data suites: generating the county under ASan took 500 CPU
# seconds of the 45-minute budget (DemoCountyTest 196 s, DemoSupportTest 185 s) for code the
# store and API tests already run under ASan; the release runs above cover the demo data.
run_logged asan bash -c "cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $JOBS -L unit -LE demo"

step "fuzz targets (clang + libFuzzer, ASan + UBSan, 30 s each)"
run_logged fuzz scripts/fuzz.sh

if [ -f web/package.json ]; then
  step "web build and browser tests"
  make --no-print-directory web  # built once; the tests below serve this build
  # Two files at a time: three were no faster on two cores (docs/PERFORMANCE.md, "Build and test time").
  run_logged browser bash -c "cd web && node --test --test-concurrency=2 tests/"
fi
step "all tests passed"
# ctest: "100% tests passed, 0 tests failed out of N"; node: "# pass N" / "# fail N".
passed=0
failed=0
for f in "$LOGS"/*.log; do
  read -r p q < <(awk '/tests passed, [0-9]+ tests failed out of/ { t = $NF; f = $4; p += t - f; q += f }
                       /^# pass / { p += $3 } /^# fail / { q += $3 } END { print p + 0, q + 0 }' "$f")
  passed=$((passed + p))
  failed=$((failed + q))
done
echo "$passed passed, $failed failed"
