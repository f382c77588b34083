"""Configuration layer: every directive parsed and validated, errors that
name the directive and the value, .htaccess behaviour, contexts, MPMs; and
the README's directive table and configuration snippets held to the code."""
import pytest

import rgtest

# (directive line, text the error must contain besides the directive name)
BAD_VALUES = [
    ("ReqGuard Maybe", "'Maybe'"),
    ("ReqGuardMaxFields 10K", "'10K'"),
    ("ReqGuardMaxFields -1", "'-1'"),
    ("ReqGuardMaxFieldSize 10X", "'10X'"),
    ("ReqGuardMaxFieldSize 1.5M", "'1.5M'"),
    ("ReqGuardFieldLimit Cookie lots", "'lots'"),
    ('ReqGuardFieldLimit "Bad Name" 100', "'Bad Name'"),
    ("ReqGuardMaxHeaderSize 99999999999999999999", "'99999999999999999999'"),
    ("ReqGuardMaxURI -1", "'-1'"),
    ("ReqGuardMaxQuery 8589934592G", "'8589934592G'"),
    ("ReqGuardMaxBody 10T", "'10T'"),
    ('ReqGuardMaxBody ""', "takes one argument"),
    ("ReqGuardRequireLength Sometimes", "ReqGuardRequireLength"),
    ("ReqGuardBodyTimeout 1.5", "'1.5'"),
    ("ReqGuardBodyTimeout 86401", "'86401'"),
    ("ReqGuardBodyMinRate fast", "'fast'"),
    ("ReqGuardCeiling MaxBody 1Q", "'1Q'"),
    ("ReqGuardCeiling MaxSpeed 10", "'MaxSpeed'"),
    ("ReqGuardRemap431 Perhaps", "ReqGuardRemap431"),
    ("ReqGuardLearn Sometimes", "'Sometimes'"),
    ("ReqGuardDiagnostics Verbose", "'Verbose'"),
    ("ReqGuardErrorFormat XML", "'XML'"),
]

GOOD_CONFIG = """
ReqGuard On
ReqGuardMaxFields 100
ReqGuardMaxFieldSize 8K
ReqGuardFieldLimit Cookie 4k
ReqGuardFieldLimit referer 2048
ReqGuardMaxHeaderSize 64K
ReqGuardMaxURI 4096
ReqGuardMaxQuery 2K
ReqGuardMaxBody 10M
ReqGuardRequireLength Off
ReqGuardBodyTimeout 20
ReqGuardBodyMinRate 500
ReqGuardCeiling MaxBody 2G
ReqGuardCeiling ReqGuardBodyTimeout 60
ReqGuardRemap431 On
ReqGuardLearn Off
ReqGuardDiagnostics Full
ReqGuardErrorFormat Auto
<Directory "@ROOT@/htdocs/sub">
    ReqGuard ReportOnly
    ReqGuardMaxBody 0
    ReqGuardDiagnostics off
    ReqGuardErrorFormat json
</Directory>
<VirtualHost 127.0.0.1:@PORT@>
    ReqGuardCeiling MaxURI 8K
    ReqGuardRemap431 Off
    ReqGuardLearn On
</VirtualHost>
"""


configtest = rgtest.configtest


def test_every_directive_accepts_good_values():
    rc, out = configtest(GOOD_CONFIG)
    assert rc == 0, out
    assert "Syntax OK" in out


@pytest.mark.parametrize("line,shown", BAD_VALUES,
                         ids=[b[0].split()[0] + ":" + b[0].split(None, 1)[1]
                              for b in BAD_VALUES])
def test_configtest_rejects_bad_value(line, shown):
    rc, out = configtest(line)
    directive = line.split()[0]
    assert rc != 0, out
    assert directive in out, out
    assert shown in out, out


@pytest.mark.parametrize("line", [
    "ReqGuardCeiling MaxBody 1M",
    "ReqGuardRemap431 Off",
    "ReqGuardLearn On",
])
def test_server_only_directive_refused_in_directory(line):
    rc, out = configtest(f'<Directory "@ROOT@/htdocs">\n{line}\n</Directory>')
    assert rc != 0, out
    assert f"{line.split()[0]} not allowed in <Directory> context" in out, out


def test_configtest_passes_without_any_directive():
    rc, out = configtest("")
    assert rc == 0, out


@pytest.fixture(scope="module")
def htserver(start_apache):
    return start_apache(
        conf="""
<Directory "@ROOT@/htdocs/fileinfo">
    AllowOverride FileInfo
</Directory>
<Directory "@ROOT@/htdocs/listed">
    AllowOverride None
    AllowOverrideList ReqGuardMaxURI
</Directory>
""",
        files={
            "htdocs/bad/.htaccess": "ReqGuardMaxBody 10X\n",
            "htdocs/bad/index.html": "bad\n",
            "htdocs/good/.htaccess": "ReqGuardMaxBody 10K\nReqGuard ReportOnly\n",
            "htdocs/good/index.html": "good\n",
            "htdocs/ceiling/.htaccess": "ReqGuardCeiling MaxBody 1M\n",
            "htdocs/ceiling/index.html": "ceiling\n",
            "htdocs/remap/.htaccess": "ReqGuardRemap431 Off\n",
            "htdocs/remap/index.html": "remap\n",
            "htdocs/learn/.htaccess": "ReqGuardLearn On\n",
            "htdocs/learn/index.html": "learn\n",
            "htdocs/fileinfo/.htaccess": "ReqGuardMaxURI 100\n",
            "htdocs/fileinfo/index.html": "fileinfo\n",
            "htdocs/listed/.htaccess": "ReqGuardMaxURI 100\n",
            "htdocs/listed/index.html": "listed\n",
        })


def test_bad_htaccess_value_gives_500_and_names_file_and_directive(htserver):
    r, _ = rgtest.get(htserver, "/bad/")
    assert r.status_line == "HTTP/1.1 500 Internal Server Error"
    lines = htserver.wait_log(r"htdocs/bad/\.htaccess.*ReqGuardMaxBody.*10X")
    assert "[core:alert]" in lines[0]


def test_other_directories_keep_working_next_to_a_bad_htaccess(htserver):
    r, _ = rgtest.get(htserver, "/good/")
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == b"good\n"
    r, _ = rgtest.get(htserver, "/")
    assert r.status == 200


@pytest.mark.parametrize("path,directive", [
    ("/ceiling/", "ReqGuardCeiling"),
    ("/remap/", "ReqGuardRemap431"),
    ("/learn/", "ReqGuardLearn"),
])
def test_server_only_directive_refused_in_htaccess(htserver, path, directive):
    r, _ = rgtest.get(htserver, path)
    assert r.status == 500
    htserver.wait_log(rf"{directive} not allowed here")


def test_htaccess_needs_the_limit_override_class(htserver):
    r, _ = rgtest.get(htserver, "/fileinfo/")
    assert r.status == 500
    htserver.wait_log(r"fileinfo/\.htaccess: ReqGuardMaxURI not allowed here")


def test_allow_override_list_enables_one_directive(htserver):
    r, _ = rgtest.get(htserver, "/listed/")
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == b"listed\n"


@pytest.mark.parametrize("mpm", ["event", "worker", "prefork"])
def test_module_loads_and_serves_under_each_mpm(mpm):
    a = rgtest.Apache(mpm=mpm, conf=GOOD_CONFIG.split("<VirtualHost")[0],
                      name="mpm-" + mpm)
    try:
        a.start()
        r, _ = rgtest.get(a, "/")
        assert r.status_line == "HTTP/1.1 200 OK"
        assert r.body == b"<p>hello from the test server</p>\n"
        r, _ = rgtest.get(a, "/", [("Cookie", "c" * 5000)])
        assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
        a.wait_log(r"RG00001: status=431 kind=field-size field=Cookie")
        assert a.unexpected_log_lines() == []
    finally:
        a.cleanup()


def directives_in_source():
    import os
    import re
    src = open(os.path.join(rgtest.ROOT, "reqguard_config.c")).read()
    return set(re.findall(r'(?:AP_INIT_\w+|RG_LIMIT_CMD)\(\s*"(ReqGuard\w*)"',
                          src))


def test_annotated_conf_lists_every_directive_with_a_valid_value():
    import os
    import re
    text = open(os.path.join(rgtest.ROOT, "conf", "reqguard.conf")).read()
    lines = re.findall(r"^\s*#(ReqGuard\w*\s.*)$", text, re.M)
    assert {l.split()[0] for l in lines} == directives_in_source()
    rc, out = configtest("\n".join(lines))
    assert rc == 0, out


# ---- the README ---------------------------------------------------------

def readme():
    import os
    with open(os.path.join(rgtest.ROOT, "README.md")) as f:
        return f.read()


# A row of the README's directive table: the directive and its syntax,
# what it does, its default, and a link to its section of the reference.
README_ROW = (r"^\| `(ReqGuard\w*)[^|]*(?:\\\|[^|]*)*` \| [^|]+ \| [^|]+ "
              r"\| \[(\w+)\]\(docs/directives\.md#(\w+)-directive\) \|$")


def test_readme_documents_every_directive():
    import os
    import re
    rows = re.findall(README_ROW, readme(), re.M)
    names = [name for name, _, _ in rows]
    assert len(names) == len(set(names)), "a directive has two rows"
    assert set(names) == directives_in_source()
    with open(os.path.join(rgtest.ROOT, "docs", "directives.md")) as f:
        sections = set(re.findall(r"^## (\w+) Directive$", f.read(), re.M))
    for name, text, anchor in rows:
        assert text == name and anchor == name.lower(), (name, text, anchor)
        assert name in sections, f"{name}: no section in docs/directives.md"


# Every ```apache block of the README, and the test that runs it.
README_SNIPPETS = {
    "server": "test_readme_quick_config_runs",
    "htaccess": "test_readme_quick_config_runs",
}


def readme_snippets():
    """{name: text} of the README's ```apache blocks, each marked with
    <!-- snippet: name --> on the line before it."""
    import re
    out = {}
    for m in re.finditer(r"^(?:<!-- snippet: ([\w-]+) -->\n)?```apache\n"
                         r"(.*?)^```\n", readme(), re.M | re.S):
        assert m.group(1) is not None, "a README apache block has no mark"
        assert m.group(1) not in out, f"two README blocks {m.group(1)}"
        out[m.group(1)] = m.group(2)
    return out


def test_every_readme_config_block_is_tested():
    assert set(readme_snippets()) == set(README_SNIPPETS)


def test_readme_server_config_passes_configtest():
    text = readme_snippets()["server"].replace("/srv/www", "@ROOT@/srv/www")
    rc, out = configtest(text)
    assert rc == 0 and "Syntax OK" in out, (text, out)


SHOP = "srv/www/shop.example/htdocs"


@pytest.fixture(scope="module")
def quick(start_apache):
    """The README's quick config: its server block as written (the
    directory moved under the ServerRoot), its .htaccess in an upload
    directory; the rest is scaffolding the README leaves to the site."""
    snippets = readme_snippets()
    return start_apache(
        name="readme",
        conf=snippets["server"].replace("/srv/www", "@ROOT@/srv/www") + f"""
# Test scaffolding, not from the README: the site and a tenant who asks
# for more than the ceiling.
Alias /shop @ROOT@/{SHOP}
<Directory @ROOT@/srv/www>
    Require all granted
</Directory>
""",
        files={
            f"{SHOP}/index.html": "shop\n",
            f"{SHOP}/upload/.htaccess": snippets["htaccess"],
            f"{SHOP}/upload/index.html": "upload\n",
            f"{SHOP}/greedy/.htaccess": "ReqGuardMaxBody 1G\n",
            f"{SHOP}/greedy/index.html": "greedy\n",
        })


def declare_body(server, path, size):
    """A POST that declares size bytes and sends none: refused before the
    body, or it would hang."""
    return rgtest.get(server, path, [("Content-Length", str(size))],
                      method="POST")


def test_readme_quick_config_runs(quick):
    # The tenant's .htaccess is read (a bad or forbidden line would be 500).
    r, _ = rgtest.get(quick, "/shop/upload/")
    assert r.status_line == "HTTP/1.1 200 OK" and r.body == b"upload\n"
    # Server-wide limits: a field over 4K, a body over 32M.
    r, _ = rgtest.get(quick, "/shop/", [("X-Big", "b" * 5000)])
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert "X-Big" in r.text
    quick.wait_log(r'kind=field-size field=X-Big .* limit=4096 .*'
                   r'directive="ReqGuardMaxFieldSize"')
    r, closed = declare_body(quick, "/shop/", 32 * 2**20 + 1)
    assert r.status == 413 and closed
    quick.wait_log(r'kind=body .* limit=33554432 action=blocked '
                   r'directive="ReqGuardMaxBody" .* path="/shop/"$')
    # The tenant's .htaccess raises the body limit to 100M for its upload
    # directory, and its errors are HTML whatever Accept says.
    r, closed = declare_body(quick, "/shop/upload/", 100 * 2**20 + 1)
    assert r.status == 413 and closed
    assert r.header("Content-Type") == "text/html; charset=utf-8"
    quick.wait_log(r'kind=body .* limit=104857600 action=blocked '
                   r'directive="ReqGuardMaxBody" .* path="/shop/upload/"$')
    # A tenant asking for 1G gets the ceiling, 256M, as the README says.
    r, closed = declare_body(quick, "/shop/greedy/", 256 * 2**20 + 1)
    assert r.status == 413 and closed
    quick.wait_log(r'kind=body .* limit=268435456 action=blocked '
                   r'directive="ReqGuardCeiling MaxBody" .* '
                   r'path="/shop/greedy/"$')


def test_design_notes_config_blocks_pass_configtest():
    import os
    import re
    with open(os.path.join(rgtest.ROOT, "docs", "design.md")) as f:
        blocks = re.findall(r"^```apache\n(.*?)^```\n", f.read(), re.M | re.S)
    assert blocks
    for text in blocks:
        rc, out = configtest(text)
        assert rc == 0 and "Syntax OK" in out, (text, out)


def heading_anchors(path):
    """The anchors GitHub makes of a Markdown file's headings: lower case,
    punctuation dropped, blanks as hyphens, -1, -2 ... for repeats."""
    import re
    with open(path) as f:
        text = re.sub(r"^```.*?^```$", "", f.read(), flags=re.M | re.S)
    seen = {}
    for title in re.findall(r"^#{1,6} (.+?)\s*$", text, re.M):
        slug = re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        yield slug if n == 0 else f"{slug}-{n}"


@pytest.mark.parametrize("doc", ["README.md", "docs/design.md",
                                 "docs/testing.md"])
def test_links_of_the_readme_and_design_notes_resolve(doc):
    import os
    import re
    base = os.path.dirname(os.path.join(rgtest.ROOT, doc))
    with open(os.path.join(rgtest.ROOT, doc)) as f:
        links = re.findall(r"\]\(([^)\s]+)\)", f.read())
    assert links
    for link in links:
        if re.match(r"\w+:", link):
            continue                # an absolute URL
        path, _, anchor = link.partition("#")
        target = os.path.normpath(os.path.join(base, path)) if path \
            else os.path.join(rgtest.ROOT, doc)
        assert os.path.exists(target), f"{doc}: {link}: no such file"
        if anchor:
            assert anchor in set(heading_anchors(target)), \
                f"{doc}: {link}: no such heading"


def test_testing_notes_have_a_row_per_test_file():
    import glob
    import os
    import re
    with open(os.path.join(rgtest.ROOT, "docs", "testing.md")) as f:
        rows = re.findall(r"^\| `(test_\w+\.(?:py|c))` \|", f.read(), re.M)
    assert len(rows) == len(set(rows))
    files = {os.path.basename(p) for p in
             glob.glob(os.path.join(rgtest.ROOT, "tests", "test_*.py"))
             + glob.glob(os.path.join(rgtest.ROOT, "tests", "unit",
                                      "test_*.c"))}
    assert set(rows) == files
