/*
 * test_render.c - unit tests for Accept negotiation, escaping, truncation,
 * the three body formats of a diagnostic response, the cookie list and the
 * recovery page.  Languages: test_lang.c.
 */
#include <string.h>
#include <apr_general.h>
#include <apr_strings.h>

#include "rg_unit.h"
#include "reqguard_render.h"

#define FFFD "\xEF\xBF\xBD"
#define ELLIPSIS "\xE2\x80\xA6"

static apr_pool_t *pool;

static int neg(const char *accept, rg_render_fmt_e expect)
{
    rg_render_fmt_e got = rg_render_negotiate(accept);

    if (got != expect) {
        fprintf(stderr, "  Accept %s: got %d, expected %d\n",
                accept ? accept : "(none)", (int)got, (int)expect);
    }
    return got == expect;
}

static int esc(const char *in, apr_size_t max, rg_render_fmt_e fmt,
               const char *expect)
{
    const char *got = rg_render_escape(pool, in, max, fmt);

    if (strcmp(got, expect) != 0) {
        fprintf(stderr, "  escape: got [%s], expected [%s]\n", got, expect);
    }
    return strcmp(got, expect) == 0;
}

static char *body(const rg_render_in_t *in, rg_render_fmt_e fmt)
{
    apr_size_t len;
    char *b = rg_render_body(pool, in, fmt, &len);

    CHECK(len == strlen(b));
    CHECK(len < RG_RENDER_BODY_MAX - 1);
    return b;
}

/* No byte below 0x20 but newline, so no raw control byte reaches a
 * client, and nothing from the field value or path leaks unescaped. */
static int clean(const char *b)
{
    for (; *b; b++) {
        if ((unsigned char)*b < 0x20 && *b != '\n') {
            return 0;
        }
    }
    return 1;
}

/* A strict RFC 8259 check of a whole document: the body a program parses
 * must parse, whatever the fixed sentences or the escaped names hold. */
typedef struct {
    const char *s;
    int depth;
} json_t;

static int json_value(json_t *j);

static void json_ws(json_t *j)
{
    while (*j->s == ' ' || *j->s == '\t' || *j->s == '\n' || *j->s == '\r') {
        j->s++;
    }
}

static int json_string(json_t *j)
{
    int k;

    if (*j->s != '"') {
        return 0;
    }
    for (j->s++; ; ) {
        unsigned char c = (unsigned char)*j->s;

        if (c == '\0' || c < 0x20) {
            return 0;
        }
        j->s++;
        if (c == '"') {
            return 1;
        }
        if (c != '\\') {
            continue;
        }
        c = (unsigned char)*j->s++;
        if (c == 'u') {
            for (k = 0; k < 4; k++, j->s++) {
                if (!strchr("0123456789abcdefABCDEF", *j->s) || !*j->s) {
                    return 0;
                }
            }
        }
        else if (c == '\0' || !strchr("\"\\/bfnrt", c)) {
            return 0;
        }
    }
}

static int json_digits(json_t *j)
{
    const char *start = j->s;

    while (*j->s >= '0' && *j->s <= '9') {
        j->s++;
    }
    return j->s > start;
}

static int json_number(json_t *j)
{
    if (*j->s == '-') {
        j->s++;
    }
    if (*j->s == '0') {
        j->s++;
    }
    else if (!json_digits(j)) {
        return 0;
    }
    if (*j->s == '.') {
        j->s++;
        if (!json_digits(j)) {
            return 0;
        }
    }
    if (*j->s == 'e' || *j->s == 'E') {
        j->s++;
        if (*j->s == '+' || *j->s == '-') {
            j->s++;
        }
        if (!json_digits(j)) {
            return 0;
        }
    }
    return 1;
}

static int json_container(json_t *j, char close, int object)
{
    if (++j->depth > 16) {
        return 0;
    }
    j->s++;
    json_ws(j);
    if (*j->s == close) {
        j->s++;
        j->depth--;
        return 1;
    }
    for (;;) {
        json_ws(j);
        if (object) {
            if (!json_string(j)) {
                return 0;
            }
            json_ws(j);
            if (*j->s++ != ':') {
                return 0;
            }
        }
        if (!json_value(j)) {
            return 0;
        }
        if (*j->s == ',') {
            j->s++;
            continue;
        }
        if (*j->s++ != close) {
            return 0;
        }
        j->depth--;
        return 1;
    }
}

static int json_value(json_t *j)
{
    int ok;

    json_ws(j);
    switch (*j->s) {
    case '{':
        ok = json_container(j, '}', 1);
        break;
    case '[':
        ok = json_container(j, ']', 0);
        break;
    case '"':
        ok = json_string(j);
        break;
    case 't':
        ok = strncmp(j->s, "true", 4) == 0 && (j->s += 4);
        break;
    case 'f':
        ok = strncmp(j->s, "false", 5) == 0 && (j->s += 5);
        break;
    case 'n':
        ok = strncmp(j->s, "null", 4) == 0 && (j->s += 4);
        break;
    default:
        ok = json_number(j);
        break;
    }
    json_ws(j);
    return ok;
}

/* b is one JSON object and nothing else, laid out "{\n ... \n}\n". */
static int json_ok(const char *b)
{
    json_t j;

    j.s = b;
    j.depth = 0;
    if (strncmp(b, "{\n", 2) != 0 || strcmp(b + strlen(b) - 3, "\n}\n")) {
        return 0;
    }
    return json_value(&j) && *j.s == '\0';
}

static rg_render_in_t cookie_431(void)
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
    in.directive = "ReqGuardMaxFieldSize";
    in.request_id = "aBcD-123_x";
    in.time = "2026-11-22T02:10:00Z";
    return in;
}

static void test_negotiation(void)
{
    /* Missing, empty, wildcard: text (curl sends "*" "/" "*"). */
    CHECK(neg(NULL, RG_RENDER_TEXT));
    CHECK(neg("", RG_RENDER_TEXT));
    CHECK(neg("*/*", RG_RENDER_TEXT));
    CHECK(neg("*", RG_RENDER_TEXT));

    /* Browsers. */
    CHECK(neg("text/html,application/xhtml+xml,application/xml;q=0.9,"
              "image/avif,image/webp,image/apng,*/*;q=0.8,"
              "application/signed-exchange;v=b3;q=0.7", RG_RENDER_HTML));
    CHECK(neg("text/html,application/xhtml+xml,application/xml;q=0.9,"
              "*/*;q=0.8", RG_RENDER_HTML));
    CHECK(neg("text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2",
              RG_RENDER_HTML));

    /* JSON and problem+json, and application/ wildcards. */
    CHECK(neg("application/json", RG_RENDER_JSON));
    CHECK(neg("application/problem+json", RG_RENDER_JSON));
    CHECK(neg("application/*", RG_RENDER_JSON));
    CHECK(neg("application/json, text/plain, */*", RG_RENDER_JSON));
    CHECK(neg("APPLICATION/JSON", RG_RENDER_JSON));
    CHECK(neg("text/html;q=0.5, application/json;q=0.9", RG_RENDER_JSON));
    CHECK(neg("*/*;q=0.5, application/problem+json;q=0.5", RG_RENDER_JSON));
    CHECK(neg("application/xml, application/*;q=0.2", RG_RENDER_JSON));

    /* Text. */
    CHECK(neg("text/plain", RG_RENDER_TEXT));
    CHECK(neg("text/*", RG_RENDER_TEXT));
    CHECK(neg("text/plain, application/json", RG_RENDER_TEXT));
    CHECK(neg("text/plain;format=flowed", RG_RENDER_TEXT));

    /* q-values: the highest wins, q=0 refuses, more specific overrides. */
    CHECK(neg("text/html;q=0.1, text/plain;q=0.2", RG_RENDER_TEXT));
    CHECK(neg("text/plain;q=0, */*", RG_RENDER_HTML));
    CHECK(neg("text/*;q=0, */*", RG_RENDER_JSON));
    CHECK(neg("*/*;q=0.1, text/html;q=0.2", RG_RENDER_HTML));
    CHECK(neg("text/html;q=1.000", RG_RENDER_HTML));
    CHECK(neg("text/html;q=0.", RG_RENDER_TEXT));
    CHECK(neg("text/html;q=0.001", RG_RENDER_HTML));
    CHECK(neg(" text/html ; q=0.9 ", RG_RENDER_HTML));
    CHECK(neg("text/html;level=1;q=0.4;ext=\"a;b\"", RG_RENDER_HTML));
    CHECK(neg("application/json;q=0, text/html;q=0", RG_RENDER_TEXT));

    /* Types we do not offer only: text. */
    CHECK(neg("image/png", RG_RENDER_TEXT));
    CHECK(neg("application/xml", RG_RENDER_TEXT));

    /* Junk: the range is skipped, not misread. */
    CHECK(neg("text/html;q=2", RG_RENDER_TEXT));
    CHECK(neg("text/html;q=abc", RG_RENDER_TEXT));
    CHECK(neg("text/html;q=0.0001", RG_RENDER_TEXT));
    CHECK(neg("text/html;q=1.5", RG_RENDER_TEXT));
    CHECK(neg("text/html;q", RG_RENDER_TEXT));
    CHECK(neg("text/html;=1", RG_RENDER_TEXT));
    CHECK(neg("text/html;x=\"unterminated", RG_RENDER_TEXT));
    CHECK(neg("*/html", RG_RENDER_TEXT));
    CHECK(neg("text/", RG_RENDER_TEXT));
    CHECK(neg("/html", RG_RENDER_TEXT));
    CHECK(neg("text/html junk", RG_RENDER_TEXT));
    CHECK(neg(",,;, ,", RG_RENDER_TEXT));
    CHECK(neg("\x01\xff/\xfe", RG_RENDER_TEXT));
    CHECK(neg("garbage, application/json", RG_RENDER_JSON));
    CHECK(neg("text/h\xe9tml, application/json", RG_RENDER_JSON));

    /* Only the first RG_ACCEPT_SCAN_MAX bytes count, and a range cut by
     * that bound is dropped rather than read in part. */
    {
        char big[RG_ACCEPT_SCAN_MAX + 64];
        apr_size_t n;

        memset(big, ' ', sizeof(big));
        memcpy(big, "image/png", 9);
        n = RG_ACCEPT_SCAN_MAX - 5;
        memcpy(big + n, ",text/html", 10);  /* cut to ",text" */
        big[n + 10] = '\0';
        CHECK(neg(big, RG_RENDER_TEXT));
        memcpy(big + RG_ACCEPT_SCAN_MAX - 20, ",application/json,", 18);
        CHECK(neg(big, RG_RENDER_JSON));
    }
}

static int logtok(const char *in, apr_size_t max, const char *expect)
{
    const char *got = rg_render_log_token(pool, in, max);

    if (strcmp(got, expect) != 0) {
        fprintf(stderr, "  log token: got [%s], expected [%s]\n", got,
                expect);
    }
    return strcmp(got, expect) == 0;
}

static void test_log_token(void)
{
    /* A path cannot end its quotes or fake a key=value pair. */
    CHECK(logtok("/x\" action=reported", 256,
                 "/x%22%20action=reported"));
    CHECK(logtok("/a\\b\tc\x7f\xc3\xa9", 256, "/a%5Cb%09c%7F%C3%A9"));
    CHECK(logtok("/plain/path.html", 256, "/plain/path.html"));
    /* Percent signs from the request stay as they are: the token is the
     * request's own bytes, not a decoding. */
    CHECK(logtok("/a%20b", 256, "/a%20b"));
    /* Cut at max input bytes. */
    CHECK(logtok("/abcdef", 4, "/abc..."));
    CHECK(logtok("/abc", 4, "/abc"));
    CHECK(logtok("", 4, ""));
    CHECK(logtok(NULL, 4, "-"));
    /* The bound: every byte encoded, then the ellipsis. */
    CHECK(strlen(rg_render_log_token(pool, "\x01\x01\x01\x01\x01", 4))
          == 3 * 4 + 3);
}

static void test_escaping(void)
{
    /* HTML: markup and quotes become entities. */
    CHECK(esc("<a href=\"x\">&'", 64, RG_RENDER_HTML,
              "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"));
    /* JSON: quotes and backslashes escaped, and markup too, so a body
     * sniffed as HTML stays inert. */
    CHECK(esc("a\"b\\c<d>&", 64, RG_RENDER_JSON,
              "a\\\"b\\\\c\\u003cd\\u003e\\u0026"));
    /* Text keeps printable ASCII. */
    CHECK(esc("<a \"b\" & c>", 64, RG_RENDER_TEXT, "<a \"b\" & c>"));

    /* Control bytes, DEL, C1 controls: U+FFFD in every format. */
    CHECK(esc("a\x01" "b\x1f" "c\x7f" "d\r\n\t", 64, RG_RENDER_TEXT,
              "a" FFFD "b" FFFD "c" FFFD "d" FFFD FFFD FFFD));
    CHECK(esc("a\x01" "b", 64, RG_RENDER_JSON, "a" FFFD "b"));
    CHECK(esc("a\x01" "b", 64, RG_RENDER_HTML, "a" FFFD "b"));
    CHECK(esc("x\xc2\x85y", 64, RG_RENDER_TEXT, "x" FFFD "y"));

    /* Valid UTF-8 passes; invalid bytes become U+FFFD one by one. */
    CHECK(esc("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 64,
              RG_RENDER_HTML, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
    CHECK(esc("a\xff" "b", 64, RG_RENDER_JSON, "a" FFFD "b"));
    CHECK(esc("\xc0\xaf", 64, RG_RENDER_TEXT, FFFD FFFD));      /* overlong */
    CHECK(esc("\xe0\x80\xaf", 64, RG_RENDER_TEXT, FFFD FFFD FFFD));
    CHECK(esc("\xed\xa0\x80", 64, RG_RENDER_TEXT, FFFD FFFD FFFD)); /* UTF-16
                                                                 * surrogate */
    CHECK(esc("\xf4\x90\x80\x80", 64, RG_RENDER_TEXT,
              FFFD FFFD FFFD FFFD));                          /* > 10FFFF */
    CHECK(esc("ab\xe2\x82", 64, RG_RENDER_TEXT, "ab" FFFD FFFD)); /* cut */
    CHECK(esc("\x80", 64, RG_RENDER_HTML, FFFD));

    /* Characters that reorder or break lines are hidden too. */
    CHECK(esc("a\xe2\x80\xae" "b", 64, RG_RENDER_HTML, "a" FFFD "b"));
    CHECK(esc("a\xe2\x80\xa8" "b", 64, RG_RENDER_JSON, "a" FFFD "b"));
    CHECK(esc("a\xe2\x81\xa6" "b", 64, RG_RENDER_TEXT, "a" FFFD "b"));

    /* NULL is empty. */
    CHECK(esc(NULL, 64, RG_RENDER_HTML, ""));

    /* Truncation counts characters, never splits one or an entity, and
     * marks the cut with U+2026. */
    CHECK(esc("abcdef", 6, RG_RENDER_TEXT, "abcdef"));
    CHECK(esc("abcdefg", 6, RG_RENDER_TEXT, "abcdef" ELLIPSIS));
    CHECK(esc("<<<<", 2, RG_RENDER_HTML, "&lt;&lt;" ELLIPSIS));
    CHECK(esc("\xc3\xa9\xc3\xa9\xc3\xa9", 2, RG_RENDER_TEXT,
              "\xc3\xa9\xc3\xa9" ELLIPSIS));
    CHECK(esc("abc", 0, RG_RENDER_TEXT, ELLIPSIS));
    {
        char big[1000];
        const char *e;

        memset(big, '"', sizeof(big) - 1);
        big[sizeof(big) - 1] = '\0';
        e = rg_render_escape(pool, big, RG_SHOW_PATH_MAX, RG_RENDER_HTML);
        CHECK(strlen(e) == 6 * RG_SHOW_PATH_MAX + 3);
        CHECK(strlen(e) <= 6 * RG_SHOW_PATH_MAX + 3);
        e = rg_render_escape(pool, big, RG_SHOW_FIELD_MAX, RG_RENDER_JSON);
        CHECK(strlen(e) == 2 * RG_SHOW_FIELD_MAX + 3);
    }
}

static void test_time_and_types(void)
{
    char t[RG_TIME_STR_LEN];

    rg_render_time(t, 0);
    CHECK(strcmp(t, "1970-01-01T00:00:00Z") == 0);
    rg_render_time(t, apr_time_from_sec(1795313400));
    CHECK(strcmp(t, "2026-11-22T02:10:00Z") == 0);

    CHECK(strcmp(rg_render_problem_type(RG_KIND_FIELD_SIZE),
                 RG_PROBLEM_BASE "field-size") == 0);
    CHECK(strcmp(rg_render_problem_type(RG_KIND_CORE_FIELDS),
                 RG_PROBLEM_BASE "core-fields") == 0);
    CHECK(strcmp(rg_render_problem_type(RG_KIND_BODY_TIMEOUT),
                 RG_PROBLEM_BASE "body-timeout") == 0);
    CHECK(strcmp(rg_render_problem_type(RG_KIND_NONE), "about:blank") == 0);
    {
        /* Every kind's URI ends in its REQGUARD_VIOLATION name. */
        int k, ok = 1;

        for (k = 0; k < RG_KIND_COUNT; k++) {
            const char *ty = rg_render_problem_type((rg_kind_e)k);

            ok &= strcmp(ty + strlen(RG_PROBLEM_BASE),
                         rg_kind_name((rg_kind_e)k)) == 0;
        }
        CHECK(ok);
    }

    CHECK(strcmp(rg_render_content_type(RG_RENDER_HTML),
                 "text/html; charset=utf-8") == 0);
    CHECK(strcmp(rg_render_content_type(RG_RENDER_JSON),
                 "application/problem+json; charset=utf-8") == 0);
    CHECK(strcmp(rg_render_content_type(RG_RENDER_TEXT),
                 "text/plain; charset=utf-8") == 0);
}

static void test_bodies(void)
{
    rg_render_in_t in = cookie_431();
    char *b;

    /* Text, Brief: status, words, advice, field, path, id, time; no
     * numbers, no directive. */
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strncmp(b, "431 Request Header Fields Too Large\n", 36) == 0);
    CHECK(strstr(b, "The cookies this site has stored in your browser have "
                    "grown too large: the Cookie header field that carries "
                    "them is larger than this site accepts.") != NULL);
    CHECK(strstr(b, "Clear the cookies") != NULL);
    CHECK(strstr(b, "Field:      Cookie\n") != NULL);
    CHECK(strstr(b, "Path:       /shop/cart\n") != NULL);
    CHECK(strstr(b, "Request id: aBcD-123_x\n") != NULL);
    CHECK(strstr(b, "Time:       2026-11-22T02:10:00Z\n") != NULL);
    CHECK(strstr(b, "8190") == NULL);
    CHECK(strstr(b, "9000") == NULL);
    CHECK(strstr(b, "ReqGuardMaxFieldSize") == NULL);
    CHECK(clean(b));

    /* Text, Full: plus observed, limit, directive, owner advice. */
    in.full = 1;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "Observed:   9000 bytes (8.7 KiB)\n") != NULL);
    CHECK(strstr(b, "Limit:      8190 bytes (7.9 KiB)\n") != NULL);
    CHECK(strstr(b, "Directive:  ReqGuardMaxFieldSize\n") != NULL);
    CHECK(strstr(b, "For the site owner") != NULL);

    /* JSON, Full. */
    b = body(&in, RG_RENDER_JSON);
    CHECK(strncmp(b, "{\n  \"type\": \"" RG_PROBLEM_BASE "field-size\",\n",
                  strlen("{\n  \"type\": \"" RG_PROBLEM_BASE
                         "field-size\",\n")) == 0);
    CHECK(strstr(b, "\"title\": \"Request Header Fields Too Large\"") != NULL);
    CHECK(strstr(b, "\"status\": 431,") != NULL);
    CHECK(strstr(b, "\"detail\": \"The cookies this site has stored") != NULL);
    CHECK(strstr(b, "the Cookie header field that carries them") != NULL);
    CHECK(strstr(b, "\"kind\": \"field-size\"") != NULL);
    CHECK(strstr(b, "\"field\": \"Cookie\"") != NULL);
    CHECK(strstr(b, "\"request_id\": \"aBcD-123_x\"") != NULL);
    CHECK(strstr(b, "\"limit\": 8190,") != NULL);
    CHECK(strstr(b, "\"observed\": 9000,") != NULL);
    CHECK(strstr(b, "\"unit\": \"bytes\"") != NULL);
    CHECK(strstr(b, "\"directive\": \"ReqGuardMaxFieldSize\"") != NULL);
    CHECK(strcmp(b + strlen(b) - 4, "\"\n}\n") == 0);

    /* JSON, Brief: no limit, observed or directive. */
    in.full = 0;
    b = body(&in, RG_RENDER_JSON);
    CHECK(strstr(b, "\"limit\"") == NULL);
    CHECK(strstr(b, "\"observed\"") == NULL);
    CHECK(strstr(b, "\"directive\"") == NULL);
    CHECK(strstr(b, "\"field\": \"Cookie\"") != NULL);

    /* HTML: self-contained page, accessible, no script or external URL. */
    in.full = 1;
    b = body(&in, RG_RENDER_HTML);
    CHECK(strncmp(b, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    CHECK(strstr(b, "<title>431 Request Header Fields Too Large</title>")
          != NULL);
    CHECK(strstr(b, "<h1>Request Header Fields Too Large</h1>") != NULL);
    CHECK(strstr(b, "<h2>What you can do</h2>") != NULL);
    CHECK(strstr(b, "<h2>For the site owner</h2>") != NULL);
    CHECK(strstr(b, "<code>ReqGuardMaxFieldSize</code>") != NULL);
    CHECK(strstr(b, "name=\"viewport\"") != NULL);
    CHECK(strstr(b, "<style>") != NULL);
    CHECK(strstr(b, "<script") == NULL);
    CHECK(strstr(b, "://") == NULL);
    CHECK(strstr(b, "url(") == NULL);
    CHECK(strstr(b, "@import") == NULL);
    CHECK(strstr(b, "src=") == NULL);
    CHECK(strstr(b, "href=") == NULL);
    CHECK(strcmp(b + strlen(b) - 8, "</html>\n") == 0);
    CHECK(clean(b));
    in.full = 0;
    b = body(&in, RG_RENDER_HTML);
    CHECK(strstr(b, "For the site owner") == NULL);
    CHECK(strstr(b, "ReqGuardMaxFieldSize") == NULL);
    CHECK(strstr(b, "8190") == NULL);

    /* A crafted field name and path come back escaped in every format. */
    in = cookie_431();
    in.full = 1;
    in.field = "X-<b>\"&'";
    in.path = "/a<script>alert(\"x\")</script>&b";
    b = body(&in, RG_RENDER_HTML);
    CHECK(strstr(b, "<script") == NULL);
    CHECK(strstr(b, "X-&lt;b&gt;&quot;&amp;&#39;") != NULL);
    CHECK(strstr(b, "/a&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
                    "&amp;b") != NULL);
    CHECK(strstr(b, "the X-") == NULL);
    CHECK(strstr(b, "A browser extension, proxy or program may have added "
                    "this header field") != NULL);
    b = body(&in, RG_RENDER_JSON);
    CHECK(strstr(b, "\"field\": \"X-\\u003cb\\u003e\\\"\\u0026'\"") != NULL);
    CHECK(strstr(b, "<") == NULL);
    CHECK(strstr(b, "&") == NULL);
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "Field:      X-<b>\"&'\n") != NULL);

    /* The longest inputs stay inside the buffer, truncated. */
    {
        char big[4096];
        apr_size_t len;

        memset(big, '<', sizeof(big) - 1);
        big[sizeof(big) - 1] = '\0';
        in.field = big;
        in.path = big;
        in.request_id = big;
        in.time = big;
        in.reason = big;
        in.directive = big;
        b = rg_render_body(pool, &in, RG_RENDER_HTML, &len);
        CHECK(strcmp(b + len - 8, "</html>\n") == 0);
        CHECK(strstr(b, ELLIPSIS) != NULL);
        b = rg_render_body(pool, &in, RG_RENDER_JSON, &len);
        CHECK(strcmp(b + len - 3, "\n}\n") == 0);
        b = rg_render_body(pool, &in, RG_RENDER_TEXT, &len);
        CHECK(len < 4096);
    }

    /* Every kind renders its own words; units and numbers per kind. */
    {
        int k, ok = 1;

        for (k = 0; k < RG_KIND_COUNT; k++) {
            rg_render_in_t ki = cookie_431();

            ki.kind = (rg_kind_e)k;
            ki.status = rg_kind_status((rg_kind_e)k);
            ki.directive = NULL;
            ki.full = 1;
            b = body(&ki, RG_RENDER_HTML);
            ok &= strstr(b, rg_kind_directive((rg_kind_e)k)) != NULL;
            b = body(&ki, RG_RENDER_JSON);
            ok &= strstr(b, rg_kind_name((rg_kind_e)k)) != NULL;
            ok &= clean(b);
            ok &= json_ok(b);
            ki.full = 0;
            ok &= json_ok(body(&ki, RG_RENDER_JSON));
        }
        CHECK(ok);
    }
    in = cookie_431();
    in.kind = RG_KIND_FIELDS;
    in.status = 431;
    in.field = NULL;
    in.observed = 120;
    in.limit = 100;
    in.full = 1;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "Observed:   120 fields\n") != NULL);
    CHECK(strstr(b, "more header fields") != NULL);
    CHECK(strstr(b, "Field:") == NULL);
    in.kind = RG_KIND_LENGTH_REQUIRED;
    in.status = 411;
    in.directive = NULL;
    b = body(&in, RG_RENDER_JSON);
    CHECK(strstr(b, "\"limit\"") == NULL);
    CHECK(strstr(b, "\"directive\": \"ReqGuardRequireLength\"") != NULL);
    in.kind = RG_KIND_BODY;
    in.status = 413;
    in.observed = 10485761;
    in.limit = 10485760;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "Limit:      10485760 bytes (10.0 MiB)\n") != NULL);
    CHECK(strstr(b, "smaller file") != NULL);
    in.kind = RG_KIND_BODY_TIMEOUT;
    in.status = 408;
    in.directive = "ReqGuardBodyMinRate";
    in.observed = 10;
    in.limit = 500;
    b = body(&in, RG_RENDER_JSON);
    CHECK(strstr(b, "\"unit\": \"bytes per second\"") != NULL);
    in.kind = RG_KIND_CORE_FIELD_SIZE;
    in.status = 431;
    in.field = "cookie";
    in.directive = NULL;
    in.observed = -1;
    in.limit = 8190;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "The cookies this site has stored in your browser have "
                    "grown too large: the cookie header field that carries "
                    "them is larger than this server accepts.") != NULL);
    CHECK(strstr(b, "Clear the cookies") != NULL);
    CHECK(strstr(b, "Observed:") == NULL);
    CHECK(strstr(b, "Limit:      8190 bytes") != NULL);
    CHECK(strstr(b, "Directive:  LimitRequestFieldSize\n") != NULL);
    CHECK(strstr(b, ".htaccess cannot change it") != NULL);

    /* A limit a ReqGuardCeiling set: the directive named is the ceiling,
     * and only the administrator can raise it. */
    in.kind = RG_KIND_BODY;
    in.status = 413;
    in.field = NULL;
    in.directive = "ReqGuardCeiling MaxBody";
    in.ceiling = 1;
    in.observed = 3000;
    in.limit = 1024;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "Directive:  ReqGuardCeiling MaxBody\n") != NULL);
    CHECK(strstr(b, "ask the server administrator") != NULL);
    CHECK(strstr(b, "in .htaccess (up to") == NULL);
    in.ceiling = 0;
    in.directive = NULL;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "ask the server administrator") == NULL);
    CHECK(strstr(b, "Directive:  ReqGuardMaxBody\n") != NULL);

    /* A status we did not cause: generic words, about:blank, no kind,
     * nothing of the site owner's even under Full. */
    memset(&in, 0, sizeof(in));
    in.status = 404;
    in.reason = "Not Found";
    in.kind = RG_KIND_NONE;
    in.path = "/missing";
    in.observed = -1;
    in.limit = -1;
    in.full = 1;
    b = body(&in, RG_RENDER_JSON);
    CHECK(strstr(b, "\"type\": \"about:blank\"") != NULL);
    CHECK(strstr(b, "\"title\": \"Not Found\"") != NULL);
    CHECK(strstr(b, "\"status\": 404,") != NULL);
    CHECK(strstr(b, "There is no page at this address.") != NULL);
    CHECK(strstr(b, "\"kind\"") == NULL);
    CHECK(strstr(b, "\"directive\"") == NULL);
    CHECK(strstr(b, "\"request_id\"") == NULL);
    b = body(&in, RG_RENDER_HTML);
    CHECK(strstr(b, "For the site owner") == NULL);
    in.status = 500;
    in.reason = NULL;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strncmp(b, "500 Error\n", 10) == 0);
    CHECK(strstr(b, "unexpected problem") != NULL);
    in.status = 418;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "could not be completed") != NULL);
    in.status = 599;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "could not complete") != NULL);

    /* Every status's fixed words are valid inside a JSON string. */
    {
        int st, ok = 1;

        in.request_id = "id";
        for (st = 100; st < 600; st++) {
            in.status = st;
            ok &= json_ok(body(&in, RG_RENDER_JSON));
        }
        CHECK(ok);
    }
    in = cookie_431();
    in.field = "\"quoted\\";
    CHECK(json_ok(body(&in, RG_RENDER_JSON)));
    /* and the checker does catch a stray quote, a bad number, a raw
     * control byte, a trailing comma or a bad escape */
    CHECK(!json_ok("{\n  \"a\": \"x\"y\"\n}\n"));
    CHECK(!json_ok("{\n  \"a\": 4x2\n}\n"));
    CHECK(!json_ok("{\n  \"a\": \"x\ty\"\n}\n"));
    CHECK(!json_ok("{\n  \"a\": [1, 2,]\n}\n"));
    CHECK(!json_ok("{\n  \"a\": \"\\q\"\n}\n"));
    CHECK(!json_ok("{\n  \"a\": 01\n}\n"));
    CHECK(!json_ok("{\n  \"a\": 1 \"b\": 2\n}\n"));
    CHECK(json_ok("{\n  \"a\": \"x\\\"y\\u003c\",\n  \"b\": 42,\n"
                  "  \"c\": [{\"d\": 4.5}, {}]\n}\n"));
}

/* A Cookie field of 13 cookies: big (4004 bytes), mid (1004), k01..k11
 * (19 each); every value carries a marker that must never show. */
static const rg_cookies_t *thirteen_cookies(void)
{
    char big[4001], mid[1001];
    const char *field;
    int i;

    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    memcpy(big, "VALUE-MARKER-", 13);
    memset(mid, 'y', sizeof(mid) - 1);
    mid[sizeof(mid) - 1] = '\0';
    memcpy(mid, "VALUE-MARKER-", 13);
    field = apr_pstrcat(pool, "big=", big, "; mid=", mid, NULL);
    for (i = 1; i <= 11; i++) {
        field = apr_psprintf(pool, "%s; k%02d=VALUE-MARKER-%02d", field, i,
                             i);
    }
    return rg_cookies_parse(pool, field);
}

static void test_cookie_bodies(void)
{
    rg_render_in_t in = cookie_431();
    const rg_cookies_t *c = thirteen_cookies();
    char *b;
    int f;

    CHECK(c->pairs == 13 && c->bytes == 5217);
    in.cookies = c;

    /* Brief: the count and the total, no names. */
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "Cookies:    13 (5217 bytes)\n") != NULL);
    CHECK(strstr(b, "big") == NULL);
    CHECK(strstr(b, "largest first") == NULL);
    b = body(&in, RG_RENDER_JSON);
    CHECK(json_ok(b));
    CHECK(strstr(b, "\"cookie_count\": 13,\n") != NULL);
    CHECK(strstr(b, "\"cookie_bytes\": 5217,\n") != NULL);
    CHECK(strstr(b, "\"cookies\"") == NULL);
    b = body(&in, RG_RENDER_HTML);
    CHECK(strstr(b, "<dt>Cookies</dt><dd>13 (5217 bytes)</dd>") != NULL);
    CHECK(strstr(b, "<table>") == NULL);
    CHECK(strstr(b, "<section") == NULL);

    /* Full, text: the ten largest by name, the three others summed, each
     * with its share of the 8190-byte limit. */
    in.full = 1;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "\nCookies, largest first (bytes of name=value as sent, "
                    "share of the limit; no value is shown):\n"
                    "  big     4004  48.9%\n"
                    "  mid     1004  12.3%\n"
                    "  k01       19   0.2%\n") != NULL);
    CHECK(strstr(b, "  k08       19   0.2%\n"
                    "  3 more    57   0.7%\n") != NULL);
    CHECK(strstr(b, "k09") == NULL);
    CHECK(strstr(b, "Cookies:    13 (5217 bytes)\n") != NULL);
    /* The list is the site owner's, after the owner's advice. */
    CHECK(strstr(b, "For the site owner:") < strstr(b, "largest first"));

    b = body(&in, RG_RENDER_JSON);
    CHECK(json_ok(b));
    CHECK(strstr(b, ",\n  \"cookies\": [\n"
                    "    {\"name\": \"big\", \"bytes\": 4004, "
                    "\"share\": 48.9},\n"
                    "    {\"name\": \"mid\", \"bytes\": 1004, "
                    "\"share\": 12.3},\n"
                    "    {\"name\": \"k01\", \"bytes\": 19, "
                    "\"share\": 0.2},\n")
          != NULL);
    CHECK(strstr(b, "    {\"name\": \"k08\", \"bytes\": 19, \"share\": 0.2}\n"
                    "  ],\n  \"cookies_more\": {\"count\": 3, \"bytes\": 57, "
                    "\"share\": 0.7}\n}\n") != NULL);

    b = body(&in, RG_RENDER_HTML);
    CHECK(strstr(b, "<th scope=\"col\" class=\"n\">Share of the limit</th>")
          != NULL);
    CHECK(strstr(b, "<tr><td><code>big</code></td><td class=\"n\">4004</td>"
                    "<td class=\"n\">48.9%</td></tr>\n") != NULL);
    CHECK(strstr(b, "<tr><td>3 more</td><td class=\"n\">57</td>"
                    "<td class=\"n\">0.7%</td></tr>\n") != NULL);
    CHECK(strstr(b, "<dt>Cookies</dt><dd>13 (5217 bytes)</dd>") != NULL);
    CHECK(strstr(b, "<section>\n<h2>For the site owner</h2>") != NULL);
    CHECK(clean(b));

    /* Never a value, at any level, in any format. */
    for (f = 0; f < 3; f++) {
        in.full = 0;
        CHECK(strstr(body(&in, (rg_render_fmt_e)f), "VALUE-MARKER") == NULL);
        CHECK(strstr(body(&in, (rg_render_fmt_e)f), "xxxx") == NULL);
        in.full = 1;
        CHECK(strstr(body(&in, (rg_render_fmt_e)f), "VALUE-MARKER") == NULL);
        CHECK(strstr(body(&in, (rg_render_fmt_e)f), "xxxx") == NULL);
    }

    /* No limit known, or not in bytes: no shares. */
    in.limit = -1;
    b = body(&in, RG_RENDER_JSON);
    CHECK(json_ok(b));
    CHECK(strstr(b, "{\"name\": \"big\", \"bytes\": 4004}") != NULL);
    CHECK(strstr(b, "\"share\"") == NULL);
    b = body(&in, RG_RENDER_HTML);
    CHECK(strstr(b, "Share of the limit") == NULL);
    CHECK(strstr(b, "<tr><td><code>big</code></td><td class=\"n\">4004</td>"
                    "</tr>") != NULL);
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "(bytes of name=value as sent; no value is shown):\n"
                    "  big     4004\n") != NULL);
    in.limit = 100;
    in.kind = RG_KIND_FIELDS;
    CHECK(strstr(body(&in, RG_RENDER_JSON), "\"share\"") == NULL);

    /* The header block: the cookies with their share of the block limit,
     * and the kind's own words. */
    in = cookie_431();
    in.cookies = c;
    in.full = 1;
    in.kind = RG_KIND_HEADER_SIZE;
    in.field = NULL;
    in.limit = 16000;
    in.directive = NULL;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "too large taken together") != NULL);
    CHECK(strstr(b, "  big     4004  25.0%\n") != NULL);
    CHECK(strstr(b, "Field:") == NULL);

    /* Names: escaped and cut like field names; a nameless cookie is named
     * for what it is. */
    {
        char longname[300];
        const rg_cookies_t *odd;

        memset(longname, 'n', sizeof(longname) - 1);
        longname[sizeof(longname) - 1] = '\0';
        odd = rg_cookies_parse(pool, apr_pstrcat(pool,
                               "<script>x</script>=aaaaaaaaaaaa; "
                               "\"q\"&=bbbbbbbbbbb; just-a-value-xyz; ",
                               longname, "=1", NULL));
        in = cookie_431();
        in.cookies = odd;
        in.full = 1;
        b = body(&in, RG_RENDER_HTML);
        CHECK(strstr(b, "<script") == NULL);
        CHECK(strstr(b, "<code>&lt;script&gt;x&lt;/script&gt;</code>")
              != NULL);
        CHECK(strstr(b, "<code>&quot;q&quot;&amp;</code>") != NULL);
        CHECK(strstr(b, "<tr><td>(no name)</td>") != NULL);
        CHECK(strstr(b, "just-a-value") == NULL);
        CHECK(strstr(b, "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
                        "nnnnnnnnnnn" ELLIPSIS "</code>") != NULL);
        CHECK(clean(b));
        b = body(&in, RG_RENDER_JSON);
        CHECK(json_ok(b));
        CHECK(strstr(b, "{\"name\": \"\\u003cscript\\u003ex\\u003c/script"
                        "\\u003e\", \"bytes\": 31") != NULL);
        CHECK(strstr(b, "{\"name\": \"\\\"q\\\"\\u0026\", \"bytes\": 16")
              != NULL);
        CHECK(strstr(b, "{\"name\": \"\", \"bytes\": 16") != NULL);
        CHECK(strstr(b, "just-a-value") == NULL);
        b = body(&in, RG_RENDER_TEXT);
        CHECK(strstr(b, "  (no name)") != NULL);
        CHECK(strstr(b, "just-a-value") == NULL);
        CHECK(clean(b));
    }
}

/* A Cookie line core stopped reading: the counts are "at least", the
 * site owner is told the list covers what was read, a cut-off last pair
 * without its name is counted but not listed. */
static void test_partial_cookies(void)
{
    static const char line[] = "Cookie: big=VALUE-MARKER-xxxxxxxxxxxxxxxx; "
                               "mid=VALUE-MARKER-yy; cut-off-na";
    rg_cookies_stream_t *s = rg_cookies_stream_make(pool);
    rg_render_in_t in = cookie_431();
    const rg_cookies_t *c;
    char *b;
    int f;

    rg_cookies_stream_start(s, 1);
    rg_cookies_stream_feed(s, line, sizeof(line) - 1);
    c = rg_cookies_stream_result(pool, s);
    CHECK(c != NULL && c->partial && c->pairs == 3 && c->count == 2);
    CHECK(c->bytes == 33 + 19 + 10);
    in.cookies = c;
    in.kind = RG_KIND_CORE_FIELD_SIZE;
    in.directive = NULL;

    /* Brief: "at least" in any language. */
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "Cookies:    3+ (62+ bytes)\n") != NULL);
    CHECK(strstr(b, "read only the start") == NULL);
    in.lang = RG_LANG_FR;
    CHECK(strstr(body(&in, RG_RENDER_HTML),
                 "<dd>3+ (62+\xC2\xA0octets)</dd>") != NULL);
    in.lang = RG_LANG_EN;
    b = body(&in, RG_RENDER_JSON);
    CHECK(json_ok(b));
    CHECK(strstr(b, "\"cookie_count\": 3,\n  \"cookie_bytes\": 62,\n"
                    "  \"cookies_partial\": true,\n") != NULL);

    /* Full: the note above the list; the cut-off pair is in the rest. */
    in.full = 1;
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "\nThe server read only the start of the Cookie field "
                    "before it refused it:") != NULL);
    CHECK(strstr(b, "  big     33  0.4%\n"
                    "  mid     19  0.2%\n"
                    "  1 more  10  0.1%\n") != NULL);
    b = body(&in, RG_RENDER_HTML);
    CHECK(strstr(b, "<h3>Cookies, largest first</h3>\n<p>The server read "
                    "only the start") != NULL);
    CHECK(clean(b));
    b = body(&in, RG_RENDER_JSON);
    CHECK(json_ok(b));
    CHECK(strstr(b, "\"cookies_partial\": true") != NULL);
    CHECK(strstr(b, "{\"name\": \"big\", \"bytes\": 33") != NULL);
    for (f = 0; f < 3; f++) {
        CHECK(strstr(body(&in, (rg_render_fmt_e)f), "VALUE-MARKER") == NULL);
        CHECK(strstr(body(&in, (rg_render_fmt_e)f), "cut-off") == NULL);
    }

    /* A whole field says none of it. */
    in.cookies = rg_cookies_parse(pool, "a=1; b=2");
    for (f = 0; f < 3; f++) {
        b = body(&in, (rg_render_fmt_e)f);
        CHECK(strstr(b, "partial") == NULL && strstr(b, "2+") == NULL);
        CHECK(strstr(b, "read only the start") == NULL);
    }
}

static void test_recovery(void)
{
    rg_render_in_t in = cookie_431();
    char *b;

    /* Without a recovery header: the usual advice, no link anywhere. */
    b = body(&in, RG_RENDER_HTML);
    CHECK(strstr(b, "Clear the cookies") != NULL);
    CHECK(strstr(b, "href=") == NULL);
    CHECK(strstr(b, "Reload the page") == NULL);
    CHECK(strstr(body(&in, RG_RENDER_JSON), "recovery") == NULL);

    /* With one: reloading works now, a plain link to this very page (an
     * empty reference: no path or query written out, no script). */
    in.recovery = RG_RECOVERY_EXPIRE;
    b = body(&in, RG_RENDER_HTML);
    CHECK(strstr(b, "<h2>What you can do</h2>\n<p>This site has just asked "
                    "your browser to delete the cookies that made the "
                    "request too large, so the page should work now when "
                    "you reload it. You may have to sign in again.</p>\n"
                    "<p><a href=\"\">Reload the page</a></p>\n") != NULL);
    CHECK(strstr(b, "Clear the cookies") == NULL);
    CHECK(strstr(b, "<script") == NULL);
    CHECK(strstr(b, "href=\"/") == NULL);
    CHECK(strstr(b, "The cookies this site has stored") != NULL);
    b = body(&in, RG_RENDER_TEXT);
    CHECK(strstr(b, "What you can do: This site has just asked your browser "
                    "to delete the cookies") != NULL);
    CHECK(strstr(b, "href") == NULL);
    b = body(&in, RG_RENDER_JSON);
    CHECK(json_ok(b));
    CHECK(strstr(b, "\"advice\": \"This site has just asked") != NULL);
    CHECK(strstr(b, ",\n  \"recovery\": \"expire\",\n") != NULL);
    in.recovery = RG_RECOVERY_CLEAR_SITE_DATA;
    b = body(&in, RG_RENDER_JSON);
    CHECK(strstr(b, ",\n  \"recovery\": \"clear-site-data\",\n") != NULL);
    CHECK(strstr(body(&in, RG_RENDER_HTML), "<a href=\"\">") != NULL);
}

int main(void)
{
    apr_initialize();
    apr_pool_create(&pool, NULL);

    test_negotiation();
    test_escaping();
    test_log_token();
    test_time_and_types();
    test_bodies();
    test_cookie_bodies();
    test_recovery();
    test_partial_cookies();

    apr_pool_destroy(pool);
    apr_terminate();
    return RG_UNIT_END("test_render");
}
