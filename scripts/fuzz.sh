#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (config_text, source_text, workspace) for FUZZ_SECONDS each
# (default 60), seeded from the conformance corpus. cargo-fuzz wants nightly flags: stable Rust
# takes them with RUSTC_BOOTSTRAP=1. A crash stops its target and is kept in fuzz/artifacts/;
# `cargo fuzz run <target> fuzz/artifacts/<target>/<file>` replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH" RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-config_text source_text workspace}
node scripts/fuzz-seeds.mjs fuzz/corpus
for target in $targets; do
  echo "── fuzzing $target for ${seconds}s"
  cargo fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=20 -print_final_stats=1
done
