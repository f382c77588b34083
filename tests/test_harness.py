"""The harness itself: a server starts, answers, logs, and stops by pid;
a crash at shutdown is excused only when its core shows Apache's own race."""
import os
import signal
import subprocess
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


# Frames as gdb prints them from a core of Apache's shutdown race (event
# MPM, a child stopped while a worker finished a connection).
RACE_CRASHING = [
    "#0  0x00007fe3c74e0180 in apr_os_sock_get () from "
    "/lib/x86_64-linux-gnu/libapr-1.so.0",
    "#1  0x00007fe3c722106c in ?? () from "
    "/usr/lib/apache2/modules/mod_mpm_event.so",
    "#7  0x000055729c6a3850 in ap_run_mpm ()",
]
RACE_OTHER = [
    "#0  0x00007fe3c73d7a07 in __GI_munmap () at "
    "../sysdeps/unix/syscall-template.S:117",
    "#1  0x00007fe3c74da196 in apr_allocator_destroy () from "
    "/lib/x86_64-linux-gnu/libapr-1.so.0",
]
MODULE_FRAME = ("#3  0x00007fe3c6f01234 in rg_lines_in () from "
                "/work/main/.libs/mod_reqguard.so")


def test_shutdown_race_is_told_by_its_frames():
    assert rgtest.is_shutdown_race(RACE_CRASHING, RACE_CRASHING + RACE_OTHER)
    # A frame of the module in any thread, the crash elsewhere, or no
    # frames at all (no core read): never Apache's own.
    assert not rgtest.is_shutdown_race(
        RACE_CRASHING, RACE_CRASHING + RACE_OTHER + [MODULE_FRAME])
    assert not rgtest.is_shutdown_race(RACE_OTHER, RACE_OTHER)
    assert not rgtest.is_shutdown_race(RACE_CRASHING[:1], RACE_CRASHING[:1])
    assert not rgtest.is_shutdown_race([], [])


def _system_writes_core_files():
    import resource
    with open("/proc/sys/kernel/core_pattern") as f:
        piped = f.read().startswith("|")
    return not piped and resource.getrlimit(resource.RLIMIT_CORE)[1] != 0


def test_a_child_killed_by_sigsegv_is_never_excused():
    # Without the module: what is tested is the harness, in every pass
    # (a sanitizer runtime would catch the signal itself).
    a = rgtest.Apache(name="crash", with_reqguard=False, loglevel="notice")
    a.start()
    try:
        kids = subprocess.run(["pgrep", "-P", str(a.proc.pid)],
                              capture_output=True, text=True).stdout.split()
        assert kids
        os.kill(int(kids[0]), signal.SIGSEGV)
        line = a.wait_log(r"child pid \d+ exit signal Segmentation fault")
        a.stop()
        if _system_writes_core_files():
            # Its CoreDumpDirectory got the core, and gdb read in it a crash
            # that is not the race.
            assert os.listdir(os.path.join(a.root, "cores"))
        assert rgtest.unexplained_crashes(a.root, a.read_log()) == line
    finally:
        a.cleanup()
