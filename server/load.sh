#!/usr/bin/env bash
# Loads a dataset of the documented schema (data/README.md: one GeoJSON file per collection, at
# any scale) into PostGIS: ogr2ogr streams each file into a staging table, then sql/load.sql
# types the rows, assigns each feature's town once, splits patches and track between towns and
# builds the indexes; then grants the web role what it serves (sql/grants.sql). Runs as the
# owner role. Replaces what was loaded before.
#   Usage: server/load.sh [--fast] [DATA_DIR]
#   --fast: fsync and full_page_writes off for this bulk load only (a crash during it may need
#           initdb and a reload), on again when it ends, however it ends.
set -euo pipefail
source "$(dirname "$0")/env.sh"
export PGOPTIONS="-c client_min_messages=warning"
fast=false
[[ "${1:-}" == --fast ]] && { fast=true; shift; }
DATA="${1:-$REPO_DIR/public/data}"
durable() { # on|off
  if [[ $1 == off ]]; then
    psql_admin -d postgres -c "alter system set fsync = off" -c "alter system set full_page_writes = off" -c "select pg_reload_conf()" >/dev/null
  else
    psql_admin -d postgres -c "alter system reset fsync" -c "alter system reset full_page_writes" -c "select pg_reload_conf()" -c "checkpoint" >/dev/null
  fi
}
if $fast; then
  durable off
  trap 'durable on' EXIT
fi
[[ -f "$DATA/towns.geojson" ]] || { echo "no towns.geojson in $DATA" >&2; exit 1; }
psql -qX -v ON_ERROR_STOP=1 -c "drop schema if exists citygis cascade" -f "$SERVER_DIR/sql/schema.sql" -c "drop schema if exists staging cascade; create schema staging"
stage() { # file table
  [[ -f "$DATA/$1.geojson" ]] || { echo "  $1.geojson: not in $DATA, left empty"; return 0; }
  ogr2ogr -f PostgreSQL "PG:host=$PGHOST port=$PGPORT dbname=$PGDATABASE user=$PGUSER" "$DATA/$1.geojson" \
    -nln "staging.$2" -oo DATE_AS_STRING=YES -lco LAUNDER=NO -lco GEOMETRY_NAME=geom -lco FID=ogc_fid \
    -lco SPATIAL_INDEX=NONE -lco UNLOGGED=ON -gt 100000 --config PG_USE_COPY YES
}
start=$EPOCHREALTIME
# Two at a time: the machine this runs on has two cores; the large case files go first.
pids=()
for pair in lamp-faults:lamp_faults manholes:manholes manhole-defects:manhole_defects lamps:lamps patches:patches \
            railway-issues:railway_issues roads:roads towns:towns district:district railways:railways railway-corridor:railway_corridor; do
  stage "${pair%%:*}" "${pair##*:}" & pids+=($!)
  if ((${#pids[@]} >= 2)); then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p"; done
# Each case's H3 cell for the hot spots (no H3 extension in Debian's PostGIS): streamed through
# h3-js, the engine's own library, and back.
psql -qX -v ON_ERROR_STOP=1 -c "create table staging.case_cells (tbl text not null, id text not null, cell text not null)"
for t in lamp_faults manhole_defects railway_issues; do
  [[ $(psql -qXtA -c "select to_regclass('staging.$t') is not null") == t ]] || continue
  psql -qX -v ON_ERROR_STOP=1 -c "copy (select '$t', id, st_x(geom), st_y(geom) from staging.$t) to stdout" \
    | node "$SERVER_DIR/h3cells.mjs" cases | psql -qX -v ON_ERROR_STOP=1 -c "copy staging.case_cells from stdin"
done
psql -qX -v ON_ERROR_STOP=1 -f "$SERVER_DIR/sql/load.sql"
psql -qX -v ON_ERROR_STOP=1 -c "copy (select cell from citygis.lamp_faults union select cell from citygis.manhole_defects
  union select cell from citygis.railway_issues except select null) to stdout" \
  | node "$SERVER_DIR/h3cells.mjs" centres | psql -qX -v ON_ERROR_STOP=1 -c "copy citygis.hot_cells (cell, lon, lat) from stdin"
psql -qX -v ON_ERROR_STOP=1 -c "update citygis.hot_cells set town = nullif(citygis.town_of(st_setsrid(st_point(lon, lat), 4326)), 'outside'); analyze citygis.hot_cells"
psql -qX -v ON_ERROR_STOP=1 -f "$SERVER_DIR/sql/api.sql" -f "$SERVER_DIR/sql/stats.sql" -f "$SERVER_DIR/sql/series.sql" -f "$SERVER_DIR/sql/kpis.sql" -f "$SERVER_DIR/sql/hotspots.sql" -f "$SERVER_DIR/sql/warnings.sql" -f "$SERVER_DIR/sql/assessment.sql" \
  -f "$SERVER_DIR/sql/grants.sql"
# Each case collection's first time, for the OGC API's temporal extents (links.lua reads it).
psql -qXtA -v ON_ERROR_STOP=1 -c "select 'return {' || string_agg(format('[%L] = %L', id, citygis.iso_cst(t)), ', ') || '}' from (
  select 'lamp-faults' as id, min(reported_at) as t from citygis.lamp_faults union all select 'manhole-defects', min(reported_at) from citygis.manhole_defects
  union all select 'railway-issues', min(reported_at) from citygis.railway_issues union all select 'patches', min(detected_at) from citygis.patches) e
  where t is not null" > "$RUN_DIR/temporal.lua.new"
chmod 644 "$RUN_DIR/temporal.lua.new" && mv "$RUN_DIR/temporal.lua.new" "$RUN_DIR/temporal.lua"
printf "loaded %s in %.1f s:\n" "$DATA" "$(awk "BEGIN{print $EPOCHREALTIME - $start}")"
psql -qXtA -c "select string_agg(format('%s %s', t, n), ', ') from (values
  ('lamps', (select count(*) from citygis.lamps)), ('lamp_faults', (select count(*) from citygis.lamp_faults)),
  ('manholes', (select count(*) from citygis.manholes)), ('manhole_defects', (select count(*) from citygis.manhole_defects)),
  ('patches', (select count(*) from citygis.patches)), ('railway_issues', (select count(*) from citygis.railway_issues))) v(t, n)"
