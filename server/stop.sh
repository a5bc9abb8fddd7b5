#!/usr/bin/env bash
# Stops what server/start.sh started (lighttpd with its MapServer processes, then PostgreSQL).
set -euo pipefail
source "$(dirname "$0")/env.sh"
if [[ -f "$RUN_DIR/lighttpd.pid" ]]; then
  kill "$(cat "$RUN_DIR/lighttpd.pid")" 2>/dev/null || true
  rm -f "$RUN_DIR/lighttpd.pid"
fi
if [[ -f "$RUN_DIR/pg/postmaster.pid" ]]; then
  as_postgres "$PG_BIN/pg_ctl" -D "$RUN_DIR/pg" -m fast -w stop >/dev/null || true
fi
