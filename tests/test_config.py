"""Configuration layer: every directive parsed and validated, errors that
name the directive and the value, .htaccess behaviour, contexts, MPMs."""
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
</VirtualHost>
"""


def configtest(conf, **kw):
    a = rgtest.Apache(conf=conf, name="configtest", **kw)
    try:
        return a.configtest()
    finally:
        a.cleanup()


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


def test_readme_documents_every_directive():
    import os
    import re
    text = open(os.path.join(rgtest.ROOT, "README.md")).read()
    documented = set(re.findall(r"^### (ReqGuard\w*)$", text, re.M))
    assert documented == directives_in_source()
