"""The body guard: ReqGuardMaxBody (413), ReqGuardRequireLength (411),
ReqGuardBodyTimeout / ReqGuardBodyMinRate (408), against every way a body
reaches an application: the default handler, a CGI (mod_cgid), mod_reflector,
mod_proxy_http to a backend on loopback and mod_proxy_fcgi to a real PHP-FPM.

Limits come from .htaccess (the way tenants set them), except for the
proxied path, which has no directory: there a <Location> sets them.
"""
import concurrent.futures
import os
import re
import select
import subprocess
import time

import pytest

import rgtest
import body_util as bu
from body_util import body_of, digest_line

LIMIT = 1000
CGI = bu.fixture("echo.cgi")
PHP = bu.fixture("read.php")

# Handlers that log at [error] whenever an input filter refuses the body
# they are reading -- core's own LimitRequestBody produces exactly the same
# lines (test_core_limit_request_body_answers_alone shows it).  They are
# Apache's lines, not the module's.
READER_ERRORS = (r"AH01270: Error reading request entity data|"
                 r"AH01095: prefetch request body failed|"
                 r"AH02608: read request body failed|"
                 r"AH01075: Error dispatching request")

# mod_http2 (h2c on) peeks at the first 24 bytes of a connection for the
# HTTP/2 preface; mod_logio counts that peek in %I.
H2_PREFACE_PEEK = 24

STATUS_413 = "HTTP/1.1 413 Request Entity Too Large"
STATUS_411 = "HTTP/1.1 411 Length Required"
STATUS_408 = "HTTP/1.1 408 Request Timeout"


def common_conf(fpm_sock, with_php_dirs=("lim", "report", "slow", "rt")):
    # PHP-FPM reads no body without CONTENT_LENGTH, and mod_proxy_fcgi
    # streams a chunked body it could not prefetch whole without one:
    # proxy-sendcl makes it spool the body to learn the length (the usual
    # setup for chunked uploads to PHP).
    php = "".join(f"""
<Directory "@ROOT@/htdocs/{d}/php">
    <FilesMatch "\\.php$">
        SetHandler "proxy:unix:{fpm_sock}|fcgi://localhost"
        SetEnv proxy-sendcl 1
    </FilesMatch>
</Directory>
""" for d in with_php_dirs)
    return f"""
ScriptSock @ROOT@/run/cgid.sock
<Directory "@ROOT@/htdocs">
    Options +ExecCGI
    AddHandler cgi-script .cgi
</Directory>
<LocationMatch "/reflect$">
    SetHandler reflector
</LocationMatch>
{php}
"""


def site(dirs):
    """{dir: .htaccess text} -> files: each directory gets the .htaccess,
    a static page, the CGI and the PHP script."""
    files = {"htdocs/ed/too-big.html": "<p>too big</p>\n"}
    for d, htaccess in dirs.items():
        if htaccess is not None:
            files[f"htdocs/{d}/.htaccess"] = htaccess
        files[f"htdocs/{d}/index.html"] = "static\n"
        files[f"htdocs/{d}/echo.cgi"] = CGI
        files[f"htdocs/{d}/php/read.php"] = PHP
    return files


MAIN_DIRS = {
    "lim": f"ReqGuardMaxBody {LIMIT}\n",
    "open": None,
    "report": ("ReqGuard ReportOnly\nReqGuardMaxBody 1000\n"
               "ReqGuardRequireLength On\nReqGuardBodyTimeout 1\n"),
    "off": "ReqGuard Off\nReqGuardMaxBody 1000\nReqGuardRequireLength On\n",
    "len": "ReqGuardRequireLength On\n",
    "slow": "ReqGuardBodyTimeout 1\nReqGuardMaxBody 100000\n",
    "rate": "ReqGuardBodyTimeout 1\nReqGuardBodyMinRate 200\n",
    "big": "ReqGuardMaxBody 64K\n",
    "core": "LimitRequestBody 500\nReqGuardMaxBody 1000\n",
    "core2": "LimitRequestBody 2000\nReqGuardMaxBody 1000\n",
    "ed": "ReqGuardMaxBody 1000\nErrorDocument 413 /ed/too-big.html\n",
}

MAIN_MODULES = ["cgid", "reflector", "proxy", "proxy_http", "proxy_fcgi",
                "http2"]


@pytest.fixture(scope="module")
def fpm():
    f = bu.PhpFpm().start()
    yield f
    f.cleanup()


@pytest.fixture(scope="module")
def backend(start_apache):
    """A second Apache, without the module, serving the CGI: the origin
    behind mod_proxy_http."""
    return start_apache(
        name="backend", with_reqguard=False, loglevel="warn",
        modules=["cgid"], files={"htdocs/echo.cgi": CGI}, conf="""
ScriptSock @ROOT@/run/cgid.sock
<Directory "@ROOT@/htdocs">
    Options +ExecCGI
    AddHandler cgi-script .cgi
</Directory>
""")


@pytest.fixture(scope="module")
def server(start_apache, fpm, backend):
    conf = common_conf(fpm.sock) + f"""
Protocols h2c http/1.1
ProxyPass "/proxy/" "http://127.0.0.1:{backend.port}/"
<Location "/proxy/">
    ReqGuardMaxBody {LIMIT}
</Location>
"""
    return start_apache(conf=conf, files=site(MAIN_DIRS),
                        modules=MAIN_MODULES)


# ---- clients ----------------------------------------------------------

def exchange(server, data, closed_wait=None, timeout=10):
    """Send data, read one response; optionally see whether the server
    closed the connection after it (within closed_wait s)."""
    with rgtest.Conn(server.port, timeout) as c:
        c.send(data)
        r = c.read_response()
        closed = c.is_closed(closed_wait) if closed_wait else None
        return r, closed


def post(server, path, body, is_chunked=False, headers=(), closed_wait=None,
         chunk=400):
    return exchange(server, bu.request_bytes(path, body, is_chunked, headers,
                                             chunk), closed_wait)


def drip(port, path, parts, gap, is_chunked=False):
    """Send a body in parts, gap seconds apart, stopping as soon as the
    server answers; return (response or None, seconds to the answer,
    closed after it)."""
    c = rgtest.Conn(port, timeout=15)
    total = sum(len(p) for p in parts)
    t0 = time.time()
    try:
        c.send(bu.head(path, total, is_chunked))
        for i, p in enumerate(parts):
            if select.select([c.sock], [], [], 0)[0]:
                break
            c.send((b"%x\r\n" % len(p) + p + b"\r\n") if is_chunked else p)
            if i + 1 < len(parts):
                time.sleep(gap)
        else:
            if is_chunked:
                c.send(b"0\r\n\r\n")
        r = c.read_response()
        return r, time.time() - t0, c.is_closed(1.0)
    finally:
        c.close()


def stall(port, path, is_chunked=False):
    """10 bytes of a 100-byte body, then silence."""
    c = rgtest.Conn(port, timeout=15)
    t0 = time.time()
    try:
        part = body_of(10)
        if is_chunked:
            c.send(bu.head(path, is_chunked=True) + b"a\r\n" + part + b"\r\n")
        else:
            c.send(bu.head(path, 100) + part)
        try:
            r = c.read_response()
        except EOFError as e:
            r = e
        return r, time.time() - t0, c.is_closed(1.0)
    finally:
        c.close()


def parallel(fn, cases):
    """Run fn(*case) for every case at once: the waits overlap."""
    with concurrent.futures.ThreadPoolExecutor(len(cases)) as ex:
        futs = [ex.submit(fn, *case) for case in cases]
        return [f.result() for f in futs]


def expected_ok_body(reader, body):
    if reader == "static":
        return b"static\n"
    if reader == "reflect":
        return body
    return digest_line(body)


READERS = {
    "static": "/lim/index.html",
    "cgi": "/lim/echo.cgi",
    "reflect": "/lim/reflect",
    "proxy": "/proxy/echo.cgi",
    "php": "/lim/php/read.php",
}


def assert_refused(r, closed, status_line):
    assert r.status_line == status_line, r
    # (mod_http2 may add its "Upgrade" token when h2c is on)
    tokens = [t.strip().lower()
              for t in (r.header("Connection") or "").split(",")]
    assert "close" in tokens, r.headers
    assert closed, "connection must close after the refusal"


# ---- limits at their boundaries, every reader --------------------------

@pytest.mark.parametrize("framing", ["content-length", "chunked"])
@pytest.mark.parametrize("reader", list(READERS))
def test_body_at_limit_boundaries(server, reader, framing):
    path = READERS[reader]
    is_chunked = framing == "chunked"
    for n in (LIMIT - 1, LIMIT):
        body = body_of(n)
        r, _ = post(server, path, body, is_chunked, chunk=4096)
        assert r.status_line == "HTTP/1.1 200 OK", (n, r)
        assert r.body == expected_ok_body(reader, body), n
    # limit + 1 (in one chunk): refused before the reader got a byte
    server.allow_log(READER_ERRORS)
    mark = bu.access_mark(server)
    r, closed = post(server, path, body_of(LIMIT + 1), is_chunked,
                     closed_wait=1.0, chunk=4096)
    assert_refused(r, closed, STATUS_413)
    assert r.body and b"reqguard-body-" not in r.body
    server.wait_log(r"RG00001: status=413 kind=body field=- "
                    r"observed=1001 limit=1000 action=blocked")
    line = bu.access_since(server, mark, path, 413)[-1]
    assert re.search(r'" 413 \d+ \d+ v=body$', line), line


def test_declared_oversize_is_refused_before_any_body_byte(server):
    body = body_of(5000)
    head = bu.head("/lim/echo.cgi", len(body))
    mark = bu.access_mark(server)
    r, closed = exchange(server, head + body, closed_wait=1.0)
    assert_refused(r, closed, STATUS_413)
    line = bu.access_since(server, mark, "/lim/echo.cgi", 413)[-1]
    assert " 413 " in line and line.endswith("v=body"), line
    # mod_logio: only the header bytes were read (plus the 24 bytes
    # mod_http2 peeks at for an h2c connection preface)
    assert bu.logio_in(line) == len(head) + H2_PREFACE_PEEK, (line, len(head))
    server.wait_log(r"RG00001: status=413 kind=body .*observed=5000 "
                    r"limit=1000 action=blocked")


def test_declared_oversize_gets_no_100_continue(server):
    with rgtest.Conn(server.port) as c:
        c.send(bu.head("/lim/echo.cgi", 5000,
                       headers=[("Expect", "100-continue")]))
        r = c.read_response(skip_interim=False)
        assert r.status_line == STATUS_413, r
        assert not getattr(c, "interim", None)
        assert r.header("Connection") == "close"
        assert c.is_closed(1.0)
    server.wait_log(r"RG00001: status=413 kind=body")


def test_under_limit_with_100_continue_still_works(server):
    body = body_of(LIMIT)
    with rgtest.Conn(server.port) as c:
        c.send(bu.head("/lim/echo.cgi", len(body),
                       headers=[("Expect", "100-continue")]))
        interim = c.read_response(skip_interim=False)
        assert interim.status == 100
        c.send(body)
        r = c.read_response()
        assert r.status_line == "HTTP/1.1 200 OK"
        assert r.body == digest_line(body)


def test_chunked_body_counted_as_it_streams(server):
    # 6000 bytes in 400-byte chunks: refused after 1200, not at the end
    server.allow_log(READER_ERRORS)
    r, closed = post(server, "/lim/echo.cgi", body_of(6000), True,
                     closed_wait=1.0)
    assert_refused(r, closed, STATUS_413)
    line = server.wait_log(r"RG00001: status=413 kind=body")[0]
    observed = int(re.search(r"observed=(\d+)", line).group(1))
    assert LIMIT < observed < 6000


def test_late_violation_cuts_a_started_response(server):
    """mod_reflector sends its head with the first bytes it reads: the
    413 cannot be sent any more; the chunked 200 ends without its last
    chunk and the connection closes, so the client sees the cut."""
    first, second = body_of(600), body_of(600, seed=b"second-")
    mark = bu.access_mark(server)
    with rgtest.Conn(server.port) as c:
        c.send(bu.head("/lim/reflect", is_chunked=True)
               + b"%x\r\n" % len(first) + first + b"\r\n")
        time.sleep(0.3)
        c.send(b"%x\r\n" % len(second) + second + b"\r\n0\r\n\r\n")
        head = c._read_until(b"\r\n\r\n")
        rest = bu.read_to_eof(c)
    assert head.startswith(b"HTTP/1.1 200 OK\r\n"), head
    assert b"Transfer-Encoding: chunked" in head
    assert c.eof, "the connection must close"
    payload, complete = bu.dechunk(rest)
    assert payload == first and not complete, rest[-40:]
    server.wait_log(r"RG00001: status=413 kind=body .*action=blocked")
    server.wait_log(r"RG00101: response already started")
    line = bu.access_since(server, mark, "/lim/reflect", 200)[-1]
    assert re.search(r'" 200 \d+ \d+ v=body$', line), line


def test_curl_sees_cut_response(server, tmp_path):
    """The same cut as curl reports it: exit 18 (partial file) rather
    than a clean 200."""
    script = tmp_path / "slow.sh"
    script.write_text("printf '%0600d' 0; sleep 0.3; printf '%0600d' 0\n")
    p = subprocess.Popen(["sh", str(script)], stdout=subprocess.PIPE)
    out = subprocess.run(
        ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
         "-X", "POST", "-T", "-", server.url + "/lim/reflect"],
        stdin=p.stdout, capture_output=True, timeout=20)
    p.wait()
    assert out.stdout == b"200"
    assert out.returncode == 18, out
    server.wait_log(r"RG00101: response already started")


def test_error_document_413_is_honoured(server):
    """A tenant's ErrorDocument 413 serves the refusal, declared or
    streamed, with the 413 status kept."""
    server.allow_log(READER_ERRORS)
    for is_chunked in (False, True):
        r, closed = post(server, "/ed/echo.cgi", body_of(5000), is_chunked,
                         closed_wait=1.0)
        assert_refused(r, closed, STATUS_413)
        assert r.body == b"<p>too big</p>\n"
    server.wait_log(r"RG00001: status=413 kind=body", count=2)


# ---- 411 ------------------------------------------------------------------

def test_chunked_body_where_length_required_gets_411(server):
    mark = bu.access_mark(server)
    r, closed = post(server, "/len/echo.cgi", body_of(10), True,
                     closed_wait=1.0)
    assert_refused(r, closed, STATUS_411)
    server.wait_log(r"RG00001: status=411 kind=length-required "
                    r".*action=blocked")
    line = bu.access_since(server, mark, "/len/echo.cgi", 411)[-1]
    assert " 411 " in line and line.endswith("v=length-required")
    # with a length it passes, and so does a request without a body
    body = body_of(10)
    r, _ = post(server, "/len/echo.cgi", body)
    assert r.status_line == "HTTP/1.1 200 OK" and r.body == digest_line(body)
    r, _ = rgtest.get(server, "/len/index.html")
    assert r.status_line == "HTTP/1.1 200 OK"


@pytest.mark.parametrize("name", [b"content-length", b"CONTENT-LENGTH",
                                  b"cOnTeNt-LeNgTh"])
def test_content_length_in_any_case_is_judged(server, name):
    """The declared length is found whatever the case of its name: over the
    limit, refused before a body byte; at it, read and answered."""
    head = (b"POST /lim/echo.cgi HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: text/plain\r\n" + name + b": 5000\r\n\r\n")
    r, closed = exchange(server, head, closed_wait=1.0)
    assert_refused(r, closed, STATUS_413)
    server.wait_log(r"RG00001: status=413 kind=body .*observed=5000 "
                    r"limit=1000 action=blocked")
    body = body_of(LIMIT)
    r, _ = exchange(server, head.replace(b"5000", b"%d" % LIMIT) + body)
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == digest_line(body)


@pytest.mark.parametrize("name", [b"transfer-encoding",
                                  b"TRANSFER-ENCODING"])
def test_transfer_encoding_in_any_case_is_judged(server, name):
    data = (b"POST /len/echo.cgi HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + name + b": chunked\r\n\r\n" + b"a\r\n0123456789\r\n0\r\n\r\n")
    r, closed = exchange(server, data, closed_wait=1.0)
    assert_refused(r, closed, STATUS_411)
    server.wait_log(r"RG00001: status=411 kind=length-required "
                    r".*action=blocked")


def test_411_is_sent_without_100_continue(server):
    with rgtest.Conn(server.port) as c:
        c.send(bu.head("/len/echo.cgi", is_chunked=True,
                       headers=[("Expect", "100-continue")]))
        r = c.read_response(skip_interim=False)
        assert r.status_line == STATUS_411
        assert not getattr(c, "interim", None)
        assert c.is_closed(1.0)


# ---- ReportOnly, Off --------------------------------------------------------

@pytest.mark.parametrize("path", ["/report/echo.cgi",
                                  "/report/php/read.php"])
@pytest.mark.parametrize("framing", ["content-length", "chunked"])
def test_report_only_passes_every_byte_and_logs(server, path, framing):
    body = body_of(5000)
    mark = bu.access_mark(server)
    r, closed = post(server, path, body, framing == "chunked",
                     closed_wait=0.3)
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == digest_line(body)
    assert not closed
    server.wait_log(r"RG00001: status=413 kind=body .*limit=1000 "
                    r"action=reported")
    if framing == "chunked":
        server.wait_log(r"RG00001: status=411 kind=length-required "
                        r".*action=reported")
    assert bu.access_since(server, mark, path, 200)[-1].endswith(" v=body")


def test_report_only_stall_is_logged_and_waited_out(server):
    """A 1.5 s pause under ReqGuardBodyTimeout 1: recorded, but the body
    still arrives whole."""
    first, rest = body_of(10), body_of(90, seed=b"rest-")
    with rgtest.Conn(server.port) as c:
        c.send(bu.head("/report/echo.cgi", 100) + first)
        time.sleep(1.5)
        c.send(rest)
        r = c.read_response()
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == digest_line(first + rest)
    server.wait_log(r"RG00001: status=408 kind=body-timeout .*limit=1 "
                    r"action=reported")


def test_off_does_nothing(server):
    body = body_of(5000)
    for is_chunked in (False, True):
        r, _ = post(server, "/off/echo.cgi", body, is_chunked)
        assert r.status_line == "HTTP/1.1 200 OK"
        assert r.body == digest_line(body)
    assert not server.log_lines("RG00001")


# ---- keep-alive, lingering close ------------------------------------------

def test_keep_alive_sequence_under_limit(server):
    with rgtest.Conn(server.port) as c:
        for i in range(6):
            path = "/lim/echo.cgi" if i % 3 else "/lim/php/read.php"
            body = body_of(LIMIT - i, seed=b"seq%d-" % i)
            c.send(bu.request_bytes(path, body, is_chunked=bool(i % 2)))
            r = c.read_response()
            assert r.status_line == "HTTP/1.1 200 OK", i
            assert r.header("Connection") != "close"
            assert r.body == digest_line(body), i
        assert not c.is_closed(0.2)
    assert not server.log_lines("RG00001")


@pytest.mark.parametrize("framing", ["content-length", "chunked"])
def test_megabyte_sent_blindly_still_reads_413(server, framing):
    """1 MiB sent without waiting against a 64 KiB limit: lingering close
    drains it, the client reads the 413 instead of a reset."""
    server.allow_log(READER_ERRORS)
    body = body_of(1 << 20)
    data = bu.request_bytes("/big/echo.cgi", body, framing == "chunked")
    with rgtest.Conn(server.port, timeout=20) as c:
        c.send(data)
        r = c.read_response()
        assert r.status_line == STATUS_413
        assert r.header("Connection") == "close"
    server.wait_log(r"RG00001: status=413 kind=body .*limit=65536")


# ---- core's LimitRequestBody --------------------------------------------

def test_core_limit_request_body_answers_alone(server):
    """LimitRequestBody 500 under ReqGuardMaxBody 1000: core answers, once,
    and the module records nothing, also for a length over both.  Core's
    refusal of a chunked body makes mod_cgid log AH01270 exactly as the
    module's does."""
    mark = bu.access_mark(server)
    for is_chunked, n in ((False, 600), (True, 600), (False, 2000),
                          (True, 2000)):
        with rgtest.Conn(server.port) as c:
            c.send(bu.request_bytes("/core/echo.cgi", body_of(n),
                                    is_chunked))
            r = c.read_response()
            assert r.status_line == STATUS_413
            assert c.is_closed(1.0)
            assert c.buf == b"", "exactly one response"
    server.wait_log(r"AH01270: Error reading request entity data")
    assert not server.log_lines("RG00001")
    lines = bu.access_since(server, mark, "/core/echo.cgi", 413, count=4)
    assert all(l.endswith(" v=-") and " 413 " in l for l in lines), lines


def test_module_limit_below_core_answers_alone(server):
    server.allow_log(READER_ERRORS)
    mark = bu.access_mark(server)
    for is_chunked, n in ((False, 2500), (True, 1500), (True, 3000)):
        with rgtest.Conn(server.port) as c:
            c.send(bu.request_bytes("/core2/echo.cgi", body_of(n),
                                    is_chunked))
            r = c.read_response()
            assert r.status_line == STATUS_413
            assert c.is_closed(1.0)
            assert c.buf == b""
    server.wait_log(r"RG00001: status=413 kind=body", count=3)
    lines = bu.access_since(server, mark, "/core2/echo.cgi", 413, count=3)
    assert all(l.endswith(" v=body") for l in lines), lines


# ---- timeouts ---------------------------------------------------------------

STALL_READERS = {
    "static": "/slow/index.html",
    "cgi": "/slow/echo.cgi",
    "php": "/slow/php/read.php",
}


def test_stalled_body_gets_408_within_a_second_of_the_timeout(server):
    server.allow_log(READER_ERRORS)
    cases = [(server.port, path, ch) for path in STALL_READERS.values()
             for ch in (False, True)]
    results = parallel(stall, cases)
    for (_, path, ch), (r, dt, closed) in zip(cases, results):
        assert isinstance(r, rgtest.Response), (path, ch, r, dt,
                                                server.log_since_mark())
        assert r.status_line == STATUS_408, (path, ch, r)
        assert r.header("Connection") == "close", (path, ch)
        assert closed, (path, ch)
        assert 0.9 <= dt <= 2.0, (path, ch, dt)
    server.wait_log(r"RG00001: status=408 kind=body-timeout .*observed=1 "
                    r"limit=1 action=blocked", count=len(cases))


def test_stall_after_the_response_started_cuts_it(server):
    """mod_reflector has sent its head (with the Content-Length it
    copied) when the body stalls: the client gets fewer bytes than
    announced and a closed connection."""
    r, dt, _ = stall(server.port, "/slow/reflect")
    assert isinstance(r, EOFError), r
    assert "after 10 of 100 body bytes" in str(r)
    assert dt <= 2.0
    server.wait_log(r"RG00001: status=408 kind=body-timeout")
    server.wait_log(r"RG00101: response already started")


def test_min_rate(server):
    """ReqGuardBodyTimeout 1 and ReqGuardBodyMinRate 200: 100 bytes every
    0.25 s (400 B/s) passes; 20 bytes every 0.4 s (50 B/s, no single gap
    over the timeout) is refused once the first second is over."""
    server.allow_log(READER_ERRORS)
    steady = [body_of(100, seed=b"s%d-" % i) for i in range(7)]
    crawl = [body_of(20, seed=b"c%d-" % i) for i in range(10)]
    mark = bu.access_mark(server)
    (ok, ok_dt, _), (slow, slow_dt, slow_closed) = parallel(drip, [
        (server.port, "/rate/echo.cgi", steady, 0.25),
        (server.port, "/rate/echo.cgi", crawl, 0.4),
    ])
    assert ok.status_line == "HTTP/1.1 200 OK"
    assert ok.body == digest_line(b"".join(steady))
    assert ok_dt >= 1.4
    assert slow.status_line == STATUS_408, slow
    assert slow.header("Connection") == "close"
    assert slow_closed
    assert 1.0 <= slow_dt <= 2.2, slow_dt
    line = server.wait_log(r"RG00001: status=408 kind=body-timeout")[0]
    assert "limit=200 action=blocked" in line
    lines = bu.access_since(server, mark, "/rate/echo.cgi", count=2)
    assert sorted(re.search(r'" (\d{3}) .* v=(\S*)$', l).groups()
                  for l in lines) == [("200", "-"), ("408", "body-timeout")]


def test_min_rate_chunked(server):
    server.allow_log(READER_ERRORS)
    crawl = [body_of(20, seed=b"c%d-" % i) for i in range(10)]
    r, dt, closed = drip(server.port, "/rate/echo.cgi", crawl, 0.4,
                         is_chunked=True)
    assert r.status_line == STATUS_408, r
    assert r.header("Connection") == "close"
    assert closed and 1.0 <= dt <= 2.2, dt
    server.wait_log(r"RG00001: status=408 kind=body-timeout "
                    r".*limit=200 action=blocked")


# ---- mod_security2 reads the body in fixups: the module is there first -----

@pytest.fixture(scope="module")
def modsec_server(start_apache, fpm):
    conf = common_conf(fpm.sock, ("lim",)) + """
SecRuleEngine On
SecRequestBodyAccess On
SecRequestBodyLimit 10485760
SecRequestBodyNoFilesLimit 10485760
SecDataDir @ROOT@/run
SecTmpDir @ROOT@/run
SecAuditEngine Off
"""
    return start_apache(name="modsec", conf=conf,
                        files=site({"lim": f"ReqGuardMaxBody {LIMIT}\n"}),
                        modules=["cgid", "reflector", "proxy", "proxy_fcgi",
                                 "security2"])


@pytest.mark.parametrize("reader", ["/lim/echo.cgi", "/lim/php/read.php"])
def test_module_refuses_before_mod_security_reads_the_body(modsec_server,
                                                           reader):
    s = modsec_server
    s.allow_log(READER_ERRORS + r"|ModSecurity: Error reading request body")
    body = body_of(LIMIT)
    r, _ = post(s, reader, body, is_chunked=True)
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == digest_line(body)
    mark = bu.access_mark(s)
    r, closed = post(s, reader, body_of(6000), is_chunked=True,
                     closed_wait=1.0)
    assert_refused(r, closed, STATUS_413)
    line = s.wait_log(r"RG00001: status=413 kind=body")[0]
    assert int(re.search(r"observed=(\d+)", line).group(1)) < 6000
    assert bu.access_since(s, mark, reader, 413)[-1].endswith(" v=body")


# ---- every MPM, and a timeout from below (mod_reqtimeout) -------------------

@pytest.mark.parametrize("mpm", ["event", "worker", "prefork"])
def test_mpm_smoke(start_apache, fpm, mpm):
    dirs = {"lim": f"ReqGuardMaxBody {LIMIT}\n",
            "slow": "ReqGuardBodyTimeout 1\n",
            "rt": f"ReqGuardMaxBody {100 * LIMIT}\n"}
    s = start_apache(name="mpm-" + mpm, mpm=mpm,
                     conf=common_conf(fpm.sock) +
                     "RequestReadTimeout header=10 body=2\n",
                     files=site(dirs),
                     modules=["cgid", "reflector", "proxy", "proxy_fcgi",
                              "reqtimeout"])
    s.allow_log(READER_ERRORS)
    body = body_of(LIMIT)
    for path in ("/lim/echo.cgi", "/lim/php/read.php"):
        for ch in (False, True):
            r, _ = post(s, path, body, ch)
            assert r.status_line == "HTTP/1.1 200 OK", (mpm, path, ch)
            assert r.body == digest_line(body)
            r, closed = post(s, path, body_of(LIMIT + 1), ch, closed_wait=1)
            assert_refused(r, closed, STATUS_413)
    # ours at 1 s, mod_reqtimeout's at 2 s, and mod_reqtimeout's timeout
    # on a response already started (the module's filter counts this
    # chunked body, so it cuts the response): all at once
    mark = bu.access_mark(s)
    results = parallel(stall, [(s.port, "/slow/echo.cgi", True),
                               (s.port, "/rt/echo.cgi", True),
                               (s.port, "/rt/reflect", True)])
    (r1, dt1, c1), (r2, dt2, c2), (r3, dt3, _) = results
    assert r1.status_line == STATUS_408 and c1 and dt1 <= 2.0
    assert r2.status_line == STATUS_408 and c2 and dt2 <= 3.0
    assert r2.header("Connection") == "close"
    # the chunked 200 that mod_reflector started ends without its last
    # chunk instead of carrying the 408 page as if it were content
    assert isinstance(r3, EOFError), r3
    assert "connection closed" in str(r3)
    s.wait_log(r"RG00001: status=408 kind=body-timeout", count=1)
    s.wait_log(r"RG00104: request body timed out below")
    rt_lines = bu.access_since(s, mark, "/rt/echo.cgi", 408)
    assert rt_lines[-1].endswith(" v=-") and " 408 " in rt_lines[-1]
    assert not s.log_lines(r"\[reqguard:(error|warn|crit)")


# ---- HTTP/2 ---------------------------------------------------------------

def nghttp(server, paths, data, *args):
    p = subprocess.run(
        ["nghttp", "-v", "-n", "-d", data, *args,
         *[server.url + path for path in paths]],
        capture_output=True, text=True, timeout=30)
    statuses = {int(sid): int(st) for sid, st in re.findall(
        r"recv \(stream_id=(\d+)\) :status: (\d+)", p.stdout)}
    # nghttp opens its requests as streams 13, 15, 17, ... in order
    return p, [statuses.get(13 + 2 * i) for i in range(len(paths))]


@pytest.mark.parametrize("with_length", [True, False])
def test_h2_413_on_one_stream_leaves_the_others(server, tmp_path,
                                                with_length):
    server.allow_log(READER_ERRORS)
    data = tmp_path / "body"
    data.write_bytes(body_of(5000))
    args = [] if with_length else ["--no-content-length"]
    mark = bu.access_mark(server)
    p, statuses = nghttp(server, ["/lim/echo.cgi", "/open/echo.cgi",
                                  "/open/index.html"], str(data), *args)
    assert statuses == [413, 200, 200], p.stdout[-3000:]
    server.wait_log(r"RG00001: status=413 kind=body")
    h2_lines = [bu.access_since(server, mark, path, version="HTTP/2.0")[-1]
                for path in ("/lim/echo.cgi", "/open/echo.cgi",
                             "/open/index.html")]
    assert [l.endswith("v=body") for l in h2_lines if "/lim/" in l] == [True]


def test_h2_unread_body_without_a_length_is_not_counted(server, tmp_path):
    """A known limit (design.md): over HTTP/2 a body without a declared
    length that nothing reads (a static file) never passes the request's
    input filters, so it is neither refused nor logged; with its length
    declared it is refused before the handler runs."""
    data = tmp_path / "body"
    data.write_bytes(body_of(5000))
    p, statuses = nghttp(server, ["/lim/index.html"], str(data),
                         "--no-content-length")
    assert statuses == [200], p.stdout[-3000:]
    assert server.log_lines(r"RG00001") == []
    p, statuses = nghttp(server, ["/lim/index.html"], str(data))
    assert statuses == [413], p.stdout[-3000:]
    server.wait_log(r"RG00001: status=413 kind=body .*observed=5000 ")


def test_stall_is_reported_as_a_stall_with_a_min_rate_set(start_apache):
    """Both deadlines fall together for a body that stops dead: the log and
    the variables name the stall (seconds), not the rate."""
    a = start_apache(conf="""
ReqGuardBodyTimeout 2
ReqGuardBodyMinRate 100
""")
    with rgtest.Conn(a.port) as c:
        c.send(bu.head("/index.html", body_len=100) + b"x" * 10)
        start = time.time()
        r = c.read_response()
        assert r.status_line == STATUS_408
        assert time.time() - start < 3.0
    a.wait_log(r"RG00001: status=408 kind=body-timeout field=- observed=2 "
               r"limit=2 action=blocked")
