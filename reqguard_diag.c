/*
 * reqguard_diag.c - the diagnostic body of a request, what a cookie 431
 * does about the cookies, and the reqguard-diagnostic handler for
 * ErrorDocument targets.
 *
 * This file gathers plain values from a request (status, kind, field name,
 * path, request id, time, the negotiated format and language, the cookies
 * of a 431 for the Cookie field) and hands them to the pure renderer
 * (reqguard_render.c).  When a body is sent is decided on the error path
 * (reqguard_error.c); the handler sends one itself.
 *
 * A 431 is about the cookies when its field is Cookie (a module limit on
 * the field, or core's refusal of an over-long Cookie line, of which core
 * read only the start), or when the header block was too large and the
 * Cookie field is its largest field.  Then the body lists the cookies, and
 * ReqGuardCookieRecovery, in the configuration where the request was
 * refused, adds to the response what gets the visitor out of it:
 *
 *   Expire         "Set-Cookie: NAME=; Max-Age=0; Path=/" for the largest
 *                  cookies, as many as the field needs to fit the limit
 *                  (rg_cookies_plan()); for a field core read only in
 *                  part, for every cookie read.
 *   ClearSiteData  on an https origin "Clear-Site-Data: \"cookies\"";
 *                  browsers ignore it on plain http, where Expire's
 *                  headers go instead.
 *
 * The page says that reloading works now only when the headers sent make
 * the next request fit.  The decision is made once per refusal, for every
 * request of its chain (error page, handler, subrequest).
 */
#include "reqguard_private.h"

#include <string.h>
#include <apr_strings.h>
#include <http_core.h>
#include <http_protocol.h>
#include <http_request.h>
#include <mod_core.h>
#include <util_filter.h>

#include "reqguard_config.h"
#include "reqguard_cookies.h"
#include "reqguard_error.h"
#include "reqguard_lines.h"
#include "reqguard_violation.h"
#include "reqguard_render.h"
#include "reqguard_diag.h"

#define RG_DIAG_HANDLER "reqguard-diagnostic"

/* Only a style sheet inside the page itself may load. */
#define RG_DIAG_CSP "default-src 'none'; style-src 'unsafe-inline'; " \
                    "base-uri 'none'; form-action 'none'"

/* Where a cookie 431's decision is kept, in the pool of the request the
 * client sent (its internal redirects share that pool). */
#define RG_DIAG_COOKIES_KEY "reqguard-cookie-431"

#define RG_CLEAR_SITE_DATA "\"cookies\""


/* ---- the cookies of a 431 ---------------------------------------------- */

/* Size of a field as the module measures it: "name: value". */
static apr_off_t rg_diag_field_size(const char *key, const char *val)
{
    return (apr_off_t)(strlen(key) + 2 + (val != NULL ? strlen(val) : 0));
}

/* The pairs of a Cookie value of first: split at Apache's ", " joins too
 * when core read more field lines than it built fields (it merged lines
 * of one name, Cookie among them perhaps).  HTTP/2 has no such lines:
 * mod_http2 joins cookies with "; ". */
static rg_cookies_t *rg_diag_cookies_of(request_rec *first,
                                        const char *value)
{
    return rg_lines_joined(first) ? rg_cookies_parse_joined(first->pool, value)
                                  : rg_cookies_parse(first->pool, value);
}

/*
 * The Cookie field of first and the limit it must fit for refusal v, or
 * NULL when v is not about the cookies.  *limit is the size the Cookie
 * field may have (bytes of "Cookie: value"); *without says whether the
 * request fits once the field is gone altogether.
 */
static rg_cookies_t *rg_diag_cookie_field(request_rec *first,
                                          const rg_violation_t *v,
                                          apr_off_t *limit, int *without)
{
    const char *value;
    rg_cookies_t *c = NULL;

    *without = 1;
    *limit = v->limit;
    if (v->field != NULL && strcasecmp(v->field, "Cookie") == 0) {
        if (v->kind == RG_KIND_FIELD_SIZE) {
            c = rg_diag_cookies_of(first,
                                   apr_table_get(first->headers_in, "Cookie"));
        }
        else if (v->kind == RG_KIND_CORE_FIELD_SIZE) {
            c = rg_error_core_cookies(first);
        }
    }
    else if (v->kind == RG_KIND_HEADER_SIZE && v->observed > 0) {
        /* The header block: when Cookie is its largest field, the room the
         * other fields leave it. */
        const apr_array_header_t *arr = apr_table_elts(first->headers_in);
        const apr_table_entry_t *e = (const apr_table_entry_t *)arr->elts;
        apr_off_t size = -1;
        int i;

        for (i = 0; i < arr->nelts; i++) {
            if (e[i].key != NULL && strcasecmp(e[i].key, "Cookie") == 0) {
                size = rg_diag_field_size(e[i].key, e[i].val);
                value = e[i].val;
                break;
            }
        }
        if (size < 0) {
            return NULL;
        }
        for (i = 0; i < arr->nelts; i++) {
            if (e[i].key != NULL
                && rg_diag_field_size(e[i].key, e[i].val) > size) {
                return NULL;
            }
        }
        /* Block without the field: observed - (size + 2); with a field of
         * n bytes instead: observed - size + n. */
        *limit = v->limit - v->observed + size;
        *without = *limit >= -2;
        c = rg_diag_cookies_of(first, value);
    }
    return c != NULL && c->pairs > 0 ? c : NULL;
}

/* What the response to refusal v of first does about its cookies, or NULL
 * when the refusal is not about them. */
static rg_diag_cookies_t *rg_diag_decide(request_rec *first,
                                         const rg_violation_t *v)
{
    rg_diag_cookies_t *dc;
    rg_cookies_t *c;
    rg_cookie_recovery_e how;
    apr_off_t limit;
    apr_size_t marked = 0;
    int without, fits;

    if (v == NULL || !v->blocked
        || v->status != HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE) {
        return NULL;
    }
    c = rg_diag_cookie_field(first, v, &limit, &without);
    if (c == NULL) {
        return NULL;
    }
    dc = apr_pcalloc(first->pool, sizeof(*dc));
    dc->cookies = c;
    dc->recovery = RG_RECOVERY_NONE;
    /* Where the request was refused: its own merged configuration; for
     * core's refusal the server's of the address. */
    how = rg_conf_cookie_recovery(RG_DIR_CONF(first));
    if (how == RG_CR_CLEAR_SITE_DATA
        && strcmp(ap_http_scheme(first), "https") == 0) {
        dc->clear_site_data = 1;
        if (without) {
            dc->recovery = RG_RECOVERY_CLEAR_SITE_DATA;
        }
    }
    else if (how != RG_CR_OFF && limit > 0) {
        /* Expire, or ClearSiteData where browsers would ignore it. */
        fits = rg_cookies_plan(c, limit, &marked);
        dc->expire = marked;
        if (fits && marked > 0) {
            dc->recovery = RG_RECOVERY_EXPIRE;
        }
    }
    return dc;
}

/* The decision for the chain of r, made now if it was not yet. */
static rg_diag_cookies_t *rg_diag_lookup(request_rec *r,
                                         const rg_violation_t *v)
{
    request_rec *first = rg_violation_origin(r);
    void *data = NULL;
    rg_diag_cookies_t *dc;

    apr_pool_userdata_get(&data, RG_DIAG_COOKIES_KEY, first->pool);
    if (data != NULL) {
        dc = data;
        return dc->cookies != NULL ? dc : NULL;
    }
    dc = rg_diag_decide(first, v);
    if (dc == NULL) {
        dc = apr_pcalloc(first->pool, sizeof(*dc));   /* decided: none */
    }
    apr_pool_userdata_setn(dc, RG_DIAG_COOKIES_KEY, NULL, first->pool);
    return dc->cookies != NULL ? dc : NULL;
}

const rg_diag_cookies_t *rg_diag_cookies(request_rec *r,
                                         const rg_violation_t *v)
{
    return rg_diag_lookup(r, v);
}

void rg_diag_recovery_headers(request_rec *r, const rg_violation_t *v,
                              apr_table_t *t)
{
    rg_diag_cookies_t *dc = rg_diag_lookup(r, v);
    apr_size_t i;

    if (dc == NULL || dc->sent) {
        return;
    }
    dc->sent = 1;
    if (dc->clear_site_data) {
        apr_table_setn(t, "Clear-Site-Data", RG_CLEAR_SITE_DATA);
        return;
    }
    /* Largest first, the order of the plan. */
    for (i = 0; i < dc->cookies->count && dc->expire > 0; i++) {
        const rg_cookie_t *it = &dc->cookies->items[i];
        const char *h;

        if (it->expire
            && (h = rg_cookies_expire_value(r->pool, it->name)) != NULL) {
            apr_table_addn(t, "Set-Cookie", h);
        }
    }
}

/* The reason phrase Apache knows for status, or NULL. */
static const char *rg_diag_reason(int status)
{
    const char *line = ap_get_status_line(status);

    if (line == NULL || strlen(line) < 5
        || (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0')
           != status) {
        return NULL;    /* a status Apache does not know */
    }
    return line + 4;
}

void rg_diag_render(request_rec *r, const rg_dir_conf *d, int status,
                    const rg_violation_t *v, const char *accept,
                    const char *accept_language, rg_diag_body_t *out)
{
    request_rec *first = rg_violation_origin(r);
    const rg_diag_cookies_t *dc;
    rg_render_in_t in;
    char *when = apr_palloc(r->pool, RG_TIME_STR_LEN);
    const char *al;

    memset(&in, 0, sizeof(in));
    memset(out, 0, sizeof(*out));
    in.status = status;
    in.reason = rg_diag_reason(status);
    in.kind = RG_KIND_NONE;
    in.observed = -1;
    in.limit = -1;
    if (v != NULL) {
        in.kind = v->kind;
        in.field = v->field;
        in.observed = v->observed;
        in.limit = v->limit;
        in.directive = v->directive;
        in.ceiling = v->ceiling;
        dc = rg_diag_cookies(r, v);
        if (dc != NULL) {
            in.cookies = dc->cookies;
            in.recovery = dc->recovery;
        }
    }
    /* The path only: a query string may carry tokens. */
    in.path = first->parsed_uri.path;
    in.request_id = rg_violation_request_id(r);
    rg_render_time(when, first->request_time);
    in.time = when;
    in.full = rg_conf_diagnostics(d) == RG_DIAG_FULL;

    switch (rg_conf_format(d)) {
    case RG_FORMAT_HTML:
        out->fmt = RG_RENDER_HTML;
        break;
    case RG_FORMAT_JSON:
        out->fmt = RG_RENDER_JSON;
        break;
    case RG_FORMAT_TEXT:
        out->fmt = RG_RENDER_TEXT;
        break;
    default:
        if (apr_table_get(r->headers_in, "Accept") != NULL || accept == NULL) {
            accept = apr_table_get(r->headers_in, "Accept");
        }
        out->fmt = rg_render_negotiate(accept);
        out->negotiated = 1;
        break;
    }
    /* The visitor's part of HTML and text follows Accept-Language, with
     * whatever format was chosen; JSON is English for programs. */
    if (out->fmt != RG_RENDER_JSON) {
        al = apr_table_get(r->headers_in, "Accept-Language");
        in.lang = rg_render_negotiate_lang(al != NULL ? al : accept_language);
        out->lang = in.lang;
        out->lang_negotiated = 1;
    }
    out->body = rg_render_body(r->pool, &in, out->fmt, &out->len);
}

void rg_diag_headers(request_rec *r, apr_table_t *t, const rg_diag_body_t *b)
{
    apr_table_setn(t, "X-Content-Type-Options", "nosniff");
    if (b->negotiated) {
        apr_table_mergen(t, "Vary", "Accept");
    }
    if (b->lang_negotiated) {
        apr_table_mergen(t, "Vary", "Accept-Language");
        apr_table_setn(t, "Content-Language", rg_lang_tag(b->lang));
    }
    ap_set_content_type(r, rg_render_content_type(b->fmt));
    if (b->fmt == RG_RENDER_HTML) {
        apr_table_setn(t, "Content-Security-Policy", RG_DIAG_CSP);
    }
    ap_set_content_length(r, (apr_off_t)b->len);
}

/* ---- the reqguard-diagnostic handler ----------------------------------- */

/*
 * Renders the status of the request an ErrorDocument redirected from,
 * with our detail when the refusal was ours.  Reached any other way (a
 * direct request, a rewrite, a status that is not an error) there is no
 * original status to explain: 404, which the site's own 404 handling
 * answers; if that is this handler again, it now has a 404 to explain, so
 * there is no loop.
 */
int rg_diag_handler(request_rec *r)
{
    request_rec *top, *failed;
    const rg_violation_t *v;
    const rg_dir_conf *d;
    rg_diag_body_t body;
    const char *reason, *accept = NULL, *accept_language = NULL;
    int status;

    /* A subrequest explains the error of the request it serves: the one
     * an error page (with an SSI include of the handler) answers, or,
     * when the error path runs an ErrorDocument 431 page as a subrequest
     * of the refused request itself, that request. */
    top = r->main != NULL ? r->main : r;
    failed = top->prev;
    if (failed == NULL && r->main != NULL) {
        failed = top;
    }
    if (failed == NULL || failed->status < 400 || failed->status > 599) {
        RG_LOG(APLOG_DEBUG, 0, r,
               "RG00200: %s reached without an error to explain",
               RG_DIAG_HANDLER);
        return HTTP_NOT_FOUND;
    }

    /* The remapped 431 has its status by now (reqguard_error.c). */
    status = failed->status;
    v = rg_violation_refusal(top);
    if (v != NULL && v->status != status) {
        v = NULL;               /* another error than our refusal */
    }
    /* The configuration where the request failed, .htaccess included,
     * decides the detail and the format, not that of the handler's URL. */
    d = RG_DIR_CONF(failed);
    if (rg_conf_diagnostics(d) == RG_DIAG_OFF) {
        v = NULL;               /* the status explained, no detail */
    }

    /* Core's refusal: the Accept and Accept-Language fields core read
     * but did not store, when the connection still had them. */
    if (v != NULL && rg_kind_is_core(v->kind)) {
        accept = rg_lines_accept(top);
        accept_language = rg_error_core_accept_language(top);
    }
    rg_diag_render(r, d, status, v, accept, accept_language, &body);
    /* Every answer of ours is about this one request.  err_headers_out,
     * where the redirect from a refusal has put it already. */
    apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");

    if (r->main == NULL) {
        r->status = status;
        reason = rg_diag_reason(status);
        r->status_line = reason != NULL ? ap_get_status_line(status) : NULL;
    }
    /* Run by the error path as the page of the refused request itself,
     * the response whose headers go out is that request's. */
    rg_diag_headers(failed == top ? top : r,
                    failed == top ? top->headers_out : r->headers_out,
                    &body);
    if (!r->header_only) {
        ap_rwrite(body.body, (int)body.len, r);
    }
    return OK;
}
