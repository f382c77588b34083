"""Core's hard-coded 400 for oversized header blocks answered as 431, and
every other 400/414 left alone."""
import re
import subprocess

import pytest

import rgtest

CANNED_400 = b"Your browser sent a request that this server could not understand"
SECRET = "Sup3rS3cretValue"
PAGE = "<p>page</p>\n"

BIG_FIELD = (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
             + SECRET.encode() + b"v" * 9000 + b"\r\n\r\n")
MANY_FIELDS = (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               + b"".join(b"X-F%d: v\r\n" % i for i in range(120)) + b"\r\n")
FOLDED = (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Folded: " + b"a" * 5000
          + b"\r\n " + b"b" * 5000 + b"\r\n\r\n")
MERGED = (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Dup: " + b"a" * 5000
          + b"\r\nX-Dup: " + b"b" * 5000 + b"\r\n\r\n")


def send(server, data):
    return rgtest.raw(server, data)


def assert_431_close(r, closed):
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.header("Connection") == "close"
    assert closed
    assert CANNED_400 not in r.body
    assert SECRET.encode() not in r.body


@pytest.fixture(scope="module")
def base(start_apache):
    return start_apache(files={"htdocs/page.html": PAGE},
                        modules=["http2"], conf="Protocols h2c http/1.1\n")


def test_field_over_limitrequestfieldsize_is_431_naming_the_field(base):
    r, closed = send(base, BIG_FIELD)
    assert_431_close(r, closed)
    assert r.header("Cache-Control") == "no-store"
    assert b"X-Big" in r.body
    lines = base.wait_log(r"RG00001: status=431 kind=core-field-size "
                          r"field=X-Big observed=\d+ limit=8190 "
                          r"action=blocked")
    assert SECRET not in base.log_since_mark()
    access = base.wait_access(1)[-1]
    assert re.search(r"\" 431 \d+ \d+ v=core-field-size$", access), access


def test_too_many_fields_is_431(base):
    r, closed = send(base, MANY_FIELDS)
    assert_431_close(r, closed)
    base.wait_log(r"RG00001: status=431 kind=core-fields field=- "
                  r"observed=101 limit=100 action=blocked")


def test_folded_field_grown_too_long_is_431(base):
    r, closed = send(base, FOLDED)
    assert_431_close(r, closed)
    base.wait_log(r"kind=core-field-size")


def test_duplicate_fields_merged_over_the_limit_is_431(base):
    r, closed = send(base, MERGED)
    assert_431_close(r, closed)
    base.wait_log(r"kind=core-field-size")


def test_head_request_gets_431_without_body(base):
    data = BIG_FIELD.replace(b"GET ", b"HEAD ", 1)
    r, closed = rgtest.raw(base, data, head_request=True)
    assert r.status == 431
    assert r.body == b""
    base.wait_log(r"kind=core-field-size")


@pytest.mark.parametrize("name,data,status", [
    ("malformed request line", b"GARBAGE\r\n\r\n", 400),
    ("missing Host", b"GET / HTTP/1.1\r\n\r\n", 400),
    ("invalid field name",
     b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Name: x\r\n\r\n", 400),
    ("empty folded line",
     b"GET / HTTP/1.1\r\n \r\nHost: 127.0.0.1\r\n\r\n", 400),
    ("invalid Content-Length",
     b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\n\r\n", 400),
    ("request line over LimitRequestLine",
     b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414),
])
def test_other_core_errors_keep_their_status(base, name, data, status):
    r, _ = send(base, data)
    assert r.status == status, (name, r)
    assert base.log_lines(r"RG00001") == []


def test_http2_keeps_mod_http2s_431_and_records_it(base):
    p = subprocess.run(
        ["nghttp", "-v", "-n", "-H", "x-big: " + "v" * 9000,
         base.url + "/page.html"], capture_output=True, text=True,
        timeout=20)
    statuses = re.findall(r":status: (\d+)", p.stdout)
    # mod_http2 refuses the stream itself; the module records it.
    assert statuses == ["431"], p.stdout
    assert len(base.wait_log(r"RG00001: status=431 kind=core-field-size "
                             r"field=- observed=-1 limit=8190 "
                             r"action=blocked")) == 1


@pytest.fixture(scope="module")
def remap_off(start_apache):
    return start_apache(conf="ReqGuardRemap431 Off\n")


def test_remap_off_restores_400(remap_off):
    r, closed = send(remap_off, BIG_FIELD)
    assert r.status_line == "HTTP/1.1 400 Bad Request"
    assert CANNED_400 in r.body
    assert remap_off.log_lines(r"RG00001") == []


@pytest.fixture(scope="module")
def report_only(start_apache):
    return start_apache(conf="ReqGuard ReportOnly\n")


def test_report_only_keeps_400_and_reports(report_only):
    r, closed = send(report_only, BIG_FIELD)
    assert r.status_line == "HTTP/1.1 400 Bad Request"
    report_only.wait_log(r"kind=core-field-size field=X-Big .*"
                         r"action=reported")


# ---- ErrorDocument forms ---------------------------------------------------

@pytest.fixture(scope="module")
def ed400_text(start_apache):
    return start_apache(conf='ErrorDocument 400 "a plain 400 text"\n')


def test_errordocument_400_text_answered_with_431(ed400_text):
    r, closed = send(ed400_text, BIG_FIELD)
    assert_431_close(r, closed)
    ed400_text.wait_log(r"kind=core-field-size")
    # Other 400s keep the admin's text.
    r, _ = send(ed400_text, b"GET / HTTP/1.1\r\n\r\n")
    assert r.status == 400
    assert r.body == b"a plain 400 text"


@pytest.fixture(scope="module")
def ed400_url(start_apache):
    return start_apache(
        conf="""
ErrorDocument 400 /errors/400.shtml
<Directory "@ROOT@/htdocs/errors">
    Options +Includes
    AddOutputFilter INCLUDES .shtml
</Directory>
""",
        files={"htdocs/errors/400.shtml":
               "bad request page: status=<!--#echo var=\"REDIRECT_STATUS\" -->"
               " kind=<!--#echo var=\"REDIRECT_REQGUARD_VIOLATION\" -->"
               " field=<!--#echo var=\"REDIRECT_REQGUARD_FIELD\" -->\n"})


def test_errordocument_400_url_served_with_431(ed400_url):
    r, closed = send(ed400_url, BIG_FIELD)
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.body == (b"bad request page: status=431 kind=core-field-size "
                      b"field=X-Big\n")
    assert closed
    assert r.header("Cache-Control") == "no-store"
    ed400_url.wait_log(r"kind=core-field-size")
    assert len(ed400_url.log_lines(r"RG00001")) == 1
    # A plain 400 keeps its status and gets the same page.
    r, _ = send(ed400_url, b"GET / HTTP/1.1\r\n\r\n")
    assert r.status_line == "HTTP/1.1 400 Bad Request"
    assert r.body.startswith(b"bad request page: status=400 kind=(none)")


@pytest.fixture(scope="module")
def ed431_text(start_apache):
    return start_apache(conf='ErrorDocument 431 "headers too large, sorry"\n')


def test_admin_errordocument_431_text_is_honoured(ed431_text):
    r, closed = send(ed431_text, BIG_FIELD)
    assert_431_close(r, closed)
    assert r.body == b"headers too large, sorry"
    ed431_text.wait_log(r"kind=core-field-size")


@pytest.fixture(scope="module")
def ed431_url(start_apache):
    return start_apache(conf="ErrorDocument 431 /errors/431.html\n",
                        files={"htdocs/errors/431.html": "<p>431 page</p>\n"})


def test_admin_errordocument_431_url_is_honoured(ed431_url):
    r, closed = send(ed431_url, BIG_FIELD)
    assert_431_close(r, closed)
    assert r.body == b"<p>431 page</p>\n"
    ed431_url.wait_log(r"kind=core-field-size")
    assert len(ed431_url.log_lines(r"RG00001")) == 1
    # The connection-level filter keeps working on a fresh connection.
    r, _ = rgtest.get(ed431_url, "/")
    assert r.status == 200


@pytest.fixture(scope="module")
def diag_off(start_apache):
    return start_apache(conf="ReqGuardDiagnostics Off\n")


def test_diagnostics_off_gives_apaches_canned_431(diag_off):
    r, closed = send(diag_off, BIG_FIELD)
    assert_431_close(r, closed)
    assert r.header("Content-Type") == "text/html; charset=iso-8859-1"
    assert b"<title>431 Request Header Fields Too Large</title>" in r.body
    assert int(r.header("Content-Length")) == len(r.body)
    diag_off.wait_log(r"kind=core-field-size field=X-Big")
    # Nothing of the swallowed 400 follows on the connection.
    r, closed = rgtest.raw(diag_off, BIG_FIELD.replace(b"GET ", b"HEAD ", 1),
                           head_request=True)
    assert r.status == 431 and r.body == b""
    diag_off.wait_log(r"kind=core-field-size", count=2)


def test_oversized_chunk_trailer_is_431_too(base):
    """Core refuses a trailer field over LimitRequestFieldSize with the same
    note as a header field: it is answered the same way."""
    data = (b"POST /page.html HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n"
            b"X-Trail: " + SECRET.encode() + b"t" * 9000 + b"\r\n\r\n")
    r, closed = send(base, data)
    assert_431_close(r, closed)
    assert b"X-Trail" in r.body
    base.wait_log(r"kind=core-field-size field=X-Trail")


@pytest.fixture(scope="module")
def big_limit(start_apache):
    return start_apache(conf="LimitRequestFieldSize 16380\n")


@pytest.mark.parametrize("size", [17000, 20000, 40000])
def test_field_named_when_the_limit_is_above_8k(big_limit, size):
    """core reads such a line in 8 KB pieces: the name comes from the first
    piece, the size is what core read of all of them."""
    data = (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Huge: "
            + b"h" * size + b"\r\n\r\n")
    r, closed = send(big_limit, data)
    assert_431_close(r, closed)
    assert b"X-Huge" in r.body
    big_limit.wait_log(r"kind=core-field-size field=X-Huge observed=\d+ "
                       r"limit=16380")


def test_field_below_the_raised_limit_passes(big_limit):
    data = (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
            + b"b" * 12000 + b"\r\n\r\n")
    r, _ = send(big_limit, data)
    assert r.status == 200


@pytest.mark.parametrize("offset", [7990, 7996, 7997, 7998, 7999, 8000])
def test_field_named_whatever_the_read_boundary(base, offset):
    """The line may start just before the end of the first 8000-byte socket
    read, with its name split over two buckets."""
    head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: "
    pad = offset - len(head) - 2
    data = (head + b"c" * pad + b"\r\nX-Big: " + b"v" * 9000 + b"\r\n\r\n")
    assert data.index(b"X-Big") == offset
    r, closed = send(base, data)
    assert_431_close(r, closed)
    assert b"X-Big" in r.body
    base.wait_log(r"kind=core-field-size field=X-Big ")


@pytest.fixture(scope="module")
def ed431_external(start_apache):
    return start_apache(conf="ErrorDocument 431 http://errors.invalid/431\n"
                             "ReqGuardDiagnostics Off\n")


def test_errordocument_431_full_url_falls_back_to_canned_431(ed431_external):
    r, closed = send(ed431_external, BIG_FIELD)
    assert_431_close(r, closed)
    assert b"<title>431 Request Header Fields Too Large</title>" in r.body
    ed431_external.wait_log(r"kind=core-field-size")
