"""ReqGuardCeiling: a hard maximum that a directory or .htaccess can tighten
but never loosen -- not by a larger value, not by 0 (unlimited), not by
leaving the limit unset, not through a per-name field limit; a virtual host
can lift an inherited ceiling with 0."""
import pytest

import rgtest

PAGE = "<p>page</p>\n"
nghttp = rgtest.nghttp


@pytest.fixture(scope="module")
def srv(start_apache):
    return start_apache(
        conf="""
ReqGuardCeiling MaxURI 100
ReqGuardCeiling MaxFields 10
ReqGuardCeiling MaxFieldSize 100
ReqGuardCeiling MaxBody 1K
""",
        files={
            "htdocs/larger/.htaccess": "ReqGuardMaxURI 500\n",
            "htdocs/larger/index.html": PAGE,
            "htdocs/tighter/.htaccess": "ReqGuardMaxURI 50\n",
            "htdocs/tighter/index.html": PAGE,
            "htdocs/unlimited/.htaccess": "ReqGuardMaxBody 0\n",
            "htdocs/unlimited/index.html": PAGE,
            "htdocs/named/.htaccess": "ReqGuardFieldLimit Cookie 5000\n"
                                      "ReqGuardFieldLimit X-Free 0\n",
            "htdocs/named/index.html": PAGE,
            "htdocs/unset/index.html": PAGE,
        })


def uri_of(path, n):
    """A request-target of n bytes: path padded with slashes."""
    return path + "/" * (n - len(path))


@pytest.mark.parametrize("path", ["/larger/", "/unset/"])
def test_a_larger_or_missing_limit_is_held_to_the_ceiling(srv, path):
    r, _ = rgtest.get(srv, uri_of(path, 100))
    assert r.status_line == "HTTP/1.1 200 OK"
    r, closed = rgtest.get(srv, uri_of(path, 101))
    assert r.status_line == "HTTP/1.1 414 Request-URI Too Long"
    assert closed
    srv.wait_log(r"kind=uri .*observed=101 limit=100 action=blocked")


def test_a_tighter_limit_applies(srv):
    r, _ = rgtest.get(srv, uri_of("/tighter/", 50))
    assert r.status == 200
    r, _ = rgtest.get(srv, uri_of("/tighter/", 51))
    assert r.status == 414
    srv.wait_log(r"kind=uri .*observed=51 limit=50")


def test_unlimited_is_held_to_the_ceiling(srv):
    r, _ = rgtest.get(srv, "/unlimited/index.html", method="POST",
                      body=b"b" * 1024)
    assert r.status == 200
    r, closed = rgtest.get(srv, "/unlimited/index.html", method="POST",
                           body=b"b" * 1025)
    assert r.status_line == "HTTP/1.1 413 Request Entity Too Large"
    assert closed
    srv.wait_log(r"kind=body .*observed=1025 limit=1024")


def test_unset_field_count_is_held_to_the_ceiling(srv):
    # Host plus 9 fields: 10; plus 10: 11.
    r, _ = rgtest.get(srv, "/unset/", [(f"X-F{i}", "v") for i in range(9)])
    assert r.status == 200
    r, _ = rgtest.get(srv, "/unset/", [(f"X-F{i}", "v") for i in range(10)])
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    srv.wait_log(r"kind=fields .*observed=11 limit=10")


@pytest.mark.parametrize("name", ["Cookie", "X-Free"])
def test_per_name_limits_are_held_to_the_field_size_ceiling(srv, name):
    # "Cookie 5000" and "X-Free 0" (exempt) both stop at the ceiling, 100.
    r, _ = rgtest.get(srv, "/named/", [(name, "c" * (100 - len(name) - 2))])
    assert r.status == 200
    r, _ = rgtest.get(srv, "/named/", [(name, "c" * (101 - len(name) - 2))])
    assert r.status == 431
    srv.wait_log(rf"kind=field-size field={name} observed=101 limit=100")


def test_long_segment_over_the_ceiling_is_414_not_403(srv):
    """Where no limit is set, the ceiling holds the request-target before
    the directory walk too: a segment too long to map gets 414, not the
    walk's 403."""
    r, closed = rgtest.get(srv, "/unset/" + "a" * 300)
    assert r.status_line == "HTTP/1.1 414 Request-URI Too Long"
    assert closed
    srv.wait_log(r"kind=uri field=- observed=307 limit=100 action=blocked "
                 r'directive="ReqGuardCeiling MaxURI"')


@pytest.fixture(scope="module")
def vhosts(start_apache):
    return start_apache(
        conf="""
ReqGuardCeiling MaxURI 100
<VirtualHost 127.0.0.1:@PORT@>
    ServerName held.test
    DocumentRoot "@ROOT@/htdocs"
</VirtualHost>
<VirtualHost 127.0.0.1:@PORT@>
    ServerName lifted.test
    DocumentRoot "@ROOT@/htdocs"
    ReqGuardCeiling MaxURI 0
</VirtualHost>
""")


def test_a_virtual_host_inherits_the_ceiling(vhosts):
    r, _ = rgtest.get(vhosts, "/?" + "q" * 200, host="held.test")
    assert r.status == 414
    vhosts.wait_log(r"kind=uri .*limit=100")


def test_a_virtual_host_lifts_an_inherited_ceiling_with_0(vhosts):
    r, _ = rgtest.get(vhosts, "/?" + "q" * 200, host="lifted.test")
    assert r.status_line == "HTTP/1.1 200 OK"
    assert vhosts.log_lines(r"RG00001") == []


# ---- HTTP/2: no line figures, the limits capped per request ---------------

@pytest.fixture(scope="module")
def h2(start_apache):
    return start_apache(
        conf="""
Protocols h2c http/1.1
ReqGuardCeiling MaxURI 100
ReqGuardCeiling MaxFieldSize 100
ReqGuardCeiling MaxHeaderSize 500
ReqGuardCeiling MaxFields 10
""",
        files={
            "htdocs/larger/.htaccess": "ReqGuardMaxURI 500\n"
                                       "ReqGuardMaxFieldSize 5000\n"
                                       "ReqGuardMaxHeaderSize 50000\n"
                                       "ReqGuardMaxFields 100\n",
            "htdocs/larger/index.html": PAGE,
            "htdocs/tighter/.htaccess": "ReqGuardMaxFieldSize 50\n",
            "htdocs/tighter/index.html": PAGE,
        },
        modules=["http2"])


def pad(n):
    """A field "x-f: ..." of n bytes as the module measures it."""
    return ("x-f", "f" * (n - len("X-F: ")))


@pytest.mark.parametrize("path,headers,status,logged", [
    ("/larger/", [pad(100)], 200, None),
    ("/larger/", [pad(101)], 431,
     r"kind=field-size field=X-F observed=101 limit=100 action=blocked "
     r'directive="ReqGuardCeiling MaxFieldSize"'),
    ("/tighter/", [pad(50)], 200, None),
    ("/tighter/", [pad(51)], 431,
     r"kind=field-size field=X-F observed=51 limit=50 action=blocked "
     r'directive="ReqGuardMaxFieldSize"'),
    # nghttp sends four fields of its own (Host among them).
    ("/larger/", [(f"x-n{i}", "v") for i in range(6)], 200, None),
    ("/larger/", [(f"x-n{i}", "v") for i in range(7)], 431,
     r"kind=fields field=- observed=11 limit=10 action=blocked "
     r'directive="ReqGuardCeiling MaxFields"'),
    ("/larger/", [(f"x-b{i}", "b" * 90) for i in range(5)], 431,
     r"kind=header-size field=- observed=\d+ limit=500 action=blocked "
     r'directive="ReqGuardCeiling MaxHeaderSize"'),
], ids=["field-at-ceiling", "field-over-ceiling", "field-at-tenant",
        "field-over-tenant", "count-at-ceiling", "count-over-ceiling",
        "block-over-ceiling"])
def test_http2_fields_are_held_to_the_ceilings(h2, path, headers, status,
                                               logged):
    """HTTP/2 has no line figures: every field is measured, against the
    tenant's limits capped by the server's ceilings."""
    statuses, out = nghttp(h2, [path], headers)
    assert statuses == [status], out
    h2.expect_violation(logged)


def test_http2_target_is_held_to_the_ceiling(h2):
    statuses, out = nghttp(h2, [uri_of("/larger/", 100),
                                uri_of("/larger/", 101)])
    assert statuses == [200, 414], out
    h2.wait_log(r"kind=uri .*observed=101 limit=100 action=blocked "
                r'directive="ReqGuardCeiling MaxURI"')


def test_http2_long_segment_over_the_ceiling_is_414_not_403(h2):
    statuses, out = nghttp(h2, ["/larger/" + "a" * 300])
    assert statuses == [414], out
    h2.wait_log(r"kind=uri field=- observed=308 limit=100 action=blocked "
                r'directive="ReqGuardCeiling MaxURI"')
