"""The harness itself: a server starts, answers, logs, and stops by pid."""
import os
import time

import rgtest


def test_server_serves_static_page(start_apache):
    a = start_apache()
    r, _ = rgtest.get(a, "/")
    assert r.status_line == "HTTP/1.1 200 OK"
    assert r.body == b"<p>hello from the test server</p>\n"


def test_server_stops_by_pid():
    a = rgtest.Apache(name="stop")
    a.start()
    pid = a.proc.pid
    a.cleanup()
    deadline = time.time() + 5
    while time.time() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("apache2 still running after stop")


def test_log_guard_sees_errors(start_apache):
    a = start_apache()
    a.begin_test()
    with open(a.error_log, "a") as f:
        f.write("[Sun Nov 22 00:00:00 2026] [core:error] [pid 1] boom\n")
    assert a.unexpected_log_lines()
    a.allow_log("boom")
    assert not a.unexpected_log_lines()
