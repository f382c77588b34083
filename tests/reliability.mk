# Reliability checks with targets of their own (included by the Makefile).
#
#   make asan          the integration suite against an ASan+UBSan build
#   make asan-core     its core cases (what `make test` runs)
#   make valgrind      core cases with `apache2 -X` under memcheck
#   make fuzz          every libFuzzer target for FUZZ_TIME (60) seconds
#   make fuzz-smoke    every libFuzzer target for a few seconds
#   make fuzz-wire     the wire fuzzer against live servers (N=100000)
#   make fuzz-wire-smoke  a short wire fuzz (what `make test` runs)
#   make soak          >= 300,000 requests per MPM, RSS and graceful restarts
#   make reliability-smoke  what `make test` should add: asan,
#                      fuzz-smoke, fuzz-wire-smoke
#
# tests/README.md says what each one covers.

.PHONY: deps-reliability asan asan-build asan-core valgrind fuzz fuzz-build fuzz-smoke \
        fuzz-wire fuzz-wire-smoke soak reliability-smoke asan-overflow-build \
        overflow-build

NICE        ?= nice -n 10

# Debian packages the checks need beyond `make test`'s own.
REL_PKGS    := clang llvm libclang-rt-dev valgrind wrk python3-h2

deps-reliability: deps-test
	$(call need_packages,$(REL_PKGS))

# ---- AddressSanitizer + UndefinedBehaviorSanitizer --------------------
# The module built with clang's sanitizers into build/asan/ (not .libs/),
# linked against the shared runtime (found through its rpath); the harness
# sees that dependency, preloads the runtime into apache2 and fails a test
# on any report (tests/rgtest.py).  clang, because its UBSan writes to the
# report directory like ASan; gcc's (ASAN_CC=gcc) prints to stderr, which
# is Apache's error log, where the harness looks for it too.
ASAN_CC     ?= clang
ASAN_DIR    := $(BUILD)/asan
ASAN_SO     := $(ASAN_DIR)/mod_reqguard.so
SAN_FLAGS   := -fsanitize=address,undefined -fno-sanitize-recover=undefined
SAN_RPATH    = -Wl,-rpath,$(shell $(ASAN_CC) -print-resource-dir)/lib/linux
SAN_RUNTIME  = $(if $(filter clang%,$(notdir $(ASAN_CC))),\
               -shared-libsan $(SAN_RPATH))
HTTPD_CFLAGS = $(APR_CFLAGS) $(shell $(APXS) -q EXTRA_CPPFLAGS)
ASAN_CFLAGS  = -g -O1 -fno-omit-frame-pointer -fPIC $(SAN_FLAGS) \
               $(SAN_RUNTIME) $(WARN) -Iinclude $(HTTPD_CFLAGS)
# The integration tests that exercise every path of the module; the demo
# test runs conf/demo/run.sh, which starts apache2 without the runtime.
ASAN_CORE   := tests/test_harness.py tests/test_headers.py \
               tests/test_remap.py tests/test_body.py \
               tests/test_diagnostics.py tests/test_redirects.py \
               tests/test_ceiling.py tests/test_status.py \
               tests/test_learn.py \
               tests/test_error_path.py tests/test_h2_stall.py \
               tests/test_sanitizers.py

asan-build: deps-reliability
	@$(MAKE) -s --no-print-directory $(ASAN_SO)

$(ASAN_SO): $(SOURCES) $(HEADERS) Makefile tests/reliability.mk
	@mkdir -p $(ASAN_DIR)
	@echo "  ASAN  $@"
	@$(ASAN_CC) -shared $(ASAN_CFLAGS) -o $@ $(SOURCES)

# A throw-away sanitizer build with one byte written past a malloc'ed
# buffer on every refusal (tests/sanitizer/overflow.c; LEAK=1: 64 bytes
# leaked instead), into a directory of the caller's choice:
# tests/test_sanitizers.py builds it.
asan-overflow-build:
	@test -n "$(OUT)" || { echo "OUT=dir required"; exit 1; }
	@mkdir -p $(OUT)
	@$(ASAN_CC) -shared $(ASAN_CFLAGS) -Wl,--wrap=rg_render_body \
	    $(if $(LEAK),-DRG_LEAK) \
	    -o $(OUT)/mod_reqguard.so $(SOURCES) tests/sanitizer/overflow.c

# The same overflow in a build without sanitizers, for memcheck.
overflow-build:
	@test -n "$(OUT)" || { echo "OUT=dir required"; exit 1; }
	@mkdir -p $(OUT)
	@$(CC) -shared -fPIC -g -O1 $(WARN) -Iinclude $(HTTPD_CFLAGS) \
	    -Wl,--wrap=rg_render_body -o $(OUT)/mod_reqguard.so \
	    $(SOURCES) tests/sanitizer/overflow.c

asan: asan-build
	REQGUARD_SO=$(CURDIR)/$(ASAN_SO) $(PYTHON) -m pytest -p no:cacheprovider \
	    --ignore=tests/test_demo.py $(PYTEST_ARGS) tests

asan-core: asan-build
	REQGUARD_SO=$(CURDIR)/$(ASAN_SO) $(PYTHON) -m pytest -p no:cacheprovider \
	    -q $(PYTEST_ARGS) $(ASAN_CORE)

# ---- libFuzzer --------------------------------------------------------
# One target per pure function that sees request data or configuration
# text (tests/fuzz/fuzz_*.c), linked with the pure sources (PURE) the way
# the unit tests are, under ASan+UBSan.  Each run starts from the
# committed seeds (tests/fuzz/corpus/NAME) and keeps what it finds in
# build/fuzz/corpus/NAME; a failing input lands in build/fuzz/artifacts/.
FUZZ_CC      ?= clang
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_NAMES   := $(patsubst tests/fuzz/%.c,%,$(filter-out \
                tests/fuzz/fuzz_pool.c,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BINS    := $(addprefix $(FUZZ_DIR)/,$(FUZZ_NAMES))
FUZZ_TIME    ?= 60
FUZZ_SMOKE_TIME ?= 5
FUZZ_FLAGS   := -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,$(patsubst \
                -fsanitize=%,%,$(firstword $(SAN_FLAGS))) \
                -fno-sanitize-recover=undefined
fuzz-build: deps-reliability
	@$(MAKE) -s --no-print-directory $(FUZZ_BINS)

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_pool.c \
                    tests/fuzz/fuzz_common.h $(PURE) $(HEADERS)
	@mkdir -p $(FUZZ_DIR)
	@echo "  FUZZ  $@"
	@$(FUZZ_CC) $(FUZZ_FLAGS) $(WARN) -Iinclude -Itests/fuzz $(APR_CFLAGS) \
	    -o $@ $< tests/fuzz/fuzz_pool.c $(PURE) $(APR_LIBS)

# run_fuzzers SECONDS: every target in turn, stop at the first finding.
define run_fuzzers
	@mkdir -p $(FUZZ_DIR)/artifacts
	@for t in $(FUZZ_NAMES); do \
	    mkdir -p $(FUZZ_DIR)/corpus/$$t; \
	    printf '  %-16s %ss ' $$t $(1); \
	    $(NICE) $(FUZZ_DIR)/$$t -max_total_time=$(1) -timeout=10 \
	        -rss_limit_mb=2048 -print_final_stats=1 \
	        -artifact_prefix=$(FUZZ_DIR)/artifacts/$$t- \
	        $(FUZZ_DIR)/corpus/$$t tests/fuzz/corpus/$$t \
	        >$(FUZZ_DIR)/$$t.log 2>&1; \
	    rc=$$?; \
	    runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' \
	        $(FUZZ_DIR)/$$t.log); \
	    if [ $$rc -ne 0 ]; then \
	        echo "FAILED (exit $$rc)"; \
	        grep -E 'ERROR|property failed|runtime error|Test unit written' \
	            $(FUZZ_DIR)/$$t.log | head -20; \
	        echo "  log: $(FUZZ_DIR)/$$t.log"; exit 1; \
	    fi; \
	    echo "$$runs runs, 0 findings"; \
	done
endef

fuzz: fuzz-build
	$(call run_fuzzers,$(FUZZ_TIME))

fuzz-smoke: fuzz-build
	$(call run_fuzzers,$(FUZZ_SMOKE_TIME))

# ---- wire fuzzer --------------------------------------------------------
# tests/wire/wire_fuzz.py against a live server with every limit set, in
# the server configuration and in .htaccess.  SEED=n replays a run; the
# short run of `make test` uses the sanitizer build, so malformed input
# also meets ASan and UBSan, and has a fixed seed so that a run of
# `make test` can be repeated byte for byte; the long run draws a new seed
# each time (printed, SEED=n replays it).
N           ?= 100000
WIRE_SMOKE_N ?= 3000
WIRE_SMOKE_SEED ?= 20261201
WIRE_ARGS    = $(if $(SEED),--seed $(SEED))

fuzz-wire: deps-reliability
	@$(MAKE) -s --no-print-directory all
	$(NICE) $(PYTHON) tests/wire/wire_fuzz.py -n $(N) $(WIRE_ARGS)

fuzz-wire-smoke: asan-build
	REQGUARD_SO=$(CURDIR)/$(ASAN_SO) $(NICE) $(PYTHON) \
	    tests/wire/wire_fuzz.py -n $(WIRE_SMOKE_N) \
	    --seed $(if $(SEED),$(SEED),$(WIRE_SMOKE_SEED))

# ---- soak -----------------------------------------------------------------
# SOAK_N requests per server (module and stock) under each MPM, children's
# memory compared, then graceful restarts under load (tests/soak/soak.py).
SOAK_N      ?= 300000
SOAK_MPMS   ?= event,worker,prefork

soak: deps-reliability
	@$(MAKE) -s --no-print-directory all
	$(NICE) $(PYTHON) tests/soak/soak.py -n $(SOAK_N) --mpm $(SOAK_MPMS)

# ---- valgrind -------------------------------------------------------------
# The core cases with every server a single process (apache2 -X) under
# memcheck (REQGUARD_VALGRIND=1, tests/rgtest.py): an error in any frame
# fails the test.  Left out: the body tests that measure time or close a
# connection within a second, and one that counts connections exactly
# (the harness's own start-up probe lands in it): under memcheck
# everything is ~20x slower.
VALGRIND_CORE := tests/test_headers.py tests/test_remap.py \
                 tests/test_diagnostics.py tests/test_redirects.py \
                 tests/test_ceiling.py tests/test_error_path.py \
                 tests/test_body.py
VALGRIND_SKIP := not chunked_body_counted and not mpm_smoke and not stall \
                 and not min_rate and not line_watcher_is_not_on_proxy

valgrind: deps-reliability
	@$(MAKE) -s --no-print-directory all
	REQGUARD_VALGRIND=1 $(NICE) $(PYTHON) -m pytest -p no:cacheprovider -q \
	    -k "$(VALGRIND_SKIP)" $(PYTEST_ARGS) $(VALGRIND_CORE)

# ---- what `make test` runs after the integration suite --------------------
reliability-smoke:
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory fuzz-smoke
	@$(MAKE) --no-print-directory fuzz-wire-smoke
