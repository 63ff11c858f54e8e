#!/usr/bin/env bash
# Every Demo* suite of the test binary must be one of the per-suite ctest entries of
# CMakeLists.txt (they are kept out of per-test discovery), or it would never run.
# Usage: demo_suites_test.sh path/to/yilian_tests Suite…
set -euo pipefail
bin=$1
shift
have=$("$bin" --gtest_list_tests --gtest_filter='Demo*' | grep -E '^Demo[A-Za-z]*[.]$' | tr -d . | sort)
want=$(printf '%s\n' "$@" | sort)
if [ "$have" != "$want" ]; then
  echo "Demo suites in the binary:"; echo "$have"
  echo "registered in CMakeLists.txt:"; echo "$want"
  exit 1
fi
echo "demo suites: $(echo "$have" | wc -l) registered"
