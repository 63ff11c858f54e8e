#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 on loopback, then removes it.
# The command sees PG_URL. initdb refuses to run as root, so as root the server runs
# as the postgres user in a temporary folder that user can reach.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
DIR=$(mktemp -d /tmp/yilian-pg.XXXXXX)
PORT=${PG_PORT:-$((20000 + RANDOM % 20000))}
LOG=$(mktemp /tmp/yilian-pg-log.XXXXXX)

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi
}

cleanup() {
  as_pg "$PGBIN/pg_ctl -D $DIR/data -m immediate -w stop" >/dev/null 2>&1 || true
  rm -rf "$DIR" "$LOG"
}
trap cleanup EXIT

chmod 755 "$DIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$DIR"; fi
as_pg "$PGBIN/initdb -D $DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$LOG" 2>&1 || { cat "$LOG"; exit 1; }
as_pg "$PGBIN/pg_ctl -D $DIR/data -l $DIR/server.log -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off' -w start" >>"$LOG" 2>&1 || { cat "$LOG" "$DIR/server.log" 2>/dev/null; exit 1; }

export PG_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
"$@"
