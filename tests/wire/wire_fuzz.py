#!/usr/bin/python3
"""Seeded wire fuzzer: malformed and mutated requests against a live Apache
with every mod_reqguard limit configured, in the server configuration and
in .htaccess.

    wire_fuzz.py [-n COUNT] [--seed SEED] [--case INDEX] [--jobs J]

Case i of a run is generated from (SEED, i) alone, so one failing case
replays with `--seed SEED --case i`.  Every exchange must end, within a
bound, with well-formed HTTP/1.x status lines (an HTTP/0.9 request gets a
bare body, Apache's default) or a clean close; h2c streams with a :status
or a RST_STREAM, the connection with a GOAWAY or a close.  No request hidden
in a body may reach the server (their paths start with /smuggle-).  After
the run the server answers a normal request, the error log holds no crash,
no [error] or worse from mod_reqguard, and (with a sanitizer build of the
module, see `make asan`) no sanitizer report.

Seed and counts are printed; the exit status is 0 only when every check
held.
"""
import argparse
import collections
import os
import random
import re
import socket
import struct
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import rgtest  # noqa: E402

from hpack import Decoder, Encoder  # noqa: E402  (python3-h2)

# Apache's Timeout and the module's body timeouts below bound every stall;
# BOUND is the longest an exchange may take to end.
TIMEOUT = 4
BOUND = 15.0

CONF = """
Protocols h2c http/1.1
Timeout %(timeout)d
KeepAliveTimeout 2
LimitRequestFieldSize 2048
LimitRequestFields 50
LimitRequestLine 2048
LimitRequestBody 200000
ReqGuardMaxFields 30
ReqGuardMaxFieldSize 1024
ReqGuardFieldLimit Cookie 600
ReqGuardFieldLimit X-Small 40
ReqGuardMaxHeaderSize 4096
ReqGuardMaxURI 600
ReqGuardMaxQuery 300
ReqGuardMaxBody 3000
ReqGuardBodyTimeout 2
ReqGuardBodyMinRate 200
ReqGuardDiagnostics Full
ReqGuardLearn On
<Location "/echo">
    SetHandler reflector
</Location>
<Location "/len">
    ReqGuardRequireLength On
    SetHandler reflector
</Location>
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
<IfModule mpm_event_module>
    ThreadsPerChild 25
    MaxRequestWorkers 50
</IfModule>
""" % {"timeout": TIMEOUT}

HTACCESS = """ReqGuardMaxFields 20
ReqGuardMaxFieldSize 500
ReqGuardFieldLimit Cookie 300
ReqGuardFieldLimit X-Tiny 20
ReqGuardMaxHeaderSize 2000
ReqGuardMaxURI 300
ReqGuardMaxQuery 100
ReqGuardMaxBody 1000
ReqGuardBodyTimeout 1
ReqGuardBodyMinRate 500
ReqGuardErrorFormat JSON
<Files "echo">
    SetHandler reflector
</Files>
"""

FILES = {
    "htdocs/page.html": "<p>page</p>\n",
    "htdocs/ht/.htaccess": HTACCESS,
    "htdocs/ht/index.html": "<p>ht</p>\n",
    "htdocs/ht/echo": "",
    "htdocs/ht/len/.htaccess": "ReqGuardRequireLength On\n",
    "htdocs/ht/len/echo": "",
}



def stock(text):
    """The same configuration without mod_reqguard."""
    out, skip = [], False
    for line in text.splitlines():
        if '<Location "/reqguard-status">' in line:
            skip = True
        if not skip and "ReqGuard" not in line:
            out.append(line)
        if skip and "</Location>" in line:
            skip = False
    return "\n".join(out) + "\n"


STOCK_FILES = {k: stock(v) if k.endswith(".htaccess") else v
               for k, v in FILES.items()}

PATHS = ["/", "/page.html", "/echo", "/len/x", "/ht/", "/ht/echo",
         "/ht/len/echo", "/missing", "/reqguard-status"]

STATUS_LINE = re.compile(rb"HTTP/1\.[01] [1-5][0-9][0-9] [^\r\n]*\r\n")


class Failure(Exception):
    pass


class Malformed(Failure):
    """Bytes that are not a status line where one should start."""


# ---- HTTP/1.x cases ----------------------------------------------------

def field_name(rnd):
    return rnd.choice(["X-Filler", "Cookie", "X-Small", "X-Tiny", "Accept",
                       "User-Agent", "Referer",
                       "X-" + "n" * rnd.randint(1, 300),
                       "Accept-Language", "Content-Type"])


def value(rnd, n):
    return bytes(rnd.choice(b"abcdefghijklmnopqrstuvwxyz0123456789=;/ ")
                 for _ in range(n))


# Header values and query strings the server must never send back: each
# case notes its own (per thread), run_h1/run_h2 look for them in every
# byte received.
_case = threading.local()


def secret(rnd, n):
    """A value of n bytes that no response may contain."""
    if n < 16:
        return value(rnd, n)
    v = b"Zq" + bytes(rnd.choice(b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                      for _ in range(n - 2))
    _case.secrets.append(v[:16])
    return v


# The last chunk of a case that leaves its connection open (no half-close):
# the server must end the exchange by its own timeouts.
STALL = object()


def limit_size(rnd):
    """A size around one of the configured limits."""
    base = rnd.choice([20, 40, 100, 300, 500, 600, 1000, 1024, 2000, 2048,
                       3000, 4096, 8192])
    return max(0, base + rnd.randint(-3, 3))


def head(method, path, fields, version=b"HTTP/1.1"):
    lines = [method + b" " + path + b" " + version, b"Host: 127.0.0.1"]
    lines += [k + b": " + v for k, v in fields]
    return b"\r\n".join(lines) + b"\r\n\r\n"


def smuggle(case_id):
    """A request hidden in a body: with a valid framing it is body bytes,
    so the server must never see it as a request, whatever it refused."""
    return b"\r\n\r\nGET /smuggle-%d HTTP/1.1\r\nHost: x\r\n\r\n" % case_id


def body_with_smuggle(rnd, cid, n):
    filler = value(rnd, max(0, n - 60))
    cut = rnd.randint(0, len(filler))
    return filler[:cut] + smuggle(cid) + filler[cut:]


def gen_valid(rnd, cid):
    path = rnd.choice(PATHS).encode()
    return [head(b"GET", path, [(b"Accept", b"*/*")])], 1


def gen_big_field(rnd, cid):
    n = limit_size(rnd)
    f = [(field_name(rnd).encode(), secret(rnd, n))] + negotiation(rnd)
    return [head(b"GET", rnd.choice(PATHS).encode(), f)], 1


def negotiation(rnd):
    """Accept and Accept-Language fields, sometimes odd ones."""
    out = []
    if rnd.random() < 0.7:
        out.append((b"Accept", rnd.choice([
            b"text/html,application/xhtml+xml,*/*;q=0.8", b"*/*",
            b"application/json", b"application/problem+json;q=0.9",
            b"text/plain;q=0, */*;q=0.1", b"te\x01xt/h\xfftml;q=2"])))
    if rnd.random() < 0.7:
        out.append((b"Accept-Language", rnd.choice([
            b"de-CH, de;q=0.9, en;q=0.8", b"fr", b"pl,*;q=0.1", b"pt-BR",
            b"nl;q=0, *", b"es-419;q=abc, it", b"*;q=0",
            b"x" * 5000])))
    return out


def gen_cookies(rnd, cid):
    """A Cookie field of many pairs with hostile names, around the
    limits: the 431 lists cookie names, never values."""
    names = [b"session", b"<b>x</b>", b"a\"b", b"__Secure-id", b"",
             b"n\x01m", b"caf\xc3\xa9", b"\xe2\x80\xaeevil", b"x" * 300,
             b"tr=ick", b"sp ace"]
    pairs = []
    total = limit_size(rnd)
    while sum(len(p) + 2 for p in pairs) < total:
        name = rnd.choice(names) + b"%d" % rnd.randrange(100)
        pairs.append(name + b"=" + secret(rnd, rnd.randint(1, 400)))
    sep = rnd.choice([b"; ", b";", b" ; ", b";;"])
    fields = [(b"Cookie", sep.join(pairs))] + negotiation(rnd)
    if rnd.random() < 0.3:
        fields.append((b"Cookie", sep.join(pairs[:3])))
    return [head(b"GET", rnd.choice(PATHS).encode(), fields)], 1


def gen_many_fields(rnd, cid):
    n = rnd.choice([19, 20, 21, 29, 30, 31, 49, 50, 51, 200])
    f = [(b"X-F%d" % i, value(rnd, rnd.randint(0, 80))) for i in range(n)]
    if rnd.random() < 0.3:
        f += [(b"Cookie", secret(rnd, 100))] * rnd.randint(2, 30)
    return [head(b"GET", rnd.choice(PATHS).encode(), f)], 1


def gen_folded(rnd, cid):
    name = field_name(rnd).encode()
    parts = [secret(rnd, rnd.randint(1, 900))
             for _ in range(rnd.randint(2, 6))]
    sep = rnd.choice([b"\r\n ", b"\r\n\t", b"\r\n  \t", b"\n "])
    req = head(b"GET", rnd.choice(PATHS).encode(),
               [(name, sep.join(parts))])
    return [req], 1


def gen_control(rnd, cid):
    req = bytearray(head(b"GET", rnd.choice(PATHS).encode(),
                         [(field_name(rnd).encode(), value(rnd, 20)),
                          (b"X-A", value(rnd, 10))]))
    for _ in range(rnd.randint(1, 4)):
        pos = rnd.randrange(0, len(req) - 4)
        req[pos] = rnd.choice([0, 1, 8, 9, 11, 12, 13, 27, 127, 0x85, 0xff])
    return [bytes(req)], 1


def gen_content_length(rnd, cid):
    n = rnd.choice([60, 999, 1000, 1001, 2999, 3000, 3001])
    exact = rnd.random() < 0.5
    body = body_with_smuggle(rnd, cid, n) if exact else value(rnd, n)
    if exact:
        fields = [(b"Content-Length", b"%d" % len(body))]
        if rnd.random() < 0.2:
            fields.append(fields[0])
    else:
        cl = rnd.choice([
            b"99999999999999999999999999", b"-1", b"-0", b"+%d" % n,
            b" %d " % n, b"0x10", b"1e3", b"", b"%d, %d" % (n, n),
            b"18446744073709551616", b"9223372036854775807", b"%d" % (n + 5),
            b"00%d" % n, b"%d" % (n // 2)])
        fields = [(b"Content-Length", cl)]
        if rnd.random() < 0.4:
            fields.append((b"Content-Length", rnd.choice(
                [cl, b"%d" % n, b"0", b"5"])))
    path = rnd.choice([b"/echo", b"/ht/echo", b"/len/x", b"/ht/len/echo",
                       b"/page.html"])
    return [head(b"POST", path, fields) + body], 1


def chunked(body, rnd, broken=False):
    out = b""
    i = 0
    while i < len(body):
        n = rnd.randint(1, 700)
        piece = body[i:i + n]
        size = b"%x" % len(piece)
        if broken and rnd.random() < 0.3:
            size = rnd.choice([b"zz", b"-1", b"ffffffffffffffffff", b"",
                               b"%x;ext=" % len(piece) + b"v" * 300,
                               b" %x" % len(piece), b"0x%x" % len(piece),
                               b"%X  " % len(piece)])
        out += size + b"\r\n" + piece + rnd.choice(
            [b"\r\n"] * 8 + ([b"\n", b"", b"XX"] if broken else [b"\r\n"]))
        i += n
    return out


def trailer(rnd, broken):
    if not broken:
        return b"0\r\n\r\n"
    t = rnd.choice([
        b"X-T: " + value(rnd, rnd.choice([10, 2100, 5000])) + b"\r\n",
        b"".join(b"X-T%d: v\r\n" % i for i in range(rnd.randint(1, 80))),
        b"Bad Trailer\r\n", b"X-T: a\r\n b\r\n", b"\x00\r\n"])
    return b"0\r\n" + t + b"\r\n"


def gen_chunked(rnd, cid):
    n = rnd.choice([0, 500, 999, 1001, 2999, 3001, 6000])
    broken = rnd.random() < 0.6
    body = value(rnd, n) if broken or n < 60 else \
        body_with_smuggle(rnd, cid, n)
    if broken:
        te = rnd.choice([b"chunked", b"Chunked", b"gzip, chunked",
                         b"chunked, chunked", b"identity", b"gzip",
                         b" chunked"])
    else:
        te = rnd.choice([b"chunked", b"Chunked"])
    fields = [(b"Transfer-Encoding", te)]
    if rnd.random() < 0.3:
        # CL with TE: Apache drops the CL and closes after the request.
        fields.append((b"Content-Length", rnd.choice(
            [b"%d" % len(body), b"5", b"0", b"-3"])))
    if broken and rnd.random() < 0.2:
        fields.append((b"Transfer-Encoding", b"chunked"))
    path = rnd.choice([b"/echo", b"/ht/echo", b"/len/x", b"/ht/len/echo",
                       b"/"])
    data = head(b"POST", path, fields) + chunked(body, rnd, broken) \
        + trailer(rnd, broken)
    return [data], 1


def gen_half_body(rnd, cid):
    """A body that stops half way: the client closes, or stalls (and the
    server must end the exchange by a timeout)."""
    total = rnd.choice([100, 900, 2500, 5000])
    sent = rnd.randint(0, total - 1)
    path = rnd.choice([b"/echo", b"/ht/echo", b"/page.html"])
    if rnd.random() < 0.5:
        req = head(b"POST", path, [(b"Content-Length", b"%d" % total)])
    else:
        req = head(b"POST", path, [(b"Transfer-Encoding", b"chunked")])
        total += 10
    req += value(rnd, sent) if b"Content-Length" in req else \
        b"%x\r\n" % total + value(rnd, sent)
    if rnd.random() < 0.3:
        return [req, STALL], 1
    return [req], 1


def gen_bytewise(rnd, cid):
    req = head(rnd.choice([b"GET", b"HEAD", b"OPTIONS"]),
               rnd.choice(PATHS).encode() + b"?" + value(rnd, rnd.choice(
                   [0, 99, 101, 299, 301])).replace(b" ", b"+"),
               [(b"Cookie", secret(rnd, rnd.choice([10, 299, 301, 601])))])
    return [bytes([b]) for b in req], 1


def gen_pipeline(rnd, cid):
    reqs = []
    n = rnd.randint(2, 8)
    for _ in range(n):
        g = rnd.choice([gen_valid, gen_valid, gen_big_field, gen_many_fields,
                        gen_uri, gen_content_length])
        data, _ = g(rnd, cid)
        reqs.append(b"".join(c for c in data if c is not STALL))
    return [b"".join(reqs)], 2 * n


def gen_old_versions(rnd, cid):
    kind = rnd.randrange(4)
    path = rnd.choice(PATHS).encode()
    if kind == 0:
        return [b"GET " + path + b"\r\n"], 1             # HTTP/0.9
    if kind == 1:
        return [b"GET " + path + b"?" + b"q" * rnd.choice([99, 301]) +
                b"\r\n"], 1
    fields = [(b"Cookie", value(rnd, rnd.choice([10, 601])))]
    if kind == 3:
        fields.append((b"Connection", b"keep-alive"))
    req = head(b"GET", path, fields, version=b"HTTP/1.0")
    return [req + req], 2


def gen_uri(rnd, cid):
    n = limit_size(rnd)
    target = rnd.choice([
        b"/" + b"a" * n, b"/ht/?" + secret(rnd, n), b"/?" + b"%zz" * (n // 3),
        b"http://127.0.0.1/ht/?" + secret(rnd, n), b"*", b"/%00/x",
        b"//../etc",
        b"/ht/" + b"%2e%2e/" * 10, b"/?" + b"&" * n])
    return [head(rnd.choice([b"GET", b"POST", b"PUT", b"BREW", b"get"]),
                 target, [(b"Content-Length", b"0")])], 1


def gen_mutant(rnd, cid):
    data, n = rnd.choice([gen_valid, gen_big_field, gen_content_length,
                          gen_chunked, gen_uri])(rnd, cid)
    # A mutation may break the framing that made the hidden request body
    # bytes: here it is just a request.
    buf = bytearray(b"".join(c for c in data if c is not STALL).replace(
        b"/smuggle-", b"/mutated-"))
    for _ in range(rnd.randint(1, 8)):
        op = rnd.randrange(5)
        pos = rnd.randrange(0, max(1, len(buf)))
        if op == 0 and buf:
            buf[pos] = rnd.randrange(256)
        elif op == 1:
            buf[pos:pos] = bytes(rnd.randrange(256)
                                 for _ in range(rnd.randint(1, 20)))
        elif op == 2:
            del buf[pos:pos + rnd.randint(1, 30)]
        elif op == 3:
            line_end = buf.find(b"\r\n", pos)
            if line_end > 0:
                buf[line_end:line_end] = b"\r\n" + field_name(rnd).encode() \
                    + b": " + value(rnd, rnd.randint(0, 700))
        else:
            buf[pos:pos] = rnd.choice([b"\r\n", b"\n", b"\r", b":", b" ",
                                       b"\r\n\r\n", b"\t"])
    return [bytes(buf)], n + 2


def forget_cookie_names(data):
    """A '=' after a secret in a Cookie field (a mutation, or a short value
    in a folded field) makes the secret part of a cookie name, which a
    cookie 431 lists by design (escaped and cut): it is no value any more.
    Names are taken as the server takes them, from each Cookie field of
    every request in the bytes and from the fields merged (folded lines
    joined, several Cookie fields joined with ", ")."""
    text = re.sub(rb"\r?\n[ \t]+", b" ", data)
    values = [line.split(b":", 1)[1] for line in re.split(rb"\r?\n", text)
              if line.lower().startswith(b"cookie:")]
    names = []
    for v in values + [b", ".join(values)]:
        names += [pair.split(b"=", 1)[0] for pair in v.split(b";")
                  if b"=" in pair]
    _case.secrets = [s for s in _case.secrets
                     if not any(s in name for name in names)]


H1_CASES = [
    (gen_valid, 8), (gen_big_field, 12), (gen_cookies, 8),
    (gen_many_fields, 6),
    (gen_folded, 6), (gen_control, 8), (gen_content_length, 10),
    (gen_chunked, 12), (gen_half_body, 2), (gen_bytewise, 1),
    (gen_pipeline, 6), (gen_old_versions, 5), (gen_uri, 8),
    (gen_mutant, 14),
]


def read_all(sock, deadline):
    """Everything the server sends until it closes; raises Failure when it
    neither answers nor closes before deadline."""
    data = b""
    while True:
        left = deadline - time.time()
        if left <= 0:
            raise Failure(f"no close within {BOUND}s; got {data[:200]!r}")
        sock.settimeout(left)
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        except ConnectionResetError:
            return data, "reset"
        if not chunk:
            return data, "close"
        data += chunk


def statuses(data):
    """Status codes of the HTTP/1.x responses in data (bodies skipped by
    their Content-Length or chunking)."""
    out = []
    pos = 0
    while pos < len(data):
        m = STATUS_LINE.match(data, pos)
        if not m:
            raise Malformed(f"not a status line at byte {pos}: "
                            f"{data[pos:pos + 80]!r}")
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            raise Failure(f"response head cut: {data[pos:pos + 200]!r}")
        head_ = data[pos:end].decode("latin-1")
        code = int(head_[9:12])
        out.append(code)
        pos = end + 4
        fields = {}
        for line in head_.split("\r\n")[1:]:
            k, _, v = line.partition(":")
            fields[k.strip().lower()] = v.strip()
        if code in (204, 304) or 100 <= code < 200:
            continue
        if "chunked" in fields.get("transfer-encoding", "").lower():
            while True:
                eol = data.find(b"\r\n", pos)
                if eol < 0:
                    # A chunked response cut short: the late-refusal cut of
                    # a streamed answer (see README), not a bad status.
                    return out
                size = int(data[pos:eol].split(b";")[0], 16)
                pos = eol + 2 + size + 2
                if size == 0:
                    break
        elif "content-length" in fields:
            pos += int(fields["content-length"])
        else:
            return out                # the body runs until the close
    return out


def no_secrets(data):
    for v in getattr(_case, "secrets", ()):
        if v in data:
            raise Failure(f"a value the client sent came back: {v!r} in "
                          f"{data[:400]!r}")


def run_h1(port, chunks, is_09):
    sock = socket.create_connection(("127.0.0.1", port), 5)
    deadline = time.time() + BOUND
    stall = chunks[-1] is STALL
    try:
        for c in chunks:
            if c is STALL:
                break
            try:
                sock.sendall(c)
            except (BrokenPipeError, ConnectionResetError):
                break
            if len(chunks) > 1:
                time.sleep(0.002)
        if not stall:
            try:
                sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass
        data, how = read_all(sock, deadline)
    finally:
        sock.close()
    no_secrets(data)
    if is_09 and data and not data.startswith(b"HTTP/"):
        return ["0.9"], how
    return statuses(data), how


# ---- h2c cases (raw frames: hyperframe-free, hpack from python3-h2) ----

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
DATA, HEADERS, RST, SETTINGS, PING, GOAWAY, WINDOW, CONT = \
    0, 1, 3, 4, 6, 7, 8, 9
END_STREAM, END_HEADERS, ACK = 1, 4, 1


def frame(ftype, flags, sid, payload):
    return struct.pack(">I", len(payload))[1:] + bytes([ftype, flags]) + \
        struct.pack(">I", sid) + payload


def h2_headers(enc, path, method="GET", extra=()):
    return enc.encode([(":method", method), (":scheme", "http"),
                       (":authority", "127.0.0.1"), (":path", path)]
                      + list(extra))


def gen_h2_continuation(rnd, cid):
    enc = Encoder()
    extra = [("x-c%d" % i, "v" * rnd.randint(1, 200))
             for i in range(rnd.randint(1, 120))]
    if rnd.random() < 0.5:
        extra.append(("cookie", secret(rnd, limit_size(rnd)).decode()))
    block = h2_headers(enc, rnd.choice(PATHS), extra=extra)
    piece = rnd.choice([1, 7, 64, 1000])
    parts = [block[i:i + piece] for i in range(0, len(block), piece)] or [b""]
    frames = [frame(HEADERS, END_STREAM if len(parts) > 1 else
                    END_STREAM | END_HEADERS, 1, parts[0])]
    for i, p in enumerate(parts[1:]):
        last = i == len(parts) - 2
        frames.append(frame(CONT, END_HEADERS if last else 0, 1, p))
    return frames, [1]


def gen_h2_bodies(rnd, cid):
    enc = Encoder()
    n = rnd.randint(2, 20)
    size = rnd.choice([999, 1001, 2999, 3001])
    size = min(size, 60000 // n)
    frames, sids = [], []
    for k in range(n):
        sid = 1 + 2 * k
        sids.append(sid)
        path = rnd.choice(["/echo", "/ht/echo", "/len/x", "/page.html"])
        extra = [("content-length", str(size))] if rnd.random() < 0.5 else []
        frames.append(frame(HEADERS, END_HEADERS, sid,
                            h2_headers(enc, path, "POST", extra)))
    for k, sid in enumerate(sids):
        body = value(rnd, size)
        for i in range(0, len(body), 1000):
            last = i + 1000 >= len(body)
            frames.append(frame(DATA, END_STREAM if last else 0, sid,
                                body[i:i + 1000]))
    return frames, sids


def gen_h2_misc(rnd, cid):
    enc = Encoder()
    kind = rnd.randrange(4)
    if kind == 0:       # one oversized header value
        extra = [(rnd.choice(["cookie", "x-small", "x-tiny", "x-f"]),
                  secret(rnd, limit_size(rnd)).decode())]
        return [frame(HEADERS, END_STREAM | END_HEADERS, 1,
                      h2_headers(enc, rnd.choice(PATHS), extra=extra))], [1]
    if kind == 1:       # long :path and query
        path = rnd.choice(["/ht/?", "/?", "/"]) + "q" * limit_size(rnd)
        return [frame(HEADERS, END_STREAM | END_HEADERS, 1,
                      h2_headers(enc, path))], [1]
    if kind == 2:       # garbage frames after a valid request
        junk = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 60)))
        return [frame(HEADERS, END_STREAM | END_HEADERS, 1,
                      h2_headers(enc, "/")), junk], []
    # a body that stops half way: END_STREAM never comes
    return [frame(HEADERS, END_HEADERS, 1, h2_headers(
        enc, rnd.choice(["/echo", "/ht/echo"]), "POST")),
        frame(DATA, 0, 1, value(rnd, rnd.randint(0, 900)))], [1]


H2_CASES = [(gen_h2_continuation, 3), (gen_h2_bodies, 3), (gen_h2_misc, 3)]


def run_h2(port, frames, sids):
    """Send the frames over h2c (prior knowledge); every stream in sids
    must end with a :status or RST_STREAM, unless the connection ends
    (GOAWAY or close) first.  Returns (statuses, how it ended)."""
    sock = socket.create_connection(("127.0.0.1", port), 5)
    deadline = time.time() + BOUND
    dec = Decoder()
    got = {}
    buf = b""
    blocks = {}
    how = None
    try:
        sock.sendall(PREFACE + frame(SETTINGS, 0, 0, b""))
        for f in frames:
            try:
                sock.sendall(f)
            except (BrokenPipeError, ConnectionResetError):
                break
        while how is None and any(s not in got for s in sids):
            left = deadline - time.time()
            if left <= 0:
                raise Failure(f"h2: streams {sorted(set(sids) - set(got))} "
                              f"unanswered after {BOUND}s")
            sock.settimeout(left)
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                continue
            except ConnectionResetError:
                how = "reset"
                break
            if not chunk:
                how = "close"
                break
            buf += chunk
            no_secrets(chunk)
            while len(buf) >= 9:
                length = struct.unpack(">I", b"\0" + buf[:3])[0]
                if len(buf) < 9 + length:
                    break
                ftype, flags = buf[3], buf[4]
                sid = struct.unpack(">I", buf[5:9])[0] & 0x7fffffff
                payload = buf[9:9 + length]
                buf = buf[9 + length:]
                if ftype == SETTINGS and not flags & ACK:
                    sock.sendall(frame(SETTINGS, ACK, 0, b""))
                elif ftype == PING and not flags & ACK:
                    sock.sendall(frame(PING, ACK, 0, payload))
                elif ftype == GOAWAY:
                    how = "goaway"
                elif ftype == RST:
                    got[sid] = "rst"
                elif ftype in (HEADERS, CONT):
                    if ftype == HEADERS and flags & 0x20:   # PRIORITY
                        payload = payload[5:]
                    if ftype == HEADERS and flags & 0x8:    # PADDED
                        payload = payload[1:len(payload) - payload[0]]
                    blocks[sid] = blocks.get(sid, b"") + payload
                    if flags & END_HEADERS:
                        hdrs = dict(dec.decode(blocks.pop(sid)))
                        st = hdrs.get(":status") or hdrs.get(b":status")
                        if st is not None and sid not in got:
                            st = st.decode() if isinstance(st, bytes) else st
                            if not re.fullmatch(r"[1-5][0-9][0-9]", st):
                                raise Failure(f"h2: bad :status {st!r}")
                            if not st.startswith("1"):
                                got[sid] = int(st)
                elif ftype == DATA and length:
                    # Give the flow-control window back.
                    inc = struct.pack(">I", length)
                    sock.sendall(frame(WINDOW, 0, 0, inc) +
                                 frame(WINDOW, 0, sid, inc))
    finally:
        sock.close()
    return [got.get(s, "-") for s in sids], how or "answered"


# ---- the run ---------------------------------------------------------------

def pick(rnd, cases):
    total = sum(w for _, w in cases)
    x = rnd.uniform(0, total)
    for g, w in cases:
        x -= w
        if x <= 0:
            return g
    return cases[-1][0]


def run_case(port, seed, i, stock_port=None):
    """Generate and run case i; returns (name, statuses, how it ended).

    Bytes that are no status line after a response are also what stock
    Apache sends when a handler that already answered fails to read the
    rest of a body (mod_reflector: the 400 page follows the cut body).  Such
    a case is replayed against stock Apache with the same configuration
    without the module: when stock does the same, the case counts as
    Apache's own ("apache-same")."""
    rnd = random.Random(f"{seed}:{i}")
    _case.secrets = []
    if rnd.random() < 0.12:
        g = pick(rnd, H2_CASES)
        frames, sids = g(rnd, i)
        st, how = run_h2(port, frames, sids)
        return g.__name__[4:], st, how
    g = pick(rnd, H1_CASES)
    chunks, _ = g(rnd, i)
    forget_cookie_names(b"".join(c for c in chunks if c is not STALL))
    # A request line without a version is HTTP/0.9 (a mutant may make one).
    first = b"".join(c for c in chunks if c is not STALL).split(b"\n")[0]
    is_09 = b" HTTP/" not in first
    try:
        st, how = run_h1(port, chunks, is_09)
    except Malformed as e:
        if stock_port is None or "at byte 0:" in str(e):
            raise
        try:
            run_h1(stock_port, chunks, is_09)
        except Malformed:
            return g.__name__[4:], ["apache-same"], "close"
        raise Failure(f"{e}\n(stock Apache answers the same bytes "
                      f"cleanly)")
    return g.__name__[4:], st, how


def check_server(server, seed):
    r, _ = rgtest.get(server, "/page.html")
    if r.status != 200 or r.body != b"<p>page</p>\n":
        raise Failure(f"normal request after the run: {r!r}")
    st, how = run_h2(server.port, [frame(HEADERS, END_STREAM | END_HEADERS,
                                         1, h2_headers(Encoder(), "/"))], [1])
    if st != [200]:
        raise Failure(f"normal h2c request after the run: {st} {how}")
    log = server.read_log()
    bad = [l for l in log.splitlines()
           if re.search(r"\[reqguard:(error|crit|alert|emerg)\]|exit signal|"
                        r"Segmentation fault|AddressSanitizer|"
                        r"LeakSanitizer|\bruntime error: ", l)]
    if bad:
        raise Failure("error log:\n" + "\n".join(bad[:20]))
    reports = server.new_sanitizer_reports()
    if reports:
        raise Failure("sanitizer reports:\n" + "\n".join(reports.values()))
    smuggled = [l for l in server.access_lines() if "/smuggle-" in l]
    if smuggled:
        raise Failure("requests hidden in bodies reached the server:\n"
                      + "\n".join(smuggled[:20]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=2000, help="cases to run")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--case", type=int, default=None,
                    help="run only this case of the seed")
    ap.add_argument("--jobs", type=int, default=8)
    ap.add_argument("--mpm", default="event")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else \
        int.from_bytes(os.urandom(4), "big")
    indexes = [args.case] if args.case is not None else range(args.n)
    print(f"wire fuzz: seed {seed}, {len(indexes)} cases, "
          f"module {rgtest.MODULE_SO}"
          + (" (sanitizer build)" if rgtest.SANITIZED else ""), flush=True)

    server = rgtest.Apache(conf=CONF, files=FILES, name="wirefuzz",
                           modules=["http2", "reflector"], mpm=args.mpm)
    plain = rgtest.Apache(conf=stock(CONF), files=STOCK_FILES,
                          name="wirefuzz-stock", with_reqguard=False,
                          loglevel="warn", modules=["http2", "reflector"],
                          mpm=args.mpm)
    server.start()
    plain.start()
    counts = collections.Counter()
    stat_counts = collections.Counter()
    ends = collections.Counter()
    failures = []
    lock = threading.Lock()
    todo = iter(indexes)
    started = time.time()

    def worker():
        while True:
            with lock:
                if failures:
                    return
                i = next(todo, None)
            if i is None:
                return
            try:
                name, st, how = run_case(server.port, seed, i, plain.port)
            except Failure as e:
                with lock:
                    failures.append((i, str(e)))
                return
            except OSError as e:
                with lock:
                    failures.append((i, f"{type(e).__name__}: {e}"))
                return
            with lock:
                counts[name] += 1
                ends[how] += 1
                for s in st:
                    stat_counts[s] += 1

    ok = False
    try:
        threads = [threading.Thread(target=worker)
                   for _ in range(max(1, args.jobs))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if not failures:
            try:
                check_server(server, seed)
            except Failure as e:
                failures.append(("after the run", str(e)))
        ok = not failures
    finally:
        plain.cleanup()
        server.stop()
        reports = server.new_sanitizer_reports()
        if reports:
            failures.append(("at shutdown", "sanitizer reports:\n" +
                             "\n".join(reports.values())))
            ok = False
        if ok:
            server.cleanup()
    took = time.time() - started
    done = sum(counts.values())
    print(f"  {done} exchanges in {took:.1f}s: " + ", ".join(
        f"{k} {v}" for k, v in sorted(counts.items())))
    print("  statuses: " + ", ".join(
        f"{k} {v}" for k, v in sorted(stat_counts.items(), key=str)))
    print("  ends: " + ", ".join(f"{k} {v}" for k, v in sorted(ends.items())))
    for i, msg in failures:
        print(f"FAILED case {i} (replay: --seed {seed} --case {i}):\n{msg}")
    if failures:
        print(f"  server directory kept: {server.root}")
        return 1
    print(f"wire fuzz: seed {seed}, every check held")
    print(f"wire-fuzz: {done} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
