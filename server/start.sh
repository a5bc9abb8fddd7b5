#!/usr/bin/env bash
# Starts the stack on loopback: PostgreSQL + PostGIS on $CITYGIS_PG_PORT (55432), and lighttpd on
# $CITYGIS_HTTP_PORT (8089) serving the built app (dist/) at / and MapServer (FastCGI) at /ogcapi.
# Creates the database cluster under .server/ on first use. Stop with server/stop.sh.
set -euo pipefail
source "$(dirname "$0")/env.sh"
mkdir -p "$RUN_DIR"
chmod 755 "$RUN_DIR"
if [[ ! -f "$RUN_DIR/pg/PG_VERSION" ]]; then
  mkdir -p "$RUN_DIR/pg" && chown postgres: "$RUN_DIR/pg" && chmod 700 "$RUN_DIR/pg"
  as_postgres "$PG_BIN/initdb" -D "$RUN_DIR/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$RUN_DIR/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$RUN_DIR/pg'
shared_buffers = 512MB
work_mem = 64MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
fsync = off
synchronous_commit = off
full_page_writes = off
jit = off
timezone = 'Asia/Shanghai'
CONF
fi
if ! as_postgres "$PG_BIN/pg_ctl" -D "$RUN_DIR/pg" status >/dev/null 2>&1; then
  as_postgres "$PG_BIN/pg_ctl" -D "$RUN_DIR/pg" -l "$RUN_DIR/pg/server.log" -w -t 60 start >/dev/null
fi
psql -U postgres -d postgres -qtAc "select 1 from pg_roles where rolname = 'citygis'" | grep -q 1 ||
  psql -U postgres -d postgres -qc "create role citygis login superuser"
psql -U postgres -d postgres -qtAc "select 1 from pg_database where datname = 'citygis'" | grep -q 1 ||
  psql -U postgres -d postgres -qc "create database citygis owner citygis"
psql -qc "create extension if not exists postgis" 2>&1 | grep -v 'already exists' || true

# MapServer's mapfiles and lighttpd's configuration, with this run's ports, folders and tile zooms.
bash "$SERVER_DIR/mapfiles.sh" "$RUN_DIR"
sed -e "s|@HTTP_PORT@|$HTTP_PORT|g" -e "s|@RUN_DIR@|$RUN_DIR|g" -e "s|@DIST@|${CITYGIS_DIST:-$REPO_DIR/dist}|g" \
  "$SERVER_DIR/lighttpd.conf" > "$RUN_DIR/lighttpd.conf"
stop_lighttpd "$RUN_DIR"
lighttpd -f "$RUN_DIR/lighttpd.conf"
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null && break; sleep 0.2; done
echo "PostGIS on 127.0.0.1:$PGPORT, MapServer OGC API on http://127.0.0.1:$HTTP_PORT/mapserv/citygis/ogcapi"
