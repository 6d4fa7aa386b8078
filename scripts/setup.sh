#!/usr/bin/env bash
# Installs what a fresh machine (rustup, Node 20, npm) lacks, and skips what is already there:
# the two wasm targets, the pinned wasm-bindgen-cli, and the npm packages from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
WASM_BINDGEN_VERSION=0.2.130

installed_targets=$(rustup target list --installed)
for target in wasm32-unknown-unknown wasm32-wasip1; do
  grep -qx "$target" <<<"$installed_targets" || rustup target add "$target"
done

if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION"; then
  # Not --locked: the locked tree wants a crate version the registry lacks (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
