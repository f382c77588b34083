#!/usr/bin/python3
"""Instruction cost of mod_reqguard on a clean request (SPEC §7), measured
with callgrind against stock Apache in the same run.

Single-process Apaches (apache2 -X, prefork) run under callgrind: stock
and with the module, each for N_LOW and N_HIGH keep-alive GETs of a small
static file, three times each (the median counts).  The per-request cost is (Ir(N_HIGH) - Ir(N_LOW)) /
(N_HIGH - N_LOW), which cancels start-up and shut-down.  The module's cost
is the difference between the two per-request figures, reported as a ratio
of stock; also reported: instructions executed inside mod_reqguard.so
itself.  Prints a report; asserts nothing.

usage: tests/bench/bench.py [--requests LOW HIGH]
"""
import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import rgtest  # noqa: E402

LIMITS = """
ReqGuardMaxFields 50
ReqGuardMaxFieldSize 8K
ReqGuardFieldLimit Cookie 4K
ReqGuardFieldLimit Referer 2K
ReqGuardMaxHeaderSize 32K
ReqGuardMaxURI 4K
ReqGuardMaxQuery 2K
ReqGuardMaxBody 10M
"""

REQUEST = (b"GET /small.html HTTP/1.1\r\nHost: 127.0.0.1\r\n"
           b"User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n")


def run(with_module, n):
    a = rgtest.Apache(conf=LIMITS if with_module else "",
                      with_reqguard=with_module, mpm="prefork",
                      name="bench", loglevel="warn",
                      files={"htdocs/small.html": "<p>small</p>\n"})
    a.port = rgtest.free_port()
    a.write_files()
    out = os.path.join(a.root, "callgrind.out")
    # Started as www-data from the start: Apache would switch to it anyway,
    # and the profile written at exit must be writable by that user.
    prefix = []
    if os.geteuid() == 0:
        subprocess.run(["chown", "-R", "www-data:www-data", a.root],
                       check=True)
        prefix = ["runuser", "-u", "www-data", "--"]
    proc = subprocess.Popen(
        prefix + ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
         rgtest.APACHE2, "-X", "-d", a.root, "-f", "httpd.conf"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    try:
        deadline = time.time() + 60
        while True:
            try:
                s = socket.create_connection(("127.0.0.1", a.port), 1)
                break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError("apache2 under valgrind did not start")
                time.sleep(0.2)
        s.close()
        # 50 requests per connection (the harness allows 100 keep-alive
        # requests per connection), so connection set-up is counted too.
        done = 0
        while done < n:
            with rgtest.Conn(a.port, timeout=30) as c:
                for _ in range(min(50, n - done)):
                    c.send(REQUEST)
                    r = c.read_response()
                    assert r.status == 200, r
                    done += 1
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=120)
    total, own = parse(out)
    a.cleanup()
    return total, own


def parse(path):
    total = 0
    p = subprocess.run(["callgrind_annotate", "--inclusive=no", path],
                       capture_output=True, text=True)
    m = re.search(r"^\s*([\d,]+)\s+\(100\.0%\)\s+PROGRAM TOTALS", p.stdout,
                  re.M)
    if m:
        total = int(m.group(1).replace(",", ""))
    own = 0
    for line in p.stdout.splitlines():
        if line.rstrip().endswith("mod_reqguard.so]"):
            m = re.match(r"\s*([\d,]+)", line)
            if m:
                own += int(m.group(1).replace(",", ""))
    return total, own


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", nargs=2, type=int, default=[50, 250])
    lo, hi = ap.parse_args().requests
    # Each figure is the median of three runs: a run now and then picks up
    # a one-off cost (a timer, a slow accept) that a median leaves out.
    res = {}
    for mod in (False, True):
        for n in (lo, hi):
            runs = sorted(run(mod, n) for _ in range(3))
            res[(mod, n)] = runs[1]
    stock = (res[(False, hi)][0] - res[(False, lo)][0]) / (hi - lo)
    withm = (res[(True, hi)][0] - res[(True, lo)][0]) / (hi - lo)
    own = (res[(True, hi)][1] - res[(True, lo)][1]) / (hi - lo)
    print(f"stock Apache, per request:        {stock:10.0f} instructions")
    print(f"with mod_reqguard, per request:   {withm:10.0f} instructions")
    print(f"difference:                       {withm - stock:10.0f} "
          f"({(withm - stock) / stock * 100:.2f} % of stock)")
    print(f"inside mod_reqguard.so itself:    {own:10.0f} "
          f"({own / stock * 100:.2f} % of stock)")


if __name__ == "__main__":
    main()
