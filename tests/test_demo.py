"""The demo server of `make run`: starts from conf/demo, shows the module at
work, and stops cleanly on Ctrl-C (SIGINT to its process group)."""
import json
import os
import signal
import subprocess
import tempfile
import time

import rgtest


def test_demo_serves_refuses_and_stops_on_ctrl_c():
    root = tempfile.mkdtemp(prefix="demo-", dir=rgtest.BUILD_TESTS)
    os.chmod(root, 0o755)
    port = rgtest.free_port()
    proc = subprocess.Popen(
        [os.path.join(rgtest.ROOT, "conf", "demo", "run.sh"), str(port),
         rgtest.MODULE_SO],
        env=dict(os.environ, RUN_ROOT=root), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True)
    try:
        demo = rgtest.Apache(name="demo-client")   # only for its port/url
        demo.port = port
        deadline = time.time() + 15
        while True:
            try:
                r, _ = rgtest.get(demo, "/")
                break
            except OSError:
                assert time.time() < deadline, proc.stdout.read()
                time.sleep(0.1)
        assert r.status_line == "HTTP/1.1 200 OK"
        assert b"mod_reqguard demo" in r.body
        assert f"http://127.0.0.1:{port}/limited/".encode() in r.body
        r, closed = rgtest.get(demo, "/limited/?" + "a" * 60)
        assert r.status_line == "HTTP/1.1 414 Request-URI Too Long"
        r = rgtest.curl(demo, "/upload", ["--data-binary", "x" * 1000])
        assert r.status == 200 and r.body == b"received 1000 bytes\n"
        r = rgtest.curl(demo, "/upload", ["--data-binary", "x" * 70000])
        assert r.status == 413
        r = rgtest.curl(demo, "/reqguard-status?json")
        counters = json.loads(r.body)["counters"]
        assert counters["query"]["blocked"] == 1
        assert counters["body"]["blocked"] == 1
    finally:
        os.killpg(proc.pid, signal.SIGINT)      # what Ctrl-C does
        out = proc.communicate(timeout=20)[0].decode()
    assert f"http://127.0.0.1:{port}/" in out
    pidfile = os.path.join(root, "httpd.pid")
    assert not os.path.exists(pidfile), "apache2 did not shut down"
    with open(os.path.join(root, "error.log")) as f:
        log = f.read()
    assert "exit signal" not in log and ":error]" not in log, log
    subprocess.run(["rm", "-rf", root])
    demo.cleanup()
