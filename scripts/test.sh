#!/usr/bin/env bash
# The README's second command: sets up everything (npm packages, Debian's Chromium, the PostGIS +
# MapServer stack) and runs every check: type check, lint, unit tests, production build, the server
# integration tests (they start the stack on loopback, load the default data and stop it),
# browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser --gdal --server
mkdir -p test-results
rm -f test-results/*.json

step() { printf '\n== %s\n' "$*"; }
step "type check";      npm run --silent typecheck
step "lint";            npm run --silent lint
step "generate data";   npm run --silent data
step "unit tests";      npx vitest run --project unit --reporter=default --reporter=json --outputFile=test-results/unit.json
step "build";           npm run --silent build
step "dev mock-API build"; npx vite build --mode mock-api --outDir dist-api --emptyOutDir >/dev/null
# After the build: the server stack serves the built app beside MapServer, and its tests check the app's headers too.
step "server integration tests (PostGIS + MapServer)"
npx vitest run --project server --reporter=default --reporter=json --outputFile=test-results/server.json
step "browser tests";   npx vitest run --project browser --reporter=default --reporter=json --outputFile=test-results/browser.json
node scripts/test-summary.mjs test-results/unit.json test-results/server.json test-results/browser.json
