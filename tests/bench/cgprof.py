"""Callgrind profiles of a single-process Apache, read and checked.

A profile is a number only when everything about it can be verified: the
server exited with status 0, the profile file exists, has its `totals:` line,
the self costs of all its functions add up to exactly that total, valgrind's
own log reports the same total, the total is plausible for an Apache that
started, served and stopped, and every request got its expected status.
Anything else raises ProfileError; a figure is never made up from a missing
or truncated profile.
"""
import collections
import os
import re
import signal
import socket
import subprocess
import time

import setups


class ProfileError(RuntimeError):
    pass


# An apache2 -X that starts, loads its modules and stops executes well
# over this many instructions; a smaller total is a profile cut short.
MIN_PLAUSIBLE_TOTAL = 2_000_000


def _base(fn):
    """The function's name without callgrind's recursion-depth suffix
    (ap_get_brigade'2 is ap_get_brigade called from within itself)."""
    return re.sub(r"'\d+$", "", fn)


class Profile:
    """Self cost per function and call edges of one callgrind output file.

    self_cost: {(object, function): Ir executed in the function itself}
    calls:     {((object, function), (object, function)): [count, Ir]}
               Ir is the inclusive cost of those calls.
    """

    def __init__(self, path):
        self.path = path
        self.total = None
        self.self_cost = collections.Counter()
        self.calls = {}
        self._parse()

    def _parse(self):
        names = {"ob": {}, "fl": {}, "fn": {}}
        # Which name space each key compresses into.
        space = {"ob": "ob", "cob": "ob", "fn": "fn", "cfn": "fn",
                 "fl": "fl", "fi": "fl", "fe": "fl", "cfi": "fl",
                 "cfl": "fl"}

        def name(key, text):
            table = names[space[key]]
            m = re.match(r"\((\d+)\)(?: (.*))?$", text)
            if not m:
                return text
            if m.group(2) is not None:
                table[m.group(1)] = m.group(2)
                return m.group(2)
            if m.group(1) not in table:
                raise ProfileError(f"{self.path}: undefined name "
                                   f"({m.group(1)}) for {key}")
            return table[m.group(1)]

        ob = fn = None
        cob = cfn = None
        call_count = None
        events = None
        for line in open(self.path, encoding="latin-1"):
            line = line.rstrip("\n")
            if not line:
                continue
            c = line[0]
            if c.isdigit() or c in "+-*":
                parts = line.split()
                cost = int(parts[1]) if len(parts) > 1 else 0
                if call_count is not None:
                    key = ((ob, fn), (cob if cob is not None else ob, cfn))
                    edge = self.calls.setdefault(key, [0, 0])
                    edge[0] += call_count
                    edge[1] += cost
                    call_count = None
                    cob = None
                else:
                    self.self_cost[(ob, fn)] += cost
                continue
            key, sep, value = line.partition("=")
            if sep and key in space:
                if key == "ob":
                    ob = name(key, value)
                elif key == "fn":
                    fn = _base(name(key, value))
                    cob = None
                elif key == "cob":
                    cob = name(key, value)
                elif key == "cfn":
                    cfn = _base(name(key, value))
                else:
                    name(key, value)
                continue
            if sep and key == "calls":
                call_count = int(value.split()[0])
                continue
            if sep and key in ("jump", "jcnd"):
                continue
            key, sep, value = line.partition(":")
            if key == "events":
                events = value.split()
            elif key == "totals":
                self.total = int(value.split()[0])
        if events != ["Ir"]:
            raise ProfileError(f"{self.path}: unexpected events {events}")
        if self.total is None:
            raise ProfileError(f"{self.path}: no totals line (truncated?)")
        summed = sum(self.self_cost.values())
        if summed != self.total:
            raise ProfileError(f"{self.path}: functions add up to {summed}, "
                               f"totals line says {self.total}")

    def object_cost(self, basename):
        """Ir executed inside the shared object named basename."""
        return sum(v for (ob, _), v in self.self_cost.items()
                   if ob and os.path.basename(ob) == basename)


def _listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), 0.5):
            return True
    except OSError:
        return False


def _stop(proc):
    """SIGTERM until apache2 -X exits.  A SIGTERM that lands between the
    child loop's check of its shutdown flag and the blocking accept() only
    sets the flag; the next one interrupts accept() (no SA_RESTART) and the
    loop ends.  Each extra signal costs a signal handler's few instructions,
    nothing else: no connection is made."""
    deadline = time.time() + 300
    wait = 5
    while proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            wait = 2
            if time.time() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
                raise ProfileError("apache2 under valgrind did not stop")


def profile(config, request, n, workdir_name="bench"):
    """Run apache2 -X under callgrind with `config`, send `n` requests of
    kind `request`, stop it, and return the checked Profile."""
    a = setups.server(config, request, mpm="prefork", name=workdir_name)
    a.write_files()
    outdir = os.path.join(a.root, "callgrind")
    os.makedirs(outdir)
    out = os.path.join(outdir, "callgrind.out")
    vglog = os.path.join(outdir, "valgrind.log")
    # valgrind runs as www-data from the start (not through runuser, whose
    # signal forwarding kills its child two seconds after a SIGTERM, which
    # can be before callgrind has written its profile): the profile is
    # opened at start and written at exit by the same user.
    kw = {}
    if os.geteuid() == 0:
        subprocess.run(["chown", "-R", "www-data:www-data", a.root],
                       check=True)
        kw = dict(user="www-data", group="www-data", extra_groups=[])
    cmd = ["valgrind", "--tool=callgrind", "--vgdb=no",
           f"--callgrind-out-file={out}", f"--log-file={vglog}",
           setups.APACHE2, "-X", "-d", a.root, "-f", "httpd.conf"]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL,
                            start_new_session=True,
                            **kw)
    try:
        deadline = time.time() + 120
        while not _listening(a.port):
            if proc.poll() is not None:
                raise ProfileError(
                    f"apache2 under valgrind exited with {proc.returncode} "
                    f"before listening:\n{a.read_log()}")
            if time.time() > deadline:
                raise ProfileError("apache2 under valgrind did not start")
            time.sleep(0.1)
        # The whole error log is checked, start-up included.
        for pattern in setups.allowed_log(request):
            a.allow_log(pattern)
        setups.send(request, a.port, n)
        # Stop it once it has logged the last request and gone back to
        # accept().
        deadline = time.time() + 60
        while len(a.access_lines()) < n and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
    finally:
        _stop(proc)
    try:
        if proc.returncode != 0:
            raise ProfileError(f"valgrind/apache2 exited with "
                               f"{proc.returncode}")
        if not os.path.exists(out) or os.path.getsize(out) == 0:
            raise ProfileError(f"no profile written: {out}")
        prof = Profile(out)
        with open(vglog) as f:
            m = re.search(r"Collected : (\d+)", f.read())
        if not m or int(m.group(1)) != prof.total:
            raise ProfileError(f"valgrind log does not confirm the total "
                               f"{prof.total}: {vglog}")
        if prof.total < MIN_PLAUSIBLE_TOTAL:
            raise ProfileError(f"implausible total {prof.total}")
        bad = a.unexpected_log_lines()
        if bad:
            raise ProfileError("error log:\n" + "\n".join(bad))
        statuses = setups.access_statuses(a)
        want = setups.REQUESTS[request].status
        if statuses != [want] * n:
            raise ProfileError(
                f"{config}/{request}: access log shows "
                f"{collections.Counter(statuses)}, expected {n} x {want}")
        return prof
    finally:
        a.cleanup()
