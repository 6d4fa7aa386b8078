# Everything a contributor needs; `.ci/run` calls `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR ?= never

.PHONY: setup build demo test test-rust test-js lint gen gen-check bench fuzz clean

setup:
	@scripts/setup.sh

build: setup
	@scripts/build-wasm.sh
	@scripts/build-swc.sh

## Builds everything and runs Palisade (through ESLint) on the example workspace.
demo: build
	@echo "── npx eslint . in examples/nx-nest"
	@cd examples/nx-nest && { npx eslint . --format ../../npm/palisade/src/formatter.js; status=$$?; [ $$status -le 1 ]; }

## The whole suite: generated files, lints, Rust tests (core, conformance, example), JS tests
## (ESLint 10 and 9 on the conformance corpus and the example; the `palisade check` CLI).
test: build gen-check lint test-rust test-js

test-rust:
	cargo test --workspace --exclude palisade_wasm

test-js:
	node --test --test-concurrency=1 tests/eslint/ tests/cli/ tests/swc/ tests/nx/ tests/boundaries/ tests/stress/

lint:
	cargo fmt --all --check
	cargo clippy --workspace --exclude palisade_wasm --all-targets -- -D warnings
	cargo clippy -p palisade_wasm --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p palisade_swc --target wasm32-wasip1 -- -D warnings
	npx eslint .

gen:
	cargo run -q -p palisade_native --bin palisade-gen

gen-check:
	cargo run -q -p palisade_native --bin palisade-gen -- --check

bench: build
	node bench/run.mjs
	node bench/run.mjs --suite swc

## libFuzzer on the config, source and workspace properties (FUZZ_SECONDS each, default 60).
## Not part of `make test`: the time-boxed property tests are (crates/palisade_native/tests).
fuzz:
	scripts/fuzz.sh

clean:
	rm -rf target npm/palisade/wasm bench/workspaces fuzz/target
