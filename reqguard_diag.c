/*
 * reqguard_diag.c - the diagnostic body of every refusal, and the
 * reqguard-diagnostic handler for ErrorDocument targets.
 *
 * The checks only record a violation and let Apache's error path run
 * (ap_die: ErrorDocument, or ap_send_error_response).  Here:
 *
 *   insert_error_filter  when the response is a refusal of ours, mark it
 *                        Cache-Control: no-store and, unless diagnostics
 *                        are Off or an ErrorDocument "text" for the status
 *                        wins, add REQGUARD_DIAG, which replaces the canned
 *                        body with the rendered one;
 *   handler              reqguard-diagnostic, for ErrorDocument URLs.
 *
 * This file only gathers plain values; reqguard_render.c renders them.
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

#define RG_DIAG_FILTER  "REQGUARD_DIAG"
#define RG_DIAG_HANDLER "reqguard-diagnostic"

/* Only a style sheet inside the page itself may load. */
#define RG_DIAG_CSP "default-src 'none'; style-src 'unsafe-inline'; " \
                    "base-uri 'none'; form-action 'none'"

static ap_filter_rec_t *rg_diag_filter_handle;

/* The body REQGUARD_DIAG sends instead of the canned one. */
typedef struct {
    const char *body;
    apr_size_t len;
    rg_render_fmt_e fmt;        /* the format it is rendered in */
    int negotiated;             /* chosen on Accept: Vary: Accept */
} rg_diag_ctx_t;

/* The violation of ours that a response of this status answers, or NULL:
 * one that blocked, of that status, or of a core kind while the status is
 * still core's 400 (remap off, or not applied yet). */
static const rg_violation_t *rg_diag_cause(const request_rec *r, int status)
{
    const rg_violation_t *v = rg_violation_get(r);

    if (v == NULL || !v->blocked) {
        return NULL;
    }
    if (v->status == status
        || (status == HTTP_BAD_REQUEST && rg_kind_is_core(v->kind))) {
        return v;
    }
    return NULL;
}

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

/* The id of the request: mod_unique_id's UNIQUE_ID when loaded, else the
 * id the error log uses (%L), made now if nothing made one yet. */
static const char *rg_diag_request_id(request_rec *r)
{
    request_rec *first = rg_diag_first(r);
    const char *id = apr_table_get(first->subprocess_env, "UNIQUE_ID");

    if (id == NULL) {
        id = apr_table_get(r->subprocess_env, "UNIQUE_ID");
    }
    if (id == NULL) {
        if (first->log_id == NULL) {
            ap_run_generate_log_id(first->connection, first,
                                   &first->log_id);
        }
        id = first->log_id;
    }
    return id;
}

/* Render a body for status into ctx.  v may be NULL (a status we did not
 * cause); d is the configuration in force where the request failed. */
static void rg_diag_render(request_rec *r, const rg_dir_conf *d, int status,
                           const rg_violation_t *v, rg_diag_ctx_t *ctx)
{
    request_rec *first = rg_diag_first(r);
    rg_render_in_t in;
    rg_render_fmt_e fmt;
    char *when = apr_palloc(r->pool, RG_TIME_STR_LEN);

    memset(&in, 0, sizeof(in));
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
    }
    /* The path only: a query string may carry tokens. */
    in.path = first->parsed_uri.path;
    in.request_id = rg_diag_request_id(r);
    rg_render_time(when, first->request_time);
    in.time = when;
    in.full = rg_conf_diagnostics(d) == RG_DIAG_FULL;

    switch (rg_conf_format(d)) {
    case RG_FORMAT_HTML:
        fmt = RG_RENDER_HTML;
        break;
    case RG_FORMAT_JSON:
        fmt = RG_RENDER_JSON;
        break;
    case RG_FORMAT_TEXT:
        fmt = RG_RENDER_TEXT;
        break;
    default:
        fmt = rg_render_negotiate(apr_table_get(r->headers_in, "Accept"));
        ctx->negotiated = 1;
        break;
    }
    ctx->body = rg_render_body(r->pool, &in, fmt, &ctx->len);
    ctx->fmt = fmt;
}

/* Headers of a rendered body, on whichever table the response sends.
 * Cache-Control: no-store is set by the callers, on err_headers_out. */
static void rg_diag_headers(request_rec *r, apr_table_t *t,
                            const rg_diag_ctx_t *ctx)
{
    apr_table_setn(t, "X-Content-Type-Options", "nosniff");
    if (ctx->negotiated) {
        apr_table_mergen(t, "Vary", "Accept");
    }
    ap_set_content_type(r, rg_render_content_type(ctx->fmt));
    if (ctx->fmt == RG_RENDER_HTML) {
        apr_table_setn(t, "Content-Security-Policy", RG_DIAG_CSP);
    }
    ap_set_content_length(r, (apr_off_t)ctx->len);
}

/* ---- the error response of a refusal ----------------------------------- */

/*
 * REQGUARD_DIAG: drops the canned body (and whatever else comes before the
 * end), sets the headers, and sends the rendered body and EOS together, so
 * that CONTENT_LENGTH sees the whole body at once.  Nothing for HEAD.
 */
static apr_status_t rg_diag_filter(ap_filter_t *f, apr_bucket_brigade *bb)
{
    request_rec *r = f->r;
    const rg_diag_ctx_t *ctx = f->ctx;
    apr_bucket *e, *eos = NULL;

    for (e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb);) {
        apr_bucket *next = APR_BUCKET_NEXT(e);

        if (eos == NULL && APR_BUCKET_IS_EOS(e)) {
            eos = e;
        }
        else {
            apr_bucket_delete(e);
        }
        e = next;
    }
    if (eos == NULL) {
        return APR_SUCCESS;
    }

    /* ap_send_error_response has made err_headers_out the response's
     * headers_out by now. */
    rg_diag_headers(r, r->headers_out, ctx);
    if (!r->header_only && ctx->len > 0) {
        e = apr_bucket_pool_create(ctx->body, ctx->len, r->pool,
                                   f->c->bucket_alloc);
        APR_BUCKET_INSERT_BEFORE(eos, e);
    }
    ap_remove_output_filter(f);
    return ap_pass_brigade(f->next, bb);
}

/*
 * insert_error_filter, after the 400->431 remap (which runs first): r is
 * the request whose error response ap_send_error_response is about to
 * write; r->status is final.
 */
static void rg_diag_insert_error_filter(request_rec *r)
{
    const rg_violation_t *v;
    const rg_dir_conf *d;
    const char *custom;
    rg_diag_ctx_t *ctx;
    int saved;

    if (r->main != NULL) {
        return;                 /* a subrequest sends no error page */
    }
    v = rg_diag_cause(r, r->status);
    if (v == NULL) {
        return;
    }

    /* Every error response to a refusal of ours, whatever its body: set
     * here, just before it goes out (err_headers_out becomes its
     * headers_out), because the error path may drop what a handler or
     * filter set earlier. */
    apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");

    d = RG_DIR_CONF(r);
    if (rg_conf_diagnostics(d) == RG_DIAG_OFF) {
        return;                 /* canned text, with our status */
    }

    /* Core looks up the ErrorDocument of the status it saved before this
     * hook: for a remapped core refusal on HTTP/1.x that is still 400. */
    saved = rg_kind_is_core(v->kind) && r->proto_num < HTTP_VERSION(2, 0)
            ? HTTP_BAD_REQUEST : r->status;
    custom = ap_response_code_string(r, ap_index_of_response(r->status));
    /* An admin's ErrorDocument "text" for the status wins; core sends it
     * (for the remapped 431 the remap has handed it to core already).  A
     * local URL for the remapped 431 was served by the remap.  Otherwise
     * our body: no ErrorDocument, an ErrorDocument 400 text meant for the
     * 400 that is not sent, or a URL whose page itself failed. */
    if (custom != NULL
        && (custom[0] == '"' || (saved != r->status && custom[0] == '/'))) {
        return;
    }
    ctx = apr_pcalloc(r->pool, sizeof(*ctx));
    rg_diag_render(r, d, r->status, v, ctx);
    ap_add_output_filter_handle(rg_diag_filter_handle, ctx, r,
                                r->connection);
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
    rg_diag_ctx_t ctx;
    const char *reason;
    int status;

    /* A subrequest (an SSI include in an error page) explains the error
     * of the page that includes it. */
    top = r->main != NULL ? r->main : r;
    failed = top->prev;
    if (failed == NULL || failed->status < 400 || failed->status > 599) {
        ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r,
                      "RG00200: %s reached without an error to explain",
                      RG_DIAG_HANDLER);
        return HTTP_NOT_FOUND;
    }

    status = failed->status;
    v = rg_diag_cause(top, status);
    /* The configuration where the request failed, .htaccess included,
     * decides the detail and the format, not that of the handler's URL. */
    d = RG_DIR_CONF(failed);
    if (v != NULL && rg_kind_is_core(v->kind) && status == HTTP_BAD_REQUEST
        && rg_conf_remap431(RG_SRV_CONF(failed->server))) {
        status = v->status;     /* the remapped 431 */
    }
    if (rg_conf_diagnostics(d) == RG_DIAG_OFF) {
        v = NULL;               /* the status explained, no detail */
    }

    memset(&ctx, 0, sizeof(ctx));
    rg_diag_render(r, d, status, v, &ctx);
    /* Every answer of ours is about this one request.  err_headers_out,
     * where the redirect from a refusal has put it already. */
    apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");

    if (r->main == NULL) {
        r->status = status;
        reason = rg_diag_reason(status);
        r->status_line = reason != NULL ? ap_get_status_line(status) : NULL;
    }
    rg_diag_headers(r, r->headers_out, &ctx);
    if (!r->header_only) {
        ap_rwrite(ctx.body, (int)ctx.len, r);
    }
    return OK;
}

void rg_diag_register_hooks(void)
{
    /* After reqguard_headers.c's remap (APR_HOOK_REALLY_FIRST), so that
     * r->status is the status the client gets. */
    ap_hook_insert_error_filter(rg_diag_insert_error_filter, NULL, NULL,
                                APR_HOOK_MIDDLE);
    /* Replaces the whole body of an error response: a content filter, so
     * it runs above the protocol filters (HTTP_HEADER, CONTENT_LENGTH,
     * chunking) that must see its headers and length; CONTENT_SET rather
     * than RESOURCE because ap_send_error_response drops the resource
     * filters, and an error response carries nothing to transform. */
    rg_diag_filter_handle =
        ap_register_output_filter(RG_DIAG_FILTER, rg_diag_filter, NULL,
                                  AP_FTYPE_CONTENT_SET);
}
