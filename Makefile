# mod_reqguard - build, run, test, install.
#
#   make            build mod_reqguard.so with apxs
#   make run        build and serve the demo site on 127.0.0.1:$(PORT)
#   make test       build, run the C unit tests and the integration tests
#   make install    install the module and its Debian conf files
#
# `make run` and `make test` install missing Debian packages themselves.

APXS     ?= apxs
APACHE2  ?= /usr/sbin/apache2
PYTHON   ?= /usr/bin/python3
PORT     ?= 8080
CC       ?= cc
BUILD    := build

SOURCES  := mod_reqguard.c $(sort $(wildcard reqguard_*.c))
HEADERS  := $(wildcard include/*.h)
WARN     := -Wall -Wextra -Werror
APXS_CC  := $(if $(filter clang%,$(notdir $(CC))),-S CC=$(CC))

# Debian packages each target needs.
RUN_PKGS  := apache2 apache2-dev
TEST_PKGS := $(RUN_PKGS) python3-pytest python3-prometheus-client curl \
             nghttp2-client php-fpm \
             libapache2-mod-security2 chromium

# Unit tests: pure logic (the sources that do not include the private
# header, i.e. do not talk to Apache), linked against APR only.
PURE       := $(shell grep -L reqguard_private.h $(filter-out mod_reqguard.c,$(SOURCES)))
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(wildcard tests/unit/test_*.c))
APR_CFLAGS = $(shell apr-1-config --cflags --cppflags --includes) \
             -I$(shell $(APXS) -q INCLUDEDIR)
APR_LIBS   = $(shell apr-1-config --link-ld --libs)

.PHONY: all run test unit integration install clean deps-run deps-test \
        check-config

all: .libs/mod_reqguard.so

.libs/mod_reqguard.so: $(SOURCES) $(HEADERS) Makefile
	@mkdir -p $(BUILD)
	@echo "  APXS  mod_reqguard.so"
	@$(APXS) $(APXS_CC) -c $(foreach w,$(WARN),-Wc,$(w)) -Iinclude \
	    -o mod_reqguard.la $(SOURCES) >$(BUILD)/apxs.log 2>&1 \
	    || { grep -E -A3 'error:|warning:' $(BUILD)/apxs.log \
	         || cat $(BUILD)/apxs.log; exit 1; }

# Install whatever Debian packages are missing; quiet when all are there.
define need_packages
	@missing=""; \
	for p in $(1); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
	        | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	        apt-get install -y -qq $$missing >/dev/null || exit 1; \
	fi
endef

deps-run:
	$(call need_packages,$(RUN_PKGS))

deps-test:
	$(call need_packages,$(TEST_PKGS))

run: deps-run
	@$(MAKE) -s --no-print-directory all
	@conf/demo/run.sh $(PORT) $(CURDIR)/.libs/mod_reqguard.so

test: deps-test
	@$(MAKE) --no-print-directory all unit check-config
	@$(MAKE) --no-print-directory integration

$(BUILD)/unit/%: tests/unit/%.c $(SOURCES) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -g -O1 $(APR_CFLAGS) -Iinclude -o $@ $< $(PURE) $(APR_LIBS)

unit: $(UNIT_TESTS)
	@for t in $(UNIT_TESTS); do $$t || exit 1; done

check-config:
	@$(PYTHON) tests/check_config.py include/reqguard_config.h reqguard_config.c

integration:
	$(PYTHON) -m pytest -p no:cacheprovider $(PYTEST_ARGS) tests

install: all
	$(APXS) -i -n reqguard .libs/mod_reqguard.so
	install -m 644 conf/reqguard.load conf/reqguard.conf \
	    /etc/apache2/mods-available/

# Targets of their own: the reliability checks (sanitizers, valgrind,
# fuzzers, soak) and the benchmarks.
include tests/reliability.mk
include tests/bench/bench.mk

clean:
	rm -rf $(BUILD) .libs *.o *.lo *.slo *.la
