"""HTTPS for test servers: a throw-away certificate for 127.0.0.1 made with
openssl, the mod_ssl configuration that serves it, and a raw TLS
connection with the interface of rgtest.Conn."""
import os
import socket
import ssl
import subprocess
import tempfile

import rgtest

# Modules a TLS test server loads.
MODULES = ["socache_shmcb", "ssl"]

# The server's own address over TLS; @ROOT@ is its ServerRoot.
CONF = """
SSLEngine on
SSLCertificateFile @ROOT@/tls/cert.pem
SSLCertificateKeyFile @ROOT@/tls/key.pem
SSLSessionCache shmcb:@ROOT@/run/ssl_scache(51200)
"""

_made = {}


def allow_startup_warnings(server):
    """mod_ssl's warning that Debian built it against a newer OpenSSL
    than the one installed: the machine's, not the test's."""
    server.allow_log(r"\[ssl:warn\].*AH01882")


def cert_files():
    """{path under the ServerRoot: PEM text}: a self-signed end-entity
    certificate for IP 127.0.0.1, valid two days, made once per run."""
    if not _made:
        with tempfile.TemporaryDirectory() as d:
            key, cert = os.path.join(d, "key.pem"), os.path.join(d, "cert.pem")
            subprocess.run(
                ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                 "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                 "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                 "-addext", "subjectAltName=IP:127.0.0.1",
                 "-addext", "basicConstraints=critical,CA:FALSE"],
                check=True, capture_output=True, timeout=30)
            for name, path in (("cert.pem", cert), ("key.pem", key)):
                with open(path) as f:
                    _made["tls/" + name] = f.read()
    return dict(_made)


class TlsConn(rgtest.Conn):
    """rgtest.Conn over TLS; the test certificate is not verified."""

    def __init__(self, port, timeout=10):
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        plain = socket.create_connection(("127.0.0.1", port), timeout)
        self.sock = ctx.wrap_socket(plain)
        self.sock.settimeout(timeout)
        self.buf = b""
        self.eof = False


def request(server, data, timeout=10):
    """Send exact bytes over TLS, return the Response."""
    with TlsConn(server.port, timeout) as c:
        c.send(data)
        return c.read_response()
