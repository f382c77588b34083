"""Module header and request-target limits: 431 and 414, per scope, at the
boundaries, before authentication, once per request."""
import os
import re
import shutil
import subprocess
import time

import pytest

import rgtest

OUTER = """
ReqGuardMaxFields 30
ReqGuardMaxFieldSize 2000
ReqGuardMaxHeaderSize 6000
ReqGuardMaxURI 1000
ReqGuardMaxQuery 900
"""

INNER = """
    ReqGuardMaxFields 10
    ReqGuardMaxFieldSize 200
    ReqGuardMaxHeaderSize 600
    ReqGuardMaxURI 100
    ReqGuardMaxQuery 50
"""

PAGE = "<p>page</p>\n"


@pytest.fixture(scope="module")
def srv(start_apache):
    return start_apache(
        conf=OUTER + f"""
<Directory "@ROOT@/htdocs/d">
{INNER}
</Directory>
<Location "/l">
{INNER}
</Location>
<Directory "@ROOT@/htdocs/none">
    AllowOverride None
</Directory>
<Directory "@ROOT@/htdocs/auth">
    AuthType Basic
    AuthName "members"
    AuthUserFile "@ROOT@/htpasswd"
    Require valid-user
</Directory>
<Location "/nested">
    ReqGuardMaxURI 100
</Location>
<Location "/early">
    ReqGuardMaxURI 100
</Location>
<Location "/nested/inner">
    ReqGuardMaxQuery 20
</Location>
ErrorDocument 431 /errors/431.html
""",
        files={
            "htdocs/plain/index.html": PAGE,
            "htdocs/d/index.html": PAGE,
            "htdocs/l/index.html": PAGE,
            "htdocs/h/index.html": PAGE,
            "htdocs/h/.htaccess": INNER,
            "htdocs/partial/index.html": PAGE,
            "htdocs/partial/.htaccess": "ReqGuardMaxURI 100\n",
            "htdocs/early/index.html": PAGE,
            "htdocs/none/index.html": PAGE,
            "htdocs/none/.htaccess": INNER,
            "htdocs/auth/index.html": PAGE,
            "htdocs/nested/inner/index.html": PAGE,
            "htdocs/cookie/index.html": PAGE,
            "htdocs/cookie/.htaccess": "ReqGuardFieldLimit Cookie 100\n",
            "htdocs/cookie/upper/index.html": PAGE,
            "htdocs/cookie/upper/.htaccess": "ReqGuardFieldLimit COOKIE 300\n",
            "htdocs/cookie/exempt/index.html": PAGE,
            "htdocs/cookie/exempt/.htaccess": "ReqGuardFieldLimit cookie 0\n",
            "htdocs/errors/431.html": "<p>our own 431 page</p>\n",
            "htpasswd": "someone:$apr1$Y5c0y3q1$wI0cGzDxNfJ4o.fU9e3kv/\n",
        },
        modules=["auth_basic", "authn_core", "authn_file", "authz_user"])


# ---- requests of an exact measured size --------------------------------

HOST = ("Host", "127.0.0.1")     # "Host: 127.0.0.1\r\n" = 17 bytes


def req_fields(path, n):
    """n header fields in all (Host included)."""
    return rgtest.get(srv_, path, [(f"X-F{i}", "v") for i in range(n - 1)])


def req_field_size(path, n):
    """One field X-Pad of n bytes counted as 'name: value'."""
    return rgtest.get(srv_, path, [("X-Pad", "p" * (n - 7))])


def req_header_size(path, n):
    """All fields sum to n bytes of 'name: value\\r\\n', in four fields
    (Host and three X-Pad-i), none over the field size limits."""
    rest = n - 17 - 3 * 11            # "X-Pad-i: " + "\r\n" = 11 each
    sizes = [rest // 3, rest // 3, rest - 2 * (rest // 3)]
    return rgtest.get(srv_, path, [(f"X-Pad-{i}", "p" * k)
                                   for i, k in enumerate(sizes)])


def req_uri(path, n):
    """A request-target of n bytes: the path padded with slashes, which
    Apache merges when it maps the URL."""
    return rgtest.get(srv_, path + "/" * (n - len(path)))


def req_query(path, n):
    """A query string of n bytes."""
    return rgtest.get(srv_, path + "?" + "q" * n)


MEASURES = {
    "ReqGuardMaxFields": (req_fields, 431),
    "ReqGuardMaxFieldSize": (req_field_size, 431),
    "ReqGuardMaxHeaderSize": (req_header_size, 431),
    "ReqGuardMaxURI": (req_uri, 414),
    "ReqGuardMaxQuery": (req_query, 414),
}
INNER_LIMITS = {"ReqGuardMaxFields": 10, "ReqGuardMaxFieldSize": 200,
                "ReqGuardMaxHeaderSize": 600, "ReqGuardMaxURI": 100,
                "ReqGuardMaxQuery": 50}
OUTER_LIMITS = {"ReqGuardMaxFields": 30, "ReqGuardMaxFieldSize": 2000,
                "ReqGuardMaxHeaderSize": 6000, "ReqGuardMaxURI": 1000,
                "ReqGuardMaxQuery": 900}
KIND = {"ReqGuardMaxFields": "fields", "ReqGuardMaxFieldSize": "field-size",
        "ReqGuardMaxHeaderSize": "header-size", "ReqGuardMaxURI": "uri",
        "ReqGuardMaxQuery": "query"}
srv_ = None


@pytest.fixture(autouse=True)
def _bind(srv):
    global srv_
    srv_ = srv


def check_boundary(srv, directive, path, limit):
    send, refused = MEASURES[directive]
    for n, expect in ((limit - 1, 200), (limit, 200), (limit + 1, refused)):
        r, closed = send(path, n)
        assert r.status == expect, (directive, path, n, r)
        if expect == 200:
            assert r.body == PAGE.encode()
        else:
            assert r.header("Cache-Control") == "no-store"
            if refused == 414:
                assert closed and r.header("Connection") == "close"
    srv.wait_log(rf"RG00001: status={refused} kind={KIND[directive]} "
                 rf".*observed={limit + 1} limit={limit} action=blocked")


@pytest.mark.parametrize("directive", list(MEASURES))
@pytest.mark.parametrize("scope,path", [
    ("server", "/plain/"), ("directory", "/d/"), ("location", "/l/"),
    ("htaccess", "/h/")])
def test_limit_boundaries_in_each_scope(srv, directive, scope, path):
    limits = OUTER_LIMITS if scope == "server" else INNER_LIMITS
    check_boundary(srv, directive, path, limits[directive])


def test_inner_scope_overrides_only_what_it_sets(srv):
    # /partial/.htaccess sets only MaxURI 100; MaxQuery stays 900.
    r, _ = req_uri("/partial/", 101)
    assert r.status == 414
    r, _ = req_query("/partial/", 60)
    assert r.status == 200
    srv.wait_log(r"kind=uri")
    # Nested <Location>s: the inner one adds MaxQuery, keeps MaxURI.
    r, _ = req_query("/nested/inner/", 21)
    assert r.status == 414
    r, _ = req_uri("/nested/inner/", 101)
    assert r.status == 414
    r, _ = req_uri("/nested/inner/", 100)
    assert r.status == 200
    srv.wait_log(r"kind=query", count=1)


def test_allowoverride_none_ignores_the_htaccess(srv):
    r, _ = req_uri("/none/", 500)
    assert r.status_line == "HTTP/1.1 200 OK"
    r, _ = req_uri("/none/", 1001)
    assert r.status == 414
    srv.wait_log(r"kind=uri .*limit=1000")


def test_field_limit_applies_to_its_name_only(srv):
    secret = "s3cr3t-" + "k" * 190
    r, _ = rgtest.get(srv, "/cookie/", [("Cookie", secret)])
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.header("Cache-Control") == "no-store"
    assert r.body == b"<p>our own 431 page</p>\n"     # ErrorDocument 431
    assert secret.encode() not in r.body
    assert b"s3cr3t" not in r.body
    r, _ = rgtest.get(srv, "/cookie/", [("X-Other", "o" * 197)])
    assert r.status_line == "HTTP/1.1 200 OK"
    lines = srv.wait_log(r"kind=field-size field=Cookie observed=205 "
                         r"limit=100 action=blocked")
    assert "s3cr3t" not in srv.log_since_mark()


@pytest.mark.parametrize("name", ["cookie", "COOKIE", "CoOkIe"])
def test_field_limit_names_match_case_insensitively(srv, name):
    r, _ = rgtest.get(srv, "/cookie/", [(name, "c" * 93)])     # 101 bytes
    assert r.status == 431
    r, _ = rgtest.get(srv, "/cookie/", [(name, "c" * 92)])     # 100 bytes
    assert r.status == 200
    srv.wait_log(r"kind=field-size")


def test_field_limit_inner_scope_replaces_the_name(srv):
    # /cookie/upper raises Cookie to 300 (configured as COOKIE).
    r, _ = rgtest.get(srv, "/cookie/upper/", [("Cookie", "c" * 292)])
    assert r.status == 200
    r, _ = rgtest.get(srv, "/cookie/upper/", [("Cookie", "c" * 293)])
    assert r.status == 431
    srv.wait_log(r"kind=field-size field=Cookie observed=301 limit=300")


def test_field_limit_zero_exempts_the_name_from_maxfieldsize(srv):
    # Server MaxFieldSize is 2000; "cookie 0" exempts Cookie from it.
    r, _ = rgtest.get(srv, "/cookie/exempt/", [("Cookie", "c" * 2500)])
    assert r.status == 200
    r, _ = rgtest.get(srv, "/cookie/exempt/", [("X-Other", "c" * 2500)])
    assert r.status == 431
    srv.wait_log(r"field=X-Other")


def test_refused_before_authentication(srv):
    r, _ = rgtest.get(srv, "/auth/", [("Cookie", "c" * 2500)])
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.header("WWW-Authenticate") is None
    srv.wait_log(r"kind=field-size field=Cookie")
    r, _ = rgtest.get(srv, "/auth/")
    assert r.status == 401


def test_error_document_431_served_with_431_once(srv):
    r, _ = rgtest.get(srv, "/plain/", [("X-Pad", "p" * 2100)])
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.body == b"<p>our own 431 page</p>\n"
    assert r.header("Cache-Control") == "no-store"
    srv.wait_log(r"kind=field-size")
    lines = srv.log_lines(r"RG00001")
    assert len(lines) == 1, lines
    lines = srv.wait_access(1)
    assert re.search(r'"GET /plain/ HTTP/1.1" 431 .* v=field-size$',
                     lines[-1]), lines[-1]


def test_pipelined_request_after_a_431_is_served(srv):
    """A module 431 on a request without a body keeps the connection: the
    next pipelined request is answered normally."""
    first = (b"GET /plain/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: "
             + b"p" * 2100 + b"\r\n\r\n")
    second = b"GET /plain/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    with rgtest.Conn(srv.port) as c:
        c.send(first + second)
        r1 = c.read_response()
        r2 = c.read_response()
    assert r1.status == 431
    assert r2.status_line == "HTTP/1.1 200 OK"
    assert r2.body == PAGE.encode()
    srv.wait_log(r"kind=field-size")


@pytest.mark.parametrize("how", ["fresh", "keep-alive", "pipelined"])
@pytest.mark.parametrize("n,status", [(100, 200), (101, 414)])
@pytest.mark.parametrize("path", ["/early/", "/partial/"])
def test_target_boundary_holds_on_every_read_of_a_request_line(
        srv, path, how, n, status):
    """The longest header line read for a request bounds its target
    (reqguard_lines.h): a request line that comes whole, after a keep-alive
    wait, or pipelined behind a request with a longer line keeps the
    boundary where it is, before the directory walk (a <Location> limit)
    and after it (.htaccess)."""
    target = path + "/" * (n - len(path))
    request = (f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
               .encode())
    before = (b"GET /plain/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: "
              + b"p" * 1500 + b"\r\n\r\n")
    with rgtest.Conn(srv.port) as c:
        if how == "fresh":
            c.send(request)
        elif how == "keep-alive":
            c.send(before)
            assert c.read_response().status_line == "HTTP/1.1 200 OK"
            time.sleep(0.3)
            c.send(request)
        else:
            c.send(before + request)
            assert c.read_response().status_line == "HTTP/1.1 200 OK"
        r = c.read_response()
    if status == 200:
        assert r.status_line == "HTTP/1.1 200 OK"
        assert r.body == PAGE.encode()
        assert srv.log_lines(r"RG00001") == []
    else:
        assert r.status_line == "HTTP/1.1 414 Request-URI Too Long"
        srv.wait_log(rf"kind=uri field=- observed={n} limit=100 "
                     r'action=blocked directive="ReqGuardMaxURI"')


def test_431_with_a_body_closes_the_connection(srv):
    r, closed = rgtest.get(srv, "/plain/", [("X-Pad", "p" * 2100)],
                           method="POST", body=b"x" * 10)
    assert r.status == 431
    assert closed and r.header("Connection") == "close"
    srv.wait_log(r"kind=field-size")


def test_subrequests_are_not_checked_again(srv):
    # DirectoryIndex makes a subrequest for index.html; one log line only.
    r, _ = req_uri("/d/", 101)
    assert r.status == 414
    srv.wait_log(r"kind=uri")
    assert len(srv.log_lines(r"RG00001")) == 1


# ---- ReqGuard ReportOnly and Off -----------------------------------------

@pytest.fixture(scope="module")
def modes(start_apache):
    return start_apache(
        conf="""
ReqGuardMaxURI 50
ReqGuardFieldLimit Cookie 50
LogFormat "%>s v=%{REQGUARD_VIOLATION}e f=%{REQGUARD_FIELD}e l=%{REQGUARD_LIMIT}e o=%{REQGUARD_OBSERVED}e a=%{REQGUARD_ACTION}e" vars
CustomLog @ROOT@/logs/vars.log vars
""",
        files={
            "htdocs/report/index.html": PAGE,
            "htdocs/report/.htaccess": "ReqGuard ReportOnly\n",
            "htdocs/off/index.html": PAGE,
            "htdocs/off/.htaccess": "ReqGuard Off\n",
        })


def vars_lines(server):
    import os
    import time
    path = os.path.join(server.root, "logs", "vars.log")
    for _ in range(40):
        if os.path.exists(path):
            lines = open(path).read().splitlines()
            if lines:
                return lines
        time.sleep(0.05)
    return []


def test_report_only_lets_the_request_through_and_reports(modes):
    r, _ = rgtest.get(modes, "/report/", [("Cookie", "c" * 60)])
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == PAGE.encode()
    assert r.header("Cache-Control") is None
    modes.wait_log(r"RG00001: status=431 kind=field-size field=Cookie "
                   r"observed=68 limit=50 action=reported")
    assert "200 v=field-size f=Cookie l=50 o=68 a=reported" in \
        vars_lines(modes)[-1]


def test_report_only_reports_every_violation(modes):
    r, _ = rgtest.get(modes, "/report/?" + "a" * 60, [("Cookie", "c" * 60)])
    assert r.status == 200
    modes.wait_log(r"kind=uri .*action=reported")
    modes.wait_log(r"kind=field-size .*action=reported")


def test_off_checks_nothing(modes):
    r, _ = rgtest.get(modes, "/off/?" + "a" * 60, [("Cookie", "c" * 60)])
    assert r.status_line == "HTTP/1.1 200 OK"
    assert modes.log_lines(r"RG00001") == []


def test_on_elsewhere_blocks(modes):
    r, _ = rgtest.get(modes, "/?" + "a" * 60)
    assert r.status == 414
    modes.wait_log(r"kind=uri .*action=blocked")


# ---- HTTP/2 ---------------------------------------------------------------

@pytest.fixture(scope="module")
def h2(start_apache):
    return start_apache(
        conf="""
Protocols h2c http/1.1
ReqGuardMaxURI 100
ReqGuardFieldLimit Cookie 100
""",
        files={"htdocs/a/index.html": PAGE},
        modules=["http2"])


nghttp = rgtest.nghttp


def test_h2_module_limits_answer_per_stream(h2):
    statuses, out = nghttp(h2, ["/a/", "/a/?" + "x" * 120, "/a/?again"])
    assert statuses == [200, 414, 200], out
    h2.wait_log(r"kind=uri")


def test_h2_field_limit_431(h2):
    statuses, out = nghttp(h2, ["/a/"], [("cookie", "c" * 120)])
    assert statuses == [431], out
    h2.wait_log(r"kind=field-size field=[Cc]ookie")


def test_h2_field_under_its_own_limit_passes(h2):
    statuses, out = nghttp(h2, ["/a/"], [("cookie", "c" * 90)])
    assert statuses == [200], out


@pytest.fixture(scope="module")
def h2_sizes(start_apache):
    return start_apache(
        conf="""
Protocols h2c http/1.1
ReqGuardMaxFieldSize 200
ReqGuardMaxHeaderSize 1000
ReqGuardFieldLimit X-Big 600
ReqGuardFieldLimit X-Small 20
""",
        files={"htdocs/a/index.html": PAGE},
        modules=["http2"])


@pytest.mark.parametrize("headers,status,logged", [
    ([], 200, None),
    # A per-name limit above the general one lets that field be larger.
    ([("x-big", "b" * 500)], 200, None),
    ([("x-big", "b" * 600)], 431,
     r"kind=field-size field=X-Big observed=607 limit=600 "
     r'action=blocked directive="ReqGuardFieldLimit X-Big"'),
    ([("x-other", "o" * 300)], 431,
     r"kind=field-size field=X-Other observed=309 limit=200 "
     r'action=blocked directive="ReqGuardMaxFieldSize"'),
    # Every field under the general limit, one over its own.
    ([("x-small", "s" * 30)], 431,
     r"kind=field-size field=X-Small observed=39 limit=20 "
     r'action=blocked directive="ReqGuardFieldLimit X-Small"'),
    # Every field under its limit, the block over its own.
    ([(f"x-pad-{i}", "p" * 150) for i in range(7)], 431,
     r"kind=header-size field=- observed=\d+ limit=1000 "
     r'action=blocked directive="ReqGuardMaxHeaderSize"'),
], ids=["clean", "named-above-general", "named-over", "general-over",
        "named-below-general", "block-over"])
def test_h2_sizes_measured_without_line_figures(h2_sizes, headers, status,
                                                logged):
    """HTTP/2 has no header lines: the fields are measured, and a per-name
    limit is looked up only where it can be over."""
    statuses, out = nghttp(h2_sizes, ["/a/"], headers)
    assert statuses == [status], out
    h2_sizes.expect_violation(logged)


# ---- measurement corner cases (the per-connection line figures) -------------

def test_merged_duplicate_fields_are_measured_as_one(srv):
    # Each line is under MaxFieldSize 2000; combined "a, b" is over it.
    r, _ = rgtest.get(srv, "/plain/", [("X-Dup", "a" * 1200),
                                       ("X-Dup", "b" * 1200)])
    assert r.status == 431
    srv.wait_log(r"kind=field-size field=X-Dup observed=2409 limit=2000")


def raw_block(path, lines, eol=b"\r\n"):
    return (f"GET {path} HTTP/1.1".encode() + eol + b"Host: 127.0.0.1" + eol
            + b"".join(l + eol for l in lines) + eol)


@pytest.mark.parametrize("n,status", [(599, 200), (600, 200), (601, 431)])
def test_lines_without_spaces_measured_the_same(srv, n, status):
    """'name:value' lines are shorter on the wire than 'name: value' but
    count the same: the boundary does not move."""
    # Host 17 + three "X-Pad-i: v\r\n" fields of 11 + len bytes each.
    rest = n - 17 - 3 * 11
    sizes = [rest // 3, rest // 3, rest - 2 * (rest // 3)]
    lines = [b"X-Pad-%d:" % i + b"p" * k for i, k in enumerate(sizes)]
    r, _ = rgtest.raw(srv, raw_block("/d/", lines))
    assert r.status == status
    if status == 431:
        srv.wait_log(r"kind=header-size field=- observed=601 limit=600")


@pytest.mark.parametrize("n,status", [(200, 200), (201, 431)])
def test_folded_field_is_measured_unfolded(srv, n, status):
    # "X-Fold: " + 100 a + (CRLF SP -> one space) + rest: size n.
    value_len = n - 8
    first = b"a" * 100
    second = b"b" * (value_len - 101)
    data = raw_block("/d/", [b"X-Fold: " + first + b"\r\n " + second])
    r, _ = rgtest.raw(srv, data)
    assert r.status == status, r
    if status == 431:
        srv.wait_log(r"kind=field-size field=X-Fold observed=201 limit=200")


def test_header_block_arriving_in_pieces(srv):
    """Lines split across TCP segments are still measured exactly."""
    import time
    data = raw_block("/d/", [b"X-Pad: " + b"p" * 194])      # field 201
    with rgtest.Conn(srv.port) as c:
        for i in range(0, len(data), 37):
            c.send(data[i:i + 37])
            time.sleep(0.01)
        r = c.read_response()
    assert r.status == 431
    srv.wait_log(r"kind=field-size field=X-Pad observed=201 limit=200")


def test_added_field_by_another_module_is_measured(start_apache):
    """A field added before the check (mod_headers, early) is measured."""
    a = start_apache(modules=["headers"], conf="""
RequestHeader set X-Added "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" early
ReqGuardMaxFieldSize 60
""")
    r, _ = rgtest.get(a, "/")
    assert r.status == 431
    a.wait_log(r"kind=field-size field=X-Added")


@pytest.fixture(scope="module")
def many_names(start_apache):
    # Twenty-one per-name limits, all below the longest line of the
    # requests below: each is looked up by name.
    names = "".join(f"ReqGuardFieldLimit X-N{i:02d} 60\n" for i in range(20))
    return start_apache(conf=names + "ReqGuardFieldLimit User-Agent 80\n")


@pytest.mark.parametrize("sent,named,limit", [
    ("X-N00", "X-N00", 60), ("x-n07", "X-N07", 60), ("X-N15", "X-N15", 60),
    ("X-N16", "X-N16", 60), ("x-n19", "X-N19", 60),
    ("uSER-aGENT", "User-Agent", 80)])
def test_per_name_limit_found_in_any_case_among_many(many_names, sent, named,
                                                     limit):
    # A long line elsewhere makes every per-name limit one to look up.
    long = ("X-Long", "l" * 500)
    r, _ = rgtest.get(many_names, "/", [long, (sent, "v" * 50)])
    assert r.status == 200, r
    r, _ = rgtest.get(many_names, "/", [long, (sent, "v" * 90)])
    assert r.status == 431, r
    # The log names the field as the directive does.
    many_names.wait_log(rf"kind=field-size field={named} observed=\d+ "
                        rf"limit={limit} action=blocked "
                        rf'directive="ReqGuardFieldLimit {named}"')


def test_per_name_limit_holds_repeated_names_joined(many_names):
    # Core joins repeated lines into one field: the joined value is held to
    # the limit.
    long = ("X-Long", "l" * 500)
    r, _ = rgtest.get(many_names, "/", [long, ("X-N03", "a" * 30),
                                        ("x-n03", "b" * 30)])
    assert r.status == 431, r
    many_names.wait_log(r"kind=field-size field=X-N03 observed=69 limit=60")


# ---- a path segment too long for the filesystem ---------------------------

def test_long_segment_over_the_server_limit_is_414_not_403(srv):
    # Core's directory walk fails on an 1100-byte segment before the per-
    # directory check; the 403 becomes the 414 the server's limit gives.
    r, closed = rgtest.get(srv, "/" + "a" * 1100)
    assert r.status_line == "HTTP/1.1 414 Request-URI Too Long"
    assert closed
    srv.wait_log(r"kind=uri .*observed=1101 limit=1000 action=blocked")
    srv.allow_log(r"AH00036: access to /a+ failed")


def test_long_segment_within_the_limit_keeps_403(srv):
    r, _ = rgtest.get(srv, "/plain/" + "a" * 300)
    assert r.status == 403
    srv.allow_log(r"AH00036: access to /plain/a+ failed")
    assert srv.log_lines(r"RG00001") == []


@pytest.mark.parametrize("shape", ["folded", "merged"])
def test_added_field_does_not_hide_a_folded_or_merged_one(start_apache, shape):
    """A field added by another module (one more field) and a fold or merge
    (one more line) must not cancel out in the line figures."""
    a = start_apache(modules=["headers"], conf="""
RequestHeader set X-Added "1" early
ReqGuardMaxFieldSize 100
""")
    if shape == "folded":
        lines = [b"X-Long: " + b"a" * 60 + b"\r\n " + b"a" * 60]
        name, observed = "X-Long", 129
    else:
        lines = [b"X-Dup: " + b"a" * 60, b"X-Dup: " + b"a" * 60]
        name, observed = "X-Dup", 129
    r, _ = rgtest.raw(a, raw_block("/", lines))
    assert r.status == 431, r
    a.wait_log(rf"kind=field-size field={name} observed={observed}")


def test_long_field_name_is_shown_cut_with_an_ellipsis(start_apache):
    import json
    a = start_apache(conf="ReqGuardMaxFieldSize 300\n")
    name = "X-" + "N" * 100
    r, _ = rgtest.get(a, "/", [(name, "v" * 250),
                               ("Accept", "application/json")])
    assert r.status == 431
    doc = json.loads(r.body)
    assert doc["field"] == name[:64] + "\u2026"
    a.wait_log(rf"kind=field-size field={name} ")


def test_value_edited_early_by_another_module_is_measured(start_apache):
    """mod_headers lengthens a value in place before the check: the count of
    fields is unchanged, the measured size is the edited one."""
    a = start_apache(modules=["headers"], conf="""
RequestHeader edit X-A "^(.*)$" "$1$1$1$1$1$1$1$1$1$1" early
ReqGuardMaxFieldSize 100
""")
    r, _ = rgtest.get(a, "/", [("X-A", "a" * 20)])     # 200 after the edit
    assert r.status == 431
    a.wait_log(r"kind=field-size field=X-A observed=205 limit=100")


@pytest.mark.parametrize("general", ["ReqGuardMaxFieldSize 100\n", ""],
                         ids=["with-general-limit", "per-name-only"])
@pytest.mark.parametrize("mode,status,action", [
    ("On", 431, "blocked"), ("ReportOnly", 200, "reported")])
def test_second_field_of_a_name_added_by_another_module_is_held(
        start_apache, general, mode, status, action):
    """mod_headers adds a second X-A field (a copy of the client's X-B):
    the request then has two fields named X-A, which a look-up by name
    would not both find; the second is held to X-A's limit, over HTTP/1.1
    and HTTP/2, refused under On and reported under ReportOnly."""
    a = start_apache(modules=["headers", "http2"], conf=f"""
Protocols h2c http/1.1
ReqGuard {mode}
{general}ReqGuardFieldLimit X-A 50
RequestHeader add X-A "expr=%{{req:X-B}}" early
""")
    logged = (r"kind=field-size field=X-A observed=90 limit=50 "
              rf'action={action} directive="ReqGuardFieldLimit X-A"')
    r, _ = rgtest.get(a, "/", [("X-A", "1"), ("X-B", "v" * 85)])
    assert r.status == status, r
    a.wait_log(logged)
    statuses, out = nghttp(a, ["/"], [("x-a", "1"), ("x-b", "v" * 85)])
    assert statuses == [status], out
    a.wait_log(logged, count=2)


@pytest.fixture(scope="session")
def move_module(tmp_path_factory):
    """tests/fixtures/modules/mod_rgtest_move.c built with apxs: it moves a
    value to another name after mod_reqguard's note (same string pointer,
    same count of fields)."""
    d = tmp_path_factory.mktemp("move-module")
    src = os.path.join(os.path.dirname(__file__), "fixtures", "modules",
                       "mod_rgtest_move.c")
    shutil.copy(src, d)
    subprocess.run(["apxs", "-c", "mod_rgtest_move.c"], cwd=d, check=True,
                   capture_output=True)
    return os.path.join(d, ".libs", "mod_rgtest_move.so")


@pytest.mark.parametrize("fields,logged", [
    # The moved value becomes a second X-Move-To, over that name's limit.
    ([("X-Move-To", "1"), ("X-Move-From", "v" * 85)],
     r"kind=field-size field=X-Move-To observed=96 limit=50 action=blocked "
     r'directive="ReqGuardFieldLimit X-Move-To"'),
    # Under a longer name the field (108) is longer than the line it came
    # on (97), the longest line.
    ([("X-Rename-From", "v" * 80)],
     r"kind=field-size field=X-Renamed-To-A-Longer-Name observed=108 "
     r'limit=100 action=blocked directive="ReqGuardMaxFieldSize"'),
], ids=["second-field-of-a-name", "longer-name"])
def test_value_moved_to_another_name_is_measured(start_apache, move_module,
                                                 fields, logged):
    """A module that moves a value to another name keeps the count of
    fields and their value pointers; the line figures no longer describe
    the fields, and the fields are measured and looked up."""
    a = start_apache(conf=f"""
LoadModule rgtest_move_module {move_module}
ReqGuardMaxFieldSize 100
ReqGuardFieldLimit X-Move-To 50
""")
    r, _ = rgtest.get(a, "/", fields)
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large", r
    a.wait_log(logged)
    r, _ = rgtest.get(a, "/", [("X-Move-From", "v" * 30)])
    assert r.status == 200, r


def test_target_refused_while_mapping_gets_canned_414_with_diagnostics_off(
        start_apache):
    a = start_apache(conf="ReqGuardMaxURI 100\nReqGuardDiagnostics Off\n")
    r, closed = rgtest.get(a, "/" + "s" * 300)
    assert r.status_line == "HTTP/1.1 414 Request-URI Too Long"
    assert b"<title>414 Request-URI Too Long</title>" in r.body
    assert b"permission" not in r.body
    assert closed
    a.wait_log(r"kind=uri .*observed=301 limit=100")
    a.allow_log(r"AH00036")
