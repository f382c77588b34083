"""The documentation runs: every block of docs/hosting.md in a real Apache
(server config, tenant virtual host, status page, log formats, scrape
config, ReportOnly roll-out, .htaccess recipes, AllowOverrideList), the
blocks of docs/directives.md through configtest, and the reference itself
held to the module's command table and to httpd's format.

Blocks are taken from the Markdown files themselves, so the docs and the
tests cannot drift.  The only changes made to them are the ones a test
server needs: its port for ":80", its ServerRoot for "/srv/www" and the
log directory, its address for the scrape targets and the curl lines.
"""
import json
import os
import re
import subprocess
import time
import urllib.parse

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

import rgtest

DOCS = os.path.join(rgtest.ROOT, "docs")
GUIDE = os.path.join(DOCS, "hosting.md")
REFERENCE = os.path.join(DOCS, "directives.md")
PACKAGED_CONF = os.path.join(rgtest.ROOT, "conf", "reqguard.conf")

PROMETHEUS_ACCEPT = ("application/openmetrics-text;version=1.0.0,"
                     "application/openmetrics-text;version=0.0.1;q=0.75,"
                     "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")


# ---- reading the docs ------------------------------------------------------

FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.M | re.S)
MARK = re.compile(r"<!-- snippet: ([\w-]+) -->\n$")


def blocks(path):
    """[(name or None, language, text)] of the fenced blocks of a file."""
    with open(path) as f:
        text = f.read()
    out = []
    for m in FENCE.finditer(text):
        mark = MARK.search(text[:m.start()])
        out.append((mark.group(1) if mark else None, m.group(1), m.group(2)))
    return out


def snippet(name):
    """The text of the block of hosting.md marked `<!-- snippet: name -->`."""
    found = [t for n, _, t in blocks(GUIDE) if n == name]
    assert len(found) == 1, f"snippet {name}: {len(found)} blocks"
    return found[0]


def for_test_server(text):
    """A block of the guide as a test server runs it."""
    return (text.replace("*:80", "*:@PORT@")
            .replace("/srv/www", "@ROOT@/srv/www")
            .replace("${APACHE_LOG_DIR}", "@ROOT@/logs"))


def packaged_conf():
    with open(PACKAGED_CONF) as f:
        return f.read()


# Every block of the guide, and the test that runs it.
TESTED = {
    "enable": "test_package.py::test_guide_enables_the_hosting_conf",
    "hosting-conf": "test_shared_host_limits_and_ceilings",
    "tenant-vhost": "test_shared_host_limits_and_ceilings",
    "status": "test_status_page_answers_on_every_vhost",
    "log-formats": "test_page_request_id_is_in_both_logs",
    "scrape": "test_scrape_config_scrapes_the_metrics",
    "rollout-report": "test_rollout_report_then_enforce",
    "rollout-read": "test_rollout_report_then_enforce",
    "rollout-enforce": "test_rollout_report_then_enforce",
    "htaccess-upload": "test_recipe_upload_form",
    "htaccess-api": "test_recipe_json_api",
    "htaccess-no-chunked": "test_recipe_no_chunked_uploads",
    "allowoverride-list": "test_allowoverride_list",
}


def test_every_block_of_the_guide_is_named_and_tested():
    names = [n for n, _, _ in blocks(GUIDE)]
    assert None not in names, "a block of hosting.md has no snippet mark"
    assert len(names) == len(set(names)), "two blocks share a name"
    assert set(names) == set(TESTED)


# ---- the shared host of the guide ------------------------------------------

TENANT = snippet("tenant-vhost")


def tenant(name):
    return TENANT.replace("shop.example", name)


def host_conf(policy=""):
    """The packaged reqguard.conf, the guide's server config and status
    page, three tenants from its template, and what only the tests need:
    handlers that read bodies."""
    return for_test_server("\n".join([
        packaged_conf(),
        snippet("hosting-conf"),
        policy,
        snippet("status"),
        snippet("log-formats"),
        TENANT, tenant("blog.example"), tenant("api.example"),
        """
# Test scaffolding, not from the guide: handlers that read the body.
<Directory /srv/www/shop.example/htdocs/upload>
    SetHandler reflector
</Directory>
<Directory /srv/www/api.example/htdocs/v1>
    SetHandler reflector
</Directory>
<Directory /srv/www/blog.example/htdocs/post>
    SetHandler reflector
</Directory>
"""]))


def site_files(extra=None):
    files = {}
    for site in ("shop.example", "blog.example", "api.example"):
        files[f"srv/www/{site}/htdocs/index.html"] = f"<p>{site}</p>\n"
    for d in ("shop.example/htdocs/upload", "api.example/htdocs/v1",
              "blog.example/htdocs/post"):
        files[f"srv/www/{d}/index.html"] = "<p>reads bodies</p>\n"
    files.update(extra or {})
    return files


@pytest.fixture(scope="module")
def host(start_apache):
    return start_apache(
        modules=["reflector"],
        conf=host_conf(),
        files=site_files({
            "srv/www/shop.example/htdocs/upload/.htaccess":
                snippet("htaccess-upload"),
            "srv/www/api.example/htdocs/v1/.htaccess":
                snippet("htaccess-api"),
            "srv/www/blog.example/htdocs/.htaccess":
                snippet("htaccess-no-chunked"),
            # A tenant who tries to lift the body limit altogether.
            "srv/www/shop.example/htdocs/big/.htaccess":
                "ReqGuardMaxBody 0\n",
            "srv/www/shop.example/htdocs/big/index.html": "<p>big</p>\n",
        }))


def send(srv, host_name, path="/", headers=(), method="GET", body=b"",
         accept="text/plain"):
    return rgtest.get(srv, path, host=host_name, method=method, body=body,
                      headers=[("Accept", accept)] + list(headers))[0]


def declared(srv, host_name, path, length, accept="text/plain",
             headers=()):
    """A POST that announces length body bytes and sends none of them:
    only a refusal can answer it at once."""
    head = [f"POST {path} HTTP/1.1", f"Host: {host_name}",
            f"Accept: {accept}", f"Content-Length: {length}"]
    head += [f"{k}: {v}" for k, v in headers]
    r, _ = rgtest.raw(srv, ("\r\n".join(head) + "\r\n\r\n").encode())
    return r


def chunked_post(srv, host_name, path, body, accept="text/plain"):
    data = (f"POST {path} HTTP/1.1\r\nHost: {host_name}\r\n"
            f"Accept: {accept}\r\nTransfer-Encoding: chunked\r\n\r\n"
            ).encode() + b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
    return rgtest.raw(srv, data)[0]


def metrics(srv, host_name="shop.example"):
    r = send(srv, host_name, "/reqguard-status?format=prometheus")
    assert r.status == 200, r
    out = {}
    for fam in text_string_to_metric_families(r.text):
        for s in fam.samples:
            if s.name == "reqguard_refusals_total":
                out[(s.labels["vhost"], s.labels["kind"],
                     s.labels["action"])] = int(s.value)
    return out


def test_shared_host_config_passes_configtest():
    a = rgtest.Apache(modules=["reflector"], conf=host_conf(),
                      files=site_files())
    try:
        rc, out = a.configtest()
        assert rc == 0 and "Syntax OK" in out, out
    finally:
        a.cleanup()


def test_shared_host_limits_and_ceilings(host):
    # Limits for every site.
    r = send(host, "shop.example", headers=[("X-Token", "t" * 5000)])
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert "X-Token" in r.text
    r = send(host, "shop.example", "/?a=" + "u" * 5000)
    assert r.status == 414
    r = send(host, "shop.example", "/?q=" + "x" * 3000)
    assert r.status == 414
    r = declared(host, "shop.example", "/", 33 * 1024 * 1024)
    assert r.status == 413
    assert r.header("Connection") == "close"
    fields = [(f"X-F{i}", "1") for i in range(60)]
    r = send(host, "blog.example", headers=fields)
    assert r.status == 431
    # Under them: served.
    r = send(host, "shop.example", headers=[("X-Token", "t" * 3000)])
    assert r.status == 200 and r.body == b"<p>shop.example</p>\n"
    # Core's 400 for a field over LimitRequestFieldSize: 431.
    r = send(host, "shop.example", headers=[("X-Huge", "h" * 9000)])
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.header("Connection") == "close"
    # A tenant's "ReqGuardMaxBody 0" is held to the 256M ceiling.
    r = declared(host, "shop.example", "/big/", 257 * 1024 * 1024)
    assert r.status == 413
    r = send(host, "shop.example", "/big/")
    assert r.status == 200
    host.wait_log("RG00001", count=7)


def test_status_page_answers_on_every_vhost(host):
    seen = []
    for name in ("shop.example", "blog.example", "api.example"):
        r = send(host, name, "/reqguard-status?format=json",
                 accept="application/json")
        assert r.status == 200
        js = json.loads(r.body)
        js.pop("uptime_seconds")
        seen.append(js)
    assert seen[0] == seen[1] == seen[2]
    assert list(seen[0]["vhosts"]) == [
        f"127.0.0.1:{host.port}", f"shop.example:{host.port}",
        f"blog.example:{host.port}", f"api.example:{host.port}"]


def test_page_request_id_is_in_both_logs(host):
    r = send(host, "shop.example", "/", headers=[("X-Token", "t" * 5000)])
    assert r.status == 431
    m = re.search(r"^Request id: (\S+)$", r.text, re.M)
    assert m, r.text
    rid = m.group(1)
    lines = host.wait_log(r"\[id " + re.escape(rid) + r"\] .*RG00001: ")
    assert "kind=field-size" in lines[0] and "field=X-Token" in lines[0]
    log = os.path.join(host.root, "logs", "shop.example-access.log")
    deadline = time.time() + 3
    while True:
        with open(log) as f:
            mine = [l for l in f if f"id={rid} " in l]
        if mine or time.time() > deadline:
            break
        time.sleep(0.05)
    assert len(mine) == 1, mine
    assert mine[0].rstrip().endswith(
        " violation=field-size field=X-Token action=blocked")
    assert '"GET / HTTP/1.1" 431 ' in mine[0]


def test_scrape_config_scrapes_the_metrics(host):
    conf = yaml.safe_load(snippet("scrape"))
    (job,) = conf["scrape_configs"]
    assert set(job) <= {"job_name", "metrics_path", "params",
                        "scrape_interval", "static_configs"}
    targets = [t for sc in job["static_configs"] for t in sc["targets"]]
    assert targets and all(re.fullmatch(r"[\w.-]+:\d+", t) for t in targets)
    # What Prometheus requests: scheme://target metrics_path ?params,
    # here against the test server, with Prometheus's Accept header.
    query = urllib.parse.urlencode(
        [(k, v) for k, vs in job["params"].items() for v in vs])
    path = job["metrics_path"] + "?" + query
    r = send(host, "shop.example", path, accept=PROMETHEUS_ACCEPT)
    assert r.status == 200
    assert r.header("Content-Type") == \
        "text/plain; version=0.0.4; charset=utf-8"
    fams = {f.name: f for f in text_string_to_metric_families(r.text)}
    assert fams["reqguard_refusals"].type == "counter"
    assert fams["reqguard_start_time_seconds"].type == "gauge"


def test_promql_in_the_guide_uses_real_names(host):
    with open(GUIDE) as f:
        text = f.read()
    queries = re.findall(r"`([^`]*reqguard_\w+[^`]*)`", text)
    queries = [q for q in queries if "(" in q]
    assert len(queries) >= 2
    got = metrics(host)
    labels = {"vhost", "kind", "action"}
    for q in queries:
        for name, sel in re.findall(r"(reqguard_\w+)\{([^}]*)\}", q):
            assert name == "reqguard_refusals_total"
            for label, value in re.findall(r'(\w+)="([^"]*)"', sel):
                assert label in labels
                assert any(k[2] == value or k[1] == value for k in got)
        for by in re.findall(r"by \(([^)]*)\)", q):
            assert {b.strip() for b in by.split(",")} <= labels


# ---- roll-out ----------------------------------------------------------------

def run_sh(srv, text):
    """Run a shell block of the guide against the test server."""
    text = text.replace("http://127.0.0.1/", f"http://127.0.0.1:{srv.port}/")
    p = subprocess.run(["sh", "-c", text], capture_output=True, text=True,
                       timeout=30)
    return p


graceful = rgtest.graceful


@pytest.fixture(scope="module")
def rollout(start_apache):
    return start_apache(modules=["reflector"],
                        conf=host_conf(snippet("rollout-report")),
                        files=site_files())


def test_rollout_report_then_enforce(rollout):
    srv = rollout
    big = [("X-Token", "t" * 5000)]
    # ReportOnly: served, logged and counted as reported.
    r = send(srv, "shop.example", headers=big)
    assert r.status == 200
    r = send(srv, "blog.example", "/?q=" + "x" * 3000)
    assert r.status == 200
    srv.wait_log(r"RG00001: .*action=reported", count=2)
    p = run_sh(srv, snippet("rollout-read"))
    assert p.returncode == 0, p.stderr
    assert sorted(p.stdout.splitlines()) == sorted([
        f'reqguard_refusals_total{{vhost="blog.example:{srv.port}",'
        'kind="query",action="reported"} 1',
        f'reqguard_refusals_total{{vhost="shop.example:{srv.port}",'
        'kind="field-size",action="reported"} 1'])
    # Enforce: the same request is refused; the reported count stays.
    graceful(srv, host_conf(snippet("rollout-enforce")))
    r = send(srv, "shop.example", headers=big)
    assert r.status == 431
    srv.wait_log(r"RG00001: .*action=blocked")
    got = metrics(srv)
    key = (f"shop.example:{srv.port}", "field-size")
    assert got[key + ("reported",)] == 1
    assert got[key + ("blocked",)] == 1


# ---- tenants' recipes ----------------------------------------------------------

def test_recipe_upload_form(host):
    r = declared(host, "shop.example", "/upload/", 101 * 1024 * 1024,
                 accept="*/*")
    assert r.status == 413
    assert r.header("Content-Type").startswith("text/html")
    # 40 MB is over the server's 32M but within the recipe's 100M: the
    # upload directory takes it (sent for real, then echoed back).
    body = b"u" * (40 * 1024 * 1024)
    p = subprocess.run(
        ["curl", "-sS", "-o", "/dev/null",
         "-w", "%{http_code} %{size_download}",
         "-H", "Host: shop.example", "-H", "Content-Type: text/plain",
         "--data-binary", "@-", f"{host.url}/upload/"],
        input=body, capture_output=True, timeout=60)
    assert p.stdout.decode() == f"200 {len(body)}", p.stderr
    # Elsewhere on the site the server's 32M applies.
    r = declared(host, "shop.example", "/", 40 * 1024 * 1024)
    assert r.status == 413
    # A chunked upload is fine here (no ReqGuardRequireLength).
    r = chunked_post(host, "shop.example", "/upload/", b"c" * 1000)
    assert r.status == 200 and r.body == b"c" * 1000


def test_recipe_json_api(host):
    r = chunked_post(host, "api.example", "/v1/", b"{}",
                     accept="application/json")
    assert r.status_line == "HTTP/1.1 411 Length Required"
    assert r.header("Content-Type").startswith("application/problem+json")
    assert json.loads(r.body)["status"] == 411
    r = declared(host, "api.example", "/v1/", 2 * 1024 * 1024,
                 accept="application/json")
    assert r.status == 413
    problem = json.loads(r.body)
    assert problem["status"] == 413
    assert problem["limit"] == 1024 * 1024
    assert problem["observed"] == 2 * 1024 * 1024
    assert problem["directive"] == "ReqGuardMaxBody"
    r = send(host, "api.example", "/v1/?q=" + "x" * 2000,
             accept="application/json")
    assert r.status == 414
    assert json.loads(r.body)["status"] == 414
    r = send(host, "api.example", "/v1/", method="POST", body=b'{"a":1}',
             accept="application/json")
    assert r.status == 200 and r.body == b'{"a":1}'


def test_recipe_no_chunked_uploads(host):
    r = chunked_post(host, "blog.example", "/post/", b"x" * 10)
    assert r.status == 411
    r = send(host, "blog.example", "/post/", method="POST", body=b"x" * 10)
    assert r.status == 200 and r.body == b"x" * 10


# ---- AllowOverride --------------------------------------------------------------

@pytest.fixture(scope="module")
def overrides(start_apache):
    listed = for_test_server(snippet("allowoverride-list"))
    conf = for_test_server(snippet("hosting-conf")) + listed + \
        for_test_server(TENANT) + """
<VirtualHost *:@PORT@>
    ServerName list.example
    DocumentRoot @ROOT@/srv/www/list.example/htdocs
</VirtualHost>
"""
    files = {}
    for site in ("shop.example", "list.example"):
        for d, text in (("size", "ReqGuardMaxBody 1K\n"),
                        ("off", "ReqGuard Off\n"),
                        ("deny", "Order deny,allow\nDeny from all\n")):
            files[f"srv/www/{site}/htdocs/{d}/.htaccess"] = text
            files[f"srv/www/{site}/htdocs/{d}/index.html"] = "<p>ok</p>\n"
    return start_apache(modules=["access_compat"], conf=conf, files=files)


def test_allowoverride_list(overrides):
    srv = overrides
    # AllowOverrideList: the listed directives work, nothing else does.
    r = declared(srv, "list.example", "/size/", 2048)
    assert r.status == 413
    for d in ("off", "deny"):
        r = send(srv, "list.example", f"/{d}/")
        assert r.status == 500
    srv.wait_log(r"\[core:alert\].*/list.example/htdocs/off/.htaccess: "
                 r"ReqGuard not allowed here")
    srv.wait_log(r"\[core:alert\].*/list.example/htdocs/deny/.htaccess: "
                 r"order not allowed here")
    # AllowOverride Limit (the tenant virtual host of the guide): the
    # module's directives, and Limit's others with them.
    r = declared(srv, "shop.example", "/size/", 2048)
    assert r.status == 413
    r = send(srv, "shop.example", "/off/")
    assert r.status == 200
    r = send(srv, "shop.example", "/deny/")
    assert r.status == 403
    srv.allow_log(r"AH01797")           # mod_access_compat's denial


# ---- the directive reference ----------------------------------------------------

ROWS = ["Description:", "Syntax:", "Default:", "Context:", "Override:",
        "Status:", "Module:", "Compatibility:"]


def module_directives():
    with open(os.path.join(rgtest.ROOT, "reqguard_config.c")) as f:
        src = f.read()
    table = src[src.index("const command_rec rg_cmds[]"):]
    return sorted(set(re.findall(
        r'(?:AP_INIT_\w+|RG_LIMIT_CMD)\(\s*"(\w+)"', table)))


def reference_sections():
    with open(REFERENCE) as f:
        text = f.read()
    parts = re.split(r"^## (\w+) Directive\n", text, flags=re.M)
    return text, dict(zip(parts[1::2], parts[2::2]))


def test_reference_documents_every_directive_in_httpd_format():
    text, sections = reference_sections()
    names = module_directives()
    assert len(names) >= 15
    assert sorted(sections) == names
    summary = re.findall(r"^- \[(\w+)\]\(#(\w+)-directive\)$", text, re.M)
    # Complete and in httpd's order (alphabetical, case-insensitive).
    assert [s for s, _ in summary] == sorted(names, key=str.lower)
    assert all(a == s.lower() for s, a in summary)
    for name, body in sections.items():
        rows = re.findall(r"^\| ([A-Za-z]+:) \| (.*) \|$", body, re.M)
        assert [r for r, _ in rows] == ROWS, name
        row = dict(rows)
        assert row["Status:"] == "External"
        assert row["Module:"] == "mod_reqguard"
        assert row["Syntax:"].startswith(f"`{name}")
        if name in ("ReqGuardCeiling", "ReqGuardRemap431", "ReqGuardLearn"):
            assert row["Context:"] == "server config, virtual host"
            assert row["Override:"] == "not allowed in .htaccess"
        else:
            assert row["Context:"] == ("server config, virtual host, "
                                       "directory, .htaccess")
            assert row["Override:"] == "Limit"


def test_reference_examples_pass_configtest():
    snippets = [t for _, lang, t in blocks(REFERENCE) if lang == "apache"]
    load = [t for t in snippets if t.startswith("LoadModule")]
    assert load == ["LoadModule reqguard_module "
                    "/usr/lib/apache2/modules/mod_reqguard.so\n"]
    with open(os.path.join(rgtest.ROOT, "conf", "reqguard.load")) as f:
        assert f.read() == load[0]
    for text in snippets:
        if text in load:
            continue
        a = rgtest.Apache(conf=for_test_server(text))
        try:
            rc, out = a.configtest()
            assert rc == 0 and "Syntax OK" in out, (text, out)
        finally:
            a.cleanup()


def test_manual_page_formats_cleanly_and_lists_every_directive():
    page = os.path.join(DOCS, "mod_reqguard.8")
    p = subprocess.run(["man", "--warnings", "-l", page],
                       capture_output=True, text=True,
                       env=dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8",
                                MAN_KEEP_FORMATTING="0"))
    assert p.returncode == 0
    assert p.stderr == "", p.stderr
    text = re.sub(r".\x08", "", p.stdout)
    assert text.startswith("MOD_REQGUARD(8)")
    for name in module_directives():
        assert re.search(rf"^       {name}\b", text, re.M), name
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "DIRECTIVES", "FILES",
                    "SEE ALSO"):
        assert re.search(rf"^{section}$", text, re.M), section
