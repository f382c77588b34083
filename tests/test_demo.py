"""The demo server of `make run`: starts from conf/demo, every command,
link and form of its front page gets the status the page promises (431
module and remapped, 414 target and query, 413 declared and streamed, 411,
408), a real browser follows the cookie links to a 431, the code blocks
wrap at 1200 px, two demos run side by side on two ports, and Ctrl-C
(SIGINT to its process group) stops a demo cleanly."""
import html
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse

import pytest

import rgtest

RUN_SH = os.path.join(rgtest.ROOT, "conf", "demo", "run.sh")
CHROMIUM = "/usr/bin/chromium"

# What the front page must show: (status, kind) of every refusal.
EVERY_STATUS = {
    ("431", "field-size"), ("431", "core-field-size"), ("414", "uri"),
    ("414", "query"), ("413", "body"), ("411", "length-required"),
    ("408", "body-timeout")}


class Demo:
    """conf/demo/run.sh on a port, as `make run PORT=...` starts it."""

    def __init__(self, root=None):
        self.port = rgtest.free_port()
        env = dict(os.environ)
        if root is not None:
            env["RUN_ROOT"] = root
        self.root = root or os.path.join(rgtest.ROOT, "build", "run",
                                         str(self.port))
        self.proc = subprocess.Popen(
            [RUN_SH, str(self.port), rgtest.MODULE_SO], env=env,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=rgtest.allow_core_files)
        deadline = time.time() + 15
        while True:
            try:
                r, _ = rgtest.get(self, "/")
                break
            except OSError:
                assert self.proc.poll() is None, self.proc.stdout.read()
                assert time.time() < deadline
                time.sleep(0.1)
        assert r.status_line == "HTTP/1.1 200 OK"
        self.page = r.text

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def stop(self):
        """Ctrl-C; returns what run.sh printed and the error log."""
        os.killpg(self.proc.pid, signal.SIGINT)
        out = self.proc.communicate(timeout=20)[0].decode()
        with open(os.path.join(self.root, "error.log")) as f:
            log = f.read()
        return out, log

    def crashes(self, log):
        """The lines of log about a child that crashed, but for Apache's
        own crash at shutdown (rgtest.unexplained_crashes)."""
        return rgtest.unexplained_crashes(self.root, log)

    def counters(self):
        r, _ = rgtest.get(self, "/reqguard-status?format=json")
        return json.loads(r.body)["counters"]


@pytest.fixture(scope="module")
def demo():
    root = rgtest.test_dir("demo")
    d = Demo(root)
    yield d
    out, log = d.stop()
    # mod_cgid's own line about a body the module refused while the CGI
    # read it (the streamed 413 and the 408), as for core's limits.
    errors = [l for l in log.splitlines()
              if ":error]" in l and "AH01270" not in l]
    assert not d.crashes(log) and not errors, log
    assert log.count("AH01270") == 2
    shutil.rmtree(root, ignore_errors=True)


def final_status(curl_output):
    codes = re.findall(r"^HTTP/[\d.]+ (\d{3})", curl_output, re.M)
    codes = [c for c in codes if not c.startswith("1")]
    return codes[-1] if codes else None


def commands(page):
    """[(expected status, kind, shell command)] of the page's <pre>s."""
    return [(s, k, html.unescape(t)) for s, k, t in re.findall(
        r'<pre data-expect="(\d+)" data-kind="([\w-]+)">(.*?)</pre>', page,
        re.S)]


def test_every_command_on_the_page_gets_its_status(demo):
    cmds = commands(demo.page)
    assert {(s, k) for s, k, _ in cmds} == EVERY_STATUS
    assert ("413", "body") in [(s, k) for s, k, _ in cmds]
    assert len([1 for s, k, _ in cmds if (s, k) == ("413", "body")]) == 2
    before = demo.counters()
    for status, kind, cmd in cmds:
        assert f"http://127.0.0.1:{demo.port}/" in cmd
        t0 = time.time()
        p = subprocess.run(["sh", "-c", cmd], capture_output=True,
                           timeout=60)
        out = p.stdout.decode("latin-1")
        assert final_status(out) == status, (cmd, out[:500], p.stderr)
        if status == "408":
            assert 1.5 < time.time() - t0 < 8
    after = demo.counters()
    want = {}
    for _, kind, _ in cmds:
        want[kind] = want.get(kind, 0) + 1
    for kind, n in want.items():
        assert after[kind]["blocked"] - before[kind]["blocked"] == n, kind


def curl_browser(demo, path, jar):
    """GET path like a browser: follow redirects, keep cookies."""
    p = subprocess.run(
        ["curl", "-sS", "-L", "-c", jar, "-b", jar, "-o", "/dev/null",
         "-w", "%{http_code}", demo.url + path],
        capture_output=True, text=True, timeout=30)
    return p.stdout


def test_links_and_forms_get_their_status(demo, tmp_path):
    page = demo.page
    links = re.findall(r'<a data-expect="(\d+)" href="([^"]+)"', page)
    assert sorted(s for s, _ in links) == ["414", "414", "431", "431"]
    for i, (status, href) in enumerate(links):
        if href == "/try/cookies/big":
            continue        # curl sends no Cookie field over 8190 bytes
        jar = str(tmp_path / f"cookies-{i}")
        assert curl_browser(demo, html.unescape(href), jar) == status, href
    # What a browser does with /try/cookies/big (Chromium itself in the
    # next test): the three cookies come back as one Cookie field.
    r, _ = rgtest.get(demo, "/try/cookies/big")
    assert r.status == 303 and r.header("Location") == "/big/"
    cookies = [c.split(";")[0] for c in r.header_all("Set-Cookie")]
    assert all(c.endswith("; Path=/big/; Max-Age=120")
               for c in r.header_all("Set-Cookie"))
    field = "; ".join(cookies)
    assert len("Cookie: " + field) > 8190
    r, closed = rgtest.get(demo, "/big/", headers=[("Cookie", field)])
    assert r.status == 431 and closed
    r, _ = rgtest.get(demo, "/try/cookies/clear")
    assert r.status == 303 and r.header("Location") == "/"
    assert sorted(r.header_all("Set-Cookie")) == [
        "big1=; Path=/big/; Max-Age=0", "big2=; Path=/big/; Max-Age=0",
        "big3=; Path=/big/; Max-Age=0", "demo=; Path=/limited/; Max-Age=0"]
    # The form that sends 100 KB: what a browser sends for it.
    (action, n) = re.findall(
        r'<form class="try" method="post" action="([^"]+)" '
        r'data-expect="413" data-fill="(\d+)"', page)[0]
    body = urllib.parse.urlencode({"filler": "x" * int(n)}).encode()
    r, closed = rgtest.get(demo, action, method="POST", body=body, headers=[
        ("Content-Type", "application/x-www-form-urlencoded")])
    assert r.status == 413 and closed
    assert "'x'.repeat(100000)" in page
    # The upload form posts to the same CGI; a small file goes through.
    assert 'enctype="multipart/form-data"' in page
    r = rgtest.curl(demo, "/upload", ["-F", "file=@-;filename=a.txt"])
    assert r.status == 200


def chromium(tmp_path, url, *args):
    """Headless Chromium; a fresh profile unless args name one."""
    if not any(a.startswith("--user-data-dir=") for a in args):
        profile = tempfile.mkdtemp(prefix="chromium-", dir=str(tmp_path))
        args += (f"--user-data-dir={profile}",)
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
         *args, url],
        capture_output=True, text=True, timeout=90)


def test_browser_follows_the_cookie_links_to_a_431(demo, tmp_path):
    """Chromium, one profile: each cookie link ends on a 431 page; after
    the "remove" link both pages open again."""
    profile = str(tmp_path / "profile")

    def visit(path):
        p = chromium(tmp_path, demo.url + path, "--dump-dom",
                     "--virtual-time-budget=5000",
                     f"--user-data-dir={profile}")
        assert p.returncode == 0, p.stderr[-2000:]
        return p.stdout

    for path, page in (("/try/cookies/small", "/limited/"),
                       ("/try/cookies/big", "/big/")):
        dom = visit(path)
        assert "<h1>Request Header Fields Too Large</h1>" in dom, path
        assert "<code>Cookie</code>" in dom
        dom = visit(page)                       # the cookies stay
        assert "<h1>Request Header Fields Too Large</h1>" in dom, page
    assert "<h1>mod_reqguard demo</h1>" in visit("/try/cookies/clear")
    assert "tighter limits" in visit("/limited/")
    assert "No cookie of the demo" in visit("/big/")


def test_code_blocks_wrap_at_1200px(demo, tmp_path):
    """The page as served, measured by Chromium in a 1200 px window: no
    <pre> and not the page scrolls sideways."""
    probe = ("<script>addEventListener('load', () => {"
             "const over = [...document.querySelectorAll('pre')]"
             ".filter(p => p.scrollWidth > p.clientWidth).length;"
             "const page = document.documentElement.scrollWidth > innerWidth;"
             "document.body.insertAdjacentHTML('beforeend',"
             "`<p id=probe>pre=${over} page=${page} "
             "n=${document.querySelectorAll('pre').length}</p>`);"
             "});</script>")
    copy = tmp_path / "index.html"
    copy.write_text(demo.page.replace("</body>", probe + "</body>"))
    p = chromium(tmp_path, copy.as_uri(), "--dump-dom",
                 "--window-size=1200,900", "--virtual-time-budget=2000")
    assert p.returncode == 0, p.stderr[-2000:]
    m = re.search(r'<p id="probe">pre=(\d+) page=(\w+) n=(\d+)</p>',
                  p.stdout)
    assert m, p.stdout[-2000:]
    assert m.group(1) == "0" and m.group(2) == "false"
    assert int(m.group(3)) >= 9


def test_counters_and_metrics_are_linked(demo):
    for href in ("/reqguard-status", "/reqguard-status?format=json",
                 "/reqguard-status?format=prometheus", "/server-status"):
        assert f'<a href="{href}">' in demo.page
        r, _ = rgtest.get(demo, href)
        assert r.status == 200, href
    r, _ = rgtest.get(demo, "/server-status")
    assert "<h2>mod_reqguard</h2>" in r.text


def test_two_demos_on_two_ports_and_ctrl_c():
    a, b = Demo(), Demo()
    try:
        assert a.root != b.root
        assert a.root == os.path.join(rgtest.ROOT, "build", "run",
                                      str(a.port))
        for d in (a, b):
            assert f"http://127.0.0.1:{d.port}/limited/" in d.page
            r, _ = rgtest.get(d, "/limited/?" + "a" * 60)
            assert r.status_line == "HTTP/1.1 414 Request-URI Too Long"
            assert d.counters()["query"]["blocked"] == 1
        # A second demo on a port already in use by a demo is refused.
        p = subprocess.run([RUN_SH, str(a.port), rgtest.MODULE_SO],
                           capture_output=True, text=True, timeout=30)
        assert p.returncode == 1
        assert f"already running on port {a.port}" in p.stderr
        r, _ = rgtest.get(a, "/")
        assert r.status == 200
    finally:
        results = [d.stop() for d in (a, b)]
    for d, (out, log) in zip((a, b), results):
        assert f"http://127.0.0.1:{d.port}/" in out
        assert out.rstrip().endswith("stopped")
        assert not os.path.exists(os.path.join(d.root, "httpd.pid"))
        assert not d.crashes(log) and ":error]" not in log, log
        shutil.rmtree(d.root)
