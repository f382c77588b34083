"""pytest fixtures: real Apache servers per test module, and a check after
every test that the error log holds no crash, [emerg], [error] or [warn]
line that the test did not declare (server.allow_log / server.wait_log)."""
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import rgtest  # noqa: E402

LIVE = []


@pytest.fixture(scope="module")
def start_apache():
    """Factory: start_apache(conf=..., files=..., modules=..., mpm=...)
    starts a server that lives until the end of the test module."""
    mine = []

    def factory(**kw):
        a = rgtest.Apache(**kw)
        a.start()
        mine.append(a)
        LIVE.append(a)
        return a

    yield factory
    problems = []
    for a in mine:
        a.stop()
        tail = a.read_log(a._log_mark)
        crash = [l for l in tail.splitlines()
                 if "exit signal" in l or "Segmentation fault" in l]
        if crash:
            problems.append(f"{a.root}: {crash}")
        LIVE.remove(a)
        a.cleanup()
    assert not problems, "crash lines at shutdown: %s" % problems


@pytest.fixture(autouse=True)
def error_log_guard():
    for a in LIVE:
        a.begin_test()
    yield
    bad = []
    for a in LIVE:
        if a.proc is not None:
            bad += [f"{a.root}: {l}" for l in a.unexpected_log_lines()]
    assert not bad, "unexpected error-log lines:\n" + "\n".join(bad)
