"""Installing mod_reqguard.

`make install` / `make uninstall` into a DESTDIR: an edited conf file is
never overwritten nor removed.  These run in `make test`.

The Debian package (`make test-package`, which sets REQGUARD_DEB): it is
installed with apt-get into this machine's real /etc/apache2, enabled the
way Debian's own module packages are, passes `apache2ctl configtest`,
serves a 431 from Apache started on that configuration (on a loopback port
instead of ports.conf's), keeps an administrator's choices over a
reinstall, and leaves nothing behind when purged.  Those tests change the
machine's Apache configuration, so `make test` does not run them; the
package tests run in the order of this file, on one installation.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time

import pytest

import rgtest
from test_hosting import snippet

PKG = "libapache2-mod-reqguard"
DEB = os.environ.get("REQGUARD_DEB")
ETC = "/etc/apache2"
MODDIR = "/usr/lib/apache2/modules"
CONF_FILES = ("reqguard.load", "reqguard.conf")
APT = ["apt-get", "-y", "-q", "-o", "DPkg::Lock::Timeout=300"]
APT_ENV = dict(os.environ, DEBIAN_FRONTEND="noninteractive")

system = pytest.mark.skipif(
    not DEB, reason="installs into /etc/apache2: run by make test-package")


def run(*cmd, check=True, **kw):
    p = subprocess.run(list(cmd), capture_output=True, text=True,
                       timeout=300, **kw)
    if check:
        assert p.returncode == 0, f"{cmd}: {p.stdout}\n{p.stderr}"
    return p


def shipped(name):
    with open(os.path.join(rgtest.ROOT, "conf", name)) as f:
        return f.read()


def read(path):
    with open(path) as f:
        return f.read()


# ---- make install / make uninstall into a DESTDIR ----------------------------

def make(target, destdir):
    return run("make", "-s", "--no-print-directory", "-C", rgtest.ROOT,
               target, f"DESTDIR={destdir}")


@pytest.fixture
def destdir():
    d = rgtest.test_dir("destdir")
    yield d
    shutil.rmtree(d, ignore_errors=True)


def test_make_install_keeps_an_edited_conf_and_uninstall_too(destdir):
    avail = f"{destdir}{ETC}/mods-available"
    pristine = f"{destdir}/usr/local/share/mod_reqguard"
    out = make("install", destdir).stdout
    assert os.path.isfile(f"{destdir}{MODDIR}/mod_reqguard.so")
    assert os.path.isfile(f"{destdir}/usr/local/share/man/man8/"
                          "mod_reqguard.8")
    for f in CONF_FILES:
        assert read(f"{avail}/{f}") == shipped(f)
        assert read(f"{pristine}/{f}") == shipped(f)
        assert f"installed {avail}/{f}" in out

    # Again, nothing edited: nothing to say but "unchanged".
    out = make("install", destdir).stdout
    assert f"unchanged {avail}/reqguard.conf" in out

    # The administrator edits reqguard.conf: kept, the new one beside it.
    edited = shipped("reqguard.conf") + "ReqGuardMaxBody 1M\n"
    with open(f"{avail}/reqguard.conf", "w") as f:
        f.write(edited)
    out = make("install", destdir).stdout
    assert (f"kept your edited {avail}/reqguard.conf; the new one is "
            f"{avail}/reqguard.conf.dist") in out
    assert read(f"{avail}/reqguard.conf") == edited
    assert read(f"{avail}/reqguard.conf.dist") == shipped("reqguard.conf")

    # An unedited file from an older version is replaced.
    old = "# an older reqguard.load\n"
    for path in (f"{avail}/reqguard.load", f"{pristine}/reqguard.load"):
        with open(path, "w") as f:
            f.write(old)
    out = make("install", destdir).stdout
    assert f"installed {avail}/reqguard.load" in out
    assert read(f"{avail}/reqguard.load") == shipped("reqguard.load")

    # Enabled by hand, then uninstalled: the edited conf stays.
    enabled = f"{destdir}{ETC}/mods-enabled"
    os.makedirs(enabled)
    for f in CONF_FILES:
        os.symlink(f"../mods-available/{f}", f"{enabled}/{f}")
    out = make("uninstall", destdir).stdout
    assert f"kept your edited {avail}/reqguard.conf" in out
    assert f"removed {avail}/reqguard.load" in out
    assert os.listdir(avail) == ["reqguard.conf"]
    assert read(f"{avail}/reqguard.conf") == edited
    assert os.listdir(enabled) == []
    assert not os.path.exists(f"{destdir}{MODDIR}/mod_reqguard.so")
    assert not os.path.exists(pristine)


# ---- the Debian package in the real /etc/apache2 --------------------------------

def installed():
    p = run("dpkg-query", "-W", "-f=${Status}", PKG, check=False)
    return p.returncode == 0 and "ok installed" in p.stdout


def traces():
    """Everything of the module's in the Apache configuration."""
    found = []
    for d in ("mods-available", "mods-enabled"):
        found += [f"{ETC}/{d}/{f}" for f in os.listdir(f"{ETC}/{d}")
                  if f.startswith("reqguard")]
    state = "/var/lib/apache2/module"
    if os.path.isdir(state):
        for d in os.listdir(state):
            if os.path.exists(f"{state}/{d}/reqguard"):
                found.append(f"{state}/{d}/reqguard")
    if os.path.exists(f"{MODDIR}/mod_reqguard.so"):
        found.append(f"{MODDIR}/mod_reqguard.so")
    return found


def apt_install(*extra):
    return run(*APT, "install", *extra, DEB, env=APT_ENV)


@pytest.fixture(scope="module")
def package():
    """The package installed from REQGUARD_DEB; purged afterwards."""
    if installed():                 # left by an interrupted run
        run(*APT, "purge", PKG, env=APT_ENV)
    assert traces() == [], (
        "mod_reqguard files not owned by the package (make uninstall "
        f"first): {traces()}")
    p = apt_install()
    yield p
    if installed():
        run(*APT, "purge", PKG, env=APT_ENV)


class RealApache:
    """Apache on the machine's /etc/apache2, with ports.conf replaced by a
    Listen on a free loopback port, and its run, lock and log files in a
    directory of its own."""

    def __init__(self):
        self.dir = rgtest.test_dir("real")
        self.port = rgtest.free_port()
        main = read(f"{ETC}/apache2.conf")
        assert "\nInclude ports.conf\n" in main
        main = main.replace("\nInclude ports.conf\n",
                            f"\nListen 127.0.0.1:{self.port}\n")
        self.conf = os.path.join(self.dir, "apache2.conf")
        with open(self.conf, "w") as f:
            f.write(main)
        self.env = (f". {ETC}/envvars; "
                    f"export APACHE_RUN_DIR={self.dir} "
                    f"APACHE_PID_FILE={self.dir}/apache2.pid "
                    f"APACHE_LOCK_DIR={self.dir} "
                    f"APACHE_LOG_DIR={self.dir}; ")
        self.proc = None

    def apache2(self, *args):
        return run("sh", "-c", self.env + "exec /usr/sbin/apache2 -d "
                   f"{ETC} -f {self.conf} " + " ".join(args), check=False)

    def start(self):
        self.proc = subprocess.Popen(
            ["sh", "-c", self.env + f"exec /usr/sbin/apache2 -d {ETC} "
             f"-f {self.conf} -DFOREGROUND"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 15
        while True:
            assert self.proc.poll() is None, self.proc.stdout.read()
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return self
            except OSError:
                assert time.time() < deadline
                time.sleep(0.05)

    def error_log(self):
        try:
            return read(os.path.join(self.dir, "error.log"))
        except OSError:
            return ""

    def stop(self):
        if self.proc is not None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=15)
            self.proc.stdout.close()
            self.proc = None
        log = self.error_log()
        shutil.rmtree(self.dir, ignore_errors=True)
        return log


@pytest.fixture
def real_apache():
    made = []

    def start():
        a = RealApache().start()
        made.append(a)
        return a

    yield start
    for a in made:
        log = a.stop()
        assert "exit signal" not in log, log


@system
def test_install_enables_the_module_the_debian_way(package):
    assert installed()
    assert os.path.isfile(f"{MODDIR}/mod_reqguard.so")
    for f in CONF_FILES:
        assert read(f"{ETC}/mods-available/{f}") == shipped(f)
        link = f"{ETC}/mods-enabled/{f}"
        assert os.readlink(link) == f"../mods-available/{f}"
    conffiles = run("dpkg-query", "-W", "-f=${Conffiles}", PKG).stdout
    assert sorted(re.findall(r"^ (\S+) [0-9a-f]{32}$", conffiles, re.M)) == \
        [f"{ETC}/mods-available/reqguard.conf",
         f"{ETC}/mods-available/reqguard.load"]
    # apache2-maintscript-helper enabled it, and remembers that it did.
    assert run("a2query", "-m", "reqguard").returncode == 0
    assert os.path.exists("/var/lib/apache2/module/enabled_by_maint/reqguard")
    assert run("man", "-w", "mod_reqguard").stdout.strip() == \
        "/usr/share/man/man8/mod_reqguard.8.gz"
    docs = os.listdir(f"/usr/share/doc/{PKG}")
    for d in ("directives.md.gz", "hosting.md.gz", "README.md.gz",
              "copyright", "changelog.gz"):
        assert d in docs


@system
def test_configtest_passes(package):
    p = run("apache2ctl", "configtest", check=False)
    assert p.returncode == 0 and "Syntax OK" in p.stdout + p.stderr, p


@system
def test_installed_apache_answers_431(package, real_apache):
    srv = real_apache()
    p = srv.apache2("-M")
    assert " reqguard_module (shared)" in p.stdout
    # Core's 400 for a field over LimitRequestFieldSize, remapped by the
    # packaged defaults.
    r, closed = rgtest.get(srv, "/", headers=[("X-Big", "b" * 9000)])
    assert r.status_line == "HTTP/1.1 431 Request Header Fields Too Large"
    assert r.header("Cache-Control") == "no-store"
    assert "X-Big" in r.text and closed
    # The packaged status page, for local clients.
    r, _ = rgtest.get(srv, "/reqguard-status?format=json")
    assert r.status == 200
    js = json.loads(r.body)
    assert js["counters"]["core-field-size"] == {"blocked": 1,
                                                 "reported": 0}


@system
def test_guide_enables_the_hosting_conf(package, real_apache):
    conf = f"{ETC}/conf-available/reqguard-hosting.conf"
    assert not os.path.exists(conf)
    with open(conf, "w") as f:
        f.write(snippet("hosting-conf"))
    try:
        p = run("sh", "-ec", snippet("enable"), check=False)
        assert p.returncode == 0, p
        assert "Syntax OK" in p.stdout + p.stderr
        srv = real_apache()
        r, _ = rgtest.get(srv, "/", headers=[("X-Token", "t" * 5000)])
        assert r.status == 431
        assert "X-Token" in r.text
    finally:
        run("a2disconf", "-q", "reqguard-hosting", check=False)
        os.unlink(conf)
        shutil.rmtree("/var/lib/apache2/conf/enabled_by_admin/"
                      "reqguard-hosting", ignore_errors=True)
    assert not os.path.exists(f"{ETC}/conf-enabled/reqguard-hosting.conf")


@system
def test_make_install_refuses_while_the_package_is_installed(package):
    before = read(f"{ETC}/mods-available/reqguard.conf")
    for target in ("install", "uninstall"):
        p = run("make", "-s", "--no-print-directory", "-C", rgtest.ROOT,
                target, check=False)
        assert p.returncode != 0
        assert f"{PKG} is installed: apt-get remove it first" in p.stderr
    assert read(f"{ETC}/mods-available/reqguard.conf") == before
    assert installed()


@system
def test_reinstall_keeps_an_edited_conf_and_a_disabled_module(package):
    path = f"{ETC}/mods-available/reqguard.conf"
    edited = shipped("reqguard.conf") + "# edited by the administrator\n"
    with open(path, "w") as f:
        f.write(edited)
    run("a2dismod", "-q", "reqguard")
    try:
        apt_install("--reinstall")
        assert read(path) == edited
        # Disabled by the administrator: a reinstall does not enable it.
        assert run("a2query", "-m", "reqguard", check=False).returncode == 32
        assert not os.path.exists(f"{ETC}/mods-enabled/reqguard.load")
    finally:
        run("a2enmod", "-q", "reqguard")
        with open(path, "w") as f:
            f.write(shipped("reqguard.conf"))


@system
def test_purge_leaves_nothing_enabled(package):
    run(*APT, "purge", PKG, env=APT_ENV)
    assert not installed()
    assert traces() == []
    assert not os.path.exists("/usr/share/man/man8/mod_reqguard.8.gz")
    p = run("apache2ctl", "configtest", check=False)
    assert p.returncode == 0 and "Syntax OK" in p.stdout + p.stderr, p
    p = run("apache2ctl", "-M", check=False)
    assert "reqguard" not in p.stdout
