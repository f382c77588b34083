/*
 * reqguard_render.c - Accept and Accept-Language negotiation, escaping, the
 * visitor's texts in eight languages, and the three body formats of a
 * diagnostic response.  Pure: APR and plain values only.
 *
 * The fixed sentences below are written without double quotes,
 * backslashes, '<', '>' and '&', so they are valid as they stand in HTML,
 * JSON strings and plain text; everything that varies goes through
 * rg_render_escape().
 */
#include <stdarg.h>
#include <string.h>
#include <strings.h>
#include <apr_lib.h>
#include <apr_strings.h>

#include "reqguard_fields.h"
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

/* Our languages' tags, in rg_lang_e order: also the order that breaks a
 * tie, English first. */
static const char *const rg_lang_tags[RG_LANG_COUNT] = {
    "en", "de", "fr", "es", "it", "nl", "pt", "pl"
};

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
        else if (!rg_token_is(tag, primary_end, rg_lang_tags[i])) {
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

const char *rg_render_lang_tag(rg_lang_e lang)
{
    return (unsigned)lang < RG_LANG_COUNT ? rg_lang_tags[lang] : "en";
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

/* ---- the visitor's texts, one table per language ----------------------- */

/*
 * Every sentence and label a visitor reads, by key.  English is the
 * reference; every other table has every key, none left in English by
 * accident (tests/unit/test_lang.c).  The rule of the file head holds in
 * every language: no double quotes, backslashes, '<', '>' or '&'.
 * Apostrophes are typographic (U+2019).  French puts a no-break space
 * before ':' and a narrow no-break space before ';', '?' and '!'.  The
 * register is the polite one of each language's web sites: German Sie,
 * French vous, Spanish usted, Italian Lei, Dutch u, Portuguese without
 * tu or você (read alike in Portugal and Brazil), Polish the plain
 * imperative without gendered verb forms.
 *
 * A sentence that names a header field comes in two pieces, _PRE and
 * _POST, with the (escaped) name between them.
 */
typedef enum {
    RG_M_NONE = 0,          /* no text: the kind's visitor text is chosen
                             * by the field name */
    /* labels and headings */
    RG_M_ERROR,             /* "Error" 431 */
    RG_M_WHAT_YOU_CAN_DO,
    RG_M_DETAILS,
    RG_M_STATUS,
    RG_M_HEADER_FIELD,      /* HTML detail */
    RG_M_FIELD,             /* text detail */
    RG_M_PATH,
    RG_M_REQUEST_ID,
    RG_M_TIME,
    RG_M_COOKIES,
    RG_M_RELOAD,            /* a recovery header was sent */
    RG_M_RELOAD_LINK,
    /* the module's kinds */
    RG_M_FIELDS_WHAT,
    RG_M_FIELDS_VISITOR,
    RG_M_FIELD_SIZE_WHAT,
    RG_M_FIELD_SIZE_PRE,
    RG_M_FIELD_SIZE_POST,
    RG_M_COOKIE_PRE,        /* the Cookie field: the site's cookies */
    RG_M_COOKIE_POST_SITE,
    RG_M_COOKIE_POST_SERVER,
    RG_M_HEADER_SIZE_WHAT,
    RG_M_HEADER_SIZE_VISITOR,
    RG_M_URI_WHAT,
    RG_M_ADDRESS_VISITOR,
    RG_M_QUERY_WHAT,
    RG_M_QUERY_VISITOR,
    RG_M_BODY_WHAT,
    RG_M_BODY_VISITOR,
    RG_M_LENGTH_WHAT,
    RG_M_LENGTH_VISITOR,
    RG_M_TIMEOUT_WHAT,
    RG_M_TIMEOUT_VISITOR,
    RG_M_CORE_SIZE_WHAT,
    RG_M_CORE_SIZE_PRE,
    RG_M_CORE_SIZE_POST,
    RG_M_CORE_FIELDS_WHAT,
    /* what to do about one large field, by its name */
    RG_M_ADVICE_NONE,
    RG_M_ADVICE_COOKIE,
    RG_M_ADVICE_AUTH,
    RG_M_ADVICE_REFERER,
    RG_M_ADVICE_OTHER,
    /* statuses we did not cause */
    RG_M_LATER,
    RG_M_GO_BACK,
    RG_M_S400_WHAT,
    RG_M_S400_VISITOR,
    RG_M_S401_WHAT,
    RG_M_S401_VISITOR,
    RG_M_S403_WHAT,
    RG_M_S403_VISITOR,
    RG_M_S404_WHAT,
    RG_M_S404_VISITOR,
    RG_M_S405_WHAT,
    RG_M_S408_WHAT,
    RG_M_S408_VISITOR,
    RG_M_S410_WHAT,
    RG_M_S410_VISITOR,
    RG_M_S411_WHAT,
    RG_M_S411_VISITOR,
    RG_M_S413_WHAT,
    RG_M_S413_VISITOR,
    RG_M_S429_WHAT,
    RG_M_S429_VISITOR,
    RG_M_S431_WHAT,
    RG_M_S500_WHAT,
    RG_M_S501_WHAT,
    RG_M_S502_WHAT,
    RG_M_S503_WHAT,
    RG_M_S504_WHAT,
    RG_M_S5XX_WHAT,
    RG_M_S4XX_WHAT,
    RG_M_S4XX_VISITOR,
    RG_M_COUNT
} rg_msg_e;

#define RG_NBSP  "\xC2\xA0"         /* U+00A0 NO-BREAK SPACE */
#define RG_NNBSP "\xE2\x80\xAF"     /* U+202F NARROW NO-BREAK SPACE */

static const char *const rg_msgs_en[RG_M_COUNT] = {
    [RG_M_ERROR] = "Error",
    [RG_M_WHAT_YOU_CAN_DO] = "What you can do",
    [RG_M_DETAILS] = "Details",
    [RG_M_STATUS] = "Status",
    [RG_M_HEADER_FIELD] = "Header field",
    [RG_M_FIELD] = "Field",
    [RG_M_PATH] = "Path",
    [RG_M_REQUEST_ID] = "Request id",
    [RG_M_TIME] = "Time",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "This site has just asked your browser to delete the cookies that "
        "made the request too large, so the page should work now when you "
        "reload it. You may have to sign in again.",
    [RG_M_RELOAD_LINK] = "Reload the page",

    [RG_M_FIELDS_WHAT] =
        "The request carries more header fields than this site accepts.",
    [RG_M_FIELDS_VISITOR] =
        "A browser extension, proxy or program may be adding header fields "
        "to your requests. Disable it, or try another browser, and reload.",
    [RG_M_FIELD_SIZE_WHAT] = "A header field of the request is too large.",
    [RG_M_FIELD_SIZE_PRE] = "The ",
    [RG_M_FIELD_SIZE_POST] = " header field of the request is too large.",
    [RG_M_COOKIE_PRE] =
        "The cookies this site has stored in your browser have grown too "
        "large: the ",
    [RG_M_COOKIE_POST_SITE] =
        " header field that carries them is larger than this site accepts.",
    [RG_M_COOKIE_POST_SERVER] =
        " header field that carries them is larger than this server "
        "accepts.",
    [RG_M_HEADER_SIZE_WHAT] =
        "The header fields of the request are too large taken together.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "This is most often caused by cookies piling up: clear the cookies "
        "this site has stored in your browser, then reload the page.",
    [RG_M_URI_WHAT] = "The address (URL) of the request is too long.",
    [RG_M_ADDRESS_VISITOR] =
        "Check the link you followed or the address you typed. Start again "
        "from the home page of the site, or ask whoever gave you the link "
        "for a shorter one.",
    [RG_M_QUERY_WHAT] =
        "The query part of the address (after the question mark) is too "
        "long.",
    [RG_M_QUERY_VISITOR] =
        "If a form or a search produced this address, send fewer or "
        "shorter values. Otherwise start again from the home page of the "
        "site.",
    [RG_M_BODY_WHAT] =
        "The data sent with the request, such as an uploaded file or a "
        "form, is larger than this site accepts.",
    [RG_M_BODY_VISITOR] =
        "Send a smaller file or less data, for example by compressing, "
        "resizing or splitting it.",
    [RG_M_LENGTH_WHAT] =
        "The request sent data without announcing its size "
        "(Content-Length), and this site requires the size.",
    [RG_M_LENGTH_VISITOR] =
        "Browsers always announce the size. If you use a program or a "
        "script, make it send a Content-Length header field instead of "
        "chunked transfer coding.",
    [RG_M_TIMEOUT_WHAT] =
        "The data sent with the request arrived too slowly or stopped "
        "arriving.",
    [RG_M_TIMEOUT_VISITOR] =
        "Check your network connection and try again; a slow or "
        "interrupted upload causes this.",
    [RG_M_CORE_SIZE_WHAT] =
        "A header field of the request is larger than this server accepts.",
    [RG_M_CORE_SIZE_PRE] = "The ",
    [RG_M_CORE_SIZE_POST] =
        " header field of the request is larger than this server accepts.",
    [RG_M_CORE_FIELDS_WHAT] =
        "The request carries more header fields than this server accepts.",

    [RG_M_ADVICE_NONE] =
        "A browser extension, proxy or program may have added a large "
        "header field. If you use one, disable it; otherwise clear the "
        "cookies this site has stored in your browser, then reload the "
        "page.",
    [RG_M_ADVICE_COOKIE] =
        "Clear the cookies this site has stored in your browser (in the "
        "site settings or privacy settings of the browser), then reload "
        "the page. You may have to sign in again.",
    [RG_M_ADVICE_AUTH] =
        "Sign out and sign in again. If that does not help, clear the "
        "cookies and stored data of this site in your browser.",
    [RG_M_ADVICE_REFERER] =
        "Open the site directly, by typing its address, instead of "
        "following the link.",
    [RG_M_ADVICE_OTHER] =
        "A browser extension, proxy or program may have added this header "
        "field. Disable it, or try another browser, and reload.",

    [RG_M_LATER] =
        "Try again in a few minutes. If it keeps happening, tell the site "
        "owner and quote the request id below.",
    [RG_M_GO_BACK] = "Go back and try again from the page you came from.",
    [RG_M_S400_WHAT] = "The server could not understand the request.",
    [RG_M_S400_VISITOR] =
        "Check the address. If you use a program, check the request it "
        "sends.",
    [RG_M_S401_WHAT] = "This address needs you to sign in.",
    [RG_M_S401_VISITOR] =
        "Sign in with a valid account, or check your user name and "
        "password.",
    [RG_M_S403_WHAT] = "You do not have permission to open this address.",
    [RG_M_S403_VISITOR] =
        "If you think you should have access, contact the site owner and "
        "quote the request id below.",
    [RG_M_S404_WHAT] = "There is no page at this address.",
    [RG_M_S404_VISITOR] =
        "Check the address for typing errors, or start again from the home "
        "page of the site.",
    [RG_M_S405_WHAT] = "This kind of request is not allowed at this address.",
    [RG_M_S408_WHAT] = "The server stopped waiting for the request to arrive.",
    [RG_M_S408_VISITOR] = "Check your network connection and try again.",
    [RG_M_S410_WHAT] = "The page at this address has been removed for good.",
    [RG_M_S410_VISITOR] = "Start again from the home page of the site.",
    [RG_M_S411_WHAT] = "The request sent data without announcing its size.",
    [RG_M_S411_VISITOR] =
        "If you use a program or a script, make it send a Content-Length "
        "header field.",
    [RG_M_S413_WHAT] =
        "The data sent with the request is larger than this site accepts.",
    [RG_M_S413_VISITOR] = "Send a smaller file or less data.",
    [RG_M_S429_WHAT] = "Too many requests have been sent in a short time.",
    [RG_M_S429_VISITOR] = "Wait a moment before trying again.",
    [RG_M_S431_WHAT] = "The header fields of the request are too large.",
    [RG_M_S500_WHAT] =
        "The server ran into an unexpected problem and could not complete "
        "the request.",
    [RG_M_S501_WHAT] = "The server does not support this kind of request.",
    [RG_M_S502_WHAT] =
        "A server this site relies on sent an invalid response.",
    [RG_M_S503_WHAT] =
        "The site is unavailable for the moment, for maintenance or because "
        "it is overloaded.",
    [RG_M_S504_WHAT] = "A server this site relies on did not answer in time.",
    [RG_M_S5XX_WHAT] = "The server could not complete the request.",
    [RG_M_S4XX_WHAT] = "The request could not be completed.",
    [RG_M_S4XX_VISITOR] =
        "Check the address and try again, or start again from the home page "
        "of the site."
};

static const char *const rg_msgs_de[RG_M_COUNT] = {
    [RG_M_ERROR] = "Fehler",
    [RG_M_WHAT_YOU_CAN_DO] = "Was Sie tun können",
    [RG_M_DETAILS] = "Details",
    [RG_M_STATUS] = "Status",
    [RG_M_HEADER_FIELD] = "Header-Feld",
    [RG_M_FIELD] = "Feld",
    [RG_M_PATH] = "Pfad",
    [RG_M_REQUEST_ID] = "Anfrage-ID",
    [RG_M_TIME] = "Zeit",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "Diese Website hat Ihren Browser soeben gebeten, die Cookies zu "
        "löschen, durch die die Anfrage zu groß wurde. Wenn Sie die Seite "
        "jetzt neu laden, sollte sie funktionieren. Eventuell müssen Sie "
        "sich erneut anmelden.",
    [RG_M_RELOAD_LINK] = "Seite neu laden",

    [RG_M_FIELDS_WHAT] =
        "Die Anfrage enthält mehr Header-Felder, als diese Website zulässt.",
    [RG_M_FIELDS_VISITOR] =
        "Möglicherweise fügt eine Browser-Erweiterung, ein Proxy oder ein "
        "Programm Ihren Anfragen Header-Felder hinzu. Deaktivieren Sie "
        "solche Erweiterungen oder Programme oder verwenden Sie einen "
        "anderen Browser, und laden Sie die Seite dann neu.",
    [RG_M_FIELD_SIZE_WHAT] = "Ein Header-Feld der Anfrage ist zu groß.",
    [RG_M_FIELD_SIZE_PRE] = "Das Header-Feld ",
    [RG_M_FIELD_SIZE_POST] = " der Anfrage ist zu groß.",
    [RG_M_COOKIE_PRE] =
        "Die Cookies, die diese Website in Ihrem Browser gespeichert hat, "
        "sind zu groß geworden: Das Header-Feld ",
    [RG_M_COOKIE_POST_SITE] =
        ", das sie überträgt, ist größer, als diese Website zulässt.",
    [RG_M_COOKIE_POST_SERVER] =
        ", das sie überträgt, ist größer, als dieser Server zulässt.",
    [RG_M_HEADER_SIZE_WHAT] =
        "Die Header-Felder der Anfrage sind zusammen zu groß.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Meist liegt das an Cookies, die sich angesammelt haben: Löschen "
        "Sie die Cookies, die diese Website in Ihrem Browser gespeichert "
        "hat, und laden Sie die Seite dann neu.",
    [RG_M_URI_WHAT] = "Die Adresse (URL) der Anfrage ist zu lang.",
    [RG_M_ADDRESS_VISITOR] =
        "Prüfen Sie den Link, dem Sie gefolgt sind, oder die Adresse, die Sie "
        "eingegeben haben. Gehen Sie zur Startseite der Website, oder bitten "
        "Sie die Person, von der Sie den Link haben, um einen kürzeren.",
    [RG_M_QUERY_WHAT] =
        "Der Teil der Adresse nach dem Fragezeichen ist zu lang.",
    [RG_M_QUERY_VISITOR] =
        "Wenn ein Formular oder eine Suche diese Adresse erzeugt hat, senden "
        "Sie weniger oder kürzere Angaben. Gehen Sie andernfalls zur "
        "Startseite der Website.",
    [RG_M_BODY_WHAT] =
        "Die mit der Anfrage gesendeten Daten, etwa eine hochgeladene Datei "
        "oder ein Formular, sind größer, als diese Website zulässt.",
    [RG_M_BODY_VISITOR] =
        "Senden Sie eine kleinere Datei oder weniger Daten, zum Beispiel "
        "indem Sie die Datei komprimieren, verkleinern oder aufteilen.",
    [RG_M_LENGTH_WHAT] =
        "Die Anfrage enthielt Daten ohne Angabe ihrer Größe (Content-Length), "
        "und diese Website verlangt die Größe.",
    [RG_M_LENGTH_VISITOR] =
        "Browser geben die Größe immer an. Wenn Sie ein Programm oder ein "
        "Skript verwenden, lassen Sie es ein Header-Feld Content-Length "
        "senden, statt die Daten in Teilen (chunked) zu übertragen.",
    [RG_M_TIMEOUT_WHAT] =
        "Die mit der Anfrage gesendeten Daten sind zu langsam oder gar "
        "nicht mehr angekommen.",
    [RG_M_TIMEOUT_VISITOR] =
        "Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut; "
        "die Ursache ist ein langsames oder unterbrochenes Hochladen.",
    [RG_M_CORE_SIZE_WHAT] =
        "Ein Header-Feld der Anfrage ist größer, als dieser Server zulässt.",
    [RG_M_CORE_SIZE_PRE] = "Das Header-Feld ",
    [RG_M_CORE_SIZE_POST] =
        " der Anfrage ist größer, als dieser Server zulässt.",
    [RG_M_CORE_FIELDS_WHAT] =
        "Die Anfrage enthält mehr Header-Felder, als dieser Server zulässt.",

    [RG_M_ADVICE_NONE] =
        "Möglicherweise hat eine Browser-Erweiterung, ein Proxy oder ein "
        "Programm ein großes Header-Feld hinzugefügt. Wenn Sie so etwas "
        "verwenden, deaktivieren Sie es; löschen Sie andernfalls die "
        "Cookies, die diese Website in Ihrem Browser gespeichert hat, und "
        "laden Sie die Seite dann neu.",
    [RG_M_ADVICE_COOKIE] =
        "Löschen Sie die Cookies, die diese Website in Ihrem Browser "
        "gespeichert hat (in den Website-Einstellungen oder den "
        "Datenschutzeinstellungen des Browsers), und laden Sie die Seite "
        "dann neu. Eventuell müssen Sie sich danach erneut anmelden.",
    [RG_M_ADVICE_AUTH] =
        "Melden Sie sich ab und wieder an. Wenn das nicht hilft, löschen "
        "Sie die Cookies und gespeicherten Daten dieser Website in Ihrem "
        "Browser.",
    [RG_M_ADVICE_REFERER] =
        "Öffnen Sie die Website direkt, indem Sie ihre Adresse eingeben, "
        "statt dem Link zu folgen.",
    [RG_M_ADVICE_OTHER] =
        "Möglicherweise hat eine Browser-Erweiterung, ein Proxy oder ein "
        "Programm dieses Header-Feld hinzugefügt. Deaktivieren Sie solche "
        "Erweiterungen oder Programme oder verwenden Sie einen anderen "
        "Browser, und laden Sie die Seite dann neu.",

    [RG_M_LATER] =
        "Versuchen Sie es in ein paar Minuten erneut. Wenn der Fehler "
        "weiterhin auftritt, wenden Sie sich an den Betreiber der Website "
        "und nennen Sie die unten stehende Anfrage-ID.",
    [RG_M_GO_BACK] =
        "Gehen Sie zurück und versuchen Sie es von der vorherigen Seite aus "
        "erneut.",
    [RG_M_S400_WHAT] = "Der Server konnte die Anfrage nicht verstehen.",
    [RG_M_S400_VISITOR] =
        "Prüfen Sie die Adresse. Wenn Sie ein Programm verwenden, prüfen "
        "Sie die Anfrage, die es sendet.",
    [RG_M_S401_WHAT] = "Für diese Adresse müssen Sie sich anmelden.",
    [RG_M_S401_VISITOR] =
        "Melden Sie sich mit einem gültigen Konto an, oder prüfen Sie "
        "Benutzername und Passwort.",
    [RG_M_S403_WHAT] =
        "Sie haben keine Berechtigung, diese Adresse zu öffnen.",
    [RG_M_S403_VISITOR] =
        "Wenn Sie meinen, dass Sie Zugang haben sollten, wenden Sie sich an "
        "den Betreiber der Website und nennen Sie die unten stehende "
        "Anfrage-ID.",
    [RG_M_S404_WHAT] = "Unter dieser Adresse gibt es keine Seite.",
    [RG_M_S404_VISITOR] =
        "Prüfen Sie die Adresse auf Tippfehler, oder gehen Sie zur Startseite "
        "der Website.",
    [RG_M_S405_WHAT] =
        "Diese Art von Anfrage ist unter dieser Adresse nicht erlaubt.",
    [RG_M_S408_WHAT] =
        "Der Server hat aufgehört, auf das Eintreffen der Anfrage zu warten.",
    [RG_M_S408_VISITOR] =
        "Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.",
    [RG_M_S410_WHAT] =
        "Die Seite unter dieser Adresse wurde endgültig entfernt.",
    [RG_M_S410_VISITOR] =
        "Gehen Sie zur Startseite der Website.",
    [RG_M_S411_WHAT] =
        "Die Anfrage enthielt Daten ohne Angabe ihrer Größe.",
    [RG_M_S411_VISITOR] =
        "Wenn Sie ein Programm oder ein Skript verwenden, lassen Sie es ein "
        "Header-Feld Content-Length senden.",
    [RG_M_S413_WHAT] =
        "Die mit der Anfrage gesendeten Daten sind größer, als diese "
        "Website zulässt.",
    [RG_M_S413_VISITOR] = "Senden Sie eine kleinere Datei oder weniger Daten.",
    [RG_M_S429_WHAT] = "In kurzer Zeit wurden zu viele Anfragen gesendet.",
    [RG_M_S429_VISITOR] =
        "Warten Sie einen Moment, bevor Sie es erneut versuchen.",
    [RG_M_S431_WHAT] = "Die Header-Felder der Anfrage sind zu groß.",
    [RG_M_S500_WHAT] =
        "Auf dem Server ist ein unerwartetes Problem aufgetreten, daher "
        "konnte die Anfrage nicht ausgeführt werden.",
    [RG_M_S501_WHAT] = "Der Server unterstützt diese Art von Anfrage nicht.",
    [RG_M_S502_WHAT] =
        "Ein Server, auf den diese Website angewiesen ist, hat eine "
        "ungültige Antwort gesendet.",
    [RG_M_S503_WHAT] =
        "Die Website ist im Moment nicht erreichbar, weil sie gewartet wird "
        "oder überlastet ist.",
    [RG_M_S504_WHAT] =
        "Ein Server, auf den diese Website angewiesen ist, hat nicht "
        "rechtzeitig geantwortet.",
    [RG_M_S5XX_WHAT] = "Der Server konnte die Anfrage nicht ausführen.",
    [RG_M_S4XX_WHAT] = "Die Anfrage konnte nicht ausgeführt werden.",
    [RG_M_S4XX_VISITOR] =
        "Prüfen Sie die Adresse und versuchen Sie es erneut, oder gehen Sie "
        "zur Startseite der Website."
        "Sie erneut auf der Startseite der Website."
};

static const char *const rg_msgs_fr[RG_M_COUNT] = {
    [RG_M_ERROR] = "Erreur",
    [RG_M_WHAT_YOU_CAN_DO] = "Ce que vous pouvez faire",
    [RG_M_DETAILS] = "Détails",
    [RG_M_STATUS] = "Statut",
    [RG_M_HEADER_FIELD] = "Champ d’en-tête",
    [RG_M_FIELD] = "Champ",
    [RG_M_PATH] = "Chemin",
    [RG_M_REQUEST_ID] = "Identifiant de la requête",
    [RG_M_TIME] = "Heure",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "Ce site vient de demander à votre navigateur de supprimer les "
        "cookies qui rendaient la requête trop volumineuse" RG_NNBSP "; la "
        "page devrait donc s’afficher normalement si vous la rechargez "
        "maintenant. Il vous faudra peut-être vous reconnecter.",
    [RG_M_RELOAD_LINK] = "Recharger la page",

    [RG_M_FIELDS_WHAT] =
        "La requête contient plus de champs d’en-tête que ce site n’en "
        "accepte.",
    [RG_M_FIELDS_VISITOR] =
        "Une extension du navigateur, un proxy ou un programme ajoute "
        "peut-être des champs d’en-tête à vos requêtes. Désactivez cette "
        "extension ou ce programme, ou essayez un autre navigateur, puis "
        "rechargez la page.",
    [RG_M_FIELD_SIZE_WHAT] =
        "Un champ d’en-tête de la requête est trop volumineux.",
    [RG_M_FIELD_SIZE_PRE] = "Le champ d’en-tête ",
    [RG_M_FIELD_SIZE_POST] = " de la requête est trop volumineux.",
    [RG_M_COOKIE_PRE] =
        "Les cookies que ce site a enregistrés dans votre navigateur sont "
        "devenus trop volumineux" RG_NBSP ": le champ d’en-tête ",
    [RG_M_COOKIE_POST_SITE] =
        " qui les transporte dépasse la taille acceptée par ce site.",
    [RG_M_COOKIE_POST_SERVER] =
        " qui les transporte dépasse la taille acceptée par ce serveur.",
    [RG_M_HEADER_SIZE_WHAT] =
        "Les champs d’en-tête de la requête sont trop volumineux dans leur "
        "ensemble.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "C’est le plus souvent dû à une accumulation de cookies" RG_NBSP
        ": supprimez les cookies que ce site a enregistrés dans votre "
        "navigateur, puis rechargez la page.",
    [RG_M_URI_WHAT] = "L’adresse (URL) de la requête est trop longue.",
    [RG_M_ADDRESS_VISITOR] =
        "Vérifiez le lien que vous avez suivi ou l’adresse que vous avez "
        "saisie. Recommencez depuis la page d’accueil du site, ou demandez "
        "à la personne qui vous a donné le lien de vous en fournir un plus "
        "court.",
    [RG_M_QUERY_WHAT] =
        "La partie de l’adresse qui suit le point d’interrogation est trop "
        "longue.",
    [RG_M_QUERY_VISITOR] =
        "Si cette adresse a été produite par un formulaire ou une "
        "recherche, envoyez moins de valeurs ou des valeurs plus courtes. "
        "Sinon, recommencez depuis la page d’accueil du site.",
    [RG_M_BODY_WHAT] =
        "Les données envoyées avec la requête, par exemple un fichier ou un "
        "formulaire, dépassent la taille acceptée par ce site.",
    [RG_M_BODY_VISITOR] =
        "Envoyez un fichier plus petit ou moins de données, par exemple en "
        "compressant, en redimensionnant ou en découpant le fichier.",
    [RG_M_LENGTH_WHAT] =
        "La requête contenait des données sans en annoncer la taille "
        "(Content-Length), alors que ce site exige cette information.",
    [RG_M_LENGTH_VISITOR] =
        "Les navigateurs annoncent toujours la taille. Si vous utilisez un "
        "programme ou un script, faites-lui envoyer un champ d’en-tête "
        "Content-Length au lieu d’un transfert par morceaux (chunked).",
    [RG_M_TIMEOUT_WHAT] =
        "Les données envoyées avec la requête sont arrivées trop lentement "
        "ou ont cessé d’arriver.",
    [RG_M_TIMEOUT_VISITOR] =
        "Vérifiez votre connexion réseau et réessayez" RG_NNBSP "; un envoi "
        "lent ou interrompu en est la cause.",
    [RG_M_CORE_SIZE_WHAT] =
        "Un champ d’en-tête de la requête dépasse la taille acceptée par ce "
        "serveur.",
    [RG_M_CORE_SIZE_PRE] = "Le champ d’en-tête ",
    [RG_M_CORE_SIZE_POST] =
        " de la requête dépasse la taille acceptée par ce serveur.",
    [RG_M_CORE_FIELDS_WHAT] =
        "La requête contient plus de champs d’en-tête que ce serveur n’en "
        "accepte.",

    [RG_M_ADVICE_NONE] =
        "Une extension du navigateur, un proxy ou un programme a peut-être "
        "ajouté un champ d’en-tête volumineux. Si vous utilisez un tel "
        "outil, désactivez-le" RG_NNBSP "; sinon, supprimez les cookies que "
        "ce site a enregistrés dans votre navigateur, puis rechargez la "
        "page.",
    [RG_M_ADVICE_COOKIE] =
        "Supprimez les cookies que ce site a enregistrés dans votre "
        "navigateur (dans les paramètres du site ou les paramètres de "
        "confidentialité du navigateur), puis rechargez la page. Il vous "
        "faudra peut-être vous reconnecter.",
    [RG_M_ADVICE_AUTH] =
        "Déconnectez-vous, puis reconnectez-vous. Si cela ne suffit pas, "
        "supprimez les cookies et les données enregistrées de ce site dans "
        "votre navigateur.",
    [RG_M_ADVICE_REFERER] =
        "Ouvrez le site directement, en saisissant son adresse, plutôt "
        "qu’en suivant le lien.",
    [RG_M_ADVICE_OTHER] =
        "Une extension du navigateur, un proxy ou un programme a peut-être "
        "ajouté ce champ d’en-tête. Désactivez cette extension ou ce "
        "programme, ou essayez un autre navigateur, puis rechargez la page.",

    [RG_M_LATER] =
        "Réessayez dans quelques minutes. Si le problème persiste, prévenez "
        "le responsable du site en indiquant l’identifiant de la requête "
        "ci-dessous.",
    [RG_M_GO_BACK] =
        "Revenez en arrière et réessayez depuis la page d’où vous veniez.",
    [RG_M_S400_WHAT] = "Le serveur n’a pas pu comprendre la requête.",
    [RG_M_S400_VISITOR] =
        "Vérifiez l’adresse. Si vous utilisez un programme, vérifiez la "
        "requête qu’il envoie.",
    [RG_M_S401_WHAT] =
        "Vous devez vous connecter pour accéder à cette adresse.",
    [RG_M_S401_VISITOR] =
        "Connectez-vous avec un compte valide, ou vérifiez votre nom "
        "d’utilisateur et votre mot de passe.",
    [RG_M_S403_WHAT] =
        "Vous n’avez pas l’autorisation d’ouvrir cette adresse.",
    [RG_M_S403_VISITOR] =
        "Si vous pensez devoir y avoir accès, contactez le responsable du "
        "site en indiquant l’identifiant de la requête ci-dessous.",
    [RG_M_S404_WHAT] = "Il n’y a aucune page à cette adresse.",
    [RG_M_S404_VISITOR] =
        "Vérifiez que l’adresse ne contient pas de faute de frappe, ou "
        "recommencez depuis la page d’accueil du site.",
    [RG_M_S405_WHAT] =
        "Ce type de requête n’est pas autorisé à cette adresse.",
    [RG_M_S408_WHAT] =
        "Le serveur a cessé d’attendre l’arrivée de la requête.",
    [RG_M_S408_VISITOR] = "Vérifiez votre connexion réseau et réessayez.",
    [RG_M_S410_WHAT] =
        "La page qui se trouvait à cette adresse a été définitivement "
        "supprimée.",
    [RG_M_S410_VISITOR] = "Recommencez depuis la page d’accueil du site.",
    [RG_M_S411_WHAT] =
        "La requête contenait des données sans en annoncer la taille.",
    [RG_M_S411_VISITOR] =
        "Si vous utilisez un programme ou un script, faites-lui envoyer un "
        "champ d’en-tête Content-Length.",
    [RG_M_S413_WHAT] =
        "Les données envoyées avec la requête dépassent la taille acceptée "
        "par ce site.",
    [RG_M_S413_VISITOR] = "Envoyez un fichier plus petit ou moins de données.",
    [RG_M_S429_WHAT] = "Trop de requêtes ont été envoyées en peu de temps.",
    [RG_M_S429_VISITOR] = "Patientez un instant avant de réessayer.",
    [RG_M_S431_WHAT] =
        "Les champs d’en-tête de la requête sont trop volumineux.",
    [RG_M_S500_WHAT] =
        "Le serveur a rencontré un problème inattendu et n’a pas pu traiter "
        "la requête.",
    [RG_M_S501_WHAT] = "Le serveur ne prend pas en charge ce type de requête.",
    [RG_M_S502_WHAT] =
        "Un serveur dont dépend ce site a envoyé une réponse non valide.",
    [RG_M_S503_WHAT] =
        "Le site est momentanément indisponible, pour cause de maintenance "
        "ou de surcharge.",
    [RG_M_S504_WHAT] =
        "Un serveur dont dépend ce site n’a pas répondu à temps.",
    [RG_M_S5XX_WHAT] = "Le serveur n’a pas pu traiter la requête.",
    [RG_M_S4XX_WHAT] = "La requête n’a pas pu aboutir.",
    [RG_M_S4XX_VISITOR] =
        "Vérifiez l’adresse et réessayez, ou recommencez depuis la page "
        "d’accueil du site."
};

static const char *const rg_msgs_es[RG_M_COUNT] = {
    [RG_M_ERROR] = "Error",
    [RG_M_WHAT_YOU_CAN_DO] = "Qué puede hacer",
    [RG_M_DETAILS] = "Detalles",
    [RG_M_STATUS] = "Estado",
    [RG_M_HEADER_FIELD] = "Campo de cabecera",
    [RG_M_FIELD] = "Campo",
    [RG_M_PATH] = "Ruta",
    [RG_M_REQUEST_ID] = "ID de la solicitud",
    [RG_M_TIME] = "Hora",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "Este sitio acaba de pedir a su navegador que elimine las cookies "
        "que hacían demasiado grande la solicitud, así que la página "
        "debería funcionar si la vuelve a cargar ahora. Es posible que "
        "tenga que volver a iniciar sesión.",
    [RG_M_RELOAD_LINK] = "Volver a cargar la página",

    [RG_M_FIELDS_WHAT] =
        "La solicitud contiene más campos de cabecera de los que admite "
        "este sitio.",
    [RG_M_FIELDS_VISITOR] =
        "Es posible que una extensión del navegador, un proxy o un programa "
        "esté añadiendo campos de cabecera a sus solicitudes. Desactive esa "
        "extensión o programa, o pruebe con otro navegador, y vuelva a "
        "cargar la página.",
    [RG_M_FIELD_SIZE_WHAT] =
        "Un campo de cabecera de la solicitud es demasiado grande.",
    [RG_M_FIELD_SIZE_PRE] = "El campo de cabecera ",
    [RG_M_FIELD_SIZE_POST] = " de la solicitud es demasiado grande.",
    [RG_M_COOKIE_PRE] =
        "Las cookies que este sitio ha guardado en su navegador han crecido "
        "demasiado: el campo de cabecera ",
    [RG_M_COOKIE_POST_SITE] =
        " que las transporta supera el tamaño que admite este sitio.",
    [RG_M_COOKIE_POST_SERVER] =
        " que las transporta supera el tamaño que admite este servidor.",
    [RG_M_HEADER_SIZE_WHAT] =
        "Los campos de cabecera de la solicitud son demasiado grandes en "
        "conjunto.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Lo más habitual es que se deba a una acumulación de cookies: "
        "elimine las cookies que este sitio ha guardado en su navegador y "
        "vuelva a cargar la página.",
    [RG_M_URI_WHAT] = "La dirección (URL) de la solicitud es demasiado larga.",
    [RG_M_ADDRESS_VISITOR] =
        "Compruebe el enlace que ha seguido o la dirección que ha escrito. "
        "Vuelva a empezar desde la página de inicio del sitio, o pida a "
        "quien le dio el enlace uno más corto.",
    [RG_M_QUERY_WHAT] =
        "La parte de la dirección que sigue al signo de interrogación es "
        "demasiado larga.",
    [RG_M_QUERY_VISITOR] =
        "Si esta dirección la generó un formulario o una búsqueda, envíe "
        "menos valores o valores más cortos. Si no, vuelva a empezar desde "
        "la página de inicio del sitio.",
    [RG_M_BODY_WHAT] =
        "Los datos enviados con la solicitud, como un archivo o un "
        "formulario, superan el tamaño que admite este sitio.",
    [RG_M_BODY_VISITOR] =
        "Envíe un archivo más pequeño o menos datos, por ejemplo "
        "comprimiendo, reduciendo o dividiendo el archivo.",
    [RG_M_LENGTH_WHAT] =
        "La solicitud contenía datos sin indicar su tamaño (Content-Length), "
        "y este sitio exige que se indique.",
    [RG_M_LENGTH_VISITOR] =
        "Los navegadores siempre indican el tamaño. Si usa un programa o un "
        "script, haga que envíe un campo de cabecera Content-Length en "
        "lugar de transferir los datos por fragmentos (chunked).",
    [RG_M_TIMEOUT_WHAT] =
        "Los datos enviados con la solicitud llegaron demasiado despacio o "
        "dejaron de llegar.",
    [RG_M_TIMEOUT_VISITOR] =
        "Compruebe su conexión de red y vuelva a intentarlo; la causa es un "
        "envío lento o interrumpido.",
    [RG_M_CORE_SIZE_WHAT] =
        "Un campo de cabecera de la solicitud supera el tamaño que admite "
        "este servidor.",
    [RG_M_CORE_SIZE_PRE] = "El campo de cabecera ",
    [RG_M_CORE_SIZE_POST] =
        " de la solicitud supera el tamaño que admite este servidor.",
    [RG_M_CORE_FIELDS_WHAT] =
        "La solicitud contiene más campos de cabecera de los que admite "
        "este servidor.",

    [RG_M_ADVICE_NONE] =
        "Es posible que una extensión del navegador, un proxy o un programa "
        "haya añadido un campo de cabecera grande. Si usa alguno, "
        "desactívelo; si no, elimine las cookies que este sitio ha guardado "
        "en su navegador y vuelva a cargar la página.",
    [RG_M_ADVICE_COOKIE] =
        "Elimine las cookies que este sitio ha guardado en su navegador (en "
        "la configuración del sitio o en la configuración de privacidad del "
        "navegador) y vuelva a cargar la página. Es posible que tenga que "
        "volver a iniciar sesión.",
    [RG_M_ADVICE_AUTH] =
        "Cierre la sesión y vuelva a iniciarla. Si no se soluciona, elimine "
        "las cookies y los datos guardados de este sitio en su navegador.",
    [RG_M_ADVICE_REFERER] =
        "Abra el sitio directamente, escribiendo su dirección, en lugar de "
        "seguir el enlace.",
    [RG_M_ADVICE_OTHER] =
        "Es posible que una extensión del navegador, un proxy o un programa "
        "haya añadido este campo de cabecera. Desactive esa extensión o "
        "programa, o pruebe con otro navegador, y vuelva a cargar la "
        "página.",

    [RG_M_LATER] =
        "Vuelva a intentarlo dentro de unos minutos. Si el problema "
        "persiste, avise al responsable del sitio e indique el ID de la "
        "solicitud que figura más abajo.",
    [RG_M_GO_BACK] =
        "Vuelva atrás e inténtelo de nuevo desde la página de la que venía.",
    [RG_M_S400_WHAT] = "El servidor no ha podido entender la solicitud.",
    [RG_M_S400_VISITOR] =
        "Compruebe la dirección. Si usa un programa, compruebe la solicitud "
        "que envía.",
    [RG_M_S401_WHAT] =
        "Para acceder a esta dirección tiene que iniciar sesión.",
    [RG_M_S401_VISITOR] =
        "Inicie sesión con una cuenta válida, o compruebe su nombre de "
        "usuario y su contraseña.",
    [RG_M_S403_WHAT] = "No tiene permiso para abrir esta dirección.",
    [RG_M_S403_VISITOR] =
        "Si cree que debería tener acceso, póngase en contacto con el "
        "responsable del sitio e indique el ID de la solicitud que figura "
        "más abajo.",
    [RG_M_S404_WHAT] = "No hay ninguna página en esta dirección.",
    [RG_M_S404_VISITOR] =
        "Compruebe que la dirección no tenga errores de escritura, o vuelva "
        "a empezar desde la página de inicio del sitio.",
    [RG_M_S405_WHAT] =
        "Este tipo de solicitud no está permitido en esta dirección.",
    [RG_M_S408_WHAT] =
        "El servidor dejó de esperar a que llegara la solicitud.",
    [RG_M_S408_VISITOR] =
        "Compruebe su conexión de red y vuelva a intentarlo.",
    [RG_M_S410_WHAT] =
        "La página de esta dirección se ha eliminado definitivamente.",
    [RG_M_S410_VISITOR] =
        "Vuelva a empezar desde la página de inicio del sitio.",
    [RG_M_S411_WHAT] =
        "La solicitud contenía datos sin indicar su tamaño.",
    [RG_M_S411_VISITOR] =
        "Si usa un programa o un script, haga que envíe un campo de "
        "cabecera Content-Length.",
    [RG_M_S413_WHAT] =
        "Los datos enviados con la solicitud superan el tamaño que admite "
        "este sitio.",
    [RG_M_S413_VISITOR] = "Envíe un archivo más pequeño o menos datos.",
    [RG_M_S429_WHAT] = "Se han enviado demasiadas solicitudes en poco tiempo.",
    [RG_M_S429_VISITOR] = "Espere un momento antes de volver a intentarlo.",
    [RG_M_S431_WHAT] =
        "Los campos de cabecera de la solicitud son demasiado grandes.",
    [RG_M_S500_WHAT] =
        "El servidor ha tenido un problema inesperado y no ha podido "
        "completar la solicitud.",
    [RG_M_S501_WHAT] = "El servidor no admite este tipo de solicitud.",
    [RG_M_S502_WHAT] =
        "Un servidor del que depende este sitio ha enviado una respuesta no "
        "válida.",
    [RG_M_S503_WHAT] =
        "El sitio no está disponible en este momento, por mantenimiento o "
        "porque está sobrecargado.",
    [RG_M_S504_WHAT] =
        "Un servidor del que depende este sitio no ha respondido a tiempo.",
    [RG_M_S5XX_WHAT] = "El servidor no ha podido completar la solicitud.",
    [RG_M_S4XX_WHAT] = "No se ha podido completar la solicitud.",
    [RG_M_S4XX_VISITOR] =
        "Compruebe la dirección y vuelva a intentarlo, o vuelva a empezar "
        "desde la página de inicio del sitio."
};

static const char *const rg_msgs_it[RG_M_COUNT] = {
    [RG_M_ERROR] = "Errore",
    [RG_M_WHAT_YOU_CAN_DO] = "Cosa può fare",
    [RG_M_DETAILS] = "Dettagli",
    [RG_M_STATUS] = "Stato",
    [RG_M_HEADER_FIELD] = "Campo di intestazione",
    [RG_M_FIELD] = "Campo",
    [RG_M_PATH] = "Percorso",
    [RG_M_REQUEST_ID] = "ID della richiesta",
    [RG_M_TIME] = "Ora",
    [RG_M_COOKIES] = "Cookie",
    [RG_M_RELOAD] =
        "Questo sito ha appena chiesto al suo browser di eliminare i cookie "
        "che rendevano la richiesta troppo grande, quindi ora la pagina "
        "dovrebbe funzionare se la ricarica. Potrebbe essere necessario "
        "accedere di nuovo.",
    [RG_M_RELOAD_LINK] = "Ricarica la pagina",

    [RG_M_FIELDS_WHAT] =
        "La richiesta contiene più campi di intestazione di quanti questo "
        "sito ne accetti.",
    [RG_M_FIELDS_VISITOR] =
        "Un’estensione del browser, un proxy o un programma potrebbe "
        "aggiungere campi di intestazione alle sue richieste. Disattivi "
        "quell’estensione o quel programma, oppure provi con un altro "
        "browser, e ricarichi la pagina.",
    [RG_M_FIELD_SIZE_WHAT] =
        "Un campo di intestazione della richiesta è troppo grande.",
    [RG_M_FIELD_SIZE_PRE] = "Il campo di intestazione ",
    [RG_M_FIELD_SIZE_POST] = " della richiesta è troppo grande.",
    [RG_M_COOKIE_PRE] =
        "I cookie che questo sito ha salvato nel suo browser sono diventati "
        "troppo grandi: il campo di intestazione ",
    [RG_M_COOKIE_POST_SITE] =
        " che li trasporta supera la dimensione accettata da questo sito.",
    [RG_M_COOKIE_POST_SERVER] =
        " che li trasporta supera la dimensione accettata da questo server.",
    [RG_M_HEADER_SIZE_WHAT] =
        "I campi di intestazione della richiesta sono troppo grandi nel "
        "loro insieme.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Di solito la causa è un accumulo di cookie: elimini i cookie che "
        "questo sito ha salvato nel suo browser, poi ricarichi la pagina.",
    [RG_M_URI_WHAT] = "L’indirizzo (URL) della richiesta è troppo lungo.",
    [RG_M_ADDRESS_VISITOR] =
        "Controlli il link che ha seguito o l’indirizzo che ha digitato. "
        "Ricominci dalla pagina iniziale del sito, oppure chieda a chi le "
        "ha dato il link di fornirgliene uno più corto.",
    [RG_M_QUERY_WHAT] =
        "La parte dell’indirizzo dopo il punto interrogativo è troppo "
        "lunga.",
    [RG_M_QUERY_VISITOR] =
        "Se questo indirizzo è stato generato da un modulo o da una "
        "ricerca, invii meno valori o valori più brevi. Altrimenti "
        "ricominci dalla pagina iniziale del sito.",
    [RG_M_BODY_WHAT] =
        "I dati inviati con la richiesta, ad esempio un file caricato o un "
        "modulo, superano la dimensione accettata da questo sito.",
    [RG_M_BODY_VISITOR] =
        "Invii un file più piccolo o meno dati, ad esempio comprimendo, "
        "ridimensionando o suddividendo il file.",
    [RG_M_LENGTH_WHAT] =
        "La richiesta conteneva dati senza indicarne la dimensione "
        "(Content-Length), e questo sito richiede che sia indicata.",
    [RG_M_LENGTH_VISITOR] =
        "I browser indicano sempre la dimensione. Se usa un programma o "
        "uno script, faccia in modo che invii un campo di intestazione "
        "Content-Length invece di trasferire i dati a blocchi (chunked).",
    [RG_M_TIMEOUT_WHAT] =
        "I dati inviati con la richiesta sono arrivati troppo lentamente o "
        "hanno smesso di arrivare.",
    [RG_M_TIMEOUT_VISITOR] =
        "Controlli la sua connessione di rete e riprovi; la causa è un "
        "invio lento o interrotto.",
    [RG_M_CORE_SIZE_WHAT] =
        "Un campo di intestazione della richiesta supera la dimensione "
        "accettata da questo server.",
    [RG_M_CORE_SIZE_PRE] = "Il campo di intestazione ",
    [RG_M_CORE_SIZE_POST] =
        " della richiesta supera la dimensione accettata da questo server.",
    [RG_M_CORE_FIELDS_WHAT] =
        "La richiesta contiene più campi di intestazione di quanti questo "
        "server ne accetti.",

    [RG_M_ADVICE_NONE] =
        "Un’estensione del browser, un proxy o un programma potrebbe aver "
        "aggiunto un campo di intestazione di grandi dimensioni. Se ne usa "
        "uno, lo disattivi; altrimenti elimini i cookie che questo sito ha "
        "salvato nel suo browser, poi ricarichi la pagina.",
    [RG_M_ADVICE_COOKIE] =
        "Elimini i cookie che questo sito ha salvato nel suo browser (nelle "
        "impostazioni del sito o nelle impostazioni della privacy del "
        "browser), poi ricarichi la pagina. Potrebbe essere necessario "
        "accedere di nuovo.",
    [RG_M_ADVICE_AUTH] =
        "Esca dall’account e acceda di nuovo. Se non basta, elimini i "
        "cookie e i dati salvati di questo sito nel suo browser.",
    [RG_M_ADVICE_REFERER] =
        "Apra il sito direttamente, digitandone l’indirizzo, invece di "
        "seguire il link.",
    [RG_M_ADVICE_OTHER] =
        "Un’estensione del browser, un proxy o un programma potrebbe aver "
        "aggiunto questo campo di intestazione. Disattivi quell’estensione "
        "o quel programma, oppure provi con un altro browser, e ricarichi "
        "la pagina.",

    [RG_M_LATER] =
        "Riprovi tra qualche minuto. Se il problema si ripete, avvisi il "
        "gestore del sito indicando l’ID della richiesta riportato qui "
        "sotto.",
    [RG_M_GO_BACK] = "Torni indietro e riprovi dalla pagina da cui proveniva.",
    [RG_M_S400_WHAT] = "Il server non è riuscito a interpretare la richiesta.",
    [RG_M_S400_VISITOR] =
        "Controlli l’indirizzo. Se usa un programma, controlli la richiesta "
        "che invia.",
    [RG_M_S401_WHAT] =
        "Per aprire questo indirizzo è necessario effettuare l’accesso.",
    [RG_M_S401_VISITOR] =
        "Acceda con un account valido, oppure controlli nome utente e "
        "password.",
    [RG_M_S403_WHAT] =
        "Non ha l’autorizzazione per aprire questo indirizzo.",
    [RG_M_S403_VISITOR] =
        "Se ritiene di dover avere accesso, contatti il gestore del sito "
        "indicando l’ID della richiesta riportato qui sotto.",
    [RG_M_S404_WHAT] = "A questo indirizzo non c’è nessuna pagina.",
    [RG_M_S404_VISITOR] =
        "Controlli che l’indirizzo non contenga errori di battitura, oppure "
        "ricominci dalla pagina iniziale del sito.",
    [RG_M_S405_WHAT] =
        "Questo tipo di richiesta non è consentito a questo indirizzo.",
    [RG_M_S408_WHAT] =
        "Il server ha smesso di attendere l’arrivo della richiesta.",
    [RG_M_S408_VISITOR] = "Controlli la sua connessione di rete e riprovi.",
    [RG_M_S410_WHAT] =
        "La pagina a questo indirizzo è stata rimossa definitivamente.",
    [RG_M_S410_VISITOR] = "Ricominci dalla pagina iniziale del sito.",
    [RG_M_S411_WHAT] =
        "La richiesta conteneva dati senza indicarne la dimensione.",
    [RG_M_S411_VISITOR] =
        "Se usa un programma o uno script, faccia in modo che invii un "
        "campo di intestazione Content-Length.",
    [RG_M_S413_WHAT] =
        "I dati inviati con la richiesta superano la dimensione accettata "
        "da questo sito.",
    [RG_M_S413_VISITOR] = "Invii un file più piccolo o meno dati.",
    [RG_M_S429_WHAT] = "Sono state inviate troppe richieste in poco tempo.",
    [RG_M_S429_VISITOR] = "Attenda un momento prima di riprovare.",
    [RG_M_S431_WHAT] =
        "I campi di intestazione della richiesta sono troppo grandi.",
    [RG_M_S500_WHAT] =
        "Il server ha riscontrato un problema imprevisto e non è riuscito "
        "a completare la richiesta.",
    [RG_M_S501_WHAT] = "Il server non supporta questo tipo di richiesta.",
    [RG_M_S502_WHAT] =
        "Un server da cui dipende questo sito ha inviato una risposta non "
        "valida.",
    [RG_M_S503_WHAT] =
        "Il sito non è al momento disponibile, per manutenzione o perché è "
        "sovraccarico.",
    [RG_M_S504_WHAT] =
        "Un server da cui dipende questo sito non ha risposto in tempo.",
    [RG_M_S5XX_WHAT] = "Il server non è riuscito a completare la richiesta.",
    [RG_M_S4XX_WHAT] = "Non è stato possibile completare la richiesta.",
    [RG_M_S4XX_VISITOR] =
        "Controlli l’indirizzo e riprovi, oppure ricominci dalla pagina "
        "iniziale del sito."
};

static const char *const rg_msgs_nl[RG_M_COUNT] = {
    [RG_M_ERROR] = "Fout",
    [RG_M_WHAT_YOU_CAN_DO] = "Wat u kunt doen",
    [RG_M_DETAILS] = "Details",
    [RG_M_STATUS] = "Status",
    [RG_M_HEADER_FIELD] = "Headerveld",
    [RG_M_FIELD] = "Veld",
    [RG_M_PATH] = "Pad",
    [RG_M_REQUEST_ID] = "Verzoek-ID",
    [RG_M_TIME] = "Tijd",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "Deze website heeft uw browser zojuist gevraagd de cookies te "
        "verwijderen waardoor het verzoek te groot werd. Als u de pagina nu "
        "opnieuw laadt, zou die moeten werken. Mogelijk moet u opnieuw "
        "inloggen.",
    [RG_M_RELOAD_LINK] = "Pagina opnieuw laden",

    [RG_M_FIELDS_WHAT] =
        "Het verzoek bevat meer headervelden dan deze website accepteert.",
    [RG_M_FIELDS_VISITOR] =
        "Mogelijk voegt een browserextensie, proxy of programma headervelden "
        "aan uw verzoeken toe. Schakel die extensie of dat programma uit, "
        "of probeer een andere browser, en laad de pagina opnieuw.",
    [RG_M_FIELD_SIZE_WHAT] = "Een headerveld van het verzoek is te groot.",
    [RG_M_FIELD_SIZE_PRE] = "Het headerveld ",
    [RG_M_FIELD_SIZE_POST] = " van het verzoek is te groot.",
    [RG_M_COOKIE_PRE] =
        "De cookies die deze website in uw browser heeft opgeslagen, zijn "
        "te groot geworden: het headerveld ",
    [RG_M_COOKIE_POST_SITE] =
        " waarin ze worden meegestuurd, is groter dan deze website "
        "accepteert.",
    [RG_M_COOKIE_POST_SERVER] =
        " waarin ze worden meegestuurd, is groter dan deze server "
        "accepteert.",
    [RG_M_HEADER_SIZE_WHAT] =
        "De headervelden van het verzoek zijn samen te groot.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Dit komt meestal door opgehoopte cookies: verwijder de cookies die "
        "deze website in uw browser heeft opgeslagen en laad de pagina daarna "
        "opnieuw.",
    [RG_M_URI_WHAT] = "Het adres (URL) van het verzoek is te lang.",
    [RG_M_ADDRESS_VISITOR] =
        "Controleer de link die u hebt gevolgd of het adres dat u hebt "
        "getypt. Begin opnieuw vanaf de startpagina van de website, of vraag "
        "degene van wie u de link hebt om een kortere.",
    [RG_M_QUERY_WHAT] = "Het deel van het adres na het vraagteken is te lang.",
    [RG_M_QUERY_VISITOR] =
        "Als een formulier of zoekopdracht dit adres heeft gemaakt, verstuur "
        "dan minder of kortere waarden. Begin anders opnieuw vanaf de "
        "startpagina van de website.",
    [RG_M_BODY_WHAT] =
        "De gegevens die met het verzoek zijn verstuurd, zoals een "
        "geüpload bestand of een formulier, zijn groter dan deze website "
        "accepteert.",
    [RG_M_BODY_VISITOR] =
        "Verstuur een kleiner bestand of minder gegevens, bijvoorbeeld door "
        "het bestand te comprimeren, te verkleinen of op te splitsen.",
    [RG_M_LENGTH_WHAT] =
        "Het verzoek bevatte gegevens zonder opgave van de grootte "
        "(Content-Length), terwijl deze website die grootte vereist.",
    [RG_M_LENGTH_VISITOR] =
        "Browsers geven de grootte altijd op. Als u een programma of script "
        "gebruikt, laat het dan een Content-Length-headerveld versturen in "
        "plaats van de gegevens in delen (chunked) over te dragen.",
    [RG_M_TIMEOUT_WHAT] =
        "De gegevens die met het verzoek zijn verstuurd, kwamen te langzaam "
        "binnen of kwamen niet meer binnen.",
    [RG_M_TIMEOUT_VISITOR] =
        "Controleer uw netwerkverbinding en probeer het opnieuw; een trage "
        "of onderbroken upload is hiervan de oorzaak.",
    [RG_M_CORE_SIZE_WHAT] =
        "Een headerveld van het verzoek is groter dan deze server "
        "accepteert.",
    [RG_M_CORE_SIZE_PRE] = "Het headerveld ",
    [RG_M_CORE_SIZE_POST] =
        " van het verzoek is groter dan deze server accepteert.",
    [RG_M_CORE_FIELDS_WHAT] =
        "Het verzoek bevat meer headervelden dan deze server accepteert.",

    [RG_M_ADVICE_NONE] =
        "Mogelijk heeft een browserextensie, proxy of programma een groot "
        "headerveld toegevoegd. Als u zoiets gebruikt, schakel het dan uit; "
        "verwijder anders de cookies die deze website in uw browser heeft "
        "opgeslagen en laad de pagina daarna opnieuw.",
    [RG_M_ADVICE_COOKIE] =
        "Verwijder de cookies die deze website in uw browser heeft "
        "opgeslagen (via de website-instellingen of de privacyinstellingen "
        "van de browser) en laad de pagina daarna opnieuw. Mogelijk moet u "
        "opnieuw inloggen.",
    [RG_M_ADVICE_AUTH] =
        "Log uit en log opnieuw in. Helpt dat niet, verwijder dan de "
        "cookies en opgeslagen gegevens van deze website in uw browser.",
    [RG_M_ADVICE_REFERER] =
        "Open de website rechtstreeks door het adres te typen, in plaats "
        "van de link te volgen.",
    [RG_M_ADVICE_OTHER] =
        "Mogelijk heeft een browserextensie, proxy of programma dit "
        "headerveld toegevoegd. Schakel die extensie of dat programma uit, "
        "of probeer een andere browser, en laad de pagina opnieuw.",

    [RG_M_LATER] =
        "Probeer het over een paar minuten opnieuw. Blijft het probleem "
        "zich voordoen, laat het dan weten aan de beheerder van de website "
        "en vermeld het verzoek-ID hieronder.",
    [RG_M_GO_BACK] =
        "Ga terug en probeer het opnieuw vanaf de pagina waar u vandaan "
        "kwam.",
    [RG_M_S400_WHAT] = "De server kon het verzoek niet begrijpen.",
    [RG_M_S400_VISITOR] =
        "Controleer het adres. Als u een programma gebruikt, controleer dan "
        "het verzoek dat het verstuurt.",
    [RG_M_S401_WHAT] = "Voor dit adres moet u inloggen.",
    [RG_M_S401_VISITOR] =
        "Log in met een geldig account, of controleer uw gebruikersnaam en "
        "wachtwoord.",
    [RG_M_S403_WHAT] = "U hebt geen toestemming om dit adres te openen.",
    [RG_M_S403_VISITOR] =
        "Denkt u dat u toegang zou moeten hebben, neem dan contact op met "
        "de beheerder van de website en vermeld het verzoek-ID hieronder.",
    [RG_M_S404_WHAT] = "Er is geen pagina op dit adres.",
    [RG_M_S404_VISITOR] =
        "Controleer het adres op typefouten, of begin opnieuw vanaf de "
        "startpagina van de website.",
    [RG_M_S405_WHAT] = "Dit soort verzoek is op dit adres niet toegestaan.",
    [RG_M_S408_WHAT] =
        "De server is gestopt met wachten tot het verzoek binnenkwam.",
    [RG_M_S408_VISITOR] =
        "Controleer uw netwerkverbinding en probeer het opnieuw.",
    [RG_M_S410_WHAT] = "De pagina op dit adres is definitief verwijderd.",
    [RG_M_S410_VISITOR] =
        "Begin opnieuw vanaf de startpagina van de website.",
    [RG_M_S411_WHAT] =
        "Het verzoek bevatte gegevens zonder opgave van de grootte.",
    [RG_M_S411_VISITOR] =
        "Als u een programma of script gebruikt, laat het dan een "
        "Content-Length-headerveld versturen.",
    [RG_M_S413_WHAT] =
        "De gegevens die met het verzoek zijn verstuurd, zijn groter dan "
        "deze website accepteert.",
    [RG_M_S413_VISITOR] = "Verstuur een kleiner bestand of minder gegevens.",
    [RG_M_S429_WHAT] = "Er zijn in korte tijd te veel verzoeken verstuurd.",
    [RG_M_S429_VISITOR] = "Wacht even voordat u het opnieuw probeert.",
    [RG_M_S431_WHAT] = "De headervelden van het verzoek zijn te groot.",
    [RG_M_S500_WHAT] =
        "De server had een onverwacht probleem en kon het verzoek niet "
        "voltooien.",
    [RG_M_S501_WHAT] = "De server ondersteunt dit soort verzoek niet.",
    [RG_M_S502_WHAT] =
        "Een server waarvan deze website afhankelijk is, heeft een ongeldig "
        "antwoord verstuurd.",
    [RG_M_S503_WHAT] =
        "De website is op dit moment niet beschikbaar, wegens onderhoud of "
        "omdat ze overbelast is.",
    [RG_M_S504_WHAT] =
        "Een server waarvan deze website afhankelijk is, heeft niet op tijd "
        "geantwoord.",
    [RG_M_S5XX_WHAT] = "De server kon het verzoek niet voltooien.",
    [RG_M_S4XX_WHAT] = "Het verzoek kon niet worden voltooid.",
    [RG_M_S4XX_VISITOR] =
        "Controleer het adres en probeer het opnieuw, of begin opnieuw vanaf "
        "de startpagina van de website."
        "de startpagina van de website."
};

static const char *const rg_msgs_pt[RG_M_COUNT] = {
    [RG_M_ERROR] = "Erro",
    [RG_M_WHAT_YOU_CAN_DO] = "O que pode fazer",
    [RG_M_DETAILS] = "Detalhes",
    [RG_M_STATUS] = "Estado",
    [RG_M_HEADER_FIELD] = "Campo de cabeçalho",
    [RG_M_FIELD] = "Campo",
    [RG_M_PATH] = "Caminho",
    [RG_M_REQUEST_ID] = "ID do pedido",
    [RG_M_TIME] = "Hora",
    [RG_M_COOKIES] = "Cookies",
    [RG_M_RELOAD] =
        "Este site acaba de pedir ao seu navegador que apague os cookies "
        "que tornavam o pedido muito grande; por isso, a página deverá "
        "funcionar agora se for recarregada. Pode ser necessário entrar "
        "novamente na sua conta.",
    [RG_M_RELOAD_LINK] = "Recarregar a página",

    [RG_M_FIELDS_WHAT] =
        "O pedido contém mais campos de cabeçalho do que este site aceita.",
    [RG_M_FIELDS_VISITOR] =
        "É possível que uma extensão do navegador, um proxy ou um programa "
        "acrescente campos de cabeçalho aos seus pedidos. Desative essa "
        "extensão ou programa, ou tente usar outro navegador, e recarregue "
        "a página.",
    [RG_M_FIELD_SIZE_WHAT] = "Um campo de cabeçalho do pedido é muito grande.",
    [RG_M_FIELD_SIZE_PRE] = "O campo de cabeçalho ",
    [RG_M_FIELD_SIZE_POST] = " do pedido é muito grande.",
    [RG_M_COOKIE_PRE] =
        "Os cookies que este site armazenou no seu navegador ficaram muito "
        "grandes: o campo de cabeçalho ",
    [RG_M_COOKIE_POST_SITE] =
        " que os transporta excede o tamanho que este site aceita.",
    [RG_M_COOKIE_POST_SERVER] =
        " que os transporta excede o tamanho que este servidor aceita.",
    [RG_M_HEADER_SIZE_WHAT] =
        "Em conjunto, os campos de cabeçalho do pedido são muito grandes.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Na maioria dos casos, a causa é a acumulação de cookies: apague os "
        "cookies que este site armazenou no seu navegador e recarregue a "
        "página.",
    [RG_M_URI_WHAT] = "O endereço (URL) do pedido é muito longo.",
    [RG_M_ADDRESS_VISITOR] =
        "Verifique o link que seguiu ou o endereço que escreveu. Recomece a "
        "partir da página inicial do site, ou peça a quem lhe enviou o link "
        "uma versão mais curta.",
    [RG_M_QUERY_WHAT] =
        "A parte do endereço depois do ponto de interrogação é muito longa.",
    [RG_M_QUERY_VISITOR] =
        "Se este endereço foi gerado por um formulário ou por uma pesquisa, "
        "envie menos valores ou valores mais curtos. Caso contrário, "
        "recomece a partir da página inicial do site.",
    [RG_M_BODY_WHAT] =
        "Os dados enviados com o pedido, por exemplo um documento ou um "
        "formulário, excedem o tamanho que este site aceita.",
    [RG_M_BODY_VISITOR] =
        "Envie um documento menor ou menos dados, por exemplo comprimindo, "
        "reduzindo ou dividindo o documento.",
    [RG_M_LENGTH_WHAT] =
        "O pedido continha dados sem indicação do seu tamanho "
        "(Content-Length), e este site exige que o tamanho seja indicado.",
    [RG_M_LENGTH_VISITOR] =
        "Os navegadores indicam sempre o tamanho. Se usar um programa ou um "
        "script, faça com que ele envie um campo de cabeçalho "
        "Content-Length em vez de transferir os dados em blocos (chunked).",
    [RG_M_TIMEOUT_WHAT] =
        "Os dados enviados com o pedido chegaram muito devagar ou deixaram "
        "de chegar.",
    [RG_M_TIMEOUT_VISITOR] =
        "Verifique a conexão de rede e tente novamente; a causa é um envio "
        "lento ou interrompido.",
    [RG_M_CORE_SIZE_WHAT] =
        "Um campo de cabeçalho do pedido excede o tamanho que este servidor "
        "aceita.",
    [RG_M_CORE_SIZE_PRE] = "O campo de cabeçalho ",
    [RG_M_CORE_SIZE_POST] =
        " do pedido excede o tamanho que este servidor aceita.",
    [RG_M_CORE_FIELDS_WHAT] =
        "O pedido contém mais campos de cabeçalho do que este servidor "
        "aceita.",

    [RG_M_ADVICE_NONE] =
        "É possível que uma extensão do navegador, um proxy ou um programa "
        "tenha acrescentado um campo de cabeçalho grande. Se usar algo "
        "assim, desative-o; caso contrário, apague os cookies que este site "
        "armazenou no seu navegador e recarregue a página.",
    [RG_M_ADVICE_COOKIE] =
        "Apague os cookies que este site armazenou no seu navegador (nas "
        "opções do site ou nas opções de privacidade do navegador) e "
        "recarregue a página. Pode ser necessário entrar novamente na sua "
        "conta.",
    [RG_M_ADVICE_AUTH] =
        "Saia da sua conta e entre novamente. Se isso não resolver, apague "
        "os cookies e os dados armazenados deste site no seu navegador.",
    [RG_M_ADVICE_REFERER] =
        "Abra o site diretamente, escrevendo o endereço, em vez de seguir o "
        "link.",
    [RG_M_ADVICE_OTHER] =
        "É possível que uma extensão do navegador, um proxy ou um programa "
        "tenha acrescentado este campo de cabeçalho. Desative essa extensão "
        "ou programa, ou tente usar outro navegador, e recarregue a página.",

    [RG_M_LATER] =
        "Tente novamente dentro de alguns minutos. Se o problema persistir, "
        "informe o responsável pelo site e indique o ID do pedido que "
        "aparece abaixo.",
    [RG_M_GO_BACK] =
        "Volte atrás e tente novamente a partir da página de onde veio.",
    [RG_M_S400_WHAT] = "O servidor não conseguiu entender o pedido.",
    [RG_M_S400_VISITOR] =
        "Verifique o endereço. Se usar um programa, verifique o pedido que "
        "ele envia.",
    [RG_M_S401_WHAT] =
        "É necessário entrar na sua conta para abrir este endereço.",
    [RG_M_S401_VISITOR] =
        "Entre com uma conta válida ou verifique os seus dados de acesso.",
    [RG_M_S403_WHAT] = "Não tem permissão para abrir este endereço.",
    [RG_M_S403_VISITOR] =
        "Se acha que deveria ter acesso, fale com o responsável pelo site e "
        "indique o ID do pedido que aparece abaixo.",
    [RG_M_S404_WHAT] = "Não existe nenhuma página neste endereço.",
    [RG_M_S404_VISITOR] =
        "Verifique se o endereço tem erros de escrita, ou recomece a partir "
        "da página inicial do site.",
    [RG_M_S405_WHAT] = "Este tipo de pedido não é permitido neste endereço.",
    [RG_M_S408_WHAT] = "O servidor deixou de esperar pela chegada do pedido.",
    [RG_M_S408_VISITOR] = "Verifique a conexão de rede e tente novamente.",
    [RG_M_S410_WHAT] = "A página neste endereço foi removida definitivamente.",
    [RG_M_S410_VISITOR] = "Recomece a partir da página inicial do site.",
    [RG_M_S411_WHAT] =
        "O pedido continha dados sem indicação do seu tamanho.",
    [RG_M_S411_VISITOR] =
        "Se usar um programa ou um script, faça com que ele envie um campo "
        "de cabeçalho Content-Length.",
    [RG_M_S413_WHAT] =
        "Os dados enviados com o pedido excedem o tamanho que este site "
        "aceita.",
    [RG_M_S413_VISITOR] = "Envie um documento menor ou menos dados.",
    [RG_M_S429_WHAT] = "Foram enviados muitos pedidos em pouco tempo.",
    [RG_M_S429_VISITOR] = "Aguarde um momento antes de tentar novamente.",
    [RG_M_S431_WHAT] = "Os campos de cabeçalho do pedido são muito grandes.",
    [RG_M_S500_WHAT] =
        "O servidor encontrou um problema inesperado e não conseguiu "
        "concluir o pedido.",
    [RG_M_S501_WHAT] = "O servidor não suporta este tipo de pedido.",
    [RG_M_S502_WHAT] =
        "Um servidor do qual este site depende enviou uma resposta "
        "inválida.",
    [RG_M_S503_WHAT] =
        "O site está indisponível neste momento, por manutenção ou por "
        "estar sobrecarregado.",
    [RG_M_S504_WHAT] =
        "Um servidor do qual este site depende não respondeu a tempo.",
    [RG_M_S5XX_WHAT] = "O servidor não conseguiu concluir o pedido.",
    [RG_M_S4XX_WHAT] = "Não foi possível concluir o pedido.",
    [RG_M_S4XX_VISITOR] =
        "Verifique o endereço e tente novamente, ou recomece a partir da "
        "página inicial do site."
};

static const char *const rg_msgs_pl[RG_M_COUNT] = {
    [RG_M_ERROR] = "Błąd",
    [RG_M_WHAT_YOU_CAN_DO] = "Co możesz zrobić",
    [RG_M_DETAILS] = "Szczegóły",
    [RG_M_STATUS] = "Status",
    [RG_M_HEADER_FIELD] = "Pole nagłówka",
    [RG_M_FIELD] = "Pole",
    [RG_M_PATH] = "Ścieżka",
    [RG_M_REQUEST_ID] = "Identyfikator żądania",
    [RG_M_TIME] = "Czas",
    [RG_M_COOKIES] = "Pliki cookie",
    [RG_M_RELOAD] =
        "Ta witryna poprosiła właśnie przeglądarkę o usunięcie plików "
        "cookie, przez które żądanie było za duże, więc po ponownym "
        "załadowaniu strona powinna już działać. Może być konieczne "
        "ponowne zalogowanie się.",
    [RG_M_RELOAD_LINK] = "Załaduj stronę ponownie",

    [RG_M_FIELDS_WHAT] =
        "Żądanie zawiera więcej pól nagłówka, niż akceptuje ta witryna.",
    [RG_M_FIELDS_VISITOR] =
        "Możliwe, że rozszerzenie przeglądarki, serwer proxy lub program "
        "dodaje pola nagłówka do Twoich żądań. Wyłącz to rozszerzenie lub "
        "program albo użyj innej przeglądarki, a następnie załaduj stronę "
        "ponownie.",
    [RG_M_FIELD_SIZE_WHAT] = "Jedno z pól nagłówka żądania jest za duże.",
    [RG_M_FIELD_SIZE_PRE] = "Pole nagłówka ",
    [RG_M_FIELD_SIZE_POST] = " w żądaniu jest za duże.",
    [RG_M_COOKIE_PRE] =
        "Pliki cookie zapisane przez tę witrynę w Twojej przeglądarce stały "
        "się za duże: pole nagłówka ",
    [RG_M_COOKIE_POST_SITE] =
        ", w którym są przesyłane, przekracza rozmiar akceptowany przez tę "
        "witrynę.",
    [RG_M_COOKIE_POST_SERVER] =
        ", w którym są przesyłane, przekracza rozmiar akceptowany przez ten "
        "serwer.",
    [RG_M_HEADER_SIZE_WHAT] = "Pola nagłówka żądania są łącznie za duże.",
    [RG_M_HEADER_SIZE_VISITOR] =
        "Najczęściej przyczyną jest nagromadzenie plików cookie: usuń pliki "
        "cookie zapisane przez tę witrynę w przeglądarce, a następnie "
        "załaduj stronę ponownie.",
    [RG_M_URI_WHAT] = "Adres (URL) żądania jest za długi.",
    [RG_M_ADDRESS_VISITOR] =
        "Sprawdź link lub wpisany adres. Zacznij od nowa od strony głównej "
        "witryny albo poproś osobę, od której masz link, o krótszy.",
    [RG_M_QUERY_WHAT] = "Część adresu po znaku zapytania jest za długa.",
    [RG_M_QUERY_VISITOR] =
        "Jeśli ten adres powstał w wyniku wypełnienia formularza lub "
        "wyszukiwania, wyślij mniej wartości lub krótsze wartości. W "
        "przeciwnym razie zacznij od nowa od strony głównej witryny.",
    [RG_M_BODY_WHAT] =
        "Dane wysłane z żądaniem, na przykład przesyłany plik lub "
        "formularz, są większe, niż akceptuje ta witryna.",
    [RG_M_BODY_VISITOR] =
        "Wyślij mniejszy plik lub mniej danych, na przykład kompresując, "
        "zmniejszając lub dzieląc plik.",
    [RG_M_LENGTH_WHAT] =
        "Żądanie zawierało dane bez podania ich rozmiaru (Content-Length), "
        "a ta witryna wymaga podania rozmiaru.",
    [RG_M_LENGTH_VISITOR] =
        "Przeglądarki zawsze podają rozmiar. Jeśli używasz programu lub "
        "skryptu, spraw, aby wysyłał pole nagłówka Content-Length zamiast "
        "przesyłać dane w częściach (chunked).",
    [RG_M_TIMEOUT_WHAT] =
        "Dane wysłane z żądaniem docierały zbyt wolno lub przestały "
        "docierać.",
    [RG_M_TIMEOUT_VISITOR] =
        "Sprawdź połączenie sieciowe i spróbuj ponownie; przyczyną jest "
        "powolne lub przerwane przesyłanie danych.",
    [RG_M_CORE_SIZE_WHAT] =
        "Jedno z pól nagłówka żądania przekracza rozmiar akceptowany przez "
        "ten serwer.",
    [RG_M_CORE_SIZE_PRE] = "Pole nagłówka ",
    [RG_M_CORE_SIZE_POST] =
        " w żądaniu przekracza rozmiar akceptowany przez ten serwer.",
    [RG_M_CORE_FIELDS_WHAT] =
        "Żądanie zawiera więcej pól nagłówka, niż akceptuje ten serwer.",

    [RG_M_ADVICE_NONE] =
        "Możliwe, że duże pole nagłówka zostało dodane przez rozszerzenie "
        "przeglądarki, serwer proxy lub program. Jeśli z czegoś takiego "
        "korzystasz, wyłącz to; w przeciwnym razie usuń pliki cookie "
        "zapisane przez tę witrynę w przeglądarce, a następnie załaduj "
        "stronę ponownie.",
    [RG_M_ADVICE_COOKIE] =
        "Usuń pliki cookie zapisane przez tę witrynę w przeglądarce (w "
        "ustawieniach witryny lub ustawieniach prywatności przeglądarki), a "
        "następnie załaduj stronę ponownie. Może być konieczne ponowne "
        "zalogowanie się.",
    [RG_M_ADVICE_AUTH] =
        "Wyloguj się i zaloguj ponownie. Jeśli to nie pomoże, usuń pliki "
        "cookie i zapisane dane tej witryny w przeglądarce.",
    [RG_M_ADVICE_REFERER] =
        "Otwórz witrynę bezpośrednio, wpisując jej adres, zamiast korzystać "
        "z linku.",
    [RG_M_ADVICE_OTHER] =
        "Możliwe, że to pole nagłówka zostało dodane przez rozszerzenie "
        "przeglądarki, serwer proxy lub program. Wyłącz to rozszerzenie lub "
        "program albo użyj innej przeglądarki, a następnie załaduj stronę "
        "ponownie.",

    [RG_M_LATER] =
        "Spróbuj ponownie za kilka minut. Jeśli problem będzie się "
        "powtarzał, powiadom właściciela witryny i podaj poniższy "
        "identyfikator żądania.",
    [RG_M_GO_BACK] = "Wróć do poprzedniej strony i spróbuj ponownie stamtąd.",
    [RG_M_S400_WHAT] = "Serwer nie mógł zrozumieć żądania.",
    [RG_M_S400_VISITOR] =
        "Sprawdź adres. Jeśli używasz programu, sprawdź wysyłane przez "
        "niego żądanie.",
    [RG_M_S401_WHAT] = "Aby otworzyć ten adres, musisz się zalogować.",
    [RG_M_S401_VISITOR] =
        "Zaloguj się, używając ważnego konta, lub sprawdź nazwę użytkownika i "
        "hasło.",
    [RG_M_S403_WHAT] = "Nie masz uprawnień do otwarcia tego adresu.",
    [RG_M_S403_VISITOR] =
        "Jeśli Twoim zdaniem dostęp powinien być możliwy, skontaktuj się z "
        "właścicielem witryny i podaj poniższy identyfikator żądania.",
    [RG_M_S404_WHAT] = "Pod tym adresem nie ma żadnej strony.",
    [RG_M_S404_VISITOR] =
        "Sprawdź, czy w adresie nie ma literówek, albo zacznij od nowa od "
        "strony głównej witryny.",
    [RG_M_S405_WHAT] =
        "Ten rodzaj żądania nie jest dozwolony pod tym adresem.",
    [RG_M_S408_WHAT] = "Serwer przestał czekać na nadejście żądania.",
    [RG_M_S408_VISITOR] = "Sprawdź połączenie sieciowe i spróbuj ponownie.",
    [RG_M_S410_WHAT] = "Strona pod tym adresem została trwale usunięta.",
    [RG_M_S410_VISITOR] = "Zacznij od nowa od strony głównej witryny.",
    [RG_M_S411_WHAT] = "Żądanie zawierało dane bez podania ich rozmiaru.",
    [RG_M_S411_VISITOR] =
        "Jeśli używasz programu lub skryptu, spraw, aby wysyłał pole "
        "nagłówka Content-Length.",
    [RG_M_S413_WHAT] =
        "Dane wysłane z żądaniem są większe, niż akceptuje ta witryna.",
    [RG_M_S413_VISITOR] = "Wyślij mniejszy plik lub mniej danych.",
    [RG_M_S429_WHAT] = "W krótkim czasie wysłano zbyt wiele żądań.",
    [RG_M_S429_VISITOR] = "Odczekaj chwilę, zanim spróbujesz ponownie.",
    [RG_M_S431_WHAT] = "Pola nagłówka żądania są za duże.",
    [RG_M_S500_WHAT] =
        "Na serwerze wystąpił nieoczekiwany problem i nie udało się "
        "zrealizować żądania.",
    [RG_M_S501_WHAT] = "Serwer nie obsługuje tego rodzaju żądań.",
    [RG_M_S502_WHAT] =
        "Serwer, od którego zależy ta witryna, wysłał nieprawidłową "
        "odpowiedź.",
    [RG_M_S503_WHAT] =
        "Witryna jest chwilowo niedostępna z powodu prac konserwacyjnych "
        "lub przeciążenia.",
    [RG_M_S504_WHAT] =
        "Serwer, od którego zależy ta witryna, nie odpowiedział na czas.",
    [RG_M_S5XX_WHAT] = "Serwer nie mógł zrealizować żądania.",
    [RG_M_S4XX_WHAT] = "Nie udało się zrealizować żądania.",
    [RG_M_S4XX_VISITOR] =
        "Sprawdź adres i spróbuj ponownie albo zacznij od nowa od strony "
        "głównej witryny."
};

/* How a language picks the form of a noun after a number. */
typedef enum {
    RG_PLURAL_ONE,          /* 1: one; else: many (English, German, ...) */
    RG_PLURAL_FR,           /* 0 and 1: one; else: many */
    RG_PLURAL_PL            /* 1: one; 2-4 but 12-14: few; else: many */
} rg_plural_e;

typedef struct {
    const char *const *msgs;
    const char *colon;      /* after a label in the text body */
    const char *num_space;  /* between a number and its unit */
    rg_plural_e plural;
    const char *bytes[3];   /* "bytes" after a number: one, few, many */
} rg_lang_t;

static const rg_lang_t rg_langs[RG_LANG_COUNT] = {
    [RG_LANG_EN] = { rg_msgs_en, ":", " ", RG_PLURAL_ONE,
                     { "byte", "bytes", "bytes" } },
    [RG_LANG_DE] = { rg_msgs_de, ":", " ", RG_PLURAL_ONE,
                     { "Byte", "Byte", "Byte" } },
    [RG_LANG_FR] = { rg_msgs_fr, RG_NBSP ":", RG_NBSP, RG_PLURAL_FR,
                     { "octet", "octets", "octets" } },
    [RG_LANG_ES] = { rg_msgs_es, ":", " ", RG_PLURAL_ONE,
                     { "byte", "bytes", "bytes" } },
    [RG_LANG_IT] = { rg_msgs_it, ":", " ", RG_PLURAL_ONE,
                     { "byte", "byte", "byte" } },
    [RG_LANG_NL] = { rg_msgs_nl, ":", " ", RG_PLURAL_ONE,
                     { "byte", "bytes", "bytes" } },
    [RG_LANG_PT] = { rg_msgs_pt, ":", " ", RG_PLURAL_ONE,
                     { "byte", "bytes", "bytes" } },
    [RG_LANG_PL] = { rg_msgs_pl, ":", " ", RG_PLURAL_PL,
                     { "bajt", "bajty", "bajtów" } }
};

static const rg_lang_t *rg_lang(rg_lang_e lang)
{
    return &rg_langs[(unsigned)lang < RG_LANG_COUNT ? lang : RG_LANG_EN];
}

/* Message key in L; English should a table ever miss one (the unit tests
 * make sure none does). */
static const char *rg_text(const rg_lang_t *L, rg_msg_e key)
{
    const char *s = L->msgs[key];

    return s != NULL ? s : rg_msgs_en[key];
}

/* "bytes" in L for an amount of n. */
static const char *rg_bytes_word(const rg_lang_t *L, apr_uint64_t n)
{
    switch (L->plural) {
    case RG_PLURAL_FR:
        return L->bytes[n < 2 ? 0 : 2];
    case RG_PLURAL_PL:
        if (n == 1) {
            return L->bytes[0];
        }
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) {
            return L->bytes[1];
        }
        return L->bytes[2];
    default:
        return L->bytes[n == 1 ? 0 : 2];
    }
}

apr_size_t rg_render_msg_count(void)
{
    return RG_M_COUNT - 1;
}

const char *rg_render_msg(rg_lang_e lang, apr_size_t i)
{
    if ((unsigned)lang >= RG_LANG_COUNT || i >= RG_M_COUNT - 1) {
        return NULL;
    }
    return rg_langs[lang].msgs[i + 1];
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
    const char *cookies_words;  /* "23 (9000 bytes)", or NULL */
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
    sh->cookies_words = apr_psprintf(p, "%" APR_SIZE_T_FMT " (%"
                                     APR_SIZE_T_FMT "%s%s)", c->pairs,
                                     c->bytes, sh->lang->num_space,
                                     rg_bytes_word(sh->lang, c->bytes));
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
        sh->what = rg_text(sh->lang, what);
        sh->visitor = rg_text(sh->lang, visitor);
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
            sh->what = apr_pstrcat(p, rg_text(sh->lang, pre), open,
                                   sh->field, close,
                                   rg_text(sh->lang, post), NULL);
        }
        else {
            sh->what = rg_text(sh->lang, kt->what);
        }
        visitor = kt->visitor != RG_M_NONE ? kt->visitor
                                           : rg_field_advice(in->field);
        sh->visitor = rg_text(sh->lang, visitor);

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
        sh->visitor = rg_text(sh->lang, RG_M_RELOAD);
        sh->reload = 1;
    }
    if (in->cookies != NULL && in->cookies->pairs > 0) {
        rg_shown_cookies(p, in, fmt, sh);
    }
}

/* The site owner's name for a nameless cookie. */
#define RG_NO_NAME "(no name)"

/* ---- text/plain ---- */

/* One "Label:   value" line of the visitor's part, the values of all such
 * lines in one column of width characters. */
static void rg_text_line(rg_out_t *o, const rg_lang_t *L, rg_msg_e label,
                         apr_size_t width, const char *value)
{
    const char *l = rg_text(L, label);
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
        apr_size_t w = rg_chars(rg_text(L, labels[i])) + rg_chars(L->colon);

        width = w > width ? w : width;
    }
    width++;

    rg_putv(o, sh->status, " ", sh->reason, "\n\n", sh->what, "\n\n",
            rg_text(L, RG_M_WHAT_YOU_CAN_DO), L->colon, " ", sh->visitor,
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

    rg_putv(o, "<h3>Cookies, largest first</h3>\n"
            "<p>Sizes are the bytes of <code>name=value</code> as the "
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
    const char *tag = rg_render_lang_tag(in->lang);
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
            "<p class=\"status\">", rg_text(L, RG_M_ERROR), " ", sh->status,
            "</p>\n"
            "<h1", en, ">", sh->reason, "</h1>\n"
            "<p>", sh->what, "</p>\n"
            "<h2>", rg_text(L, RG_M_WHAT_YOU_CAN_DO), "</h2>\n"
            "<p>", sh->visitor, "</p>\n", NULL);
    if (sh->reload) {
        /* An empty reference is the page's own address, query included,
         * which this page never writes out. */
        rg_putv(o, "<p><a href=\"\">", rg_text(L, RG_M_RELOAD_LINK),
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
    rg_putv(o, "<h2>", rg_text(L, RG_M_DETAILS), "</h2>\n<dl>\n", NULL);
    rg_dl(o, rg_text(L, RG_M_STATUS), sh->status);
    rg_dl(o, rg_text(L, RG_M_HEADER_FIELD), sh->field);
    rg_dl(o, rg_text(L, RG_M_COOKIES), sh->cookies_words);
    rg_dl(o, rg_text(L, RG_M_PATH), sh->path);
    rg_dl(o, rg_text(L, RG_M_REQUEST_ID), sh->request_id);
    rg_dl(o, rg_text(L, RG_M_TIME), sh->time);
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
