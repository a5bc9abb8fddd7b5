#!/usr/bin/env bash
# Writes MapServer's mapfiles and configuration into a folder (start.sh: the run folder), with
# this run's database port, the folder itself, the web role's password file (the stack's run
# folder's, env.sh), whether WMS / WFS are on (CITYGIS_OWS) and the tile zooms in place of the
# templates' @…@ names.
#   bash server/mapfiles.sh OUT_DIR
set -euo pipefail
source "$(dirname "$0")/env.sh"
out="$1"
mkdir -p "$out/www" # MapServer's log (mapserver.conf)
points_scale="$(scale_from_zoom "$POINTS_FROM_ZOOM")"
grid_scale="$(scale_from_zoom "$GRID_FROM_ZOOM")"
# WMS / WFS answer only when asked for (CITYGIS_OWS=on), and then capped as the OGC API is.
if [[ "${CITYGIS_OWS:-off}" == on ]]; then ows_requests="GetCapabilities GetMap GetFeature DescribeFeatureType"; else ows_requests="!*"; fi
for mapfile in "$SERVER_DIR"/mapserver/*.map; do
  sed -e "s|@PGPORT@|$PGPORT|g" -e "s|@RUN_DIR@|$out|g" -e "s|@PASSFILE@|$WWW_DIR/pgpass|g" -e "s|@OWS_REQUESTS@|$ows_requests|g" -e "s|@PUBLIC_URL@|$PUBLIC_URL|g" \
    -e "s|@POINTS_SCALE@|$points_scale|g" -e "s|@GRID_SCALE@|$grid_scale|g" \
    "$mapfile" > "$out/$(basename "$mapfile")"
done
sed -e "s|@RUN_DIR@|$out|g" -e "s|@MAPFILE@|$out/citygis.map|g" "$SERVER_DIR/mapserver/mapserver.conf" > "$out/mapserver.conf"
