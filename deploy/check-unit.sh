#!/usr/bin/env bash
# Checks deploy/yilian.service with systemd's own tools, without installing it:
#   systemd-analyze verify   in a scratch root holding the system's units and a stand-in
#                            binary at the unit's ExecStart path (fails on any complaint,
#                            including the unknown keys and bad values verify only warns about)
#   systemd-analyze security --offline, at most exposure 2.0 ("OK")
# Skips (exit 0) when systemd-analyze is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
UNIT=deploy/yilian.service
if ! command -v systemd-analyze >/dev/null; then
  echo "check-unit: systemd-analyze not installed, skipped"
  exit 0
fi
ROOT=$(mktemp -d /tmp/yilian-unit.XXXXXX)
trap 'rm -rf "$ROOT"' EXIT
exe=$(sed -nE 's/^ExecStart=([^ ]+).*/\1/p' "$UNIT")
mkdir -p "$ROOT$(dirname "$exe")" "$ROOT/etc/systemd/system" "$ROOT/usr/lib/systemd"
printf '#!/bin/sh\n' >"$ROOT$exe"
chmod +x "$ROOT$exe"
cp -a /usr/lib/systemd/system "$ROOT/usr/lib/systemd/"
cp "$UNIT" "$ROOT/etc/systemd/system/"
out=$(systemd-analyze verify --root="$ROOT" --man=no "$ROOT/etc/systemd/system/yilian.service" 2>&1) || {
  echo "$out"
  exit 1
}
if [ -n "$out" ]; then
  echo "check-unit: systemd-analyze verify complained:"
  echo "$out"
  exit 1
fi
systemd-analyze security --offline=yes --threshold=20 "$UNIT" | tail -1
echo "check-unit: $UNIT ok"
