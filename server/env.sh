# Shared settings of the server scripts (sourced). Everything runs on loopback, under .server/.
SERVER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$SERVER_DIR")"
RUN_DIR="${CITYGIS_RUN_DIR:-$REPO_DIR/.server}"
PG_BIN=/usr/lib/postgresql/15/bin
# Two database roles (start.sh creates them): the owner loads and owns the schema; the web role,
# MapServer's, may only read the published views and call the statistics functions. Their
# passwords are generated at first start into $SECRETS (root only, 0600); the scripts connect as the owner.
OWNER_ROLE=citygis_owner
WEB_ROLE=citygis_web
SECRETS="$RUN_DIR/secrets"
# What MapServer (as www-data) may touch: its socket, its log and the web role's password file.
WWW_DIR="$RUN_DIR/www"
export PGHOST=127.0.0.1 PGPORT="${CITYGIS_PG_PORT:-55432}" PGUSER="$OWNER_ROLE" PGDATABASE=citygis PGPASSFILE="$SECRETS/pgpass"
HTTP_PORT="${CITYGIS_HTTP_PORT:-8089}"
# The address clients reach the stack at, for the absolute links of the OGC API and the TileJSON:
# this machine's lighttpd by default; behind a bureau's reverse proxy, the proxy's public address.
PUBLIC_URL="${CITYGIS_PUBLIC_URL:-http://127.0.0.1:$HTTP_PORT}"
PUBLIC_URL="${PUBLIC_URL%/}"
# The superuser is reached only over the cluster's Unix socket, by peer authentication.
as_postgres() {
  if [[ $(id -un) == postgres ]]; then "$@"
  elif [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"
  else sudo -u postgres "$@"; fi
}
# Stops a lighttpd started here and the MapServer FastCGI processes it spawned, which outlive it
# otherwise. Its children are noted first and stopped after it, so it cannot respawn one.
stop_lighttpd() {
  local pid children
  [[ -f "$1/lighttpd.pid" ]] || return 0
  pid="$(cat "$1/lighttpd.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    children="$(pgrep -P "$pid" || true)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    # shellcheck disable=SC2086
    [[ -z "$children" ]] || kill $children 2>/dev/null || true
  fi
  rm -f "$1/lighttpd.pid" "$1"/www/mapserv.sock*
}
# What the vector tiles carry at each zoom (tiles.map): points from CITYGIS_POINTS_FROM_ZOOM,
# grid totals from CITYGIS_GRID_FROM_ZOOM, town totals below. A city much denser than the
# district starts its points later (zoom 16 at 100x: a zoom-15 tile of points is 1.5 MB there).
POINTS_FROM_ZOOM="${CITYGIS_POINTS_FROM_ZOOM:-14}"
GRID_FROM_ZOOM="${CITYGIS_GRID_FROM_ZOOM:-12}"
# The scale denominator halfway (in log) between zoom z-1 and zoom z, as MapServer measures a
# 256-px web-mercator tile at 72 dpi (z14 is 27,100); a layer with it as MAXSCALEDENOM starts at z.
scale_from_zoom() { awk -v z="$1" 'BEGIN { printf "%d", 27100 * 2 ^ (14 - z) * 1.5 }'; }
# psql as the superuser, over the Unix socket.
psql_admin() { PGOPTIONS="-c client_min_messages=warning" as_postgres psql -h "$RUN_DIR/pg" -p "$PGPORT" -U postgres -qX -v ON_ERROR_STOP=1 "$@"; }
