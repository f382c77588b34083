/*
 * reqguard_error.c - the module on Apache's error path.
 *
 * How a refusal becomes a status, a body and a log line:
 *
 *  1. A check refuses by returning the status (431, 414, 413, 411) from a
 *     request hook, or by an error bucket from the body filter (413, 408),
 *     after recording the violation (reqguard_violation.c: log line,
 *     counters, REQGUARD_* variables).  Core's ap_die() takes it from there
 *     and applies ErrorDocument for that status as for any error: a text is
 *     written by core, a local URL is served by an internal redirect.
 *  2. Core refuses an oversized header block itself, with a hard-coded 400
 *     (HTTP/1.x) or mod_http2's 431, before any request hook of ours.  That
 *     refusal is recognised where it surfaces: in insert_error_filter when
 *     core sends its own page, or in the error page request when
 *     "ErrorDocument 400" is a local URL.  It is recorded there and, on
 *     HTTP/1.x, answered as 431 with Connection: close.
 *  3. insert_error_filter runs once for every error response core writes.
 *     For a refusal of ours it adds Cache-Control: no-store and, for a 431
 *     about the cookies, what ReqGuardCookieRecovery sends (Set-Cookie or
 *     Clear-Site-Data, reqguard_diag.c), and decides the body: core's own
 *     (an ErrorDocument text for the status, or its canned page with
 *     diagnostics Off), or the REQGUARD_ERROR filter, which drops
 *     what core writes and sends instead the diagnostic body, the
 *     ErrorDocument 431 of a remapped 400 (text, or a local URL served as a
 *     subrequest), or a page in core's canned form for the new status.
 *
 * The error page request of a refusal (an ErrorDocument URL) gets the same
 * fields in rg_error_redirected().  Which cookies core's refusal of a
 * Cookie line was about is known from the line itself: the line watcher
 * (reqguard_lines.c) hands every piece of a long line to
 * rg_error_watch_line(), which keeps the pairs core read (names and
 * sizes, in a collector of fixed size) and the Accept-Language field sent
 * right before the line.
 *
 * Core's error path is never entered again from here: no
 * ap_send_error_response(), no ap_internal_redirect(); a remapped 400
 * reaching an "ErrorDocument 400" URL is handed back to ap_die() as a 431
 * from post_read_request when an ErrorDocument 431 should answer it.
 */
#include "reqguard_private.h"

#include <string.h>
#include <strings.h>
#include <apr_strings.h>
#include <http_core.h>
#include <http_protocol.h>
#include <http_request.h>
#include <mod_core.h>
#include <util_filter.h>

#include "reqguard_config.h"
#include "reqguard_cookies.h"
#include "reqguard_diag.h"
#include "reqguard_error.h"
#include "reqguard_lines.h"
#include "reqguard_violation.h"

#define RG_ERROR_FILTER "REQGUARD_ERROR"

/* The error-notes core sets for the two header rejections we remap. */
#define RG_CORE_NOTE_SIZE   "Size of a request header field exceeds"
#define RG_CORE_NOTE_FIELDS "The number of request header fields exceeds"

#define RG_STATUS_LINE_431 "431 Request Header Fields Too Large"

/* The one sentence of a canned page for the remapped 431. */
#define RG_CANNED_431 "The header fields of the request are larger than " \
                      "this server accepts."

static ap_filter_rec_t *rg_error_filter_handle;

/* What REQGUARD_ERROR sends instead of the body core writes. */
typedef enum {
    RG_ERR_RENDERED,        /* the diagnostic body */
    RG_ERR_TEXT,            /* an ErrorDocument text, or the canned page */
    RG_ERR_DOCUMENT         /* an ErrorDocument URL, run as a subrequest */
} rg_err_body_e;

typedef struct {
    rg_err_body_e what;
    const char *text;           /* TEXT: the body; DOCUMENT: the URL */
    apr_size_t len;
    rg_diag_body_t rendered;    /* RENDERED */
    const rg_violation_t *v;
    const char *accept;         /* Accept to negotiate on, or NULL */
    const char *accept_language;    /* Accept-Language, or NULL */
    int drop_location;          /* core adds the Location of its redirect
                                 * to an external ErrorDocument 400 after
                                 * insert_error_filter: take it out again */
} rg_err_ctx_t;

/* ---- what core read of the line it refused ------------------------------ */

/* Bytes of an Accept-Language value kept from the line before a long
 * one: more than any browser sends. */
#define RG_WATCH_LANG_MAX 256

/*
 * What the error path keeps of the long line core is reading, for the
 * request whose pool holds it (ctx->watch is cleared with that pool): the
 * pairs of a Cookie line, in a collector of fixed size made for the first
 * one, and the Accept-Language field right before the line, which core
 * never stores when it refuses the line (it stores a field once it has
 * read the next line).
 */
struct rg_line_watch {
    rg_cookies_stream_t *cookies;   /* or NULL */
    int cookie_line;                /* the long line is a Cookie line */
    char accept_language[RG_WATCH_LANG_MAX + 1];    /* or "" */
};

static apr_status_t rg_watch_cleanup(void *data)
{
    ((rg_lines_t *)data)->watch = NULL;
    return APR_SUCCESS;
}

/* Feed every byte of the piece in bb to the collector. */
static void rg_watch_feed(struct rg_line_watch *w, apr_bucket_brigade *bb)
{
    apr_bucket *b;

    for (b = APR_BRIGADE_FIRST(bb); b != APR_BRIGADE_SENTINEL(bb);
         b = APR_BUCKET_NEXT(b)) {
        const char *data;
        apr_size_t n;

        if (b->length == 0 || APR_BUCKET_IS_METADATA(b)
            || apr_bucket_read(b, &data, &n, APR_NONBLOCK_READ)
               != APR_SUCCESS) {
            continue;
        }
        rg_cookies_stream_feed(w->cookies, data, n);
    }
}

void rg_error_watch_line(rg_lines_t *ctx, apr_bucket_brigade *bb,
                         apr_size_t len)
{
    struct rg_line_watch *w = ctx->watch;
    char start[sizeof("Cookie:")];
    apr_size_t n = sizeof(start) - 1;

    if (ctx->in_long) {
        /* Another piece of the long line. */
        if (w != NULL && w->cookie_line) {
            rg_watch_feed(w, bb);
        }
        return;
    }
    if (len < ctx->whole) {
        return;                 /* no long line */
    }
    if (w == NULL) {
        /* For the request reading the line: its pool is the brigade's. */
        w = apr_pcalloc(bb->p, sizeof(*w));
        ctx->watch = w;
        apr_pool_cleanup_register(bb->p, ctx, rg_watch_cleanup,
                                  apr_pool_cleanup_null);
    }
    rg_lines_field_before(bb, "Accept-Language", w->accept_language,
                          RG_WATCH_LANG_MAX);
    w->cookie_line = apr_brigade_flatten(bb, start, &n) == APR_SUCCESS
                     && n == sizeof(start) - 1
                     && strncasecmp(start, "Cookie:", n) == 0;
    if (!w->cookie_line) {
        return;
    }
    if (w->cookies == NULL) {
        w->cookies = rg_cookies_stream_make(bb->p);
    }
    rg_cookies_stream_start(w->cookies, 1);
    rg_watch_feed(w, bb);
}

rg_cookies_t *rg_error_core_cookies(request_rec *r)
{
    const rg_lines_t *line = rg_lines_long(r);

    if (line == NULL || line->watch == NULL || !line->watch->cookie_line
        || strcasecmp(line->long_name, "Cookie") != 0) {
        return NULL;
    }
    return rg_cookies_stream_result(r->pool, line->watch->cookies);
}

const char *rg_error_core_accept_language(const request_rec *r)
{
    const rg_lines_t *line = rg_lines_long(r);

    return line != NULL && line->watch != NULL
           && line->watch->accept_language[0] != '\0'
           ? line->watch->accept_language : NULL;
}

/* ---- core's own refusals ---------------------------------------------- */

/* 1 when r is core's 302 to an external "ErrorDocument 400" URL: ap_die()
 * turned the 400 into that redirect before the error page is written. */
static int rg_error_core_redirect(const request_rec *r)
{
    const char *doc, *loc;

    if (r->status != HTTP_MOVED_TEMPORARILY) {
        return 0;
    }
    doc = ap_response_code_string((request_rec *)r,
                                  ap_index_of_response(HTTP_BAD_REQUEST));
    loc = apr_table_get(r->headers_out, "Location");
    return doc != NULL && loc != NULL && ap_is_url(doc) && !strcmp(doc, loc);
}

/*
 * The core refusal r is being answered for, or RG_KIND_NONE: on HTTP/1.x
 * core's 400 (or its redirect to an external ErrorDocument 400 URL) with
 * its note for a field over LimitRequestFieldSize or more
 * fields than LimitRequestFields; on HTTP/2 mod_http2's 431 for the same,
 * made while it built the request, before any request hook mapped it to a
 * file (mod_http2 sets no note: a request with as many fields as the limit
 * ran into the count).
 */
static rg_kind_e rg_error_core_kind(const request_rec *r)
{
    const char *note;
    rg_kind_e kind = RG_KIND_NONE;
    int fields;

    /* The cheap tests first: every Redirect answers 302. */
    if ((r->status == HTTP_BAD_REQUEST
         || r->status == HTTP_MOVED_TEMPORARILY)
        && r->proto_num < HTTP_VERSION(2, 0)) {
        note = apr_table_get(r->notes, "error-notes");
        if (note == NULL) {
            return RG_KIND_NONE;
        }
        if (!strncmp(note, RG_CORE_NOTE_SIZE,
                     sizeof(RG_CORE_NOTE_SIZE) - 1)) {
            kind = RG_KIND_CORE_FIELD_SIZE;
        }
        else if (!strncmp(note, RG_CORE_NOTE_FIELDS,
                          sizeof(RG_CORE_NOTE_FIELDS) - 1)) {
            kind = RG_KIND_CORE_FIELDS;
        }
        if (r->status != HTTP_BAD_REQUEST && !rg_error_core_redirect(r)) {
            return RG_KIND_NONE;
        }
        return kind;
    }
    if (r->status == HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE
        && r->connection->master != NULL && r->filename == NULL
        && rg_violation_refusal(r) == NULL) {
        fields = apr_table_elts(r->headers_in)->nelts;
        return r->server->limit_req_fields > 0
               && fields >= r->server->limit_req_fields
               ? RG_KIND_CORE_FIELDS : RG_KIND_CORE_FIELD_SIZE;
    }
    return RG_KIND_NONE;
}

/*
 * Record core's refusal on r.  Returns 1 when the module answers it (431,
 * its body), 0 when Apache's answer stands: ReqGuardRemap431 Off or
 * ReqGuard Off (nothing recorded), ReqGuard ReportOnly (reported).  No
 * vhost has been chosen and no .htaccess read: the configuration is that of
 * the server owning the address.
 */
static int rg_error_core_record(request_rec *r, rg_kind_e kind)
{
    const rg_srv_conf *s = RG_SRV_CONF(r->server);
    const rg_dir_conf *d = RG_DIR_CONF(r);
    rg_judge_e how = rg_judge_how(d, s);
    const rg_lines_t *line;
    rg_violation_t ev;

    if (!rg_conf_remap431(s) || how == RG_JUDGE_NONE) {
        return 0;
    }
    memset(&ev, 0, sizeof(ev));
    ev.kind = kind;
    ev.observed = -1;
    if (kind == RG_KIND_CORE_FIELD_SIZE) {
        ev.limit = r->server->limit_req_fieldsize;
        /* What core read of the line (it stops early), or unknown: a
         * field that grew too long by folding or merging, or HTTP/2. */
        line = rg_lines_long(r);
        if (line != NULL) {
            ev.observed = line->long_seen;
            ev.field = line->long_name;
        }
    }
    else {
        ev.limit = r->server->limit_req_fields;
        ev.observed = ev.limit + 1;     /* core stops at one over */
    }
    ev.blocked = (how == RG_JUDGE_ENFORCE);
    rg_violation_record(r, &ev);
    return ev.blocked;
}

static void rg_error_set_431(request_rec *r)
{
    r->status = HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE;
    r->status_line = RG_STATUS_LINE_431;
    /* 431 is not among the statuses that drop the connection, but the
     * rest of a refused header block is still on it. */
    r->connection->keepalive = AP_CONN_CLOSE;
}

/* Copy the REQGUARD_* variables of from into to as REDIRECT_REQGUARD_*,
 * and under their own names too when plain is set. */
static void rg_error_carry(apr_pool_t *p, const apr_table_t *from,
                           apr_table_t *to, int plain)
{
    const apr_array_header_t *arr = apr_table_elts(from);
    const apr_table_entry_t *e = (const apr_table_entry_t *)arr->elts;
    int i;

    for (i = 0; i < arr->nelts; i++) {
        if (e[i].key != NULL && !strncmp(e[i].key, "REQGUARD_",
                                         sizeof("REQGUARD_") - 1)) {
            if (plain) {
                apr_table_setn(to, e[i].key, e[i].val);
            }
            apr_table_setn(to, apr_pstrcat(p, "REDIRECT_", e[i].key, NULL),
                           e[i].val);
        }
    }
}

/* ---- the body ---------------------------------------------------------- */

/* The diagnostic body, rendered now, when the filter is added. */
static void rg_error_render(request_rec *r, rg_err_ctx_t *ctx)
{
    ctx->what = RG_ERR_RENDERED;
    rg_diag_render(r, RG_DIR_CONF(r), r->status, ctx->v, ctx->accept,
                   ctx->accept_language, &ctx->rendered);
}

/* A page in the form of core's canned ones, for the status core did not
 * write its page for. */
static void rg_error_canned(request_rec *r, rg_err_ctx_t *ctx)
{
    const char *line = ap_get_status_line(r->status);

    ctx->what = RG_ERR_TEXT;
    ctx->text = apr_pstrcat(r->pool,
                            "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0"
                            "//EN\">\n<html><head>\n<title>", line,
                            "</title>\n</head><body>\n<h1>", line + 4,
                            "</h1>\n<p>" RG_CANNED_431 "</p>\n",
                            ap_psignature("<hr>\n", r),
                            "</body></html>\n", NULL);
    ctx->len = strlen(ctx->text);
}

/*
 * An ErrorDocument URL for a status core wrote another page for (the
 * remapped 431): its page, run as a subrequest into the rest of the
 * output filters, as the page of the response.  DECLINED when it cannot
 * be served (missing, forbidden): then the diagnostic body goes instead.
 */
static int rg_error_document(ap_filter_t *f, rg_err_ctx_t *ctx)
{
    request_rec *r = f->r, *rr;

    const char *v;

    rr = ap_sub_req_lookup_uri(ctx->text, r, f->next);
    /* A page that cannot be served: refused, or a file that is not there
     * with nothing but the default handler to serve it (whose 404 would
     * come only when it runs, after the response has begun). */
    if (rr->status != HTTP_OK
        || (rr->finfo.filetype != APR_REG
            && (rr->handler == NULL
                || !strcmp(rr->handler, "default-handler")))) {
        ap_destroy_sub_req(rr);
        return DECLINED;
    }
    /* What an ErrorDocument page sees of the error it answers, as an
     * internal redirect would give it. */
    apr_table_setn(rr->subprocess_env, "REDIRECT_STATUS",
                   apr_itoa(rr->pool, r->status));
    if (r->uri != NULL) {
        apr_table_setn(rr->subprocess_env, "REDIRECT_URL", r->uri);
    }
    if ((v = apr_table_get(r->notes, "error-notes")) != NULL) {
        apr_table_setn(rr->subprocess_env, "REDIRECT_ERROR_NOTES", v);
    }
    if ((v = apr_table_get(r->subprocess_env, "UNIQUE_ID")) != NULL) {
        apr_table_setn(rr->subprocess_env, "REDIRECT_UNIQUE_ID", v);
    }
    rg_error_carry(rr->pool, r->subprocess_env, rr->subprocess_env, 0);
    /* The page's type, copied: rr's pool goes before the response. */
    if (rr->content_type != NULL) {
        ap_set_content_type(r, apr_pstrdup(r->pool, rr->content_type));
    }
    if (!r->header_only) {
        ap_run_sub_req(rr);
    }
    ap_destroy_sub_req(rr);
    return OK;
}

/*
 * REQGUARD_ERROR: drops the body core writes (and whatever else comes
 * before the end) and sends the chosen one with the end of the response,
 * so that CONTENT_LENGTH sees a whole body at once.  Nothing for HEAD.
 */
static apr_status_t rg_error_filter(ap_filter_t *f, apr_bucket_brigade *bb)
{
    request_rec *r = f->r;
    rg_err_ctx_t *ctx = f->ctx;
    apr_bucket *e, *eos = NULL;
    const char *body = NULL;
    apr_size_t len = 0;

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
    ap_remove_output_filter(f);
    /* ap_send_error_response has made err_headers_out the response's
     * headers_out by now. */
    if (ctx->drop_location) {
        apr_table_unset(r->headers_out, "Location");
    }

    if (ctx->what == RG_ERR_DOCUMENT) {
        if (rg_error_document(f, ctx) == OK) {
            return ap_pass_brigade(f->next, bb);
        }
        rg_error_render(r, ctx);
    }
    if (ctx->what == RG_ERR_RENDERED) {
        rg_diag_headers(r, r->headers_out, &ctx->rendered);
        body = ctx->rendered.body;
        len = ctx->rendered.len;
    }
    else {
        /* Core's content type stands: its text/html for its own pages
         * and ErrorDocument texts. */
        ap_set_content_length(r, (apr_off_t)ctx->len);
        body = ctx->text;
        len = ctx->len;
    }
    if (!r->header_only && len > 0) {
        e = apr_bucket_pool_create(body, len, r->pool, f->c->bucket_alloc);
        APR_BUCKET_INSERT_BEFORE(eos, e);
    }
    return ap_pass_brigade(f->next, bb);
}

/*
 * insert_error_filter, first of all: r is the request whose error
 * response ap_send_error_response() is about to write, for the status it
 * saved before this hook (r->status on entry).
 */
static void rg_error_insert(request_rec *r)
{
    int saved = r->status;
    const rg_violation_t *v;
    const char *doc;
    rg_err_ctx_t *ctx;
    rg_kind_e core;

    if (r->main != NULL) {
        return;                 /* a subrequest sends no error page */
    }
    ctx = NULL;
    core = rg_error_core_kind(r);
    if (core != RG_KIND_NONE && rg_violation_refusal(r) == NULL) {
        if (!rg_error_core_record(r, core)) {
            return;             /* Apache's answer stands */
        }
        if (saved != HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE) {
            rg_error_set_431(r);
        }
    }
    v = rg_violation_refusal(r);
    if (v == NULL || v->status != r->status) {
        return;                 /* not an answer to a refusal of ours */
    }

    /* Every error response to a refusal: set here, just before it goes
     * out (err_headers_out becomes its headers_out), because the error
     * path drops what a handler or filter set earlier. */
    apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");
    /* And what clears the cookies of a 431 about them, whatever the body
     * (ReqGuardCookieRecovery). */
    rg_diag_recovery_headers(r, v, r->err_headers_out);

    doc = ap_response_code_string(r, ap_index_of_response(r->status));
    if (saved == r->status) {
        /* Core writes the page of this very status: an ErrorDocument
         * text, or the canned page with diagnostics Off, stands.  A local
         * URL ErrorDocument that is being answered here has failed. */
        if ((doc != NULL && doc[0] == '"')
            || rg_conf_diagnostics(RG_DIR_CONF(r)) == RG_DIAG_OFF) {
            return;
        }
    }
    ctx = apr_pcalloc(r->pool, sizeof(*ctx));
    ctx->v = v;
    /* The 400's external ErrorDocument is not the 431's. */
    ctx->drop_location = saved == HTTP_MOVED_TEMPORARILY;
    if (rg_kind_is_core(v->kind)) {
        ctx->accept = rg_lines_accept(r);
        ctx->accept_language = rg_error_core_accept_language(r);
    }
    if (saved == r->status) {
        rg_error_render(r, ctx);
    }
    else if (doc != NULL && doc[0] == '"') {
        /* The remapped 431: core is about to write the 400's page; the
         * admin's ErrorDocument 431 text goes instead. */
        ctx->what = RG_ERR_TEXT;
        ctx->text = doc + 1;
        ctx->len = strlen(ctx->text);
    }
    else if (doc != NULL && doc[0] == '/') {
        ctx->what = RG_ERR_DOCUMENT;
        ctx->text = doc;
    }
    else if (rg_conf_diagnostics(RG_DIR_CONF(r)) == RG_DIAG_OFF) {
        rg_error_canned(r, ctx);
    }
    else {
        /* No ErrorDocument 431 (or a full URL, which is not followed for
         * a response already under way): the diagnostic body. */
        rg_error_render(r, ctx);
    }
    ap_add_output_filter_handle(rg_error_filter_handle, ctx, r,
                                r->connection);
}

/* ---- the error page request ------------------------------------------ */

int rg_error_redirected(request_rec *r)
{
    request_rec *prev = r->prev;
    rg_kind_e core = RG_KIND_NONE;
    int answer = DECLINED;

    /* Core's refusal reaching its "ErrorDocument 400" URL (or, on HTTP/2,
     * an "ErrorDocument 431" URL): core redirected before any hook of
     * ours saw the refusal. */
    if (prev->prev == NULL && prev->main == NULL) {
        core = rg_error_core_kind(prev);
    }
    if (core != RG_KIND_NONE && rg_violation_refusal(prev) == NULL
        && rg_error_core_record(prev, core)) {
        /* The refused request never reached mod_unique_id; recording gave
         * it its id: the error page carries it on, as for any other. */
        const char *id = apr_table_get(prev->subprocess_env, "UNIQUE_ID");

        if (id != NULL
            && apr_table_get(r->subprocess_env, "REDIRECT_UNIQUE_ID") == NULL) {
            apr_table_setn(r->subprocess_env, "REDIRECT_UNIQUE_ID", id);
        }
    }
    if (core != RG_KIND_NONE && rg_violation_refusal(prev) != NULL
        && prev->status == HTTP_BAD_REQUEST) {
        const char *doc;

        rg_error_set_431(prev);
        rg_error_set_431(r);
        apr_table_setn(r->subprocess_env, "REDIRECT_STATUS", "431");
        doc = ap_response_code_string(r, ap_index_of_response(
                                             r->status));
        if (doc != NULL && (doc[0] == '"' || doc[0] == '/')) {
            /* The admin's ErrorDocument 431 wins over the 400 page: core
             * answers this request with it, as a first error of its own
             * whose ERROR_NOTES are core's. */
            const char *note = apr_table_get(prev->notes, "error-notes");

            if (note != NULL) {
                apr_table_setn(r->notes, "error-notes", note);
            }
            r->status = HTTP_OK;
            answer = HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
    }

    if (apr_table_get(prev->subprocess_env, "REQGUARD_VIOLATION") == NULL) {
        return answer;
    }
    if (rg_violation_refusal(prev) != NULL) {
        /* The error page answers a refusal: nothing may cache it; and it
         * carries what clears the cookies of a 431 about them. */
        apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");
        rg_diag_recovery_headers(prev, rg_violation_refusal(prev),
                                 r->err_headers_out);
    }
    /* Carried over both as REDIRECT_* (as Apache does, but it copied
     * before this hook) and under their own names, so that
     * %{REQGUARD_VIOLATION}e logs the violation of a request answered by
     * an error page. */
    rg_error_carry(r->pool, prev->subprocess_env, r->subprocess_env, 1);
    return answer;
}

void rg_error_register_hooks(void)
{
    /* REALLY_FIRST: the status must be final before any other error filter
     * hook looks at it. */
    ap_hook_insert_error_filter(rg_error_insert, NULL, NULL,
                                APR_HOOK_REALLY_FIRST);
    /* Replaces the whole body of an error response: a content filter, so
     * it runs above the protocol filters (HTTP_HEADER, CONTENT_LENGTH,
     * chunking) that must see its headers and length; CONTENT_SET rather
     * than RESOURCE because ap_send_error_response drops the resource
     * filters, and an error response carries nothing to transform. */
    rg_error_filter_handle =
        ap_register_output_filter(RG_ERROR_FILTER, rg_error_filter, NULL,
                                  AP_FTYPE_CONTENT_SET);
}
