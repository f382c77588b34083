"""A real browser gets out of a cookie 431 on the next reload: headless
Chromium, driven over the DevTools protocol, loads a page whose script sets
cookies over the limit; the reload gets the 431, whose response clears
them; the next reload gets 200.  ReqGuardCookieRecovery Expire on http,
ClearSiteData on https (mod_ssl with a certificate the test makes)."""
import os
import re

import pytest

import browser
import tls_util

# The page sets six cookies of 905 bytes (and one small one) on its first
# visit only; a data: icon keeps the browser from asking for a favicon.
APP = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>app</title></head>
<body><p>the application</p><script>
if (!localStorage.getItem('visited')) {
  localStorage.setItem('visited', '1');
  for (var i = 0; i < 6; i++) {
    document.cookie = 'big' + i + '=' + 'x'.repeat(900) + '; path=/%s';
  }
  document.cookie = 'small=1; path=/';
}
</script></body></html>
"""
BIG = ["big%d" % i for i in range(6)]

pytestmark = pytest.mark.skipif(not os.path.exists(browser.CHROMIUM),
                                reason="no chromium")


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    with browser.Browser(tmp_path_factory.mktemp("browser"),
                         ["--ignore-certificate-errors"]) as b:
        yield b


def app_statuses(server):
    return [int(m.group(1)) for m in
            (re.search(r'"GET /app/ HTTP/1\.1" (\d+)', l)
             for l in server.access_lines()) if m]


def run_flow(chromium, server, url):
    """First visit (200, sets the cookies), reload (431), reload (200).
    Returns the 431 page's text and the cookie names after each step."""
    page = chromium.page()
    page.send("Network.clearBrowserCookies")
    before = len(app_statuses(server))
    status, _ = page.navigate(url)
    assert status == 200
    after_set = page.cookie_names()
    status, headers = page.reload()
    assert status == 431, page.text()
    text = page.text()
    after_431 = page.cookie_names()
    status, _ = page.reload()
    assert status == 200, page.text()
    assert "the application" in page.text()
    assert app_statuses(server)[before:] == [200, 431, 200]
    return text, headers, after_set, after_431


@pytest.fixture(scope="module")
def http_server(start_apache):
    return start_apache(name="browser-http", conf="""
ReqGuardCookieRecovery Expire
ReqGuardFieldLimit Cookie 4K
""", files={"htdocs/app/index.html": APP % ""})


@pytest.fixture(scope="module")
def https_server(start_apache):
    files = tls_util.cert_files()
    files["htdocs/app/index.html"] = APP % "; Secure"
    return start_apache(name="browser-https", modules=tls_util.MODULES,
                        conf=tls_util.CONF + """
ReqGuardCookieRecovery ClearSiteData
ReqGuardFieldLimit Cookie 4K
""", files=files)


def test_expire_on_http(http_server, chromium):
    server = http_server
    text, headers, after_set, after_431 = run_flow(chromium, server,
                                                   server.url + "/app/")
    assert after_set == sorted(BIG + ["small"])
    assert headers.get("Set-Cookie") == ("big0=; Max-Age=0; Path=/\n"
                                         "big1=; Max-Age=0; Path=/")
    # Six cookies of 905 bytes: "Cookie: " and 5452 bytes; without the
    # two largest (equal sizes: the first sent) the field fits 4096.
    assert after_431 == ["big2", "big3", "big4", "big5", "small"]
    assert "This site has just asked your browser to delete the cookies" \
        in text
    assert "Reload the page" in text
    server.wait_log(r"RG00001: status=431 kind=field-size field=Cookie")


def test_clear_site_data_on_https(https_server, chromium):
    server = https_server
    tls_util.allow_startup_warnings(server)
    url = f"https://127.0.0.1:{server.port}/app/"
    text, headers, after_set, after_431 = run_flow(chromium, server, url)
    assert after_set == sorted(BIG + ["small"])
    assert headers.get("Clear-Site-Data") == '"cookies"'
    assert "Set-Cookie" not in headers
    # Every cookie of the site is gone, the small one too.
    assert after_431 == []
    assert "Reload the page" in text
    server.wait_log(r"RG00001: status=431 kind=field-size field=Cookie")
