"""ReqGuardLearn: the sizes of each virtual host's requests in shared
histograms, summed over several children, and the figures and limits
reqguard-status derives from them, as text, JSON, Prometheus histograms
(read with python3-prometheus-client's parser), server-status and
?config=1.

Every expected figure is computed here from the requests the test sends
and the rules as docs/directives.md states them, not from the module:

- bucket 0 holds 0, bucket k holds 2^(k-1) .. 2^k - 1, its le is 2^k - 1;
- pN = min(upper bound of the bucket of the ceil(N/100 * count)-th
  smallest value, largest value);
- suggested = 2^(k+1) for the bucket k of p99.9, never below core's limit
  (LimitRequestFields, LimitRequestFieldSize, LimitRequestLine,
  LimitRequestBody when set), none while nothing was learned.
"""
import json
import math
import re
import signal
import subprocess
import time
from fractions import Fraction

import pytest
from prometheus_client.parser import text_string_to_metric_families

import rgtest

MEASURES = ["fields", "field_bytes", "header_bytes", "target_bytes",
            "query_bytes", "body_bytes"]
DIRECTIVES = {
    "fields": "ReqGuardMaxFields",
    "field_bytes": "ReqGuardMaxFieldSize",
    "header_bytes": "ReqGuardMaxHeaderSize",
    "target_bytes": "ReqGuardMaxURI",
    "query_bytes": "ReqGuardMaxQuery",
    "body_bytes": "ReqGuardMaxBody",
}
METRIC = {m: "reqguard_request_" + m for m in MEASURES}

# Values that must never show in any status output.
MARK_HEADER = "hdrMARKER7f3a"
MARK_QUERY = "qryMARKER91c2"

PROM_TYPE = "text/plain; version=0.0.4; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"


# ---- the rules, written out independently of the module -----------------

def bucket(v):
    return v.bit_length()


def upper(k):
    return 0 if k == 0 else 2 ** k - 1


def percentile(values, n):
    """pN of values, N a Fraction of a percent."""
    s = sorted(values)
    rank = math.ceil(n / 100 * len(s))
    return min(upper(bucket(s[rank - 1])), s[-1])


def suggestion(values, floor):
    k = bucket(percentile(values, Fraction(999, 10)))
    if k >= 62:
        return 0
    return max(2 ** (k + 1), floor)


def figures(values, floor=0):
    """What the JSON shows of one measure."""
    if not values:
        return {"count": 0, "sum": 0, "p50": None, "p99": None,
                "p99_9": None, "max": None, "suggested": None}
    return {"count": len(values), "sum": sum(values),
            "p50": percentile(values, Fraction(50)),
            "p99": percentile(values, Fraction(99)),
            "p99_9": percentile(values, Fraction(999, 10)),
            "max": max(values), "suggested": suggestion(values, floor)}


# ---- requests and what each measures ----------------------------------------

class Req:
    """One request, built from parts so that its measures are known:
    fields as Apache presents them (distinct names, no blanks around a
    value), the request-target, and the body as the rule takes it."""

    def __init__(self, host, target="/", fields=(), method="GET", body=None,
                 chunks=None, status=200, version="HTTP/1.1", send_body=True,
                 learned_body="auto"):
        self.fields = ([("Host", host)] if host else []) + list(fields)
        names = [k.lower() for k, _ in self.fields]
        assert len(names) == len(set(names)), names
        self.method, self.target, self.version = method, target, version
        self.body, self.chunks = body, chunks
        self.status, self.send_body = status, send_body
        if body is not None:
            self.fields.append(("Content-Length", str(len(body))))
        if chunks is not None:
            self.fields.append(("Transfer-Encoding", "chunked"))
        self.learned_body = learned_body

    def data(self):
        lines = [f"{self.method} {self.target} {self.version}"] + [
            f"{k}: {v}" for k, v in self.fields]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if not self.send_body:
            return head
        if self.body is not None:
            return head + self.body
        if self.chunks is not None:
            return head + b"".join(b"%x\r\n" % n + b"c" * n + b"\r\n"
                                   for n in self.chunks) + b"0\r\n\r\n"
        return head

    def measures(self):
        sizes = [len(k) + 2 + len(v) for k, v in self.fields]
        m = {"fields": len(self.fields),
             "field_bytes": max(sizes, default=0),
             "header_bytes": sum(s + 2 for s in sizes),
             "target_bytes": len(self.target)}
        if "?" in self.target:
            m["query_bytes"] = len(self.target) - self.target.index("?") - 1
        if self.learned_body != "auto":
            if self.learned_body is not None:
                m["body_bytes"] = self.learned_body
        elif self.body is not None and len(self.body) > 0:
            m["body_bytes"] = len(self.body)
        elif self.chunks is not None:
            m["body_bytes"] = sum(self.chunks)
        return m


def expected(reqs, floors=None):
    floors = floors or {}
    values = {m: [] for m in MEASURES}
    for r in reqs:
        for m, v in r.measures().items():
            values[m].append(v)
    return {m: dict(figures(values[m], floors.get(m, 0)),
                    directive=DIRECTIVES[m]) for m in MEASURES}, values


def send_one(srv, req):
    with rgtest.Conn(srv.port, timeout=15) as c:
        c.send(req.data())
        r = c.read_response(head_request=req.method == "HEAD")
    assert r.status == req.status, (req.target, r)
    return r


def send_spread(srv, reqs, connections=6, per_connection=60):
    """Send reqs round robin over `connections` keep-alive connections that
    are all open at once, so that prefork serves them from as many
    children; a connection is opened anew after per_connection requests."""
    conns = [None] * connections
    used = [0] * connections
    try:
        for i, req in enumerate(reqs):
            j = i % connections
            if conns[j] is None or used[j] >= per_connection:
                if conns[j] is not None:
                    conns[j].close()
                conns[j] = rgtest.Conn(srv.port, timeout=15)
                used[j] = 0
            conns[j].send(req.data())
            r = conns[j].read_response()
            assert r.status == req.status, (req.target, r)
            used[j] += 1
    finally:
        for c in conns:
            if c is not None:
                c.close()


# ---- the server -------------------------------------------------------------

CONF = """
StartServers 3
MinSpareServers 3
MaxSpareServers 16
LogFormat "%P %v" learnpids
CustomLog @ROOT@/logs/pids.log learnpids
# The first virtual host answers Host: 127.0.0.1 (the status pages) and
# learns nothing.
<VirtualHost 127.0.0.1:@PORT@>
    ServerName status.example
    ReqGuardLearn Off
</VirtualHost>
<VirtualHost 127.0.0.1:@PORT@>
    ServerName a.example
    ReqGuardLearn On
    ReqGuardMaxFieldSize 600
    ReqGuardMaxQuery 300
    ReqGuardMaxBody 5000
</VirtualHost>
<VirtualHost 127.0.0.1:@PORT@>
    ServerName b.example
    ReqGuardLearn on
    LimitRequestFields 30
    LimitRequestFieldSize 4000
    LimitRequestLine 2000
    LimitRequestBody 3000
</VirtualHost>
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
<Location "/server-status">
    SetHandler server-status
</Location>
"""

# The core limit that floors each measure's suggestion.
CORE = {"fields": "LimitRequestFields",
        "field_bytes": "LimitRequestFieldSize",
        "target_bytes": "LimitRequestLine", "body_bytes": "LimitRequestBody"}

# The floors of each learning virtual host: the limits core read the
# header block with, those of the server owning the address (the first
# virtual host, status.example: Apache's defaults), whatever b.example
# sets for itself; and LimitRequestBody, which applies per host.
FLOORS = {
    "a.example": {"fields": 100, "field_bytes": 8190,
                  "target_bytes": 8190},
    "b.example": {"fields": 100, "field_bytes": 8190, "target_bytes": 8190,
                  "body_bytes": 3000},
}


@pytest.fixture(scope="module")
def srv(start_apache):
    return start_apache(mpm="prefork", modules=["status"], conf=CONF)


def bulk_a():
    """1000 clean GETs of a.example with varied fields and targets; a few
    carry the markers, in a header value and in a query."""
    reqs = []
    for i in range(1000):
        fields = [("User-Agent", "learn-test/1.0"),
                  ("X-Pad", "p" * (i % 50 + 1))]
        if i % 3 == 0:
            fields.append(("Accept", "*/*"))
        if i % 100 == 7:
            fields.append(("X-Tail", "t" * 150))
        if i == 500:
            fields.append(("X-Secret", MARK_HEADER + "s" * 480))
        if i % 4:
            target = "/"
        elif i == 8:
            target = "/index.html?k=" + MARK_QUERY
        else:
            target = "/index.html?" + "q" * (i % 40)
        reqs.append(Req("a.example", target, fields))
    return reqs


def specials_a():
    """Refusals, bodies and edge cases of a.example, each on its own
    connection."""
    big = ("X-Big", "b" * 650)                  # over MaxFieldSize 600
    return [
        Req("a.example", "/", [("X-Big", "b" * 1100)], status=431),
        Req("a.example", "/", [big], method="POST", body=b"x" * 300,
            status=431),
        # A chunked body refused with its headers is never read: 0.
        Req("a.example", "/", [big], method="POST", chunks=[64],
            status=431, learned_body=0),
        # A declared length over MaxBody: 413 before a byte is read; the
        # declared length is what was announced.
        Req("a.example", "/", method="POST", body=b"y" * 20000,
            send_body=False, status=413),
        Req("a.example", "/?" + "z" * 400, status=414),
        Req("a.example", "/", method="POST", body=b"d" * 10),
        Req("a.example", "/", method="POST", body=b"d" * 100),
        Req("a.example", "/", method="POST", body=b"d" * 1000),
        Req("a.example", "/", method="POST", body=b"d" * 4000),
        Req("a.example", "/", method="POST", body=b""),    # no body
        Req("a.example", "/", method="POST", chunks=[100, 50]),
        Req("a.example", "/", method="POST", chunks=[1, 2, 3]),
        Req("a.example", "/", method="POST", chunks=[2500, 2000]),
        Req("a.example", "/?"),                             # query of 0
        # No field at all: the host comes from the absolute form.
        Req(None, "http://a.example/", version="HTTP/1.0"),
    ]


def requests_b():
    return [
        Req("b.example", "/", [("X-One", "1" * 20)]),
        Req("b.example", "/index.html?x=" + "v" * 90,
            [("Accept", "text/html"), ("Accept-Language", "de")]),
        Req("b.example", "/", method="POST", body=b"e" * 200),
        Req("b.example", "/", method="POST", chunks=[100]),
        Req("b.example", "/" + "index.html" + "?" * 3),
    ]


def status(srv, query="?json", accept=None):
    headers = [("Accept", accept)] if accept else []
    r, _ = rgtest.get(srv, "/reqguard-status" + query, headers=headers)
    assert r.status_line == "HTTP/1.1 200 OK", r
    return r


def learned(srv):
    return json.loads(status(srv).body)["learn"]


def label(srv, host):
    return f"{host}:{srv.port}"


@pytest.fixture(scope="module")
def sent(srv):
    """The mix, sent once; waits until every request (bodies included,
    which are added when a request is over) is in the histograms.
    Returns {host: [Req]}."""
    before = learned(srv)["vhosts"]
    assert list(before) == [label(srv, "a.example"), label(srv, "b.example")]
    assert all(v[m]["count"] == 0 for v in before.values() for m in MEASURES)
    a = bulk_a()
    send_spread(srv, a)
    for req in specials_a():
        send_one(srv, req)
        a.append(req)
    b = requests_b()
    for req in b:
        send_one(srv, req)
    want = {"a.example": expected(a, FLOORS["a.example"])[0],
            "b.example": expected(b, FLOORS["b.example"])[0]}
    deadline = time.time() + 10
    while True:
        got = learned(srv)["vhosts"]
        done = all(got[label(srv, h)][m]["count"] == want[h][m]["count"]
                   for h in want for m in MEASURES)
        if done or time.time() > deadline:
            break
        time.sleep(0.1)
    srv.wait_log(r"RG00001: status=431 ", count=3)
    srv.wait_log(r"RG00001: status=413 ")
    srv.wait_log(r"RG00001: status=414 ")
    return {"a.example": a, "b.example": b}


def test_every_figure_is_the_rules_over_several_children(srv, sent):
    got = learned(srv)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", got["since"])
    assert list(got["vhosts"]) == [label(srv, "a.example"),
                                   label(srv, "b.example")]
    for host, reqs in sent.items():
        want, _ = expected(reqs, FLOORS[host])
        assert got["vhosts"][label(srv, host)] == want, host
    # The test means something: the percentiles of a.example differ.
    f = got["vhosts"][label(srv, "a.example")]["field_bytes"]
    assert f["p50"] < f["p99"] < f["p99_9"] < f["max"], f
    assert f["count"] == 1015
    # Several children did the learning.
    with open(f"{srv.root}/logs/pids.log") as fh:
        pids = {line.split()[0] for line in fh
                if line.split()[1] == "a.example"}
    assert len(pids) >= 3, pids


def test_refused_requests_are_learned(srv, sent):
    vh = learned(srv)["vhosts"][label(srv, "a.example")]
    # A 431's field is the largest; the 413's declared 20000 bytes the
    # largest body; the 414's query the largest query.
    assert vh["field_bytes"]["max"] == len("X-Big") + 2 + 1100
    assert vh["body_bytes"]["max"] == 20000
    assert vh["query_bytes"]["max"] == 400
    assert vh["target_bytes"]["max"] == 402
    js = json.loads(status(srv).body)
    counts = js["vhosts"][label(srv, "a.example")]
    assert counts["field-size"]["blocked"] == 3
    assert counts["body"]["blocked"] == 1
    assert counts["query"]["blocked"] == 1


def test_chunked_bodies_are_counted(srv, sent):
    bodies = expected(sent["a.example"])[1]["body_bytes"]
    # 10, 100, 1000, 4000 declared; 150, 6 and 4500 chunked; 300 and
    # 20000 declared by refused requests; 0 for the refused chunked one;
    # nothing for Content-Length: 0.
    assert sorted(bodies) == [0, 6, 10, 100, 150, 300, 1000, 4000, 4500,
                              20000]
    vh = learned(srv)["vhosts"][label(srv, "a.example")]
    assert vh["body_bytes"]["count"] == 10
    assert vh["body_bytes"]["sum"] == sum(bodies)


def test_virtual_hosts_are_separate(srv, sent):
    got = learned(srv)["vhosts"]
    assert label(srv, "status.example") not in got
    assert label(srv, "127.0.0.1") not in got
    assert got[label(srv, "b.example")]["fields"]["count"] == 5
    # b.example's LimitRequestBody is the body's floor; its other limits
    # are not: core read its header blocks with the limits of the server
    # owning the address, Apache's defaults.
    b = got[label(srv, "b.example")]
    assert b["body_bytes"]["max"] == 200
    assert b["body_bytes"]["suggested"] == 3000     # not 512
    assert b["fields"]["suggested"] == 100          # not 30
    assert b["field_bytes"]["suggested"] == 8190    # not 4000
    assert b["target_bytes"]["suggested"] == 8190   # not 2000
    assert b["header_bytes"]["suggested"] == \
        2 ** (bucket(b["header_bytes"]["p99_9"]) + 1)


def test_text_shows_the_same_figures(srv, sent):
    text = status(srv, "").text
    assert text.startswith("mod_reqguard violations since ")
    assert "\nmod_reqguard learned request sizes since " in text
    for host, reqs in sent.items():
        want, _ = expected(reqs, FLOORS[host])
        block = text.split(f"\nvirtual host {label(srv, host)}\n  measure ")
        assert len(block) == 2, host
        for m in MEASURES:
            w = want[m]
            row = re.search(rf"^  {m} +(.*)$", block[1], re.M).group(1)
            cells = row.split()
            assert cells == [str(w[k]) if w[k] is not None else "-"
                             for k in ("count", "p50", "p99", "p99_9",
                                       "max", "suggested")], (host, m)


def prom_families(text):
    fams = {}
    for fam in text_string_to_metric_families(text):
        assert fam.name not in fams
        fams[fam.name] = fam
    return fams


def test_prometheus_histograms_are_exact(srv, sent):
    r = status(srv, "?format=prometheus")
    assert r.header("Content-Type") == PROM_TYPE
    fams = prom_families(r.text)
    assert set(fams) == {"reqguard_refusals", "reqguard_start_time_seconds"
                         } | set(METRIC.values())
    for m in MEASURES:
        fam = fams[METRIC[m]]
        assert fam.type == "histogram", m
        series = {}
        for s in fam.samples:
            assert set(s.labels) <= {"vhost", "le"}
            key = (s.name, s.labels["vhost"], s.labels.get("le"))
            assert key not in series
            series[key] = s.value
        assert {v for _, v, _ in series} == {label(srv, h) for h in sent}
        for host, reqs in sent.items():
            vals = expected(reqs, FLOORS[host])[1][m]
            vh = label(srv, host)
            top = max(bucket(v) for v in vals) if vals else -1
            want = {(METRIC[m] + "_bucket", vh, str(upper(k))):
                    sum(1 for v in vals if v <= upper(k))
                    for k in range(top + 1)}
            want[(METRIC[m] + "_bucket", vh, "+Inf")] = len(vals)
            want[(METRIC[m] + "_sum", vh, None)] = sum(vals)
            want[(METRIC[m] + "_count", vh, None)] = len(vals)
            mine = {k: v for k, v in series.items() if k[1] == vh}
            assert mine == want, (m, host)


def test_config_snippet_suggests_each_directive(srv, sent):
    r = status(srv, "?config=1", accept="application/json")
    assert r.header("Content-Type") == TEXT_TYPE
    assert r.header("Cache-Control") == "no-store"
    assert r.header("Vary") is None
    text = r.text
    assert text.startswith("# mod_reqguard: limits suggested by "
                           "ReqGuardLearn, ")
    blocks = text.split("\n# ---- virtual host ")[1:]
    assert [b.split("\n", 1)[0] for b in blocks] == [
        label(srv, "a.example"), label(srv, "b.example")]
    for host, block in zip(sent, blocks):
        want, _ = expected(sent[host], FLOORS[host])
        directives = re.findall(r"^(ReqGuard\w+) (\d+)$", block, re.M)
        assert directives == [(DIRECTIVES[m], str(want[m]["suggested"]))
                              for m in MEASURES], host
        raw, _ = expected(sent[host])
        for m in MEASURES:
            w = want[m]
            head = (f"# {m}: {w['count']} requests, p50 {w['p50']}, "
                    f"p99 {w['p99']}, p99.9 {w['p99_9']}, max {w['max']}\n")
            # Where core's limit raised the suggestion, the comment says
            # what the requests alone gave and which limit raised it.
            if raw[m]["suggested"] != w["suggested"]:
                head += (f"# (the requests alone suggest "
                         f"{raw[m]['suggested']}; raised to core's "
                         f"{CORE[m]}, so this line changes\n# nothing: a "
                         f"lower value from the figures above is yours to "
                         f"choose)\n")
            assert head + f"{DIRECTIVES[m]} {w['suggested']}\n" in block, \
                (host, m, block)
        assert "raised to" in blocks[0]
        # The block works as written inside a virtual host.
        a = rgtest.Apache(name="learnconf", conf=(
            "<VirtualHost 127.0.0.1:@PORT@>\n    ServerName x.example\n"
            + block.split("\n", 1)[1] + "</VirtualHost>\n"))
        try:
            rc, out = a.configtest()
            assert rc == 0 and "Syntax OK" in out, (block, out)
        finally:
            a.cleanup()


def test_config_query_values_and_head(srv, sent):
    assert status(srv, "?config").text.startswith("# mod_reqguard: limits")
    assert status(srv, "?config=0").text.startswith("mod_reqguard violations")
    # Another parameter the handler does not know is ignored, as before.
    assert status(srv, "?other=1").text.startswith("mod_reqguard violations")
    r, _ = rgtest.get(srv, "/reqguard-status?config=yes")
    assert r.status == 400
    assert "config=1" in r.text and "yes" not in r.text
    r, _ = rgtest.get(srv, "/reqguard-status?config=1", method="HEAD")
    assert r.status == 200 and r.body == b""
    assert r.header("Content-Type") == TEXT_TYPE


def test_server_status_has_the_learned_sizes(srv, sent):
    r, _ = rgtest.get(srv, "/server-status")
    assert r.status == 200
    section = r.text.split("<h2>mod_reqguard</h2>")[1]
    assert "<h3>Learned request sizes (ReqGuardLearn)</h3>" in section
    for host, reqs in sent.items():
        want, _ = expected(reqs, FLOORS[host])
        part = section.split(f"<h4>{label(srv, host)}</h4>")[1]
        w = want["header_bytes"]
        assert (f"<tr><td>header_bytes</td><td>{w['count']}</td>"
                f"<td>{w['p50']}</td><td>{w['p99']}</td>"
                f"<td>{w['p99_9']}</td><td>{w['max']}</td>"
                f"<td>{w['suggested']}</td></tr>") in part
    r, _ = rgtest.get(srv, "/server-status?auto")
    assert "\nReqGuardLearnVhosts: 2\n" in r.text
    r, _ = rgtest.get(srv, "/server-status?notable")
    assert "query_bytes: count " in r.text


def test_no_request_data_in_any_status_output(srv, sent):
    pages = [status(srv, q).text for q in (
        "", "?json", "?format=prometheus", "?auto", "?config=1")]
    for path in ("/server-status", "/server-status?auto",
                 "/server-status?notable"):
        r, _ = rgtest.get(srv, path)
        pages.append(r.text)
    for text in pages:
        assert MARK_HEADER not in text
        assert MARK_QUERY not in text
        assert "learn-test/1.0" not in text
        assert "X-Secret" not in text and "X-Big" not in text


@pytest.mark.parametrize("sig,said", [
    (signal.SIGUSR1, r"Graceful restart requested"),
    (signal.SIGHUP, r"SIGHUP received"),
], ids=["graceful", "plain"])
def test_restart_keeps_the_histograms(srv, sent, sig, said):
    """A graceful restart and a plain one (every child ended at once, the
    configuration read anew) keep the rows: they live in the process pool.
    The new generation of children goes on adding to the same rows."""
    before = learned(srv)
    srv.proc.send_signal(sig)
    srv.wait_log(said, timeout=10)
    srv.allow_log(r"AH00493|AH00492|AH00489|AH00094|AH00171|AH00163|"
                  r"AH00169|resuming normal operations")
    deadline = time.time() + 30
    while "resuming normal operations" not in srv.log_since_mark():
        assert time.time() < deadline
        time.sleep(0.1)
    time.sleep(0.5)
    assert learned(srv) == before
    req = Req("b.example", "/", [("X-After", "restart")])
    send_one(srv, req)
    sent["b.example"].append(req)
    after = learned(srv)["vhosts"][label(srv, "b.example")]
    assert after["fields"]["count"] == \
        before["vhosts"][label(srv, "b.example")]["fields"]["count"] + 1
    want, _ = expected(sent["b.example"], FLOORS["b.example"])
    assert after == want


# ---- Off, inheritance, a chunked body cut at the limit ----------------------

@pytest.fixture(scope="module")
def off(start_apache):
    return start_apache(mpm="prefork", conf="""
ReqGuardMaxURI 4K
<VirtualHost 127.0.0.1:@PORT@>
    ServerName one.example
    ReqGuardLearn Off
</VirtualHost>
<VirtualHost 127.0.0.1:@PORT@>
    ServerName two.example
</VirtualHost>
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
""")


def test_learn_off_shows_nothing(off):
    for host in ("one.example", "two.example", "127.0.0.1"):
        send_one(off, Req(host, "/?a=1", [("X-A", "b")]))
        send_one(off, Req(host, "/", method="POST", chunks=[10]))
    assert learned(off) == {"vhosts": {}}
    text = status(off, "").text
    assert "learn" not in text
    fams = prom_families(status(off, "?format=prometheus").text)
    assert set(fams) == {"reqguard_refusals", "reqguard_start_time_seconds"}
    assert "Learn" not in status(off, "?auto").text
    r = status(off, "?config=1")
    assert r.header("Content-Type") == TEXT_TYPE
    assert "# No virtual host has ReqGuardLearn On: nothing to suggest.\n" \
        in r.text
    assert not re.search(r"^ReqGuard", r.text, re.M)


@pytest.fixture(scope="module")
def inherit(start_apache):
    return start_apache(mpm="prefork", conf="""
ReqGuardLearn On
<VirtualHost 127.0.0.1:@PORT@>
    ServerName quiet.example
    ReqGuardLearn Off
</VirtualHost>
<VirtualHost 127.0.0.1:@PORT@>
    ServerName c.example
    ReqGuardMaxBody 1000
</VirtualHost>
# No directive of the module: these share the main server's configuration
# record, and learn apart all the same.
<VirtualHost 127.0.0.1:@PORT@>
    ServerName d.example
</VirtualHost>
<VirtualHost 127.0.0.1:@PORT@>
    ServerName e.example
</VirtualHost>
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
""")


def test_virtual_hosts_inherit_the_server_setting(inherit):
    srv = inherit
    send_one(srv, Req("c.example", "/"))
    send_one(srv, Req("quiet.example", "/"))
    got = learned(srv)["vhosts"]
    assert list(got) == [label(srv, h) for h in
                         ("127.0.0.1", "c.example", "d.example", "e.example")]
    assert got[label(srv, "c.example")]["fields"]["count"] == 1
    assert got[label(srv, "127.0.0.1")]["fields"]["count"] == 0
    assert got[label(srv, "127.0.0.1")]["fields"]["suggested"] is None


def test_virtual_hosts_without_directives_learn_apart(inherit):
    srv = inherit
    before = learned(srv)["vhosts"]
    for host, n in (("d.example", 2), ("e.example", 1)):
        for _ in range(n):
            send_one(srv, Req(host, "/"))
    got = learned(srv)["vhosts"]
    for host, n in (("d.example", 2), ("e.example", 1), ("127.0.0.1", 0),
                    ("c.example", 0)):
        was = before[label(srv, host)]["fields"]["count"]
        assert got[label(srv, host)]["fields"]["count"] == was + n, host


def test_core_refusals_are_not_learned(inherit):
    """A field over LimitRequestFieldSize (the remapped 431) and a request
    line over LimitRequestLine (core's own 414): core refuses them while it
    reads them, before any virtual host's learning sees the request."""
    srv = inherit
    before = learned(srv)["vhosts"]
    r, _ = rgtest.raw(srv, b"GET / HTTP/1.1\r\nHost: d.example\r\n"
                      b"X-Big: " + b"b" * 9000 + b"\r\n\r\n")
    assert r.status == 431
    r, _ = rgtest.raw(srv, b"GET /" + b"l" * 9000 + b" HTTP/1.1\r\n"
                      b"Host: d.example\r\n\r\n")
    assert r.status == 414
    srv.allow_log(r"AH00565|AH00566")
    srv.wait_log(r"RG00001: status=431 kind=core-field-size")
    # A clean request after them is learned: once it shows, anything the
    # refusals had wrongly added would show too.
    send_one(srv, Req("d.example", "/"))
    d = label(srv, "d.example")
    deadline = time.time() + 5
    while True:
        got = learned(srv)["vhosts"]
        if (got[d]["fields"]["count"] > before[d]["fields"]["count"]
                or time.time() > deadline):
            break
        time.sleep(0.1)
    assert got[d]["fields"]["count"] == before[d]["fields"]["count"] + 1
    assert got[d]["target_bytes"]["max"] == before[d]["target_bytes"]["max"]
    assert {h: v for h, v in got.items() if h != d} == \
        {h: v for h, v in before.items() if h != d}


def test_a_chunked_body_cut_at_the_limit_counts_what_was_read(inherit):
    srv = inherit
    req = Req("c.example", "/", method="POST", chunks=[500] * 6,
              status=413)
    with rgtest.Conn(srv.port, timeout=15) as c:
        try:
            c.send(req.data())
        except OSError:
            pass
        assert c.read_response().status == 413
    srv.wait_log(r"RG00001: status=413 kind=body ")
    deadline = time.time() + 5
    while True:
        body = learned(srv)["vhosts"][label(srv, "c.example")]["body_bytes"]
        if body["count"] == 1 or time.time() > deadline:
            break
        time.sleep(0.1)
    assert body["count"] == 1
    # What the filter had counted when it refused: over the limit, at
    # most what was sent.
    assert 1000 < body["max"] <= 3000
    assert body["p50"] == body["p99"] == body["p99_9"] == \
        min(upper(bucket(body["max"])), body["max"])
    assert body["suggested"] == 2 ** (bucket(body["max"]) + 1)


@pytest.fixture(scope="module")
def capped(start_apache):
    return start_apache(mpm="prefork", conf="""
ReqGuardLearn On
<VirtualHost 127.0.0.1:@PORT@>
    ServerName status.example
</VirtualHost>
<VirtualHost 127.0.0.1:@PORT@>
    ServerName f.example
    ReqGuardCeiling MaxBody 1500
</VirtualHost>
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
""")


def test_a_refusal_by_a_ceiling_is_learned(capped):
    """Learning and a ceiling on one request: the declared length the
    ceiling refuses is learned once, with the request's other sizes."""
    srv = capped
    f = label(srv, "f.example")
    before = learned(srv)["vhosts"][f]
    req = Req("f.example", "/", method="POST", body=b"f" * 4000,
              status=413, send_body=False)
    send_one(srv, req)
    line = srv.wait_log(r"RG00001: status=413 kind=body ")[0]
    assert 'observed=4000 limit=1500 action=blocked ' \
        'directive="ReqGuardCeiling MaxBody"' in line, line
    deadline = time.time() + 5
    while True:
        got = learned(srv)["vhosts"][f]
        if (got["fields"]["count"] > before["fields"]["count"]
                or time.time() > deadline):
            break
        time.sleep(0.1)
    assert got["fields"]["count"] == before["fields"]["count"] + 1
    assert got["body_bytes"]["count"] == before["body_bytes"]["count"] + 1
    assert got["body_bytes"]["max"] == 4000
    assert got["fields"]["max"] == req.measures()["fields"]


# ---- HTTP/2 ------------------------------------------------------------------

ECHO_CGI = "#!/bin/sh\necho 'Content-Type: text/plain'\necho\ncat\n"
# Answers an upgrade to another protocol than h2c (as a WebSocket server
# behind mod_proxy would): 101.
SWITCH_CGI = ("#!/bin/sh\necho 'Status: 101 Switching Protocols'\n"
              "echo 'Upgrade: websocket'\necho 'Connection: Upgrade'\necho\n")


@pytest.fixture(scope="module")
def h2(start_apache):
    return start_apache(mpm="event", modules=["http2", "cgid"], conf="""
Protocols h2c http/1.1
ScriptSock @ROOT@/run/cgid.sock
ReqGuardLearn On
<Directory "@ROOT@/htdocs/cgi">
    Options +ExecCGI
    SetHandler cgi-script
</Directory>
<Directory "@ROOT@/htdocs/cgi/small">
    ReqGuardMaxBody 500
</Directory>
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
""", files={"htdocs/cgi/echo.cgi": ECHO_CGI,
            "htdocs/cgi/small/echo.cgi": ECHO_CGI,
            "htdocs/cgi/switch.cgi": SWITCH_CGI})


def test_http2_streams_are_learned_with_their_bodies(h2, tmp_path):
    """A stream with a length and one without (nghttp
    --no-content-length): a CGI reads both bodies whole."""
    data = tmp_path / "body"
    data.write_bytes(b"h" * 777)
    for args in ([], ["--no-content-length"]):
        p = subprocess.run(["nghttp", "-n", "-s", "-d", str(data), *args,
                            h2.url + "/cgi/echo.cgi?q=12345"],
                           capture_output=True, text=True, timeout=30)
        assert p.returncode == 0, p.stdout + p.stderr
    deadline = time.time() + 5
    while True:
        vh = learned(h2)["vhosts"][label(h2, "127.0.0.1")]
        if vh["body_bytes"]["count"] == 2 or time.time() > deadline:
            break
        time.sleep(0.1)
    assert vh["body_bytes"]["count"] == 2
    assert vh["body_bytes"]["sum"] == 2 * 777
    assert vh["query_bytes"]["max"] == 7
    assert vh["target_bytes"]["max"] == len("/cgi/echo.cgi?q=12345")
    # The streams and the status requests over HTTP/1.1.
    assert vh["fields"]["count"] >= 2


def test_http2_stream_refused_at_a_body_limit_is_learned(h2, tmp_path):
    """Learning and ReqGuardMaxBody on one HTTP/2 stream without a length:
    one count serves both; the stream gets 413, and what was counted when
    it was refused is learned."""
    data = tmp_path / "body"
    data.write_bytes(b"s" * 3000)
    def body():
        return learned(h2)["vhosts"][label(h2, "127.0.0.1")]["body_bytes"]
    before = body()
    p = subprocess.run(["nghttp", "-v", "-n", "-d", str(data),
                        "--no-content-length",
                        h2.url + "/cgi/small/echo.cgi"],
                       capture_output=True, text=True, timeout=30)
    assert ":status: 413" in p.stdout, p.stdout + p.stderr
    h2.allow_log(r"AH01215|AH01270|AH00574")
    h2.wait_log(r"RG00001: status=413 kind=body .*limit=500")
    deadline = time.time() + 5
    while body()["count"] == before["count"] and time.time() < deadline:
        time.sleep(0.1)
    after = body()
    assert after["count"] == before["count"] + 1
    assert 500 < after["sum"] - before["sum"] <= 3000


def test_an_upgrade_to_another_protocol_is_learned(h2):
    """mod_http2 is loaded, but a request that upgrades to a WebSocket is
    not one it will serve again as a stream: learned, 101 or not."""
    query = "ws=" + "w" * 57
    def count():
        vh = learned(h2)["vhosts"][label(h2, "127.0.0.1")]
        return vh["query_bytes"]["sum"], vh["fields"]["count"]
    q0, f0 = count()
    with rgtest.Conn(h2.port) as c:
        c.send(b"GET /cgi/switch.cgi?" + query.encode()
               + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               b"Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n")
        r = c.read_response(skip_interim=False)
    assert r.status == 101, r
    q1, f1 = count()
    # The upgrade, learned when it was read; and the status request
    # (?json) learns itself.
    assert (q1, f1) == (q0 + len(query) + len("json"), f0 + 2)


def test_an_h2c_upgrade_is_learned_once(h2):
    """curl --http2 over http: an HTTP/1.1 request with Upgrade: h2c, which
    mod_http2 answers with 101 and then as stream 1 of the new
    connection: one request, learned once (as the HTTP/2 one)."""
    query = "upgraded=" + "u" * 41
    def count():
        vh = learned(h2)["vhosts"][label(h2, "127.0.0.1")]
        return vh["query_bytes"]["sum"], vh["fields"]["count"]
    q0, f0 = count()
    p = subprocess.run(["curl", "-sS", "--http2", "-o", "/dev/null",
                        "-w", "%{http_version} %{http_code}",
                        h2.url + "/index.html?" + query],
                       capture_output=True, text=True, timeout=30)
    assert p.stdout == "2 200", p.stdout + p.stderr
    q1, f1 = count()
    # The upgrade, once; and the status request (?json) learns itself.
    assert (q1, f1) == (q0 + len(query) + len("json"), f0 + 2)


# ---- configuration ------------------------------------------------------------

configtest = rgtest.configtest


@pytest.mark.parametrize("line,shown", [
    ("ReqGuardLearn Maybe", "ReqGuardLearn: 'Maybe' must be On or Off"),
    ("ReqGuardLearn 1", "ReqGuardLearn: '1' must be On or Off"),
    ("ReqGuardLearn", "ReqGuardLearn takes one argument"),
    ("ReqGuardLearn On Off", "ReqGuardLearn takes one argument"),
])
def test_a_bad_value_is_a_configuration_error(line, shown):
    rc, out = configtest(line)
    assert rc != 0, out
    assert shown in out, out


def test_only_in_the_server_and_virtual_hosts():
    rc, out = configtest('<Directory "@ROOT@/htdocs">\nReqGuardLearn On\n'
                         "</Directory>")
    assert rc != 0
    assert "ReqGuardLearn not allowed in <Directory> context" in out, out
    rc, out = configtest("ReqGuardLearn On\n<VirtualHost 127.0.0.1:@PORT@>\n"
                         "ReqGuardLearn Off\n</VirtualHost>")
    assert rc == 0 and "Syntax OK" in out, out
