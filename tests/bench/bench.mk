# Benchmarks (included by the Makefile).
#
#   make bench            the whole benchmark, written to docs/benchmarks.md
#   make bench-smoke      one instruction figure against a generous bound
#   make bench-breakdown CONFIG=all REQUEST=heavy
#                         where one request's instructions go, function by
#                         function (bench.py --list names the choices)
#   make bench-floor      what a watcher of the header lines costs at the
#                         least: two reference filters beside the module

BENCH_PKGS := valgrind wrk nghttp2-client libapache2-mod-security2

.PHONY: bench bench-smoke bench-breakdown bench-floor

bench: deps-test
	@$(MAKE) -s --no-print-directory all
	$(call need_packages,$(BENCH_PKGS))
	@$(PYTHON) tests/bench/bench.py $(BENCH_ARGS)

bench-smoke:
	@$(MAKE) -s --no-print-directory all
	$(call need_packages,valgrind)
	@$(PYTHON) tests/bench/bench.py --smoke

CONFIG  ?= all
REQUEST ?= heavy
bench-breakdown:
	@$(MAKE) -s --no-print-directory all
	$(call need_packages,$(BENCH_PKGS))
	@$(PYTHON) tests/bench/bench.py --breakdown $(CONFIG) $(REQUEST)

bench-floor:
	@$(MAKE) -s --no-print-directory all
	$(call need_packages,valgrind)
	@$(PYTHON) tests/bench/floor.py
