#!/usr/bin/python3
"""What a watcher of the header lines costs at the very least.

usage: floor.py      (make bench-floor, about a minute)

Builds two reference modules with apxs (tests/bench/floor/): a connection
input filter that passes every read on and nothing more, and one that only
counts the lines core reads.  Measures, as the benchmark does (callgrind on
apache2 -X, the median of three runs at 50 and 250 requests), the plain GET
and the plain GET with 20 more header lines under stock Apache, each
reference filter and mod_reqguard with no limits, and prints what each adds
to a request and to each extra header line.
"""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import instr  # noqa: E402
import setups  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build", "bench-floor")
EXTRA_LINES = 20

REFERENCES = (
    ("floor_pass", "a connection filter that passes reads on"),
    ("floor_count", "a connection filter that counts the lines"),
)


def build(name):
    """apxs-built path of tests/bench/floor/mod_NAME.c."""
    src = f"mod_{name}.c"
    shutil.copy(os.path.join(HERE, "floor", src), BUILD)
    p = subprocess.run(["apxs", "-c", "-Wc,-Wall", "-Wc,-Wextra",
                        "-Wc,-Werror", src], cwd=BUILD,
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"apxs could not build {src}:\n{p.stdout}{p.stderr}")
    return os.path.join(BUILD, ".libs", f"mod_{name}.so")


def main():
    os.makedirs(BUILD, exist_ok=True)
    configs = [("stock", "stock Apache"),
               ("none", "mod_reqguard, no limits")]
    for name, title in REFERENCES:
        so = build(name)
        setups.CONFIGS[name] = setups.Config(
            title, False, (), f"LoadModule {name}_module {so}\n",
            os.path.basename(so))
        configs.insert(-1, (name, title))
    rows = []
    for cfg, title in configs:
        plain = instr.measure(cfg, "plain")
        lines = instr.measure(cfg, "lines")
        rows.append((title, plain, lines))
    stock_plain, stock_lines = rows[0][1], rows[0][2]
    base_slope = (stock_lines.per_request
                  - stock_plain.per_request) / EXTRA_LINES
    print(f"| configuration | plain GET, added | per extra header line, "
          f"added | inside its module, per line |")
    print("| --- | --- | --- | --- |")
    print(f"| stock Apache | {stock_plain.per_request:,.0f} (all) | "
          f"{base_slope:,.1f} (all) | – |")
    for title, plain, lines in rows[1:]:
        slope = (lines.per_request - plain.per_request) / EXTRA_LINES
        own = (lines.own - plain.own) / EXTRA_LINES
        print(f"| {title} | {plain.per_request - stock_plain.per_request:+,.0f}"
              f" | {slope - base_slope:+.1f} | {own:.1f} |")


if __name__ == "__main__":
    main()
