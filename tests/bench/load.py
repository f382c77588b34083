"""Wall-clock figures: throughput and server CPU under load (wrk, h2load),
streaming uploads, and the early refusal of a declared oversized body.

The machine is shared, so no absolute time is reported: every figure is a
ratio to stock Apache measured in the same round, the rounds interleaved
with the order of the configurations rotated, and the median and range over
the rounds given."""
import os
import re
import signal
import socket
import statistics
import subprocess
import time

import setups

CLK_TCK = os.sysconf("SC_CLK_TCK")


class Server:
    """A running apache2 of one configuration, started and stopped by pid,
    with its processes' CPU time read from /proc."""

    def __init__(self, config, request=None, mpm="event", one_process=False,
                 extra="", name="load"):
        self.config = config
        self.a = setups.server(config, request, mpm=mpm, name=name,
                               extra=extra)
        self.one_process = one_process
        self.request = request
        self.proc = None

    def start(self):
        a = self.a
        a.write_files()
        if os.geteuid() == 0:
            # The children (and ModSecurity's spool files in run/) are
            # www-data's.
            subprocess.run(["chown", "-R", "www-data:www-data", a.root],
                           check=True)
        flag = "-X" if self.one_process else "-DFOREGROUND"
        self.proc = subprocess.Popen(
            [setups.APACHE2, flag, "-d", a.root, "-f", "httpd.conf"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + 30
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.config}: apache2 exited:\n"
                                   f"{a.read_log()}")
            try:
                with socket.create_connection(("127.0.0.1", a.port), 0.2):
                    break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError(f"{self.config}: apache2 did not "
                                       f"start")
                time.sleep(0.05)
        return self

    @property
    def port(self):
        return self.a.port

    def pids(self):
        """The server's processes: its process group (it leads a session)."""
        out = []
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == self.proc.pid:      # pgrp
                out.append(int(d))
        return out

    def cpu_seconds(self):
        """User+system time of every process of the server, those already
        reaped included (the parent's cutime/cstime)."""
        total = 0
        for pid in self.pids():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # fields[0] is field 3 (state): utime is field 14, stime 15,
            # cutime 16, cstime 17.
            total += int(fields[11]) + int(fields[12])
            if pid == self.proc.pid:
                total += int(fields[13]) + int(fields[14])
        return total / CLK_TCK

    def proc_status(self, key):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        raise RuntimeError(f"no {key} in /proc/{self.proc.pid}/status")

    def io(self, key):
        with open(f"/proc/{self.proc.pid}/io") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        raise RuntimeError(f"no {key} in /proc/{self.proc.pid}/io")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            deadline = time.time() + 30
            while self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=3)
                except subprocess.TimeoutExpired:
                    if time.time() > deadline:
                        os.killpg(self.proc.pid, signal.SIGKILL)
                        self.proc.wait(timeout=10)
        self.proc = None

    def check_log(self, allowed=()):
        for p in list(allowed) + setups.allowed_log(self.request or "plain"):
            self.a.allow_log(p)
        bad = self.a.unexpected_log_lines()
        if bad:
            raise RuntimeError(f"{self.config}: error log:\n" +
                               "\n".join(bad))

    def cleanup(self):
        self.stop()
        self.a.cleanup()


def ratio_summary(values):
    """median (min .. max) of a list of ratios."""
    return (f"{statistics.median(values):.2f} "
            f"({min(values):.2f}–{max(values):.2f})")


def rotated(items, r):
    r %= len(items)
    return list(items[r:]) + list(items[:r])


# ---- throughput -------------------------------------------------------------

def _wrk_script(request):
    """A wrk Lua script that sends the HTTP/1.1 request of setups.REQUESTS
    (method, path, header lines and body; wrk adds Host and
    Content-Length)."""
    data = setups.REQUESTS[request].data
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split()

    def lua(text):
        assert "]==]" not in text
        return "[==[" + text + "]==]"

    out = [f"wrk.method = {lua(method)}"]
    for line in lines[1:]:
        k, _, v = line.partition(":")
        if k.lower() in ("host", "content-length"):
            continue
        out.append(f"wrk.headers[ {lua(k)} ] = {lua(v.strip())}")
    if body:
        out.append(f"wrk.body = {lua(body.decode('latin-1'))}")
    d = os.path.join(setups.rgtest.ROOT, "build", "bench")
    os.makedirs(d, exist_ok=True)
    script = os.path.join(d, f"wrk-{request}.lua")
    with open(script, "w") as f:
        f.write("\n".join(out) + "\n")
    return script, path


def run_load(server, request, seconds, connections):
    """Drive `server` for `seconds`; return (requests, server CPU s)."""
    req = setups.REQUESTS[request]
    cpu0 = server.cpu_seconds()
    if req.kind == "h2":
        p = subprocess.run(
            ["h2load", "-c", str(connections), "-m", "1",
             "-D", str(seconds),
             f"http://127.0.0.1:{server.port}{req.data}"],
            capture_output=True, text=True, timeout=seconds + 60)
        m = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, "
                      r"(\d+) succeeded, (\d+) failed, (\d+) errored",
                      p.stdout)
        codes = re.search(r"status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, "
                          r"(\d+) 5xx", p.stdout)
        # When the duration ends h2load stops its clients and counts a
        # stream still in flight as failed: at most one per client, and
        # never a 4xx or 5xx answer.
        if p.returncode != 0 or not m or not codes or \
                int(m.group(5)) > connections or \
                int(m.group(6)) > connections or int(codes.group(3)) \
                or int(codes.group(4)) or "h2c" not in p.stdout:
            raise RuntimeError(f"h2load against {server.config}:\n"
                               f"{p.stdout}\n{p.stderr}")
        done = int(m.group(4))
    else:
        script, path = _wrk_script(request)
        p = subprocess.run(
            ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s",
             "-s", script, f"http://127.0.0.1:{server.port}{path}"],
            capture_output=True, text=True, timeout=seconds + 60)
        m = re.search(r"(\d+) requests in", p.stdout)
        err = re.search(r"Socket errors: connect (\d+), read (\d+), "
                        r"write (\d+), timeout (\d+)", p.stdout)
        # A read error now and then is a keep-alive connection the server
        # closed (after MaxKeepAliveRequests) as wrk wrote to it; anything
        # else, or more than one in a thousand, is a failed run.
        bad_err = err and (int(err.group(1)) or int(err.group(3))
                           or int(err.group(4)) or not m
                           or int(err.group(2)) * 1000 > int(m.group(1)))
        if p.returncode != 0 or not m or "Non-2xx" in p.stdout or bad_err:
            raise RuntimeError(f"wrk against {server.config}:\n"
                               f"{p.stdout}\n{p.stderr}")
        done = int(m.group(1))
    cpu = server.cpu_seconds() - cpu0
    if done <= 0:
        raise RuntimeError(f"no request completed against {server.config}")
    return done, cpu


def throughput(configs, requests, rounds, seconds, connections,
               progress=print):
    """{(config, request): ([rps ratio per round], [cpu/req ratio], rps,
    cpu_us)} against stock; configs[0] must be stock."""
    results = {}
    for request in requests:
        servers = [Server(c, request, name="load") for c in configs]
        try:
            for s in servers:
                s.start()
            # One short warm-up each: caches, first children.
            for s in servers:
                run_load(s, request, 1, connections)
            per = {c: [] for c in configs}
            for r in range(rounds):
                progress(f"{request}: round {r + 1}/{rounds}")
                for s in rotated(servers, r):
                    done, cpu = run_load(s, request, seconds, connections)
                    per[s.config].append((done / seconds, cpu / done))
            for s in servers:
                s.check_log()
        finally:
            for s in servers:
                s.cleanup()
        for c in configs:
            rps = [per[c][i][0] / per[configs[0]][i][0]
                   for i in range(rounds)]
            cpu = [per[c][i][1] / per[configs[0]][i][1]
                   for i in range(rounds)]
            results[(c, request)] = (rps, cpu)
    return results


# ---- streaming ----------------------------------------------------------------

BLOCK = b"s" * (1 << 20)


def upload(port, size, chunked, path=None):
    """Send a POST body of `size` bytes as fast as the server takes it; return
    (seconds, status)."""
    if path is None:
        path = "/chunked/post.html" if chunked else "/post.html"
    head = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1",
            "User-Agent: bench", "Content-Type: application/octet-stream",
            "Connection: close"]
    head.append("Transfer-Encoding: chunked" if chunked
                else f"Content-Length: {size}")
    t0 = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), 60) as s:
        s.settimeout(600)
        s.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        left = size
        view = memoryview(BLOCK)
        while left > 0:
            k = min(left, len(BLOCK))
            if chunked:
                s.sendall(b"%x\r\n" % k)
            s.sendall(view[:k])
            if chunked:
                s.sendall(b"\r\n")
            left -= k
        if chunked:
            s.sendall(b"0\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    t = time.perf_counter() - t0
    m = re.match(rb"HTTP/1\.1 (\d{3})", data)
    if not m:
        raise RuntimeError(f"no response to the upload: {data[:200]!r}")
    return t, int(m.group(1))


def stream_once(config, size, chunked, extra):
    """A fresh apache2 -X (so its peak RSS and write_bytes are this upload's
    alone); returns (seconds, VmHWM kB, write_bytes)."""
    s = Server(config, mpm="prefork", one_process=True, extra=extra,
               name="stream").start()
    try:
        t, status = upload(s.port, size, chunked)
        # The access log line is written once the response is out.
        deadline = time.time() + 30
        while not s.a.access_lines() and time.time() < deadline:
            time.sleep(0.02)
        hwm = s.proc_status("VmHWM")
        written = s.io("write_bytes")
        if status != 200:
            raise RuntimeError(f"{config}: upload of {size} bytes got "
                               f"{status}:\n{s.a.read_log()}")
        s.check_log()
        return t, hwm, written
    finally:
        s.cleanup()


# ---- early refusal --------------------------------------------------------------

TEN_GIB = 10 << 30
EAGER = 64 << 10        # body bytes a client sends without waiting


def _timed(port, data):
    """Send data on a new connection; return (seconds to the whole status
    line, status)."""
    t0 = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), 10) as s:
        s.settimeout(30)
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        buf = b""
        while b"\r\n" not in buf:
            chunk = s.recv(4096)
            if not chunk:
                break
            buf += chunk
        t = time.perf_counter() - t0
    m = re.match(rb"HTTP/1\.1 (\d{3})", buf)
    if not m:
        raise RuntimeError(f"no status line: {buf[:200]!r}")
    return t, int(m.group(1))


REFUSAL_HEAD = ("POST /post.html HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "User-Agent: bench\r\nContent-Type: application/octet-stream"
                f"\r\nContent-Length: {TEN_GIB}\r\n\r\n").encode()
GET = (b"GET /small.html HTTP/1.1\r\nHost: 127.0.0.1\r\n"
       b"User-Agent: bench\r\nConnection: close\r\n\r\n")


def refusal(config, repeats):
    """Latency to the answer for a declared 10 GiB body (headers and the
    first 64 KiB sent without waiting) against a GET on the same server,
    interleaved; and the bytes the server read of that request (%I)."""
    s = Server(config, mpm="event", name="refusal").start()
    try:
        lat, gets, statuses = [], [], set()
        _timed(s.port, GET)                     # warm-up, not counted
        for _ in range(repeats):
            t, status = _timed(s.port, GET)
            gets.append(t)
            t, status = _timed(s.port, REFUSAL_HEAD + b"x" * EAGER)
            lat.append(t)
            statuses.add(status)
        deadline = time.time() + 10
        while len(s.a.access_lines()) < 2 * repeats + 1 and \
                time.time() < deadline:
            time.sleep(0.05)
        read = []
        for line in s.a.access_lines():
            m = re.match(r'^\S+ "POST [^"]*" (\d{3}) (\d+) ', line)
            if m:
                read.append(int(m.group(2)) - len(REFUSAL_HEAD))
        if len(read) != repeats:
            raise RuntimeError(f"{config}: {len(read)} POST lines logged, "
                               f"expected {repeats}")
        s.check_log([r"AH0\d+: .*(Request|request).*(body|Body)",
                     r"ModSecurity: Request body \(Content-Length\) is "
                     r"larger than the configured limit"])
        return (statistics.median(lat) / statistics.median(gets),
                sorted(statuses), min(read), max(read))
    finally:
        s.cleanup()
