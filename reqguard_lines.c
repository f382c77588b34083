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

#include <strings.h>
#include <http_connection.h>
#include <http_protocol.h>
#include <util_filter.h>

#include "reqguard_error.h"
#include "reqguard_lines.h"

/* core reads a line in GETLINE mode in chunks of at most this much. */
#define RG_GETLINE_CHUNK 8192

static ap_filter_rec_t *rg_lines_filter;

static APR_INLINE void rg_lines_add(rg_lines_t *ctx, apr_size_t len)
{
    ctx->lines++;
    ctx->bytes += len;
    if (len > ctx->longest) {
        ctx->longest = len;
    }
}

/* Bytes looked back for the line before a long one. */
#define RG_LINES_LOOKBACK 1024

/*
 * A field core never stored: core stores a field only once it has read
 * the next line, so the line right before a line core refuses never
 * reaches headers_in.  Where the long line starts in a heap bucket that
 * also holds the line before it (one socket read on a plain connection),
 * that line ends right before the bucket's start, and starts after the
 * line feed before it.  The bytes looked at are the bucket's own buffer,
 * read from this connection.
 */
int rg_lines_field_before(apr_bucket_brigade *bb, const char *name,
                          char *value, apr_size_t max)
{
    const apr_bucket *b = APR_BRIGADE_FIRST(bb);
    apr_size_t klen = strlen(name), n, i, end;
    const char *base, *line, *stop;

    value[0] = '\0';
    if (b == APR_BRIGADE_SENTINEL(bb) || !APR_BUCKET_IS_HEAP(b)
        || b->start <= (apr_off_t)klen + 1) {
        return 0;
    }
    base = ((const apr_bucket_heap *)b->data)->base;
    line = base + b->start - 1;             /* the line feed ending it */
    if (*line != '\n') {
        return 0;
    }
    stop = b->start > RG_LINES_LOOKBACK ? line - RG_LINES_LOOKBACK : base;
    while (line > stop && line[-1] != '\n') {
        line--;
    }
    /* The line before must start inside the buffer, after a line feed. */
    if (line == base || line[-1] != '\n') {
        return 0;
    }
    n = (apr_size_t)(base + b->start - line);
    if (n <= klen + 1 || strncasecmp(line, name, klen) != 0
        || line[klen] != ':') {
        return 0;
    }
    end = n - 1;
    if (line[end - 1] == '\r') {
        end--;
    }
    for (i = klen + 1; i < end && (line[i] == ' ' || line[i] == '\t'); i++) {
        /* skip the blanks before the value */
    }
    if (end - i > max) {
        end = i + max;
    }
    memcpy(value, line + i, end - i);
    value[end - i] = '\0';
    return 1;
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
 * Several buckets (a line after a keep-alive check often comes as the
 * byte that check read plus the rest), a long line or a piece of one, a
 * non-blocking read.  A long line or a non-blocking read ends the figures'
 * use as a bound for this request.  A line longer than core
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
            ctx->fast = 0;
            ctx->in_long = 0;
            return;
        }
        len += b->length;
    }
    ends = rg_lines_ends_line(bb);
    /* The error path keeps what it needs of a long line. */
    rg_error_watch_line(ctx, bb, len);
    if (ctx->in_long) {
        /* Another piece of the long line. */
        ctx->long_seen += (apr_off_t)len;
        ctx->in_long = !ends;
        return;
    }
    if (len >= ctx->whole) {
        rg_lines_field_before(bb, "Accept", ctx->accept,
                              RG_LINES_ACCEPT_MAX);
        rg_lines_keep_name(ctx, bb);
        ctx->long_seen = (apr_off_t)len;
        ctx->in_long = !ends;
    }
    rg_lines_add(ctx, len);
    if (len >= ctx->whole || block == APR_NONBLOCK_READ) {
        ctx->fast = 0;          /* a line in pieces: the figures no bound */
    }
}

/* A non-blocking GETLINE read (a keep-alive check) may return part of a
 * line: never part of the figures' fast path. */
static RG_COLD apr_status_t rg_lines_nonblock(ap_filter_t *f,
                                              apr_bucket_brigade *bb,
                                              apr_off_t readbytes)
{
    apr_status_t rv = ap_get_brigade(f->next, bb, AP_MODE_GETLINE,
                                     APR_NONBLOCK_READ, readbytes);

    if (rv == APR_SUCCESS && !APR_BRIGADE_EMPTY(bb)) {
        rg_lines_slow(f->ctx, bb, APR_NONBLOCK_READ);
    }
    return rv;
}

/* A READBYTES read on a connection on which no request has started is
 * HTTP/2 taking it over (mod_http2 reads frames, never lines): the
 * watcher leaves the connection's chain. */
static RG_COLD void rg_lines_leave(ap_filter_t *f)
{
    ap_log_cerror(APLOG_MARK, APLOG_TRACE1, 0, f->c,
                  "RG00301: no header lines on this connection");
    ap_remove_input_filter(f);
}

/*
 * The common case first, in as few instructions as a filter can take: a
 * blocking GETLINE read that brought one bucket shorter than a whole line
 * can be; then a line after a keep-alive check, which comes as the byte
 * that check read and the rest.
 */
static apr_status_t rg_lines_in(ap_filter_t *f, apr_bucket_brigade *bb,
                                ap_input_mode_t mode, apr_read_type_e block,
                                apr_off_t readbytes)
{
    rg_lines_t *ctx;
    const apr_bucket *b;
    apr_status_t rv;

    if (mode != AP_MODE_GETLINE) {
        if (mode == AP_MODE_READBYTES
            && !((const rg_lines_t *)f->ctx)->requests) {
            rg_lines_leave(f);
        }
        return ap_get_brigade(f->next, bb, mode, block, readbytes);
    }
    if (block != APR_BLOCK_READ) {
        return rg_lines_nonblock(f, bb, readbytes);
    }
    rv = ap_get_brigade(f->next, bb, AP_MODE_GETLINE, APR_BLOCK_READ,
                        readbytes);
    b = APR_BRIGADE_FIRST(bb);
    if (rv != APR_SUCCESS || b == APR_BRIGADE_SENTINEL(bb)) {
        return rv;
    }
    ctx = f->ctx;
    if (b->length < ctx->fast) {
        const apr_bucket *next = APR_BUCKET_NEXT(b);

        if (next == APR_BRIGADE_SENTINEL(bb)) {
            rg_lines_add(ctx, b->length);
            return rv;
        }
        if (APR_BUCKET_NEXT(next) == APR_BRIGADE_SENTINEL(bb)
            && next->length < ctx->fast
            && b->length + next->length < ctx->fast) {
            rg_lines_add(ctx, b->length + next->length);
            return rv;
        }
    }
    rg_lines_slow(ctx, bb, APR_BLOCK_READ);
    return rv;
}

/*
 * process_connection, first: the filter goes on connections a client made
 * (HTTP/1), not on mod_proxy's backend connections, which run
 * pre_connection too, nor on HTTP/2 streams (secondary connections), whose
 * fields mod_http2 builds without lines.  The event MPM runs this hook
 * again each time a kept-alive connection wakes up: once is enough.
 */
static int rg_lines_process_connection(conn_rec *c)
{
    rg_lines_t *ctx;

    if (c->master != NULL
        || ap_get_module_config(c->conn_config, &reqguard_module) != NULL) {
        return DECLINED;
    }
    ctx = apr_pcalloc(c->pool, sizeof(*ctx));
    ctx->fieldsize = (apr_size_t)c->base_server->limit_req_fieldsize;
    /* Shorter than the limit and than a GETLINE chunk: core read it whole
     * and accepted it. */
    ctx->whole = ctx->fieldsize < RG_GETLINE_CHUNK ? ctx->fieldsize
                                                   : RG_GETLINE_CHUNK - 1;
    ctx->fast = ctx->whole;
    ctx->fields = (apr_size_t)-1;
    ap_add_input_filter_handle(rg_lines_filter, ctx, NULL, c);
    ap_log_cerror(APLOG_MARK, APLOG_TRACE1, 0, c,
                  "RG00300: watching the header lines of this connection");
    /* Also kept here: core drops the input filters of a request whose
     * headers it refuses, before the remap asks for the name. */
    ap_set_module_config(c->conn_config, &reqguard_module, ctx);
    return DECLINED;
}

/* pre_read_request: a new request starts; the lines of the one before
 * (and any chunk-size or trailer lines its body had) are forgotten. */
static void rg_lines_pre_read(request_rec *r, conn_rec *c)
{
    rg_lines_t *ctx = ap_get_module_config(c->conn_config, &reqguard_module);

    (void)r;
    if (ctx != NULL) {
        ctx->fast = ctx->whole;
        ctx->requests = 1;
        ctx->in_long = 0;
        ctx->lines = ctx->bytes = ctx->longest = 0;
        ctx->fields = (apr_size_t)-1;
        ctx->target = NULL;
        ctx->long_name[0] = '\0';
        ctx->accept[0] = '\0';
    }
}

const rg_lines_t *rg_lines_long(const request_rec *r)
{
    const rg_lines_t *ctx =
        ap_get_module_config(r->connection->conn_config, &reqguard_module);

    /* Core refuses a line (line end included) over the limit + 2, having
     * read past it: a long line that core accepted is not the one. */
    if (ctx == NULL || ctx->long_name[0] == '\0'
        || ctx->long_seen <= (apr_off_t)ctx->fieldsize + 2) {
        return NULL;
    }
    return ctx;
}

const char *rg_lines_accept(const request_rec *r)
{
    const rg_lines_t *ctx =
        ap_get_module_config(r->connection->conn_config, &reqguard_module);

    return ctx != NULL && ctx->accept[0] != '\0' ? ctx->accept : NULL;
}

void rg_lines_register_hooks(void)
{
    ap_hook_process_connection(rg_lines_process_connection, NULL, NULL,
                               APR_HOOK_FIRST);
    ap_hook_pre_read_request(rg_lines_pre_read, NULL, NULL, APR_HOOK_MIDDLE);
    /* Connection level, above mod_ssl: it sees header lines in clear. */
    rg_lines_filter = ap_register_input_filter(
        "REQGUARD_LINES", rg_lines_in, NULL, AP_FTYPE_CONNECTION);
}
