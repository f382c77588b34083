"""What the benchmarks compare: server configurations and request kinds.

Every configuration serves the same site from the same generated ServerRoot
layout (tests/rgtest.py); they differ only in the module loaded and its
settings, so a difference in cost is the module's.
"""
import collections
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
import rgtest  # noqa: E402

APACHE2 = rgtest.APACHE2

# Every limit of the module, each set well above what the benchmark's
# clean requests carry, so that every check runs and none refuses.
ALL_LIMITS = """\
ReqGuardMaxFields 50
ReqGuardMaxFieldSize 8K
ReqGuardFieldLimit Cookie 4K
ReqGuardFieldLimit Referer 2K
ReqGuardMaxHeaderSize 32K
ReqGuardMaxURI 4K
ReqGuardMaxQuery 2K
ReqGuardMaxBody 10M
ReqGuardBodyTimeout 20
ReqGuardBodyMinRate 500
ReqGuardRequireLength On
"""

# Two per-name limits below the longest line of the heavy request (its
# Cookie): the case where a per-name limit cannot be settled from the line
# figures alone.
NAME_LIMITS = """\
ReqGuardFieldLimit User-Agent 1000
ReqGuardFieldLimit Accept-Language 200
"""

# Ceilings of the server above the same limits: what capping the limits
# per request costs (a shared host's usual setting).
CEILINGS = """\
ReqGuardCeiling MaxFieldSize 16K
ReqGuardCeiling MaxHeaderSize 64K
ReqGuardCeiling MaxURI 8K
"""

REQTIMEOUT_CONF = "/etc/apache2/mods-available/reqtimeout.conf"

MODSEC = """\
SecRuleEngine On
SecRequestBodyAccess On
SecDataDir @ROOT@/run
SecTmpDir @ROOT@/run
SecAuditEngine Off
"""

# Every configuration has this section, so that the location walk costs the
# same everywhere: a chunked body cannot satisfy ReqGuardRequireLength, so
# the chunked POST is measured with all the other limits.
CHUNKED_SECTION = """\
<Location "/chunked/">
<IfModule reqguard_module>
ReqGuardRequireLength Off
</IfModule>
</Location>
"""

Config = collections.namedtuple("Config", "title reqguard modules conf own")


def _reqtimeout_conf():
    with open(REQTIMEOUT_CONF) as f:
        return f.read()


CONFIGS = {
    "stock": Config("stock Apache", False, (), "", None),
    "none": Config("mod_reqguard, no limits", True, (), "",
                   "mod_reqguard.so"),
    "all": Config("mod_reqguard, all limits", True, (), ALL_LIMITS,
                  "mod_reqguard.so"),
    "names": Config("mod_reqguard, only two per-name limits", True, (),
                    NAME_LIMITS, "mod_reqguard.so"),
    "all-names": Config("mod_reqguard, all limits and two per-name limits",
                        True, (), ALL_LIMITS + NAME_LIMITS,
                        "mod_reqguard.so"),
    "all-ceilings": Config("mod_reqguard, all limits under ceilings", True,
                           (), ALL_LIMITS + CEILINGS, "mod_reqguard.so"),
    # ReqGuardLearn On and no limit: what learning itself costs.
    "learn": Config("mod_reqguard, ReqGuardLearn On, no limits", True, (),
                    "ReqGuardLearn On\n", "mod_reqguard.so"),
    "reqtimeout": Config("mod_reqtimeout, Debian's default", False,
                         ("reqtimeout",), None, "mod_reqtimeout.so"),
    "modsec": Config("ModSecurity, no rules", False, ("security2",), MODSEC,
                     "mod_security2.so"),
}


# ---- requests -------------------------------------------------------------

def _head(method, path, fields):
    lines = [f"{method} {path} HTTP/1.1"] + [f"{k}: {v}" for k, v in fields]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


CURL_FIELDS = [("Host", "127.0.0.1"), ("User-Agent", "curl/7.88.1"),
               ("Accept", "*/*")]


def _cookie(size):
    """A Cookie value of exactly `size` bytes made of name=value pairs."""
    parts = []
    i = 0
    while True:
        part = f"c{i:02d}=" + "v" * 90
        used = len("; ".join(parts + [part]))
        if used > size:
            break
        parts.append(part)
        i += 1
    value = "; ".join(parts)
    if len(value) < size:
        pad = size - len(value) - (2 if parts else 0) - len("pad=")
        value = "; ".join(parts + ["pad=" + "p" * max(pad, 0)])
    assert len(value) == size, (len(value), size)
    return value


BROWSER_FIELDS = [
    ("Host", "127.0.0.1"),
    ("Connection", "keep-alive"),
    ("Cache-Control", "max-age=0"),
    ("sec-ch-ua", '"Chromium";v="124", "Google Chrome";v="124", '
                  '"Not-A.Brand";v="99"'),
    ("sec-ch-ua-mobile", "?0"),
    ("sec-ch-ua-platform", '"Linux"'),
    ("Upgrade-Insecure-Requests", "1"),
    ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
                   "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"),
    ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,"
               "image/avif,image/webp,image/apng,*/*;q=0.8,"
               "application/signed-exchange;v=b3;q=0.7"),
    ("Sec-Fetch-Site", "same-origin"),
    ("Sec-Fetch-Mode", "navigate"),
    ("Sec-Fetch-User", "?1"),
    ("Sec-Fetch-Dest", "document"),
    ("Referer", "http://127.0.0.1/shop/category/shoes?page=2&sort=price"),
    ("Accept-Encoding", "gzip, deflate, br, zstd"),
    ("Accept-Language", "en-GB,en;q=0.9,de;q=0.8,fr;q=0.7"),
    ("Priority", "u=0, i"),
    ("DNT", "1"),
    ("Sec-GPC", "1"),
    ("X-Requested-With", "XMLHttpRequest"),
    ("X-Forwarded-For", "203.0.113.7, 198.51.100.23"),
    ("X-Forwarded-Proto", "http"),
    ("X-Real-IP", "203.0.113.7"),
    ("Origin", "http://127.0.0.1"),
    ("Pragma", "no-cache"),
    ("Via", "1.1 proxy.example.net"),
    ("X-Correlation-ID", "3f0c2a9e-8d1b-4c57-9a0e-6b2f7d4e1c88"),
    ("X-Request-Start", "t=1717171717123456"),
    ("X-Client-Version", "web-2024.05.31-rc2"),
    ("X-Device-Id", "d2f6b7c8e9a04b1c9d3e5f7a8b9c0d1e"),
    ("X-Timezone", "Europe/Berlin"),
    ("X-Viewport", "1920x1080@2"),
    ("X-Feature-Flags", "checkout-v2,search-suggest,dark-mode"),
    ("X-Session-Hint", "warm"),
    ("X-Experiment", "exp-4411=b; exp-4412=a"),
    ("X-Locale", "en_GB"),
    ("X-Currency", "EUR"),
    ("X-Tenant", "shop-eu-west"),
    ("X-Trace", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
    ("Cookie", _cookie(3900)),
]
assert len(BROWSER_FIELDS) == 40

BODY = b"a" * 10240


def _extra_lines(n):
    return [(f"X-Bench-Line-{i:02d}", "value-of-the-extra-line")
            for i in range(n)]


Request = collections.namedtuple("Request", "title kind data status")

# kind: "h1" sends `data` over HTTP/1.1 keep-alive connections, "h2" runs
# h2load over h2c with prior knowledge.
REQUESTS = {
    "plain": Request("plain GET (curl, 3 fields)", "h1",
                     _head("GET", "/small.html", CURL_FIELDS), 200),
    "heavy": Request("heavy GET (browser, 40 fields, 3.9 KB Cookie)", "h1",
                     _head("GET", "/small.html", BROWSER_FIELDS), 200),
    "post-cl": Request("POST 10 KB, Content-Length", "h1",
                       _head("POST", "/post.html", CURL_FIELDS + [
                           ("Content-Type", "application/octet-stream"),
                           ("Content-Length", str(len(BODY)))]) + BODY,
                       200),
    "post-chunked": Request(
        "POST 10 KB, chunked", "h1",
        _head("POST", "/chunked/post.html", CURL_FIELDS + [
            ("Content-Type", "application/octet-stream"),
            ("Transfer-Encoding", "chunked")])
        + b"%x\r\n" % len(BODY) + BODY + b"\r\n0\r\n\r\n", 200),
    "h2": Request("HTTP/2 GET (h2c)", "h2", "/small.html", 200),
    # For the slopes: the plain GET with 20 more header lines, and with a
    # Cookie of 512 bytes and of 3.5 KiB.
    "lines": Request("plain GET + 20 header lines", "h1",
                     _head("GET", "/small.html",
                           CURL_FIELDS + _extra_lines(20)), 200),
    "cookie-0.5k": Request("plain GET + Cookie 512 B", "h1",
                           _head("GET", "/small.html", CURL_FIELDS + [
                               ("Cookie", _cookie(512))]), 200),
    "cookie-3.5k": Request("plain GET + Cookie 3.5 KiB", "h1",
                           _head("GET", "/small.html", CURL_FIELDS + [
                               ("Cookie", _cookie(3584))]), 200),
}

SITE = {
    "htdocs/small.html": "<p>small</p>\n",
    "htdocs/post.html": "<p>posted</p>\n",
    "htdocs/chunked/post.html": "<p>posted</p>\n",
}


def conf_text(config, request=None):
    c = CONFIGS[config]
    text = _reqtimeout_conf() if c.conf is None else c.conf
    if request is not None and REQUESTS[request].kind == "h2":
        text = "Protocols h2c http/1.1\n" + text
    return CHUNKED_SECTION + text


def server(config, request=None, mpm="prefork", name="bench", extra="",
           files=None):
    """An rgtest.Apache for `config` (not started); `request` of kind h2
    turns h2c on (mod_http2 is then loaded in every configuration)."""
    c = CONFIGS[config]
    modules = list(c.modules)
    if request is not None and REQUESTS[request].kind == "h2":
        modules.append("http2")
    site = dict(SITE)
    site.update(files or {})
    a = rgtest.Apache(conf=conf_text(config, request) + extra, files=site,
                      modules=modules, mpm=mpm, loglevel="warn",
                      with_reqguard=c.reqguard, name=name)
    a.port = rgtest.free_port()
    return a


def allowed_log(request):
    """Error-log lines expected with this request kind."""
    if REQUESTS[request].kind == "h2":
        # mod_http2 warns that it does not support prefork, yet serves
        # h2c streams there (h2load's status count proves each one).
        return [r"AH10034: The mpm module \(prefork\.c\) is not supported"]
    return []


# ---- sending --------------------------------------------------------------

PER_CONNECTION = 50


def send(request, port, n):
    """Send n requests of kind `request`; raise if any answer is not the
    expected status."""
    req = REQUESTS[request]
    if req.kind == "h2":
        _send_h2(req, port, n)
        return
    done = 0
    while done < n:
        # 50 requests per connection (the harness allows 100 per
        # keep-alive connection), so connection set-up is counted too.
        with rgtest.Conn(port, timeout=60) as c:
            for _ in range(min(PER_CONNECTION, n - done)):
                c.send(req.data)
                r = c.read_response()
                if r.status != req.status:
                    raise RuntimeError(f"{request}: got {r.status_line}, "
                                       f"expected {req.status}")
                done += 1


def _send_h2(req, port, n):
    # One h2load run per 50 requests, each one connection with one stream
    # at a time, as the HTTP/1.1 requests are sent.
    done = 0
    while done < n:
        k = min(PER_CONNECTION, n - done)
        p = subprocess.run(
            ["h2load", "-n", str(k), "-c", "1", "-m", "1",
             f"http://127.0.0.1:{port}{req.data}"],
            capture_output=True, text=True, timeout=600)
        m = re.search(r"status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, "
                      r"(\d+) 5xx", p.stdout)
        if p.returncode != 0 or not m or int(m.group(1)) != k:
            raise RuntimeError(
                f"h2load: {p.returncode}\n{p.stdout}\n{p.stderr}")
        if "Application protocol: h2c" not in p.stdout:
            raise RuntimeError(f"h2load did not speak h2c:\n{p.stdout}")
        done += k


ACCESS = re.compile(r'^\S+ "[^"]*" (\d{3}) ')


def access_statuses(a):
    out = []
    for line in a.access_lines():
        m = ACCESS.match(line)
        out.append(int(m.group(1)) if m else line)
    return out
