"""Internal redirects inherit the guard: a front-controller RewriteRule in
.htaccess, an Action, an ErrorDocument page all read the body under the
limits of the request the client sent; the error page of a refusal carries
Cache-Control: no-store. And a tenant's Off/ReportOnly does not lift the
administrator's ceilings."""
import time

import pytest

import rgtest
import body_util as bu

CGI = bu.fixture("echo.cgi")
LIMIT = 1000
READER_ERRORS = (r"AH01270: Error reading request entity data|"
                 r"AH01215: .*|AH00574: .*")


@pytest.fixture(scope="module")
def srv(start_apache):
    return start_apache(
        modules=["cgid", "rewrite"],
        conf="""
ScriptSock @ROOT@/run/cgid.sock
<Directory "@ROOT@/htdocs">
    Options +ExecCGI +FollowSymLinks
    AddHandler cgi-script .cgi
</Directory>
""",
        files={
            # A front controller: every path under /app/ goes to echo.cgi.
            "htdocs/app/.htaccess": f"""ReqGuardMaxBody {LIMIT}
ReqGuardBodyTimeout 2
RewriteEngine On
RewriteCond %{{REQUEST_FILENAME}} !-f
RewriteRule ^ echo.cgi [L]
""",
            "htdocs/app/echo.cgi": CGI,
            # The error page for a refused body reads the body itself.
            "htdocs/ed/.htaccess": f"""ReqGuardMaxBody {LIMIT}
ErrorDocument 413 /errpage/echo.cgi
""",
            "htdocs/ed/echo.cgi": CGI,
            "htdocs/errpage/echo.cgi": CGI,
            "htdocs/static-ed/.htaccess": f"""ReqGuardMaxBody {LIMIT}
ErrorDocument 413 /errpage/page.html
""",
            "htdocs/static-ed/echo.cgi": CGI,
            "htdocs/errpage/page.html": "<p>too big</p>\n",
            # Refusals decided before the body: the error pages read nothing.
            "htdocs/early/.htaccess": f"""ReqGuardMaxBody {LIMIT}
ReqGuardMaxURI 60
ErrorDocument 413 /errpage/echo.cgi
ErrorDocument 414 /errpage/echo.cgi
""",
            "htdocs/early/echo.cgi": CGI,
            "htdocs/early411/.htaccess": """ReqGuardRequireLength On
ErrorDocument 411 /errpage/echo.cgi
""",
            "htdocs/early411/echo.cgi": CGI,
        })


def test_front_controller_rewrite_counts_a_chunked_body(srv):
    body = bu.body_of(5000)
    r, closed = rgtest.raw(srv, bu.request_bytes("/app/upload", body,
                                                 is_chunked=True))
    assert r.status_line == "HTTP/1.1 413 Request Entity Too Large"
    assert closed
    assert r.header("Cache-Control") == "no-store"
    srv.wait_log(r"RG00001: status=413 kind=body .*limit=1000 "
                 r"action=blocked")
    srv.allow_log(READER_ERRORS)


def test_front_controller_rewrite_passes_a_small_chunked_body(srv):
    body = bu.body_of(LIMIT)
    r, _ = rgtest.raw(srv, bu.request_bytes("/app/upload", body,
                                            is_chunked=True))
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == bu.digest_line(body)


def test_front_controller_rewrite_times_a_stalled_body(srv):
    with rgtest.Conn(srv.port) as c:
        c.send(bu.head("/app/upload", body_len=100) + b"x" * 10)
        start = time.time()
        r = c.read_response()
        waited = time.time() - start
        assert r.status_line == "HTTP/1.1 408 Request Timeout"
        assert waited < 2 + 1.0, waited
    srv.wait_log(r"kind=body-timeout")
    srv.allow_log(READER_ERRORS)


def test_error_page_does_not_read_the_refused_body(srv):
    body = bu.body_of(200000)
    r, closed = rgtest.raw(srv, bu.request_bytes("/ed/echo.cgi", body,
                                                 is_chunked=True))
    assert r.status == 413
    # The error page CGI found the body already ended.
    assert r.body == bu.digest_line(b"")
    assert r.header("Cache-Control") == "no-store"
    srv.wait_log(r"kind=body .*action=blocked")
    srv.allow_log(READER_ERRORS)


def test_streamed_413_answered_by_a_static_error_page_is_not_cached(srv):
    body = bu.body_of(5000)
    r, _ = rgtest.raw(srv, bu.request_bytes("/static-ed/echo.cgi", body,
                                            is_chunked=True))
    assert r.status == 413
    assert r.body == b"<p>too big</p>\n"
    assert r.header("Cache-Control") == "no-store"
    srv.wait_log(r"kind=body")
    srv.allow_log(READER_ERRORS)


@pytest.mark.parametrize("path,is_chunked,status", [
    ("/early/echo.cgi", False, 413),                 # declared length
    ("/early411/echo.cgi", True, 411),               # no length
    ("/early/echo.cgi?" + "q" * 80, True, 414),      # refused on the target
])
def test_error_page_reads_nothing_of_a_body_refused_early(srv, path,
                                                          is_chunked,
                                                          status):
    body = bu.body_of(200000)
    with rgtest.Conn(srv.port) as c:
        c.send(bu.request_bytes(path, body, is_chunked=is_chunked))
        r = c.read_response()
    assert r.status == status
    assert r.body == bu.digest_line(b"")
    assert r.header("Cache-Control") == "no-store"
    srv.wait_log(r"RG00001: status=%d .*action=blocked" % status)
    srv.allow_log(READER_ERRORS)


# ---- a tenant's Off / ReportOnly and the administrator's ceilings -----------

@pytest.fixture(scope="module")
def ceil(start_apache):
    return start_apache(
        conf="""
ReqGuardCeiling MaxURI 100
<Directory "@ROOT@/htdocs/admin-off">
    ReqGuard Off
</Directory>
""",
        files={
            "htdocs/off/.htaccess": "ReqGuard Off\n",
            "htdocs/off/index.html": "off\n",
            "htdocs/report/.htaccess": "ReqGuard ReportOnly\n",
            "htdocs/report/index.html": "report\n",
            "htdocs/admin-off/index.html": "admin-off\n",
            "htdocs/report-own/.htaccess": "ReqGuard ReportOnly\n"
                                           "ReqGuardMaxURI 50\n",
            "htdocs/report-own/index.html": "report-own\n",
        })


@pytest.mark.parametrize("path", ["/off/", "/report/"])
def test_tenant_off_or_report_only_keeps_the_ceilings(ceil, path):
    r, _ = rgtest.get(ceil, path + "?" + "q" * 300)
    assert r.status_line == "HTTP/1.1 414 Request-URI Too Long"
    ceil.wait_log(r"kind=uri .*limit=100 action=blocked")
    r, _ = rgtest.get(ceil, path + "?" + "q" * 50)
    assert r.status == 200


def test_tenant_report_only_still_reports_its_own_limits(ceil):
    r, _ = rgtest.get(ceil, "/report-own/?" + "q" * 60)
    assert r.status_line == "HTTP/1.1 200 OK"
    ceil.wait_log(r"kind=uri .*limit=50 action=reported")
    r, _ = rgtest.get(ceil, "/report-own/?" + "q" * 300)
    assert r.status == 414
    ceil.wait_log(r"kind=uri .*limit=100 action=blocked")


def test_administrator_off_in_a_section_is_off(ceil):
    r, _ = rgtest.get(ceil, "/admin-off/?" + "q" * 300)
    assert r.status_line == "HTTP/1.1 200 OK"
    assert ceil.log_lines(r"RG00001") == []


@pytest.fixture(scope="module")
def noceil(start_apache):
    return start_apache(
        conf="ReqGuardMaxURI 100\n",
        files={"htdocs/off/.htaccess": "ReqGuard Off\n",
               "htdocs/off/index.html": "off\n"})


def test_tenant_off_without_ceilings_is_off(noceil):
    r, _ = rgtest.get(noceil, "/off/?" + "q" * 300)
    assert r.status_line == "HTTP/1.1 200 OK"
    assert noceil.log_lines(r"RG00001") == []
