/*
 * reqguard_headers.c - header field and request-target limits (431, 414),
 * and the remap of core's oversized-header 400 to 431.
 *
 * Module limits are checked in post_perdir_config: the earliest hook that
 * sees the merged per-directory configuration, .htaccess included, and one
 * that runs before authentication, so an oversized Cookie sent to a
 * password-protected directory gets 431, not 401.
 *
 * Core refuses a header block over LimitRequestFieldSize/LimitRequestFields
 * with a hard-coded 400 before any hook of ours sees the request.  The
 * remap turns that 400 into 431 where core sends it (insert_error_filter)
 * or, when ErrorDocument 400 is a local URL, in the error page request
 * (post_read_request).  A connection input filter remembers the name of the
 * last header line that was longer than LimitRequestFieldSize so that the
 * 431 can say which field it was.
 */
#include "reqguard_private.h"

#include <apr_strings.h>
#include <http_connection.h>
#include <http_core.h>
#include <http_protocol.h>
#include <http_request.h>
#include <mod_core.h>
#include <util_filter.h>

#include "reqguard_config.h"
#include "reqguard_headers.h"
#include "reqguard_violation.h"

/* The error-notes core sets for the two header rejections we remap. */
#define RG_CORE_NOTE_SIZE   "Size of a request header field exceeds"
#define RG_CORE_NOTE_FIELDS "The number of request header fields exceeds"

#define RG_STATUS_LINE_431 "431 Request Header Fields Too Large"

/* ---- module limits ---------------------------------------------------- */

/* Record a violation and say what to answer: the status, or OK for
 * ReportOnly (the request goes on). */
static int rg_headers_refuse(request_rec *r, rg_mode_e mode, rg_kind_e kind,
                             const char *field, apr_off_t observed,
                             apr_int64_t limit)
{
    int blocked = (mode == RG_MODE_ON);

    rg_violation_record(r, kind, field, observed, limit, NULL, blocked);
    if (!blocked) {
        return OK;
    }
    /* 414 always closes (ap_status_drops_connection); a 431 keeps the
     * connection only when no request body is left unread on it. */
    if (apr_table_get(r->headers_in, "Transfer-Encoding")
        || apr_table_get(r->headers_in, "Content-Length")) {
        r->connection->keepalive = AP_CONN_CLOSE;
    }
    return rg_kind_status(kind);
}

/*
 * Field sizes: "name: value" for one field, the sum of "name: value\r\n"
 * for the block.  Fields as Apache presents them: repeated names already
 * combined into one.  Returns OK when nothing is refused.
 */
static int rg_check_fields(request_rec *r, const rg_dir_conf *d,
                           const rg_srv_conf *s, rg_mode_e mode)
{
    const apr_array_header_t *elts = apr_table_elts(r->headers_in);
    const apr_table_entry_t *e = (const apr_table_entry_t *)elts->elts;
    apr_int64_t max_fields = rg_conf_limit(d, s, RG_LIM_FIELDS);
    apr_int64_t max_field = rg_conf_limit(d, s, RG_LIM_FIELD_SIZE);
    apr_int64_t max_block = rg_conf_limit(d, s, RG_LIM_HEADER_SIZE);
    apr_int64_t ceiling = s->ceiling[RG_LIM_FIELD_SIZE];
    const rg_field_table_t *named = d->field_limits;
    apr_off_t block = 0;
    int i, rc;

    if (max_fields > 0 && elts->nelts > max_fields) {
        rc = rg_headers_refuse(r, mode, RG_KIND_FIELDS, NULL, elts->nelts,
                               max_fields);
        if (rc != OK) {
            return rc;
        }
    }
    if (max_field == 0 && max_block == 0 && named == NULL) {
        return OK;
    }
    for (i = 0; i < elts->nelts; i++) {
        apr_size_t klen, vlen;
        apr_off_t size;
        apr_int64_t limit = max_field;

        if (e[i].key == NULL) {
            continue;
        }
        klen = strlen(e[i].key);
        vlen = e[i].val ? strlen(e[i].val) : 0;
        size = (apr_off_t)(klen + 2 + vlen);
        block += size + 2;
        if (named != NULL) {
            apr_off_t own = rg_fields_lookup(named, e[i].key, klen);

            if (own >= 0) {
                /* A per-name limit replaces MaxFieldSize for that name,
                 * under the same ceiling. */
                limit = own;
                if (ceiling > 0 && (limit == 0 || limit > ceiling)) {
                    limit = ceiling;
                }
            }
        }
        if (limit > 0 && size > limit) {
            rc = rg_headers_refuse(r, mode, RG_KIND_FIELD_SIZE, e[i].key,
                                   size, limit);
            if (rc != OK) {
                return rc;
            }
        }
    }
    if (max_block > 0 && block > max_block) {
        return rg_headers_refuse(r, mode, RG_KIND_HEADER_SIZE, NULL, block,
                                 max_block);
    }
    return OK;
}

static int rg_headers_check(request_rec *r)
{
    const rg_dir_conf *d;
    const rg_srv_conf *s;
    rg_mode_e mode;
    apr_int64_t limit;
    int rc;

    /* Once per request: not for subrequests, not for internal redirects
     * (error documents included). */
    if (r->main != NULL || r->prev != NULL) {
        return DECLINED;
    }
    d = RG_DIR_CONF(r);
    mode = rg_conf_mode(d);
    if (mode == RG_MODE_OFF) {
        return DECLINED;
    }
    s = RG_SRV_CONF(r->server);

    limit = rg_conf_limit(d, s, RG_LIM_URI);
    if (limit > 0 && r->unparsed_uri != NULL) {
        apr_off_t len = (apr_off_t)strlen(r->unparsed_uri);

        if (len > limit) {
            rc = rg_headers_refuse(r, mode, RG_KIND_URI, NULL, len, limit);
            if (rc != OK) {
                return rc;
            }
        }
    }
    limit = rg_conf_limit(d, s, RG_LIM_QUERY);
    if (limit > 0 && r->args != NULL) {
        apr_off_t len = (apr_off_t)strlen(r->args);

        if (len > limit) {
            rc = rg_headers_refuse(r, mode, RG_KIND_QUERY, NULL, len, limit);
            if (rc != OK) {
                return rc;
            }
        }
    }
    rc = rg_check_fields(r, d, s, mode);
    return rc == OK ? DECLINED : rc;
}

/* ---- core's 400 -> 431 ------------------------------------------------ */

/* Per connection: the name of the last header line longer than
 * LimitRequestFieldSize, and the request it was seen in. */
typedef struct {
    apr_size_t limit;       /* LimitRequestFieldSize of the address */
    int keepalives;
    apr_off_t seen;         /* bytes of that line core read */
    char name[RG_FIELD_SHOWN_MAX + 1];
} rg_longline_t;

static ap_filter_rec_t *rg_longline_filter;

/* Keep the field name of a line that starts the chunk, if it has one. */
static void rg_longline_keep(rg_longline_t *ctx, conn_rec *c,
                             apr_bucket_brigade *bb, apr_size_t seen)
{
    apr_bucket *b = APR_BRIGADE_FIRST(bb);
    const char *data;
    apr_size_t len, i;

    ctx->name[0] = '\0';
    if (b == APR_BRIGADE_SENTINEL(bb)
        || apr_bucket_read(b, &data, &len, APR_NONBLOCK_READ)
           != APR_SUCCESS) {
        return;
    }
    for (i = 0; i < len && i < RG_FIELD_SHOWN_MAX; i++) {
        if (data[i] == ':') {
            break;
        }
    }
    if (i == 0 || i == len || data[i] != ':') {
        return;     /* no "name:" here (the request line, a folded line) */
    }
    memcpy(ctx->name, data, i);
    ctx->name[i] = '\0';
    if (!rg_field_name_valid(ctx->name)) {
        ctx->name[0] = '\0';
        return;
    }
    ctx->keepalives = c->keepalives;
    ctx->seen = (apr_off_t)seen;
}

/*
 * Header lines are read in GETLINE mode, one line (or 8 KB of a longer one)
 * per call, nearly always as a single bucket.  Only a chunk at least as
 * long as the limit is looked at, so a normal line costs two tests.
 */
static apr_status_t rg_longline_in(ap_filter_t *f, apr_bucket_brigade *bb,
                                   ap_input_mode_t mode,
                                   apr_read_type_e block, apr_off_t readbytes)
{
    apr_status_t rv = ap_get_brigade(f->next, bb, mode, block, readbytes);
    rg_longline_t *ctx;
    apr_bucket *b;
    apr_size_t len;

    if (mode != AP_MODE_GETLINE || rv != APR_SUCCESS || APR_BRIGADE_EMPTY(bb)) {
        return rv;
    }
    ctx = f->ctx;
    b = APR_BRIGADE_FIRST(bb);
    if (b->length < ctx->limit && APR_BUCKET_NEXT(b) == APR_BRIGADE_SENTINEL(bb)) {
        return rv;
    }
    for (len = 0; b != APR_BRIGADE_SENTINEL(bb); b = APR_BUCKET_NEXT(b)) {
        len += b->length;
    }
    if (len >= ctx->limit) {
        rg_longline_keep(ctx, f->c, bb, len);
    }
    return rv;
}

static int rg_headers_pre_connection(conn_rec *c, void *csd)
{
    const rg_srv_conf *s = RG_SRV_CONF(c->base_server);
    rg_longline_t *ctx;

    (void)csd;
    /* HTTP/2 streams (secondary connections) are mod_http2's to answer. */
    if (c->master != NULL || !rg_conf_remap431(s)) {
        return OK;
    }
    ctx = apr_pcalloc(c->pool, sizeof(*ctx));
    ctx->keepalives = -1;
    ctx->limit = (apr_size_t)c->base_server->limit_req_fieldsize;
    ap_add_input_filter_handle(rg_longline_filter, ctx, NULL, c);
    /* Also kept here: core drops the input filters of a request whose
     * headers it refuses, before the remap asks for the name. */
    ap_set_module_config(c->conn_config, &reqguard_module, ctx);
    return OK;
}

/* The long line core refused, if the filter saw it in this request. */
static const rg_longline_t *rg_longline_get(request_rec *r)
{
    const rg_longline_t *ctx =
        ap_get_module_config(r->connection->conn_config, &reqguard_module);

    if (ctx != NULL && ctx->keepalives == r->connection->keepalives
        && ctx->name[0] != '\0') {
        return ctx;
    }
    return NULL;
}

/* Which core rejection r (status 400) carries, or RG_KIND_NONE. */
static rg_kind_e rg_core_kind(const request_rec *r)
{
    const char *note;

    if (r->status != HTTP_BAD_REQUEST || r->proto_num >= 2000) {
        return RG_KIND_NONE;
    }
    note = apr_table_get(r->notes, "error-notes");
    if (note == NULL) {
        return RG_KIND_NONE;
    }
    if (!strncmp(note, RG_CORE_NOTE_SIZE, sizeof(RG_CORE_NOTE_SIZE) - 1)) {
        return RG_KIND_CORE_FIELD_SIZE;
    }
    if (!strncmp(note, RG_CORE_NOTE_FIELDS,
                 sizeof(RG_CORE_NOTE_FIELDS) - 1)) {
        return RG_KIND_CORE_FIELDS;
    }
    return RG_KIND_NONE;
}

/* Record the core rejection on r; returns 1 when it is to be answered with
 * 431, 0 when the 400 stays (Remap431 Off, ReqGuard Off or ReportOnly). */
static int rg_core_remap(request_rec *r, rg_kind_e kind)
{
    const rg_srv_conf *s = RG_SRV_CONF(r->server);
    rg_mode_e mode = rg_conf_mode(RG_DIR_CONF(r));
    apr_int64_t limit;
    apr_off_t observed;
    const char *field = NULL;

    if (!rg_conf_remap431(s) || mode == RG_MODE_OFF) {
        return 0;
    }
    if (kind == RG_KIND_CORE_FIELD_SIZE) {
        const rg_longline_t *line = rg_longline_get(r);

        limit = r->server->limit_req_fieldsize;
        /* What core read of the line (it stops early), or unknown: a
         * field that grew too long by folding or merging. */
        observed = line ? line->seen : -1;
        field = line ? line->name : NULL;
    }
    else {
        limit = r->server->limit_req_fields;
        observed = limit + 1;   /* core stops counting at one over */
    }
    rg_violation_record(r, kind, field, observed, limit, NULL,
                        mode == RG_MODE_ON);
    return mode == RG_MODE_ON;
}

static void rg_set_431(request_rec *r)
{
    r->status = HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE;
    r->status_line = RG_STATUS_LINE_431;
    r->connection->keepalive = AP_CONN_CLOSE;
}

/* Swallows what core still writes for a request whose response was sent
 * by the ErrorDocument 431 page instead. */
static ap_filter_rec_t *rg_discard_filter;

static apr_status_t rg_discard_out(ap_filter_t *f, apr_bucket_brigade *bb)
{
    (void)f;
    apr_brigade_cleanup(bb);
    return APR_SUCCESS;
}

/*
 * core's 400 on its way out through ap_send_error_response (no local
 * ErrorDocument 400): answer 431 instead.  Core picks the body of the 400
 * it saved, so an admin's ErrorDocument 431 is applied here: a string is
 * handed to core as the 400's custom response; a local URL is served by an
 * internal redirect, and what core writes afterwards is discarded.
 */
static void rg_headers_insert_error(request_rec *r)
{
    rg_kind_e kind = rg_core_kind(r);
    const char *doc;

    if (kind == RG_KIND_NONE || r->prev != NULL || r->main != NULL
        || !rg_core_remap(r, kind)) {
        return;
    }
    rg_set_431(r);
    doc = ap_response_code_string(r, ap_index_of_response(
                                         HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE));
    if (doc == NULL) {
        return;
    }
    if (doc[0] == '"') {
        ap_custom_response(r, HTTP_BAD_REQUEST, doc + 1);
    }
    else if (doc[0] == '/') {
        apr_table_setn(r->subprocess_env, "REQUEST_METHOD", r->method);
        r->method = "GET";
        r->method_number = M_GET;
        ap_internal_redirect(doc, r);
        ap_add_output_filter_handle(rg_discard_filter, NULL, r,
                                    r->connection);
    }
}

/*
 * An internal redirect (ErrorDocument URL) from a request with a violation.
 * For core's 400 with ErrorDocument 400 /local/url, core redirects before
 * our error hook runs, so the error page request is the one to answer with
 * 431.  The REQGUARD_* variables are carried over both as REDIRECT_* (as
 * Apache does, but it copied before this hook) and under their own names,
 * so that %{REQGUARD_VIOLATION}e logs the violation of a request answered
 * by an error page.
 */
static int rg_headers_post_read(request_rec *r)
{
    request_rec *prev = r->prev;
    const apr_array_header_t *arr;
    const apr_table_entry_t *e;
    int i;

    if (prev == NULL || r->main != NULL) {
        return DECLINED;
    }
    if (prev->prev == NULL) {
        rg_kind_e kind = rg_core_kind(prev);

        if (kind != RG_KIND_NONE && rg_core_remap(prev, kind)) {
            rg_set_431(prev);
            rg_set_431(r);
            apr_table_setn(r->subprocess_env, "REDIRECT_STATUS", "431");
        }
    }
    if (rg_violation_get(prev) == NULL) {
        return DECLINED;
    }
    arr = apr_table_elts(prev->subprocess_env);
    e = (const apr_table_entry_t *)arr->elts;
    for (i = 0; i < arr->nelts; i++) {
        if (e[i].key && !strncmp(e[i].key, "REQGUARD_", 9)) {
            apr_table_setn(r->subprocess_env, e[i].key, e[i].val);
            apr_table_setn(r->subprocess_env,
                           apr_pstrcat(r->pool, "REDIRECT_", e[i].key, NULL),
                           e[i].val);
        }
    }
    return DECLINED;
}

void rg_headers_register_hooks(void)
{
    /* FIRST: refuse on headers before other post_perdir_config work, and
     * before the body checks in the same hook. */
    ap_hook_post_perdir_config(rg_headers_check, NULL, NULL, APR_HOOK_FIRST);
    ap_hook_pre_connection(rg_headers_pre_connection, NULL, NULL,
                           APR_HOOK_MIDDLE);
    /* REALLY_FIRST: the status must be 431 before any other error filter
     * (our diagnostic body included) looks at it. */
    ap_hook_insert_error_filter(rg_headers_insert_error, NULL, NULL,
                                APR_HOOK_REALLY_FIRST);
    ap_hook_post_read_request(rg_headers_post_read, NULL, NULL,
                              APR_HOOK_REALLY_FIRST);
    /* Connection level, above mod_ssl: it sees header lines in clear. */
    rg_longline_filter = ap_register_input_filter(
        "REQGUARD_LONGLINE", rg_longline_in, NULL, AP_FTYPE_CONNECTION);
    /* Before HTTP_HEADER: nothing of the swallowed response goes out. */
    rg_discard_filter = ap_register_output_filter(
        "REQGUARD_DISCARD", rg_discard_out, NULL, AP_FTYPE_CONTENT_SET);
}
