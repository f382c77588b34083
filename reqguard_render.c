/*
 * reqguard_render.c - Accept and Accept-Language negotiation, escaping,
 * and the three body formats of a diagnostic response.  Pure: APR and
 * plain values only.
 *
 * The visitor's texts come from reqguard_lang.c; they and the fixed
 * English texts below are written without double quotes, backslashes,
 * '<', '>' and '&', so they are valid as they stand in HTML, JSON strings
 * and plain text; everything that varies goes through rg_render_escape().
 */
#include <stdarg.h>
#include <string.h>
#include <strings.h>
#include <apr_lib.h>
#include <apr_strings.h>

#include "reqguard_fields.h"
#include "reqguard_lang.h"
#include "reqguard_render.h"

/* ---- Accept negotiation ------------------------------------------------ */

/* The best range found so far for one of our three media types. */
typedef struct {
    int q;      /* 0..1000 */
    int spec;   /* -1: nothing matched; 0 for any type, 1 for type with any
                 * subtype, 2 for the exact type */
    int pos;    /* index of that range in the field */
} rg_pref_t;

static const char *rg_skip_ows(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t')) {
        s++;
    }
    return s;
}

static const char *rg_skip_token(const char *s, const char *e)
{
    while (s < e && rg_is_tchar((unsigned char)*s)) {
        s++;
    }
    return s;
}

/* A token [s, e) equal to lit, ignoring case. */
static int rg_token_is(const char *s, const char *e, const char *lit)
{
    apr_size_t n = strlen(lit);

    return (apr_size_t)(e - s) == n && strncasecmp(s, lit, n) == 0;
}

/* qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), as
 * thousandths; -1 when malformed. */
static int rg_parse_qvalue(const char *s, const char *e)
{
    int q, scale = 100, digits = 0;

    if (s >= e || (*s != '0' && *s != '1')) {
        return -1;
    }
    q = (*s++ - '0') * 1000;
    if (s < e) {
        if (*s++ != '.') {
            return -1;
        }
        for (; s < e; s++, digits++) {
            if (digits == 3 || !apr_isdigit(*s)) {
                return -1;
            }
            q += (*s - '0') * scale;
            scale /= 10;
        }
    }
    return q > 1000 ? -1 : q;
}

/* Our types and the subtypes that stand for them. */
static const struct {
    const char *type;
    const char *sub;
    const char *alias;      /* another subtype that counts, or NULL */
} rg_offers[3] = {
    { "text",        "plain",        NULL },    /* RG_RENDER_TEXT */
    { "text",        "html",         NULL },    /* RG_RENDER_HTML */
    { "application", "problem+json", "json" }   /* RG_RENDER_JSON */
};

/* The parameters [s, e) after a range, each `OWS ";" OWS name "=" value`:
 * the q-value in thousandths (1000 when there is none), or -1 when they
 * are malformed or q is. */
static int rg_range_q(const char *s, const char *e)
{
    int q = 1000;

    for (;;) {
        const char *name, *name_end, *val, *val_end;

        s = rg_skip_ows(s, e);
        if (s == e) {
            return q;
        }
        if (*s++ != ';') {
            return -1;
        }
        s = rg_skip_ows(s, e);
        name = s;
        s = name_end = rg_skip_token(s, e);
        if (name_end == name || s == e || *s++ != '=') {
            return -1;
        }
        val = s;
        if (s < e && *s == '"') {
            for (s++; s < e && *s != '"'; s++) {
                if (*s == '\\' && s + 1 < e) {
                    s++;
                }
            }
            if (s == e) {
                return -1;
            }
            val_end = ++s;
        }
        else {
            s = val_end = rg_skip_token(s, e);
        }
        if (rg_token_is(name, name_end, "q")) {
            q = rg_parse_qvalue(val, val_end);
            if (q < 0) {
                return -1;
            }
        }
    }
}

/* One media range [s, e): note it for every offer it matches more
 * specifically than the ranges before it.  Malformed ranges are ignored. */
static void rg_accept_range(const char *s, const char *e, int pos,
                            rg_pref_t pref[3])
{
    const char *type, *type_end, *sub = NULL, *sub_end = NULL;
    int q, i;

    s = rg_skip_ows(s, e);
    type = s;
    s = type_end = rg_skip_token(s, e);
    if (type_end == type) {
        return;
    }
    if (s < e && *s == '/') {
        sub = ++s;
        s = sub_end = rg_skip_token(s, e);
        if (sub_end == sub) {
            return;
        }
    }
    else if (!rg_token_is(type, type_end, "*")) {
        return;                 /* a lone "*" is taken as any type */
    }

    /* Parameters: only q matters; anything malformed drops the range. */
    q = rg_range_q(s, e);
    if (q < 0) {
        return;
    }

    if (sub != NULL && rg_token_is(type, type_end, "*")
        && !rg_token_is(sub, sub_end, "*")) {
        return;                 /* "*" "/" "html" is not a media range */
    }
    for (i = 0; i < 3; i++) {
        int spec;

        if (rg_token_is(type, type_end, "*")) {
            spec = 0;
        }
        else if (!rg_token_is(type, type_end, rg_offers[i].type)) {
            continue;
        }
        else if (rg_token_is(sub, sub_end, "*")) {
            spec = 1;
        }
        else if (rg_token_is(sub, sub_end, rg_offers[i].sub)
                 || (rg_offers[i].alias != NULL
                     && rg_token_is(sub, sub_end, rg_offers[i].alias))) {
            spec = 2;
        }
        else {
            continue;
        }
        if (spec > pref[i].spec) {
            pref[i].spec = spec;
            pref[i].q = q;
            pref[i].pos = pos;
        }
    }
}

/* Hand each comma-separated element [s, e) of the first
 * RG_ACCEPT_SCAN_MAX bytes of field to fn, with its index. */
static void rg_each_range(const char *field,
                          void (*fn)(const char *s, const char *e, int pos,
                                     void *arg),
                          void *arg)
{
    const char *s, *end;
    apr_size_t n;
    int cut, pos = 0;

    n = strnlen(field, RG_ACCEPT_SCAN_MAX + 1);
    cut = n > RG_ACCEPT_SCAN_MAX;
    end = field + (cut ? RG_ACCEPT_SCAN_MAX : n);
    for (s = field; s < end; pos++) {
        const char *comma = memchr(s, ',', (apr_size_t)(end - s));

        if (comma == NULL) {
            /* The last element; when the scan cut it short, it is not
             * the one the client sent: leave it out. */
            if (!cut) {
                fn(s, end, pos, arg);
            }
            break;
        }
        fn(s, comma, pos, arg);
        s = comma + 1;
    }
}

static void rg_accept_range_cb(const char *s, const char *e, int pos,
                               void *arg)
{
    rg_accept_range(s, e, pos, arg);
}

rg_render_fmt_e rg_render_negotiate(const char *accept)
{
    rg_pref_t pref[3] = { { 0, -1, 0 }, { 0, -1, 0 }, { 0, -1, 0 } };
    int i, best = -1;

    if (accept == NULL) {
        return RG_RENDER_TEXT;
    }
    rg_each_range(accept, rg_accept_range_cb, pref);

    /* Highest q, then most specific, then listed first; equal in all
     * three, the earlier of text, HTML, JSON. */
    for (i = 0; i < 3; i++) {
        if (pref[i].spec < 0 || pref[i].q == 0) {
            continue;
        }
        if (best < 0
            || pref[i].q > pref[best].q
            || (pref[i].q == pref[best].q
                && (pref[i].spec > pref[best].spec
                    || (pref[i].spec == pref[best].spec
                        && pref[i].pos < pref[best].pos)))) {
            best = i;
        }
    }
    return best < 0 ? RG_RENDER_TEXT : (rg_render_fmt_e)best;
}

/* ---- Accept-Language negotiation --------------------------------------- */

/* [s, e) is 1*8 characters that are letters (digits too when alnum). */
static int rg_subtag_ok(const char *s, const char *e, int alnum)
{
    if (e - s < 1 || e - s > 8) {
        return 0;
    }
    for (; s < e; s++) {
        if (!apr_isalpha(*s) && !(alnum && apr_isdigit(*s))) {
            return 0;
        }
    }
    return 1;
}

/* One language range [s, e) (RFC 4647 basic range, RFC 9110 weight):
 * noted for each of our languages it matches more specifically, or as
 * specifically with a higher q, than the ranges before it.  "de" is the
 * most specific for our "de", then "de-CH" and any other range with that
 * primary subtag (we serve one German to every region), then "*".
 * Malformed ranges are ignored. */
static void rg_lang_range(const char *s, const char *e, int pos, void *arg)
{
    rg_pref_t *pref = arg;
    const char *tag, *tag_end, *primary_end, *p;
    int q, i, spec;

    s = rg_skip_ows(s, e);
    tag = s;
    while (s < e && (apr_isalnum(*s) || *s == '-' || *s == '*')) {
        s++;
    }
    tag_end = s;
    q = rg_range_q(s, e);
    if (q < 0 || tag_end == tag) {
        return;
    }
    if (tag_end - tag == 1 && *tag == '*') {
        primary_end = NULL;         /* any language */
    }
    else {
        primary_end = memchr(tag, '-', (apr_size_t)(tag_end - tag));
        if (primary_end == NULL) {
            primary_end = tag_end;
        }
        if (!rg_subtag_ok(tag, primary_end, 0)) {
            return;
        }
        for (p = primary_end; p < tag_end; ) {
            const char *sub = p + 1, *sub_end;

            sub_end = memchr(sub, '-', (apr_size_t)(tag_end - sub));
            if (sub_end == NULL) {
                sub_end = tag_end;
            }
            if (!rg_subtag_ok(sub, sub_end, 1)) {
                return;
            }
            p = sub_end;
        }
    }

    for (i = 0; i < RG_LANG_COUNT; i++) {
        if (primary_end == NULL) {
            spec = 0;
        }
        else if (!rg_token_is(tag, primary_end, rg_lang_tag((rg_lang_e)i))) {
            continue;
        }
        else {
            spec = primary_end == tag_end ? 2 : 1;
        }
        if (spec > pref[i].spec || (spec == pref[i].spec && q > pref[i].q)) {
            pref[i].spec = spec;
            pref[i].q = q;
            pref[i].pos = pos;
        }
    }
}

rg_lang_e rg_render_negotiate_lang(const char *accept_language)
{
    rg_pref_t pref[RG_LANG_COUNT];
    int i, best = -1;

    if (accept_language == NULL) {
        return RG_LANG_EN;
    }
    for (i = 0; i < RG_LANG_COUNT; i++) {
        pref[i].q = 0;
        pref[i].spec = -1;
        pref[i].pos = 0;
    }
    rg_each_range(accept_language, rg_lang_range, pref);

    /* Highest q, then listed first, then our order (English first).  A
     * language whose most specific range says q=0 is refused. */
    for (i = 0; i < RG_LANG_COUNT; i++) {
        if (pref[i].spec < 0 || pref[i].q == 0) {
            continue;
        }
        if (best < 0 || pref[i].q > pref[best].q
            || (pref[i].q == pref[best].q && pref[i].pos < pref[best].pos)) {
            best = i;
        }
    }
    return best < 0 ? RG_LANG_EN : (rg_lang_e)best;
}

const char *rg_render_content_type(rg_render_fmt_e fmt)
{
    switch (fmt) {
    case RG_RENDER_HTML:
        return "text/html; charset=utf-8";
    case RG_RENDER_JSON:
        return "application/problem+json; charset=utf-8";
    default:
        return "text/plain; charset=utf-8";
    }
}

/* ---- escaping ---------------------------------------------------------- */

/* Decode the UTF-8 character at s (NUL-terminated): its length in bytes,
 * and the code point in *cp, or -1 for a byte that starts no valid
 * character (overlong forms, surrogates and values past U+10FFFF
 * included).  Never reads past a NUL: a NUL is no continuation byte. */
static apr_size_t rg_utf8_decode(const unsigned char *s, apr_int32_t *cp)
{
    apr_int32_t v, min;
    apr_size_t n, i;

    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        n = 2;
        v = s[0] & 0x1F;
        min = 0x80;
    }
    else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        n = 3;
        v = s[0] & 0x0F;
        min = 0x800;
    }
    else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        n = 4;
        v = s[0] & 0x07;
        min = 0x10000;
    }
    else {
        *cp = -1;
        return 1;
    }
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return n;
}

/* Characters never shown as they are: invalid bytes, C0 and C1 controls,
 * DEL, line and paragraph separators, and the marks and overrides that
 * reorder the text around them. */
static int rg_hidden(apr_int32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0)
        || cp == 0x061C || cp == 0x200E || cp == 0x200F
        || (cp >= 0x2028 && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0xFEFF;
}

#define RG_U_REPLACEMENT "\xEF\xBF\xBD"    /* U+FFFD */
#define RG_U_ELLIPSIS    "\xE2\x80\xA6"    /* U+2026 */

char *rg_render_escape(apr_pool_t *p, const char *s, apr_size_t max_chars,
                       rg_render_fmt_e fmt)
{
    const unsigned char *u = (const unsigned char *)(s ? s : "");
    apr_size_t cap, o = 0, shown;
    char *out;

    if (max_chars > RG_RENDER_BODY_MAX) {
        max_chars = RG_RENDER_BODY_MAX;
    }
    /* Each character becomes at most 6 bytes ("&quot;", "\u003c"), and the
     * ellipsis and the NUL take 4. */
    cap = 6 * max_chars + 4;
    out = apr_palloc(p, cap);

    for (shown = 0; *u != '\0'; shown++) {
        const char *rep = NULL;
        apr_int32_t cp;
        apr_size_t n, k;

        if (shown == max_chars) {
            memcpy(out + o, RG_U_ELLIPSIS, 3);
            o += 3;
            break;
        }
        n = rg_utf8_decode(u, &cp);
        if (rg_hidden(cp)) {
            rep = RG_U_REPLACEMENT;
        }
        else if (fmt == RG_RENDER_HTML) {
            rep = cp == '&' ? "&amp;" : cp == '<' ? "&lt;"
                : cp == '>' ? "&gt;" : cp == '"' ? "&quot;"
                : cp == '\'' ? "&#39;" : NULL;
        }
        else if (fmt == RG_RENDER_JSON) {
            rep = cp == '"' ? "\\\"" : cp == '\\' ? "\\\\"
                : cp == '<' ? "\\u003c" : cp == '>' ? "\\u003e"
                : cp == '&' ? "\\u0026" : NULL;
        }
        if (rep != NULL) {
            k = strlen(rep);
            memcpy(out + o, rep, k);
            o += k;
        }
        else {
            memcpy(out + o, u, n);
            o += n;
        }
        u += n;
    }
    out[o] = '\0';
    return out;
}

char *rg_render_log_token(apr_pool_t *p, const char *s, apr_size_t max)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)s;
    apr_size_t i, o = 0;
    char *out;

    if (s == NULL) {
        return apr_pstrdup(p, "-");
    }
    if (max > RG_RENDER_BODY_MAX) {
        max = RG_RENDER_BODY_MAX;
    }
    out = apr_palloc(p, 3 * max + 4);
    for (i = 0; u[i] != '\0'; i++) {
        if (i == max) {
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        if (u[i] <= 0x20 || u[i] >= 0x7F || u[i] == '"' || u[i] == '\\') {
            out[o++] = '%';
            out[o++] = hex[u[i] >> 4];
            out[o++] = hex[u[i] & 0x0F];
        }
        else {
            out[o++] = (char)u[i];
        }
    }
    out[o] = '\0';
    return out;
}

void rg_render_time(char out[RG_TIME_STR_LEN], apr_time_t t)
{
    apr_time_exp_t tm;

    if (apr_time_exp_gmt(&tm, t) != APR_SUCCESS) {
        memset(&tm, 0, sizeof(tm));
        tm.tm_year = 70;
        tm.tm_mday = 1;
    }
    apr_snprintf(out, RG_TIME_STR_LEN, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                 tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* ---- what each kind and status says ------------------------------------ */

typedef struct {
    const char *type;       /* problem type URI */
    rg_msg_e what;          /* what happened, the field name unknown */
    rg_msg_e what_pre;      /* or, the name known: what_pre NAME what_post */
    rg_msg_e what_post;
    rg_msg_e visitor;       /* what a visitor can do; RG_M_NONE: by field */
    const char *owner;      /* what the site owner can change (Full) */
    const char *unit;       /* of observed and limit; NULL: no numbers */
} rg_kind_text_t;

/* The site owner's part stays English. */
#define RG_OWNER_MODULE \
    "If legitimate requests need more, raise the limit in the server " \
    "configuration or in .htaccess (up to any ReqGuardCeiling the server " \
    "administrator has set)."
#define RG_OWNER_CEILING \
    "This limit is a ReqGuardCeiling of the server administrator: " \
    "neither a directory nor .htaccess can raise it. If legitimate " \
    "requests need more, ask the server administrator."
#define RG_OWNER_CORE \
    "This is a limit of the Apache core, checked before any virtual host " \
    "or .htaccess applies: raise it in the main server configuration (or " \
    "in the default virtual host of this address); .htaccess cannot " \
    "change it."

static const rg_kind_text_t rg_kind_texts[RG_KIND_COUNT] = {
    [RG_KIND_FIELDS] = {
        RG_PROBLEM_BASE "fields",
        RG_M_FIELDS_WHAT, RG_M_NONE, RG_M_NONE,
        RG_M_FIELDS_VISITOR,
        RG_OWNER_MODULE,
        "fields" },
    [RG_KIND_FIELD_SIZE] = {
        RG_PROBLEM_BASE "field-size",
        RG_M_FIELD_SIZE_WHAT, RG_M_FIELD_SIZE_PRE, RG_M_FIELD_SIZE_POST,
        RG_M_NONE,
        RG_OWNER_MODULE,
        "bytes" },
    [RG_KIND_HEADER_SIZE] = {
        RG_PROBLEM_BASE "header-size",
        RG_M_HEADER_SIZE_WHAT, RG_M_NONE, RG_M_NONE,
        RG_M_HEADER_SIZE_VISITOR,
        RG_OWNER_MODULE,
        "bytes" },
    [RG_KIND_URI] = {
        RG_PROBLEM_BASE "uri",
        RG_M_URI_WHAT, RG_M_NONE, RG_M_NONE,
        RG_M_ADDRESS_VISITOR,
        RG_OWNER_MODULE,
        "bytes" },
    [RG_KIND_QUERY] = {
        RG_PROBLEM_BASE "query",
        RG_M_QUERY_WHAT, RG_M_NONE, RG_M_NONE,
        RG_M_QUERY_VISITOR,
        RG_OWNER_MODULE,
        "bytes" },
    [RG_KIND_BODY] = {
        RG_PROBLEM_BASE "body",
        RG_M_BODY_WHAT, RG_M_NONE, RG_M_NONE,
        RG_M_BODY_VISITOR,
        RG_OWNER_MODULE,
        "bytes" },
    [RG_KIND_LENGTH_REQUIRED] = {
        RG_PROBLEM_BASE "length-required",
        RG_M_LENGTH_WHAT, RG_M_NONE, RG_M_NONE,
        RG_M_LENGTH_VISITOR,
        "Turn ReqGuardRequireLength Off for the addresses whose clients "
        "send bodies without a Content-Length.",
        NULL },
    [RG_KIND_BODY_TIMEOUT] = {
        RG_PROBLEM_BASE "body-timeout",
        RG_M_TIMEOUT_WHAT, RG_M_NONE, RG_M_NONE,
        RG_M_TIMEOUT_VISITOR,
        "If legitimate clients upload this slowly, raise "
        "ReqGuardBodyTimeout or lower ReqGuardBodyMinRate.",
        "seconds" },
    [RG_KIND_CORE_FIELD_SIZE] = {
        RG_PROBLEM_BASE "core-field-size",
        RG_M_CORE_SIZE_WHAT, RG_M_CORE_SIZE_PRE, RG_M_CORE_SIZE_POST,
        RG_M_NONE,
        RG_OWNER_CORE,
        "bytes" },
    [RG_KIND_CORE_FIELDS] = {
        RG_PROBLEM_BASE "core-fields",
        RG_M_CORE_FIELDS_WHAT, RG_M_NONE, RG_M_NONE,
        RG_M_FIELDS_VISITOR,
        RG_OWNER_CORE,
        "fields" }
};

static int rg_is_cookie_field(const char *field)
{
    return field != NULL && strcasecmp(field, "Cookie") == 0;
}

/* What a visitor can do about one large field, by its name. */
static rg_msg_e rg_field_advice(const char *field)
{
    if (field == NULL) {
        return RG_M_ADVICE_NONE;
    }
    if (rg_is_cookie_field(field)) {
        return RG_M_ADVICE_COOKIE;
    }
    if (strcasecmp(field, "Authorization") == 0) {
        return RG_M_ADVICE_AUTH;
    }
    if (strcasecmp(field, "Referer") == 0) {
        return RG_M_ADVICE_REFERER;
    }
    return RG_M_ADVICE_OTHER;
}

/* What a status we did not cause means, and what a visitor can do. */
static void rg_status_text(int status, rg_msg_e *what, rg_msg_e *visitor)
{
    static const struct {
        int status;
        rg_msg_e what;
        rg_msg_e visitor;
    } texts[] = {
        { 400, RG_M_S400_WHAT, RG_M_S400_VISITOR },
        { 401, RG_M_S401_WHAT, RG_M_S401_VISITOR },
        { 403, RG_M_S403_WHAT, RG_M_S403_VISITOR },
        { 404, RG_M_S404_WHAT, RG_M_S404_VISITOR },
        { 405, RG_M_S405_WHAT, RG_M_GO_BACK },
        { 408, RG_M_S408_WHAT, RG_M_S408_VISITOR },
        { 410, RG_M_S410_WHAT, RG_M_S410_VISITOR },
        { 411, RG_M_S411_WHAT, RG_M_S411_VISITOR },
        { 413, RG_M_S413_WHAT, RG_M_S413_VISITOR },
        { 414, RG_M_URI_WHAT, RG_M_ADDRESS_VISITOR },
        { 429, RG_M_S429_WHAT, RG_M_S429_VISITOR },
        { 431, RG_M_S431_WHAT, RG_M_ADVICE_NONE },
        { 500, RG_M_S500_WHAT, RG_M_LATER },
        { 501, RG_M_S501_WHAT, RG_M_GO_BACK },
        { 502, RG_M_S502_WHAT, RG_M_LATER },
        { 503, RG_M_S503_WHAT, RG_M_LATER },
        { 504, RG_M_S504_WHAT, RG_M_LATER }
    };
    apr_size_t i;

    for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        if (texts[i].status == status) {
            *what = texts[i].what;
            *visitor = texts[i].visitor;
            return;
        }
    }
    if (status >= 500) {
        *what = RG_M_S5XX_WHAT;
        *visitor = RG_M_LATER;
    }
    else {
        *what = RG_M_S4XX_WHAT;
        *visitor = RG_M_S4XX_VISITOR;
    }
}

const char *rg_render_problem_type(rg_kind_e kind)
{
    return (unsigned)kind < RG_KIND_COUNT ? rg_kind_texts[kind].type
                                          : "about:blank";
}

/* ---- output ------------------------------------------------------------ */

/* A body under construction, in one buffer of fixed size. */
typedef struct {
    char *buf;
    apr_size_t len;
    apr_size_t cap;     /* RG_RENDER_BODY_MAX, the NUL included */
} rg_out_t;

static void rg_put(rg_out_t *o, const char *s)
{
    apr_size_t n = strlen(s);

    if (n > o->cap - 1 - o->len) {
        n = o->cap - 1 - o->len;    /* cannot happen with bounded inputs */
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

/* Append strings up to a NULL. */
static void rg_putv(rg_out_t *o, ...)
{
    const char *s;
    va_list ap;

    va_start(ap, o);
    while ((s = va_arg(ap, const char *)) != NULL) {
        rg_put(o, s);
    }
    va_end(ap);
}

/* Characters (code points) of UTF-8 text. */
static apr_size_t rg_chars(const char *s)
{
    apr_size_t n = 0;

    for (; *s != '\0'; s++) {
        n += ((unsigned char)*s & 0xC0) != 0x80;
    }
    return n;
}

/* n spaces (n is a column width, a few dozen at most). */
static void rg_pad(rg_out_t *o, apr_size_t n)
{
    static const char spaces[] = "                                ";

    while (n > 0) {
        apr_size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

        rg_put(o, spaces + (sizeof(spaces) - 1 - k));
        n -= k;
    }
}

/* "9000 bytes (8.8 KiB)": an amount with its unit, and for 1024 bytes and
 * more its size in binary units. */
static const char *rg_amount(apr_pool_t *p, apr_int64_t v, const char *unit)
{
    static const char *const names[] = { "KiB", "MiB", "GiB", "TiB" };
    apr_int64_t scale = 1024;
    int i = 0;

    if (strcmp(unit, "bytes") != 0 || v < 1024) {
        return apr_psprintf(p, "%" APR_INT64_T_FMT " %s", v, unit);
    }
    while (i < 3 && v / scale >= 1024) {
        scale *= 1024;
        i++;
    }
    return apr_psprintf(p, "%" APR_INT64_T_FMT " bytes (%" APR_INT64_T_FMT
                        ".%d %s)", v, v / scale,
                        (int)((v % scale) * 10 / scale), names[i]);
}

/* bytes as a share of limit in percent, one decimal, "48.8"; NULL when
 * there is no limit to share. */
static const char *rg_share(apr_pool_t *p, apr_size_t bytes,
                            apr_int64_t limit)
{
    apr_uint64_t tenths, b = bytes;

    if (limit <= 0) {
        return NULL;
    }
    if (b > APR_UINT64_MAX / 2000) {
        b = APR_UINT64_MAX / 2000;          /* no such field in memory */
    }
    tenths = (b * 2000 / (apr_uint64_t)limit + 1) / 2;
    return apr_psprintf(p, "%" APR_UINT64_T_FMT ".%u", tenths / 10,
                        (unsigned)(tenths % 10));
}

/* Everything shown, escaped for one format. */
typedef struct {
    const rg_lang_t *lang;  /* of the visitor's part */
    const char *status;     /* "431" */
    const char *reason;
    const char *kind;       /* NULL for RG_KIND_NONE */
    const char *type;
    const char *field;      /* NULL when unknown */
    const char *path;
    const char *what;       /* the sentence, field name inside */
    const char *visitor;
    int reload;             /* visitor is the reload sentence */
    const char *owner;      /* Full and ours, else NULL */
    const char *directive;  /* Full and ours, else NULL */
    const char *unit;       /* Full, ours and numbers known, else NULL */
    const char *limit_words;    /* "8190 bytes (8.0 KiB)" or NULL */
    const char *observed_words; /* or NULL */
    const char *request_id;
    const char *time;
    /* The Cookie field, when the caller passed it. */
    const char *cookies_words;  /* "23 (9000 bytes)", "23+ (9000+ bytes)"
                                 * for a partial field, or NULL */
    int cookies_partial;        /* only the start of the field was read */
    apr_size_t cookie_pairs;
    apr_size_t cookie_bytes;
    apr_size_t rows;            /* Full: cookies listed by name */
    const char *row_name[RG_SHOW_COOKIES];  /* escaped, "" for nameless */
    apr_size_t row_bytes[RG_SHOW_COOKIES];
    const char *row_share[RG_SHOW_COOKIES]; /* or NULL */
    apr_size_t more_pairs;      /* the cookies not listed */
    apr_size_t more_bytes;
    const char *more_share;
} rg_shown_t;

static void rg_shown_cookies(apr_pool_t *p, const rg_render_in_t *in,
                             rg_render_fmt_e fmt, rg_shown_t *sh)
{
    const rg_cookies_t *c = in->cookies;
    apr_int64_t limit = -1;
    apr_size_t i, listed = 0;

    sh->cookie_pairs = c->pairs;
    sh->cookie_bytes = c->bytes;
    /* A partial field: at least this many, which "+" says in any
     * language. */
    sh->cookies_partial = c->partial;
    sh->cookies_words = apr_psprintf(p, "%" APR_SIZE_T_FMT "%s (%"
                                     APR_SIZE_T_FMT "%s%s%s)", c->pairs,
                                     c->partial ? "+" : "", c->bytes,
                                     c->partial ? "+" : "",
                                     sh->lang->num_space,
                                     rg_lang_bytes(sh->lang, c->bytes));
    if (!in->full) {
        return;
    }
    if (sh->unit != NULL && strcmp(sh->unit, "bytes") == 0) {
        limit = in->limit;
    }
    sh->rows = c->count < RG_SHOW_COOKIES ? c->count : RG_SHOW_COOKIES;
    for (i = 0; i < sh->rows; i++) {
        sh->row_name[i] = rg_render_escape(p, c->items[i].name,
                                           RG_SHOW_FIELD_MAX, fmt);
        sh->row_bytes[i] = c->items[i].bytes;
        sh->row_share[i] = rg_share(p, c->items[i].bytes, limit);
        listed += c->items[i].bytes;
    }
    sh->more_pairs = c->pairs - sh->rows;
    sh->more_bytes = c->bytes - listed;
    if (sh->more_pairs > 0) {
        sh->more_share = rg_share(p, sh->more_bytes, limit);
    }
}

static void rg_shown(apr_pool_t *p, const rg_render_in_t *in,
                     rg_render_fmt_e fmt, rg_shown_t *sh)
{
    const rg_kind_text_t *kt = NULL;
    const char *open = "", *close = "";
    rg_msg_e what, visitor;

    memset(sh, 0, sizeof(*sh));
    /* JSON is read by programs: English whatever the visitor reads. */
    sh->lang = rg_lang(fmt == RG_RENDER_JSON ? RG_LANG_EN : in->lang);
    if ((unsigned)in->kind < RG_KIND_COUNT) {
        kt = &rg_kind_texts[in->kind];
    }
    sh->status = apr_itoa(p, in->status);
    sh->reason = rg_render_escape(p, in->reason ? in->reason : "Error",
                                  RG_SHOW_WORD_MAX, fmt);
    sh->type = rg_render_problem_type(in->kind);
    if (in->field != NULL && *in->field != '\0') {
        sh->field = rg_render_escape(p, in->field, RG_SHOW_FIELD_MAX, fmt);
    }
    if (in->path != NULL && *in->path != '\0') {
        sh->path = rg_render_escape(p, in->path, RG_SHOW_PATH_MAX, fmt);
    }
    if (in->request_id != NULL && *in->request_id != '\0') {
        sh->request_id = rg_render_escape(p, in->request_id, RG_SHOW_ID_MAX,
                                          fmt);
    }
    if (in->time != NULL && *in->time != '\0') {
        sh->time = rg_render_escape(p, in->time, RG_SHOW_WORD_MAX, fmt);
    }
    if (fmt == RG_RENDER_HTML) {
        open = "<code>";
        close = "</code>";
    }

    if (kt == NULL) {
        rg_status_text(in->status, &what, &visitor);
        sh->what = rg_lang_text(sh->lang, what);
        sh->visitor = rg_lang_text(sh->lang, visitor);
    }
    else {
        sh->kind = rg_kind_name(in->kind);
        if (sh->field != NULL && kt->what_pre != RG_M_NONE) {
            rg_msg_e pre = kt->what_pre, post = kt->what_post;

            /* The Cookie field: it is the site's cookies that grew, not
             * something the visitor did. */
            if (rg_is_cookie_field(in->field)) {
                pre = RG_M_COOKIE_PRE;
                post = rg_kind_is_core(in->kind) ? RG_M_COOKIE_POST_SERVER
                                                 : RG_M_COOKIE_POST_SITE;
            }
            sh->what = apr_pstrcat(p, rg_lang_text(sh->lang, pre), open,
                                   sh->field, close,
                                   rg_lang_text(sh->lang, post), NULL);
        }
        else {
            sh->what = rg_lang_text(sh->lang, kt->what);
        }
        visitor = kt->visitor != RG_M_NONE ? kt->visitor
                                           : rg_field_advice(in->field);
        sh->visitor = rg_lang_text(sh->lang, visitor);

        if (in->full) {
            const char *unit = kt->unit;

            sh->owner = in->ceiling && !rg_kind_is_core(in->kind)
                        ? RG_OWNER_CEILING : kt->owner;
            sh->directive = rg_render_escape(p, in->directive
                                             ? in->directive
                                             : rg_kind_directive(in->kind),
                                             RG_SHOW_WORD_MAX, fmt);
            if (unit != NULL && in->directive != NULL
                && strcmp(in->directive, "ReqGuardBodyMinRate") == 0) {
                unit = "bytes per second";
            }
            if (unit != NULL && (in->limit >= 0 || in->observed >= 0)) {
                sh->unit = unit;
                if (in->limit >= 0) {
                    sh->limit_words = rg_amount(p, in->limit, unit);
                }
                if (in->observed >= 0) {
                    sh->observed_words = rg_amount(p, in->observed, unit);
                }
            }
        }
    }

    if (in->recovery != RG_RECOVERY_NONE) {
        sh->visitor = rg_lang_text(sh->lang, RG_M_RELOAD);
        sh->reload = 1;
    }
    if (in->cookies != NULL && in->cookies->pairs > 0) {
        rg_shown_cookies(p, in, fmt, sh);
    }
}

/* For the site owner, above the list of a partial Cookie field. */
#define RG_PARTIAL_NOTE \
    "The server read only the start of the Cookie field before it " \
    "refused it: the figures and the list cover that start, the last " \
    "cookie in it may be cut short, and more may follow."

/* The site owner's name for a nameless cookie. */
#define RG_NO_NAME "(no name)"

/* ---- text/plain ---- */

/* One "Label:   value" line of the visitor's part, the values of all such
 * lines in one column of width characters. */
static void rg_text_line(rg_out_t *o, const rg_lang_t *L, rg_msg_e label,
                         apr_size_t width, const char *value)
{
    const char *l = rg_lang_text(L, label);
    apr_size_t used = rg_chars(l) + rg_chars(L->colon);

    if (value == NULL) {
        return;
    }
    rg_putv(o, l, L->colon, NULL);
    rg_pad(o, width > used ? width - used : 1);
    rg_putv(o, value, "\n", NULL);
}

static void rg_text_cookies(apr_pool_t *p, rg_out_t *o, const rg_shown_t *sh)
{
    const char *more = NULL, *b;
    apr_size_t name_w = 0, bytes_w, share_w = 0, i, max_bytes;

    if (sh->more_pairs > 0) {
        more = apr_psprintf(p, "%" APR_SIZE_T_FMT " more", sh->more_pairs);
        name_w = rg_chars(more);
    }
    max_bytes = sh->more_bytes;
    for (i = 0; i < sh->rows; i++) {
        apr_size_t w = *sh->row_name[i] ? rg_chars(sh->row_name[i])
                                        : sizeof(RG_NO_NAME) - 1;

        name_w = w > name_w ? w : name_w;
        max_bytes = sh->row_bytes[i] > max_bytes ? sh->row_bytes[i]
                                                 : max_bytes;
        if (sh->row_share[i] && strlen(sh->row_share[i]) > share_w) {
            share_w = strlen(sh->row_share[i]);
        }
    }
    if (sh->more_share && strlen(sh->more_share) > share_w) {
        share_w = strlen(sh->more_share);
    }
    bytes_w = strlen(apr_psprintf(p, "%" APR_SIZE_T_FMT, max_bytes));

    if (sh->cookies_partial) {
        rg_putv(o, "\n", RG_PARTIAL_NOTE, "\n", NULL);
    }
    rg_putv(o, "\nCookies, largest first (bytes of name=value as sent",
            share_w ? ", share of the limit" : "", "; no value is shown):\n",
            NULL);
    for (i = 0; i <= sh->rows; i++) {
        const char *name, *share;
        apr_size_t bytes;

        if (i < sh->rows) {
            name = *sh->row_name[i] ? sh->row_name[i] : RG_NO_NAME;
            bytes = sh->row_bytes[i];
            share = sh->row_share[i];
        }
        else if (more != NULL) {
            name = more;
            bytes = sh->more_bytes;
            share = sh->more_share;
        }
        else {
            break;
        }
        b = apr_psprintf(p, "%" APR_SIZE_T_FMT, bytes);
        rg_putv(o, "  ", name, NULL);
        rg_pad(o, name_w - rg_chars(name) + 2 + bytes_w - strlen(b));
        rg_put(o, b);
        if (share != NULL) {
            rg_pad(o, 2 + share_w - strlen(share));
            rg_putv(o, share, "%", NULL);
        }
        rg_put(o, "\n");
    }
}

static void rg_body_text(apr_pool_t *p, rg_out_t *o, const rg_shown_t *sh)
{
    static const rg_msg_e labels[] = {
        RG_M_FIELD, RG_M_COOKIES, RG_M_PATH, RG_M_REQUEST_ID, RG_M_TIME
    };
    const rg_lang_t *L = sh->lang;
    apr_size_t width = 0, i;

    /* The values line up one space after the longest label. */
    for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
        apr_size_t w = rg_chars(rg_lang_text(L, labels[i]))
                       + rg_chars(L->colon);

        width = w > width ? w : width;
    }
    width++;

    rg_putv(o, sh->status, " ", sh->reason, "\n\n", sh->what, "\n\n",
            rg_lang_text(L, RG_M_WHAT_YOU_CAN_DO), L->colon, " ", sh->visitor,
            "\n\n", NULL);
    rg_text_line(o, L, RG_M_FIELD, width, sh->field);
    rg_text_line(o, L, RG_M_COOKIES, width, sh->cookies_words);
    rg_text_line(o, L, RG_M_PATH, width, sh->path);
    rg_text_line(o, L, RG_M_REQUEST_ID, width, sh->request_id);
    rg_text_line(o, L, RG_M_TIME, width, sh->time);
    if (sh->directive) {
        rg_put(o, "\nFor the site owner:\n");
        if (sh->observed_words) {
            rg_putv(o, "Observed:   ", sh->observed_words, "\n", NULL);
        }
        if (sh->limit_words) {
            rg_putv(o, "Limit:      ", sh->limit_words, "\n", NULL);
        }
        rg_putv(o, "Directive:  ", sh->directive, "\n", sh->owner, "\n",
                NULL);
    }
    if (sh->rows > 0) {
        rg_text_cookies(p, o, sh);
    }
}

/* ---- application/problem+json ---- */

static void rg_json_member(rg_out_t *o, const char *name, const char *value,
                           int quoted)
{
    rg_putv(o, ",\n  \"", name, "\": ", quoted ? "\"" : "", value,
            quoted ? "\"" : "", NULL);
}

static void rg_json_cookies(apr_pool_t *p, rg_out_t *o, const rg_shown_t *sh)
{
    apr_size_t i;

    rg_put(o, ",\n  \"cookies\": [");
    for (i = 0; i < sh->rows; i++) {
        rg_putv(o, i ? ",\n" : "\n", "    {\"name\": \"", sh->row_name[i],
                "\", \"bytes\": ",
                apr_psprintf(p, "%" APR_SIZE_T_FMT, sh->row_bytes[i]),
                NULL);
        if (sh->row_share[i]) {
            rg_putv(o, ", \"share\": ", sh->row_share[i], NULL);
        }
        rg_put(o, "}");
    }
    rg_put(o, "\n  ]");
    if (sh->more_pairs > 0) {
        rg_putv(o, ",\n  \"cookies_more\": {\"count\": ",
                apr_psprintf(p, "%" APR_SIZE_T_FMT, sh->more_pairs),
                ", \"bytes\": ",
                apr_psprintf(p, "%" APR_SIZE_T_FMT, sh->more_bytes), NULL);
        if (sh->more_share) {
            rg_putv(o, ", \"share\": ", sh->more_share, NULL);
        }
        rg_put(o, "}");
    }
}

static void rg_body_json(apr_pool_t *p, rg_out_t *o, const rg_render_in_t *in,
                         const rg_shown_t *sh)
{
    rg_putv(o, "{\n  \"type\": \"", sh->type, "\"", NULL);
    rg_json_member(o, "title", sh->reason, 1);
    rg_json_member(o, "status", sh->status, 0);
    rg_json_member(o, "detail", sh->what, 1);
    rg_json_member(o, "advice", sh->visitor, 1);
    if (sh->reload) {
        rg_json_member(o, "recovery", in->recovery == RG_RECOVERY_EXPIRE
                                      ? "expire" : "clear-site-data", 1);
    }
    if (sh->kind) {
        rg_json_member(o, "kind", sh->kind, 1);
    }
    if (sh->field) {
        rg_json_member(o, "field", sh->field, 1);
    }
    if (sh->cookies_words) {
        rg_json_member(o, "cookie_count",
                       apr_psprintf(p, "%" APR_SIZE_T_FMT, sh->cookie_pairs),
                       0);
        rg_json_member(o, "cookie_bytes",
                       apr_psprintf(p, "%" APR_SIZE_T_FMT, sh->cookie_bytes),
                       0);
        if (sh->cookies_partial) {
            /* The counts are of what the server read: at least. */
            rg_json_member(o, "cookies_partial", "true", 0);
        }
    }
    if (sh->path) {
        rg_json_member(o, "path", sh->path, 1);
    }
    if (sh->request_id) {
        rg_json_member(o, "request_id", sh->request_id, 1);
    }
    if (sh->time) {
        rg_json_member(o, "time", sh->time, 1);
    }
    if (sh->directive) {
        if (sh->unit && in->limit >= 0) {
            rg_json_member(o, "limit", apr_psprintf(p, "%" APR_INT64_T_FMT,
                                                    in->limit), 0);
        }
        if (sh->unit && in->observed >= 0) {
            rg_json_member(o, "observed", apr_psprintf(p, "%"
                                                       APR_INT64_T_FMT,
                                                       in->observed), 0);
        }
        if (sh->unit) {
            rg_json_member(o, "unit", sh->unit, 1);
        }
        rg_json_member(o, "directive", sh->directive, 1);
    }
    if (sh->rows > 0) {
        rg_json_cookies(p, o, sh);
    }
    rg_put(o, "\n}\n");
}

/* ---- text/html ---- */

/* Inline style: no external resource.  Dark text on white is above 15:1,
 * the status colour and links on white above 6:1 (and light-on-dark in
 * dark mode); one column on narrow screens. */
#define RG_HTML_STYLE \
    ":root{color-scheme:light dark}" \
    "body{margin:0;padding:1rem;background:#f3f4f6;color:#1b1b1b;" \
    "font:1rem/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}" \
    "main{max-width:42rem;margin:2rem auto;padding:1.5rem 1.75rem;" \
    "background:#fff;border-radius:.5rem;" \
    "box-shadow:0 1px 3px rgba(0,0,0,.18)}" \
    ".status{margin:0;font-weight:700;color:#9b1c1c;letter-spacing:.04em}" \
    "h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 1rem}" \
    "h2{font-size:1.1rem;margin:1.6rem 0 .4rem}" \
    "h3{font-size:1rem;margin:1.2rem 0 .3rem}" \
    "p{margin:.4rem 0}" \
    "a{color:#0b57d0;font-weight:600}" \
    "dl{display:grid;grid-template-columns:max-content 1fr;" \
    "gap:.3rem 1rem;margin:.4rem 0}" \
    "dt{font-weight:600}" \
    "dd{margin:0;overflow-wrap:anywhere}" \
    "code,dd{font-family:ui-monospace,Menlo,Consolas,monospace}" \
    "table{border-collapse:collapse;margin:.4rem 0}" \
    "th,td{padding:.15rem 1rem .15rem 0;text-align:left;" \
    "vertical-align:top}" \
    "td{overflow-wrap:anywhere}" \
    ".n{text-align:right;font-variant-numeric:tabular-nums}" \
    "@media (max-width:32rem){body{padding:0}" \
    "main{margin:0;border-radius:0;padding:1rem}" \
    "dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}}" \
    "@media (prefers-color-scheme:dark){body{background:#15171b;" \
    "color:#ececec}main{background:#23262c;box-shadow:none}" \
    ".status{color:#ffb4b4}a{color:#a8c7fa}}"

static void rg_dl(rg_out_t *o, const char *term, const char *value)
{
    if (value != NULL) {
        rg_putv(o, "<dt>", term, "</dt><dd>", value, "</dd>\n", NULL);
    }
}

static void rg_html_cookie_row(apr_pool_t *p, rg_out_t *o, const char *name,
                               int code, apr_size_t bytes, const char *share,
                               int shares)
{
    rg_putv(o, "<tr><td>", code ? "<code>" : "", name, code ? "</code>" : "",
            "</td><td class=\"n\">",
            apr_psprintf(p, "%" APR_SIZE_T_FMT, bytes), "</td>", NULL);
    if (shares) {
        rg_putv(o, "<td class=\"n\">", share ? share : "",
                share ? "%" : "", "</td>", NULL);
    }
    rg_put(o, "</tr>\n");
}

static void rg_html_cookies(apr_pool_t *p, rg_out_t *o, const rg_shown_t *sh)
{
    int shares = sh->rows > 0 && sh->row_share[0] != NULL;
    apr_size_t i;

    rg_put(o, "<h3>Cookies, largest first</h3>\n");
    if (sh->cookies_partial) {
        rg_put(o, "<p>" RG_PARTIAL_NOTE "</p>\n");
    }
    rg_putv(o, "<p>Sizes are the bytes of <code>name=value</code> as the "
            "browser sent them", shares ? ", with their share of the limit"
            : "", "; no value is shown.</p>\n"
            "<table>\n<thead><tr><th scope=\"col\">Cookie</th>"
            "<th scope=\"col\" class=\"n\">Bytes</th>",
            shares ? "<th scope=\"col\" class=\"n\">Share of the limit</th>"
            : "", "</tr></thead>\n<tbody>\n", NULL);
    for (i = 0; i < sh->rows; i++) {
        int named = *sh->row_name[i] != '\0';

        rg_html_cookie_row(p, o, named ? sh->row_name[i] : RG_NO_NAME, named,
                           sh->row_bytes[i], sh->row_share[i], shares);
    }
    if (sh->more_pairs > 0) {
        rg_html_cookie_row(p, o, apr_psprintf(p, "%" APR_SIZE_T_FMT
                                              " more", sh->more_pairs),
                           0, sh->more_bytes, sh->more_share, shares);
    }
    rg_put(o, "</tbody>\n</table>\n");
}

static void rg_body_html(apr_pool_t *p, rg_out_t *o, const rg_render_in_t *in,
                         const rg_shown_t *sh)
{
    const rg_lang_t *L = sh->lang;
    const char *tag = rg_lang_tag(in->lang);
    /* English parts inside a page in another language say so. */
    const char *en = in->lang != RG_LANG_EN ? " lang=\"en\"" : "";

    rg_putv(o,
            "<!DOCTYPE html>\n"
            "<html lang=\"", tag, "\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" "
            "content=\"width=device-width, initial-scale=1\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" "
            "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            "<meta name=\"robots\" content=\"noindex\">\n"
            "<title>", sh->status, " ", sh->reason, "</title>\n"
            "<style>" RG_HTML_STYLE "</style>\n"
            "</head>\n<body>\n<main>\n"
            "<p class=\"status\">", rg_lang_text(L, RG_M_ERROR), " ",
            sh->status, "</p>\n"
            "<h1", en, ">", sh->reason, "</h1>\n"
            "<p>", sh->what, "</p>\n"
            "<h2>", rg_lang_text(L, RG_M_WHAT_YOU_CAN_DO), "</h2>\n"
            "<p>", sh->visitor, "</p>\n", NULL);
    if (sh->reload) {
        /* An empty reference is the page's own address, query included,
         * which this page never writes out. */
        rg_putv(o, "<p><a href=\"\">", rg_lang_text(L, RG_M_RELOAD_LINK),
                "</a></p>\n", NULL);
    }
    if (sh->directive || sh->rows > 0) {
        rg_putv(o, "<section", en, ">\n<h2>For the site owner</h2>\n", NULL);
        if (sh->directive) {
            rg_putv(o, "<p>This refusal comes from <code>", sh->directive,
                    "</code>.</p>\n<p>", sh->owner, "</p>\n<dl>\n", NULL);
            rg_dl(o, "Observed", sh->observed_words);
            rg_dl(o, "Limit", sh->limit_words);
            rg_dl(o, "Directive", sh->directive);
            rg_put(o, "</dl>\n");
        }
        if (sh->rows > 0) {
            rg_html_cookies(p, o, sh);
        }
        rg_put(o, "</section>\n");
    }
    rg_putv(o, "<h2>", rg_lang_text(L, RG_M_DETAILS), "</h2>\n<dl>\n", NULL);
    rg_dl(o, rg_lang_text(L, RG_M_STATUS), sh->status);
    rg_dl(o, rg_lang_text(L, RG_M_HEADER_FIELD), sh->field);
    rg_dl(o, rg_lang_text(L, RG_M_COOKIES), sh->cookies_words);
    rg_dl(o, rg_lang_text(L, RG_M_PATH), sh->path);
    rg_dl(o, rg_lang_text(L, RG_M_REQUEST_ID), sh->request_id);
    rg_dl(o, rg_lang_text(L, RG_M_TIME), sh->time);
    rg_put(o, "</dl>\n</main>\n</body>\n</html>\n");
}

char *rg_render_body(apr_pool_t *p, const rg_render_in_t *in,
                     rg_render_fmt_e fmt, apr_size_t *len)
{
    rg_out_t o;
    rg_shown_t sh;

    o.cap = RG_RENDER_BODY_MAX;
    o.buf = apr_palloc(p, o.cap);
    o.buf[0] = '\0';
    o.len = 0;
    rg_shown(p, in, fmt, &sh);
    switch (fmt) {
    case RG_RENDER_HTML:
        rg_body_html(p, &o, in, &sh);
        break;
    case RG_RENDER_JSON:
        rg_body_json(p, &o, in, &sh);
        break;
    default:
        rg_body_text(p, &o, &sh);
        break;
    }
    *len = o.len;
    return o.buf;
}
