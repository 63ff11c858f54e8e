#!/usr/bin/env bash
# The build refuses a module that includes a header of a module it does not depend on
# (cmake/check_includes.cmake, run before each module compiles). This checks the check:
# every module passes with its declared dependencies, and a deliberate back-pointing
# include — the registry reaching up into support — is refused naming the file and line.
# Usage: boundaries_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
allowed_file=$build/boundaries/allowed.txt
[ -s "$allowed_file" ] || { echo "FAIL: no $allowed_file (configure the build first)"; exit 1; }
check() {  # module dir
  cmake -DMODULE="$1" "-DALLOWED=$(grep "^$1=" "$allowed_file" | cut -d= -f2)" -DDIR="$2" -P "$src/cmake/check_includes.cmake"
}
n=0
while IFS='=' read -r module _; do
  check "$module" "$src/src/$module" >/dev/null 2>&1 || { check "$module" "$src/src/$module"; echo "FAIL: $module"; exit 1; }
  n=$((n + 1))
done <"$allowed_file"
work=$(mktemp -d /tmp/yilian-boundaries.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$src"/src/registry/*.h "$src"/src/registry/*.cpp "$work/"
printf '#include "support/entities.h"  // a deliberate back-pointing include\n' >"$work/probe.cpp"
if check registry "$work" >"$work/out" 2>&1; then
  echo "FAIL: the registry including support/entities.h was not refused"
  exit 1
fi
grep -q "registry/probe.cpp: #include \"support/entities.h\".*registry does not depend on support" "$work/out" ||
  { cat "$work/out"; echo "FAIL: the refusal does not name the file and the module"; exit 1; }
echo "module boundaries: $n modules hold; a back-pointing include is refused"
