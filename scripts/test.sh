#!/usr/bin/env bash
# The whole test suite, as `make test` and CI run it:
#   1. release build, unit + store + API tests on SQLite
#   2. the same store and API tests on a throwaway PostgreSQL 15
#   3. ASan+UBSan build, the same tests on SQLite
#   4. command-line checks (demo, import/export, backup) and the browser tests when web/ exists
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=$(nproc)
export GTEST_COLOR=no

step() { printf '\n=== %s ===\n' "$*"; }

step "build (warnings are errors)"
make --no-print-directory build

step "tests on SQLite"
(cd build && ctest --output-on-failure -j "$JOBS")

step "tests on PostgreSQL 15"
scripts/with-postgres.sh bash -c 'cd build && YILIAN_TEST_DB="$PG_URL" ctest --output-on-failure -j 1 -L "unit|cli"'

step "ASan + UBSan build and tests on SQLite"
mkdir -p build-asan
flock build-asan/.lock sh -c "cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DYILIAN_SANITIZE=ON >/dev/null && cmake --build build-asan -j $JOBS --target yilian_tests"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j "$JOBS" -L unit)

if [ -f web/package.json ]; then
  step "web build and browser tests"
  make --no-print-directory web
  (cd web && npm test --silent)
fi
step "all tests passed"
