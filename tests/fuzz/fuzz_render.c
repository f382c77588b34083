/*
 * fuzz_render.c - rg_render_body() for every format and level, with
 * hostile field names, paths, ids, reasons, directives and times, any
 * status, kind and numbers:
 *  - the body is NUL-terminated, *len is its length, below
 *    RG_RENDER_BODY_MAX, well-formed UTF-8, with no control byte but \n;
 *  - a JSON body is one valid JSON object;
 *  - the strings cannot add markup or lines: the body has as many '<' (HTML)
 *    and newlines (every format) as the body of the same values with each
 *    non-empty string, and each cookie name, replaced by "x".
 * With a parsed Cookie field of hostile names (sometimes), every language
 * and every recovery.  Also rg_render_time() over four millennia, and the
 * kind tables.
 */
#include <string.h>

#include "fuzz_common.h"
#include "reqguard_cookies.h"
#include "reqguard_render.h"

/* ---- a strict JSON syntax check (RFC 8259) ---------------------------- */

static const char *js_value(const char *s, int depth);

static const char *js_ws(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
        s++;
    }
    return s;
}

static const char *js_string(const char *s)
{
    if (*s++ != '"') {
        return NULL;
    }
    while (*s != '"') {
        if ((unsigned char)*s < 0x20) {
            return NULL;
        }
        if (*s == '\\') {
            s++;
            if (*s == 'u') {
                int i;

                for (i = 1; i <= 4; i++) {
                    if (!strchr("0123456789abcdefABCDEF", s[i]) || !s[i]) {
                        return NULL;
                    }
                }
                s += 4;
            }
            else if (!*s || !strchr("\"\\/bfnrt", *s)) {
                return NULL;
            }
        }
        s++;
    }
    return s + 1;
}

static const char *js_number(const char *s)
{
    if (*s == '-') {
        s++;
    }
    if (*s == '0') {
        s++;
    }
    else if (*s >= '1' && *s <= '9') {
        while (*s >= '0' && *s <= '9') {
            s++;
        }
    }
    else {
        return NULL;
    }
    if (*s == '.') {
        s++;
        if (!(*s >= '0' && *s <= '9')) {
            return NULL;
        }
        while (*s >= '0' && *s <= '9') {
            s++;
        }
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-') {
            s++;
        }
        if (!(*s >= '0' && *s <= '9')) {
            return NULL;
        }
        while (*s >= '0' && *s <= '9') {
            s++;
        }
    }
    return s;
}

static const char *js_members(const char *s, int depth, char close,
                              int object)
{
    s = js_ws(s);
    if (*s == close) {
        return s + 1;
    }
    for (;;) {
        if (object) {
            s = js_string(js_ws(s));
            if (s == NULL || *(s = js_ws(s)) != ':') {
                return NULL;
            }
            s++;
        }
        s = js_value(s, depth + 1);
        if (s == NULL) {
            return NULL;
        }
        s = js_ws(s);
        if (*s == close) {
            return s + 1;
        }
        if (*s++ != ',') {
            return NULL;
        }
    }
}

static const char *js_value(const char *s, int depth)
{
    if (depth > 32) {
        return NULL;
    }
    s = js_ws(s);
    switch (*s) {
    case '{': return js_members(s + 1, depth, '}', 1);
    case '[': return js_members(s + 1, depth, ']', 0);
    case '"': return js_string(s);
    case 't': return strncmp(s, "true", 4) ? NULL : s + 4;
    case 'f': return strncmp(s, "false", 5) ? NULL : s + 5;
    case 'n': return strncmp(s, "null", 4) ? NULL : s + 4;
    default: return js_number(s);
    }
}

static int json_object(const char *s)
{
    s = js_ws(s);
    if (*s != '{') {
        return 0;
    }
    s = js_value(s, 0);
    return s != NULL && *js_ws(s) == '\0';
}

/* ---- the target --------------------------------------------------------- */

static size_t count(const char *s, char c)
{
    size_t n = 0;

    for (; *s; s++) {
        n += *s == c;
    }
    return n;
}

static const char *benign(const char *s)
{
    return s == NULL ? NULL : *s ? "x" : "";
}

static char *render(const rg_render_in_t *in, rg_render_fmt_e fmt)
{
    apr_size_t len = (apr_size_t)-1;
    char *b = rg_render_body(fz_pool(), in, fmt, &len);
    size_t i;

    FZ_ASSERT(b != NULL);
    FZ_ASSERT(len == strlen(b));
    FZ_ASSERT(len < RG_RENDER_BODY_MAX);
    FZ_ASSERT(fz_utf8_valid(b, len));
    for (i = 0; i < len; i++) {
        FZ_ASSERT((unsigned char)b[i] >= 0x20 || b[i] == '\n');
    }
    if (fmt == RG_RENDER_JSON) {
        FZ_ASSERT(json_object(b));
    }
    return b;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_reader_t rd = { data, size };
    rg_render_in_t in, calm;
    unsigned flags = fz_byte(&rd), nulls = fz_byte(&rd);
    int f;

    /* memset, then fields by name: fields added later stay zero. */
    memset(&in, 0, sizeof(in));
    in.status = 100 + (int)(((fz_byte(&rd) << 8) | fz_byte(&rd)) % 500);
    in.kind = (rg_kind_e)(fz_byte(&rd) % (RG_KIND_COUNT + 1));
    in.observed = (apr_int64_t)fz_u64(&rd);
    in.limit = (apr_int64_t)fz_u64(&rd);
    in.full = flags & 1;
    in.ceiling = (flags >> 1) & 1;
    in.field = fz_str(&rd);
    in.path = fz_str(&rd);
    in.request_id = fz_str(&rd);
    in.reason = fz_str(&rd);
    in.directive = fz_str(&rd);
    in.time = fz_str(&rd);
    in.lang = (rg_lang_e)(fz_byte(&rd) % RG_LANG_COUNT);
    in.recovery = (rg_recovery_e)(fz_byte(&rd) % 3);
    if (nulls & 64) {
        in.cookies = rg_cookies_parse(fz_pool(), fz_str(&rd));
    }
    if (nulls & 1) in.field = NULL;
    if (nulls & 2) in.path = NULL;
    if (nulls & 4) in.request_id = NULL;
    if (nulls & 8) in.reason = NULL;
    if (nulls & 16) in.directive = NULL;
    if (nulls & 32) in.time = NULL;

    calm = in;
    calm.field = benign(in.field);
    calm.path = benign(in.path);
    calm.request_id = benign(in.request_id);
    calm.reason = benign(in.reason);
    calm.directive = benign(in.directive);
    calm.time = benign(in.time);
    if (in.cookies != NULL) {
        rg_cookies_t *cc;
        apr_size_t i;

        cc = apr_palloc(fz_pool(), sizeof(*cc));
        *cc = *in.cookies;
        cc->items = apr_palloc(fz_pool(),
                               (cc->count + 1) * sizeof(*cc->items));
        for (i = 0; i < cc->count; i++) {
            cc->items[i] = in.cookies->items[i];
            cc->items[i].name = benign(in.cookies->items[i].name);
        }
        calm.cookies = cc;
    }

    for (f = 0; f < 3; f++) {
        rg_render_fmt_e fmt = (rg_render_fmt_e)f;
        char *hostile = render(&in, fmt), *plain = render(&calm, fmt);

        FZ_ASSERT(count(hostile, '\n') == count(plain, '\n'));
        if (fmt == RG_RENDER_HTML) {
            FZ_ASSERT(count(hostile, '<') == count(plain, '<'));
        }
    }
    fz_release();
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char t[RG_TIME_STR_LEN];
    apr_time_t sec;
    int k;

    (void)argc;
    (void)argv;
    fz_pool();
    /* 1970 to about 5900, in steps of a little over a day. */
    for (sec = 0; sec < (apr_time_t)124000000000LL; sec += 86399 * 7) {
        rg_render_time(t, apr_time_from_sec(sec));
        FZ_ASSERT(strlen(t) == RG_TIME_STR_LEN - 1);
        FZ_ASSERT(t[4] == '-' && t[7] == '-' && t[10] == 'T'
                  && t[13] == ':' && t[16] == ':' && t[19] == 'Z');
    }
    for (k = 0; k <= RG_KIND_COUNT; k++) {
        FZ_ASSERT(rg_kind_name((rg_kind_e)k) != NULL);
        FZ_ASSERT(rg_render_problem_type((rg_kind_e)k) != NULL);
        if (k < RG_KIND_COUNT) {
            FZ_ASSERT(rg_kind_status((rg_kind_e)k) >= 400);
            FZ_ASSERT(rg_kind_directive((rg_kind_e)k) != NULL);
        }
    }
    return 0;
}
