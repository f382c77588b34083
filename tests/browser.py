"""Headless Chromium driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: commands on fd 3, answers on fd 4, one JSON
message per NUL-terminated record).  Python's standard library only.

    with Browser(tmp_dir) as b:
        page = b.page()
        status, headers = page.navigate(url)    # the main document's
        status, headers = page.reload()
        text = page.text()                  # document.body.innerText
        names = page.cookie_names()
"""
import json
import os
import select
import shutil
import subprocess
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"

# Headless, no sandbox (root), and nothing that reaches out of the machine.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--disable-extensions",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


class BrowserError(Exception):
    pass


class Browser:
    def __init__(self, tmp_dir, extra_flags=(), timeout=30):
        self.profile = tempfile.mkdtemp(prefix="chromium-", dir=str(tmp_dir))
        self.timeout = timeout
        # Our ends: we write commands to cmd_w, read answers from res_r.
        cmd_r, cmd_w = os.pipe()
        res_r, res_w = os.pipe()

        def child_fds():
            # Copies first: a pipe may already be 3 or 4.  3 and 4 end up
            # inheritable; every other descriptor of ours is not (PEP 446),
            # so close_fds=False leaks nothing.
            r, w = os.dup(cmd_r), os.dup(res_w)
            os.dup2(r, 3)
            os.dup2(w, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, "--remote-debugging-pipe",
             f"--user-data-dir={self.profile}", *extra_flags,
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, close_fds=False, preexec_fn=child_fds)
        os.close(cmd_r)
        os.close(res_w)
        self.w = cmd_w
        self.r = res_r
        self.buf = b""
        self.next_id = 0
        self.events = []

    # ---- the protocol -------------------------------------------------
    def _read_message(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.time()
            if left <= 0:
                raise BrowserError("no answer from chromium in time")
            ready, _, _ = select.select([self.r], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.r, 65536)
            if not chunk:
                raise BrowserError("chromium closed the pipe: "
                                   + self._stderr_tail())
            self.buf += chunk
        msg, _, self.buf = self.buf.partition(b"\0")
        return json.loads(msg)

    def send(self, method, params=None, session=None):
        """Send a command, wait for its answer; events met on the way are
        kept in self.events."""
        self.next_id += 1
        msg = {"id": self.next_id, "method": method,
               "params": params or {}}
        if session is not None:
            msg["sessionId"] = session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + self.timeout
        while True:
            m = self._read_message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise BrowserError(f"{method}: {m['error']}")
                return m.get("result", {})
            if "method" in m:
                self.events.append(m)

    def wait_event(self, method, session=None, pred=lambda p: True):
        """The first kept or coming event method (of session) whose params
        satisfy pred; it is taken out of self.events."""
        deadline = time.time() + self.timeout
        while True:
            for i, e in enumerate(self.events):
                if e["method"] == method and (
                        session is None or e.get("sessionId") == session) \
                        and pred(e.get("params", {})):
                    del self.events[i]
                    return e["params"]
            self.events.append(self._read_message(deadline))

    def page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"})
        sid = self.send("Target.attachToTarget", {
            "targetId": target["targetId"], "flatten": True})["sessionId"]
        return Page(self, sid)

    def _stderr_tail(self):
        try:
            self.proc.wait(timeout=2)
            return self.proc.stderr.read().decode(errors="replace")[-2000:]
        except Exception:
            return ""

    def close(self):
        try:
            if self.proc.poll() is None:
                try:
                    self.send("Browser.close")
                except (BrowserError, OSError):
                    pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        finally:
            for fd in (self.w, self.r):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self.proc.stderr.close()
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


class Page:
    def __init__(self, browser, session):
        self.b = browser
        self.sid = session
        self.send("Page.enable")
        self.send("Network.enable")

    def send(self, method, params=None):
        return self.b.send(method, params, self.sid)

    def _document_status(self, loader):
        """Status and header fields of the main document of the load
        started by loader, once the page has loaded.  The fields are the
        ones received (Set-Cookie and Clear-Site-Data included, which the
        plain response event leaves out), names as sent, repeated fields
        joined by newlines."""
        resp = self.b.wait_event(
            "Network.responseReceived", self.sid,
            lambda p: p.get("type") == "Document"
            and p.get("loaderId") == loader)
        raw = self.b.wait_event(
            "Network.responseReceivedExtraInfo", self.sid,
            lambda p: p.get("requestId") == resp["requestId"])
        self.b.wait_event("Page.loadEventFired", self.sid)
        return resp["response"]["status"], raw["headers"]

    def navigate(self, url):
        self.b.events.clear()
        r = self.send("Page.navigate", {"url": url})
        if r.get("errorText"):
            raise BrowserError(f"navigate {url}: {r['errorText']}")
        return self._document_status(r["loaderId"])

    def reload(self):
        self.b.events.clear()
        self.send("Page.reload", {"ignoreCache": True})
        nav = self.b.wait_event("Page.frameNavigated", self.sid,
                                lambda p: "parentId" not in p["frame"])
        return self._document_status(nav["frame"]["loaderId"])

    def evaluate(self, expression):
        r = self.send("Runtime.evaluate", {"expression": expression,
                                           "returnByValue": True})
        return r["result"].get("value")

    def text(self):
        return self.evaluate("document.body ? document.body.innerText : ''")

    def cookie_names(self):
        return sorted(c["name"] for c in
                      self.send("Network.getCookies")["cookies"])
