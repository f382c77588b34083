"""Diagnostic bodies of every refusal (HTML, problem+json, text; Brief, Full,
Off), ErrorDocument compatibility, and the reqguard-diagnostic handler."""
import concurrent.futures
import json
import os
import re
import subprocess
import tempfile

import pytest

import rgtest

SECRET = "s3cr3t-V4LUE-7f1d"
PROBLEM_BASE = "https://reqguard.invalid/problems/"

ACCEPT = {
    "html": "text/html,application/xhtml+xml,application/xml;q=0.9,"
            "*/*;q=0.8",
    "json": "application/problem+json",
    "text": "*/*",
}
CTYPE = {
    "html": "text/html; charset=utf-8",
    "json": "application/problem+json; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}

# Kind -> (status, .htaccess line that makes the request below refuse,
# directive named under Full, words the body says).
KINDS = {
    "fields": (431, "ReqGuardMaxFields 8", "ReqGuardMaxFields",
               "more header fields"),
    "field-size": (431, "ReqGuardFieldLimit Cookie 100",
                   "ReqGuardFieldLimit Cookie", "Cookie header field"),
    "header-size": (431, "ReqGuardMaxHeaderSize 600",
                    "ReqGuardMaxHeaderSize", "too large taken together"),
    "uri": (414, "ReqGuardMaxURI 100", "ReqGuardMaxURI",
            "address (URL) of the request is too long"),
    "query": (414, "ReqGuardMaxQuery 50", "ReqGuardMaxQuery",
              "query part of the address"),
    "body": (413, "ReqGuardMaxBody 1000", "ReqGuardMaxBody",
             "larger than this site accepts"),
    "length-required": (411, "ReqGuardRequireLength On",
                        "ReqGuardRequireLength", "without announcing its size"),
    "body-timeout": (408, "ReqGuardBodyTimeout 1", "ReqGuardBodyTimeout",
                     "arrived too slowly"),
    "core-field-size": (431, None, "LimitRequestFieldSize",
                        "X-Big header field"),
    "core-fields": (431, None, "LimitRequestFields",
                    "more header fields than this server accepts"),
}
MODULE_KINDS = [k for k, v in KINDS.items() if v[1] is not None]
CORE_KINDS = [k for k, v in KINDS.items() if v[1] is None]
LEVELS = {"brief": "", "full": "ReqGuardDiagnostics Full\n",
          "off": "ReqGuardDiagnostics Off\n"}


def kinds_site():
    files = {}
    for level, line in LEVELS.items():
        for kind in MODULE_KINDS:
            files[f"htdocs/{level}/{kind}/.htaccess"] = (
                line + KINDS[kind][1] + "\n")
            files[f"htdocs/{level}/{kind}/index.html"] = "static\n"
    files["htdocs/fixed/.htaccess"] = ("ReqGuardErrorFormat JSON\n"
                                       "ReqGuardFieldLimit Cookie 100\n")
    files["htdocs/fixed/index.html"] = "static\n"
    return files


@pytest.fixture(scope="module")
def kinds(start_apache):
    """Every module kind under Brief, Full and Off (.htaccess); core kinds
    from the server defaults (Brief); an admin's ErrorDocument 400 text,
    which the remapped 431 does not use."""
    return start_apache(conf='ErrorDocument 400 "admin-400-text"\n',
                        files=kinds_site())


# ---- clients ----------------------------------------------------------

def head_bytes(method, target, headers):
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def kind_request(server, kind, base="/full", accept="*/*", method="GET",
                 secret=SECRET):
    """Send the request that makes kind refuse under base; every part of
    it that must never be echoed carries the secret.  Returns the
    Response."""
    d = f"{base}/{kind}/"
    hdrs = [("Accept", accept), ("Authorization", "Bearer " + secret)]
    head_only = method == "HEAD"
    if kind == "fields":
        hdrs += [(f"X-F{i}", secret) for i in range(10)]
        data = head_bytes(method, d, hdrs)
    elif kind == "field-size":
        hdrs += [("Cookie", "session=" + secret + "x" * 150)]
        data = head_bytes(method, d, hdrs)
    elif kind == "header-size":
        hdrs += [(f"X-H{i}", secret + "h" * 80) for i in range(8)]
        data = head_bytes(method, d, hdrs)
    elif kind == "uri":
        data = head_bytes(method, d + "a" * 120 + "?t=" + secret, hdrs)
    elif kind == "query":
        data = head_bytes(method, d + "?token=" + secret + "q" * 60, hdrs)
    elif kind == "body":
        body = (secret * 200).encode()
        data = head_bytes("POST", d, hdrs + [
            ("Content-Length", str(len(body)))]) + body
    elif kind == "length-required":
        part = secret.encode()
        data = head_bytes("POST", d, hdrs + [
            ("Transfer-Encoding", "chunked")]) + (
            b"%x\r\n" % len(part) + part + b"\r\n0\r\n\r\n")
    elif kind == "body-timeout":
        data = head_bytes("POST", d, hdrs + [("Content-Length", "100")]) \
            + secret.encode()[:10]
    elif kind == "core-field-size":
        data = head_bytes(method, "/", hdrs + [
            ("X-Big", secret + "v" * 9000)])
    elif kind == "core-fields":
        data = head_bytes(method, "/", hdrs + [
            (f"X-C{i}", secret) for i in range(105)])
    else:
        raise ValueError(kind)
    with rgtest.Conn(server.port, timeout=15) as c:
        c.send(data)
        return c.read_response(head_request=head_only)


def parallel(fn, cases):
    with concurrent.futures.ThreadPoolExecutor(len(cases)) as ex:
        return list(ex.map(lambda c: fn(*c), cases))


def assert_common(r, kind, fmt=None, negotiated=True):
    status = KINDS[kind][0] if kind in KINDS else None
    if status is not None:
        assert r.status == status, r
    assert r.header("Cache-Control") == "no-store", r
    if fmt is not None:
        assert r.header("Content-Type") == CTYPE[fmt], r
        assert r.header("X-Content-Type-Options") == "nosniff", r
        if negotiated:
            assert "Accept" in (r.header("Vary") or ""), r
    if fmt is not None or r.header("Content-Length") is not None:
        assert int(r.header("Content-Length")) == len(r.body), r
    raw = r.raw_head + r.body
    assert SECRET.encode() not in raw, raw


def problem(r):
    doc = json.loads(r.body.decode("utf-8"))
    for member in ("type", "title", "status", "detail"):
        assert member in doc, doc
    assert doc["status"] == r.status
    assert doc["title"] == r.reason
    return doc


# ---- each format for each kind ------------------------------------------

@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_each_kind_in_each_format(kinds, fmt):
    """Full: every kind, in the negotiated format, says what was exceeded,
    the numbers and the directive, and echoes nothing it must not."""
    results = parallel(lambda k: kind_request(kinds, k, "/full",
                                              ACCEPT[fmt]),
                       [(k,) for k in MODULE_KINDS])
    results += [kind_request(kinds, k, "/full", ACCEPT[fmt])
                for k in CORE_KINDS]
    for kind, r in zip(MODULE_KINDS + CORE_KINDS, results):
        status, _, directive, words = KINDS[kind]
        assert_common(r, kind, fmt)
        text = r.body.decode("utf-8")
        if kind in CORE_KINDS:
            # Core kinds follow the server default: Brief.
            assert directive not in text, (kind, text)
            assert "admin-400-text" not in text
            assert r.header("Connection") == "close"
        if fmt == "json":
            doc = problem(r)
            assert doc["type"] == PROBLEM_BASE + kind
            assert doc["kind"] == kind
            assert doc["request_id"]
            assert doc["path"].startswith("/")
            assert words in doc["detail"], (kind, doc)
            if kind in MODULE_KINDS:
                assert doc["directive"] == directive, doc
                if kind != "length-required":
                    assert isinstance(doc["limit"], int), doc
                    assert isinstance(doc["observed"], int), doc
                    assert doc["observed"] > doc["limit"] or \
                        kind == "body-timeout", doc
        elif fmt == "html":
            assert text.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
            assert f"<h1>{r.reason}</h1>" in text
            assert "<h2>What you can do</h2>" in text
            assert "<script" not in text and "://" not in text
            assert "default-src 'none'" in r.header(
                "Content-Security-Policy")
            plain = re.sub(r"</?code>", "", text)
            assert words in plain, (kind, text)
            if kind in MODULE_KINDS:
                assert "<h2>For the site owner</h2>" in text
                assert f"<code>{directive}</code>" in text
        else:
            assert text.startswith(f"{status} {r.reason}\n\n"), text
            assert words in text, (kind, text)
            assert "Request id: " in text
            if kind in MODULE_KINDS:
                assert f"Directive:  {directive}\n" in text
    if fmt == "text":
        kinds.wait_log(r"RG00001: status=408 kind=body-timeout")


def test_field_size_numbers(kinds):
    r = kind_request(kinds, "field-size", "/full", "application/json")
    doc = problem(r)
    assert doc["field"] == "Cookie"
    assert doc["limit"] == 100
    assert doc["observed"] == len("Cookie: session=" + SECRET) + 150
    assert doc["unit"] == "bytes"
    assert "Clear the cookies" in doc["advice"]


def test_core_field_size_names_the_field(kinds):
    r = kind_request(kinds, "core-field-size", accept="application/json")
    doc = problem(r)
    assert doc["kind"] == "core-field-size"
    assert doc["field"] == "X-Big"
    assert r.header("Connection") == "close"
    assert "limit" not in doc          # server default: Brief


# ---- Brief, Full, Off ---------------------------------------------------

@pytest.mark.parametrize("level", ["brief", "full", "off"])
def test_levels(kinds, level):
    results = parallel(lambda k: kind_request(kinds, k, "/" + level,
                                              ACCEPT["json"]),
                       [(k,) for k in MODULE_KINDS])
    for kind, r in zip(MODULE_KINDS, results):
        status, _, directive, _ = KINDS[kind]
        if level == "off":
            # Apache's canned page, with our status and no-store.
            assert_common(r, kind)
            assert r.header("Content-Type").startswith("text/html")
            text = r.body.decode("latin-1")
            assert text.startswith("<!DOCTYPE HTML PUBLIC")
            assert f"<title>{status} " in text
            assert "reqguard" not in text.lower()
            continue
        assert_common(r, kind, "json")
        doc = problem(r)
        assert doc["kind"] == kind
        if level == "full":
            assert doc["directive"] == directive
        else:
            for member in ("limit", "observed", "directive", "unit"):
                assert member not in doc, (kind, doc)
            assert directive not in r.text
    kinds.wait_log(r"RG00001: status=408 kind=body-timeout")


def test_fixed_format_ignores_accept(kinds):
    r, _ = rgtest.get(kinds, "/fixed/", headers=[
        ("Accept", ACCEPT["html"]), ("Cookie", "c=" + "x" * 200)])
    assert_common(r, "field-size", "json", negotiated=False)
    assert "Accept" not in (r.header("Vary") or "")
    assert problem(r)["kind"] == "field-size"


@pytest.mark.parametrize("accept,fmt", [
    (None, "text"),
    ("*/*", "text"),
    ("application/json", "json"),
    ("application/*", "json"),
    ("text/html;q=0.5, application/json;q=0.9", "json"),
    ("text/*", "text"),
    ("image/png", "text"),
    ("text/html;q=bogus, application/problem+json", "json"),
])
def test_negotiation(kinds, accept, fmt):
    hdrs = [("Cookie", "c=" + "x" * 200)]
    if accept is not None:
        hdrs.append(("Accept", accept))
    r, _ = rgtest.get(kinds, "/brief/field-size/", headers=hdrs)
    assert_common(r, "field-size", fmt)


def test_curl_gets_text(kinds):
    r = rgtest.curl(kinds, "/brief/field-size/",
                    args=["-H", "Cookie: c=" + "x" * 200])
    assert r.status == 431
    assert r.header("Content-Type") == CTYPE["text"]
    assert r.text.startswith("431 Request Header Fields Too Large\n")
    assert "Clear the cookies" in r.text


@pytest.mark.parametrize("kind", ["field-size", "uri", "fields",
                                  "core-field-size"])
@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_head_has_headers_and_no_body(kinds, kind, fmt):
    get = kind_request(kinds, kind, "/full", ACCEPT[fmt])
    r = kind_request(kinds, kind, "/full", ACCEPT[fmt], method="HEAD")
    assert r.status == get.status
    assert r.body == b""
    assert r.header("Content-Type") == CTYPE[fmt]
    assert r.header("Cache-Control") == "no-store"
    assert r.header("Content-Length") == str(len(get.body))


def test_head_keepalive_next_response_is_clean(kinds):
    """After a HEAD refusal that keeps the connection, the next response on
    it starts right away: no body bytes were sent for the HEAD."""
    with rgtest.Conn(kinds.port) as c:
        c.send(head_bytes("HEAD", "/brief/field-size/", [
            ("Cookie", "c=" + "x" * 200)]))
        r = c.read_response(head_request=True)
        assert r.status == 431
        c.send(head_bytes("GET", "/", []))
        r2 = c.read_response()
        assert r2.status == 200
        assert r2.body == b"<p>hello from the test server</p>\n"


# ---- escaping, truncation, secrets --------------------------------------

@pytest.fixture(scope="module")
def unsafe(start_apache):
    """Field names and targets with characters Strict parsing refuses, so
    that the escaping is what stands between them and the page; Full at
    server level, so the core kinds show their numbers."""
    return start_apache(name="unsafe", conf="""
HttpProtocolOptions Unsafe
ReqGuardDiagnostics Full
ReqGuardMaxFieldSize 100
""")


CRAFTED_FIELD = "X-<i>\"&'"
CRAFTED_PATH = "/a<b>\"c&d'e/"


@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_crafted_field_name_and_path_are_escaped(unsafe, fmt):
    data = head_bytes("GET", CRAFTED_PATH, [
        ("Accept", ACCEPT[fmt]), (CRAFTED_FIELD, SECRET + "z" * 120)])
    r, _ = rgtest.raw(unsafe, data)
    assert_common(r, "field-size", fmt)
    text = r.text
    if fmt == "html":
        assert "X-&lt;i&gt;&quot;&amp;&#39;" in text
        assert "/a&lt;b&gt;&quot;c&amp;d&#39;e/" in text
        assert "<i>" not in text and "<b>" not in text
    elif fmt == "json":
        assert "<" not in text and "&" not in text
        doc = problem(r)
        assert doc["field"] == CRAFTED_FIELD
        assert doc["path"] == CRAFTED_PATH
        assert doc["limit"] == 100
    else:
        assert f"Field:      {CRAFTED_FIELD}\n" in text
        assert f"Path:       {CRAFTED_PATH}\n" in text


def test_long_path_is_truncated(unsafe):
    path = "/" + "/".join(["p" * 49] * 6)
    r, _ = rgtest.get(unsafe, path, headers=[
        ("Accept", "application/json"), ("X-Long", "z" * 200)])
    doc = problem(r)
    assert doc["path"] == path[:128] + "\u2026"


@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_invalid_utf8_and_controls_are_replaced(unsafe, fmt):
    """Bytes that are not UTF-8 in the path, and a control byte in a field
    name (HttpProtocolOptions Unsafe lets both through core), come back as
    U+FFFD."""
    data = (b"GET /bin\xff\xfe/ HTTP/1.1\r\nHost: x\r\nAccept: "
            + ACCEPT[fmt].encode() + b"\r\nX-\x01\xc0\xafCtl: "
            + b"z" * 200 + b"\r\n\r\n")
    r, _ = rgtest.raw(unsafe, data)
    assert r.status == 431, r
    text = r.body.decode("utf-8")       # strict: valid UTF-8 throughout
    assert "/bin\ufffd\ufffd/" in text
    assert "X-\ufffd\ufffd\ufffdCtl" in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)


def test_core_kinds_under_full(unsafe):
    r = kind_request(unsafe, "core-field-size", accept="application/json")
    doc = problem(r)
    assert doc["directive"] == "LimitRequestFieldSize"
    assert doc["limit"] == 8190
    assert doc["observed"] >= 8190
    r = kind_request(unsafe, "core-fields", accept="text/plain")
    assert r.status == 431
    assert "Directive:  LimitRequestFields\n" in r.text
    assert "Limit:      100 fields\n" in r.text


def test_secret_never_in_any_response_or_log(kinds):
    """The secret rode in header values, a cookie, query strings and
    bodies of every request above and below; it shows up nowhere."""
    cases = [(k, lvl, fmt) for k in MODULE_KINDS + CORE_KINDS
             for lvl in ("/brief", "/full") for fmt in ("html", "json")]
    results = parallel(lambda k, lvl, fmt: kind_request(kinds, k, lvl,
                                                        ACCEPT[fmt]), cases)
    for case, r in zip(cases, results):
        assert SECRET.encode() not in r.raw_head + r.body, case
    kinds.wait_log(r"RG00001: status=408", count=4)
    assert SECRET not in kinds.read_log(0)


# ---- ErrorDocument wins -------------------------------------------------

SSI_PAGE = ("<p>kind=<!--#echo var=\"REDIRECT_REQGUARD_VIOLATION\" --> "
            "field=<!--#echo var=\"REDIRECT_REQGUARD_FIELD\" --> "
            "limit=<!--#echo var=\"REDIRECT_REQGUARD_LIMIT\" --> "
            "action=<!--#echo var=\"REDIRECT_REQGUARD_ACTION\" --> "
            "status=<!--#echo var=\"REDIRECT_STATUS\" --></p>\n")


@pytest.fixture(scope="module")
def edoc(start_apache):
    return start_apache(name="edoc", conf="""
ErrorDocument 431 "admin-431-text"
ErrorDocument 414 "admin-414-text"
ReqGuardMaxURI 300
""", files={
        "htdocs/text/.htaccess": ('ReqGuardMaxBody 100\n'
                                  'ErrorDocument 413 "Too big, says the admin"\n'),
        "htdocs/text/index.html": "static\n",
        "htdocs/ssi/.htaccess": ("ReqGuardFieldLimit Cookie 100\n"
                                 "ErrorDocument 431 /ssi/page.shtml\n"
                                 "Options +Includes\n"
                                 "AddType text/html .shtml\n"
                                 "AddOutputFilter INCLUDES .shtml\n"),
        "htdocs/ssi/page.shtml": SSI_PAGE,
        "htdocs/ssi/index.html": "static\n",
    })


def test_htaccess_errordocument_text_wins(edoc):
    r, _ = rgtest.get(edoc, "/text/", method="POST", body=b"b" * 200,
                      headers=[("Accept", "application/json")])
    assert r.status == 413
    assert r.body == b"Too big, says the admin"
    assert r.header("Cache-Control") == "no-store"


def test_server_errordocument_text_wins(edoc):
    r, _ = rgtest.get(edoc, "/" + "/".join(["u" * 49] * 8), headers=[
        ("Accept", "application/json")])
    assert r.status == 414
    assert r.body == b"admin-414-text"
    assert r.header("Cache-Control") == "no-store"


def test_htaccess_errordocument_ssi_page_sees_redirect_variables(edoc):
    r, _ = rgtest.get(edoc, "/ssi/", headers=[
        ("Cookie", "c=" + SECRET + "x" * 200), ("Accept", ACCEPT["html"])])
    assert r.status == 431
    assert r.text == ("<p>kind=field-size field=Cookie limit=100 "
                      "action=blocked status=431</p>\n")
    assert r.header("Cache-Control") == "no-store"
    assert SECRET not in r.text


def test_errordocument_431_text_wins_for_remapped_core_431(edoc):
    r = kind_request(edoc, "core-field-size", accept="application/json")
    assert r.status == 431
    assert r.body == b"admin-431-text"
    assert r.header("Cache-Control") == "no-store"
    assert r.header("Connection") == "close"


@pytest.fixture(scope="module")
def coreoff(start_apache):
    return start_apache(name="coreoff", conf="ReqGuardDiagnostics Off\n")


def test_off_for_core_431_is_canned_with_status(coreoff):
    r = kind_request(coreoff, "core-field-size", accept="application/json")
    assert r.status == 431
    assert r.header("Cache-Control") == "no-store"
    assert r.header("Content-Type").startswith("text/html")
    assert "<title>431 Request Header Fields Too Large</title>" in r.text
    assert SECRET not in r.text


# ---- the reqguard-diagnostic handler -----------------------------------

@pytest.fixture(scope="module")
def handler(start_apache):
    conf = """
ErrorDocument 400 /errors/diag
ErrorDocument 403 /errors/diag
ErrorDocument 404 /errors/diag
ErrorDocument 410 /errors/diag
ErrorDocument 500 /errors/diag
<Location "/errors/diag">
    SetHandler reqguard-diagnostic
</Location>
<Location "/denied">
    Require all denied
</Location>
Redirect gone /gone
"""
    return start_apache(name="handler", conf=conf, files={
        "htdocs/broken/.htaccess": "NoSuchDirectiveHere on\n",
        "htdocs/broken/index.html": "static\n",
        "htdocs/up/.htaccess": ("ReqGuardMaxBody 100\n"
                                "ReqGuardDiagnostics Full\n"
                                "ErrorDocument 413 /errors/diag\n"),
        "htdocs/up/index.html": "static\n",
        "htdocs/quiet/.htaccess": ("ReqGuardFieldLimit Cookie 100\n"
                                   "ReqGuardDiagnostics Off\n"
                                   "ErrorDocument 431 /errors/diag\n"),
        "htdocs/quiet/index.html": "static\n",
    })


@pytest.mark.parametrize("path,status,words", [
    ("/missing", 404, "There is no page at this address."),
    ("/denied/x", 403, "You do not have permission"),
    ("/gone", 410, "removed for good"),
    ("/broken/", 500, "unexpected problem"),
])
@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_handler_explains_other_statuses(handler, path, status, words, fmt):
    if status == 500:
        handler.allow_log(r"NoSuchDirectiveHere")
    if status == 403:
        handler.allow_log(r"AH01630: client denied by server configuration")
    r, _ = rgtest.get(handler, path, headers=[("Accept", ACCEPT[fmt])])
    assert r.status == status, r
    assert r.header("Content-Type") == CTYPE[fmt]
    assert r.header("Cache-Control") == "no-store"
    assert int(r.header("Content-Length")) == len(r.body)
    assert words in r.text
    if fmt == "json":
        doc = problem(r)
        assert doc["type"] == "about:blank"
        assert "kind" not in doc
        assert doc["path"] == path


def test_handler_direct_request_is_404_without_loop(handler):
    for method in ("GET", "POST", "HEAD"):
        r, _ = rgtest.get(handler, "/errors/diag", method=method,
                          headers=[("Accept", "application/json")],
                          body=b"x" if method == "POST" else b"")
        assert r.status == 404, (method, r)
        if method != "HEAD":
            doc = problem(r)
            assert doc["path"] == "/errors/diag"
    assert not handler.log_lines(r"AH00124|recursion|loop")


def test_handler_renders_module_refusal_with_failing_dirs_config(handler):
    r, _ = rgtest.get(handler, "/up/", method="POST", body=b"b" * 300,
                      headers=[("Accept", "application/json")])
    assert r.status == 413
    assert r.header_all("Cache-Control") == ["no-store"]
    doc = problem(r)
    assert doc["kind"] == "body"
    assert doc["type"] == PROBLEM_BASE + "body"
    assert doc["limit"] == 100 and doc["observed"] == 300
    assert doc["directive"] == "ReqGuardMaxBody"
    assert doc["path"] == "/up/"


def test_handler_off_in_failing_dir_explains_only_the_status(handler):
    r, _ = rgtest.get(handler, "/quiet/", headers=[
        ("Accept", "application/json"), ("Cookie", "c=" + "x" * 200)])
    assert r.status == 431
    doc = problem(r)
    assert doc["type"] == "about:blank"
    assert "kind" not in doc and "field" not in doc


@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_handler_serves_remapped_core_431(handler, fmt):
    """ErrorDocument 400 /errors/diag: the core refusal reaches the
    handler as a 431 with the field named."""
    r = kind_request(handler, "core-field-size", accept=ACCEPT[fmt])
    assert r.status == 431, r
    assert r.header("Content-Type") == CTYPE[fmt]
    assert r.header_all("Cache-Control") == ["no-store"]
    assert SECRET.encode() not in r.raw_head + r.body
    if fmt == "json":
        doc = problem(r)
        assert doc["kind"] == "core-field-size"
        assert doc["field"] == "X-Big"
    else:
        assert "X-Big" in r.text


def test_handler_head(handler):
    get, _ = rgtest.get(handler, "/missing")
    r, _ = rgtest.get(handler, "/missing", method="HEAD")
    assert r.status == 404
    assert r.body == b""
    assert r.header("Content-Length") == str(len(get.body))


def test_plain_400_keeps_core_behaviour(handler):
    """A malformed request stays core's 400, explained generically."""
    r, _ = rgtest.raw(handler, b"GET / HTTP/1.1\r\nHost: x\r\n"
                      b"Accept: application/json\r\nBad Header Line\r\n\r\n")
    assert r.status == 400
    doc = problem(r)
    assert doc["type"] == "about:blank"


# ---- a real browser -----------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
SHOTS = os.path.join(rgtest.ROOT, "build", "screenshots")


def chromium(tmp_path, url, *args):
    """Headless Chromium on url with a fresh profile; outside names do not
    resolve, so nothing leaves the machine.  Returns the finished process."""
    profile = tempfile.mkdtemp(prefix="chromium-", dir=str(tmp_path))
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
         "--enable-logging=stderr", "--v=0",
         f"--user-data-dir={profile}", *args, url],
        capture_output=True, text=True, timeout=90)


def page_requests(netlog_path, port):
    """URLs the browser asked our server for, from its net log."""
    with open(netlog_path) as f:
        log = json.load(f)
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"]["url"] for e in log["events"]
            if e["type"] == start and "url" in e.get("params", {})
            and f"127.0.0.1:{port}" in e["params"]["url"]]


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="no chromium")
def test_browser_renders_the_html_page(kinds, tmp_path):
    """Chromium opens a 414 page: the text it renders is ours, the page
    loads nothing besides itself and runs no script; screenshots at phone
    and desktop sizes go to build/screenshots/."""
    path = "/full/query/?token=" + "q" * 80
    url = kinds.url + path
    before = len(kinds.access_lines())
    netlog = str(tmp_path / "net.json")
    p = chromium(tmp_path, url, "--dump-dom", f"--log-net-log={netlog}")
    assert p.returncode == 0, p.stderr[-2000:]
    dom = p.stdout
    assert '<html lang="en">' in dom
    assert "<h1>Request-URI Too Long</h1>" in dom
    assert "query part of the address" in dom
    assert "<h2>What you can do</h2>" in dom
    assert "<code>ReqGuardMaxQuery</code>" in dom
    # No script in what the browser built, nothing it refused to load.
    assert "<script" not in dom.lower()
    assert "Refused to" not in p.stderr
    assert "Content Security Policy" not in p.stderr
    # One request to the server: the page.  Nothing else asked of it.
    lines = kinds.wait_access(before + 1)[before:]
    assert len(lines) == 1 and " 414 " in lines[0], lines
    assert page_requests(netlog, kinds.port) == [url]

    os.makedirs(SHOTS, exist_ok=True)
    for name, size in (("phone", "412,915"), ("desktop", "1280,800")):
        shot = os.path.join(SHOTS, f"diagnostic-414-{name}.png")
        if os.path.exists(shot):
            os.unlink(shot)
        p = chromium(tmp_path, url, f"--window-size={size}",
                     f"--screenshot={shot}", "--hide-scrollbars")
        assert p.returncode == 0, p.stderr[-2000:]
        with open(shot, "rb") as f:
            assert f.read(8) == b"\x89PNG\r\n\x1a\n"
