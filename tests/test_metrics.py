"""reqguard-status as metrics: per virtual host counters, summed over all
children, in JSON and in the Prometheus text exposition format (read with
the parser of Debian's python3-prometheus-client), format chosen by the
query string or by Accept; the mod_reqguard section of mod_status's
server-status; what a graceful restart does when the virtual hosts change.
"""
import json
import re
import time
from datetime import datetime, timezone

import pytest
from prometheus_client.parser import text_string_to_metric_families

import rgtest

KINDS = ["fields", "field-size", "header-size", "uri", "query", "body",
         "length-required", "body-timeout", "core-field-size", "core-fields"]

PROM_TYPE = "text/plain; version=0.0.4; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"

# What Prometheus 2.x sends when it scrapes.
PROMETHEUS_ACCEPT = ("application/openmetrics-text;version=1.0.0,"
                     "application/openmetrics-text;version=0.0.1;q=0.75,"
                     "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")

VHOSTS = """
<VirtualHost 127.0.0.1:@PORT@>
    ServerName a.example
    ReqGuardMaxURI 40
    ReqGuardMaxFieldSize 100
</VirtualHost>
<VirtualHost 127.0.0.1:@PORT@>
    ServerName b.example
    ReqGuardMaxQuery 10
    <Location "/report">
        ReqGuard ReportOnly
        ReqGuardMaxURI 20
        ReqGuardMaxQuery 0
    </Location>
</VirtualHost>
<VirtualHost 127.0.0.1:@PORT@>
    ServerName c.example
</VirtualHost>
"""

STATUS_LOCATION = """
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
"""


def scrape(srv, host="c.example", query="?format=prometheus", accept=None):
    headers = [("Accept", accept)] if accept else []
    r, _ = rgtest.get(srv, "/reqguard-status" + query, headers=headers,
                      host=host)
    assert r.status_line == "HTTP/1.1 200 OK", r
    return r


def families(text):
    """{name: family} of a scrape; fails on anything the format does not
    allow us to send (untyped singletons, duplicates)."""
    fams = {}
    for fam in text_string_to_metric_families(text):
        assert fam.name not in fams, f"family {fam.name} twice"
        fams[fam.name] = fam
    assert set(fams) == {"reqguard_refusals", "reqguard_start_time_seconds"}
    assert fams["reqguard_refusals"].type == "counter"
    assert fams["reqguard_start_time_seconds"].type == "gauge"
    return fams


def refusals(text):
    """{(vhost, kind, action): value} of a scrape, each series once."""
    out = {}
    for s in families(text)["reqguard_refusals"].samples:
        assert s.name == "reqguard_refusals_total"
        assert set(s.labels) == {"vhost", "kind", "action"}
        key = (s.labels["vhost"], s.labels["kind"], s.labels["action"])
        assert key not in out, f"series {key} twice"
        assert s.value == int(s.value) and s.value >= 0
        out[key] = int(s.value)
    return out


def full_table(srv, labels, counts):
    """Every (vhost, kind, action) of the configured vhosts: counts or 0."""
    return {(f"{v}:{srv.port}", k, a): counts.get((v, k, a), 0)
            for v in labels for k in KINDS for a in ("blocked", "reported")}


def concurrently(srv, requests):
    """Send raw requests on connections that are all open at once and all
    hold a child busy (the head arrives in two parts), so that prefork
    serves them from several children.  Returns the statuses."""
    conns = [rgtest.Conn(srv.port) for _ in requests]
    try:
        for c, req in zip(conns, requests):
            c.send(req[:10])
        time.sleep(0.3)
        for c, req in zip(conns, requests):
            c.send(req[10:])
        return [c.read_response().status for c in conns]
    finally:
        for c in conns:
            c.close()


def req(host, target, extra=""):
    return (f"GET {target} HTTP/1.1\r\nHost: {host}\r\n{extra}"
            "Connection: close\r\n\r\n").encode()


@pytest.fixture(scope="module")
def srv(start_apache):
    # prefork: every connection is its own child; several children must
    # add to the same numbers.  No mod_status here: the handler works
    # without it.
    return start_apache(
        mpm="prefork",
        conf="ReqGuardMaxBody 100\n" + VHOSTS + STATUS_LOCATION,
        files={"htdocs/report/index.html": "<p>r</p>\n"})


@pytest.fixture(scope="module")
def counted(srv):
    """Violations sent once for the module: (what was sent, scrape)."""
    before = refusals(scrape(srv).text)
    assert all(v == 0 for v in before.values()), before
    sent = {}

    def add(vhost, kind, action, n):
        sent[(vhost, kind, action)] = sent.get((vhost, kind, action), 0) + n

    batch = (
        [req("a.example", "/" + "u" * 50)] * 3
        + [req("a.example", "/", "Cookie: " + "c" * 120 + "\r\n")] * 2
        + [req("b.example", "/?q=" + "x" * 20)] * 4)
    statuses = concurrently(srv, batch)
    assert statuses == [414] * 3 + [431] * 2 + [414] * 4
    add("a.example", "uri", "blocked", 3)
    add("a.example", "field-size", "blocked", 2)
    add("b.example", "query", "blocked", 4)
    # ReportOnly in b.example: reported, let through.
    r, _ = rgtest.get(srv, "/report/?" + "r" * 30, host="b.example")
    assert r.status == 200
    add("b.example", "uri", "reported", 1)
    # A declared body over the server-wide 100 bytes.  Host 127.0.0.1 is
    # no ServerName: the first virtual host of the address answers it, not
    # the main server (listed, but it answers nothing here).
    for _ in range(2):
        r, _ = rgtest.get(srv, "/", method="POST", body=b"x" * 200)
        assert r.status == 413
    add("a.example", "body", "blocked", 2)
    srv.wait_log(r"RG00001: ", count=12)
    return sent


def test_prometheus_counts_exactly_per_vhost_kind_and_action(srv, counted):
    r = scrape(srv)
    assert r.header("Content-Type") == PROM_TYPE
    assert r.header("Cache-Control") == "no-store"
    got = refusals(r.text)
    labels = ["127.0.0.1", "a.example", "b.example", "c.example"]
    assert got == full_table(srv, labels, counted)
    # Several children did the counting.
    pids = {m.group(1) for m in re.finditer(
        r"\[pid (\d+)[^\]]*\] \[client [^\]]*\] RG00001",
        srv.read_log())}
    assert len(pids) >= 2, pids


def test_prometheus_lists_vhosts_in_configuration_order(srv, counted):
    text = scrape(srv).text
    order = []
    for m in re.finditer(r'^reqguard_refusals_total\{vhost="([^"]+)"', text,
                         re.M):
        if m.group(1) not in order:
            order.append(m.group(1))
    assert order == [f"{v}:{srv.port}" for v in
                     ("127.0.0.1", "a.example", "b.example", "c.example")]


def test_start_time_is_when_apache_started(srv, counted):
    fams = families(scrape(srv).text)
    (sample,) = fams["reqguard_start_time_seconds"].samples
    assert sample.labels == {}
    # The server of this module started at most a few minutes ago.
    assert time.time() - 600 < sample.value <= time.time()
    js = json.loads(scrape(srv, query="?format=json").body)
    assert js["start_time_seconds"] == int(sample.value)


def test_json_by_accept_has_vhosts_start_time_and_uptime(srv, counted):
    r = scrape(srv, query="", accept="application/json")
    assert r.header("Content-Type") == JSON_TYPE
    assert r.header("Vary") == "Accept"
    js = json.loads(r.body)
    assert js["available"] is True
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", js["start_time"])
    start = datetime.strptime(js["start_time"], "%Y-%m-%dT%H:%M:%SZ")
    assert start.replace(tzinfo=timezone.utc).timestamp() == \
        js["start_time_seconds"]
    assert 0 <= js["uptime_seconds"] <= time.time() - \
        js["start_time_seconds"] + 1
    labels = [f"{v}:{srv.port}" for v in
              ("127.0.0.1", "a.example", "b.example", "c.example")]
    assert list(js["vhosts"]) == labels
    prom = refusals(scrape(srv).text)
    for label, kinds in js["vhosts"].items():
        assert list(kinds) == KINDS
        for kind, by_action in kinds.items():
            assert by_action == {"blocked": prom[(label, kind, "blocked")],
                                 "reported": prom[(label, kind, "reported")]}
    # The totals are the sum over the virtual hosts.
    for kind in KINDS:
        for action in ("blocked", "reported"):
            assert js["counters"][kind][action] == sum(
                js["vhosts"][v][kind][action] for v in labels)


def test_json_by_query_string_in_both_spellings(srv, counted):
    a = scrape(srv, query="?json")
    b = scrape(srv, query="?format=json")
    for r in (a, b):
        assert r.header("Content-Type") == JSON_TYPE
        assert r.header("Vary") is None
    ja, jb = json.loads(a.body), json.loads(b.body)
    ja.pop("uptime_seconds"), jb.pop("uptime_seconds")
    assert ja == jb


@pytest.mark.parametrize("accept,expected", [
    (None, TEXT_TYPE),
    ("*/*", TEXT_TYPE),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
     TEXT_TYPE),
    ("text/plain", TEXT_TYPE),
    ("application/json", JSON_TYPE),
    ("application/json;q=0.5, text/plain", TEXT_TYPE),
    ("text/plain;q=0.2, application/json", JSON_TYPE),
    ("application/*", JSON_TYPE),
    ("text/plain; version=0.0.4", PROM_TYPE),
    (PROMETHEUS_ACCEPT, PROM_TYPE),
    ("application/openmetrics-text; version=1.0.0", PROM_TYPE),
    ("text/plain;version=0.0.4;q=0.3, application/json;q=0.6", JSON_TYPE),
])
def test_accept_picks_the_format(srv, accept, expected):
    r = scrape(srv, query="", accept=accept)
    assert r.header("Content-Type") == expected
    assert r.header("Vary") == "Accept"
    if expected == PROM_TYPE:
        families(r.text)
    elif expected == JSON_TYPE:
        assert json.loads(r.body)["available"] is True
    else:
        assert r.text.startswith("mod_reqguard violations since ")


def test_query_string_wins_over_accept(srv):
    r = scrape(srv, query="?format=text", accept="application/json")
    assert r.header("Content-Type") == TEXT_TYPE
    r = scrape(srv, query="?format=prometheus", accept="application/json")
    assert r.header("Content-Type") == PROM_TYPE


def test_unknown_format_is_400(srv):
    r, _ = rgtest.get(srv, "/reqguard-status?format=xml")
    assert r.status_line == "HTTP/1.1 400 Bad Request"
    assert r.header("Content-Type") == TEXT_TYPE
    assert "format=text, json, prometheus or auto" in r.text
    assert "xml" not in r.text


def test_only_get(srv):
    r, _ = rgtest.get(srv, "/reqguard-status", method="POST", body=b"x")
    assert r.status == 405
    assert "GET" in r.header("Allow")
    r, _ = rgtest.get(srv, "/reqguard-status?format=prometheus",
                      method="HEAD")
    assert r.status == 200 and r.body == b""
    assert r.header("Content-Type") == PROM_TYPE


def test_text_shows_totals_and_vhosts_with_violations(srv, counted):
    text = scrape(srv, query="?format=text").text
    assert re.search(r"^uri +3 +1$", text, re.M)
    assert f"\nvirtual host a.example:{srv.port}\n" in text
    assert f"\nvirtual host b.example:{srv.port}\n" in text
    assert f"c.example:{srv.port}" not in text      # nothing to show
    block = text.split(f"virtual host b.example:{srv.port}\n")[1]
    assert re.match(r"  uri +0 +1\n  query +4 +0\n", block)


def test_auto_lines(srv, counted):
    r = scrape(srv, query="?auto")
    assert r.header("Content-Type") == TEXT_TYPE
    lines = dict(l.split(": ", 1) for l in r.text.splitlines())
    assert lines["ReqGuardAvailable"] == "1"
    assert lines["ReqGuardBlocked"] == "11"
    assert lines["ReqGuardReported"] == "1"
    assert lines["ReqGuardBlocked_uri"] == "3"
    assert lines["ReqGuardReported_uri"] == "1"
    assert lines["ReqGuardBlocked_query"] == "4"
    assert lines["ReqGuardBlocked_body"] == "2"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                        lines["ReqGuardStartTime"])
    assert int(lines["ReqGuardUptime"]) >= 0
    assert len(lines) == 5 + 2 * len(KINDS)


# ---- mod_status ------------------------------------------------------------

@pytest.fixture(scope="module")
def with_status(start_apache):
    return start_apache(
        modules=["status"],
        conf="""
ReqGuardMaxURI 40
<VirtualHost 127.0.0.1:@PORT@>
    ServerName t.example
</VirtualHost>
<VirtualHost 127.0.0.1:@PORT@>
    ServerName s.example
    ReqGuardMaxQuery 5
</VirtualHost>
<Location "/server-status">
    SetHandler server-status
</Location>
""" + STATUS_LOCATION)


def test_server_status_has_a_mod_reqguard_section(with_status):
    srv = with_status
    for _ in range(3):
        r, _ = rgtest.get(srv, "/?" + "q" * 10, host="s.example")
        assert r.status == 414
    r, _ = rgtest.get(srv, "/" + "u" * 50, host="t.example")
    assert r.status == 414
    srv.wait_log("RG00001", count=4)
    r, _ = rgtest.get(srv, "/server-status")
    assert r.status == 200
    html = r.text
    assert "<h2>mod_reqguard</h2>" in html
    section = html.split("<h2>mod_reqguard</h2>")[1]
    assert ": 4 blocked, 0 reported.</p>" in section
    assert "<tr><td>query</td><td>3</td><td>0</td></tr>" in section
    assert "<tr><td>uri</td><td>1</td><td>0</td></tr>" in section
    assert (f"<tr><td>s.example:{srv.port}</td><td>query</td><td>3</td>"
            "<td>0</td></tr>") in section
    assert (f"<tr><td>t.example:{srv.port}</td><td>uri</td><td>1</td>"
            "<td>0</td></tr>") in section
    # Without tables (?notable) the same numbers as lines.
    r, _ = rgtest.get(srv, "/server-status?notable")
    assert "query: 3 blocked, 0 reported" in r.text


def test_server_status_auto_lists_the_counters(with_status):
    srv = with_status
    r, _ = rgtest.get(srv, "/server-status?auto")
    assert r.status == 200
    lines = dict(l.split(": ", 1) for l in r.text.splitlines()
                 if ": " in l)
    assert "Total Accesses" in lines           # mod_status's own part
    assert lines["ReqGuardBlocked_query"] == "3"
    assert lines["ReqGuardBlocked_uri"] == "1"
    assert lines["ReqGuardBlocked"] == "4"
    mine = scrape(srv, query="?auto").text
    assert mine.splitlines()[3:] == [
        l for l in r.text.splitlines() if l.startswith("ReqGuard")][3:]


# ---- graceful restarts that change the virtual hosts ----------------------

graceful = rgtest.graceful


def vhost_conf(names, extra=""):
    return "ReqGuardMaxURI 40\n" + "".join(
        f"<VirtualHost 127.0.0.1:@PORT@>\n    ServerName {n}\n"
        "</VirtualHost>\n" for n in names) + STATUS_LOCATION + extra


@pytest.fixture(scope="module")
def restarting(start_apache):
    return start_apache(conf=vhost_conf(["a.example", "b.example"]))


def test_restart_keeps_counts_and_follows_the_vhost_set(restarting):
    srv = restarting
    for host, n in (("a.example", 2), ("b.example", 1)):
        for _ in range(n):
            r, _ = rgtest.get(srv, "/" + "u" * 50, host=host)
            assert r.status == 414
    srv.wait_log("RG00001", count=3)
    start = json.loads(scrape(srv, query="?json").body)["start_time"]
    p = srv.port

    # b.example goes, c.example comes.
    graceful(srv, vhost_conf(["a.example", "c.example"]))
    js = json.loads(scrape(srv, query="?json").body)
    assert js["start_time"] == start
    assert list(js["vhosts"]) == [f"127.0.0.1:{p}", f"a.example:{p}",
                                  f"c.example:{p}"]
    assert js["vhosts"][f"a.example:{p}"]["uri"]["blocked"] == 2
    assert js["vhosts"][f"c.example:{p}"]["uri"]["blocked"] == 0
    assert js["counters"]["uri"]["blocked"] == 3    # b.example's still in
    got = refusals(scrape(srv).text)
    assert not any(v == f"b.example:{p}" for v, _, _ in got)
    r, _ = rgtest.get(srv, "/" + "u" * 50, host="c.example")
    assert r.status == 414
    srv.wait_log("RG00001", count=1)

    # b.example comes back: its count with it.
    graceful(srv, vhost_conf(["a.example", "b.example", "c.example"]))
    got = refusals(scrape(srv).text)
    assert got == full_table(srv, ["127.0.0.1", "a.example", "b.example",
                                   "c.example"],
                             {("a.example", "uri", "blocked"): 2,
                              ("b.example", "uri", "blocked"): 1,
                              ("c.example", "uri", "blocked"): 1})


@pytest.fixture(scope="module")
def overflowing(start_apache):
    return start_apache(conf=vhost_conf(["a.example", "b.example"]))


def test_vhosts_beyond_the_segment_count_as_other(overflowing):
    """The segment is sized at the first start for 3 names (the main server,
    a and b): 1 + 2 * 3 + 64 = 71 slots, one of them "(other)".  80 new
    names at a restart find 67 free slots: the last 13 are counted as
    "(other)", and a warning says so."""
    srv = overflowing
    p = srv.port
    names = ["a.example", "b.example"] + [
        f"n{i:02d}.example" for i in range(80)]
    graceful(srv, vhost_conf(names))
    srv.wait_log(r"\[reqguard:warn\].*RG00003: the violation counters have "
                 r"no room for 13 new virtual host name\(s\) \(71 slots")
    js = json.loads(scrape(srv, query="?json").body)
    listed = list(js["vhosts"])
    assert len(listed) == 70
    assert listed[-1] == f"n66.example:{p}"
    for host in ("n66.example", "n67.example", "n79.example"):
        r, _ = rgtest.get(srv, "/" + "u" * 50, host=host)
        assert r.status == 414
    srv.wait_log("RG00001", count=3)
    js = json.loads(scrape(srv, query="?json").body)
    assert list(js["vhosts"])[-1] == "(other)"
    got = refusals(scrape(srv).text)
    assert got[(f"n66.example:{p}", "uri", "blocked")] == 1
    assert got[("(other)", "uri", "blocked")] == 2
    assert not any(v == f"n67.example:{p}" for v, _, _ in got)


@pytest.fixture(scope="module")
def overflowing_learn(start_apache):
    return start_apache(conf="ReqGuardLearn On\n"
                        + vhost_conf(["a.example", "b.example"]))


def test_learning_beyond_the_segment_goes_to_other(overflowing_learn):
    """ReqGuardLearn's rows are the counters' slots: after the same restart
    as above, n66 learns into its own row, n67 and n79 into "(other)"."""
    srv = overflowing_learn
    p = srv.port
    names = ["a.example", "b.example"] + [
        f"n{i:02d}.example" for i in range(80)]
    graceful(srv, "ReqGuardLearn On\n" + vhost_conf(names))
    srv.wait_log(r"\[reqguard:warn\].*RG00003: the violation counters have "
                 r"no room for 13 new virtual host name\(s\)")
    for host in ("n66.example", "n67.example", "n79.example"):
        r, _ = rgtest.get(srv, "/" + "u" * 50, host=host)
        assert r.status == 414
    srv.wait_log("RG00001", count=3)
    learn = json.loads(scrape(srv, query="?json").body)["learn"]["vhosts"]
    assert learn["(other)"]["target_bytes"]["count"] == 2
    assert learn["(other)"]["target_bytes"]["max"] == 51
    assert learn[f"n66.example:{p}"]["target_bytes"]["count"] == 1
    assert f"n67.example:{p}" not in learn
