#!/usr/bin/env bash
# Builds the wasm-bindgen module into npm/palisade/wasm: cargo (one crate, one target, so the SWC
# plugin's features never leak in), wasm-bindgen --target nodejs, then wasm-opt from npm binaryen.
set -euo pipefail
cd "$(dirname "$0")/.."
out=npm/palisade/wasm
cargo build -p palisade_wasm --target wasm32-unknown-unknown --profile release-wasm
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target nodejs --out-dir "$out" target/wasm32-unknown-unknown/release-wasm/palisade_wasm.wasm
# --target nodejs emits CommonJS; the package is "type": "module".
echo '{ "type": "commonjs" }' > "$out/package.json"
node_modules/.bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/palisade_wasm_bg.wasm" -o "$out/palisade_wasm_bg.wasm"
echo "built $out/palisade_wasm_bg.wasm ($(wc -c < "$out/palisade_wasm_bg.wasm") bytes)"
