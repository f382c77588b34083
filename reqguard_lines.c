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

#include "reqguard_lines.h"

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
}

/* Keep the field name that starts a long line, if it has one.  The name
 * may span buckets: flatten a copy of the start of the line. */
static void rg_lines_keep_name(rg_lines_t *ctx, apr_bucket_brigade *bb)
{
    char start[RG_FIELD_NAME_MAX + 2];
    apr_size_t len = sizeof(start) - 1, i;

    ctx->long_name[0] = '\0';
    if (apr_brigade_flatten(bb, start, &len) != APR_SUCCESS) {
        return;
    }
    for (i = 0; i < len && i <= RG_FIELD_NAME_MAX && start[i] != ':'; i++) {
        /* find the colon */
    }
    if (i == 0 || i == len || i > RG_FIELD_NAME_MAX || start[i] != ':') {
        return;     /* no "name:" here: the request line, a folded line */
    }
    memcpy(ctx->long_name, start, i);
    ctx->long_name[i] = '\0';
    if (!rg_field_name_valid(ctx->long_name)) {
        ctx->long_name[0] = '\0';
    }
}

/* 1 when the data in bb ends a line (its last byte is a line feed). */
static int rg_lines_ends_line(apr_bucket_brigade *bb)
{
    apr_bucket *b = APR_BRIGADE_LAST(bb);
    const char *data;
    apr_size_t len;

    while (b != APR_BRIGADE_SENTINEL(bb) && b->length == 0) {
        b = APR_BUCKET_PREV(b);
    }
    if (b == APR_BRIGADE_SENTINEL(bb)
        || apr_bucket_read(b, &data, &len, APR_NONBLOCK_READ) != APR_SUCCESS
        || len == 0) {
        return 0;
    }
    return data[len - 1] == '\n';
}

/*
 * Several buckets, a long line or a piece of one, a non-blocking read: the
 * figures stop being a bound for this request.  A line longer than core
 * reads at once comes in pieces; its name is kept from the first piece and
 * its length added up, so that the remapped 431 can name a field over a
 * LimitRequestFieldSize above 8 KB too.
 */
static RG_COLD void rg_lines_slow(rg_lines_t *ctx, apr_bucket_brigade *bb,
                                  apr_read_type_e block)
{
    apr_bucket *b;
    apr_size_t len = 0;
    int ends;

    for (b = APR_BRIGADE_FIRST(bb); b != APR_BRIGADE_SENTINEL(bb);
         b = APR_BUCKET_NEXT(b)) {
        if (b->length == (apr_size_t)-1) {
            ctx->unsure = 1;
            ctx->in_long = 0;
            return;
        }
        len += b->length;
    }
    ends = rg_lines_ends_line(bb);
    if (ctx->in_long) {
        /* Another piece of the long line. */
        ctx->long_seen += (apr_off_t)len;
        ctx->in_long = !ends;
        return;
    }
    rg_lines_add(ctx, len);
    if (len >= ctx->whole || block == APR_NONBLOCK_READ) {
        ctx->unsure = 1;
    }
    if (len >= ctx->whole) {
        rg_lines_keep_name(ctx, bb);
        ctx->long_seen = (apr_off_t)len;
        ctx->in_long = !ends;
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
        ctx->unsure = ctx->in_long = 0;
        ctx->lines = ctx->bytes = ctx->longest = 0;
        ctx->fields = (apr_size_t)-1;
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
    if (len < ctx->whole && block == APR_BLOCK_READ && !ctx->unsure) {
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

    /* Core refuses a line (line end included) over the limit + 2, having
     * read past it: a long line that core accepted is not the one. */
    if (ctx == NULL || ctx->keepalives != r->connection->keepalives
        || ctx->long_name[0] == '\0'
        || ctx->long_seen <= (apr_off_t)ctx->fieldsize + 2) {
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
