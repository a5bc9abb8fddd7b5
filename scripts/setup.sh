#!/usr/bin/env bash
# Installs what the app and its tests need on a fresh Debian machine with Node 20:
# the npm packages (from package-lock.json); with --browser, Debian's Chromium, CJK fonts, poppler (the PDF test reads text with pdftotext) and
# Mesa's GL drivers for the headless browser tests; with --gdal, Debian's GDAL tools (the import
# and export tests write and read files with ogr2ogr and ogrinfo, as a bureau's GIS does); with
# --server, the PostGIS + MapServer stack (server/install.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

node -e '
  const [maj, min] = process.versions.node.split(".").map(Number);
  if (maj < 20 || (maj === 20 && min < 19)) { console.error(`Node ${process.versions.node} is too old: 20.19 or newer is needed`); process.exit(1); }'

packages=()
server=false
for flag in "$@"; do
  case "$flag" in
    --browser) packages+=(chromium fonts-noto-cjk libgl1-mesa-dri libegl1 libegl-mesa0 poppler-utils) ;;
    --gdal) packages+=(gdal-bin) ;;
    --server) server=true ;;
    *) echo "unknown option $flag" >&2; exit 2 ;;
  esac
done
if ((${#packages[@]})); then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    echo "Installing Debian packages: ${missing[*]}"
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if $server; then bash server/install.sh; fi

# Reinstall only when the lock file changed since the last install.
if [[ ! -f node_modules/.package-lock.json ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
