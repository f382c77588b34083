"""Helpers for the body guard tests: request bodies sent exactly as a
client would (Content-Length, chunked, slowly), the body readers used as
fixtures (a CGI, a PHP script behind a real PHP-FPM), and the access log.
"""
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time

import rgtest

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures", "body")
PHP_FPM = "/usr/sbin/php-fpm8.2"


def fixture(name):
    with open(os.path.join(FIXTURES, name)) as f:
        return f.read()


def body_of(n, seed=b"reqguard-body-"):
    """n bytes of a recognisable, non-repeating-looking body."""
    out = bytearray()
    i = 0
    while len(out) < n:
        out += seed + str(i).encode() + b";"
        i += 1
    return bytes(out[:n])


def digest_line(body):
    """What echo.cgi and read.php answer for a body: byte count, sha256."""
    return f"{len(body)} {hashlib.sha256(body).hexdigest()}\n".encode()


def chunked(body, size=400):
    """body in chunked transfer coding, chunks of size bytes."""
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def head(path, body_len=None, is_chunked=False, headers=(),
         method="POST"):
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1",
             "Content-Type: application/octet-stream"]
    if is_chunked:
        lines.append("Transfer-Encoding: chunked")
    elif body_len is not None:
        lines.append(f"Content-Length: {body_len}")
    lines += [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def request_bytes(path, body, is_chunked=False, headers=(), chunk=400):
    if is_chunked:
        return (head(path, is_chunked=True, headers=headers)
                + chunked(body, chunk))
    return head(path, len(body), headers=headers) + body


def dechunk(data):
    """Decode a chunked body that may have been cut: (payload, whether it
    ended with the last chunk)."""
    out = b""
    while data:
        line, sep, rest = data.partition(b"\r\n")
        if not sep:
            return out, False
        size = int(line.split(b";")[0], 16)
        if size == 0:
            return out, True
        if len(rest) < size + 2:
            return out + rest[:size], False
        out += rest[:size]
        data = rest[size + 2:]
    return out, False


def read_to_eof(conn, limit=5.0):
    """Everything the server still sends until it closes (or limit s)."""
    deadline = time.time() + limit
    while time.time() < deadline and conn._fill():
        pass
    data, conn.buf = conn.buf, b""
    return data


def access_mark(server):
    """Where the access log ends now; pass to access_since."""
    return len(server.access_lines())


def access_since(server, mark, path, status=None, count=1, timeout=3.0,
                 version=None):
    """The access-log lines for a request-target (and status) written after
    mark, waiting for count of them: Apache logs a request after its
    response went out, so a line can come late."""
    deadline = time.time() + timeout
    rx = re.compile(r'"\S+ ' + re.escape(path) + " "
                    + (re.escape(version) if version else r"\S+") + '" '
                    + (str(status) if status else r"\d{3}") + " ")
    while True:
        lines = [l for l in server.access_lines()[mark:] if rx.search(l)]
        if len(lines) >= count or time.time() > deadline:
            assert len(lines) >= count, (path, status, lines)
            return lines
        time.sleep(0.05)


def logio_in(line):
    """%I of an access-log line written with the harness format."""
    m = re.search(r'" (\d{3}) (\d+|-) (\d+|-) v=', line)
    assert m, line
    return int(m.group(2))


class PhpFpm:
    """A real PHP-FPM on a unix socket in its own directory, workers as
    www-data, stopped by pid."""

    def __init__(self):
        self.dir = rgtest.test_dir("php-fpm")
        self.sock = os.path.join(self.dir, "php.sock")
        self.log = os.path.join(self.dir, "php-fpm.log")
        self.proc = None

    def start(self):
        conf = os.path.join(self.dir, "php-fpm.conf")
        with open(conf, "w") as f:
            f.write(f"""[global]
pid = {self.dir}/php-fpm.pid
error_log = {self.log}
daemonize = no

[rg]
user = www-data
group = www-data
listen = {self.sock}
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = static
pm.max_children = 4
catch_workers_output = yes
""")
        self.proc = subprocess.Popen(
            [PHP_FPM, "-n", "-y", conf, "-F",
             "-d", "post_max_size=0", "-d", "enable_post_data_reading=0"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + 10
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("php-fpm did not start:\n"
                                   + self.read_log())
            try:
                with socket.socket(socket.AF_UNIX) as s:
                    s.connect(self.sock)
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("php-fpm: no socket:\n" + self.read_log())

    def read_log(self):
        try:
            with open(self.log) as f:
                return f.read()
        except OSError:
            return ""

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.proc = None

    def cleanup(self):
        self.stop()
        if not os.environ.get("KEEP_TEST_SERVERS"):
            shutil.rmtree(self.dir, ignore_errors=True)
