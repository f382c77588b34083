/*
 * reqguard_render.c - Accept negotiation, escaping and the three body
 * formats of a diagnostic response.  Pure: APR and plain values only.
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

/* One media range [s, e): note it for every offer it matches more
 * specifically than the ranges before it.  Malformed ranges are ignored. */
static void rg_accept_range(const char *s, const char *e, int pos,
                            rg_pref_t pref[3])
{
    const char *type, *type_end, *sub = NULL, *sub_end = NULL;
    int q = 1000, i;

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
    for (;;) {
        const char *name, *name_end, *val, *val_end;

        s = rg_skip_ows(s, e);
        if (s == e) {
            break;
        }
        if (*s++ != ';') {
            return;
        }
        s = rg_skip_ows(s, e);
        name = s;
        s = name_end = rg_skip_token(s, e);
        if (name_end == name || s == e || *s++ != '=') {
            return;
        }
        val = s;
        if (s < e && *s == '"') {
            for (s++; s < e && *s != '"'; s++) {
                if (*s == '\\' && s + 1 < e) {
                    s++;
                }
            }
            if (s == e) {
                return;
            }
            val_end = ++s;
        }
        else {
            s = val_end = rg_skip_token(s, e);
        }
        if (rg_token_is(name, name_end, "q")) {
            q = rg_parse_qvalue(val, val_end);
            if (q < 0) {
                return;
            }
        }
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

rg_render_fmt_e rg_render_negotiate(const char *accept)
{
    rg_pref_t pref[3] = { { 0, -1, 0 }, { 0, -1, 0 }, { 0, -1, 0 } };
    const char *s, *end;
    apr_size_t n;
    int cut, pos = 0, i, best = -1;

    if (accept == NULL) {
        return RG_RENDER_TEXT;
    }
    n = strnlen(accept, RG_ACCEPT_SCAN_MAX + 1);
    cut = n > RG_ACCEPT_SCAN_MAX;
    end = accept + (cut ? RG_ACCEPT_SCAN_MAX : n);
    for (s = accept; s < end; pos++) {
        const char *comma = memchr(s, ',', (apr_size_t)(end - s));

        if (comma == NULL) {
            /* The last range; when the scan cut it short, it is not
             * the range the client sent: leave it out. */
            if (!cut) {
                rg_accept_range(s, end, pos, pref);
            }
            break;
        }
        rg_accept_range(s, comma, pos, pref);
        s = comma + 1;
    }

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

/* ---- what each kind and status says ------------------------------------ */

typedef struct {
    const char *type;       /* problem type URI */
    const char *what;       /* what happened, the field name unknown */
    const char *what_pre;   /* or, the name known: what_pre NAME what_post */
    const char *what_post;
    const char *visitor;    /* what a visitor can do; NULL: by field name */
    const char *owner;      /* what the site owner can change (Full) */
    const char *unit;       /* of observed and limit; NULL: no numbers */
} rg_kind_text_t;

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
#define RG_VISITOR_FIELDS \
    "A browser extension, proxy or program may be adding header fields to " \
    "your requests. Disable it, or try another browser, and reload."
#define RG_VISITOR_ADDRESS \
    "Check the link you followed or the address you typed. Start again " \
    "from the home page of the site, or ask whoever gave you the link for " \
    "a shorter one."

static const rg_kind_text_t rg_kind_texts[RG_KIND_COUNT] = {
    [RG_KIND_FIELDS] = {
        RG_PROBLEM_BASE "fields",
        "The request carries more header fields than this site accepts.",
        NULL, NULL,
        RG_VISITOR_FIELDS,
        RG_OWNER_MODULE,
        "fields" },
    [RG_KIND_FIELD_SIZE] = {
        RG_PROBLEM_BASE "field-size",
        "A header field of the request is too large.",
        "The ", " header field of the request is too large.",
        NULL,
        RG_OWNER_MODULE,
        "bytes" },
    [RG_KIND_HEADER_SIZE] = {
        RG_PROBLEM_BASE "header-size",
        "The header fields of the request are too large taken together.",
        NULL, NULL,
        "This is most often caused by cookies piling up: clear the cookies "
        "this site has stored in your browser, then reload the page.",
        RG_OWNER_MODULE,
        "bytes" },
    [RG_KIND_URI] = {
        RG_PROBLEM_BASE "uri",
        "The address (URL) of the request is too long.",
        NULL, NULL,
        RG_VISITOR_ADDRESS,
        RG_OWNER_MODULE,
        "bytes" },
    [RG_KIND_QUERY] = {
        RG_PROBLEM_BASE "query",
        "The query part of the address (after the question mark) is too "
        "long.",
        NULL, NULL,
        "If a form or a search produced this address, send fewer or "
        "shorter values. Otherwise start again from the home page of the "
        "site.",
        RG_OWNER_MODULE,
        "bytes" },
    [RG_KIND_BODY] = {
        RG_PROBLEM_BASE "body",
        "The data sent with the request, such as an uploaded file or a "
        "form, is larger than this site accepts.",
        NULL, NULL,
        "Send a smaller file or less data, for example by compressing, "
        "resizing or splitting it.",
        RG_OWNER_MODULE,
        "bytes" },
    [RG_KIND_LENGTH_REQUIRED] = {
        RG_PROBLEM_BASE "length-required",
        "The request sent data without announcing its size "
        "(Content-Length), and this site requires the size.",
        NULL, NULL,
        "Browsers always announce the size. If you use a program or a "
        "script, make it send a Content-Length header field instead of "
        "chunked transfer coding.",
        "Turn ReqGuardRequireLength Off for the addresses whose clients "
        "send bodies without a Content-Length.",
        NULL },
    [RG_KIND_BODY_TIMEOUT] = {
        RG_PROBLEM_BASE "body-timeout",
        "The data sent with the request arrived too slowly or stopped "
        "arriving.",
        NULL, NULL,
        "Check your network connection and try again; a slow or "
        "interrupted upload causes this.",
        "If legitimate clients upload this slowly, raise "
        "ReqGuardBodyTimeout or lower ReqGuardBodyMinRate.",
        "seconds" },
    [RG_KIND_CORE_FIELD_SIZE] = {
        RG_PROBLEM_BASE "core-field-size",
        "A header field of the request is larger than this server accepts.",
        "The ", " header field of the request is larger than this server "
        "accepts.",
        NULL,
        RG_OWNER_CORE,
        "bytes" },
    [RG_KIND_CORE_FIELDS] = {
        RG_PROBLEM_BASE "core-fields",
        "The request carries more header fields than this server accepts.",
        NULL, NULL,
        RG_VISITOR_FIELDS,
        RG_OWNER_CORE,
        "fields" }
};

/* What a visitor can do about one large field, by its name. */
static const char *rg_field_advice(const char *field)
{
    if (field == NULL) {
        return "A browser extension, proxy or program may have added a "
               "large header field. If you use one, disable it; otherwise "
               "clear the cookies this site has stored in your browser, "
               "then reload the page.";
    }
    if (strcasecmp(field, "Cookie") == 0) {
        return "Clear the cookies this site has stored in your browser "
               "(in the site settings or privacy settings of the browser), "
               "then reload the page. You may have to sign in again.";
    }
    if (strcasecmp(field, "Authorization") == 0) {
        return "Sign out and sign in again. If that does not help, clear "
               "the cookies and stored data of this site in your browser.";
    }
    if (strcasecmp(field, "Referer") == 0) {
        return "Open the site directly, by typing its address, instead of "
               "following the link.";
    }
    return "A browser extension, proxy or program may have added this "
           "header field. Disable it, or try another browser, and reload.";
}

/* What a status we did not cause means, and what a visitor can do. */
static void rg_status_text(int status, const char **what,
                           const char **visitor)
{
    static const char *const later =
        "Try again in a few minutes. If it keeps happening, tell the site "
        "owner and quote the request id below.";

    switch (status) {
    case 400:
        *what = "The server could not understand the request.";
        *visitor = "Check the address. If you use a program, check the "
                   "request it sends.";
        return;
    case 401:
        *what = "This address needs you to sign in.";
        *visitor = "Sign in with a valid account, or check your user name "
                   "and password.";
        return;
    case 403:
        *what = "You do not have permission to open this address.";
        *visitor = "If you think you should have access, contact the site "
                   "owner and quote the request id below.";
        return;
    case 404:
        *what = "There is no page at this address.";
        *visitor = "Check the address for typing errors, or start again "
                   "from the home page of the site.";
        return;
    case 405:
        *what = "This kind of request is not allowed at this address.";
        *visitor = "Go back and try again from the page you came from.";
        return;
    case 408:
        *what = "The server stopped waiting for the request to arrive.";
        *visitor = "Check your network connection and try again.";
        return;
    case 410:
        *what = "The page at this address has been removed for good.";
        *visitor = "Start again from the home page of the site.";
        return;
    case 411:
        *what = "The request sent data without announcing its size.";
        *visitor = "If you use a program or a script, make it send a "
                   "Content-Length header field.";
        return;
    case 413:
        *what = "The data sent with the request is larger than this site "
                "accepts.";
        *visitor = "Send a smaller file or less data.";
        return;
    case 414:
        *what = "The address (URL) of the request is too long.";
        *visitor = RG_VISITOR_ADDRESS;
        return;
    case 429:
        *what = "Too many requests have been sent in a short time.";
        *visitor = "Wait a moment before trying again.";
        return;
    case 431:
        *what = "The header fields of the request are too large.";
        *visitor = rg_field_advice(NULL);
        return;
    case 500:
        *what = "The server ran into an unexpected problem and could not "
                "complete the request.";
        *visitor = later;
        return;
    case 501:
        *what = "The server does not support this kind of request.";
        *visitor = "Go back and try again from the page you came from.";
        return;
    case 502:
        *what = "A server this site relies on sent an invalid response.";
        *visitor = later;
        return;
    case 503:
        *what = "The site is unavailable for the moment, for maintenance "
                "or because it is overloaded.";
        *visitor = later;
        return;
    case 504:
        *what = "A server this site relies on did not answer in time.";
        *visitor = later;
        return;
    default:
        break;
    }
    if (status >= 500) {
        *what = "The server could not complete the request.";
        *visitor = later;
    }
    else {
        *what = "The request could not be completed.";
        *visitor = "Check the address and try again, or start again from "
                   "the home page of the site.";
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

/* Everything shown, escaped for one format. */
typedef struct {
    const char *status;     /* "431" */
    const char *reason;
    const char *kind;       /* NULL for RG_KIND_NONE */
    const char *type;
    const char *field;      /* NULL when unknown */
    const char *path;
    const char *what;       /* the sentence, field name inside */
    const char *visitor;
    const char *owner;      /* Full and ours, else NULL */
    const char *directive;  /* Full and ours, else NULL */
    const char *unit;       /* Full, ours and numbers known, else NULL */
    const char *limit_words;    /* "8190 bytes (8.0 KiB)" or NULL */
    const char *observed_words; /* or NULL */
    const char *request_id;
    const char *time;
} rg_shown_t;

static void rg_shown(apr_pool_t *p, const rg_render_in_t *in,
                     rg_render_fmt_e fmt, rg_shown_t *sh)
{
    const rg_kind_text_t *kt = NULL;
    const char *open = "", *close = "";

    memset(sh, 0, sizeof(*sh));
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
        rg_status_text(in->status, &sh->what, &sh->visitor);
        return;
    }

    sh->kind = rg_kind_name(in->kind);
    if (sh->field != NULL && kt->what_pre != NULL) {
        sh->what = apr_pstrcat(p, kt->what_pre, open, sh->field, close,
                               kt->what_post, NULL);
    }
    else {
        sh->what = kt->what;
    }
    sh->visitor = kt->visitor ? kt->visitor : rg_field_advice(in->field);

    if (in->full) {
        const char *unit = kt->unit;

        sh->owner = in->ceiling && !rg_kind_is_core(in->kind)
                    ? RG_OWNER_CEILING : kt->owner;
        sh->directive = rg_render_escape(p, in->directive ? in->directive
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

static void rg_body_text(rg_out_t *o, const rg_render_in_t *in,
                         const rg_shown_t *sh)
{
    (void)in;
    rg_putv(o, sh->status, " ", sh->reason, "\n\n", sh->what, "\n\n",
            "What you can do: ", sh->visitor, "\n\n", NULL);
    if (sh->field) {
        rg_putv(o, "Field:      ", sh->field, "\n", NULL);
    }
    if (sh->path) {
        rg_putv(o, "Path:       ", sh->path, "\n", NULL);
    }
    if (sh->request_id) {
        rg_putv(o, "Request id: ", sh->request_id, "\n", NULL);
    }
    if (sh->time) {
        rg_putv(o, "Time:       ", sh->time, "\n", NULL);
    }
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
}

static void rg_json_member(rg_out_t *o, const char *name, const char *value,
                           int quoted)
{
    rg_putv(o, ",\n  \"", name, "\": ", quoted ? "\"" : "", value,
            quoted ? "\"" : "", NULL);
}

static void rg_body_json(apr_pool_t *p, rg_out_t *o, const rg_render_in_t *in,
                         const rg_shown_t *sh)
{
    rg_putv(o, "{\n  \"type\": \"", sh->type, "\"", NULL);
    rg_json_member(o, "title", sh->reason, 1);
    rg_json_member(o, "status", sh->status, 0);
    rg_json_member(o, "detail", sh->what, 1);
    rg_json_member(o, "advice", sh->visitor, 1);
    if (sh->kind) {
        rg_json_member(o, "kind", sh->kind, 1);
    }
    if (sh->field) {
        rg_json_member(o, "field", sh->field, 1);
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
    rg_put(o, "\n}\n");
}

/* Inline style: no external resource.  Dark text on white is above 15:1,
 * the status colour on white above 7:1 (and light-on-dark in dark mode);
 * one column on narrow screens. */
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
    "p{margin:.4rem 0}" \
    "dl{display:grid;grid-template-columns:max-content 1fr;" \
    "gap:.3rem 1rem;margin:.4rem 0}" \
    "dt{font-weight:600}" \
    "dd{margin:0;overflow-wrap:anywhere}" \
    "code,dd{font-family:ui-monospace,Menlo,Consolas,monospace}" \
    "@media (max-width:32rem){body{padding:0}" \
    "main{margin:0;border-radius:0;padding:1rem}" \
    "dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}}" \
    "@media (prefers-color-scheme:dark){body{background:#15171b;" \
    "color:#ececec}main{background:#23262c;box-shadow:none}" \
    ".status{color:#ffb4b4}}"

static void rg_dl(rg_out_t *o, const char *term, const char *value)
{
    if (value != NULL) {
        rg_putv(o, "<dt>", term, "</dt><dd>", value, "</dd>\n", NULL);
    }
}

static void rg_body_html(rg_out_t *o, const rg_render_in_t *in,
                         const rg_shown_t *sh)
{
    (void)in;
    rg_putv(o,
            "<!DOCTYPE html>\n"
            "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" "
            "content=\"width=device-width, initial-scale=1\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" "
            "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            "<meta name=\"robots\" content=\"noindex\">\n"
            "<title>", sh->status, " ", sh->reason, "</title>\n"
            "<style>" RG_HTML_STYLE "</style>\n"
            "</head>\n<body>\n<main>\n"
            "<p class=\"status\">Error ", sh->status, "</p>\n"
            "<h1>", sh->reason, "</h1>\n"
            "<p>", sh->what, "</p>\n"
            "<h2>What you can do</h2>\n"
            "<p>", sh->visitor, "</p>\n", NULL);
    if (sh->directive) {
        rg_putv(o, "<h2>For the site owner</h2>\n"
                "<p>This refusal comes from <code>", sh->directive,
                "</code>.</p>\n<p>", sh->owner, "</p>\n", NULL);
    }
    rg_put(o, "<h2>Details</h2>\n<dl>\n");
    rg_dl(o, "Status", sh->status);
    rg_dl(o, "Header field", sh->field);
    rg_dl(o, "Path", sh->path);
    rg_dl(o, "Observed", sh->observed_words);
    rg_dl(o, "Limit", sh->limit_words);
    rg_dl(o, "Directive", sh->directive);
    rg_dl(o, "Request id", sh->request_id);
    rg_dl(o, "Time", sh->time);
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
        rg_body_html(&o, in, &sh);
        break;
    case RG_RENDER_JSON:
        rg_body_json(p, &o, in, &sh);
        break;
    default:
        rg_body_text(&o, in, &sh);
        break;
    }
    *len = o.len;
    return o.buf;
}
