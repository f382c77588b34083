# Benchmarks (included by the Makefile).
#
#   make bench    instructions per clean request, stock and with the module

.PHONY: bench

bench: deps-test
	@$(MAKE) -s --no-print-directory all
	$(call need_packages,valgrind)
	@$(PYTHON) tests/bench/bench.py
