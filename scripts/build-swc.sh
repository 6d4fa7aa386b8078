#!/usr/bin/env bash
# Builds an SWC transform plugin: by default Palisade's, into
# npm/palisade-swc-plugin/palisade_swc.wasm; `scripts/build-swc.sh <crate> <out.wasm>` builds
# another the same way (the bench's empty plugin). cargo for wasm32-wasip1 (one crate, so its
# swc_core features stay out of the wasm-bindgen module; the `swc_ast_unknown` cfg comes from
# .cargo/config.toml), then wasm-opt -O3 from npm binaryen (speed over size: see the profile).
set -euo pipefail
cd "$(dirname "$0")/.."
crate="${1:-palisade_swc}"
out="${2:-npm/palisade-swc-plugin/palisade_swc.wasm}"
if [ -n "${RUSTFLAGS:-}" ]; then
  # RUSTFLAGS replaces the config's rustflags: keep the plugin ABI flag.
  export RUSTFLAGS="$RUSTFLAGS --cfg=swc_ast_unknown"
fi
cargo build -p "$crate" --target wasm32-wasip1 --profile release-swc
mkdir -p "$(dirname "$out")"
node_modules/.bin/wasm-opt -O3 --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "target/wasm32-wasip1/release-swc/$crate.wasm" -o "$out"
echo "built $out ($(wc -c < "$out") bytes)"
