# Roost developer entry points. CMake does the building; this file only sequences steps.
#   make test         deps + build + ctest + fuzz smoke + conformance (what .ci/run runs)
#   make conformance DIR=path   run every .svtest under DIR (table, then "N passed, N failed")
#   make run          deps + build + scripts/demo
#   SKIP_DEPS=1 ...   do not touch apt;  BUILD_DIR=dir ...   build elsewhere (default: build)

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

CORPUS ?= ../shared/conformance/pigeonhole/tests

.PHONY: all deps build test run bench bench-auth bench-lmtp bench-managesieve fuzz fuzz-smoke conformance conformance-all clean

all: build

deps:
ifeq ($(SKIP_DEPS),1)
	@echo "deps: skipped (SKIP_DEPS=1)"
else
	scripts/install-deps
endif

build: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(BUILD_DIR) -j$(JOBS)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS)
	$(MAKE) --no-print-directory fuzz-smoke
	$(MAKE) --no-print-directory conformance-all

# Our own .svtest scripts must all pass; the shared Pigeonhole corpus is held by the ratchet
# in testsuite/expected-pass.txt. The corpus runs last so CI output ends with its tally.
conformance-all:
	BUILD_DIR=$(BUILD_DIR) scripts/conformance --strict testsuite/core
	@if [ -d testsuite/extensions ]; then \
	  BUILD_DIR=$(BUILD_DIR) scripts/conformance --strict testsuite/extensions; fi
	@if [ -d rfc/tests ]; then BUILD_DIR=$(BUILD_DIR) scripts/conformance --strict rfc/tests; fi
	@if [ -d $(CORPUS) ]; then \
	  BUILD_DIR=$(BUILD_DIR) scripts/conformance --expected testsuite/expected-pass.txt $(CORPUS); \
	else echo "conformance: $(CORPUS) not present, corpus skipped"; fi

conformance:
	@if [ -z "$(DIR)" ]; then echo "usage: make conformance DIR=path/to/svtests"; exit 64; fi
	BUILD_DIR=$(BUILD_DIR) scripts/conformance $(DIR)

# Optional steps call scripts that other work items own; absent ones are skipped loudly,
# present ones run as they are (a missing +x fails rather than silently skipping).
fuzz-smoke:
	@if [ -e scripts/fuzz-smoke ]; then BUILD_DIR=$(BUILD_DIR) scripts/fuzz-smoke; \
	else echo "fuzz-smoke: scripts/fuzz-smoke not present, skipping"; fi

fuzz: fuzz-smoke

run: build
	@if [ -e scripts/demo ]; then BUILD_DIR=$(BUILD_DIR) scripts/demo; \
	else echo "run: scripts/demo not present, nothing to run"; fi

bench: build
	@if [ -x $(BUILD_DIR)/bench/sieve_bench ]; then $(BUILD_DIR)/bench/sieve_bench; \
	else echo "bench: $(BUILD_DIR)/bench/sieve_bench not built, skipping"; fi

# Logins/s of roost serve and Dovecot on the same passwd-file and MariaDB table (README: Performance).
bench-auth: build
	bench/compare-auth.sh $(BUILD_DIR)

# Roost's LMTP against Dovecot 2.3's on the same machine (needs root): messages/s, p99, ratio.
bench-lmtp: build
	bench/lmtp-load $(BUILD_DIR)

# Roost's ManageSieve against Dovecot 2.3's (needs root): operations/s and the ratio.
bench-managesieve: build
	bench/managesieve-load $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR)
