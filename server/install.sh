#!/usr/bin/env bash
# Installs the server stack from Debian's packages (PostgreSQL 15 + PostGIS 3, MapServer 8's
# CGI/FastCGI binary, lighttpd with its compression module and its Lua module for the request gate
# (server/gate.lua), GDAL's ogr2ogr for loading). Does nothing when all are present.
set -euo pipefail
packages=(postgresql-15 postgresql-15-postgis-3 postgresql-client-15 cgi-mapserver mapserver-bin lighttpd lighttpd-mod-deflate lighttpd-modules-lua gdal-bin)
missing=()
for p in "${packages[@]}"; do [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || missing+=("$p"); done
((${#missing[@]})) || exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
# Debian starts a packaged service on install; the stack runs only from this repo's scripts, on
# loopback, so services are held back (policy-rc.d) while these packages install.
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
