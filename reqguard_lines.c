/*
 * reqguard_lines.c - a connection input filter that watches the header
 * lines core reads: counts and sizes as bounds for the field limits, and
 * the name of an over-long line for the remapped 431.
 *
 * It runs for every header line of every HTTP/1 request, so its common path
 * is a handful of instructions: one bucket, shorter than a whole line can
 * be, add it up.  Everything else goes to an out-of-line slow path.
 */
#include "reqguard_private.h"

#include <http_connection.h>
#include <util_filter.h>

#include "reqguard_fields.h"
#include "reqguard_lines.h"

#if defined(__GNUC__)
#define RG_COLD __attribute__((noinline, cold))
#else
#define RG_COLD
#endif

/* core reads a line in GETLINE mode in chunks of at most this much. */
#define RG_GETLINE_CHUNK 8192

static ap_filter_rec_t *rg_lines_filter;

static void rg_lines_add(rg_lines_t *ctx, apr_size_t len)
{
    ctx->lines++;
    ctx->bytes += len;
    if (len > ctx->longest) {
        ctx->longest = len;
    }
    if (len <= 2) {
        ctx->blanks++;
    }
}

/* Keep the field name that starts a long line, if it has one. */
static void rg_lines_keep_name(rg_lines_t *ctx, apr_bucket_brigade *bb,
                               apr_size_t seen)
{
    apr_bucket *b = APR_BRIGADE_FIRST(bb);
    const char *data;
    apr_size_t len, i;

    ctx->long_name[0] = '\0';
    if (apr_bucket_read(b, &data, &len, APR_NONBLOCK_READ) != APR_SUCCESS) {
        return;
    }
    for (i = 0; i < len && i < RG_FIELD_SHOWN_MAX && data[i] != ':'; i++) {
        /* find the colon */
    }
    if (i == 0 || i == len || data[i] != ':') {
        return;     /* no "name:" here: the request line, a folded line */
    }
    memcpy(ctx->long_name, data, i);
    ctx->long_name[i] = '\0';
    if (!rg_field_name_valid(ctx->long_name)) {
        ctx->long_name[0] = '\0';
        return;
    }
    ctx->long_seen = (apr_off_t)seen;
}

/* Several buckets, a long line, a non-blocking read. */
static RG_COLD void rg_lines_slow(rg_lines_t *ctx, apr_bucket_brigade *bb,
                                  apr_read_type_e block)
{
    apr_bucket *b;
    apr_size_t len = 0;

    for (b = APR_BRIGADE_FIRST(bb); b != APR_BRIGADE_SENTINEL(bb);
         b = APR_BUCKET_NEXT(b)) {
        if (b->length == (apr_size_t)-1) {
            ctx->unsure = 1;
            return;
        }
        len += b->length;
    }
    rg_lines_add(ctx, len);
    if (len >= ctx->whole || block == APR_NONBLOCK_READ) {
        ctx->unsure = 1;
    }
    if (len >= ctx->fieldsize && !APR_BRIGADE_EMPTY(bb)) {
        rg_lines_keep_name(ctx, bb, len);
    }
}

static apr_status_t rg_lines_in(ap_filter_t *f, apr_bucket_brigade *bb,
                                ap_input_mode_t mode, apr_read_type_e block,
                                apr_off_t readbytes)
{
    rg_lines_t *ctx = f->ctx;
    apr_status_t rv;
    const apr_bucket *b, *next;
    apr_size_t len;

    if (mode != AP_MODE_GETLINE) {
        return ap_get_brigade(f->next, bb, mode, block, readbytes);
    }
    rv = ap_get_brigade(f->next, bb, mode, block, readbytes);
    if (rv != APR_SUCCESS || APR_BRIGADE_EMPTY(bb)) {
        return rv;
    }
    if (ctx->keepalives != f->c->keepalives) {
        /* The first line of a new request. */
        ctx->keepalives = f->c->keepalives;
        ctx->unsure = 0;
        ctx->lines = ctx->blanks = ctx->bytes = ctx->longest = 0;
        ctx->long_name[0] = '\0';
    }
    /* One bucket, or two: a line after a keep-alive check often comes as
     * the byte that check read plus the rest. */
    b = APR_BRIGADE_FIRST(bb);
    len = b->length;
    next = APR_BUCKET_NEXT(b);
    if (next != APR_BRIGADE_SENTINEL(bb) && len < ctx->whole) {
        if (APR_BUCKET_NEXT(next) != APR_BRIGADE_SENTINEL(bb)
            || next->length >= ctx->whole) {
            rg_lines_slow(ctx, bb, block);
            return rv;
        }
        len += next->length;
    }
    if (len < ctx->whole && block == APR_BLOCK_READ) {
        rg_lines_add(ctx, len);
    }
    else {
        rg_lines_slow(ctx, bb, block);
    }
    return rv;
}

static int rg_lines_pre_connection(conn_rec *c, void *csd)
{
    rg_lines_t *ctx;

    (void)csd;
    /* HTTP/2 streams (secondary connections) get their fields from
     * mod_http2, not from lines. */
    if (c->master != NULL) {
        return OK;
    }
    ctx = apr_pcalloc(c->pool, sizeof(*ctx));
    ctx->keepalives = -1;
    ctx->fieldsize = (apr_size_t)c->base_server->limit_req_fieldsize;
    /* Shorter than the limit and than a GETLINE chunk: core read it whole
     * and accepted it. */
    ctx->whole = ctx->fieldsize < RG_GETLINE_CHUNK ? ctx->fieldsize
                                                   : RG_GETLINE_CHUNK - 1;
    ap_add_input_filter_handle(rg_lines_filter, ctx, NULL, c);
    /* Also kept here: core drops the input filters of a request whose
     * headers it refuses, before the remap asks for the name. */
    ap_set_module_config(c->conn_config, &reqguard_module, ctx);
    return OK;
}

const rg_lines_t *rg_lines_long(const request_rec *r)
{
    const rg_lines_t *ctx =
        ap_get_module_config(r->connection->conn_config, &reqguard_module);

    if (ctx == NULL || ctx->keepalives != r->connection->keepalives
        || ctx->long_name[0] == '\0') {
        return NULL;
    }
    return ctx;
}

void rg_lines_register_hooks(void)
{
    ap_hook_pre_connection(rg_lines_pre_connection, NULL, NULL,
                           APR_HOOK_MIDDLE);
    /* Connection level, above mod_ssl: it sees header lines in clear. */
    rg_lines_filter = ap_register_input_filter(
        "REQGUARD_LINES", rg_lines_in, NULL, AP_FTYPE_CONNECTION);
}
