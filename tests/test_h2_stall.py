"""An HTTP/2 stream whose request body stops.

An h2 stream has no socket of its own: the handler's body read waits in
mod_http2 (2.4.71: h2_c2_filter_in waits on the stream's input pipe, whose
timeout is H2StreamTimeout, or the server's Timeout when that is unset).
The module bounds that wait by the pipe's timeout (ap_get_pollfd_from_conn,
httpd 2.4.58 and later), as it bounds an HTTP/1.x read by the socket's: a
silent stream gets the module's 408 when ReqGuardBodyTimeout runs out,
whatever H2StreamTimeout and Timeout say; DATA that comes late is judged
when its read returns.
"""
import json
import os
import socket
import struct
import sys
import time

import pytest
from hpack import Decoder, Encoder

import body_util as bu
import rgtest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "wire"))
import wire_fuzz as wf  # noqa: E402

CONF = """
Protocols h2c http/1.1
Timeout 4
ScriptSock @ROOT@/run/cgid.sock
<Directory "@ROOT@/htdocs">
    Options +ExecCGI
    AddHandler cgi-script .cgi
</Directory>
ReqGuardBodyTimeout 1
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
"""

# mod_cgid's word about the read that failed (as for HTTP/1.x).
CGI_READ_ERROR = r"AH01270: Error reading request entity data"


@pytest.fixture(scope="module", params=["timeout", "h2streamtimeout"])
def h2(request, start_apache):
    extra = "H2StreamTimeout 2\n" if request.param == "h2streamtimeout" \
        else ""
    s = start_apache(conf=CONF + extra, modules=["http2", "cgid"],
                     files={"htdocs/echo.cgi": bu.fixture("echo.cgi")})
    s.wait_for = 2 if extra else 4
    return s


def post_and_stall(server, parts, limit=20.0):
    """POST /echo.cgi on h2c stream 1 declaring 100 bytes; parts: (delay,
    bytes) DATA frames, then silence.  Returns (status, headers, body,
    seconds from the first DATA to the answer)."""
    sock = socket.create_connection(("127.0.0.1", server.port), 5)
    dec = Decoder()
    buf, body, hdrs = b"", b"", None
    try:
        sock.sendall(wf.PREFACE + wf.frame(wf.SETTINGS, 0, 0, b"")
                     + wf.frame(wf.HEADERS, wf.END_HEADERS, 1, wf.h2_headers(
                         Encoder(), "/echo.cgi", "POST",
                         [("content-length", "100"),
                          ("accept", "text/plain")])))
        start = time.time()
        for delay, data in parts:
            time.sleep(delay)
            sock.sendall(wf.frame(wf.DATA, 0, 1, data))
        deadline = start + limit
        while time.time() < deadline:
            sock.settimeout(max(0.01, deadline - time.time()))
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            buf += chunk
            while len(buf) >= 9:
                n = struct.unpack(">I", b"\0" + buf[:3])[0]
                if len(buf) < 9 + n:
                    break
                ftype, flags = buf[3], buf[4]
                sid = struct.unpack(">I", buf[5:9])[0] & 0x7fffffff
                payload, buf = buf[9:9 + n], buf[9 + n:]
                if ftype == wf.SETTINGS and not flags & wf.ACK:
                    sock.sendall(wf.frame(wf.SETTINGS, wf.ACK, 0, b""))
                elif ftype == wf.HEADERS and sid == 1:
                    hdrs = dict(dec.decode(payload))
                    took = time.time() - start
                elif ftype == wf.DATA and sid == 1:
                    body += payload
                    if flags & wf.END_STREAM:
                        return int(hdrs[":status"]), hdrs, body, took
                elif ftype == wf.RST and sid == 1 and hdrs is not None:
                    return int(hdrs[":status"]), hdrs, body, took
    finally:
        sock.close()
    raise AssertionError(f"no answer on stream 1 within {limit}s: {hdrs}")


def counted(server):
    r, _ = rgtest.get(server, "/reqguard-status?json")
    return json.loads(r.body)["counters"]["body-timeout"]["blocked"]


def post_line(server, timeout=5.0):
    """The access log line of the last POST (written when the stream ends,
    which may be after the answer)."""
    deadline = time.time() + timeout
    while True:
        lines = [l for l in server.access_lines() if "POST /echo.cgi" in l]
        if len(lines) > getattr(server, "posts_seen", 0) \
                or time.time() > deadline:
            break
        time.sleep(0.05)
    assert len(lines) > getattr(server, "posts_seen", 0), lines
    server.posts_seen = len(lines)
    return lines[-1]


def test_silent_stream_gets_the_modules_408_on_time(h2):
    """ReqGuardBodyTimeout 1 ends a silent stream within a second of the
    deadline, before H2StreamTimeout (2 s) or Timeout (4 s) would."""
    h2.allow_log(CGI_READ_ERROR)
    before = counted(h2)
    status, hdrs, body, took = post_and_stall(h2, [(0, b"x" * 10)])
    assert status == 408
    assert 0.9 <= took <= 1.9, took
    assert hdrs["cache-control"] == "no-store"
    assert hdrs["content-type"] == "text/plain; charset=utf-8"
    assert body.startswith(b"408 Request Timeout\n")
    h2.wait_log(r"RG00001: status=408 kind=body-timeout .*observed=1 "
                r"limit=1 action=blocked")
    line = post_line(h2)
    assert '"POST /echo.cgi HTTP/2.0" 408 ' in line
    assert line.endswith("v=body-timeout")
    assert counted(h2) == before + 1


def test_late_data_is_judged_when_the_read_returns(h2):
    """DATA that comes after the deadline (here 1.5 s into a 1 s timeout):
    the module answers its own 408 as soon as that read returns."""
    h2.allow_log(CGI_READ_ERROR)
    before = counted(h2)
    status, hdrs, body, took = post_and_stall(
        h2, [(0, b"x" * 10), (1.5, b"y" * 10)])
    assert status == 408
    assert 1.4 <= took <= 2.5, took
    assert hdrs["cache-control"] == "no-store"
    assert hdrs["content-type"] == "text/plain; charset=utf-8"
    assert body.startswith(b"408 Request Timeout\n")
    h2.wait_log(r"RG00001: status=408 kind=body-timeout .*action=blocked")
    line = post_line(h2)
    assert '"POST /echo.cgi HTTP/2.0" 408 ' in line
    assert line.endswith("v=body-timeout")
    assert counted(h2) == before + 1
