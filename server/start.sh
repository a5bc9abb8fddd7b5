#!/usr/bin/env bash
# Starts the stack on loopback: PostgreSQL + PostGIS on $CITYGIS_PG_PORT (55432), and lighttpd on
# $CITYGIS_HTTP_PORT (8089) serving the built app (dist/) at / and MapServer (FastCGI) at /mapserv,
# behind the request gate (gate.lua). Creates the database cluster under .server/ on first use,
# with its roles and generated passwords (docs/security.md). Stop with server/stop.sh.
#   CITYGIS_STATEMENT_TIMEOUT  the web role's statement_timeout (default 20s)
#   CITYGIS_OWS=on             also serve WMS / WFS (off by default)
#   CITYGIS_PUBLIC_URL         the address clients reach the stack at (its links are absolute)
set -euo pipefail
source "$(dirname "$0")/env.sh"
STATEMENT_TIMEOUT="${CITYGIS_STATEMENT_TIMEOUT:-20s}"
[[ "$STATEMENT_TIMEOUT" =~ ^[0-9]+(ms|s|min)?$ ]] || { echo "CITYGIS_STATEMENT_TIMEOUT: a duration such as 20s or 500ms" >&2; exit 2; }
OWS="${CITYGIS_OWS:-off}"
[[ "$OWS" == on || "$OWS" == off ]] || { echo "CITYGIS_OWS: on or off" >&2; exit 2; }
DIST="${CITYGIS_DIST:-$REPO_DIR/dist}"

mkdir -p "$RUN_DIR" "$SECRETS" "$WWW_DIR"
chmod 755 "$RUN_DIR"
chmod 700 "$SECRETS"
chown www-data:www-data "$WWW_DIR" && chmod 700 "$WWW_DIR"
if [[ ! -f "$DIST/index.html" ]]; then
  echo "note: no built app in $DIST (npm run build): serving MapServer only" >&2
elif ! runuser -u www-data -- test -r "$DIST/index.html"; then
  echo "www-data cannot read $DIST/index.html: let others read its folders" >&2
  exit 1
fi

# Passwords: generated once, kept root-only; delete a file and start again to rotate it.
password() {
  local file="$SECRETS/$1.password"
  [[ -s "$file" ]] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$file")
  cat "$file"
}
OWNER_PASSWORD="$(password "$OWNER_ROLE")"
WEB_PASSWORD="$(password "$WEB_ROLE")"
(umask 077 && printf '127.0.0.1:%s:citygis:%s:%s\n127.0.0.1:%s:citygis:%s:%s\n' \
  "$PGPORT" "$OWNER_ROLE" "$OWNER_PASSWORD" "$PGPORT" "$WEB_ROLE" "$WEB_PASSWORD" > "$SECRETS/pgpass")
(umask 077 && printf '127.0.0.1:%s:citygis:%s:%s\n' "$PGPORT" "$WEB_ROLE" "$WEB_PASSWORD" > "$WWW_DIR/pgpass")
chown www-data:www-data "$WWW_DIR/pgpass"

PG="$RUN_DIR/pg"
if [[ ! -f "$PG/PG_VERSION" ]]; then
  mkdir -p "$PG" && chown postgres: "$PG" && chmod 700 "$PG"
  as_postgres "$PG_BIN/initdb" -D "$PG" -U postgres --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
fi
# Settings written anew at each start and read after everything else in postgresql.conf (so a
# cluster made by an older start.sh, with fsync off, is durable again).
grep -q "^include_if_exists = 'citygis.conf'" "$PG/postgresql.conf" || echo "include_if_exists = 'citygis.conf'" >> "$PG/postgresql.conf"
cat > "$PG/citygis.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PG'
unix_socket_permissions = 0700
password_encryption = scram-sha-256
shared_buffers = 512MB
work_mem = 64MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
fsync = on
full_page_writes = on
synchronous_commit = on
jit = off
timezone = 'Asia/Shanghai'
log_min_duration_statement = 10s
CONF
# Who may connect: the superuser only on the Unix socket as the postgres user; the two roles by
# password over loopback; nobody else, and nobody without a password.
cat > "$PG/pg_hba.conf" <<HBA
local  all      postgres                       peer
host   citygis  $OWNER_ROLE,$WEB_ROLE  127.0.0.1/32  scram-sha-256
HBA
chown postgres: "$PG/citygis.conf" "$PG/pg_hba.conf"
if as_postgres "$PG_BIN/pg_ctl" -D "$PG" status >/dev/null 2>&1; then
  as_postgres "$PG_BIN/pg_ctl" -D "$PG" reload >/dev/null
else
  as_postgres "$PG_BIN/pg_ctl" -D "$PG" -l "$PG/server.log" -w -t 60 start >/dev/null
fi

psql_admin -d postgres -v owner_pw="$OWNER_PASSWORD" -v web_pw="$WEB_PASSWORD" -v timeout="$STATEMENT_TIMEOUT" <<'SQL'
select format('create role %I', r) from unnest(array['citygis_owner', 'citygis_web']) r
  where not exists (select from pg_roles where rolname = r) \gexec
alter role citygis_owner login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'owner_pw';
alter role citygis_web login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit connection limit 32 password :'web_pw';
alter role citygis_web set statement_timeout = :'timeout';
alter role citygis_web set work_mem = '32MB';
alter role citygis_web set temp_file_limit = '1GB';
alter role citygis_web set idle_in_transaction_session_timeout = '60s';
alter role citygis_web set lock_timeout = '5s';
select 'create database citygis owner citygis_owner' where not exists (select from pg_database where datname = 'citygis') \gexec
SQL
psql_admin -d citygis <<'SQL'
-- A cluster from before the roles: its superuser "citygis" hands everything to the owner and goes.
select 'reassign owned by citygis to citygis_owner' where exists (select from pg_roles where rolname = 'citygis') \gexec
select 'drop owned by citygis' where exists (select from pg_roles where rolname = 'citygis') \gexec
select 'drop role citygis' where exists (select from pg_roles where rolname = 'citygis') \gexec
alter database citygis owner to citygis_owner;
revoke all on database citygis from public;
grant connect, temporary on database citygis to citygis_owner;
grant connect on database citygis to citygis_web;
create extension if not exists postgis;
SQL

# MapServer's mapfiles, the gate and lighttpd's configuration, with this run's ports, folders,
# tile zooms and the built app's content security policy.
bash "$SERVER_DIR/mapfiles.sh" "$RUN_DIR"
url_pattern='^https?://[][A-Za-z0-9.:-]+(/[A-Za-z0-9._~/-]*)?$'
[[ "$PUBLIC_URL" =~ $url_pattern ]] || { echo "CITYGIS_PUBLIC_URL: an http(s) address such as https://gis.example.gov.cn" >&2; exit 2; }
cp "$SERVER_DIR/headers.lua" "$RUN_DIR/headers.lua"
for script in gate links; do
  sed -e "s|@OWS@|$OWS|g" -e "s|@PUBLIC_URL@|$PUBLIC_URL|g" -e "s|@RUN_DIR@|$RUN_DIR|g" -e "s|@POINTS_FROM_ZOOM@|$POINTS_FROM_ZOOM|g" -e "s|@GRID_FROM_ZOOM@|$GRID_FROM_ZOOM|g" \
    "$SERVER_DIR/$script.lua" > "$RUN_DIR/$script.lua"
done
APP_CSP="$(cat "$DIST/content-security-policy.txt" 2>/dev/null || echo "default-src 'self'"); frame-ancestors 'none'"
sed -e "s|@HTTP_PORT@|$HTTP_PORT|g" -e "s|@RUN_DIR@|$RUN_DIR|g" -e "s|@DIST@|$DIST|g" -e "s|@APP_CSP@|${APP_CSP//|/\\|}|g" \
  "$SERVER_DIR/lighttpd.conf" > "$RUN_DIR/lighttpd.conf"
stop_lighttpd "$RUN_DIR"
lighttpd -f "$RUN_DIR/lighttpd.conf"
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null && break; sleep 0.2; done
echo "PostGIS on 127.0.0.1:$PGPORT, MapServer OGC API on http://127.0.0.1:$HTTP_PORT/mapserv/citygis/ogcapi"
