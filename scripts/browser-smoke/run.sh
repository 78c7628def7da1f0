#!/usr/bin/env bash
# Manual browser smoke test (not part of `npm test`): bundles dist/ for the browser with esbuild,
# serves it on 127.0.0.1 and loads it in headless Chromium (Debian's `chromium` package:
# `apt-get install chromium`). Prints the page's output: three RMSProp steps, a state dict saved
# and loaded as bytes, and which kernel backend ran (a page that is not cross-origin isolated runs
# the single-threaded WASM SIMD kernels over an ordinary memory).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ -f "$root/dist/index.js" ] || (cd "$root" && npm run build)
"$root/node_modules/.bin/esbuild" "$here/entry.js" --bundle --format=iife --platform=browser --outfile="$here/bundle.js" --log-level=warning
python3 -m http.server 8765 --bind 127.0.0.1 --directory "$here" >/dev/null 2>&1 &
server=$!
trap 'kill $server; rm -f "$here/bundle.js"' EXIT
sleep 1
profile="$(mktemp -d)"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --virtual-time-budget=5000 \
  --dump-dom http://127.0.0.1:8765/index.html 2>/dev/null | sed -n '/<pre/,/<\/pre>/p'
rm -rf "$profile"
