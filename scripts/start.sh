#!/usr/bin/env bash
# The README's first command: sets up, generates the bundled Zhangqiu dataset, builds the app
# and serves it (offline; nothing outside this machine is needed). HOST and PORT may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run data
npm run build
echo "Open http://${HOST:-127.0.0.1}:${PORT:-4173}/  (Ctrl+C to stop)"
exec npx vite preview --host "${HOST:-127.0.0.1}" --port "${PORT:-4173}" --strictPort
