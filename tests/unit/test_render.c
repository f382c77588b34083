/*
 * test_render.c - unit tests for Accept negotiation, escaping, truncation
 * and the three body formats of a diagnostic response.
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

/* Each member line of a JSON body is `  "name": number` or
 * `  "name": "string"` with every quote inside the string escaped, so the
 * fixed sentences cannot break the document. */
static int json_lines_ok(const char *b)
{
    const char *line = b;

    if (strncmp(b, "{\n", 2) != 0 || strcmp(b + strlen(b) - 3, "\n}\n")) {
        return 0;
    }
    while ((line = strchr(line, '\n')) != NULL && line[1] == ' ') {
        const char *p = line + 1, *end = strchr(p, '\n');

        if (strncmp(p, "  \"", 3) != 0) {
            return 0;
        }
        p = strchr(p + 3, '"');
        if (p == NULL || strncmp(p, "\": ", 3) != 0) {
            return 0;
        }
        p += 3;
        if (end[-1] == ',') {
            end--;
        }
        if (*p == '"') {
            if (end[-1] != '"' || end - 1 == p) {
                return 0;
            }
            for (p++; p < end - 1; p++) {
                if (*p == '\\') {
                    p++;
                }
                else if (*p == '"') {
                    return 0;
                }
            }
        }
        else {
            for (; p < end; p++) {
                if (*p < '0' || *p > '9') {
                    return 0;
                }
            }
        }
        line = end;
    }
    return 1;
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
    CHECK(strstr(b, "The Cookie header field of the request is too large.")
          != NULL);
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
    CHECK(strstr(b, "\"detail\": \"The Cookie header field") != NULL);
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
            ok &= json_lines_ok(b);
            ki.full = 0;
            ok &= json_lines_ok(body(&ki, RG_RENDER_JSON));
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
    CHECK(strstr(b, "The cookie header field of the request is larger than "
                    "this server accepts.") != NULL);
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
            ok &= json_lines_ok(body(&in, RG_RENDER_JSON));
        }
        CHECK(ok);
    }
    in = cookie_431();
    in.field = "\"quoted\\";
    CHECK(json_lines_ok(body(&in, RG_RENDER_JSON)));
    /* and the checker does catch a stray quote or a bad number */
    CHECK(!json_lines_ok("{\n  \"a\": \"x\"y\"\n}\n"));
    CHECK(!json_lines_ok("{\n  \"a\": 4x2\n}\n"));
    CHECK(json_lines_ok("{\n  \"a\": \"x\\\"y\",\n  \"b\": 42\n}\n"));
}

int main(void)
{
    apr_initialize();
    apr_pool_create(&pool, NULL);

    test_negotiation();
    test_escaping();
    test_time_and_types();
    test_bodies();

    apr_pool_destroy(pool);
    apr_terminate();
    return RG_UNIT_END("test_render");
}
