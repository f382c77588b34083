"""The error path where paths combine: a refusal and a report on one
request, ErrorDocument 400 and 431 together, rewrites and the query, the
directory walk and ErrorDocument 403, ReportOnly over many fields, the
directive named, the log line, the tenant's Off under the administrator's
ceilings, and mod_http2's own 431."""
import json
import re
import subprocess
import time

import pytest

import rgtest
import body_util as bu
import tls_util

CGI = bu.fixture("echo.cgi")
SECRET = "Zq9-s3cret-marker"
READER_ERRORS = (r"AH01270: Error reading request entity data|"
                 r"AH01215: .*|AH00574: .*")
BIG_FIELD = (b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
             + SECRET.encode() + b"v" * 9000 + b"\r\n\r\n")
CGI_CONF = """
ScriptSock @ROOT@/run/cgid.sock
<Directory "@ROOT@/htdocs">
    Options +ExecCGI +Includes
    AddHandler cgi-script .cgi
    AddOutputFilter INCLUDES .shtml
</Directory>
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
"""


def counters(server):
    r, _ = rgtest.get(server, "/reqguard-status?json")
    assert r.status == 200, r
    return json.loads(r.body)["counters"]


def count(server, kind, action):
    return counters(server)[kind][action]


def post_chunked(server, path, n):
    body = bu.body_of(n)
    return rgtest.raw(server, bu.request_bytes(path, body, is_chunked=True))


def rg_lines(server, pattern=""):
    return server.log_lines(r"RG00001: .*" + pattern)


# ---- 1. a refusal and a report on one request -----------------------------

@pytest.fixture(scope="module")
def ceil(start_apache):
    return start_apache(
        modules=["cgid"],
        conf=CGI_CONF + "ReqGuardCeiling MaxBody 1K\n",
        files={
            "htdocs/report100/.htaccess": "ReqGuard ReportOnly\n"
                                          "ReqGuardMaxBody 100\n",
            "htdocs/report100/echo.cgi": CGI,
            "htdocs/reportq/.htaccess": "ReqGuard ReportOnly\n"
                                        "ReqGuardMaxQuery 10\n",
            "htdocs/reportq/echo.cgi": CGI,
        })


def test_blocking_record_wins_over_the_report_before_it(ceil):
    ceil.allow_log(READER_ERRORS)
    r, closed = post_chunked(ceil, "/report100/echo.cgi", 3000)
    assert r.status_line == "HTTP/1.1 413 Request Entity Too Large"
    assert r.header("Cache-Control") == "no-store"
    assert r.header("Content-Type") == "text/plain; charset=utf-8"
    assert r.text.startswith("413 Request Entity Too Large\n\n")
    assert "larger than this site accepts" in r.text
    assert closed
    reported = ceil.wait_log(r"kind=body field=- observed=\d+ limit=100 "
                             r"action=reported directive=\"ReqGuardMaxBody\"")
    blocked = ceil.wait_log(r"kind=body field=- observed=\d+ limit=1024 "
                            r"action=blocked "
                            r"directive=\"ReqGuardCeiling MaxBody\"")
    assert len(reported) == 1 and len(blocked) == 1
    assert len(rg_lines(ceil)) == 2


def test_one_crossing_is_logged_and_counted_once(ceil):
    ceil.allow_log(READER_ERRORS)
    before = counters(ceil)["body"]
    r, _ = post_chunked(ceil, "/reportq/echo.cgi?a=1", 3000)
    assert r.status == 413
    assert r.header("Cache-Control") == "no-store"
    ceil.wait_log(r"kind=body .*limit=1024 action=blocked")
    time.sleep(0.3)
    assert len(rg_lines(ceil, "kind=body")) == 1, ceil.log_since_mark()
    after = counters(ceil)["body"]
    assert after["blocked"] == before["blocked"] + 1
    assert after["reported"] == before["reported"]


def test_report_only_under_a_ceiling_reports_its_own_limit(ceil):
    r, _ = post_chunked(ceil, "/report100/echo.cgi", 500)
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == bu.digest_line(bu.body_of(500))
    ceil.wait_log(r"kind=body .*limit=100 action=reported")
    assert rg_lines(ceil, "action=blocked") == []


# ---- 2. the query as the client sent it -------------------------------------

@pytest.fixture(scope="module")
def rewrite(start_apache):
    return start_apache(
        modules=["rewrite"],
        conf="""
ReqGuardMaxQuery 100
RewriteEngine On
RewriteRule ^/app/(.*)$ /index.html?q=$1 [QSA]
RewriteRule ^/drop$ /index.html?
""")


def test_query_made_by_a_rewrite_is_not_the_clients(rewrite):
    r, _ = rgtest.get(rewrite, "/app/" + "a" * 120)
    assert r.status_line == "HTTP/1.1 200 OK"
    assert rg_lines(rewrite) == []


def test_query_a_rewrite_drops_is_still_the_clients(rewrite):
    r, closed = rgtest.get(rewrite, "/drop?q=" + "x" * 200)
    assert r.status_line == "HTTP/1.1 414 Request-URI Too Long"
    assert closed
    rewrite.wait_log(r"kind=query field=- observed=202 limit=100 "
                     r"action=blocked")


# ---- 3. ErrorDocument 431 wins over ErrorDocument 400 -----------------------

PAGE_431 = ("431 page status=<!--#echo var=\"REDIRECT_STATUS\" -->"
            " notes=<!--#echo var=\"REDIRECT_ERROR_NOTES\" -->"
            " kind=<!--#echo var=\"REDIRECT_REQGUARD_VIOLATION\" -->\n")


@pytest.fixture(scope="module")
def ed_both(start_apache):
    return start_apache(
        modules=["cgid"],
        conf=CGI_CONF + """
ErrorDocument 400 /errors/400.html
ErrorDocument 431 /errors/431.shtml
LogFormat "%<m %>m %<s %>s u=%{UNIQUE_ID}e" methods
CustomLog @ROOT@/logs/methods.log methods
""",
        files={"htdocs/errors/400.html": "400 page\n",
               "htdocs/errors/431.shtml": PAGE_431})


def methods_log(server, count=1):
    path = server.root + "/logs/methods.log"
    deadline = time.time() + 3
    lines = []
    while time.time() < deadline:
        try:
            with open(path) as f:
                lines = f.read().splitlines()
        except OSError:
            lines = []
        if len(lines) >= count:
            break
        time.sleep(0.05)
    return lines


def test_errordocument_431_url_wins_over_errordocument_400_url(ed_both):
    r, closed = rgtest.raw(ed_both, BIG_FIELD.replace(b"GET ", b"POST ", 1))
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.body == (b"431 page status=431 notes=Size of a request header "
                      b"field exceeds server limit. kind=core-field-size\n")
    assert r.header("Cache-Control") == "no-store"
    assert r.header("Connection") == "close" and closed
    ed_both.wait_log(r"kind=core-field-size field=X-Big")
    assert len(rg_lines(ed_both)) == 1
    # The access log keeps the client's method and the final status.
    assert methods_log(ed_both)[-1].startswith("POST GET 431 431 u=")
    # Any other 400 still gets the 400 page.
    r, _ = rgtest.raw(ed_both, b"GET / HTTP/1.1\r\n\r\n")
    assert r.status == 400 and r.body == b"400 page\n"


@pytest.fixture(scope="module")
def ed_text(start_apache):
    return start_apache(conf='ErrorDocument 400 /errors/400.html\n'
                             'ErrorDocument 431 "text for 431"\n',
                        files={"htdocs/errors/400.html": "400 page\n"})


def test_errordocument_431_text_wins_over_errordocument_400_url(ed_text):
    r, closed = rgtest.raw(ed_text, BIG_FIELD)
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.body == b"text for 431"
    assert r.header("Cache-Control") == "no-store"
    assert closed
    assert len(ed_text.wait_log(r"kind=core-field-size")) == 1


@pytest.fixture(scope="module")
def ed_external(start_apache):
    return start_apache(
        conf="ErrorDocument 400 http://errors.example/400.html\n"
             '<Location "/reqguard-status">\n'
             "    SetHandler reqguard-status\n"
             "</Location>\n")


def test_external_errordocument_400_does_not_hide_the_431(ed_external):
    r, closed = rgtest.raw(ed_external, BIG_FIELD)
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.header("Location") is None
    assert r.header("Cache-Control") == "no-store"
    assert r.header("Content-Type") == "text/plain; charset=utf-8"
    assert r.text.startswith("431 Request Header Fields Too Large\n")
    assert "X-Big" in r.text
    assert SECRET not in r.text
    assert closed
    line = ed_external.wait_log(r"kind=core-field-size field=X-Big")[0]
    assert "action=blocked" in line
    assert count(ed_external, "core-field-size", "blocked") == 1
    # Any other 400 is still redirected to the 400 page.
    r, _ = rgtest.raw(ed_external, b"GET / HTTP/1.1\r\n\r\n")
    assert r.status == 302
    assert r.header("Location") == "http://errors.example/400.html"


@pytest.fixture(scope="module")
def ed_external_report(start_apache):
    return start_apache(
        conf="ReqGuard ReportOnly\n"
             "ErrorDocument 400 http://errors.example/400.html\n")


def test_external_errordocument_400_under_report_only(ed_external_report):
    # Reported, not remapped: Apache's own answer, its 302, stands.
    r, _ = rgtest.raw(ed_external_report, BIG_FIELD)
    assert r.status == 302
    assert r.header("Location") == "http://errors.example/400.html"
    assert r.header("Cache-Control") is None
    line = ed_external_report.wait_log(r"kind=core-field-size")[0]
    assert "action=reported" in line, line


@pytest.fixture(scope="module")
def ed_external_text(start_apache):
    return start_apache(
        conf="ErrorDocument 400 http://errors.example/400.html\n"
             "ErrorDocument 431 \"text for 431\"\n")


def test_external_errordocument_400_and_a_431_text(ed_external_text):
    r, closed = rgtest.raw(ed_external_text, BIG_FIELD)
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.header("Location") is None
    assert r.body == b"text for 431"
    assert closed
    ed_external_text.wait_log(r"kind=core-field-size")


@pytest.fixture(scope="module")
def ed_external_431(start_apache):
    return start_apache(
        conf="ErrorDocument 400 http://errors.example/400.html\n"
             "<Location /t/>\n"
             "    ErrorDocument 431 \"text for 431\"\n"
             "</Location>\n"
             "ErrorDocument 431 /errors/431.html\n"
             "LimitRequestFields 5\n",
        files={"htdocs/errors/431.html": "431 page\n"})


def test_external_errordocument_400_and_a_local_431_page(ed_external_431):
    for data, kind in ((BIG_FIELD, "core-field-size"),
                       (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + b"".join(b"X-F%d: 1\r\n" % i for i in range(6))
                        + b"\r\n", "core-fields")):
        r, closed = rgtest.raw(ed_external_431, data)
        assert r.status_line == \
            "HTTP/1.1 431 Request Header Fields Too Large"
        assert r.header("Location") is None
        assert r.header("Cache-Control") == "no-store"
        assert r.body == b"431 page\n"
        assert closed
        ed_external_431.wait_log(r"kind=" + kind)


def test_external_errordocument_400_and_the_servers_431(ed_external_431):
    # Core refuses before the URL is mapped: the server's ErrorDocument
    # 431 answers, not the one of <Location /t/>.
    r, closed = rgtest.raw(ed_external_431,
                           BIG_FIELD.replace(b"/index.html", b"/t/", 1))
    assert r.status == 431 and r.header("Location") is None
    assert r.body == b"431 page\n"
    assert closed


@pytest.fixture(scope="module")
def ed431(start_apache):
    return start_apache(
        conf="""
ErrorDocument 431 /errors/431.shtml
<Directory "@ROOT@/htdocs/errors">
    Options +Includes
    AddOutputFilter INCLUDES .shtml
</Directory>
LogFormat "%<m %>m %<s %>s u=%{UNIQUE_ID}e" methods
CustomLog @ROOT@/logs/methods.log methods
""",
        files={"htdocs/errors/431.shtml": PAGE_431})


def test_errordocument_431_url_for_core_refusal_keeps_the_method(ed431):
    r, closed = rgtest.raw(ed431, BIG_FIELD.replace(b"GET ", b"POST ", 1))
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.body.startswith(b"431 page status=431 ")
    assert b"kind=core-field-size" in r.body
    assert r.header("Cache-Control") == "no-store"
    assert closed
    line = methods_log(ed431)[-1]
    assert line.startswith("POST POST 431 431 u="), line
    assert not line.endswith("u=-"), line


@pytest.fixture(scope="module")
def ed431_diag(start_apache):
    return start_apache(conf="""
ErrorDocument 431 /errors/diag
<Location "/errors/diag">
    SetHandler reqguard-diagnostic
</Location>
""")


def test_errordocument_431_to_the_diagnostic_handler(ed431_diag):
    r, closed = rgtest.raw(ed431_diag, BIG_FIELD.replace(
        b"Host: 127.0.0.1\r\n", b"Host: 127.0.0.1\r\nAccept: text/html\r\n"
        b"X-Other: 1\r\n"))
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.header("Content-Type") == "text/html; charset=utf-8"
    assert b"<code>X-Big</code> header field" in r.body
    assert r.header("Cache-Control") == "no-store"
    assert closed
    assert len(ed431_diag.wait_log(r"kind=core-field-size")) == 1


# ---- 4. the remapped 431 follows Accept -------------------------------------

@pytest.fixture(scope="module")
def base(start_apache):
    return start_apache(
        modules=["http2"],
        conf="""
Protocols h2c http/1.1
LogFormat "u=%{UNIQUE_ID}e" uid
CustomLog @ROOT@/logs/uid.log uid
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
""")


def test_remapped_431_follows_accept_sent_right_before_the_long_line(base):
    r = rgtest.curl(base, "/index.html",
                    ["-H", "Accept: application/json",
                     "-H", "X-Big: " + SECRET + "v" * 9000])
    assert r.status == 431
    assert r.header("Content-Type") == \
        "application/problem+json; charset=utf-8"
    doc = json.loads(r.body)
    assert doc["kind"] == "core-field-size" and doc["field"] == "X-Big"
    assert "Accept" in r.header("Vary")
    assert SECRET.encode() not in r.body
    base.wait_log(r"kind=core-field-size")


@pytest.mark.parametrize("accept,ctype", [
    ("text/html", "text/html; charset=utf-8"),
    ("application/problem+json", "application/problem+json; charset=utf-8"),
    (None, "text/plain; charset=utf-8"),
])
def test_remapped_431_negotiates_on_the_fields_core_read(base, accept,
                                                         ctype):
    head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if accept:
        head += b"Accept: " + accept.encode() + b"\r\n"
    data = head + b"X-Other: 1\r\nX-Big: " + b"v" * 9000 + b"\r\n\r\n"
    r, _ = rgtest.raw(base, data)
    assert r.status == 431
    assert r.header("Content-Type") == ctype
    base.wait_log(r"kind=core-field-size")


# ---- 8. the request id in the log line -------------------------------------

def test_log_line_carries_id_vhost_method_and_path_never_the_query(base):
    r = rgtest.curl(base, "/some/path.html?token=" + SECRET,
                    ["-H", "X-Big: " + "v" * 9000])
    assert r.status == 431
    page_id = re.search(r"Request id: (\S+)", r.text).group(1)
    line = base.wait_log(r"kind=core-field-size")[0]
    assert f" id={page_id} " in line, line
    assert re.search(r" vhost=127\.0\.0\.1:\d+ method=GET "
                     r"path=\"/some/path\.html\"$", line), line
    assert SECRET not in base.log_since_mark()
    # mod_unique_id's variable is the same id, also for this request that
    # core refused before mod_unique_id saw it.
    with open(base.root + "/logs/uid.log") as f:
        assert f.read().splitlines()[-1] == "u=" + page_id


def test_log_line_path_cannot_fake_a_key(base):
    # Apache takes '"' and '\\' in a path; the line quotes the path and
    # encodes them, so a reader of key=value pairs sees one action and one
    # path, whatever the path holds.
    data = (b'GET /x%20action=reported"%20kind=none\\y HTTP/1.1\r\n'
            b"Host: 127.0.0.1\r\nX-Big: " + b"v" * 9000 + b"\r\n\r\n")
    r, _ = rgtest.raw(base, data)
    assert r.status == 431
    line = base.wait_log(r"kind=core-field-size")[0]
    assert line.endswith(' path="/x%20action=reported%22%20kind=none%5Cy"'), \
        line
    pairs = re.findall(r' (\w+)=("[^"]*"|\S+)', line)
    keys = [k for k, _ in pairs]
    assert keys.count("action") == 1 and keys.count("kind") == 1, line
    assert dict(pairs)["action"] == "blocked"


# ---- HTTP/2: mod_http2's own 431 --------------------------------------------

def nghttp(server, path, headers):
    """One h2c request; the statuses, and nghttp's verbose output with the
    response body."""
    args = ["nghttp", "-v"]
    for k, v in headers:
        args += ["-H", f"{k}: {v}"]
    p = subprocess.run(args + [server.url + path], capture_output=True,
                       text=True, timeout=20)
    return re.findall(r":status: (\d+)", p.stdout), p.stdout


def test_http2_oversized_field_is_logged_counted_and_diagnosed(base):
    before = count(base, "core-field-size", "blocked")
    statuses, out = nghttp(base, "/index.html",
                           [("accept", "application/json"),
                            ("x-big", SECRET + "v" * 9000)])
    assert statuses == ["431"], out
    assert "application/problem+json" in out
    assert '"kind": "core-field-size"' in out
    assert SECRET not in out[out.index(":status:"):]   # what came back
    base.wait_log(r"RG00001: status=431 kind=core-field-size .*"
                  r"action=blocked")
    assert count(base, "core-field-size", "blocked") == before + 1


def test_http2_too_many_fields_is_core_fields(base):
    statuses, out = nghttp(base, "/index.html",
                           [(f"x-f{i}", "v") for i in range(120)])
    assert statuses == ["431"], out
    base.wait_log(r"RG00001: status=431 kind=core-fields .*action=blocked")


@pytest.fixture(scope="module")
def h2_remap_off(start_apache):
    return start_apache(modules=["http2"],
                        conf="Protocols h2c http/1.1\nReqGuardRemap431 Off\n")


def test_http2_refusal_left_alone_with_remap_off(h2_remap_off):
    statuses, out = nghttp(h2_remap_off, "/index.html",
                           [("x-big", "v" * 9000)])
    assert statuses == ["431"], out
    assert "problems/core-field-size" not in out
    assert rg_lines(h2_remap_off) == []


# ---- 5. a long path segment and ErrorDocument 403 ---------------------------

@pytest.fixture(scope="module")
def walk(start_apache):
    return start_apache(
        conf="ReqGuardMaxURI 256\nErrorDocument 403 /errors/403.html\n"
             '<Location "/reqguard-status">\n'
             "    SetHandler reqguard-status\n</Location>\n",
        files={"htdocs/errors/403.html": "403 page\n",
               "htdocs/t/index.html": "t\n"})


def test_long_segment_over_the_vhost_limit_is_414_despite_errordocument_403(
        walk):
    before = count(walk, "uri", "blocked")
    r, closed = rgtest.get(walk, "/t/" + "a" * 300)
    assert r.status_line == "HTTP/1.1 414 Request-URI Too Long"
    assert r.header("Cache-Control") == "no-store"
    assert closed
    walk.wait_log(r"kind=uri field=- observed=303 limit=256 action=blocked")
    assert count(walk, "uri", "blocked") == before + 1
    # Under the limit, the walk's own 403 (and its page) stand.
    walk.allow_log(r"AH00036")
    r, _ = rgtest.get(walk, "/t/" + "a" * 250 + "b" * 2)
    assert r.status == 200 or r.status == 404 or r.status == 403


# ---- 6. ReportOnly reports a kind once per request --------------------------

@pytest.fixture(scope="module")
def report(start_apache):
    return start_apache(conf="ReqGuard ReportOnly\nReqGuardMaxFieldSize 100\n"
                             '<Location "/reqguard-status">\n'
                             "    SetHandler reqguard-status\n</Location>\n")


def test_report_only_logs_and_counts_each_kind_once(report):
    before = count(report, "field-size", "reported")
    r, _ = rgtest.get(report, "/", [(f"X-Big{i}", "v" * 150)
                                    for i in range(60)])
    assert r.status_line == "HTTP/1.1 200 OK"
    report.wait_log(r"kind=field-size field=X-Big0 .*action=reported")
    time.sleep(0.3)
    assert len(rg_lines(report)) == 1
    assert count(report, "field-size", "reported") == before + 1


# ---- 7. the directive that set the limit in force ---------------------------

@pytest.fixture(scope="module")
def named(start_apache):
    return start_apache(
        conf="ReqGuardCeiling MaxBody 1K\n"
             "ReqGuardCeiling FieldLimit X-Capped 300\n",
        files={
            "htdocs/cookie/.htaccess": "ReqGuardDiagnostics Full\n"
                                       "ReqGuardFieldLimit Cookie 200\n",
            "htdocs/cookie/index.html": "c\n",
            "htdocs/raised/.htaccess": "ReqGuardDiagnostics Full\n"
                                       "ReqGuardMaxBody 5K\n"
                                       "ReqGuardFieldLimit X-Capped 1000\n",
            "htdocs/raised/index.html": "r\n",
        })


def test_per_name_limit_is_named_as_itself(named):
    r, _ = rgtest.get(named, "/cookie/", [("Cookie", "c=" + "x" * 300)])
    assert r.status == 431
    assert "Directive:  ReqGuardFieldLimit Cookie\n" in r.text
    assert "ReqGuardMaxFieldSize" not in r.text
    named.wait_log(r'kind=field-size field=Cookie .*action=blocked '
                   r'directive="ReqGuardFieldLimit Cookie"')


@pytest.mark.parametrize("accept", ["*/*", "application/json"])
def test_ceiling_in_force_is_named_and_owned_by_the_administrator(named,
                                                                   accept):
    r, _ = rgtest.get(named, "/raised/index.html", [("Accept", accept)],
                      method="POST", body=b"b" * 2000)
    assert r.status == 413
    if accept == "*/*":
        assert "Directive:  ReqGuardCeiling MaxBody\n" in r.text
        assert "ask the server administrator" in r.text
        assert "in .htaccess (up to" not in r.text
    else:
        doc = json.loads(r.body)
        assert doc["directive"] == "ReqGuardCeiling MaxBody"
        assert doc["limit"] == 1024
    named.wait_log(r'kind=body field=- observed=2000 limit=1024 '
                   r'action=blocked '
                   r'directive="ReqGuardCeiling MaxBody"')


def test_per_name_ceiling_is_named(named):
    r, _ = rgtest.get(named, "/raised/", [("X-Capped", "x" * 400)])
    assert r.status == 431
    assert "Directive:  ReqGuardCeiling FieldLimit X-Capped\n" in r.text
    named.wait_log(r'kind=field-size field=X-Capped observed=410 '
                   r'limit=300 action=blocked '
                   r'directive="ReqGuardCeiling FieldLimit X-Capped"')


# ---- 9. field names encoded once in the log ---------------------------------

@pytest.fixture(scope="module")
def unsafe(start_apache):
    return start_apache(conf="HttpProtocolOptions Unsafe\n"
                             "ReqGuardMaxFieldSize 50\n")


def test_field_name_is_encoded_once_in_the_error_log(unsafe):
    # '"' and '\\' as %XX by the module; nothing left for the error log to
    # escape a second time.
    data = (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b'X"Q\\N: ' + b"v" * 100 + b"\r\n\r\n")
    r, _ = rgtest.raw(unsafe, data)
    assert r.status == 431
    line = unsafe.wait_log(r"kind=field-size")[0]
    assert ' field=X%22Q%5CN ' in line, line


# ---- 10. the line watcher is on client connections only ---------------------

@pytest.fixture(scope="module")
def proxied(start_apache):
    return start_apache(
        modules=["proxy", "proxy_http"],
        loglevel="warn reqguard:trace1",
        conf="ProxyPass /p/ http://127.0.0.1:@PORT@/\n")


def test_line_watcher_is_not_on_proxy_backend_connections(proxied):
    # The harness's own connection at start-up is logged late: let it.
    time.sleep(0.5)
    proxied.begin_test()
    r, _ = rgtest.get(proxied, "/p/index.html")
    assert r.status == 200
    time.sleep(0.3)
    # The client's connection and the proxy's connection as it arrives at
    # this same server; never the proxy's own outgoing end.
    assert len(proxied.log_lines(r"RG00300")) == 2, proxied.log_since_mark()


@pytest.fixture(scope="module")
def h2_watched(start_apache):
    return start_apache(
        modules=["http2"],
        loglevel="warn reqguard:trace1",
        conf="Protocols h2c http/1.1\nReqGuardMaxFieldSize 100\n")


def h2_stream_refused_and_left(a):
    """After an HTTP/2 stream with a 208-byte X-Long refused under
    ReqGuardMaxFieldSize 100: asserts that exactly one connection logged
    RG00301 (the watcher left it) and returns the RG00300 lines of that
    connection (the harness's own start-up connection may be logged late:
    the client port tells them apart)."""
    a.wait_log(r"kind=field-size field=X-Long observed=208 limit=100 "
               r"action=blocked")
    time.sleep(0.3)
    leaves = a.log_lines(r"RG00301")
    assert len(leaves) == 1, a.log_since_mark()
    port = re.search(r"\[client 127\.0\.0\.1:(\d+)\]", leaves[0]).group(1)
    return [l for l in a.log_lines(r"RG00300")
            if f"[client 127.0.0.1:{port}]" in l]


def test_line_watcher_leaves_an_http2_connection_and_checks_go_on(
        h2_watched):
    a = h2_watched
    time.sleep(0.5)
    a.begin_test()
    # Prior knowledge: mod_http2 reads frames from the first read on; the
    # watcher leaves, the stream is still checked.
    p = subprocess.run(
        ["nghttp", "-v", "-n", "-H", "x-long: " + "v" * 200,
         a.url + "/index.html"], capture_output=True, text=True, timeout=20)
    assert re.findall(r":status: (\d+)", p.stdout) == ["431"], p.stdout
    # One connection watched and left.
    assert len(h2_stream_refused_and_left(a)) == 1, a.log_since_mark()
    # HTTP/1 with a body on a kept-alive connection: the body reads are
    # not mistaken for HTTP/2, and the next request's long line is still
    # named by the watcher.
    a.begin_test()
    body = b"b" * 3000
    data = (b"POST /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body) + body
            + b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + b"X-Core: " + b"c" * 9000 + b"\r\n\r\n")
    with rgtest.Conn(a.port) as c:
        c.send(data)
        first = c.read_response()
        second = c.read_response()
    assert first.status == 200, first
    assert second.status == 431, second
    a.wait_log(r"kind=core-field-size field=X-Core ")
    time.sleep(0.3)
    assert a.log_lines(r"RG00301") == [], a.log_since_mark()


@pytest.fixture(scope="module")
def h2_tls_watched(start_apache):
    files = tls_util.cert_files()
    srv = start_apache(
        name="h2-tls", modules=tls_util.MODULES + ["http2"],
        loglevel="warn reqguard:trace1",
        conf=tls_util.CONF + "Protocols h2 http/1.1\n"
                             "ReqGuardMaxFieldSize 100\n", files=files)
    tls_util.allow_startup_warnings(srv)
    return srv


def test_line_watcher_leaves_http2_over_tls_and_stays_for_http1(
        h2_tls_watched):
    a = h2_tls_watched
    time.sleep(0.5)
    a.begin_test()
    url = f"https://127.0.0.1:{a.port}/index.html"
    p = subprocess.run(["nghttp", "-v", "-H", "x-long: " + "v" * 200, url],
                       capture_output=True, text=True, timeout=20)
    assert re.findall(r":status: (\d+)", p.stdout) == ["431"], p.stdout
    assert h2_stream_refused_and_left(a), a.log_since_mark()
    # HTTP/1.1 over TLS (no ALPN): the watcher stays and names the field
    # core refuses.
    a.begin_test()
    r = tls_util.request(a, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         b"X-Core: " + b"c" * 9000 + b"\r\n\r\n")
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert b"X-Core" in r.body
    a.wait_log(r"kind=core-field-size field=X-Core ")
    assert a.log_lines(r"RG00301") == [], a.log_since_mark()


# ---- where features meet on one request ------------------------------------

@pytest.fixture(scope="module")
def h2_rollout(start_apache):
    """HTTP/2, a ReportOnly roll-out under a ceiling, a local ErrorDocument
    431, and a section the administrator turned On."""
    return start_apache(modules=["http2"], conf="""
Protocols h2c http/1.1
ReqGuard ReportOnly
ReqGuardCeiling MaxFieldSize 100
ErrorDocument 431 /errors/431.html
<Location "/on">
    ReqGuard On
</Location>
""", files={"htdocs/errors/431.html": "<p>the site's own 431 page</p>\n",
            "htdocs/on/index.html": "<p>on</p>\n"})


def test_http2_report_only_under_a_ceiling_reports(h2_rollout):
    statuses, out = nghttp(h2_rollout, "/index.html",
                           [("x-long", "v" * 200)])
    assert statuses == ["200"], out
    line = h2_rollout.wait_log(r"kind=field-size field=X-Long ")[0]
    assert ("observed=208 limit=100 action=reported "
            'directive="ReqGuardCeiling MaxFieldSize"') in line, line
    assert rg_lines(h2_rollout, "action=blocked") == []


def test_http2_ceiling_refusal_gets_the_local_errordocument_431(h2_rollout):
    statuses, out = nghttp(h2_rollout, "/on/index.html",
                           [("x-long", "v" * 200)])
    assert statuses == ["431"], out
    assert "the site's own 431 page" in out, out
    line = h2_rollout.wait_log(r"kind=field-size field=X-Long ")[0]
    assert ("observed=208 limit=100 action=blocked "
            'directive="ReqGuardCeiling MaxFieldSize"') in line, line


@pytest.fixture(scope="module")
def rewrite_report(start_apache):
    return start_apache(
        modules=["rewrite"],
        conf="""
ReqGuard ReportOnly
ReqGuardMaxQuery 100
RewriteEngine On
RewriteRule ^/app/(.*)$ /index.html?q=$1 [QSA]
RewriteRule ^/drop$ /index.html?
""")


def test_report_only_query_after_a_rewrite_is_the_clients(rewrite_report):
    srv = rewrite_report
    r, _ = rgtest.get(srv, "/app/" + "a" * 120)
    assert r.status_line == "HTTP/1.1 200 OK"
    r, _ = rgtest.get(srv, "/drop?q=" + "x" * 200)
    assert r.status_line == "HTTP/1.1 200 OK"
    line = srv.wait_log(r"kind=query ")[0]
    assert "observed=202 limit=100 action=reported" in line, line
    time.sleep(0.3)
    # One line: the query the rewrite made for /app/ was not measured.
    assert len(rg_lines(srv)) == 1, srv.log_since_mark()


# ---- 11. a tenant's Off under the administrator's other ceilings ------------

@pytest.fixture(scope="module")
def tenant(start_apache):
    return start_apache(
        modules=["cgid"],
        conf=CGI_CONF + """
ReqGuardCeiling RequireLength On
ReqGuardCeiling BodyTimeout 1
ReqGuardCeiling BodyMinRate 2K
ReqGuardCeiling FieldLimit Cookie 100
""",
        files={
            "htdocs/off/.htaccess": "ReqGuard Off\n",
            "htdocs/off/echo.cgi": CGI,
            "htdocs/loosen/.htaccess": "ReqGuardRequireLength Off\n"
                                       "ReqGuardBodyMinRate 10\n"
                                       "ReqGuardFieldLimit Cookie 0\n",
            "htdocs/loosen/echo.cgi": CGI,
            "htdocs/stricter/.htaccess": "ReqGuardBodyMinRate 100K\n",
            "htdocs/stricter/echo.cgi": CGI,
        })


@pytest.mark.parametrize("path", ["/off/echo.cgi", "/loosen/echo.cgi"])
def test_tenant_cannot_lift_require_length_ceiling(tenant, path):
    r, closed = post_chunked(tenant, path, 100)
    assert r.status_line == "HTTP/1.1 411 Length Required"
    assert closed
    tenant.wait_log(r'kind=length-required .*action=blocked '
                    r'directive="ReqGuardCeiling RequireLength"')


@pytest.mark.parametrize("path", ["/off/echo.cgi", "/loosen/echo.cgi"])
def test_tenant_cannot_lift_per_name_ceiling(tenant, path):
    r, _ = rgtest.get(tenant, path, [("Cookie", "c=" + "x" * 200)])
    assert r.status == 431
    tenant.wait_log(r'kind=field-size field=Cookie .*limit=100 '
                    r'action=blocked '
                    r'directive="ReqGuardCeiling FieldLimit Cookie"')


def slow_post(server, path, total, per_second):
    """A Content-Length body sent at about per_second bytes a second."""
    c = rgtest.Conn(server.port, timeout=15)
    c.send(bu.head(path, total))
    sent = 0
    try:
        while sent < total:
            c.send(b"s" * min(per_second // 10 or 1, total - sent))
            sent += min(per_second // 10 or 1, total - sent)
            time.sleep(0.1)
    except (BrokenPipeError, ConnectionResetError):
        pass
    r = c.read_response()
    c.close()
    return r


@pytest.mark.parametrize("path", ["/off/echo.cgi", "/loosen/echo.cgi"])
def test_tenant_cannot_lower_the_min_rate_ceiling(tenant, path):
    tenant.allow_log(READER_ERRORS)
    r = slow_post(tenant, path, 20000, 500)
    assert r.status_line == "HTTP/1.1 408 Request Timeout"
    tenant.wait_log(r'kind=body-timeout .*limit=2048 action=blocked '
                    r'directive="ReqGuardCeiling BodyMinRate"')


def test_tenant_may_demand_a_faster_rate(tenant):
    tenant.allow_log(READER_ERRORS)
    r = slow_post(tenant, "/stricter/echo.cgi", 60000, 20000)
    assert r.status == 408
    tenant.wait_log(r'kind=body-timeout .*limit=102400 action=blocked '
                    r'directive="ReqGuardBodyMinRate"')


@pytest.fixture(scope="module")
def lazy_tenant(start_apache):
    """A rate ceiling and no BodyTimeout ceiling: the grace before the rate
    is the server's Timeout, whatever a tenant's BodyTimeout says."""
    return start_apache(
        modules=["cgid"],
        conf=CGI_CONF + "Timeout 2\nReqGuardCeiling BodyMinRate 2K\n",
        files={
            "htdocs/day/.htaccess": "ReqGuardBodyTimeout 86400\n",
            "htdocs/day/echo.cgi": CGI,
            "htdocs/dayoff/.htaccess": "ReqGuard Off\n"
                                       "ReqGuardBodyTimeout 86400\n",
            "htdocs/dayoff/echo.cgi": CGI,
        })


@pytest.mark.parametrize("path", ["/day/echo.cgi", "/dayoff/echo.cgi"])
def test_tenant_cannot_put_off_the_min_rate_ceiling(lazy_tenant, path):
    lazy_tenant.allow_log(READER_ERRORS)
    started = time.monotonic()
    r = slow_post(lazy_tenant, path, 5000, 500)
    took = time.monotonic() - started
    assert r.status_line == "HTTP/1.1 408 Request Timeout"
    # 5000 bytes at 500 a second take 10 s: refused after the 2 s grace.
    assert took < 8, took
    lazy_tenant.wait_log(r'kind=body-timeout .*limit=2048 action=blocked '
                         r'directive="ReqGuardCeiling BodyMinRate"')


# ---- 12. the ceilings act in the administrator's mode -----------------------

@pytest.fixture(scope="module")
def rollout_tenants(start_apache):
    """A server-wide ReportOnly roll-out with ceilings, and tenants whose
    .htaccess says Off, ReportOnly or On; a directory the administrator
    turned Off, with tenants below it."""
    return start_apache(
        modules=["cgid"],
        conf=CGI_CONF + """
ReqGuard ReportOnly
ReqGuardCeiling MaxBody 1K
ReqGuardCeiling RequireLength On
ReqGuardCeiling FieldLimit Cookie 100
<Directory "@ROOT@/htdocs/adminoff">
    ReqGuard Off
</Directory>
""",
        files={
            "htdocs/off/.htaccess": "ReqGuard Off\n",
            "htdocs/off/echo.cgi": CGI,
            "htdocs/report/.htaccess": "ReqGuard ReportOnly\n"
                                       "ReqGuardMaxBody 100\n",
            "htdocs/report/echo.cgi": CGI,
            "htdocs/on/.htaccess": "ReqGuard On\n",
            "htdocs/on/echo.cgi": CGI,
            "htdocs/echo.cgi": CGI,
            "htdocs/adminoff/echo.cgi": CGI,
            "htdocs/adminoff/off/.htaccess": "ReqGuard Off\n",
            "htdocs/adminoff/off/echo.cgi": CGI,
            "htdocs/adminoff/report/.htaccess": "ReqGuard ReportOnly\n",
            "htdocs/adminoff/report/echo.cgi": CGI,
        })


def post_cl(server, path, n):
    body = bu.body_of(n)
    r, _ = rgtest.raw(server, bu.request_bytes(path, body))
    return r, body


@pytest.mark.parametrize("path", ["/echo.cgi", "/off/echo.cgi"])
def test_rollout_ceilings_report_also_under_a_tenants_off(rollout_tenants,
                                                          path):
    srv = rollout_tenants
    before = counters(srv)
    r, body = post_cl(srv, path, 3000)
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == bu.digest_line(body)
    srv.wait_log(r"kind=body .*limit=1024 action=reported "
                 r"directive=\"ReqGuardCeiling MaxBody\"")
    r, _ = post_chunked(srv, path, 100)
    assert r.status_line == "HTTP/1.1 200 OK"
    srv.wait_log(r"kind=length-required .*action=reported "
                 r"directive=\"ReqGuardCeiling RequireLength\"")
    r, _ = rgtest.get(srv, path, [("Cookie", "c=" + "x" * 200)])
    assert r.status_line == "HTTP/1.1 200 OK"
    srv.wait_log(r"kind=field-size field=Cookie .*limit=100 "
                 r"action=reported "
                 r"directive=\"ReqGuardCeiling FieldLimit Cookie\"")
    time.sleep(0.3)
    assert rg_lines(srv, "action=blocked") == []
    after = counters(srv)
    for kind in ("body", "length-required", "field-size"):
        assert after[kind]["reported"] == before[kind]["reported"] + 1, kind
        assert after[kind]["blocked"] == before[kind]["blocked"], kind


def test_rollout_tenants_report_only_reports_its_own_limit(rollout_tenants):
    srv = rollout_tenants
    r, body = post_cl(srv, "/report/echo.cgi", 3000)
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == bu.digest_line(body)
    # Held down by the ceiling like any ReportOnly limit: 100 is lower.
    srv.wait_log(r"kind=body .*limit=100 action=reported "
                 r"directive=\"ReqGuardMaxBody\"")
    time.sleep(0.3)
    assert len(rg_lines(srv, "kind=body")) == 1, srv.log_since_mark()


def test_rollout_tenants_own_on_refuses_at_the_ceiling(rollout_tenants):
    srv = rollout_tenants
    r, _ = post_cl(srv, "/on/echo.cgi", 3000)
    assert r.status_line == "HTTP/1.1 413 Request Entity Too Large"
    assert r.header("Cache-Control") == "no-store"
    srv.wait_log(r"kind=body .*limit=1024 action=blocked "
                 r"directive=\"ReqGuardCeiling MaxBody\"")


@pytest.mark.parametrize("path", ["/adminoff/echo.cgi",
                                  "/adminoff/off/echo.cgi"])
def test_ceilings_are_idle_where_the_administrator_set_off(rollout_tenants,
                                                           path):
    srv = rollout_tenants
    r, body = post_cl(srv, path, 3000)
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == bu.digest_line(body)
    r, _ = post_chunked(srv, path, 100)
    assert r.status_line == "HTTP/1.1 200 OK"
    r, _ = rgtest.get(srv, path.replace("echo.cgi", "index.html"),
                      [("Cookie", "c=" + "v" * 300)])
    assert r.status == 404, r
    # A request that does report, last: once its line is written, a line
    # the requests before it had caused would be there too.
    r, _ = post_cl(srv, "/adminoff/report/echo.cgi", 3000)
    assert r.status_line == "HTTP/1.1 200 OK"
    lines = srv.wait_log(r"kind=body .*action=reported")
    assert rg_lines(srv) == lines, srv.log_since_mark()


def test_tenants_report_only_where_the_administrator_set_off(
        rollout_tenants):
    srv = rollout_tenants
    r, body = post_cl(srv, "/adminoff/report/echo.cgi", 3000)
    assert r.status_line == "HTTP/1.1 200 OK"
    srv.wait_log(r"kind=body .*limit=1024 action=reported "
                 r"directive=\"ReqGuardCeiling MaxBody\"")
    time.sleep(0.3)
    assert rg_lines(srv, "action=blocked") == []


# ---- found when the module was read against httpd and tried --------------

@pytest.fixture(scope="module")
def ed431_pages(start_apache):
    """ErrorDocument 431 pages for core's refusal, with no ErrorDocument
    400: run as a subrequest into core's own error response."""
    return start_apache(
        conf="AddCharset UTF-8 .html\nErrorDocument 431 /errors/431.html\n",
        files={"htdocs/errors/431.html": "<p>431 page</p>\n"})


def test_errordocument_431_page_type_survives_its_subrequest(ed431_pages):
    for method in (b"GET ", b"HEAD "):
        r, _ = rgtest.raw(ed431_pages, BIG_FIELD.replace(b"GET ", method, 1),
                          head_request=method == b"HEAD ")
        assert r.status == 431
        assert r.header("Content-Type") == "text/html; charset=utf-8"
        assert r.body == (b"" if method == b"HEAD " else b"<p>431 page</p>\n")
    ed431_pages.wait_log(r"kind=core-field-size", count=2)


@pytest.fixture(scope="module")
def ed431_missing(start_apache):
    return start_apache(conf="ErrorDocument 431 /errors/none.html\n"
                             "ReqGuardMaxFieldSize 100\n")


def test_errordocument_431_that_cannot_be_served_falls_back(ed431_missing):
    r, closed = rgtest.raw(ed431_missing, BIG_FIELD)
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.header("Content-Type") == "text/plain; charset=utf-8"
    assert r.text.startswith("431 Request Header Fields Too Large\n")
    assert "X-Big" in r.text
    assert closed
    ed431_missing.wait_log(r"kind=core-field-size")


@pytest.fixture(scope="module")
def ed431_ssi(start_apache):
    return start_apache(
        conf="""
ErrorDocument 431 /errors/431.shtml
ErrorDocument 413 /errors/inc.shtml
<Directory "@ROOT@/htdocs/errors">
    Options +Includes
    AddOutputFilter INCLUDES .shtml
</Directory>
<Location "/errors/diag">
    SetHandler reqguard-diagnostic
</Location>
<Location "/up">
    ReqGuardMaxBody 10
</Location>
""",
        files={"htdocs/errors/431.shtml":
               "status=<!--#echo var=\"REDIRECT_STATUS\" -->"
               " notes=<!--#echo var=\"REDIRECT_ERROR_NOTES\" -->"
               " url=<!--#echo var=\"REDIRECT_URL\" -->\n",
               "htdocs/errors/inc.shtml":
               "<!--#include virtual=\"/errors/diag\" -->",
               "htdocs/up/form.html": "form\n"})


def test_errordocument_431_subrequest_sees_what_a_redirect_would(ed431_ssi):
    r, _ = rgtest.raw(ed431_ssi, BIG_FIELD.replace(b"GET /index.html",
                                                    b"GET /x/y?q=1"))
    assert r.status == 431
    assert r.body == (b"status=431 notes=Size of a request header field "
                      b"exceeds server limit. url=/x/y\n")


def test_diagnostic_handler_included_by_an_error_page_shows_the_path(
        ed431_ssi):
    r, _ = rgtest.get(ed431_ssi, "/up/form.html", method="POST",
                      body=b"b" * 100)
    assert r.status == 413
    assert "Path:       /up/form.html\n" in r.text
    assert "/errors/diag" not in r.text


@pytest.fixture(scope="module")
def early(start_apache):
    return start_apache(
        modules=["proxy", "proxy_http", "remoteip", "rewrite"],
        conf="""
ReqGuardMaxURI 256
RemoteIPHeader X-Forwarded-For
RemoteIPInternalProxy 127.0.0.1
LogFormat "%a %>s %U" addr
CustomLog @ROOT@/logs/addr.log addr
# Proxied: no directory walk for these; the backend is this server's page.
RewriteEngine On
RewriteRule ^/api-[a-z]+/ http://127.0.0.1:@PORT@/back.html [P]
<Location "/api-off">
    ReqGuard Off
</Location>
<Location "/api-report">
    ReqGuard ReportOnly
</Location>
<Location "/api-raised">
    ReqGuardMaxURI 4K
</Location>
""",
        files={"htdocs/back.html": "backend\n"})


@pytest.mark.parametrize("loc", ["/api-off", "/api-report", "/api-raised"])
def test_long_segment_follows_the_location_config(early, loc):
    r, _ = rgtest.get(early, loc + "/" + "a" * 300)
    assert r.status_line == "HTTP/1.1 200 OK", r
    assert r.body == b"backend\n"
    if loc == "/api-report":
        early.wait_log(r"kind=uri .*action=reported")
    assert early.log_lines(r"action=blocked") == []


def test_long_segment_refused_after_remoteip_sets_the_client(early):
    r, _ = rgtest.get(early, "/" + "a" * 300,
                      [("X-Forwarded-For", "203.0.113.9")])
    assert r.status == 414
    line = early.wait_log(r"kind=uri .*action=blocked")[0]
    assert "[client 203.0.113.9:" in line, line
    deadline = time.time() + 3
    while time.time() < deadline:
        with open(early.root + "/logs/addr.log") as f:
            last = f.read().splitlines()
        if last and " 414 " in last[-1]:
            break
        time.sleep(0.05)
    assert last[-1].startswith("203.0.113.9 414 "), last


@pytest.fixture(scope="module")
def ed400_diag(start_apache):
    return start_apache(conf="""
ErrorDocument 400 /errors/diag
<Location "/errors/diag">
    SetHandler reqguard-diagnostic
</Location>
LogFormat "final=%{UNIQUE_ID}e" ids
CustomLog @ROOT@/logs/ids.log ids
""")


def test_error_page_of_core_refusal_logs_the_pages_id(ed400_diag):
    r, _ = rgtest.raw(ed400_diag, BIG_FIELD)
    assert r.status == 431
    page_id = re.search(r"Request id: (\S+)", r.text).group(1)
    line = ed400_diag.wait_log(r"kind=core-field-size")[0]
    assert f" id={page_id} " in line
    deadline = time.time() + 3
    ids = []
    while time.time() < deadline and not ids:
        with open(ed400_diag.root + "/logs/ids.log") as f:
            ids = f.read().splitlines()
        time.sleep(0.05)
    assert ids[-1] == "final=" + page_id
