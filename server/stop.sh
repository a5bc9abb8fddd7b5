#!/usr/bin/env bash
# Stops what server/start.sh started (lighttpd with its MapServer processes, then PostgreSQL).
set -euo pipefail
source "$(dirname "$0")/env.sh"
stop_lighttpd "$RUN_DIR"
if [[ -f "$RUN_DIR/pg/postmaster.pid" ]]; then
  as_postgres "$PG_BIN/pg_ctl" -D "$RUN_DIR/pg" -m fast -w stop >/dev/null || true
fi
