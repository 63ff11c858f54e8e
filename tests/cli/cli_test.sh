#!/usr/bin/env bash
# End-to-end checks of the `yilian` command line against a real database: migrate,
# accounts, serve over HTTP, backup. Uses YILIAN_TEST_DB when it is a PostgreSQL URL,
# otherwise a temporary SQLite file. Usage: cli_test.sh path/to/yilian
set -euo pipefail
YILIAN=$(realpath "$1")
WORK=$(mktemp -d /tmp/yilian-cli.XXXXXX)
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
checks=0
ok() { checks=$((checks + 1)); }

if [[ "${YILIAN_TEST_DB:-}" == postgres* ]]; then
  DB="$YILIAN_TEST_DB"
  PGOPTIONS='--client-min-messages=warning' psql "$DB" -qc "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public" >/dev/null
else
  DB="sqlite:$WORK/cli.db"
fi
export YILIAN_ADMIN_PASSWORD=CliAdmin2026

# --help and a mistyped option are answered before any database is opened or created.
(cd "$WORK" && "$YILIAN" check --help >"$WORK/help" 2>&1) || fail "check --help did not exit 0"
grep -q "usage: yilian COMMAND" "$WORK/help" || fail "check --help printed no usage"; ok
if (cd "$WORK" && "$YILIAN" check --form 2026-01-01 2>"$WORK/err"); then fail "unknown option accepted"; fi
grep -q "unknown option --form" "$WORK/err" || fail "no unknown-option message: $(cat "$WORK/err")"; ok
[ ! -e "$WORK/data" ] || fail "--help or an unknown option created the default database"; ok
# SQLite durability (docs/SECURITY.md): a bad --sqlite-sync stops before any database is opened.
if "$YILIAN" migrate --db "sqlite:$WORK/sync.db" --sqlite-sync fast 2>"$WORK/err"; then fail "--sqlite-sync fast accepted"; fi
grep -q "full or normal" "$WORK/err" || fail "no --sqlite-sync message: $(cat "$WORK/err")"; ok
[ ! -e "$WORK/sync.db" ] || fail "a bad --sqlite-sync created the database"; ok

out=$("$YILIAN" migrate --db "$DB")
grep -q "created account admin (password from YILIAN_ADMIN_PASSWORD)" <<<"$out" || fail "migrate did not create admin: $out"; ok
out=$("$YILIAN" migrate --db "$DB")
grep -q "created account" <<<"$out" && fail "second migrate created admin again"; ok

# Without the variable the password is generated and printed once.
if [[ "$DB" == sqlite:* ]]; then
  out=$(env -u YILIAN_ADMIN_PASSWORD "$YILIAN" migrate --db "sqlite:$WORK/other.db")
  grep -Eq "created account admin with password: [A-Za-z0-9]{16}" <<<"$out" || fail "no generated password: $out"; ok
fi

# Accounts: bad input is refused with a Chinese reason and writes nothing.
if "$YILIAN" user add --db "$DB" --username x --name 测试 --role admin --password Secret123 2>"$WORK/err"; then fail "short username accepted"; fi
grep -q "用户名" "$WORK/err" || fail "no Chinese reason: $(cat "$WORK/err")"; ok
"$YILIAN" user add --db "$DB" --username ops --name 运维 --role admin --password Secret123 >/dev/null; ok
"$YILIAN" user passwd --db "$DB" --username ops --password Secret456 >/dev/null; ok

PORT=$((30000 + RANDOM % 20000))
"$YILIAN" serve --db "$DB" --listen "127.0.0.1:$PORT" --threads 2 >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
health=$(curl -sf "http://127.0.0.1:$PORT/api/v1/health")
backend=$([[ "$DB" == sqlite:* ]] && echo sqlite || echo postgresql)
grep -q "\"backend\":\"$backend\"" <<<"$health" || fail "health: $health"; ok
if [[ "$DB" == sqlite:* ]]; then grep -q "SQLite synchronous=full" "$WORK/serve.log" || fail "serve: $(cat "$WORK/serve.log")"; ok; fi
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" \
  -H 'Content-Type: application/json' -d '{"username":"ops","password":"Secret123"}')
[ "$code" = 401 ] || fail "old password still works ($code)"; ok
token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"ops","password":"Secret456"}' | sed -E 's/.*"token":"([0-9a-f]+)".*/\1/')
[ ${#token} = 64 ] || fail "no token"; ok
curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/regions" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"code":"370000","name":"山东省"}' >/dev/null || fail "create region"; ok

# Backup while the server runs, then read the copy.
"$YILIAN" backup --db "$DB" --out "$WORK/backup.bin" >/dev/null || fail "backup"; ok
if [[ "$DB" == sqlite:* ]]; then
  [ "$(sqlite3 "$WORK/backup.bin" "SELECT name FROM region WHERE code='370000'")" = "山东省" ] || fail "backup lacks data"; ok
else
  pg_restore --list "$WORK/backup.bin" >"$WORK/backup.list"
  grep -q "TABLE DATA public region" "$WORK/backup.list" || fail "backup lacks region table"; ok
fi
if "$YILIAN" backup --db "$DB" --out "$WORK/backup.bin" 2>/dev/null; then fail "backup overwrote a file"; fi; ok

kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""

# The weekly 附件2 table: a bad week is refused in Chinese; the form is written as xlsx and CSV.
if "$YILIAN" weekly --db "$DB" --week 2026-W99 2>"$WORK/err"; then fail "bad week accepted"; fi
grep -q "ISO周" "$WORK/err" || fail "no Chinese reason: $(cat "$WORK/err")"; ok
"$YILIAN" weekly --db "$DB" --week 2026-W28 --out "$WORK/weekly.xlsx" --reporter 张三 --phone 13800000000 >/dev/null
[ "$(head -c 2 "$WORK/weekly.xlsx")" = "PK" ] || fail "weekly xlsx is not a zip"; ok
"$YILIAN" weekly --db "$DB" --week 2026-W28 --out "$WORK/weekly.csv" >/dev/null
grep -q "工作统计时间: 2026年7月6日至7月12日" "$WORK/weekly.csv" || fail "weekly csv lacks the period line"; ok
grep -q "合计" "$WORK/weekly.csv" || fail "weekly csv lacks the total row"; ok

# The recipients' monthly operating statistics (R6) from a sheet: a bad row writes nothing.
printf '区划代码,名称\n370100,济南市\n370102,历下区\n' >"$WORK/regions.csv"
printf '机构代码,机构名称,机构类别,经济类型,所在区划\nH0002,历下区人民医院,A100,公立,370102\n' >"$WORK/institutions.csv"
"$YILIAN" import --db "$DB" --kind regions "$WORK/regions.csv" >/dev/null || fail "import regions"
"$YILIAN" import --db "$DB" --kind institutions "$WORK/institutions.csv" >/dev/null || fail "import institutions"; ok
printf '机构代码,月份,门诊人次\nH0002,2026-01,41230\nH0002,2026-13,1\n' >"$WORK/stats.csv"
if "$YILIAN" import --db "$DB" --kind operating-stats "$WORK/stats.csv" 2>"$WORK/err"; then fail "bad month accepted"; fi
grep -q "第3行 字段“月份”" "$WORK/err" || fail "no row and column: $(cat "$WORK/err")"; ok
printf '机构代码,月份,门诊人次\nH0002,2026-01,41230\nH0002,2026/2,39800\n' >"$WORK/stats.csv"
out=$("$YILIAN" import --db "$DB" --kind operating-stats "$WORK/stats.csv")
grep -q "新建 2, 更新 0, 未变 0" <<<"$out" || fail "operating stats import: $out"; ok
out=$("$YILIAN" import --db "$DB" --kind operating-stats "$WORK/stats.csv")
grep -q "新建 0, 更新 0, 未变 2" <<<"$out" || fail "operating stats reimport: $out"; ok

# The audit trail's hash chain: intact after the writes above; an edit made behind the
# server's back (the owner drops the guard trigger) is named by its row.
out=$("$YILIAN" audit verify --db "$DB") || fail "audit verify failed on an untouched trail: $out"
grep -q "审计哈希链完整" <<<"$out" || fail "audit verify: $out"; ok
if [[ "$DB" == sqlite:* ]]; then
  file=${DB#sqlite:}
  victim=$(sqlite3 "$file" "SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2")
  sqlite3 "$file" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET username = 'intruder' WHERE id = $victim"
else
  victim=$(psql "$DB" -Atc "SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2")
  PGOPTIONS='--client-min-messages=warning' psql "$DB" -qc "DROP TRIGGER audit_log_no_change ON audit_log; UPDATE audit_log SET username = 'intruder' WHERE id = $victim" >/dev/null
fi
if out=$("$YILIAN" audit verify --db "$DB"); then fail "audit verify passed a tampered trail: $out"; fi
grep -q "第${victim}条审计记录" <<<"$out" || fail "audit verify did not name row $victim: $out"; ok

echo "cli ($backend): $checks checks passed"
