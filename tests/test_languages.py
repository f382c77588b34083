"""The visitor's part of HTML and text bodies in the visitor's language
(Accept-Language: en, de, fr, es, it, nl, pt, pl; English otherwise), with
Vary: Accept-Language and Content-Language; JSON and the site owner's part
stay English."""
import pytest

import rgtest

# The heading of the visitor's advice, and the link of a reload, in each
# language (reqguard_lang.c).
WHAT_YOU_CAN_DO = {
    "en": "What you can do",
    "de": "Was Sie tun können",
    "fr": "Ce que vous pouvez faire",
    "es": "Qué puede hacer",
    "it": "Cosa può fare",
    "nl": "Wat u kunt doen",
    "pt": "O que pode fazer",
    "pl": "Co możesz zrobić",
}
RELOAD = {"de": "Seite neu laden", "fr": "Recharger la page",
          "pl": "Załaduj stronę ponownie"}
COLON = {"fr": "\u00a0:"}

HTML = "text/html,application/xhtml+xml,*/*;q=0.8"
COOKIE = "sid=" + "s" * 200


def htaccess(*lines):
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def server(start_apache):
    files = {
        "htdocs/named/.htaccess": htaccess("ReqGuardFieldLimit Cookie 100"),
        "htdocs/full/.htaccess": htaccess("ReqGuardFieldLimit Cookie 100",
                                          "ReqGuardDiagnostics Full"),
        "htdocs/html/.htaccess": htaccess("ReqGuardFieldLimit Cookie 100",
                                          "ReqGuardErrorFormat HTML"),
        "htdocs/json/.htaccess": htaccess("ReqGuardFieldLimit Cookie 100",
                                          "ReqGuardErrorFormat JSON"),
        "htdocs/off/.htaccess": htaccess("ReqGuardFieldLimit Cookie 100",
                                         "ReqGuardDiagnostics Off"),
        "htdocs/expire/.htaccess": htaccess("ReqGuardFieldLimit Cookie 100",
                                            "ReqGuardCookieRecovery Expire"),
    }
    for d in ("named", "full", "html", "json", "off", "expire"):
        files[f"htdocs/{d}/index.html"] = "static\n"
    return start_apache(name="languages", files=files, conf="""
ErrorDocument 404 /errors/diag
<Location "/errors/diag">
    SetHandler reqguard-diagnostic
</Location>
""")


def ask(server, path="/named/", lang=None, accept=HTML, cookie=COOKIE,
        extra=()):
    hdrs = [("Accept", accept)]
    if lang is not None:
        hdrs.append(("Accept-Language", lang))
    hdrs += list(extra)
    if cookie is not None:
        hdrs.append(("Cookie", cookie))
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{k}: {v}" for k, v in hdrs]
    with rgtest.Conn(server.port) as c:
        c.send(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8"))
        return c.read_response()


def vary(r):
    return [v.strip() for v in (r.header("Vary") or "").split(",") if v]


def assert_language(r, tag, fmt):
    assert r.header("Content-Language") == tag, r
    assert "Accept-Language" in vary(r), r
    if fmt == "html":
        assert r.text.startswith(f'<!DOCTYPE html>\n<html lang="{tag}">')
        assert f"<h2>{WHAT_YOU_CAN_DO[tag]}</h2>" in r.text, r.text
    else:
        assert WHAT_YOU_CAN_DO[tag] + COLON.get(tag, ":") + " " in r.text


@pytest.mark.parametrize("fmt", ["html", "text"])
@pytest.mark.parametrize("tag", sorted(WHAT_YOU_CAN_DO))
def test_each_language(server, tag, fmt):
    r = ask(server, lang=tag, accept=HTML if fmt == "html" else "*/*")
    assert r.status == 431
    assert_language(r, tag, fmt)
    assert "Accept" in vary(r)
    # The reason phrase stays as HTTP defines it.
    assert "Request Header Fields Too Large" in r.text


@pytest.mark.parametrize("header,tag", [
    ("de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7", "de"),
    ("de;q=0.5, fr;q=0.8", "fr"),
    ("es;q=0.7, it;q=0.7", "es"),
    ("it;q=0.7, es;q=0.7", "it"),
    ("pt-BR", "pt"),
    ("nl-BE, nl;q=0.9", "nl"),
    ("ja, pl;q=0.3", "pl"),
    ("ja, zh-CN;q=0.9", "en"),
    ("en;q=0, *", "de"),
    ("de;q=0, fr;q=0.1", "fr"),
    ("*;q=0", "en"),
    ("de;q=2, fr", "fr"),
    (None, "en"),
])
def test_q_values(server, header, tag):
    r = ask(server, lang=header)
    assert r.status == 431
    assert_language(r, tag, "html")


def test_json_stays_english(server):
    r = ask(server, lang="de", accept="application/json")
    assert r.status == 431
    assert r.header("Content-Language") is None
    assert "Accept-Language" not in vary(r)
    assert '"advice": "Clear the cookies' in r.text


def test_fixed_json_stays_english(server):
    r = ask(server, "/json/", lang="fr")
    assert r.header("Content-Language") is None
    assert vary(r) == []


def test_fixed_html_still_follows_the_language(server):
    r = ask(server, "/html/", lang="pl", accept="application/json")
    assert r.status == 431
    assert_language(r, "pl", "html")
    assert "Accept" not in vary(r)


def test_site_owner_part_stays_english(server):
    r = ask(server, "/full/", lang="de")
    assert_language(r, "de", "html")
    assert '<section lang="en">\n<h2>For the site owner</h2>' in r.text
    assert '<h1 lang="en">Request Header Fields Too Large</h1>' in r.text
    r = ask(server, "/full/", lang="de", accept="text/plain")
    assert "\nFor the site owner:\n" in r.text


@pytest.mark.parametrize("tag", sorted(RELOAD))
def test_reload_sentence_and_link(server, tag):
    r = ask(server, "/expire/", lang=tag)
    assert r.status == 431
    assert r.header_all("Set-Cookie") == ["sid=; Max-Age=0; Path=/"]
    assert f'<p><a href="">{RELOAD[tag]}</a></p>' in r.text
    assert_language(r, tag, "html")


def test_handler_explains_other_statuses_in_the_language(server):
    r = ask(server, "/missing", lang="it", cookie=None)
    assert r.status == 404
    assert_language(r, "it", "html")


@pytest.mark.parametrize("before", [True, False])
def test_core_refusal_follows_the_language(server, before):
    """Core refuses the Cookie line; an Accept-Language field sent right
    before it never reached the request's fields, and is read back from
    the connection; one sent earlier is a field like any other."""
    big = "k=" + "v" * 9000
    hdrs = [("Accept", HTML)]
    if before:
        hdrs += [("User-Agent", "test"), ("Accept-Language", "nl")]
    else:
        hdrs += [("Accept-Language", "nl"), ("User-Agent", "test")]
    hdrs.append(("Cookie", big))
    r, closed = rgtest.get(server, "/", headers=hdrs)
    assert r.status == 431 and closed
    assert_language(r, "nl", "html")


def test_off_keeps_apaches_page(server):
    r = ask(server, "/off/", lang="de")
    assert r.status == 431
    assert r.header("Content-Language") is None
    assert "Accept-Language" not in vary(r)
