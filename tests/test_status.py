"""The reqguard-status handler: counters per kind and action, summed over
all child processes, kept across restarts."""
import json
import signal
import time

import pytest

import rgtest


@pytest.fixture(scope="module")
def srv(start_apache):
    # prefork with several children: the counts must be summed over them.
    return start_apache(
        mpm="prefork",
        conf="""
ReqGuardMaxURI 50
<Location "/report">
    ReqGuard ReportOnly
</Location>
<Location "/reqguard-status">
    SetHandler reqguard-status
</Location>
""",
        files={"htdocs/report/index.html": "<p>r</p>\n"})


def counters(srv):
    r, _ = rgtest.get(srv, "/reqguard-status?json")
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.header("Content-Type") == "application/json; charset=utf-8"
    assert r.header("Cache-Control") == "no-store"
    return json.loads(r.body)


def test_counts_blocked_and_reported_over_all_children(srv):
    before = counters(srv)["counters"]["uri"]
    conns = [rgtest.Conn(srv.port) for _ in range(6)]
    try:
        # Six connections at once are spread over several children.
        for c in conns:
            c.send(b"GET /?" + b"a" * 60 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        for c in conns:
            assert c.read_response().status == 414
    finally:
        for c in conns:
            c.close()
    r, _ = rgtest.get(srv, "/report/?" + "a" * 60)
    assert r.status == 200
    srv.wait_log(r"kind=uri .*action=reported")
    srv.wait_log(r"kind=uri .*action=blocked", count=6)
    after = counters(srv)
    assert after["counters"]["uri"]["blocked"] == before["blocked"] + 6
    assert after["counters"]["uri"]["reported"] == before["reported"] + 1
    assert set(after["counters"]) == {
        "fields", "field-size", "header-size", "uri", "query", "body",
        "length-required", "body-timeout", "core-field-size", "core-fields"}


def test_text_page_lists_every_kind(srv):
    r, _ = rgtest.get(srv, "/reqguard-status")
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.header("Content-Type") == "text/plain; charset=utf-8"
    text = r.text
    assert text.startswith("mod_reqguard violations since ")
    for kind in ("field-size", "uri", "core-fields", "body-timeout"):
        assert f"\n{kind} " in text


def test_counters_survive_a_graceful_restart(srv):
    before = counters(srv)
    assert before["counters"]["uri"]["blocked"] >= 6
    srv.proc.send_signal(signal.SIGUSR1)        # graceful restart
    srv.wait_log(r"Graceful restart requested", timeout=10)
    srv.allow_log(r"AH00493|AH00489|AH00094|resuming normal operations")
    time.sleep(1.0)
    after = counters(srv)
    assert after["start_time"] == before["start_time"]
    assert after["counters"]["uri"] == before["counters"]["uri"]
