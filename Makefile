# mod_reqguard - build, run, test, install.
#
#   make            build mod_reqguard.so with apxs
#   make run        build and serve the demo site on 127.0.0.1:$(PORT)
#   make test       build; unit tests, cost smoke, sanitizer and fuzz smoke,
#                   the integration tests
#   make install    install the module, its conf files and manual page
#   make uninstall  remove what make install installed (edited conf kept)
#   make deb        build the Debian package libapache2-mod-reqguard
#   make test-package  build it, install it into this machine's
#                   /etc/apache2, serve a 431 on a loopback port, purge it
#
# `make run`, `make test` and `make deb` install missing Debian packages
# themselves.

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
TEST_PKGS := $(RUN_PKGS) python3-pytest python3-prometheus-client python3-yaml \
             curl gdb \
             nghttp2-client php-fpm \
             libapache2-mod-security2 chromium

# Unit tests: pure logic (the sources that do not include the private
# header, i.e. do not talk to Apache), linked against APR only.
PURE       := $(shell grep -L reqguard_private.h $(filter-out mod_reqguard.c,$(SOURCES)))
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(wildcard tests/unit/test_*.c))
APR_CFLAGS = $(shell apr-1-config --cflags --cppflags --includes) \
             -I$(shell $(APXS) -q INCLUDEDIR)
APR_LIBS   = $(shell apr-1-config --link-ld --libs)

.PHONY: all run test unit integration install uninstall deb test-package \
        clean deps-run deps-test check-config

all: .libs/mod_reqguard.so

.libs/mod_reqguard.so: $(SOURCES) $(HEADERS) Makefile
	@mkdir -p $(BUILD)
	@echo "  APXS  mod_reqguard.so"
	@$(APXS) $(APXS_CC) -c $(foreach w,$(WARN),-Wc,$(w)) \
	    -Wc,-fvisibility=hidden -Iinclude \
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

# The integration suite runs last, so that make test ends with pytest's
# summary; before it, the cost smoke and the reliability smoke (the whole
# suite under ASan+UBSan, the fuzzers for a few seconds each, a short wire
# fuzz).
test: deps-test
	@$(MAKE) --no-print-directory all unit check-config
	@$(MAKE) --no-print-directory bench-smoke
	@$(MAKE) --no-print-directory reliability-smoke
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

# ---- install, uninstall --------------------------------------------------
#
# The module goes where apxs says (Debian: /usr/lib/apache2/modules), the
# conf files to $(APACHE_CONF)/mods-available, the manual page under
# $(PREFIX).  A conf file is handled the way dpkg handles a conffile: a
# copy of what was installed is kept in $(PRISTINE); a file still equal to
# that copy (or to the new one) is replaced, an edited one is kept and the
# new version is written beside it as <file>.dist.  DESTDIR works for all
# of it.  Both targets refuse while the Debian package is installed.
PREFIX      ?= /usr/local
APACHE_CONF ?= /etc/apache2
LIBEXECDIR   = $(shell $(APXS) -q LIBEXECDIR)
MANDIR      ?= $(PREFIX)/share/man
PRISTINE    ?= $(PREFIX)/share/mod_reqguard
CONF_FILES  := reqguard.load reqguard.conf
DEB_NAME    := libapache2-mod-reqguard

define refuse_if_packaged
	@if [ -z "$(DESTDIR)" ] && dpkg-query -W -f='$${Status}' $(DEB_NAME) \
	        2>/dev/null | grep -q "ok installed"; then \
	    echo "$(DEB_NAME) is installed: apt-get remove it first" >&2; \
	    exit 1; \
	fi
endef

install: all
	$(refuse_if_packaged)
	@install -d $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(MANDIR)/man8 \
	    $(DESTDIR)$(APACHE_CONF)/mods-available $(DESTDIR)$(PRISTINE)
	install -m 644 .libs/mod_reqguard.so $(DESTDIR)$(LIBEXECDIR)/
	install -m 644 docs/mod_reqguard.8 $(DESTDIR)$(MANDIR)/man8/
	@for f in $(CONF_FILES); do \
	    dst=$(DESTDIR)$(APACHE_CONF)/mods-available/$$f; \
	    old=$(DESTDIR)$(PRISTINE)/$$f; \
	    if [ -e "$$dst" ] && cmp -s "$$dst" conf/$$f; then \
	        echo "unchanged $$dst"; rm -f "$$dst.dist"; \
	    elif [ ! -e "$$dst" ] || cmp -s "$$dst" "$$old"; then \
	        install -m 644 conf/$$f "$$dst"; echo "installed $$dst"; \
	        rm -f "$$dst.dist"; \
	    else \
	        install -m 644 conf/$$f "$$dst.dist"; \
	        echo "kept your edited $$dst; the new one is $$dst.dist"; \
	    fi; \
	    install -m 644 conf/$$f "$$old"; \
	done
	@[ -n "$(DESTDIR)" ] || echo "enable with: a2enmod reqguard"

uninstall:
	$(refuse_if_packaged)
	@if [ -z "$(DESTDIR)" ] && [ -e $(APACHE_CONF)/mods-enabled/reqguard.load ]; \
	then a2dismod -q reqguard; \
	else rm -f $(DESTDIR)$(APACHE_CONF)/mods-enabled/reqguard.load \
	           $(DESTDIR)$(APACHE_CONF)/mods-enabled/reqguard.conf; \
	fi
	rm -f $(DESTDIR)$(LIBEXECDIR)/mod_reqguard.so \
	    $(DESTDIR)$(MANDIR)/man8/mod_reqguard.8
	@for f in $(CONF_FILES); do \
	    dst=$(DESTDIR)$(APACHE_CONF)/mods-available/$$f; \
	    rm -f "$$dst.dist"; \
	    if [ ! -e "$$dst" ]; then :; \
	    elif cmp -s "$$dst" $(DESTDIR)$(PRISTINE)/$$f \
	            || cmp -s "$$dst" conf/$$f; then \
	        rm -f "$$dst"; echo "removed $$dst"; \
	    else \
	        echo "kept your edited $$dst"; \
	    fi; \
	    rm -f $(DESTDIR)$(PRISTINE)/$$f; \
	done
	@rmdir $(DESTDIR)$(PRISTINE) 2>/dev/null || true

# ---- the Debian package ---------------------------------------------------
#
# Built from a copy of the tree in $(BUILD)/deb/src, so that the package
# build neither cleans this tree nor writes beside it; the .deb lands in
# $(BUILD)/deb/.
DEB_PKGS    := build-essential dpkg-dev debhelper apache2-dev
DEB_VERSION  = $(shell dpkg-parsechangelog -l debian/changelog -S Version)
DEB_ARCH     = $(shell dpkg --print-architecture)
DEB_FILE     = $(BUILD)/deb/$(DEB_NAME)_$(DEB_VERSION)_$(DEB_ARCH).deb
# /etc/apache2 is the machine's: one package test at a time.
PACKAGE_LOCK := /run/lock/mod_reqguard-test-package.lock

deb:
	$(call need_packages,$(DEB_PKGS))
	@rm -rf $(BUILD)/deb
	@mkdir -p $(BUILD)/deb/src
	@tar -c --exclude-vcs --exclude=./build --exclude=./.libs \
	    --exclude='*.o' --exclude='*.lo' --exclude='*.slo' --exclude='*.la' \
	    --exclude=__pycache__ . | tar -x -C $(BUILD)/deb/src
	@cd $(BUILD)/deb/src && { dpkg-checkbuilddeps 2>/dev/null \
	    || DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -qq . \
	       >/dev/null; }
	@echo "  DEB   $(notdir $(DEB_FILE))"
	@cd $(BUILD)/deb/src && dpkg-buildpackage -us -uc -b \
	    >../build.log 2>&1 || { tail -40 ../build.log; exit 1; }
	@ls $(DEB_FILE)

test-package: deb deps-test
	REQGUARD_DEB=$(abspath $(DEB_FILE)) flock $(PACKAGE_LOCK) \
	    $(PYTHON) -m pytest -p no:cacheprovider $(PYTEST_ARGS) \
	    tests/test_package.py

# Targets of their own: the reliability checks (sanitizers, valgrind,
# fuzzers, soak) and the benchmarks.
include tests/reliability.mk
include tests/bench/bench.mk

clean:
	rm -rf $(BUILD) .libs *.o *.lo *.slo *.la
