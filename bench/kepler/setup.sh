#!/usr/bin/env bash
# kepler.gl 3.2.6 as its UMD build, for bench/importScale.ts to import the same ledger into
# (a comparison, not a dependency of the app): the packages are fetched from the npm registry into
# .bench-kepler/ beside this page.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.bench-kepler
mkdir -p "$out/packs"
(cd "$out/packs" && npm pack --silent kepler.gl@3.2.6 react@18.3.1 react-dom@18.3.1 redux@4.2.1 react-redux@8.1.3 styled-components@6.1.13 >/dev/null)
for t in "$out"/packs/*.tgz; do tar xzf "$t" -C "$out/packs" --transform "s|^package|$(basename "$t" .tgz)|"; done
cp "$out"/packs/react-18.3.1/umd/react.production.min.js "$out"/packs/react-dom-18.3.1/umd/react-dom.production.min.js \
  "$out"/packs/redux-4.2.1/dist/redux.min.js "$out"/packs/react-redux-8.1.3/dist/react-redux.min.js \
  "$out"/packs/styled-components-6.1.13/dist/styled-components.min.js \
  "$out"/packs/kepler.gl-3.2.6/umd/keplergl.min.js "$out"/packs/kepler.gl-3.2.6/umd/keplergl.min.css "$out/"
cp bench/kepler/index.html "$out/"
echo "kepler.gl 3.2.6 in $out/"
