"""A 431 about the cookies: which cookies (by name and size, never a value)
for every form of it, and ReqGuardCookieRecovery, which gets the visitor
out of it on the next reload: Expire (Set-Cookie ...; Max-Age=0 for the
largest, as many as needed) and ClearSiteData (Clear-Site-Data on https)."""
import concurrent.futures
import json
import os
import re
import subprocess

import pytest

import rgtest
import tls_util

SECRET = "c00kieV4LUE-9e2b"

ACCEPT = {
    "html": "text/html,application/xhtml+xml,*/*;q=0.8",
    "json": "application/problem+json",
    "text": "text/plain",
}

# Twelve cookies of distinct sizes, c01 the largest; every value starts
# with the secret.  scale stretches them.
def twelve(scale=1):
    return [(f"c{i:02d}", SECRET + "v" * ((130 - i * 9) * scale))
            for i in range(1, 13)]


def field(pairs):
    return "; ".join(f"{n}={v}" for n, v in pairs)


def sizes(pairs):
    """(name, bytes of name=value), largest first, equal sizes in order."""
    rows = [(n, len(n) + 1 + len(v)) for n, v in pairs]
    return sorted(rows, key=lambda r: -r[1])


def head(method, target, headers):
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def send(server, target, cookie=None, accept="application/problem+json",
         extra=(), method="GET", tls=False):
    """One request; the Cookie field last, as browsers send it."""
    hdrs = [("Accept", accept)] + list(extra)
    if cookie is not None:
        hdrs.append(("Cookie", cookie))
    data = head(method, target, hdrs)
    if tls:
        return tls_util.request(server, data)
    with rgtest.Conn(server.port, timeout=15) as c:
        c.send(data)
        return c.read_response(head_request=method == "HEAD")


def parallel(fn, cases):
    with concurrent.futures.ThreadPoolExecutor(min(len(cases), 8)) as ex:
        return list(ex.map(lambda c: fn(*c), cases))


def doc(r):
    assert r.header("Content-Type").startswith(
        "application/problem+json"), r
    return json.loads(r.body.decode("utf-8"))


def expired(r):
    """Names the response expires, in order, checking each field's form."""
    names = []
    for v in r.header_all("Set-Cookie"):
        m = re.fullmatch(r"([^=;\s]+)=; Max-Age=0; Path=/(; Secure)?", v)
        assert m, v
        names.append(m.group(1))
    return names


def without(pairs, names):
    return [(n, v) for n, v in pairs if n not in names]


def never_echoed(r):
    assert SECRET.encode() not in r.raw_head + r.body, r


def htaccess(*lines):
    return "\n".join(lines) + "\n"


# ---- servers --------------------------------------------------------------

def site_files():
    files = {
        "htdocs/page431.html": "<p>the site's own 431 page</p>\n",
    }
    dirs = {
        "named/full": ["ReqGuardFieldLimit Cookie 1000"],
        "named/brief": ["ReqGuardFieldLimit Cookie 1000",
                        "ReqGuardDiagnostics Brief"],
        "general/full": ["ReqGuardMaxFieldSize 1000"],
        "general/brief": ["ReqGuardMaxFieldSize 1000",
                          "ReqGuardDiagnostics Brief"],
        "block/full": ["ReqGuardMaxHeaderSize 1500"],
        "block/brief": ["ReqGuardMaxHeaderSize 1500",
                        "ReqGuardDiagnostics Brief"],
        "off": ["ReqGuardFieldLimit Cookie 1000",
                "ReqGuardCookieRecovery Off"],
        "csd": ["ReqGuardFieldLimit Cookie 1000",
                "ReqGuardCookieRecovery clearsitedata"],
        "edoc-url": ["ReqGuardFieldLimit Cookie 1000",
                     "ErrorDocument 431 /page431.html"],
        "edoc-text": ["ReqGuardFieldLimit Cookie 1000",
                      'ErrorDocument 431 "cookie-431-text"'],
        "quiet": ["ReqGuardFieldLimit Cookie 1000",
                  "ReqGuardDiagnostics Off"],
        "handler": ["ReqGuardFieldLimit Cookie 1000",
                    "ErrorDocument 431 /errors/diag"],
        "report": ["ReqGuardFieldLimit Cookie 1000", "ReqGuard ReportOnly"],
        "query": ["ReqGuardMaxQuery 10"],
        "bad": ["ReqGuardCookieRecovery Sometimes"],
    }
    for d, lines in dirs.items():
        files[f"htdocs/{d}/.htaccess"] = htaccess(*lines)
        files[f"htdocs/{d}/index.html"] = "static\n"
    return files


# Every REQGUARD_* variable and the recovery fields, logged.
VARS_FORMAT = ("%>s v=%{REQGUARD_VIOLATION}e f=%{REQGUARD_FIELD}e "
               "l=%{REQGUARD_LIMIT}e o=%{REQGUARD_OBSERVED}e "
               "a=%{REQGUARD_ACTION}e sc=%{Set-Cookie}o "
               "csd=%{Clear-Site-Data}o")

SITE_CONF = """
LimitRequestFieldSize 4000
ReqGuardDiagnostics Full
ReqGuardCookieRecovery Expire
<Location "/errors/diag">
    SetHandler reqguard-diagnostic
</Location>
LogFormat "%s" vars
CustomLog @ROOT@/logs/vars.log vars
""" % VARS_FORMAT


@pytest.fixture(scope="module")
def site(start_apache):
    """Module limits on the Cookie field in every form, Full by default,
    Expire by default (also for core's refusals: LimitRequestFieldSize
    4000)."""
    return start_apache(name="cookies", conf=SITE_CONF, files=site_files())


@pytest.fixture(scope="module")
def plain(start_apache):
    """The defaults (Brief, no recovery), a ceiling on the Cookie field."""
    return start_apache(name="cookies-plain", conf="""
ReqGuardCeiling FieldLimit Cookie 3000
""", files={
        "htdocs/ceiling/full/.htaccess": htaccess(
            "ReqGuardFieldLimit Cookie 0", "ReqGuardDiagnostics Full"),
        "htdocs/ceiling/full/index.html": "static\n",
        "htdocs/ceiling/brief/.htaccess": htaccess(
            "ReqGuardFieldLimit Cookie 0"),
        "htdocs/ceiling/brief/index.html": "static\n",
        "htdocs/named/.htaccess": htaccess("ReqGuardFieldLimit Cookie 1000"),
        "htdocs/named/index.html": "static\n",
    })


@pytest.fixture(scope="module")
def tls(start_apache):
    """HTTPS, ClearSiteData for the server (so for core's refusals too)."""
    files = tls_util.cert_files()
    files.update({
        "htdocs/named/.htaccess": htaccess("ReqGuardFieldLimit Cookie 1000"),
        "htdocs/named/index.html": "static\n",
        "htdocs/block/.htaccess": htaccess("ReqGuardMaxHeaderSize 1500"),
        "htdocs/block/index.html": "static\n",
        "htdocs/expire/.htaccess": htaccess("ReqGuardFieldLimit Cookie 1000",
                                            "ReqGuardCookieRecovery Expire"),
        "htdocs/expire/index.html": "static\n",
    })
    return start_apache(name="cookies-tls", modules=tls_util.MODULES,
                        conf=tls_util.CONF + "ReqGuardCookieRecovery "
                        "ClearSiteData\n", files=files)


# ---- the directive --------------------------------------------------------

configtest = rgtest.configtest


def test_directive_values_and_contexts():
    rc, out = configtest("""
ReqGuardCookieRecovery Off
<VirtualHost 127.0.0.1:@PORT@>
    ReqGuardCookieRecovery ClearSiteData
</VirtualHost>
<Directory "@ROOT@/htdocs/a">
    ReqGuardCookieRecovery expire
</Directory>
<Location "/b">
    ReqGuardCookieRecovery CLEARSITEDATA
</Location>
""")
    assert rc == 0, out
    rc, out = configtest("ReqGuardCookieRecovery Always\n")
    assert rc != 0
    assert "ReqGuardCookieRecovery: 'Always' must be Off, Expire or " \
           "ClearSiteData" in out, out


def test_bad_value_in_htaccess_is_a_500_there_only(site):
    site.allow_log(r"ReqGuardCookieRecovery: 'Sometimes'")
    r = send(site, "/bad/")
    assert r.status == 500
    assert send(site, "/named/full/").status == 200


# ---- which cookie -----------------------------------------------------------

# Form -> (server, path, Cookie field, other fields, limit, directive).
def forms(site, plain):
    block_other = [("X-Pad", "p" * 400)]
    return {
        "named": (site, "/named/", twelve(), [], 1000,
                  "ReqGuardFieldLimit Cookie"),
        "general": (site, "/general/", twelve(), [], 1000,
                    "ReqGuardMaxFieldSize"),
        "ceiling": (plain, "/ceiling/", twelve(4), [], 3000,
                    "ReqGuardCeiling FieldLimit Cookie"),
        "block": (site, "/block/", twelve(), block_other, 1500,
                  "ReqGuardMaxHeaderSize"),
        "core": (None, "/", None, [], None, "LimitRequestFieldSize"),
    }


def form_request(srvs, form, level, fmt):
    server, path, pairs, other, _, _ = srvs[form]
    if form == "core":
        # Core's own limit: the server's Full on site (4000), Brief on
        # plain (8190, a line longer than core reads at once).
        server = srvs["_site"] if level == "full" else srvs["_plain"]
        pairs = twelve(5) if level == "full" else twelve(10)
        return send(server, path, field(pairs), ACCEPT[fmt], other), pairs
    return send(server, f"{path}{level}/", field(pairs), ACCEPT[fmt],
                other), pairs


@pytest.mark.parametrize("level", ["brief", "full"])
def test_every_form_lists_the_cookies(site, plain, level):
    """Field limit, MaxFieldSize, ceiling, header block (Cookie the largest
    field) and core's refusal, in HTML, JSON and text: the count and total,
    and under Full the ten largest by name with their size, the rest
    summed.  Never a value."""
    srvs = forms(site, plain)
    srvs["_site"], srvs["_plain"] = site, plain
    cases = [(f, fmt) for f in ("named", "general", "ceiling", "block",
                                "core") for fmt in ("html", "json", "text")]
    results = parallel(lambda f, fmt: form_request(srvs, f, level, fmt),
                       cases)
    for (form, fmt), (r, pairs) in zip(cases, results):
        case = (form, fmt, level)
        assert r.status == 431, (case, r)
        never_echoed(r)
        rows = sizes(pairs)
        total = sum(b for _, b in rows)
        limit = srvs[form][4] if form != "core" else (
            4000 if level == "full" else 8190)
        if fmt == "json":
            d = doc(r)
            assert d["cookie_count"] == 12 and d["cookie_bytes"] == total, \
                (case, d)
            assert "cookies_partial" not in d
            if level == "brief":
                assert "cookies" not in d, case
                continue
            assert d["directive"] == srvs[form][5], (case, d)
            assert [(c["name"], c["bytes"]) for c in d["cookies"]] \
                == rows[:10], case
            tenths = (rows[0][1] * 2000 // limit + 1) // 2
            assert d["cookies"][0]["share"] == tenths / 10, \
                (case, d["cookies"][0])
            assert d["cookies_more"]["count"] == 2
            assert d["cookies_more"]["bytes"] == rows[10][1] + rows[11][1]
        elif fmt == "text":
            text = r.text
            assert f"Cookies:    12 ({total} bytes)\n" in text, (case, text)
            if level == "brief":
                assert "c01" not in text and "largest first" not in text
                continue
            listed = re.findall(r"^  (c\d\d) +(\d+) ", text, re.M)
            assert [(n, int(b)) for n, b in listed] == rows[:10], case
            assert re.search(r"^  2 more +%d " % (rows[10][1] + rows[11][1]),
                             text, re.M), case
        else:
            html = r.text
            assert f"<dd>12 ({total} bytes)</dd>" in html, case
            assert "lang=\"en\"" in html
            if level == "brief":
                assert "<table>" not in html and "c01" not in html, case
                continue
            listed = re.findall(r"<tr><td><code>(c\d\d)</code></td>"
                                r"<td class=\"n\">(\d+)</td>", html)
            assert [(n, int(b)) for n, b in listed] == rows[:10], case
            assert "<tr><td>2 more</td>" in html


def test_brief_visitor_text_blames_the_sites_cookies(site):
    r = send(site, "/named/brief/", field(twelve()), ACCEPT["text"],
             extra=[("Accept-Language", "en")])
    assert r.status == 431
    assert "The cookies this site has stored in your browser have grown " \
           "too large" in r.text


def test_header_block_without_cookie_as_largest_field_lists_nothing(site):
    """The block is too large because of another field: no list, and
    nothing expired."""
    r = send(site, "/block/full/", "a=1; b=2",
             extra=[("X-Big", SECRET + "b" * 1500)])
    assert r.status == 431
    d = doc(r)
    assert d["kind"] == "header-size"
    assert "cookies" not in d and "cookie_count" not in d
    assert r.header_all("Set-Cookie") == []
    never_echoed(r)


def test_core_refusal_of_a_partial_line_lists_what_it_read(site):
    """A Cookie line far over LimitRequestFieldSize: core stops reading it;
    the list is of what it read, at least so many, said so."""
    pairs = [(f"k{i:02d}", SECRET + "w" * 900) for i in range(30)]
    r = send(site, "/", field(pairs), ACCEPT["text"])
    assert r.status == 431 and r.header("Connection") == "close"
    never_echoed(r)
    m = re.search(r"^Cookies: +(\d+)\+ \((\d+)\+ bytes\)$", r.text, re.M)
    assert m, r.text
    read = int(m.group(2))
    assert 4000 < read < len(field(pairs))
    assert "The server read only the start of the Cookie field" in r.text
    r = send(site, "/", field(pairs))
    d = doc(r)
    assert d["cookies_partial"] is True
    assert d["kind"] == "core-field-size" and d["field"] == "Cookie"
    assert all(c["bytes"] <= len(pairs[0][0]) + 1 + len(pairs[0][1])
               for c in d["cookies"])


# ---- Expire -----------------------------------------------------------------

def test_expire_one_byte_over_expires_the_largest_only(site):
    pairs = [("s", SECRET), ("big", SECRET + "x" * 600),
             ("mid", SECRET + "y" * 200)]
    value = field(pairs)
    pad = 1000 - len("Cookie: ") - len(value)
    pairs[0] = ("s", SECRET + "z" * pad)
    assert len("Cookie: " + field(pairs)) == 1000
    r = send(site, "/named/full/", field(pairs))
    assert r.status == 200, r
    assert r.header_all("Set-Cookie") == []
    pairs[0] = ("s", SECRET + "z" * (pad + 1))
    r = send(site, "/named/full/", field(pairs))
    assert r.status == 431
    assert r.header_all("Set-Cookie") == ["big=; Max-Age=0; Path=/"]
    assert r.header("Cache-Control") == "no-store"
    d = doc(r)
    assert d["recovery"] == "expire"
    assert d["advice"].startswith("This site has just asked your browser")
    never_echoed(r)


def test_expire_as_many_as_needed_largest_first(site):
    """Eight cookies over the limit by more than one: the largest go, in
    size order, until the next field fits; with one fewer it would not."""
    pairs = [(f"e{i}", SECRET + "v" * (130 + 3 * i)) for i in range(8)]
    r = send(site, "/named/full/", field(pairs), ACCEPT["text"])
    assert r.status == 431
    names = expired(r)
    assert names == ["e7", "e6"], names
    assert "so the page should work now when you reload it" in r.text
    # The browser's next request: the rest fits.
    assert send(site, "/named/full/",
                field(without(pairs, names))).status == 200
    # One fewer would not have been enough.
    assert send(site, "/named/full/",
                field(without(pairs, names[:-1]))).status == 431


def test_two_cookie_lines_are_the_pairs_of_both(site):
    """An HTTP/1.1 client that sends two Cookie lines: Apache joins them
    with ", "; the list and the plan are those of every pair of both."""
    pairs = [(f"e{i}", SECRET + "v" * (130 + 3 * i)) for i in range(8)]
    first, second = field(pairs[:4]), field(pairs[4:])
    r = send(site, "/named/full/", second, extra=[("Cookie", first)])
    assert r.status == 431
    d = doc(r)
    assert [c["name"] for c in d["cookies"]] == [f"e{i}" for i in
                                                 range(7, -1, -1)]
    assert [c["bytes"] for c in d["cookies"]] == [
        b for _, b in sizes(pairs)]
    names = expired(r)
    assert names == ["e7", "e6"], names
    never_echoed(r)
    # The browser's next request, still on two lines: it fits.
    rest = without(pairs, names)
    r = send(site, "/named/full/", field(rest[4:]),
             extra=[("Cookie", field(rest[:4]))])
    assert r.status == 200, r


def test_one_cookie_line_keeps_a_comma_in_its_value(site):
    """A single Cookie line whose value holds ", y=": no lines were joined,
    so that is the value of n1, which is what goes."""
    value = "n1=" + SECRET + ", y=" + "a" * 1100 + "; n2=s"
    r = send(site, "/named/full/", value)
    assert r.status == 431
    d = doc(r)
    assert [c["name"] for c in d["cookies"]] == ["n1", "n2"]
    assert expired(r) == ["n1"]
    never_echoed(r)
    assert send(site, "/named/full/", "n2=s").status == 200


def test_expire_for_the_header_block_makes_the_block_fit(site):
    pairs = [(f"h{i}", SECRET + "v" * (90 + 7 * i)) for i in range(12)]
    other = [("X-Pad", "p" * 120)]
    r = send(site, "/block/full/", field(pairs), extra=other)
    assert r.status == 431
    d = doc(r)
    assert d["kind"] == "header-size" and d["recovery"] == "expire"
    names = expired(r)
    assert names and names[0] == "h11"
    assert send(site, "/block/full/", field(without(pairs, names)),
                extra=other).status == 200
    assert send(site, "/block/full/", field(without(pairs, names[:-1])),
                extra=other).status == 431


def test_expire_names_that_cannot_be_sent_back_are_skipped(site):
    pairs = [("b@d", SECRET + "x" * 500), ("__Host-sid", SECRET + "y" * 400),
             ("ok", SECRET + "z" * 150)]
    r = send(site, "/named/full/", field(pairs) + "; " + SECRET + "n" * 120)
    assert r.status == 431
    assert r.header_all("Set-Cookie") == [
        "__Host-sid=; Max-Age=0; Path=/; Secure"]
    d = doc(r)
    assert d["recovery"] == "expire"
    assert [c["name"] for c in d["cookies"]] == ["b@d", "__Host-sid", "ok",
                                                 ""]
    never_echoed(r)


def test_expire_when_nothing_could_make_it_fit(site):
    """The cookies over the limit cannot be named back: nothing is sent,
    and the page gives the usual advice, promising nothing."""
    r = send(site, "/named/full/", "b@d=" + SECRET + "x" * 1200 + "; ok=1")
    assert r.status == 431
    assert r.header_all("Set-Cookie") == []
    d = doc(r)
    assert "recovery" not in d
    assert d["advice"].startswith("Clear the cookies")


def test_expire_a_name_sent_twice_once(site):
    r = send(site, "/named/full/", f"sid={SECRET}{'a' * 700}; "
             f"sid={SECRET}{'b' * 600}")
    assert r.status == 431
    assert r.header_all("Set-Cookie") == ["sid=; Max-Age=0; Path=/"]


def test_expire_on_core_refusal_of_a_whole_line(site):
    """Core refused a Cookie line it read to its end (LimitRequestFieldSize
    4000): the plan is exact, with the server's configuration."""
    pairs = twelve(5)
    r = send(site, "/named/full/", field(pairs), ACCEPT["text"])
    assert r.status == 431 and r.header("Connection") == "close"
    assert "LimitRequestFieldSize" in r.text
    names = expired(r)
    assert names == ["c01"]
    assert "reload it" in r.text
    assert len("Cookie: " + field(without(pairs, names))) <= 4000
    assert len("Cookie: " + field(without(pairs, names[:-1]))) > 4000


def test_expire_on_core_refusal_of_a_partial_line(site):
    """What core did not read cannot be planned for: every name read is
    expired, and the page promises nothing."""
    pairs = [(f"k{i:02d}", SECRET + "w" * 900) for i in range(30)]
    r = send(site, "/", field(pairs))
    assert r.status == 431
    d = doc(r)
    names = expired(r)
    listed = {c["name"] for c in d["cookies"]}
    # Every name read, once; the pair core stopped in only when its name
    # was read whole.
    assert len(set(names)) == len(names)
    assert d["cookie_count"] - 1 <= len(names) <= d["cookie_count"]
    assert listed <= set(names) <= {n for n, _ in pairs}
    assert "recovery" not in d
    never_echoed(r)


def test_off_sends_nothing(site, plain):
    for server, path in ((site, "/off/"), (plain, "/named/")):
        r = send(server, path, field(twelve()))
        assert r.status == 431
        assert r.header_all("Set-Cookie") == []
        assert r.header("Clear-Site-Data") is None
        assert "recovery" not in doc(r)


def test_report_only_sends_nothing(site):
    r = send(site, "/report/", field(twelve()))
    assert r.status == 200
    assert r.header_all("Set-Cookie") == []


@pytest.mark.parametrize("path,status_body", [
    ("/edoc-url/", b"<p>the site's own 431 page</p>\n"),
    ("/edoc-text/", b"cookie-431-text"),
    ("/quiet/", None),
    ("/handler/", None),
])
def test_expire_whatever_answers_the_431(site, path, status_body):
    """An ErrorDocument page or text, diagnostics Off, the
    reqguard-diagnostic handler: the 431 carries the Set-Cookie fields."""
    pairs = twelve()
    r = send(site, path, field(pairs))
    assert r.status == 431, r
    assert expired(r) == ["c01"], r
    assert r.header("Cache-Control") == "no-store"
    if status_body is not None:
        assert r.body == status_body
    if path == "/handler/":
        d = doc(r)
        assert d["recovery"] == "expire"
        assert [c["name"] for c in d["cookies"]][:3] == ["c01", "c02", "c03"]
        assert d["cookies"][0]["bytes"] == sizes(pairs)[0][1]
    never_echoed(r)
    r = send(site, path, field(pairs), method="HEAD")
    assert r.status == 431 and expired(r) == ["c01"]


def test_clear_site_data_on_http_expires_instead(site):
    """Browsers ignore Clear-Site-Data on plain http: Expire's fields go."""
    r = send(site, "/csd/", field(twelve()))
    assert r.status == 431
    assert r.header("Clear-Site-Data") is None
    assert expired(r) == ["c01"]
    assert doc(r)["recovery"] == "expire"


# ---- ClearSiteData on https ----------------------------------------------

@pytest.mark.parametrize("path,kind", [("/named/", "field-size"),
                                       ("/block/", "header-size"),
                                       ("/", "core-field-size")])
def test_clear_site_data_on_https(tls, path, kind):
    tls_util.allow_startup_warnings(tls)
    pairs = twelve(10) if kind.startswith("core") else twelve()
    # A field between Accept and Cookie, as browsers send: core stores
    # Accept before it refuses the Cookie line (over TLS the connection
    # keeps no copy of the line before the refused one).
    extra = [("User-Agent", "test")]
    if kind == "header-size":
        extra.append(("X-Pad", "p" * 400))
    r = send(tls, path, field(pairs), ACCEPT["html"], extra, tls=True)
    assert r.status == 431, r
    assert r.header("Clear-Site-Data") == '"cookies"'
    assert r.header_all("Set-Cookie") == []
    assert r.header("Cache-Control") == "no-store"
    assert "<a href=\"\">Reload the page</a>" in r.text
    r = send(tls, path, field(pairs), extra=extra, tls=True)
    d = doc(r)
    assert d["kind"] == kind and d["recovery"] == "clear-site-data"
    assert d["cookie_count"] == 12
    never_echoed(r)


def test_expire_on_https_when_configured(tls):
    tls_util.allow_startup_warnings(tls)
    r = send(tls, "/expire/", field(twelve()), tls=True)
    assert r.status == 431
    assert expired(r) == ["c01"]
    assert r.header("Clear-Site-Data") is None


# ---- nothing from the client is ever echoed -------------------------------

def test_markers_appear_in_no_response_and_no_log(site):
    """Every header value, every cookie value and the query string carry a
    marker of their own; no response head or body and no log line shows
    one.  (The harness's access log has %r, the request line as the
    client sent it, by the administrator's choice: there only the markers
    of header and cookie values are looked for.  Apache's default error
    log format appends the Referer to every request's line.)"""
    markers, in_query = [], set()

    def mk():
        markers.append(f"MK{len(markers):04d}Z{SECRET[-4:]}")
        return markers[-1]

    def request(path, n_cookies, scale, accept):
        hdrs = [
            ("Accept", f"{accept}, application/x-{mk()};q=0.1"),
            ("Accept-Language", f"de;q=0.9, x-{mk()};q=0.1"),
            ("User-Agent", "Mozilla/5.0 " + mk()),
            ("Referer", "http://127.0.0.1/" + mk()),
            ("Authorization", "Bearer " + mk()),
            ("X-Forwarded-For", mk()),
            ("X-Custom", mk()),
        ]
        pairs = [(f"m{i:02d}", mk() + "v" * (scale * (40 + i)))
                 for i in range(n_cookies)]
        query = "?token=" + mk()
        in_query.add(markers[-1])
        hdrs.append(("Cookie", field(pairs)))
        with rgtest.Conn(site.port, timeout=15) as c:
            c.send(head("GET", path + query, hdrs))
            return c.read_response()

    cases = []
    for accept in ("text/html", "application/json", "text/plain"):
        cases += [("/named/full/", 12, 2, accept),
                  ("/named/brief/", 12, 2, accept),
                  ("/block/full/", 12, 3, accept),
                  ("/handler/", 12, 2, accept),
                  ("/edoc-url/", 12, 2, accept),
                  ("/query/", 2, 1, accept),
                  ("/", 12, 8, accept),          # core, whole line
                  ("/", 40, 10, accept)]         # core, partial line
    for case in cases:
        r = request(*case)
        assert r.status == (414 if case[0] == "/query/" else 431), (case, r)
        raw = r.raw_head + r.body
        leaked = [m for m in markers if m.encode() in raw]
        assert not leaked, (case, leaked, r)
    site.wait_log(r"RG00001: .*kind=query", count=3)
    site.wait_access(len(cases))
    # Apache's default ErrorLogFormat ends every line about a request with
    # ", referer: " and the Referer field, whoever logs it: that suffix is
    # core's, not the module's message (an ErrorLogFormat drops it).
    referer = re.compile(r", referer: http://127\.0\.0\.1/MK\d{4}Z\w+$")
    logs = "\n".join(referer.sub("", l)
                     for l in site.read_log(0).splitlines())
    with open(site.root + "/logs/vars.log") as f:
        var_log = f.read()
    access = "\n".join(site.access_lines())
    assert re.search(r"sc=m\d\d=; Max-Age=0; Path=/", var_log), var_log
    for m in markers:
        assert m not in logs, m
        assert m not in var_log, m
        assert m in in_query or m not in access, m
    # The check can fail: the query markers are in the request lines.
    assert all(m in access for m in in_query)


# ---- other modules on the way out -------------------------------------------

@pytest.fixture(scope="module")
def cached(start_apache):
    return start_apache(name="cookies-cache",
                        modules=["cache", "cache_disk", "expires"], conf="""
CacheRoot @ROOT@/cache
CacheEnable disk /
CacheHeader On
ExpiresActive On
ExpiresDefault "access plus 1 hour"
Header set X-Success-Only 1
Header always set X-Always 1
ReqGuardCookieRecovery Expire
ReqGuardFieldLimit Cookie 1000
""", files={"cache/.keep": "", "htdocs/other.html": "<p>other</p>\n"})


def test_set_cookie_survives_mod_headers_and_mod_cache(cached):
    """The fields go out with the error response's own headers (Header
    always applies, Header without always does not), and the 431 is never
    served from the cache that serves the page itself."""
    if os.geteuid() == 0:
        subprocess.run(["chown", "-R", "www-data:www-data",
                        os.path.join(cached.root, "cache")], check=True)
    # The cache works: the second answer for the page comes from it.
    assert send(cached, "/").status == 200
    r = send(cached, "/")
    assert r.status == 200 and r.header("X-Cache") == "HIT from 127.0.0.1", r
    for _ in range(2):
        r = send(cached, "/other.html", field(twelve()))
        assert r.status == 431
        assert expired(r) == ["c01"]
        assert r.header("Cache-Control") == "no-store"
        assert r.header("X-Always") == "1"
        assert r.header("X-Success-Only") is None
        assert r.header("X-Cache") != "HIT from 127.0.0.1"
    # Threads write their lines as their requests end: not in order.
    lines = [l for l in cached.wait_access(4) if "/other.html" in l]
    assert len(lines) == 2, lines
    assert all(l.endswith("v=field-size") for l in lines), lines
