"""pytest fixtures: real Apache servers per test module, and a check after
every test that the error log holds no crash, [emerg], [error] or [warn]
line that the test did not declare (server.allow_log / server.wait_log).

With a sanitizer build of the module (REQGUARD_SO, `make asan`), a test
also fails when any AddressSanitizer, UndefinedBehaviorSanitizer or
LeakSanitizer report appears in a server's sanitizer directory, during the
test or when the server stops (leaks are reported as processes exit).  An
ASan abort in a child exits with status 1, not a signal, so the error log
alone would not show it."""
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
        crash = rgtest.unexplained_crashes(a.root, a.read_log(a._log_mark))
        if crash:
            problems.append(f"{a.root}: {crash}")
        reports = a.new_sanitizer_reports()
        if reports:
            problems.append(f"{a.root}: sanitizer reports:\n" + "\n".join(
                f"--- {p}\n{t}" for p, t in reports.items()))
        LIVE.remove(a)
        if reports:
            a.stop()
        else:
            a.cleanup()
    assert not problems, "at shutdown: %s" % "\n".join(problems)


@pytest.fixture(autouse=True)
def error_log_guard():
    for a in LIVE:
        a.begin_test()
    yield
    bad = []
    for a in LIVE:
        if a.proc is not None:
            bad += [f"{a.root}: {l}" for l in a.unexpected_log_lines()]
        for path, text in a.new_sanitizer_reports().items():
            bad.append(f"sanitizer report {path}:\n{text}")
    assert not bad, "unexpected error-log lines or sanitizer reports:\n" \
        + "\n".join(bad)
