/*
 * test_lang.c - unit tests for the languages of a diagnostic body:
 * Accept-Language negotiation, the message tables (complete, nothing left
 * in English by accident, safe in every format, each language's
 * typography and register), the bodies in every language, and the bound on
 * the size of every body.
 */
#include <string.h>
#include <apr_general.h>
#include <apr_strings.h>

#include "rg_unit.h"
#include "reqguard_lang.h"
#include "reqguard_render.h"

static apr_pool_t *pool;

static const char *const tags[RG_LANG_COUNT] = {
    "en", "de", "fr", "es", "it", "nl", "pt", "pl"
};

static int lang(const char *al, rg_lang_e expect)
{
    rg_lang_e got = rg_render_negotiate_lang(al);

    if (got != expect) {
        fprintf(stderr, "  Accept-Language %s: got %s, expected %s\n",
                al ? al : "(none)", rg_lang_tag(got),
                rg_lang_tag(expect));
    }
    return got == expect;
}

static void test_negotiation(void)
{
    int i;

    /* Nothing usable: English. */
    CHECK(lang(NULL, RG_LANG_EN));
    CHECK(lang("", RG_LANG_EN));
    CHECK(lang("*", RG_LANG_EN));
    CHECK(lang("ja, zh-CN;q=0.8", RG_LANG_EN));
    CHECK(lang(",,;;, ,", RG_LANG_EN));

    /* Each language by its tag, any case, and by a regional range. */
    for (i = 0; i < RG_LANG_COUNT; i++) {
        CHECK(lang(tags[i], (rg_lang_e)i));
        CHECK(strcmp(rg_lang_tag((rg_lang_e)i), tags[i]) == 0);
    }
    CHECK(lang("DE", RG_LANG_DE));
    CHECK(lang("de-CH", RG_LANG_DE));
    CHECK(lang("fr-CA", RG_LANG_FR));
    CHECK(lang("pt-BR", RG_LANG_PT));
    CHECK(lang("es-419", RG_LANG_ES));
    CHECK(lang("nl-BE", RG_LANG_NL));
    CHECK(lang("sr-Latn-RS, it-IT;q=0.5", RG_LANG_IT));
    CHECK(lang("zh-Hant-TW", RG_LANG_EN));
    CHECK(lang(rg_lang_tag(RG_LANG_COUNT), RG_LANG_EN));

    /* What browsers send. */
    CHECK(lang("de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7", RG_LANG_DE));
    CHECK(lang("fr-FR,fr;q=0.9,en;q=0.8", RG_LANG_FR));
    CHECK(lang("en-US,en;q=0.9", RG_LANG_EN));
    CHECK(lang("pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7", RG_LANG_PL));
    CHECK(lang("ja,en-US;q=0.9,en;q=0.8", RG_LANG_EN));
    CHECK(lang("ja,de;q=0.9,en;q=0.8", RG_LANG_DE));

    /* q-values: the highest wins; equal q, the one listed first. */
    CHECK(lang("en;q=0.5, nl;q=0.8", RG_LANG_NL));
    CHECK(lang("es;q=0.7, pt;q=0.7", RG_LANG_ES));
    CHECK(lang("pt;q=0.7, es;q=0.7", RG_LANG_PT));
    CHECK(lang("it;q=0.001", RG_LANG_IT));
    CHECK(lang("it;q=1.000", RG_LANG_IT));
    CHECK(lang(" de ; q=0.9 , fr ; q=0.8 ", RG_LANG_DE));

    /* q=0 refuses; "*" is our default, English, unless English is
     * refused. */
    CHECK(lang("de;q=0", RG_LANG_EN));
    CHECK(lang("de;q=0, *", RG_LANG_EN));
    CHECK(lang("fr, *;q=0.5", RG_LANG_FR));
    CHECK(lang("*;q=0.5, fr;q=0.4", RG_LANG_EN));
    CHECK(lang("en;q=0, *", RG_LANG_DE));
    CHECK(lang("en;q=0, de;q=0, *;q=0.3", RG_LANG_FR));
    CHECK(lang("*;q=0", RG_LANG_EN));

    /* The exact tag is more specific than a regional range; regional
     * ranges among themselves give their highest q. */
    CHECK(lang("de-CH, de;q=0, fr;q=0.5", RG_LANG_FR));
    CHECK(lang("de;q=0.2, de-AT;q=0.9, fr;q=0.5", RG_LANG_FR));
    CHECK(lang("de-CH;q=0, de-AT;q=0.8, fr;q=0.5", RG_LANG_DE));
    CHECK(lang("de-AT;q=0.8, de-CH;q=0, fr;q=0.5", RG_LANG_DE));

    /* Junk: the range is skipped, not misread. */
    CHECK(lang("de;q=2, fr", RG_LANG_FR));
    CHECK(lang("de;q=abc", RG_LANG_EN));
    CHECK(lang("de;q=0.0001", RG_LANG_EN));
    CHECK(lang("de;q", RG_LANG_EN));
    CHECK(lang("de junk", RG_LANG_EN));
    CHECK(lang("d\xc3\xa9, nl", RG_LANG_NL));
    CHECK(lang("de-, nl", RG_LANG_NL));
    CHECK(lang("-de, nl", RG_LANG_NL));
    CHECK(lang("de--CH, nl", RG_LANG_NL));
    CHECK(lang("deutschland, nl", RG_LANG_NL));     /* 11 letters */
    CHECK(lang("de-abcdefghi, nl", RG_LANG_NL));    /* 9 characters */
    CHECK(lang("*-CH, nl", RG_LANG_NL));
    CHECK(lang("d*, nl", RG_LANG_NL));
    CHECK(lang("1de, nl", RG_LANG_NL));
    CHECK(lang("\x01\xff, pl", RG_LANG_PL));

    /* Only the first RG_ACCEPT_SCAN_MAX bytes count; a range cut by the
     * bound is dropped, not read in part. */
    {
        char big[RG_ACCEPT_SCAN_MAX + 64];
        apr_size_t n = RG_ACCEPT_SCAN_MAX - 3;

        memset(big, ' ', sizeof(big));
        memcpy(big, "ja", 2);
        memcpy(big + n, ",de-CH", 6);   /* cut to ",de" */
        big[n + 6] = '\0';
        CHECK(lang(big, RG_LANG_EN));
        memcpy(big + RG_ACCEPT_SCAN_MAX - 20, ",fr,", 4);
        CHECK(lang(big, RG_LANG_FR));
    }
}

/* Words of s that are in the list: ASCII letters and all non-ASCII bytes
 * make words, compared without regard to ASCII case. */
static const char *forbidden_word(const char *s, const char *const *words)
{
    while (*s) {
        const char *w = s;
        apr_size_t n, i;

        while (*s && (((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z')
                      || (unsigned char)*s >= 0x80)) {
            s++;
        }
        n = (apr_size_t)(s - w);
        for (i = 0; n > 0 && words[i] != NULL; i++) {
            if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0) {
                return words[i];
            }
        }
        if (n == 0) {
            s++;
        }
    }
    return NULL;
}

/* Informal forms per language; the polite register avoids them all. */
static const char *const informal_de[] = {
    "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner",
    NULL };
static const char *const informal_fr[] = {
    "tu", "te", "toi", "ton", "ta", "tes", NULL };
static const char *const informal_es[] = {
    "tú", "tu", "tus", "te", "ti", "vosotros", NULL };
static const char *const informal_it[] = {
    "tu", "ti", "tuo", "tua", "tuoi", "tue", NULL };
static const char *const informal_nl[] = {
    "je", "jij", "jou", "jouw", NULL };
static const char *const informal_pt[] = {
    "tu", "te", "teu", "tua", "teus", "tuas", "você", "vocês", NULL };
/* Polish: the plain imperative of Polish sites, but no past tense that
 * would guess the visitor's gender. */
static const char *const gendered_pl[] = {
    "wysłałeś", "wysłałaś", "powinieneś", "powinnaś", "skorzystałeś",
    "skorzystałaś", "mogłeś", "mogłaś", NULL };

static const char *const *const register_words[RG_LANG_COUNT] = {
    NULL, informal_de, informal_fr, informal_es, informal_it, informal_nl,
    informal_pt, gendered_pl
};

/* English texts that are the right word in some languages too. */
static int same_allowed(rg_lang_e l, const char *en)
{
    static const struct {
        rg_lang_e lang;
        const char *en;
    } same[] = {
        { RG_LANG_DE, "Details" }, { RG_LANG_DE, "Status" },
        { RG_LANG_DE, "Cookies" }, { RG_LANG_FR, "Cookies" },
        { RG_LANG_ES, "Error" }, { RG_LANG_ES, "Cookies" },
        { RG_LANG_NL, "Details" }, { RG_LANG_NL, "Status" },
        { RG_LANG_NL, "Cookies" }, { RG_LANG_PT, "Cookies" },
        { RG_LANG_PL, "Status" }
    };
    apr_size_t i;

    for (i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
        if (same[i].lang == l && strcmp(same[i].en, en) == 0) {
            return 1;
        }
    }
    return 0;
}

/* In French, ':' follows a no-break space, and ';', '?', '!' a narrow
 * no-break space; never an ordinary space or nothing. */
static int french_spacing_ok(const char *s)
{
    const char *p;

    for (p = s; *p; p++) {
        if (*p == ':' && !(p - s >= 2 && memcmp(p - 2, "\xC2\xA0", 2) == 0)) {
            return 0;
        }
        if ((*p == ';' || *p == '?' || *p == '!')
            && !(p - s >= 3 && memcmp(p - 3, "\xE2\x80\xAF", 3) == 0)) {
            return 0;
        }
    }
    return 1;
}

static void test_tables(void)
{
    apr_size_t n = rg_lang_msg_count(), i;
    int l;

    CHECK(n >= 60);
    CHECK(rg_lang_msg(RG_LANG_EN, n) == NULL);
    CHECK(rg_lang_msg(RG_LANG_COUNT, 0) == NULL);

    for (l = 0; l < RG_LANG_COUNT; l++) {
        int complete = 1, safe = 1, translated = 1, punct = 1, polite = 1;
        int french = 1;

        for (i = 0; i < n; i++) {
            const char *m = rg_lang_msg((rg_lang_e)l, i);
            const char *en = rg_lang_msg(RG_LANG_EN, i);
            apr_size_t len, en_len;
            const char *bad;

            /* Every message in every language. */
            if (m == NULL || *m == '\0') {
                fprintf(stderr, "  %s: message %d missing\n", tags[l],
                        (int)i);
                complete = 0;
                continue;
            }
            len = strlen(m);
            en_len = strlen(en);

            /* Valid as it stands in HTML, JSON and text: none of the
             * characters that need escaping, valid UTF-8 without control
             * or reordering characters (escaping leaves it unchanged),
             * typographic apostrophes. */
            if (strpbrk(m, "\"\\<>&'") != NULL
                || strcmp(rg_render_escape(pool, m, 4096, RG_RENDER_TEXT),
                          m) != 0
                || strcmp(rg_render_escape(pool, m, 4096, RG_RENDER_HTML),
                          m) != 0
                || strcmp(rg_render_escape(pool, m, 4096, RG_RENDER_JSON),
                          m) != 0) {
                fprintf(stderr, "  %s: message %d unsafe: %s\n", tags[l],
                        (int)i, m);
                safe = 0;
            }

            /* Nothing left in English by accident. */
            if (l != RG_LANG_EN && strcmp(m, en) == 0
                && !same_allowed((rg_lang_e)l, en)) {
                fprintf(stderr, "  %s: message %d is English: %s\n",
                        tags[l], (int)i, m);
                translated = 0;
            }

            /* A sentence ends like its English one; the pieces around a
             * field name keep their spaces. */
            if ((en[en_len - 1] == '.') != (m[len - 1] == '.')
                || (en[en_len - 1] == ' ' && m[len - 1] != ' ')
                || (en[0] == ' ' && m[0] != ' ' && m[0] != ',')
                || (en[0] != ' ' && (m[0] == ' ' || m[0] == ','))
                || strstr(m, "  ") != NULL) {
                fprintf(stderr, "  %s: message %d punctuation: [%s]\n",
                        tags[l], (int)i, m);
                punct = 0;
            }

            if (register_words[l] != NULL
                && (bad = forbidden_word(m, register_words[l])) != NULL) {
                fprintf(stderr, "  %s: message %d says %s: %s\n", tags[l],
                        (int)i, bad, m);
                polite = 0;
            }
            if (l == RG_LANG_FR && !french_spacing_ok(m)) {
                fprintf(stderr, "  fr: message %d spacing: %s\n", (int)i, m);
                french = 0;
            }
        }
        CHECK(complete);
        CHECK(safe);
        CHECK(translated);
        CHECK(punct);
        CHECK(polite);
        CHECK(french);
    }

    /* The checks do catch what they look for. */
    CHECK(forbidden_word("Wenn du willst", informal_de) != NULL);
    CHECK(forbidden_word("Dudelsack und Sie", informal_de) == NULL);
    CHECK(forbidden_word("Vous et toi.", informal_fr) != NULL);
    CHECK(!french_spacing_ok("Attention : ici"));
    CHECK(!french_spacing_ok("Attention: ici"));
    CHECK(french_spacing_ok("Attention\xC2\xA0: ici\xE2\x80\xAF; oui\xE2\x80"
                            "\xAF?"));
    CHECK(same_allowed(RG_LANG_DE, "Status"));
    CHECK(!same_allowed(RG_LANG_FR, "Status"));
}

static rg_render_in_t cookie_431(rg_lang_e l)
{
    rg_render_in_t in;

    memset(&in, 0, sizeof(in));
    in.status = 431;
    in.reason = "Request Header Fields Too Large";
    in.kind = RG_KIND_FIELD_SIZE;
    in.field = "Cookie";
    in.path = "/shop/cart";
    in.observed = 9000;
    in.limit = 8190;
    in.request_id = "aBcD-123_x";
    in.time = "2026-11-22T02:10:00Z";
    in.lang = l;
    return in;
}

static char *body(const rg_render_in_t *in, rg_render_fmt_e fmt)
{
    apr_size_t len;
    char *b = rg_render_body(pool, in, fmt, &len);

    CHECK(len == strlen(b));
    return b;
}

/* The message in l whose English text is en. */
static const char *msg(rg_lang_e l, const char *en)
{
    apr_size_t i;

    for (i = 0; i < rg_lang_msg_count(); i++) {
        if (strcmp(rg_lang_msg(RG_LANG_EN, i), en) == 0) {
            return rg_lang_msg(l, i);
        }
    }
    return NULL;
}

static void test_bodies(void)
{
    const rg_cookies_t *c = rg_cookies_parse(pool, "sid=abc; theme=dark");
    int l;

    for (l = 0; l < RG_LANG_COUNT; l++) {
        rg_render_in_t in = cookie_431((rg_lang_e)l);
        const char *what_you_can_do = msg((rg_lang_e)l, "What you can do");
        const char *b, *expect;

        in.full = 1;
        in.cookies = c;
        b = body(&in, RG_RENDER_HTML);
        /* The page's language, and English marked where it stays. */
        expect = apr_psprintf(pool, "<!DOCTYPE html>\n<html lang=\"%s\">",
                              tags[l]);
        CHECK(strncmp(b, expect, strlen(expect)) == 0);
        CHECK(strstr(b, l ? "<h1 lang=\"en\">Request Header Fields Too "
                            "Large</h1>"
                          : "<h1>Request Header Fields Too Large</h1>")
              != NULL);
        CHECK(strstr(b, l ? "<section lang=\"en\">\n<h2>For the site "
                            "owner</h2>"
                          : "<section>\n<h2>For the site owner</h2>")
              != NULL);
        CHECK(strstr(b, "<title>431 Request Header Fields Too Large"
                        "</title>") != NULL);
        CHECK(strstr(b, apr_pstrcat(pool, "<h2>", what_you_can_do, "</h2>",
                                    NULL)) != NULL);
        CHECK(strstr(b, apr_pstrcat(pool, "<p class=\"status\">",
                                    msg((rg_lang_e)l, "Error"), " 431</p>",
                                    NULL)) != NULL);
        /* The Cookie sentence, in the language, the name in <code>. */
        CHECK(strstr(b, apr_pstrcat(pool, "<p>",
                                    msg((rg_lang_e)l, "The cookies this site "
                                        "has stored in your browser have "
                                        "grown too large: the "),
                                    "<code>Cookie</code>",
                                    msg((rg_lang_e)l, " header field that "
                                        "carries them is larger than this "
                                        "site accepts."),
                                    "</p>", NULL)) != NULL);
        CHECK(strstr(b, "This refusal comes from <code>ReqGuardMaxFieldSize"
                        "</code>.") != NULL);
        CHECK(strstr(b, "<th scope=\"col\">Cookie</th>") != NULL);
        /* Translated labels in the details. */
        CHECK(strstr(b, apr_pstrcat(pool, "<dt>",
                                    msg((rg_lang_e)l, "Request id"),
                                    "</dt><dd>aBcD-123_x</dd>", NULL))
              != NULL);
        CHECK(strstr(b, apr_pstrcat(pool, "<dt>",
                                    msg((rg_lang_e)l, "Cookies"),
                                    "</dt><dd>2 (", NULL)) != NULL);

        /* Text: the visitor's labels in the language, lined up; the site
         * owner's part in English. */
        b = body(&in, RG_RENDER_TEXT);
        CHECK(strncmp(b, "431 Request Header Fields Too Large\n\n", 37) == 0);
        CHECK(strstr(b, what_you_can_do) != NULL);
        CHECK(strstr(b, "\nFor the site owner:\nObserved:   9000 bytes "
                        "(8.7 KiB)\n") != NULL);
        CHECK(strstr(b, "Cookies, largest first") != NULL);
        CHECK(strstr(b, msg((rg_lang_e)l, "Clear the cookies this site has "
                            "stored in your browser (in the site settings "
                            "or privacy settings of the browser), then "
                            "reload the page. You may have to sign in "
                            "again.")) != NULL);
        {
            /* The path and request id values start in the same column. */
            const char *path = strstr(b, "/shop/cart\n");
            const char *id = strstr(b, "aBcD-123_x\n");
            const char *pl = path, *il = id;
            apr_size_t pc = 0, ic = 0;

            CHECK(path != NULL && id != NULL);
            while (pl > b && pl[-1] != '\n') {
                pl--;
            }
            while (il > b && il[-1] != '\n') {
                il--;
            }
            for (; pl < path; pl++) {
                pc += ((unsigned char)*pl & 0xC0) != 0x80;
            }
            for (; il < id; il++) {
                ic += ((unsigned char)*il & 0xC0) != 0x80;
            }
            CHECK(pc == ic && pc > 0);
        }

        /* JSON stays English, byte for byte. */
        {
            rg_render_in_t en = in;

            en.lang = RG_LANG_EN;
            CHECK(strcmp(body(&in, RG_RENDER_JSON),
                         body(&en, RG_RENDER_JSON)) == 0);
        }

        /* The reload sentence and link in the language. */
        in.recovery = RG_RECOVERY_EXPIRE;
        b = body(&in, RG_RENDER_HTML);
        CHECK(strstr(b, apr_pstrcat(pool, "<p><a href=\"\">",
                                    msg((rg_lang_e)l, "Reload the page"),
                                    "</a></p>", NULL)) != NULL);

        /* Escaping is the same in every language. */
        in = cookie_431((rg_lang_e)l);
        in.field = "X-<b>\"&'";
        in.path = "/a<script>alert(\"x\")</script>&b";
        b = body(&in, RG_RENDER_HTML);
        CHECK(strstr(b, "<script") == NULL);
        CHECK(strstr(b, "<code>X-&lt;b&gt;&quot;&amp;&#39;</code>") != NULL);
        CHECK(strstr(b, "/a&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
                        "&amp;b") != NULL);
        b = body(&in, RG_RENDER_TEXT);
        CHECK(strstr(b, "X-<b>\"&'\n") != NULL);
    }

    /* Spot checks of whole sentences, as a reader sees them. */
    {
        rg_render_in_t in = cookie_431(RG_LANG_DE);
        const char *b = body(&in, RG_RENDER_TEXT);

        CHECK(strstr(b, "Die Cookies, die diese Website in Ihrem Browser "
                        "gespeichert hat, sind zu groß geworden: Das "
                        "Header-Feld Cookie, das sie überträgt, ist größer, "
                        "als diese Website zulässt.") != NULL);
        CHECK(strstr(b, "Was Sie tun können: Löschen Sie") != NULL);
        CHECK(strstr(b, "Anfrage-ID: aBcD-123_x\n") != NULL);
        CHECK(strstr(b, "Feld:       Cookie\n") != NULL);

        in = cookie_431(RG_LANG_FR);
        in.cookies = c;
        b = body(&in, RG_RENDER_TEXT);
        CHECK(strstr(b, "Ce que vous pouvez faire\xC2\xA0: Supprimez")
              != NULL);
        CHECK(strstr(b, "Champ\xC2\xA0:") != NULL);
        CHECK(strstr(b, "(17\xC2\xA0octets)") != NULL);
        CHECK(strstr(b, "volumineux\xC2\xA0: le champ d\xE2\x80\x99"
                        "en-t\xC3\xAAte Cookie qui les transporte")
              != NULL);

        in = cookie_431(RG_LANG_PL);
        in.kind = RG_KIND_CORE_FIELD_SIZE;
        in.field = "X-Big";
        b = body(&in, RG_RENDER_TEXT);
        CHECK(strstr(b, "Pole nagłówka X-Big w żądaniu przekracza rozmiar "
                        "akceptowany przez ten serwer.") != NULL);

        /* A status we did not cause, in Spanish. */
        memset(&in, 0, sizeof(in));
        in.status = 404;
        in.reason = "Not Found";
        in.kind = RG_KIND_NONE;
        in.lang = RG_LANG_ES;
        b = body(&in, RG_RENDER_HTML);
        CHECK(strstr(b, "<p>No hay ninguna página en esta dirección.</p>")
              != NULL);
        CHECK(strstr(b, "<p class=\"status\">Error 404</p>") != NULL);
        /* An out-of-range language is English. */
        in.lang = RG_LANG_COUNT;
        b = body(&in, RG_RENDER_HTML);
        CHECK(strstr(b, "There is no page at this address.") != NULL);
    }

    /* The unit after a count follows each language's plural. */
    {
        static const struct {
            rg_lang_e lang;
            const char *field;
            const char *words;
        } units[] = {
            { RG_LANG_EN, "a=", "1 (2 bytes)" },
            { RG_LANG_PL, "a=", "1 (2 bajty)" },
            { RG_LANG_PL, "a=12345678901", "1 (13 bajtów)" },
            { RG_LANG_PL, "a=12345678901234567890", "1 (22 bajty)" },
            { RG_LANG_PL, "a=123456789012345678901234", "1 (26 bajtów)" },
            { RG_LANG_PL, "a=1234567890", "1 (12 bajtów)" },
            { RG_LANG_DE, "a=", "1 (2 Byte)" },
            { RG_LANG_IT, "a=", "1 (2 byte)" },
            { RG_LANG_FR, "a=", "1 (2\xC2\xA0octets)" }
        };
        apr_size_t i;

        for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
            rg_render_in_t in = cookie_431(units[i].lang);

            in.cookies = rg_cookies_parse(pool, units[i].field);
            CHECK(strstr(body(&in, RG_RENDER_HTML),
                         apr_pstrcat(pool, "<dd>", units[i].words, "</dd>",
                                     NULL)) != NULL);
        }
    }
}

/* The largest body of all: every string at its longest, every character
 * one that escapes to the most bytes, ten long cookie names, recovery,
 * Full, in every language, format, kind and status. */
static void test_bound(void)
{
    char big[4096], cookie_field[8192];
    apr_size_t o = 0, worst = 0, len;
    rg_render_in_t in;
    int l, f, k, st, rec, ok = 1;

    memset(big, '<', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    for (k = 0; k < 12; k++) {
        o += (apr_size_t)snprintf(cookie_field + o, sizeof(cookie_field) - o,
                                  "%s%.*s%d=v", k ? "; " : "", 300, big, k);
    }
    memset(&in, 0, sizeof(in));
    in.reason = big;
    in.field = big;
    in.path = big;
    in.directive = big;
    in.request_id = big;
    in.time = big;
    in.observed = APR_INT64_MAX;
    in.limit = 1;
    in.full = 1;
    in.ceiling = 1;
    {
        /* The largest: a partial field, which says so. */
        rg_cookies_t *c = rg_cookies_parse(pool, cookie_field);

        c->partial = 1;
        in.cookies = c;
    }
    CHECK(in.cookies->count == 12);

    for (l = 0; l < RG_LANG_COUNT; l++) {
        for (f = 0; f < 3; f++) {
            for (rec = 0; rec < 2; rec++) {
                for (k = 0; k <= RG_KIND_COUNT; k++) {
                    for (st = 100; st < 600;
                         st += k == RG_KIND_COUNT ? 1 : 600) {
                        const char *b;

                        in.lang = (rg_lang_e)l;
                        in.recovery = rec ? RG_RECOVERY_EXPIRE
                                          : RG_RECOVERY_NONE;
                        in.kind = (rg_kind_e)k;
                        in.status = k == RG_KIND_COUNT
                                    ? st : rg_kind_status((rg_kind_e)k);
                        b = rg_render_body(pool, &in, (rg_render_fmt_e)f,
                                           &len);
                        worst = len > worst ? len : worst;
                        /* Never cut: the body ends as it should. */
                        ok &= len < RG_RENDER_BODY_MAX - 1;
                        ok &= f == RG_RENDER_HTML
                              ? strcmp(b + len - 8, "</html>\n") == 0
                              : f == RG_RENDER_JSON
                              ? strcmp(b + len - 3, "\n}\n") == 0
                              : b[len - 1] == '\n';
                        /* Escaped wherever the format needs it. */
                        ok &= f == RG_RENDER_TEXT
                              || strstr(b, "<<") == NULL;
                    }
                }
            }
        }
    }
    CHECK(ok);
    /* Room to spare: a quarter of the buffer at least. */
    CHECK(worst < RG_RENDER_BODY_MAX * 3 / 4);
    printf("test_lang: largest body %d bytes of %d\n", (int)worst,
           RG_RENDER_BODY_MAX);
}

int main(void)
{
    apr_initialize();
    apr_pool_create(&pool, NULL);

    test_negotiation();
    test_tables();
    test_bodies();
    test_bound();

    apr_pool_destroy(pool);
    apr_terminate();
    return RG_UNIT_END("test_lang");
}
