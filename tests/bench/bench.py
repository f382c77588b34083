#!/usr/bin/python3
"""The cost of mod_reqguard beside stock Apache, mod_reqtimeout and
ModSecurity.

usage:
  bench.py                          the whole benchmark: one table, also
                                    written to docs/benchmarks.md
  bench.py --only instructions      one part (instructions, throughput,
                                    streaming, refusal); repeatable
  bench.py --breakdown CONFIG REQ   where the instructions of one request go
  bench.py --smoke                  one figure, fails on a gross regression
  bench.py --list                   the configurations and requests

Instructions come from callgrind on a single-process prefork Apache
(apache2 -X): (Ir(N_HIGH) - Ir(N_LOW)) / (N_HIGH - N_LOW), the median of
three runs at each N.  A run whose profile is missing, empty or truncated,
or in which a request did not get its expected status, stops the benchmark
with an error: it is never turned into a number.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cgprof  # noqa: E402
import instr  # noqa: E402
import setups  # noqa: E402


def progress(msg):
    print(f"  .. {msg}", file=sys.stderr, flush=True)


def list_setups():
    print("configurations:")
    for k, c in setups.CONFIGS.items():
        print(f"  {k:12} {c.title}")
    print("requests:")
    for k, r in setups.REQUESTS.items():
        print(f"  {k:12} {r.title}")


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--breakdown", nargs=2, metavar=("CONFIG", "REQUEST"))
    ap.add_argument("--runs", type=int, default=3,
                    help="runs per figure at each N (median); default 3")
    ap.add_argument("--top", type=int, default=25,
                    help="rows per breakdown section; default 25")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    if args.list:
        list_setups()
        return 0
    try:
        if args.breakdown:
            config, request = args.breakdown
            if config not in setups.CONFIGS or request not in \
                    setups.REQUESTS:
                list_setups()
                return 2
            instr.breakdown(config, request, runs=args.runs, top=args.top,
                            progress=progress)
            return 0
    except (cgprof.ProfileError, RuntimeError) as e:
        print(f"bench: ERROR: {e}", file=sys.stderr)
        return 1
    ap.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
