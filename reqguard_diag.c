/*
 * reqguard_diag.c - the diagnostic body of a request, and the
 * reqguard-diagnostic handler for ErrorDocument targets.
 *
 * This file gathers plain values from a request (status, kind, field name,
 * path, request id, time, the negotiated format) and hands them to the pure
 * renderer (reqguard_render.c).  When a body is sent is decided on the
 * error path (reqguard_error.c); the handler sends one itself.
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
#include "reqguard_violation.h"
#include "reqguard_render.h"
#include "reqguard_diag.h"

#define RG_DIAG_HANDLER "reqguard-diagnostic"

/* Only a style sheet inside the page itself may load. */
#define RG_DIAG_CSP "default-src 'none'; style-src 'unsafe-inline'; " \
                    "base-uri 'none'; form-action 'none'"

/* The request the client sent, before any internal redirect. */
static request_rec *rg_diag_first(request_rec *r)
{
    while (r->prev != NULL) {
        r = r->prev;
    }
    return r;
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
                    rg_diag_body_t *out)
{
    request_rec *first = rg_diag_first(r);
    rg_render_in_t in;
    char *when = apr_palloc(r->pool, RG_TIME_STR_LEN);

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
    out->body = rg_render_body(r->pool, &in, out->fmt, &out->len);
}

void rg_diag_headers(request_rec *r, apr_table_t *t, const rg_diag_body_t *b)
{
    apr_table_setn(t, "X-Content-Type-Options", "nosniff");
    if (b->negotiated) {
        apr_table_mergen(t, "Vary", "Accept");
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
    const char *reason;
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
        ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r,
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

    rg_diag_render(r, d, status, v, NULL, &body);
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
