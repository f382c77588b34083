"""Test harness for mod_reqguard: a real /usr/sbin/apache2 per test module or
class, generated ServerRoot, raw-socket and curl clients, error-log checks.

Every server gets its own directory under build/tests/ and its own free
loopback port, so two runs of the suite on one machine do not collide.

When the module under test (REQGUARD_SO) is a sanitizer build (see `make
asan`), every apache2 started here gets the sanitizer runtime preloaded and
writes its sanitizer reports into <ServerRoot>/sanitizer/; the fixtures in
conftest.py fail a test when a report appears there.
"""
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APACHE2 = os.environ.get("APACHE2", "/usr/sbin/apache2")
MODULE_DIR = "/usr/lib/apache2/modules"
MODULE_SO = os.environ.get(
    "REQGUARD_SO", os.path.join(ROOT, ".libs", "mod_reqguard.so"))
BUILD_TESTS = os.path.join(ROOT, "build", "tests")

# LeakSanitizer suppressions for Apache's own start-up allocations.
LSAN_SUPP = os.path.join(ROOT, "tests", "lsan.supp")

# REQGUARD_VALGRIND=1 (`make valgrind`): every server runs as a single
# process (apache2 -X) under valgrind's memcheck; its errors fail the test
# like sanitizer reports.  Apache's own noise: tests/valgrind.supp.
VALGRIND = os.environ.get("REQGUARD_VALGRIND") == "1"
VALGRIND_SUPP = os.path.join(ROOT, "tests", "valgrind.supp")

# Modules every test server loads (besides the MPM and mod_reqguard).
BASE_MODULES = ["authz_core", "authz_host", "mime", "dir", "alias", "env",
                "setenvif", "headers", "include", "unique_id"]

# Error-log lines that fail a test unless the test allowed them.
BAD_LOG = re.compile(
    r"\[(?:\w+:)?(?:emerg|alert|crit|error|warn)\]|exit signal|"
    r"Segmentation fault|AddressSanitizer|LeakSanitizer|"
    r"\bruntime error: ")


def test_dir(prefix):
    """A new directory under build/tests (made first on a fresh clone),
    readable by the servers' www-data children."""
    os.makedirs(BUILD_TESTS, exist_ok=True)
    os.chmod(os.path.dirname(BUILD_TESTS), 0o755)
    os.chmod(BUILD_TESTS, 0o755)
    d = tempfile.mkdtemp(prefix=prefix + "-", dir=BUILD_TESTS)
    os.chmod(d, 0o755)
    return d


def nghttp(server, paths, headers=()):
    """GET paths over h2c with prior knowledge, one connection, a stream
    each, with the extra fields headers: ([status of each stream], nghttp's
    trace)."""
    args = ["nghttp", "-v", "-n"]
    for k, v in headers:
        args += ["-H", f"{k}: {v}"]
    args += [server.url + p for p in paths]
    p = subprocess.run(args, capture_output=True, text=True, timeout=20)
    statuses = {}
    for m in re.finditer(r"recv \(stream_id=(\d+)\) :status: (\d+)",
                         p.stdout):
        statuses[int(m.group(1))] = int(m.group(2))
    return [statuses[k] for k in sorted(statuses)], p.stdout


# ---- crashes at shutdown ---------------------------------------------------
#
# Apache 2.4's event MPM can crash a child it stops ungracefully (SIGTERM)
# while one of its worker threads is still finishing a connection: the
# child's main thread closes the sockets the workers hold
# (close_worker_sockets) and may touch one a worker has just freed.  That
# crash is Apache's own.  It is told apart from the module's by its core
# file (each server's CoreDumpDirectory): the crashing thread in
# apr_os_sock_get() called from mod_mpm_event, and no frame of any thread
# in mod_reqguard.  A crash without such a core is never excused.
SHUTDOWN_RACE_LOG = os.path.join(BUILD_TESTS, "apache-shutdown-crashes.log")
_CRASH = re.compile(r"child pid (\d+) exit signal ([^(]+)\(")


def allow_core_files():
    """preexec_fn of a server: core files as large as the hard limit lets
    them be (where the system writes cores to a file at all)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


def _backtraces(core):
    """(the crashing thread's frames, every thread's frames) of a core."""
    try:
        p = subprocess.run(
            ["gdb", "-q", "-batch", "-nx", "-ex", "echo @crashing\\n",
             "-ex", "bt", "-ex", "echo @all\\n", "-ex", "thread apply all bt",
             APACHE2, core],
            capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return [], []
    _, _, rest = p.stdout.partition("@crashing\n")
    crashing, _, every = rest.partition("@all\n")

    def frames(text):
        return [l for l in text.splitlines() if l.startswith("#")]
    return frames(crashing), frames(every)


def is_shutdown_race(crashing, frames):
    """Whether the frames of a core (gdb's "#N ..." lines: the crashing
    thread's, every thread's) are Apache's shutdown race and nothing of
    the module's."""
    return (len(crashing) >= 2
            and "apr_os_sock_get" in crashing[0]
            and "mod_mpm_event.so" in crashing[1]
            and not any("mod_reqguard" in f for f in frames))


def unexplained_crashes(root, log_text):
    """The lines of log_text that say a child of the server in root died of
    a signal, less those its core shows to be Apache's shutdown race
    (recorded in SHUTDOWN_RACE_LOG)."""
    lines = [l for l in log_text.splitlines()
             if "exit signal" in l or "Segmentation fault" in l]
    cores = os.path.join(root, "cores")
    out = []
    for line in lines:
        m = _CRASH.search(line)
        core = None
        if m and "Segmentation fault" in m.group(2):
            for name in (f"core.{m.group(1)}", "core"):
                path = os.path.join(cores, name)
                if os.path.exists(path):
                    core = path
                    break
        # One core named "core" can stand for one crash only.
        if core is None or (core.endswith("/core") and len(lines) > 1) \
                or not is_shutdown_race(*_backtraces(core)):
            out.append(line)
            continue
        with open(SHUTDOWN_RACE_LOG, "a") as f:
            f.write(f"{root}: {line}\n")
        os.unlink(core)
    return out


_RUNTIMES = {}

# Seconds a sanitizer build's children have to exit when it stops.
SANITIZED_STOP = 30


def sanitizer_runtimes(so=None):
    """(runtime to preload or None, sanitized) for a module build.

    An ASan build must have its runtime first in the process, so it is
    preloaded into apache2; a UBSan-only build needs nothing preloaded but
    still writes reports.  REQGUARD_SANITIZER_PRELOAD overrides the runtime
    found by ldd."""
    so = so or MODULE_SO
    forced = os.environ.get("REQGUARD_SANITIZER_PRELOAD")
    if forced:
        return forced, True
    if so in _RUNTIMES:
        return _RUNTIMES[so]
    try:
        out = subprocess.run(["ldd", so], capture_output=True, text=True,
                             timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    preload, sanitized = None, False
    for line in out.splitlines():
        name, _, rest = line.strip().partition(" => ")
        if name.startswith(("libasan.so", "libclang_rt.asan")):
            preload, sanitized = rest.split(" (")[0].strip(), True
        elif name.startswith(("libubsan.so", "libclang_rt.ubsan")):
            sanitized = True
    _RUNTIMES[so] = (preload, sanitized)
    return preload, sanitized


def sanitizer_env(log_dir, leaks=None, so=None):
    """Environment for a process that loads the module so (default
    REQGUARD_SO): with a sanitizer build, the runtime preloaded and every
    report written under log_dir (san.PID).  leaks: run
    LeakSanitizer at process exit (default: on, unless
    REQGUARD_DETECT_LEAKS=0)."""
    env = dict(os.environ)
    preload, sanitized = sanitizer_runtimes(so)
    if not sanitized:
        return env
    if leaks is None:
        leaks = os.environ.get("REQGUARD_DETECT_LEAKS", "1") != "0"
    os.makedirs(log_dir, exist_ok=True)
    # Children run as www-data and write their reports here.
    os.chmod(log_dir, 0o777)
    supp = os.path.join(log_dir, "lsan.supp")
    shutil.copyfile(LSAN_SUPP, supp)
    os.chmod(supp, 0o644)
    if preload:
        env["LD_PRELOAD"] = " ".join(
            x for x in (preload, keep_dso_shim(), env.get("LD_PRELOAD"))
            if x)
    # One log_path for both: clang's combined runtime takes the one it
    # reads last.  Reports land in log_dir/san.PID.
    common = [f"log_path={log_dir}/san", "halt_on_error=1"]
    symbolizer = shutil.which("llvm-symbolizer")
    if symbolizer:
        common.append(f"external_symbolizer_path={symbolizer}")
    env["ASAN_OPTIONS"] = ":".join(common + [
        f"detect_leaks={int(leaks)}", "check_initialization_order=1",
        "strict_string_checks=1"])
    env["LSAN_OPTIONS"] = f"suppressions={supp}:print_suppressions=0"
    env["UBSAN_OPTIONS"] = ":".join(common + ["print_stacktrace=1"])
    return env


SANITIZER_PRELOAD, SANITIZED = sanitizer_runtimes(MODULE_SO)


def keep_dso_shim():
    """tests/sanitizer/keep_dso.c built once into build/sanitizer/: a
    dlclose() that keeps every module mapped, so that leaks found when the
    parent exits are reported with the names of the code that made them."""
    src = os.path.join(ROOT, "tests", "sanitizer", "keep_dso.c")
    out_dir = os.path.join(ROOT, "build", "sanitizer")
    out = os.path.join(out_dir, "keep_dso.so")
    if not os.path.exists(out) or \
            os.path.getmtime(out) < os.path.getmtime(src):
        os.makedirs(out_dir, exist_ok=True)
        tmp = f"{out}.{os.getpid()}"
        subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-Wall", "-Wextra",
                        "-Werror", "-o", tmp, src], check=True, timeout=60)
        os.replace(tmp, out)
    return out


_VG_BLOCK = re.compile(r"^==\d+== (?:Invalid|Conditional|Use of uninit|"
                       r"Syscall param|Mismatched|Source and destination|"
                       r"Argument|Process terminating with default action "
                       r"of signal (?!15 ))", re.M)


def _valgrind_findings(text):
    """The memcheck log text when it holds an error block, else "".  (Each
    error prints its block when it happens; the summary at exit only
    repeats them.)"""
    return text if _VG_BLOCK.search(text) else ""


def sanitizer_logs(log_dir):
    """{path: text} of the sanitizer reports (san.PID) and memcheck logs
    (vg.PID) in log_dir."""
    out = {}
    try:
        names = sorted(os.listdir(log_dir))
    except OSError:
        return out
    for n in names:
        if n.startswith(("san.", "vg.")):
            path = os.path.join(log_dir, n)
            try:
                with open(path, errors="replace") as f:
                    out[path] = f.read()
            except OSError:
                pass
    return out


def free_port():
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _make_tree(path):
    os.makedirs(path, exist_ok=True)
    # Children run as www-data and must reach the document root.
    os.chmod(path, 0o755)


class Apache:
    """One Apache instance with a generated configuration.

    conf:     extra configuration appended to the generated httpd.conf;
              "@ROOT@" in it stands for the ServerRoot directory.
    files:    {relative path: text} written under the ServerRoot
              (e.g. "htdocs/limited/.htaccess").
    modules:  extra Debian modules to load (names as in mods-available).
    mpm:      event, worker or prefork.
    module_so: the mod_reqguard.so to load (default REQGUARD_SO).
    """

    def __init__(self, conf="", files=None, modules=(), mpm="event",
                 loglevel="warn reqguard:info", with_reqguard=True,
                 name="apache", module_so=None):
        self.root = test_dir(name)
        self.conf_extra = conf
        self.files = dict(files or {})
        self.modules = list(modules)
        self.mpm = mpm
        self.loglevel = loglevel
        self.with_reqguard = with_reqguard
        self.module_so = module_so or MODULE_SO
        self.proc = None
        self.port = None
        self.error_log = os.path.join(self.root, "logs", "error.log")
        self.access_log = os.path.join(self.root, "logs", "access.log")
        self._log_mark = 0
        self._allowed = []
        self.sanitizer_dir = os.path.join(self.root, "sanitizer")
        self._reports_seen = {}

    # ---- configuration ------------------------------------------------
    def sub(self, text):
        return text.replace("@ROOT@", self.root).replace(
            "@PORT@", str(self.port))

    def config_text(self):
        mods = ["mpm_" + self.mpm] + BASE_MODULES + [
            m for m in self.modules if m not in BASE_MODULES]
        lines = [
            f'ServerRoot "{self.root}"',
            "ServerName 127.0.0.1",
            f"Listen 127.0.0.1:{self.port}",
            f"PidFile {self.root}/run/httpd.pid",
            f"DefaultRuntimeDir {self.root}/run",
            f"Mutex file:{self.root}/run default",
            f"CoreDumpDirectory {self.root}/cores",
        ]
        for m in mods:
            lines.append(f"LoadModule {m}_module {MODULE_DIR}/mod_{m}.so")
        if self.with_reqguard:
            lines.append(f"LoadModule reqguard_module {self.module_so}")
        if os.geteuid() == 0:
            lines += ["User www-data", "Group www-data"]
        lines += [
            f"ErrorLog {self.error_log}",
            f"LogLevel {self.loglevel}",
            'LogFormat "%h \\"%r\\" %>s %I %O v=%{REQGUARD_VIOLATION}e" rg',
            f"CustomLog {self.access_log} rg",
            "TypesConfig /etc/mime.types",
            "Timeout 10",
            "KeepAliveTimeout 5",
            "MaxKeepAliveRequests 100",
            f'DocumentRoot "{self.root}/htdocs"',
            "<Directory />",
            "    AllowOverride None",
            "    Require all denied",
            "</Directory>",
            f'<Directory "{self.root}/htdocs">',
            "    AllowOverride All",
            "    Require all granted",
            "</Directory>",
            "DirectoryIndex index.html",
        ]
        if self.sanitized:
            # Stopped gracefully (see _stop_proc): a child's leak check and
            # its symbolized report may take seconds; no hurry.
            lines.append(f"GracefulShutdownTimeout {SANITIZED_STOP}")
        if self.mpm == "prefork":
            lines += ["StartServers 2", "MinSpareServers 1",
                      "MaxSpareServers 4"]
        else:
            lines += ["StartServers 1", "ThreadsPerChild 10",
                      "MinSpareThreads 5", "MaxSpareThreads 20",
                      "MaxRequestWorkers 20"]
        return "\n".join(lines) + "\n" + self.sub(self.conf_extra) + "\n"

    def write_files(self):
        for d in ("logs", "run", "htdocs"):
            _make_tree(os.path.join(self.root, d))
        # Written by the children (www-data) when one crashes.
        _make_tree(os.path.join(self.root, "cores"))
        os.chmod(os.path.join(self.root, "cores"), 0o777)
        with open(os.path.join(self.root, "htdocs", "index.html"), "w") as f:
            f.write("<p>hello from the test server</p>\n")
        for rel, text in self.files.items():
            path = os.path.join(self.root, rel)
            _make_tree(os.path.dirname(path))
            mode = 0o755 if rel.endswith((".cgi", ".sh")) else 0o644
            with open(path, "w" if isinstance(text, str) else "wb") as f:
                f.write(self.sub(text) if isinstance(text, str) else text)
            os.chmod(path, mode)
        with open(os.path.join(self.root, "httpd.conf"), "w") as f:
            f.write(self.config_text())

    def configtest(self):
        """Run `apache2 -t` on the generated config: (exit code, output)."""
        if self.port is None:
            self.port = free_port()
        self.write_files()
        p = subprocess.run(
            [APACHE2, "-d", self.root, "-f", "httpd.conf", "-t"],
            capture_output=True, text=True, timeout=30,
            env=self.env(leaks=False))
        return p.returncode, p.stdout + p.stderr

    def command(self):
        """The apache2 command line (under memcheck with REQGUARD_VALGRIND)."""
        cmd = [APACHE2, "-d", self.root, "-f", "httpd.conf", "-DFOREGROUND"]
        if not VALGRIND:
            return cmd
        os.makedirs(self.sanitizer_dir, exist_ok=True)
        os.chmod(self.sanitizer_dir, 0o777)
        return ["valgrind", "--tool=memcheck", "--num-callers=40",
                "--vgdb=no",
                f"--log-file={self.sanitizer_dir}/vg.%p",
                f"--suppressions={VALGRIND_SUPP}",
                # Leaks are LeakSanitizer's (`make asan`): at exit memcheck
                # sees Apache's modules unloaded and their libraries' own
                # start-up allocations unattributable.
                "--leak-check=no",
                APACHE2, "-X", "-d", self.root, "-f", "httpd.conf"]

    @property
    def sanitized(self):
        """The module is a sanitizer build."""
        return self.with_reqguard and sanitizer_runtimes(self.module_so)[1]

    def env(self, leaks=None):
        """The environment apache2 runs with (sanitizer runtime and report
        directory when the module is a sanitizer build)."""
        if not self.with_reqguard:
            return dict(os.environ)
        return sanitizer_env(self.sanitizer_dir, leaks, self.module_so)

    # ---- life cycle ---------------------------------------------------
    def start(self, attempts=5):
        for _ in range(attempts):
            self.port = free_port()
            self.write_files()
            if os.path.exists(self.error_log):
                os.unlink(self.error_log)
            self.proc = subprocess.Popen(
                self.command(),
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, start_new_session=True,
                preexec_fn=allow_core_files, env=self.env())
            if self._wait_listening():
                self._log_mark = self._log_size()
                return self
            out = self._stop_proc()
            if "Address already in use" not in out + self.read_log():
                raise RuntimeError(
                    f"apache2 did not start:\n{out}\n{self.read_log()}")
        raise RuntimeError("apache2: no free port after several attempts")

    def _wait_listening(self, timeout=None):
        if timeout is None:
            timeout = 60 if VALGRIND else 15
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), 0.2):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def _stop_proc(self):
        out = ""
        if self.proc is None:
            return out
        if self.proc.poll() is None:
            # A sanitizer build is stopped gracefully (SIGWINCH): on SIGTERM
            # Apache signals its children again after 3, 5 and 7 seconds
            # and kills them after 9, which can cut a child's LeakSanitizer
            # report (written at its exit) short, or crash it in the middle.
            self.proc.send_signal(signal.SIGWINCH if self.sanitized
                                  else signal.SIGTERM)
            try:
                self.proc.wait(timeout=60 if VALGRIND
                               else SANITIZED_STOP + 15 if self.sanitized
                               else 15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        try:
            out = self.proc.stdout.read().decode(errors="replace")
            self.proc.stdout.close()
        except Exception:
            pass
        self.proc = None
        return out

    def stop(self):
        self._stop_proc()

    def cleanup(self):
        self.stop()
        reports = self.new_sanitizer_reports()
        # A server with sanitizer reports keeps its directory for reading.
        if reports:
            raise AssertionError(f"sanitizer reports in {self.root}:\n"
                                 + "\n".join(reports.values()))
        if not os.environ.get("KEEP_TEST_SERVERS"):
            shutil.rmtree(self.root, ignore_errors=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    # ---- error log ----------------------------------------------------
    def _log_size(self):
        try:
            return os.path.getsize(self.error_log)
        except OSError:
            return 0

    def read_log(self, start=0):
        try:
            with open(self.error_log, "rb") as f:
                f.seek(start)
                return f.read().decode(errors="replace")
        except OSError:
            return ""

    def log_since_mark(self):
        return self.read_log(self._log_mark)

    def begin_test(self):
        self._log_mark = self._log_size()
        self._allowed = []

    def allow_log(self, pattern):
        """Tolerate error-log lines matching pattern in this test."""
        self._allowed.append(re.compile(pattern))

    def wait_log(self, pattern, timeout=3.0, count=1):
        """Wait until pattern appears (count times) in this test's log part;
        the matching lines are tolerated by the log check."""
        rx = re.compile(pattern)
        self._allowed.append(rx)
        deadline = time.time() + timeout
        while True:
            lines = [l for l in self.log_since_mark().splitlines()
                     if rx.search(l)]
            if len(lines) >= count or time.time() > deadline:
                break
            time.sleep(0.05)
        assert len(lines) >= count, (
            f"expected {count} error-log line(s) matching {pattern!r}, "
            f"got {len(lines)}:\n{self.log_since_mark()}")
        return lines

    def log_lines(self, pattern):
        rx = re.compile(pattern)
        return [l for l in self.log_since_mark().splitlines()
                if rx.search(l)]

    def expect_violation(self, pattern):
        """pattern None: this test's log has no RG00001 line; else wait for
        a line that matches it."""
        if pattern is None:
            assert self.log_lines(r"RG00001") == []
        else:
            self.wait_log(pattern)

    # ---- sanitizer reports ---------------------------------------------
    def new_sanitizer_reports(self):
        """{path: text} of the sanitizer reports written since the last
        call (always empty for a module built without sanitizers).  A
        report counts once: the caller decides what it means."""
        new = {}
        for path, text in sanitizer_logs(self.sanitizer_dir).items():
            part = text[self._reports_seen.get(path, 0):]
            self._reports_seen[path] = len(text)
            if os.path.basename(path).startswith("vg."):
                part = _valgrind_findings(part)
            if part.strip():
                new[path] = part
        return new

    def unexpected_log_lines(self):
        bad = []
        for line in self.log_since_mark().splitlines():
            if BAD_LOG.search(line) and not any(
                    a.search(line) for a in self._allowed):
                bad.append(line)
        return bad

    def access_lines(self):
        try:
            with open(self.access_log) as f:
                return f.read().splitlines()
        except OSError:
            return []

    def wait_access(self, count, timeout=3.0):
        deadline = time.time() + timeout
        while len(self.access_lines()) < count and time.time() < deadline:
            time.sleep(0.05)
        return self.access_lines()


# ---- HTTP over raw sockets ------------------------------------------------

class Response:
    def __init__(self, version, status, reason, headers, body, raw_head):
        self.version = version
        self.status = status
        self.reason = reason
        self.headers = headers          # list of (name, value)
        self.body = body
        self.raw_head = raw_head

    @property
    def status_line(self):
        return f"{self.version} {self.status} {self.reason}"

    def header(self, name, default=None):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return default

    def header_all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def __repr__(self):
        return f"<Response {self.status_line} {self.headers} {self.body[:200]!r}>"


class Conn:
    """A raw HTTP/1.x connection: send exact bytes, read parsed responses."""

    def __init__(self, port, timeout=10):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout)
        self.sock.settimeout(timeout)
        self.buf = b""
        self.eof = False

    def send(self, data):
        self.sock.sendall(data)

    def _fill(self):
        if self.eof:
            return False
        try:
            chunk = self.sock.recv(65536)
        except ConnectionResetError:
            chunk = b""
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def _read_until(self, marker):
        while marker not in self.buf:
            if not self._fill():
                raise EOFError(f"connection closed; got {self.buf[:300]!r}")
        i = self.buf.index(marker) + len(marker)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def _read_exact(self, n):
        while len(self.buf) < n:
            if not self._fill():
                raise EOFError(f"connection closed after {len(self.buf)} "
                               f"of {n} body bytes")
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def read_response(self, head_request=False, skip_interim=True):
        while True:
            raw = self._read_until(b"\r\n\r\n")
            lines = raw.decode("latin-1").split("\r\n")
            version, _, rest = lines[0].partition(" ")
            code, _, reason = rest.partition(" ")
            status = int(code)
            headers = []
            for l in lines[1:]:
                if l:
                    k, _, v = l.partition(":")
                    headers.append((k.strip(), v.strip()))
            resp = Response(version, status, reason, headers, b"", raw)
            if 100 <= status < 200:
                self.interim = getattr(self, "interim", []) + [resp]
                if skip_interim:
                    continue
                return resp
            break
        if head_request or status in (204, 304):
            return resp
        te = (resp.header("Transfer-Encoding") or "").lower()
        cl = resp.header("Content-Length")
        if "chunked" in te:
            body = b""
            while True:
                size_line = self._read_until(b"\r\n")
                size = int(size_line.split(b";")[0].strip(), 16)
                if size == 0:
                    self._read_until(b"\r\n")
                    resp.chunked_complete = True
                    break
                body += self._read_exact(size)
                self._read_exact(2)
            resp.body = body
        elif cl is not None:
            resp.body = self._read_exact(int(cl))
        else:
            while self._fill():
                pass
            resp.body, self.buf = self.buf, b""
        return resp

    def is_closed(self, wait=1.0):
        """True when the server has closed its side (EOF within wait s)."""
        if self.eof:
            return True
        self.sock.settimeout(wait)
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            return False
        except ConnectionResetError:
            return True
        finally:
            self.sock.settimeout(10)
        if not chunk:
            self.eof = True
            return True
        self.buf += chunk
        return False

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


def graceful(srv, conf):
    """Restart srv gracefully (SIGUSR1) into the configuration conf (its
    conf_extra), and return once a child of the new configuration answers:
    its 404 page names it, so that a child of the old generation, still
    answering on a loaded machine, is told apart."""
    # A server that answers has installed its signal handlers: a signal
    # sent while it still starts could stop it instead.
    r, _ = get(srv, "/")
    assert r.status == 200
    gen = getattr(srv, "generation", 0) + 1
    srv.generation = gen
    marker = f"configuration {gen}"
    srv.conf_extra = conf + f'ErrorDocument 404 "{marker}"\n'
    srv.write_files()
    mark = srv.log_since_mark().count("resuming normal operations")
    srv.proc.send_signal(signal.SIGUSR1)
    srv.allow_log(r"AH00493|AH00489|AH00094|AH00171|AH00163|"
                  r"resuming normal operations")
    deadline = time.time() + 30
    while srv.log_since_mark().count("resuming normal operations") <= mark:
        assert time.time() < deadline, srv.log_since_mark()
        time.sleep(0.1)
    deadline = time.time() + 20
    while True:
        try:
            r, _ = get(srv, "/no-such-page")
            if r.status == 404 and r.body == marker.encode():
                return
        except OSError:
            pass
        assert time.time() < deadline, "no child of the new configuration"
        time.sleep(0.1)


def configtest(conf, **kw):
    """apache2 -t on a server made of conf (never started): (rc, output)."""
    a = Apache(conf=conf, name="configtest", **kw)
    try:
        return a.configtest()
    finally:
        a.cleanup()


def raw(server, data, head_request=False, timeout=10):
    """Send exact bytes, return (response, closed_after)."""
    with Conn(server.port, timeout) as c:
        c.send(data)
        r = c.read_response(head_request=head_request)
        # A server that says close closes at once; one that keeps the
        # connection would make us wait the whole time, so ask briefly.
        wait = 2.0 if (r.header("Connection") or "").lower() == "close" \
            else 0.2
        return r, c.is_closed(wait)


def get(server, path="/", headers=(), method="GET", body=b"",
        version="HTTP/1.1", host="127.0.0.1"):
    """Build a request from parts and send it over a raw socket."""
    lines = [f"{method} {path} {version}"]
    if host is not None:
        lines.append(f"Host: {host}")
    for k, v in headers:
        lines.append(f"{k}: {v}")
    if body and not any(k.lower() in ("content-length", "transfer-encoding")
                        for k, _ in headers):
        lines.append(f"Content-Length: {len(body)}")
    data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
    return raw(server, data, head_request=(method == "HEAD"))


# ---- real clients ---------------------------------------------------------

def curl(server, path="/", args=(), timeout=20):
    """Run curl; return a Response for the last response it received."""
    fd, headfile = tempfile.mkstemp(prefix="curl-head-")
    os.close(fd)
    try:
        p = subprocess.run(
            ["curl", "-sS", "-D", headfile, "-o", "-", *args,
             server.url + path],
            capture_output=True, timeout=timeout)
        with open(headfile, "rb") as f:
            head = f.read().decode("latin-1")
    finally:
        os.unlink(headfile)
    blocks = [b for b in head.split("\r\n\r\n") if b.strip()]
    if not blocks:
        raise AssertionError(f"curl got no response: {p.stderr!r}")
    lines = blocks[-1].split("\r\n")
    version, _, rest = lines[0].partition(" ")
    code, _, reason = rest.partition(" ")
    headers = [(k.strip(), v.strip()) for k, _, v in
               (l.partition(":") for l in lines[1:] if l)]
    r = Response(version, int(code), reason.strip(), headers, p.stdout,
                 blocks[-1])
    r.curl_exit = p.returncode
    r.curl_stderr = p.stderr.decode(errors="replace")
    return r
