#!/usr/bin/python3
"""Soak: a long mixed load against Apache with mod_reqguard, and the same
load against stock Apache, under each MPM.

    soak.py [-n REQUESTS] [--mpm event,worker,prefork] [--graceful K]
            [--clients C] [--seed S]

Per MPM:
  1. Memory: REQUESTS requests (valid GETs and POSTs mixed with every
     violation kind), each answered with the status expected for its kind;
     the children's resident memory (VmRSS) after a warm-up (the first
     10 %) and at the end, for the module and for stock Apache with the same
     configuration minus the module.  The module's growth may exceed
     stock's by at most SLACK bytes (allocator and page granularity).
  2. Graceful restarts: the same load for REQUESTS / 10 requests with
     `apache2 -k graceful` K times during it.  No request fails (a request
     sent on a reused keep-alive connection that the server closed at that
     very moment, before any byte of an answer, is retried once, as every
     HTTP client does, and counted); the reqguard-status counters grow by
     exactly the violations sent.

Statuses and figures are printed; the exit status is 0 only when every
check held.
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import rgtest  # noqa: E402

SLACK = 256 * 1024

LIMITS = """
ReqGuardMaxFields 20
ReqGuardMaxFieldSize 1000
ReqGuardFieldLimit Cookie 500
ReqGuardMaxHeaderSize 3000
ReqGuardMaxURI 500
ReqGuardMaxQuery 200
ReqGuardMaxBody 2000
<Location "/len">
    ReqGuardRequireLength On
</Location>
<Location "/slow">
    ReqGuardBodyTimeout 1
</Location>
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
"""

COMMON = """
LimitRequestFieldSize 4000
LimitRequestFields 40
KeepAliveTimeout 15
MaxKeepAliveRequests 0
<LocationMatch "^/(echo|len)">
    SetHandler reflector
</LocationMatch>
# A fixed set of children, so that their memory can be compared.
<IfModule mpm_prefork_module>
    StartServers 16
    MinSpareServers 1
    MaxSpareServers 17
    ServerLimit 16
    MaxRequestWorkers 16
</IfModule>
<IfModule !mpm_prefork_module>
    ServerLimit 2
    StartServers 1
    ThreadsPerChild 16
    MinSpareThreads 1
    MaxSpareThreads 64
    MaxRequestWorkers 32
</IfModule>
MaxConnectionsPerChild 0
"""

FILES = {"htdocs/page.html": "<p>page</p>\n",
         "htdocs/slow/index.html": "<p>slow</p>\n"}


def req(method, path, fields=(), body=b""):
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{k}: {v}" for k, v in fields]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked(body):
    return b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"


# kind: (weight, request bytes, status with the module, closes, counter)
KINDS = {
    "get": (40, req("GET", "/page.html"), 200, False, None),
    "post": (10, req("POST", "/echo", [("Content-Length", "500")],
                     b"p" * 500), 200, False, None),
    "fields": (5, req("GET", "/page.html",
                      [(f"X-F{i}", "v") for i in range(25)]), 431, False,
               "fields"),
    "field-size": (5, req("GET", "/page.html", [("X-Big", "b" * 1500)]),
                   431, False, "field-size"),
    "cookie": (5, req("GET", "/page.html", [("Cookie", "c" * 600)]), 431,
               False, "field-size"),
    "header-size": (5, req("GET", "/page.html",
                           [(f"X-H{i}", "h" * 800) for i in range(5)]),
                    431, False, "header-size"),
    # Segments under NAME_MAX: see the README's known limits.
    "uri": (3, req("GET", "/u" + "/u".join(["u" * 99] * 6)), 414, True,
            "uri"),
    "query": (3, req("GET", "/page.html?" + "q" * 300), 414, True,
              "query"),
    "body": (3, req("POST", "/echo", [("Content-Length", "3000")],
                    b"b" * 3000), 413, True, "body"),
    "body-chunked": (3, req("POST", "/echo",
                            [("Transfer-Encoding", "chunked")])
                     + chunked(b"b" * 3000), 413, True, "body"),
    "length-required": (3, req("POST", "/len",
                               [("Transfer-Encoding", "chunked")])
                        + chunked(b"l" * 10), 411, True,
                        "length-required"),
    "core-field-size": (3, req("GET", "/page.html",
                               [("X-Huge", "h" * 5000)]), 431, True,
                        "core-field-size"),
    "core-fields": (3, req("GET", "/page.html",
                           [(f"X-C{i}", "c") for i in range(45)]), 431,
                    True, "core-fields"),
}
# Stalls take a second each: one client sends them now and then.
STALL = (req("POST", "/slow/index.html", [("Content-Length", "100")],
             b"s" * 10),
         408, "body-timeout")


# Closed connections linger in prefork children for up to two seconds;
# with a fixed set of children, Apache may say so.  Not a failure.
FULL = re.compile(r"AH00161: server reached MaxRequestWorkers")


class Failed(Exception):
    pass


class Client:
    """One keep-alive connection's worth of load."""

    def __init__(self, port, module):
        self.port = port
        self.module = module
        self.conn = None
        self.fresh = True
        self.retries = 0

    def _connect(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = rgtest.Conn(self.port, timeout=30)
        self.fresh = True

    def send(self, data, expect, closes, head=False):
        for attempt in (0, 1):
            if self.conn is None:
                self._connect()
            reused = not self.fresh
            self.fresh = False
            try:
                self.conn.send(data)
                r = self.conn.read_response(head_request=head)
            except (EOFError, ConnectionResetError, BrokenPipeError) as e:
                got = self.conn.buf
                self.conn.close()
                self.conn = None
                if reused and not got and attempt == 0:
                    self.retries += 1
                    continue
                raise Failed(f"request failed ({type(e).__name__}: {e}), "
                             f"reused={reused}")
            break
        if self.module and r.status != expect:
            raise Failed(f"expected {expect}, got {r!r}")
        if not self.module and not 200 <= r.status < 500:
            raise Failed(f"stock: unexpected {r!r}")
        conn_hdr = (r.header("Connection") or "").lower()
        if closes or conn_hdr == "close" or r.version == "HTTP/1.0":
            self.conn.close()
            self.conn = None
        return r.status

    def close(self):
        if self.conn is not None:
            self.conn.close()


def children(parent):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(parent)],
                         capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def rss(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def children_rss(server):
    kids = children(server.proc.pid)
    return sum(rss(k) for k in kids), sorted(kids)


def counters(server):
    r, _ = rgtest.get(server, "/reqguard-status?json")
    assert r.status == 200, r
    return {k: v["blocked"] for k, v in json.loads(r.body)["counters"].items()}


def load(server, module, n, clients, seed, stalls, on_progress=None):
    """n requests from `clients` threads; returns (statuses, violations
    sent per counter, retries)."""
    names = list(KINDS)
    weights = [KINDS[k][0] for k in names]
    statuses = collections.Counter()
    sent = collections.Counter()
    failures = []
    lock = threading.Lock()
    done = [0]
    retries = [0]

    def worker(idx, count):
        rnd = random.Random(f"{seed}:{idx}")
        c = Client(server.port, module)
        try:
            for i in range(count):
                if failures:
                    return
                name = rnd.choices(names, weights)[0]
                _, data, expect, closes, counter = KINDS[name]
                st = c.send(data, expect, closes)
                with lock:
                    statuses[st] += 1
                    if counter:
                        sent[counter] += 1
                    done[0] += 1
                    if on_progress:
                        on_progress(done[0])
        except (Failed, OSError) as e:
            with lock:
                failures.append(f"client {idx}: {e}")
        finally:
            c.close()
            with lock:
                retries[0] += c.retries

    finished = threading.Event()

    def staller():
        """A stalled body every half second, alongside the load."""
        c = Client(server.port, module)
        try:
            while not finished.wait(0.5) and not failures:
                data, expect, counter = STALL
                st = c.send(data, expect, True)
                with lock:
                    statuses[st] += 1
                    sent[counter] += 1
        except (Failed, OSError) as e:
            with lock:
                failures.append(f"stalling client: {e}")
        finally:
            c.close()

    per = [n // clients + (1 if i < n % clients else 0)
           for i in range(clients)]
    threads = [threading.Thread(target=worker, args=(i, per[i]))
               for i in range(clients)]
    extra = threading.Thread(target=staller) if stalls else None
    for t in threads + ([extra] if extra else []):
        t.start()
    for t in threads:
        t.join()
    finished.set()
    if extra:
        extra.join()
    if failures:
        raise Failed("; ".join(failures[:5]))
    return statuses, sent, retries[0]


def memory_run(mpm, module, n, clients, seed):
    conf = COMMON + (LIMITS if module else "")
    s = rgtest.Apache(conf=conf, files=FILES, mpm=mpm,
                      modules=["reflector"], with_reqguard=module,
                      loglevel="warn" if not module else "warn reqguard:warn",
                      name=f"soak-{mpm}-{'module' if module else 'stock'}")
    s.start()
    marks = {}
    warm = max(1, n // 10)

    def progress(k):
        if k == warm and "warm" not in marks:
            marks["warm"] = children_rss(s)

    try:
        t0 = time.time()
        statuses, sent, retries = load(s, module, n, clients, seed,
                                       stalls=module, on_progress=progress)
        took = time.time() - t0
        marks["end"] = children_rss(s)
        if module:
            got = counters(s)
            for k, v in sent.items():
                if got.get(k) != v:
                    raise Failed(f"counter {k}: sent {v}, counted "
                                 f"{got.get(k)}")
        bad = [l for l in s.read_log().splitlines()
               if rgtest.BAD_LOG.search(l) and not FULL.search(l)]
        if bad:
            raise Failed("error log:\n" + "\n".join(l[:300] for l in bad[:10]))
    finally:
        s.stop()
    reports = s.new_sanitizer_reports()
    if reports:
        raise Failed("sanitizer reports:\n" + "\n".join(reports.values()))
    s.cleanup()
    (r0, k0), (r1, k1) = marks["warm"], marks["end"]
    return {"took": took, "statuses": statuses, "rss_warm": r0,
            "rss_end": r1, "kids_same": k0 == k1, "retries": retries,
            "n": sum(statuses.values())}


def graceful_run(mpm, n, clients, seed, restarts):
    s = rgtest.Apache(conf=COMMON + LIMITS, files=FILES, mpm=mpm,
                      modules=["reflector"], loglevel="warn reqguard:warn",
                      name=f"soak-{mpm}-graceful")
    s.start()
    allowed = []
    try:
        before = counters(s)
        step = max(1, n // (restarts + 1))
        done_restarts = []

        def progress(k):
            if k % step == 0 and len(done_restarts) < restarts:
                done_restarts.append(k)
                subprocess.run([rgtest.APACHE2, "-k", "graceful", "-d",
                                s.root, "-f", "httpd.conf"], check=True,
                               env=s.env(), capture_output=True, timeout=60)

        statuses, sent, retries = load(s, True, n, clients, seed + 1,
                                       stalls=False, on_progress=progress)
        time.sleep(0.5)
        after = counters(s)
        for k in set(after) | set(sent):
            delta = after.get(k, 0) - before.get(k, 0)
            if delta != sent.get(k, 0):
                raise Failed(f"counter {k} grew by {delta}, sent "
                             f"{sent.get(k, 0)}")
        # Graceful restarts log notices; anything worse fails.
        allowed = [l for l in s.read_log().splitlines()
                   if rgtest.BAD_LOG.search(l) and not FULL.search(l)]
        if allowed:
            raise Failed("error log:\n" + "\n".join(
                l[:300] for l in allowed[:10]))
    finally:
        s.stop()
    reports = s.new_sanitizer_reports()
    if reports:
        raise Failed("sanitizer reports:\n" + "\n".join(reports.values()))
    s.cleanup()
    return {"statuses": statuses, "restarts": len(done_restarts),
            "retries": retries, "n": sum(statuses.values()),
            "counted": sum(sent.values())}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=300000)
    ap.add_argument("--mpm", default="event,worker,prefork")
    ap.add_argument("--graceful", type=int, default=5)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    print(f"soak: {args.n} requests per server, {args.clients} clients, "
          f"seed {args.seed}, module {rgtest.MODULE_SO}", flush=True)
    failed = False
    for mpm in args.mpm.split(","):
        try:
            m = memory_run(mpm, True, args.n, args.clients, args.seed)
            st = memory_run(mpm, False, args.n, args.clients, args.seed)
            gm = m["rss_end"] - m["rss_warm"]
            gs = st["rss_end"] - st["rss_warm"]
            warm_n = args.n - args.n // 10
            print(f"{mpm}: module {m['n']} requests in {m['took']:.0f}s "
                  f"({m['n'] / m['took']:.0f}/s), statuses "
                  + ", ".join(f"{k} {v}" for k, v in
                              sorted(m["statuses"].items())))
            print(f"{mpm}: children RSS after warm-up / end: module "
                  f"{m['rss_warm'] // 1024} / {m['rss_end'] // 1024} KiB "
                  f"(+{gm / warm_n:.2f} B/request), stock "
                  f"{st['rss_warm'] // 1024} / {st['rss_end'] // 1024} KiB "
                  f"(+{gs / warm_n:.2f} B/request); same children: "
                  f"{m['kids_same']}/{st['kids_same']}", flush=True)
            if gm > gs + SLACK:
                raise Failed(f"module RSS grew {gm} bytes, stock {gs} "
                             f"(slack {SLACK})")
            g = graceful_run(mpm, max(1000, args.n // 10), args.clients,
                             args.seed, args.graceful)
            print(f"{mpm}: graceful x{g['restarts']} under load: "
                  f"{g['n']} requests, 0 failed, {g['retries']} retried "
                  f"on a connection closed by the restart, "
                  f"{g['counted']} violations counted exactly",
                  flush=True)
        except Failed as e:
            failed = True
            print(f"{mpm}: FAILED: {e}", flush=True)
    print("soak: " + ("FAILED" if failed else "all checks held"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
