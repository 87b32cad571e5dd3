# Thin wrapper over scripts/setup and the CMake presets: no build logic of its own.
#   make serve   set up, build the wasm app, serve it on http://127.0.0.1:$(PORT)
#   make test    set up, build native + asan + fuzz + wasm; run unit, golden, CLI, reliability,
#                fuzz (60 s a target), wasm, node and browser tests
#   make bench   set up, build release, run the benchmarks, write docs/benchmarks.md
PORT ?= 8000
export NODE_PATH := /usr/share/nodejs

.PHONY: all setup native wasm serve test test-native test-asan test-fuzz test-wasm bench clean

all: native wasm

setup:
	@./scripts/setup

native: setup
	cmake --preset dev
	cmake --build --preset dev

wasm: setup
	cmake --preset wasm
	cmake --build --preset wasm
	@echo "page: build/wasm/web/index.html   single file: build/wasm/web/dyad.html"

serve: wasm
	./scripts/serve build/wasm/web $(PORT)

test-native: setup
	cmake --workflow --preset dev

test-asan: setup
	cmake --workflow --preset asan

# libFuzzer targets (clang), FUZZ_SECONDS each from their seed corpora; docs/reliability.md.
FUZZ_SECONDS ?= 60
test-fuzz: setup
	cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DDYAD_BUILD_FUZZ=ON -DDYAD_BUILD_TESTS=OFF -DDYAD_FUZZ_SECONDS=$(FUZZ_SECONDS)
	cmake --build build/fuzz
	ctest --test-dir build/fuzz -L fuzz --output-on-failure

test-wasm: setup
	cmake --workflow --preset wasm

test: test-native test-asan test-fuzz test-wasm

bench: setup
	./bench/run

clean:
	rm -rf build
