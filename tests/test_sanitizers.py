"""The sanitizer harness catches what it is there to catch.

A throw-away AddressSanitizer build of the module writes one byte past a
malloc'ed buffer on every refusal (tests/sanitizer/overflow.c, linked in
with -Wl,--wrap; the module's sources are not touched).  The child that
serves the refusal dies of it with exit status 1, not a signal, so the
error log shows nothing: the harness must find the report in the server's
sanitizer directory, and a test using the fixtures must fail on it.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap

import pytest

import rgtest


@pytest.fixture(scope="module")
def overflow_so():
    out = tempfile.mkdtemp(prefix="asan-overflow-", dir=rgtest.BUILD_TESTS)
    # The symbolizer runs in the child, as www-data: it reads the .so.
    os.chmod(out, 0o755)
    p = subprocess.run(
        ["make", "-s", "--no-print-directory", "asan-overflow-build",
         f"OUT={out}"], cwd=rgtest.ROOT, capture_output=True, text=True,
        timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    so = os.path.join(out, "mod_reqguard.so")
    preload, sanitized = rgtest.sanitizer_runtimes(so)
    assert sanitized and preload and "asan" in preload, preload
    yield so
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="module")
def leak_so():
    out = tempfile.mkdtemp(prefix="asan-leak-", dir=rgtest.BUILD_TESTS)
    os.chmod(out, 0o755)
    p = subprocess.run(
        ["make", "-s", "--no-print-directory", "asan-overflow-build",
         f"OUT={out}", "LEAK=1"], cwd=rgtest.ROOT, capture_output=True,
        text=True, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    yield os.path.join(out, "mod_reqguard.so")
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="module")
def plain_overflow_so():
    out = tempfile.mkdtemp(prefix="overflow-plain-", dir=rgtest.BUILD_TESTS)
    os.chmod(out, 0o755)
    p = subprocess.run(
        ["make", "-s", "--no-print-directory", "overflow-build",
         f"OUT={out}"], cwd=rgtest.ROOT, capture_output=True, text=True,
        timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    yield os.path.join(out, "mod_reqguard.so")
    shutil.rmtree(out, ignore_errors=True)


def refusal():
    """A request the module refuses with a diagnostic body."""
    return (b"GET /?" + b"q" * 100 + b" HTTP/1.1\r\nHost: x\r\n"
            b"Accept: text/plain\r\n\r\n")


def test_overflow_in_a_child_is_reported_though_the_log_is_silent(
        overflow_so):
    a = rgtest.Apache(conf="ReqGuardMaxQuery 10\n", module_so=overflow_so,
                      name="overflow")
    a.start()
    try:
        r, _ = rgtest.get(a, "/")
        assert r.status_line == "HTTP/1.1 200 OK"
        assert a.new_sanitizer_reports() == {}
        with rgtest.Conn(a.port) as c:
            c.send(refusal())
            with pytest.raises(EOFError):
                c.read_response()       # the child died before answering
        reports = {}
        for _ in range(50):
            reports = a.new_sanitizer_reports()
            if reports:
                break
            rgtest.time.sleep(0.1)
        assert len(reports) == 1, reports
        (path, text), = reports.items()
        assert os.path.basename(path).startswith("san.")
        assert "ERROR: AddressSanitizer: heap-buffer-overflow" in text
        assert "WRITE of size 1" in text
        assert "__wrap_rg_render_body" in text
        assert re.search(r"0 bytes (after|to the right of) 16-byte region",
                         text), text
        # The parent noticed nothing worth a log line: exit status 1.
        log = a.read_log()
        assert "exit signal" not in log and "AddressSanitizer" not in log
        # The server still serves (a new child).
        r, _ = rgtest.get(a, "/")
        assert r.status_line == "HTTP/1.1 200 OK"
    finally:
        a.stop()
    # cleanup() refuses to pass over a report it has not handed out.
    assert a.new_sanitizer_reports() == {}
    a.cleanup()


def test_leak_in_a_child_is_reported_when_it_exits(leak_so):
    """LeakSanitizer with Apache's pools: a malloc the module loses is
    reported when the child exits (here at stop), with its stack; Apache's
    own allocations for the life of a process are suppressed
    (tests/lsan.supp), so nothing else is."""
    a = rgtest.Apache(conf="ReqGuardMaxQuery 10\n", module_so=leak_so,
                      name="leak")
    a.start()
    try:
        for _ in range(2):
            r, _ = rgtest.raw(a, refusal())
            assert r.status == 414
        assert a.new_sanitizer_reports() == {}     # nothing until exit
    finally:
        a.stop()
    reports = a.new_sanitizer_reports()
    assert len(reports) == 1, reports
    (path, text), = reports.items()
    assert "ERROR: LeakSanitizer: detected memory leaks" in text
    assert "Direct leak of 64 byte(s) in 1 object(s)" in text
    assert "__wrap_rg_render_body" in text
    assert "SUMMARY: AddressSanitizer: 64 byte(s) leaked in 1 allocation" \
        in text
    a.cleanup()


PROBE = '''
import rgtest

def test_probe(start_apache):
    a = start_apache(conf="ReqGuardMaxQuery 10\\n", module_so={so!r})
    try:
        rgtest.get(a, "/?" + "q" * 100, headers=[("Accept", "text/plain")])
    except EOFError:
        pass                    # the child died: only the guard can tell
    rgtest.time.sleep(1)
'''


def test_fixture_fails_a_test_on_a_report(overflow_so, tmp_path):
    """The conftest guard, end to end: a test whose server's child dies of
    the overflow fails with the report in its message."""
    probe = tmp_path / "test_probe.py"
    probe.write_text(textwrap.dedent(PROBE.format(so=overflow_so)))
    tests_dir = os.path.dirname(os.path.abspath(__file__))
    p = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
         "-p", "conftest", "-q", "-x", str(probe)],
        cwd=str(tmp_path), capture_output=True, text=True, timeout=120,
        env=dict(os.environ, PYTHONPATH=tests_dir))
    assert p.returncode == 1, p.stdout + p.stderr
    # The test body passed; the guard after it failed it.
    assert "1 passed, 1 error" in p.stdout, p.stdout
    assert "unexpected error-log lines or sanitizer reports" in p.stdout
    assert "heap-buffer-overflow" in p.stdout, p.stdout


def test_memcheck_sees_the_overflow(plain_overflow_so, monkeypatch):
    """`make valgrind`: the same one-byte overflow in a build without
    sanitizers, apache2 -X under memcheck, is reported by the harness."""
    monkeypatch.setattr(rgtest, "VALGRIND", True)
    a = rgtest.Apache(conf="ReqGuardMaxQuery 10\n", name="memcheck",
                      module_so=plain_overflow_so)
    a.start()
    try:
        r, _ = rgtest.get(a, "/")
        assert r.status_line == "HTTP/1.1 200 OK"
        assert a.new_sanitizer_reports() == {}
        r, _ = rgtest.raw(a, refusal())
        assert r.status == 414      # memcheck reports, the process goes on
        reports = {}
        for _ in range(50):
            reports = a.new_sanitizer_reports()
            if reports:
                break
            rgtest.time.sleep(0.1)
        (path, text), = reports.items()
        assert os.path.basename(path).startswith("vg.")
        assert "Invalid write of size 1" in text
        assert "__wrap_rg_render_body" in text
        assert "0 bytes after a block of size 16" in text
    finally:
        a.stop()
    assert a.new_sanitizer_reports() == {}
    a.cleanup()
