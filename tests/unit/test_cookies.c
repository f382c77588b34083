/*
 * test_cookies.c - unit tests for the Cookie field pairs: parsing hostile
 * input, largest-first order with the rest summed, the size a browser's
 * next Cookie field has, the expiry plan and the Set-Cookie values; the
 * same field read as a line in pieces split anywhere, whole or cut.
 */
#include <string.h>
#include <apr_general.h>
#include <apr_lib.h>
#include <apr_strings.h>

#include "rg_unit.h"
#include "reqguard_cookies.h"

static apr_pool_t *pool;

/* The items of c as "name:bytes,name:bytes", for compact checks. */
static const char *order(const rg_cookies_t *c)
{
    const char *s = "";
    apr_size_t i;

    for (i = 0; i < c->count; i++) {
        s = apr_psprintf(pool, "%s%s%s:%" APR_SIZE_T_FMT, s, i ? "," : "",
                         c->items[i].name, c->items[i].bytes);
    }
    return s;
}

static int order_is(const rg_cookies_t *c, const char *expect)
{
    const char *got = order(c);

    if (strcmp(got, expect) != 0) {
        fprintf(stderr, "  order: got [%s], expected [%s]\n", got, expect);
        return 0;
    }
    return 1;
}

/* Field size of a value as a browser would join its pairs again. */
static apr_off_t joined(const char *value)
{
    rg_cookies_t *c = rg_cookies_parse(pool, value);

    return rg_cookies_field_size(c->pairs, c->bytes);
}

static void test_parse(void)
{
    rg_cookies_t *c;

    /* Nothing. */
    c = rg_cookies_parse(pool, NULL);
    CHECK(c->pairs == 0 && c->count == 0 && c->bytes == 0);
    CHECK(c->items == NULL);
    c = rg_cookies_parse(pool, "");
    CHECK(c->pairs == 0 && c->count == 0);
    c = rg_cookies_parse(pool, " ; ;;\t; ");
    CHECK(c->pairs == 0 && c->bytes == 0);

    /* A browser's field: largest first, bytes of name=value. */
    c = rg_cookies_parse(pool, "a=1; session=abcdefgh; _ga=GA1.2.3");
    CHECK(c->pairs == 3);
    CHECK(c->bytes == 3 + 16 + 11);
    CHECK(order_is(c, "session:16,_ga:11,a:3"));
    CHECK(c->rest_pairs == 0 && c->rest_bytes == 0);
    CHECK(c->items[0].name_len == 7);
    CHECK(c->items[0].expirable && c->items[1].expirable);

    /* Equal sizes keep the order they were sent in. */
    c = rg_cookies_parse(pool, "b=2; a=1; c=3; dd=4");
    CHECK(order_is(c, "dd:4,b:3,a:3,c:3"));

    /* Blanks around pairs and around the name are not part of either;
     * blanks inside the pair are bytes as sent. */
    c = rg_cookies_parse(pool, "  x =  1 ;\ty=2\t");
    CHECK(c->pairs == 2);
    CHECK(order_is(c, "x:6,y:3"));

    /* No '=': a nameless pair, counted, never expirable. */
    c = rg_cookies_parse(pool, "justvalue; k=v");
    CHECK(order_is(c, ":9,k:3"));
    CHECK(c->items[0].name_len == 0);
    CHECK(!c->items[0].expirable);

    /* Empty name, empty value. */
    c = rg_cookies_parse(pool, "=abc; e=");
    CHECK(order_is(c, ":4,e:2"));
    CHECK(!c->items[0].expirable && c->items[1].expirable);

    /* Quotes are not special: ';' splits as browsers split. */
    c = rg_cookies_parse(pool, "q=\"a;b\"; r=\"x y\"");
    CHECK(c->pairs == 3);
    CHECK(order_is(c, "r:7,q:4,:2"));     /* b" has no '=': nameless */
    CHECK(!c->items[2].expirable);

    /* A comma stays in its value; the name is what precedes '='. */
    c = rg_cookies_parse(pool, "list=a,b,c");
    CHECK(c->pairs == 1 && order_is(c, "list:10"));
    c = rg_cookies_parse_joined(pool, "d=Wed, 01 Jan 2026; e=a, b; f=x,y=1");
    CHECK(c->pairs == 3 && order_is(c, "d:18,f:7,e:6"));
    /* One line: ", name=" is part of a value, as browsers take it. */
    c = rg_cookies_parse(pool, "n1=x, y=aaaa; n2=s");
    CHECK(c->pairs == 2 && order_is(c, "n1:12,n2:4"));

    /* Two Cookie lines as Apache joins them (", "): two fields' pairs,
     * the same bytes as one field joined with "; ". */
    c = rg_cookies_parse_joined(pool, "a=1; big=xxxxxxxx, c=333; d=4");
    CHECK(c->pairs == 4 && order_is(c, "big:12,c:5,a:3,d:3"));
    CHECK(rg_cookies_field_size(c->pairs, c->bytes)
          == (apr_off_t)strlen("Cookie: a=1; big=xxxxxxxx, c=333; d=4"));
    c = rg_cookies_parse_joined(pool, "a=1;, b=2, , c=3");
    CHECK(c->pairs == 3 && order_is(c, "b:4,a:3,c:3"));
    c = rg_cookies_parse_joined(pool, "a=1, =2, b c=3, x");
    CHECK(c->pairs == 1 && order_is(c, "a:17"));
    c = rg_cookies_parse_joined(pool, NULL);
    CHECK(c->pairs == 0 && c->count == 0);

    /* Any byte but NUL: names that are no token are listed, not
     * expirable; a second '=' belongs to the value. */
    c = rg_cookies_parse(pool, "n\xc3\xa4me=1; <b>=2; a b=3; k==v");
    CHECK(c->pairs == 4);
    CHECK(strcmp(c->items[0].name, "n\xc3\xa4me") == 0);
    CHECK(!c->items[0].expirable);
    CHECK(strcmp(c->items[1].name, "<b>") == 0 && !c->items[1].expirable);
    CHECK(strcmp(c->items[2].name, "a b") == 0 && !c->items[2].expirable);
    CHECK(strcmp(c->items[3].name, "k") == 0 && c->items[3].expirable);
    CHECK(c->items[3].bytes == 4);

    /* A name longer than RG_COOKIE_NAME_MAX: kept cut (one byte more than
     * the limit, so it still shows as cut), never expirable. */
    {
        char big[600];

        memset(big, 'n', 400);
        memcpy(big + 400, "=v", 3);
        c = rg_cookies_parse(pool, big);
        CHECK(c->count == 1);
        CHECK(strlen(c->items[0].name) == RG_COOKIE_NAME_MAX + 1);
        CHECK(c->items[0].name_len == 400);
        CHECK(c->items[0].bytes == 402);
        CHECK(!c->items[0].expirable);

        memset(big, 'n', RG_COOKIE_NAME_MAX);
        memcpy(big + RG_COOKIE_NAME_MAX, "=v", 3);
        c = rg_cookies_parse(pool, big);
        CHECK(c->items[0].expirable);
        CHECK(strlen(c->items[0].name) == RG_COOKIE_NAME_MAX);
    }
}

static void test_many_pairs(void)
{
    /* Thousands of pairs: the RG_COOKIES_KEEP largest are kept, the rest
     * counted and summed, totals exact. */
    enum { PAIRS = 5000, BIG = 2500 };
    char *field = apr_palloc(pool, PAIRS * 16 + 500 + 1);
    apr_size_t o = 0, total = 0, i, kept_bytes = 0;
    rg_cookies_t *c;
    int sorted = 1;

    for (i = 0; i < PAIRS; i++) {
        /* "x=" and 0..9 bytes of value; one of 500 in the middle */
        apr_size_t vlen = i == BIG ? 500 : i % 10;

        if (i > 0) {
            memcpy(field + o, "; ", 2);
            o += 2;
        }
        field[o++] = (char)('a' + i % 26);
        field[o++] = '=';
        memset(field + o, 'v', vlen);
        o += vlen;
        total += 2 + vlen;
    }
    field[o] = '\0';

    c = rg_cookies_parse(pool, field);
    CHECK(c->pairs == PAIRS);
    CHECK(c->bytes == total);
    CHECK(c->count == RG_COOKIES_KEEP);
    CHECK(c->rest_pairs == PAIRS - RG_COOKIES_KEEP);
    CHECK(c->items[0].bytes == 2 + 500);   /* the big one first */
    for (i = 0; i < c->count; i++) {
        kept_bytes += c->items[i].bytes;
        if (i > 0 && c->items[i].bytes > c->items[i - 1].bytes) {
            sorted = 0;
        }
    }
    CHECK(sorted);
    CHECK(kept_bytes + c->rest_bytes == total);
    /* After the big one, the largest are the 11-byte pairs, the earliest
     * sent of them first (pair 9 is "j=" and nine bytes). */
    CHECK(c->items[1].bytes == 11);
    CHECK(c->items[RG_COOKIES_KEEP - 1].bytes == 11);
    CHECK(strcmp(c->items[1].name, "j") == 0);
    /* The joined size is what a browser would send. */
    CHECK(rg_cookies_field_size(c->pairs, c->bytes)
          == (apr_off_t)(8 + total + 2 * (PAIRS - 1)));
    CHECK(rg_cookies_field_size(c->pairs, c->bytes) == (apr_off_t)(8 + o));
}

static void test_field_size(void)
{
    CHECK(rg_cookies_field_size(0, 0) == 0);
    CHECK(rg_cookies_field_size(1, 3) == (apr_off_t)strlen("Cookie: a=1"));
    CHECK(joined("a=1; b=22") == (apr_off_t)strlen("Cookie: a=1; b=22"));
    /* A field sent with other separators is counted the way a browser
     * sends the cookies next time. */
    CHECK(joined("a=1;b=22") == (apr_off_t)strlen("Cookie: a=1; b=22"));
    CHECK(joined("  a=1 ;   b=22;;")
          == (apr_off_t)strlen("Cookie: a=1; b=22"));
    /* Saturates instead of wrapping. */
    CHECK(rg_cookies_field_size(APR_SIZE_MAX, APR_SIZE_MAX)
          == (apr_off_t)APR_INT64_MAX);
}

/* Names marked for expiry, "a,b". */
static const char *marked(const rg_cookies_t *c)
{
    const char *s = "";
    apr_size_t i;

    for (i = 0; i < c->count; i++) {
        if (c->items[i].expire) {
            s = apr_pstrcat(pool, s, *s ? "," : "", c->items[i].name, NULL);
        }
    }
    return s;
}

static void test_plan(void)
{
    /* "Cookie: big=...(100); mid=...(50); s=1": 8 + 104 + 54 + 3 + 4. */
    const char *field;
    rg_cookies_t *c;
    apr_size_t n;
    apr_off_t size;
    char v100[101], v50[51];

    memset(v100, 'x', 100);
    v100[100] = '\0';
    memset(v50, 'y', 50);
    v50[50] = '\0';
    field = apr_pstrcat(pool, "s=1; big=", v100, "; mid=", v50, NULL);
    c = rg_cookies_parse(pool, field);
    size = rg_cookies_field_size(c->pairs, c->bytes);
    CHECK(size == (apr_off_t)strlen("Cookie: ") + (apr_off_t)strlen(field));

    /* Fits already: nothing marked. */
    CHECK(rg_cookies_plan(c, size, &n) == 1 && n == 0);
    CHECK(strcmp(marked(c), "") == 0);
    /* Unlimited: nothing marked. */
    CHECK(rg_cookies_plan(c, 0, &n) == 1 && n == 0);
    /* Unknown limit: no plan. */
    CHECK(rg_cookies_plan(c, -1, &n) == 0 && n == 0);

    /* One byte over: the largest goes, and exactly that is enough. */
    CHECK(rg_cookies_plan(c, size - 1, &n) == 1 && n == 1);
    CHECK(strcmp(marked(c), "big") == 0);
    /* The boundary: without big the field is "Cookie: s=1; mid=y..." */
    {
        apr_off_t without_big = (apr_off_t)strlen("Cookie: s=1; mid=") + 50;

        CHECK(rg_cookies_plan(c, without_big, &n) == 1 && n == 1);
        CHECK(rg_cookies_plan(c, without_big - 1, &n) == 1 && n == 2);
        CHECK(strcmp(marked(c), "big,mid") == 0);
        /* Only s=1 left: "Cookie: s=1" */
        CHECK(rg_cookies_plan(c, 11, &n) == 1 && n == 2);
        /* Below that, even dropping every cookie but s is not enough,
         * and s would have to go too: all three go, field gone. */
        CHECK(rg_cookies_plan(c, 10, &n) == 1 && n == 3);
        CHECK(strcmp(marked(c), "big,mid,s") == 0);
    }

    /* A large cookie whose name cannot be sent back is skipped; the next
     * ones go instead, and if they are not enough, nothing is marked. */
    field = apr_pstrcat(pool, "b@d=", v100, "; mid=", v50, "; s=1", NULL);
    c = rg_cookies_parse(pool, field);
    size = rg_cookies_field_size(c->pairs, c->bytes);
    CHECK(rg_cookies_plan(c, size - 10, &n) == 1 && n == 1);
    CHECK(strcmp(marked(c), "mid") == 0);
    CHECK(rg_cookies_plan(c, 100, &n) == 0 && n == 0);
    CHECK(strcmp(marked(c), "") == 0);

    /* The same name twice (two paths or domains): one Set-Cookie, and only
     * the larger pair counted as gone. */
    field = apr_pstrcat(pool, "sid=", v100, "; sid=", v50, "; s=1", NULL);
    c = rg_cookies_parse(pool, field);
    size = rg_cookies_field_size(c->pairs, c->bytes);
    CHECK(rg_cookies_plan(c, size - 1, &n) == 1 && n == 1);
    CHECK(strcmp(marked(c), "sid") == 0);
    CHECK(c->items[0].expire && !c->items[1].expire);
    /* Without the first sid and s: "Cookie: sid=" and 50 bytes. */
    CHECK(rg_cookies_plan(c, 62, &n) == 1 && n == 2);
    CHECK(strcmp(marked(c), "sid,s") == 0);
    CHECK(rg_cookies_plan(c, 61, &n) == 0 && n == 0);

    /* More pairs than are kept: the rest cannot be named, so a limit that
     * needs them too gets no plan. */
    {
        char *many = apr_palloc(pool, 8 * (RG_COOKIES_KEEP + 10) + 1);
        apr_size_t o = 0, i;

        for (i = 0; i < RG_COOKIES_KEEP + 10; i++) {
            o += (apr_size_t)sprintf(many + o, "%sc%03u=1", i ? "; " : "",
                                     (unsigned)i);
        }
        c = rg_cookies_parse(pool, many);
        CHECK(c->count == RG_COOKIES_KEEP && c->rest_pairs == 10);
        /* All kept gone: "Cookie: " and ten pairs of 6 bytes. */
        CHECK(rg_cookies_plan(c, 86, &n) == 1 && n == RG_COOKIES_KEEP);
        CHECK(rg_cookies_plan(c, 85, &n) == 0 && n == 0);
        CHECK(rg_cookies_plan(c, (apr_off_t)strlen(many) + 8 - 12, &n) == 1);
        CHECK(n == 2 && strcmp(marked(c), "c000,c001") == 0);
    }
}

static void test_expire_value(void)
{
    const char *v;

    CHECK(strcmp(rg_cookies_expire_value(pool, "session"),
                 "session=; Max-Age=0; Path=/") == 0);
    CHECK(strcmp(rg_cookies_expire_value(pool, "_ga_X1-2.3!"),
                 "_ga_X1-2.3!=; Max-Age=0; Path=/") == 0);
    /* Prefixed names need Secure to be replaced at all. */
    CHECK(strcmp(rg_cookies_expire_value(pool, "__Secure-sid"),
                 "__Secure-sid=; Max-Age=0; Path=/; Secure") == 0);
    CHECK(strcmp(rg_cookies_expire_value(pool, "__Host-sid"),
                 "__Host-sid=; Max-Age=0; Path=/; Secure") == 0);
    CHECK(strcmp(rg_cookies_expire_value(pool, "__host-sid"),
                 "__host-sid=; Max-Age=0; Path=/; Secure") == 0);
    CHECK(strcmp(rg_cookies_expire_value(pool, "__Hostile"),
                 "__Hostile=; Max-Age=0; Path=/") == 0);

    /* Never echoed: anything that is not a token, or too long. */
    CHECK(rg_cookies_expire_value(pool, NULL) == NULL);
    CHECK(rg_cookies_expire_value(pool, "") == NULL);
    CHECK(rg_cookies_expire_value(pool, "a b") == NULL);
    CHECK(rg_cookies_expire_value(pool, "a;b") == NULL);
    CHECK(rg_cookies_expire_value(pool, "a=b") == NULL);
    CHECK(rg_cookies_expire_value(pool, "a\r\nSet-Cookie: x") == NULL);
    CHECK(rg_cookies_expire_value(pool, "a,b") == NULL);
    CHECK(rg_cookies_expire_value(pool, "\"a\"") == NULL);
    CHECK(rg_cookies_expire_value(pool, "n\xc3\xa4me") == NULL);
    CHECK(rg_cookies_expire_value(pool, "a\x7f") == NULL);
    {
        char big[RG_COOKIE_NAME_MAX + 2];

        memset(big, 'n', sizeof(big) - 1);
        big[sizeof(big) - 1] = '\0';
        CHECK(rg_cookies_expire_value(pool, big) == NULL);
        big[RG_COOKIE_NAME_MAX] = '\0';
        v = rg_cookies_expire_value(pool, big);
        CHECK(v != NULL && strlen(v) == RG_COOKIE_NAME_MAX + 20);
    }

    /* Every name a parse marks is one the formatter accepts. */
    {
        rg_cookies_t *c = rg_cookies_parse(pool,
                                           "a b=1111111111; ok=22222222; "
                                           "=3333333; x=4");
        apr_size_t i;
        int ok = 1;

        CHECK(rg_cookies_plan(c, 12, NULL) == 0);
        CHECK(rg_cookies_plan(c, 30, NULL) == 0);
        CHECK(rg_cookies_plan(c, 40, NULL) == 1);
        for (i = 0; i < c->count; i++) {
            if (c->items[i].expire) {
                ok &= rg_cookies_expire_value(pool, c->items[i].name) != NULL;
            }
        }
        CHECK(ok);
        CHECK(strcmp(marked(c), "ok") == 0);
    }
}

/* 1 when a and b list the same pairs the same way. */
static int same(const rg_cookies_t *a, const rg_cookies_t *b)
{
    apr_size_t i;

    if (a == NULL || b == NULL || a->pairs != b->pairs
        || a->bytes != b->bytes || a->count != b->count
        || a->rest_pairs != b->rest_pairs || a->rest_bytes != b->rest_bytes
        || a->partial != b->partial) {
        return 0;
    }
    for (i = 0; i < a->count; i++) {
        if (strcmp(a->items[i].name, b->items[i].name) != 0
            || a->items[i].name_len != b->items[i].name_len
            || a->items[i].bytes != b->items[i].bytes
            || a->items[i].expirable != b->items[i].expirable) {
            return 0;
        }
    }
    return 1;
}

/* The result of a line fed in the pieces that cuts[] (ascending, ncuts
 * of them) make of it. */
static rg_cookies_t *fed(rg_cookies_stream_t *s, const char *line,
                         apr_size_t len, const apr_size_t *cuts,
                         apr_size_t ncuts)
{
    apr_size_t at = 0, i;

    rg_cookies_stream_start(s, 1);
    for (i = 0; i <= ncuts; i++) {
        apr_size_t end = i < ncuts ? cuts[i] : len;

        rg_cookies_stream_feed(s, line + at, end - at);
        at = end;
    }
    return rg_cookies_stream_result(pool, s);
}

static void test_stream_splits(void)
{
    /* Browser-like, blanks, nameless, empty names, odd bytes, quotes, a
     * long name: the line split at every point, and at every pair of
     * points, gives what a parse of the value gives. */
    static const char *const values[] = {
        "a=1; session=abcdefgh; _ga=GA1.2.3",
        "  x =  1 ;\ty=2\t",
        "justvalue; k=v;;=abc; e=",
        "q=\"a;b\"; r=\"x y\"; list=a,b,c; k==v",
        "n\xc3\xa4me=1; <b>=2; a b=3",
        "",
        " ; ;",
    };
    rg_cookies_stream_t *s = rg_cookies_stream_make(pool);
    apr_size_t v, i, j;
    int ok2 = 1, ok3 = 1, ok1 = 1;

    for (v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
        const char *line = apr_pstrcat(pool, "Cookie: ", values[v], "\r\n",
                                       NULL);
        apr_size_t len = strlen(line);
        rg_cookies_t *want = rg_cookies_parse(pool, values[v]);
        apr_size_t cuts[2];

        for (i = 0; i <= len; i++) {
            cuts[0] = i;
            ok2 &= same(fed(s, line, len, cuts, 1), want);
            for (j = i; j <= len; j++) {
                cuts[1] = j;
                ok3 &= same(fed(s, line, len, cuts, 2), want);
            }
        }
        /* One byte at a time. */
        rg_cookies_stream_start(s, 1);
        for (i = 0; i < len; i++) {
            rg_cookies_stream_feed(s, line + i, 1);
        }
        ok1 &= same(rg_cookies_stream_result(pool, s), want);
    }
    CHECK(ok2);
    CHECK(ok3);
    CHECK(ok1);

    /* A name longer than is kept, split inside: cut like a parse cuts it,
     * never expirable. */
    {
        char name[400], *line;
        apr_size_t len, cuts[1];
        rg_cookies_t *c;
        int ok = 1;

        memset(name, 'n', sizeof(name) - 1);
        name[sizeof(name) - 1] = '\0';
        line = apr_pstrcat(pool, "cookie:", name, "=v; s=1\n", NULL);
        len = strlen(line);
        for (i = 0; i <= len; i++) {
            cuts[0] = i;
            c = fed(s, line, len, cuts, 1);
            ok &= c != NULL && c->count == 2 && !c->partial
                  && strlen(c->items[0].name) == RG_COOKIE_NAME_MAX + 1
                  && c->items[0].name_len == sizeof(name) - 1
                  && !c->items[0].expirable && c->items[1].expirable;
        }
        CHECK(ok);
    }
}

static void test_stream_lines(void)
{
    rg_cookies_stream_t *s = rg_cookies_stream_make(pool);
    rg_cookies_t *c;

    /* Any case, with or without blanks after the colon; a bare LF ends
     * the line as CR does; what comes after the end is not the field. */
    rg_cookies_stream_start(s, 1);
    rg_cookies_stream_feed(s, "cOoKiE:a=1;bb=22\nX-Other: c=3; d=4\r\n", 36);
    c = rg_cookies_stream_result(pool, s);
    CHECK(c != NULL && !c->partial && order_is(c, "bb:5,a:3"));

    /* Other fields, or a name not fed whole: no result. */
    rg_cookies_stream_start(s, 1);
    rg_cookies_stream_feed(s, "X-Big: a=1\r\n", 12);
    CHECK(rg_cookies_stream_result(pool, s) == NULL);
    rg_cookies_stream_start(s, 1);
    rg_cookies_stream_feed(s, "Cookies: a=1\r\n", 14);
    CHECK(rg_cookies_stream_result(pool, s) == NULL);
    rg_cookies_stream_start(s, 1);
    rg_cookies_stream_feed(s, "Cookie : a=1\r\n", 14);
    CHECK(rg_cookies_stream_result(pool, s) == NULL);
    rg_cookies_stream_start(s, 1);
    rg_cookies_stream_feed(s, "Cook", 4);
    CHECK(rg_cookies_stream_result(pool, s) == NULL);
    rg_cookies_stream_start(s, 1);
    rg_cookies_stream_feed(s, ":a=1\r\n", 6);
    CHECK(rg_cookies_stream_result(pool, s) == NULL);

    /* Started again, nothing of the line before is left. */
    rg_cookies_stream_start(s, 1);
    rg_cookies_stream_feed(s, "Cookie: z=9\r\n", 13);
    c = rg_cookies_stream_result(pool, s);
    CHECK(c != NULL && c->pairs == 1 && order_is(c, "z:3"));

    /* Value mode: every byte is the value, a line end too. */
    rg_cookies_stream_start(s, 0);
    rg_cookies_stream_feed(s, "a=1; b=", 7);
    rg_cookies_stream_feed(s, "22", 2);
    c = rg_cookies_stream_result(pool, s);
    CHECK(c != NULL && !c->partial && order_is(c, "b:4,a:3"));
}

/* The line cut after every byte: what was read, pair by pair; the pair it
 * is cut in counts with what was read of it, and is listed when its name
 * was read whole. */
static void test_stream_cut(void)
{
    static const char value[] = "sid=abcdef; th eme=x;; =q; lone; k=v ";
    const char *line = apr_pstrcat(pool, "Cookie: ", value, NULL);
    apr_size_t len = strlen(line), i;
    rg_cookies_stream_t *s = rg_cookies_stream_make(pool);
    int ok = 1;

    for (i = 8; i <= len; i++) {
        const char *prefix = apr_pstrmemdup(pool, value, i - 8);
        const char *semi = strrchr(prefix, ';');
        const char *tail = semi ? semi + 1 : prefix;
        rg_cookies_t *want = rg_cookies_parse(pool, prefix), *got;
        apr_size_t cuts[1];

        cuts[0] = i / 2;
        got = fed(s, line, i, cuts, 1);
        ok &= got != NULL && got->partial;
        ok &= got->pairs == want->pairs && got->bytes == want->bytes;
        /* A last pair without its '=' is counted, not listed. */
        while (*tail == ' ') {
            tail++;
        }
        if (*tail != '\0' && strchr(tail, '=') == NULL) {
            ok &= got->count + 1 == want->count;
        }
        else {
            want->partial = 1;
            ok &= same(got, want);
        }
    }
    CHECK(ok);

    /* The plan for a partial field: every expirable name read goes, and
     * nothing says the next field fits. */
    {
        rg_cookies_t *c;
        apr_size_t n, cuts[1] = { 10 };
        const char *cut_line = "Cookie: big=xxxxxxxxxxxxxxxx; a b=1; "
                               "mid=yyyy; big=zz; tail=";

        c = fed(s, cut_line, strlen(cut_line), cuts, 1);
        CHECK(c->partial && c->pairs == 5);
        CHECK(order_is(c, "big:20,mid:8,big:6,a b:5,tail:5"));
        CHECK(rg_cookies_plan(c, 4096, &n) == 0 && n == 3);
        CHECK(strcmp(marked(c), "big,mid,tail") == 0);
        CHECK(rg_cookies_plan(c, -1, &n) == 0 && n == 0);
    }
}

/* Thousands of pairs in 8 KB pieces, as core reads a long line: the same
 * result as a parse of the whole value, in a collector of fixed size. */
static void test_stream_many(void)
{
    enum { PAIRS = 6000 };
    char *value = apr_palloc(pool, PAIRS * 20 + 1), *line;
    apr_size_t o = 0, i, len, cuts[32], ncuts = 0;
    rg_cookies_stream_t *s = rg_cookies_stream_make(pool);
    rg_cookies_t *c, *want;

    for (i = 0; i < PAIRS; i++) {
        o += (apr_size_t)sprintf(value + o, "%sc%u=%.*s", i ? "; " : "",
                                 (unsigned)i, (int)(i * 7 % 11),
                                 "vvvvvvvvvvvvvvvv");
    }
    line = apr_pstrcat(pool, "Cookie: ", value, "\r\n", NULL);
    len = strlen(line);
    for (i = 8192; i < len && ncuts < 32; i += 8192) {
        cuts[ncuts++] = i;
    }
    want = rg_cookies_parse(pool, value);
    c = fed(s, line, len, cuts, ncuts);
    CHECK(want->count == RG_COOKIES_KEEP && want->pairs == PAIRS);
    CHECK(same(c, want));
}

/* Random fields of hostile bytes (fixed seed): the parse agrees with a
 * plain reference split, keeps its order and bounds, and every plan that
 * says it fits does fit. */
static void test_random(void)
{
    static const char alphabet[] = "ab=;;  \t\",x\x80\xff\xc3\xa9_-";
    rg_cookies_stream_t *stream = rg_cookies_stream_make(pool);
    apr_uint32_t seed = 12345;
    int round, ok = 1;

    for (round = 0; round < 3000; round++) {
        char field[700], split[700];
        apr_size_t len, i, ref_pairs = 0, ref_bytes = 0, kept = 0;
        const char *seg;
        rg_cookies_t *c;
        apr_off_t limit;
        int fits;

        seed = seed * 1103515245 + 12345;
        len = (seed >> 8) % (sizeof(field) - 1);
        for (i = 0; i < len; i++) {
            seed = seed * 1103515245 + 12345;
            field[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
        }
        field[len] = '\0';

        /* Reference: Apache's joins (", " then a name of letters, digits,
         * '_' or '-' and '=') as ';', then split on ';', trim blanks,
         * count what is left. */
        memcpy(split, field, len + 1);
        for (i = 0; i + 2 < len; i++) {
            apr_size_t t = i + 2;

            while (t < len && (apr_isalnum((unsigned char)field[t])
                               || field[t] == '_' || field[t] == '-')) {
                t++;
            }
            if (field[i] == ',' && field[i + 1] == ' ' && t > i + 2
                && field[t] == '=') {
                split[i] = ';';
            }
        }
        for (seg = split; ; ) {
            const char *end = strchr(seg, ';'), *a = seg, *b;

            b = end ? end : seg + strlen(seg);
            while (a < b && (*a == ' ' || *a == '\t')) {
                a++;
            }
            while (b > a && (b[-1] == ' ' || b[-1] == '\t')) {
                b--;
            }
            if (b > a) {
                ref_pairs++;
                ref_bytes += (apr_size_t)(b - a);
            }
            if (end == NULL) {
                break;
            }
            seg = end + 1;
        }

        c = rg_cookies_parse_joined(pool, field);
        ok &= c->pairs == ref_pairs && c->bytes == ref_bytes;
        /* The joins act as ';' would; without them only ';' splits. */
        ok &= same(rg_cookies_parse(pool, split), c);
        ok &= strcmp(split, field) != 0
              || same(rg_cookies_parse(pool, field), c);
        /* The same as a line in two pieces split anywhere (a line holds
         * no join of Apache's). */
        {
            const char *line = apr_pstrcat(pool, "Cookie:", split, "\r\n",
                                           NULL);
            apr_size_t cut = (seed >> 4) % (strlen(line) + 1);

            ok &= same(fed(stream, line, strlen(line), &cut, 1), c);
        }
        ok &= c->count <= RG_COOKIES_KEEP && c->count <= c->pairs;
        ok &= c->rest_pairs == c->pairs - c->count;
        for (i = 0; i < c->count; i++) {
            ok &= i == 0 || c->items[i].bytes <= c->items[i - 1].bytes;
            ok &= strchr(c->items[i].name, ';') == NULL;
            ok &= strlen(c->items[i].name) <= RG_COOKIE_NAME_MAX + 1;
            ok &= !c->items[i].expirable
                  || rg_cookies_expire_value(pool, c->items[i].name) != NULL;
            kept += c->items[i].bytes;
        }
        ok &= kept + c->rest_bytes == c->bytes;

        seed = seed * 1103515245 + 12345;
        limit = (apr_off_t)((seed >> 8) % 800);
        fits = rg_cookies_plan(c, limit, NULL);
        {
            apr_size_t pairs = c->pairs, bytes = c->bytes, marked = 0;

            for (i = 0; i < c->count; i++) {
                if (c->items[i].expire) {
                    ok &= c->items[i].expirable;
                    pairs--;
                    bytes -= c->items[i].bytes;
                    marked++;
                }
            }
            if (fits) {
                ok &= limit == 0
                      || rg_cookies_field_size(pairs, bytes) <= limit;
            }
            else {
                ok &= marked == 0;
            }
        }
    }
    CHECK(ok);
}

int main(void)
{
    apr_initialize();
    apr_pool_create(&pool, NULL);

    test_parse();
    test_many_pairs();
    test_field_size();
    test_plan();
    test_expire_value();
    test_random();
    test_stream_splits();
    test_stream_lines();
    test_stream_cut();
    test_stream_many();

    apr_pool_destroy(pool);
    apr_terminate();
    return RG_UNIT_END("test_cookies");
}
