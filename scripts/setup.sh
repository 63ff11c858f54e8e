#!/usr/bin/env bash
# Installs everything Yilian needs on Debian 12: system packages with apt-get
# (through sudo when not root) and the npm packages of datasets/ (and web/ when present).
# Idempotent: does nothing when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(build-essential cmake pkg-config ccache libboost-dev libsoci-dev libsqlite3-dev libpq-dev
  nlohmann-json3-dev libsodium-dev libxlsxwriter-dev libminizip-dev zlib1g-dev libpugixml-dev
  libtomlplusplus-dev coinor-libcbc-dev libglpk-dev libgtest-dev libgmock-dev libbenchmark-dev
  postgresql sqlite3 wrk chromium fonts-wqy-microhei nodejs npm
  clang libfuzzer-14-dev)  # clang and libFuzzer: the fuzz targets (fuzz/, docs/SECURITY.md)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# nodejs may come from elsewhere (e.g. a newer install on PATH); only ask apt when missing.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if ((${#missing[@]})); then
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm_install() {  # npm ci when the lockfile is newer than node_modules
  local dir=$1
  [[ -f "$dir/package.json" ]] || return 0
  if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules" ]]; then
    echo "setup: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) && touch "$dir/node_modules"
  fi
}
npm_install datasets
npm_install web
