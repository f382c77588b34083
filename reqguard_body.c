/*
 * reqguard_body.c - the body guard: ReqGuardMaxBody (413),
 * ReqGuardRequireLength (411), ReqGuardBodyTimeout and ReqGuardBodyMinRate
 * (408).
 *
 * A body is judged in two places:
 *
 *  - rg_body_check(), run in post_perdir_config: the first hook that sees
 *    the merged .htaccess configuration, and it runs before header_parser,
 *    authentication and the fixups in which other modules (mod_security2)
 *    read the body.  A declared Content-Length over the limit is answered
 *    413, a chunked body where a length is required 411, before a single
 *    body byte is read and before any 100 Continue goes out.
 *
 *  - the REQGUARD_BODY input filter, added by that same hook when a body
 *    limit or timeout applies to a request that has a body.  It sums the
 *    lengths of the de-chunked buckets that pass through it (never copying
 *    or holding them), and bounds each blocking read with a socket timeout
 *    set for the duration of the read.  It refuses like HTTP_IN does: an
 *    error bucket and EOS down the output filters, Connection: close, and
 *    AP_FILTER_ERROR to the reader; ap_die() then applies ErrorDocument.
 *
 * When the reader has already sent the response head (mod_reflector, a
 * script that prints before it reads), the status can no longer change:
 * the filter then sends a 502 error bucket, which makes the chunked
 * response end without its last chunk, closes the connection, and logs
 * that the response was cut.  A timeout from below (mod_reqtimeout) on such
 * a response is cut the same way; before the head, the reader answers it
 * with 408 itself.
 */
#include "reqguard_private.h"

#include <string.h>
#include <apr_network_io.h>
#include <apr_poll.h>
#include <apr_file_io.h>
#include <http_core.h>
#include <http_protocol.h>
#include <http_request.h>
#include <util_filter.h>

#include "reqguard_config.h"
#include "reqguard_parse.h"
#include "reqguard_violation.h"
#include "reqguard_body.h"

/* A wait this close to the whole ReqGuardBodyTimeout counts as a stall. */
#define RG_STALL_TOLERANCE (APR_USEC_PER_SEC / 10)

/* A read that ends this close to the deadline ran into our timeout, not
 * into a shorter one of a filter below (mod_reqtimeout): poll() rounds the
 * socket timeout down to milliseconds. */
#define RG_BODY_SLACK   apr_time_from_msec(20)

/* Which limit the deadline of a read comes from. */
typedef enum {
    RG_DUE_NONE = 0,
    RG_DUE_STALL,                   /* ReqGuardBodyTimeout */
    RG_DUE_RATE                     /* ReqGuardBodyMinRate */
} rg_due_e;

/* The two guards of a body: the limits that refuse, and the limits that
 * only report (ReqGuard ReportOnly). */
enum { RG_GUARD_BLOCK = 0, RG_GUARD_REPORT = 1 };

/* One set of body limits. */
typedef struct {
    apr_off_t limit;                /* ReqGuardMaxBody, 0: none */
    apr_interval_time_t timeout;    /* ReqGuardBodyTimeout, 0: none */
    apr_interval_time_t grace;      /* before the min rate applies */
    apr_off_t min_rate;             /* ReqGuardBodyMinRate, 0: none */
    unsigned int limit_ceiling:1,   /* each of the three is a ceiling's */
                 timeout_ceiling:1,
                 rate_ceiling:1,
                 size_done:1,       /* size violation recorded */
                 time_done:1;       /* timeout violation recorded */
} rg_body_guard_t;

/* Per-request state of the filter, allocated only for a request with a
 * body that a limit applies to or that ReqGuardLearn counts; internal
 * redirects share it. */
typedef struct {
    rg_body_guard_t g[2];           /* [RG_GUARD_BLOCK], [RG_GUARD_REPORT] */
    apr_off_t seen;                 /* body bytes passed up so far */
    apr_time_t started;             /* first body read, 0: not yet */
    unsigned int step_aside:1,      /* body ended, or HTTP_IN refused it */
                 refused:1,         /* we refused: EOS from now on */
                 timed:1;           /* a guard has a timeout or a rate */
} rg_body_ctx;

static ap_filter_rec_t *rg_body_filter_handle;

/*
 * The moment by which the next read must have brought data under guard g:
 * now plus the timeout for the next byte, or the moment the average since
 * the first read falls below the minimum rate (never before the grace
 * period), whichever comes first.  Returns which one it is; RG_DUE_NONE
 * when neither applies.
 */
static rg_due_e rg_body_deadline(const rg_body_ctx *ctx,
                                 const rg_body_guard_t *g, apr_time_t now,
                                 apr_time_t *due)
{
    rg_due_e why = RG_DUE_NONE;

    if (g->time_done) {
        return RG_DUE_NONE;
    }
    if (g->timeout > 0) {
        *due = now + g->timeout;
        why = RG_DUE_STALL;
    }
    if (g->min_rate > 0) {
        /* seen / min_rate seconds after the start, in microseconds,
         * without overflowing (one division while seen is below 9 TB);
         * beyond ~31 years there is no deadline. */
        apr_off_t secs = ctx->seen / g->min_rate;
        apr_interval_time_t need;

        if (ctx->seen <= APR_INT64_MAX / APR_USEC_PER_SEC) {
            need = ctx->seen * APR_USEC_PER_SEC / g->min_rate;
            secs = 0;
        }
        else {
            need = apr_time_from_sec(secs);
            if (g->min_rate <= APR_INT64_MAX / APR_USEC_PER_SEC) {
                need += (ctx->seen % g->min_rate) * APR_USEC_PER_SEC
                        / g->min_rate;
            }
        }
        if (secs < APR_INT64_C(1000000000)) {
            if (need < g->grace) {
                need = g->grace;
            }
            if (why == RG_DUE_NONE || ctx->started + need < *due) {
                *due = ctx->started + need;
                why = RG_DUE_RATE;
            }
        }
    }
    return why;
}

/* Record a body violation under guard which. */
static void rg_body_record(request_rec *r, int which, rg_kind_e kind,
                           apr_off_t observed, apr_int64_t limit,
                           const char *directive, int ceiling)
{
    rg_violation_note(r, kind, NULL, observed, limit, directive, ceiling,
                      which == RG_GUARD_BLOCK);
}

/*
 * Refuse the body: status through an error bucket, the HTTP_IN way.  When
 * the response head is already out, the status cannot change any more; a
 * 502 error bucket then keeps the chunked response from ending cleanly, so
 * the client sees it was cut.  Either way the connection closes.
 */
static apr_status_t rg_body_refuse(ap_filter_t *f, rg_body_ctx *ctx,
                                   apr_bucket_brigade *bb, int status)
{
    request_rec *r = f->r;
    conn_rec *c = r->connection;
    apr_bucket_brigade *out;

    ctx->refused = 1;
    apr_brigade_cleanup(bb);
    c->keepalive = AP_CONN_CLOSE;
    if (r->sent_bodyct) {
        RG_LOG(APLOG_INFO, 0, r,
               "RG00101: response already started, cut it short "
               "instead of answering %d", status);
        status = HTTP_BAD_GATEWAY;
    }
    out = apr_brigade_create(r->pool, c->bucket_alloc);
    APR_BRIGADE_INSERT_TAIL(out, ap_bucket_error_create(status, NULL, r->pool,
                                                        c->bucket_alloc));
    APR_BRIGADE_INSERT_TAIL(out, apr_bucket_eos_create(c->bucket_alloc));
    /* The header filter answers the error (ap_die); what it returns is
     * already said by AP_FILTER_ERROR. */
    (void)ap_pass_brigade(r->output_filters, out);
    apr_brigade_cleanup(out);
    return AP_FILTER_ERROR;
}

/*
 * The body missed the deadline of guard which: record it once; refuse with
 * 408 under the blocking guard; the reporting guard lets the read go on
 * with the server's own timeouts.
 */
static apr_status_t rg_body_late(ap_filter_t *f, rg_body_ctx *ctx,
                                 apr_bucket_brigade *bb, int which,
                                 rg_due_e why, apr_time_t waited_since)
{
    rg_body_guard_t *g = &ctx->g[which];
    apr_time_t now = apr_time_now();

    g->time_done = 1;
    if (why == RG_DUE_RATE && g->timeout > 0
        && now - waited_since + RG_STALL_TOLERANCE >= g->timeout) {
        /* Nothing came for the whole timeout: report the stall, which is
         * what happened, rather than the rate it dragged down. */
        why = RG_DUE_STALL;
    }
    if (why == RG_DUE_RATE) {
        apr_interval_time_t spent = now - ctx->started;
        apr_off_t rate = 0;

        if (spent > 0) {
            rate = ctx->seen <= APR_INT64_MAX / APR_USEC_PER_SEC
                   ? ctx->seen * APR_USEC_PER_SEC / spent
                   : ctx->seen / (spent / APR_USEC_PER_SEC + 1);
        }
        rg_body_record(f->r, which, RG_KIND_BODY_TIMEOUT, rate, g->min_rate,
                       g->rate_ceiling ? "ReqGuardCeiling BodyMinRate"
                                       : "ReqGuardBodyMinRate",
                       g->rate_ceiling);
    }
    else {
        rg_body_record(f->r, which, RG_KIND_BODY_TIMEOUT,
                       apr_time_sec(now - waited_since
                                    + APR_USEC_PER_SEC / 2),
                       apr_time_sec(g->timeout),
                       rg_judge_limit_directive(RG_LIM_BODY_TIMEOUT,
                                                g->timeout_ceiling),
                       g->timeout_ceiling);
    }
    if (which != RG_GUARD_BLOCK) {
        return APR_SUCCESS;
    }
    /* A stalled client gets no long lingering close (as mod_reqtimeout). */
    apr_table_setn(f->r->connection->notes, "short-lingering-close", "1");
    return rg_body_refuse(f, ctx, bb, HTTP_REQUEST_TIME_OUT);
}

/* Add the lengths of the data buckets in bb to ctx->seen.  A bucket of
 * unknown length is read (which morphs it in place, no copy) to learn it. */
static apr_status_t rg_body_count(rg_body_ctx *ctx, apr_bucket_brigade *bb,
                                  apr_read_type_e block)
{
    apr_bucket *b;

    for (b = APR_BRIGADE_FIRST(bb);
         b != APR_BRIGADE_SENTINEL(bb);
         b = APR_BUCKET_NEXT(b)) {
        apr_size_t len;

        if (APR_BUCKET_IS_EOS(b)) {
            ctx->step_aside = 1;
            break;
        }
        if (APR_BUCKET_IS_METADATA(b)) {
            continue;
        }
        len = b->length;
        if (len == (apr_size_t)-1) {
            const char *data;
            apr_status_t rv = apr_bucket_read(b, &data, &len, block);

            if (rv != APR_SUCCESS) {
                return rv;
            }
        }
        if ((apr_uint64_t)len > (apr_uint64_t)(APR_INT64_MAX - ctx->seen)) {
            ctx->seen = APR_INT64_MAX;
        }
        else {
            ctx->seen += (apr_off_t)len;
        }
    }
    return APR_SUCCESS;
}

/* The size of the body so far against both guards: the blocking one
 * first, so that one crossing of a limit is one record. */
static apr_status_t rg_body_sized(ap_filter_t *f, rg_body_ctx *ctx,
                                  apr_bucket_brigade *bb)
{
    rg_body_guard_t *g = &ctx->g[RG_GUARD_BLOCK];
    rg_body_guard_t *rep = &ctx->g[RG_GUARD_REPORT];

    if (g->limit > 0 && ctx->seen > g->limit && !g->size_done) {
        g->size_done = rep->size_done = 1;
        rg_body_record(f->r, RG_GUARD_BLOCK, RG_KIND_BODY, ctx->seen,
                       g->limit,
                       rg_judge_limit_directive(RG_LIM_BODY, g->limit_ceiling),
                       g->limit_ceiling);
        return rg_body_refuse(f, ctx, bb, HTTP_REQUEST_ENTITY_TOO_LARGE);
    }
    if (rep->limit > 0 && ctx->seen > rep->limit && !rep->size_done) {
        rep->size_done = 1;
        rg_body_record(f->r, RG_GUARD_REPORT, RG_KIND_BODY, ctx->seen,
                       rep->limit,
                       rg_judge_limit_directive(RG_LIM_BODY,
                                                rep->limit_ceiling),
                       rep->limit_ceiling);
    }
    return APR_SUCCESS;
}

/*
 * An HTTP/2 stream has no socket: mod_http2 makes its reader wait on a
 * pipe, with H2StreamTimeout (or Timeout).  Set that pipe's timeout to
 * what is left before the deadline when it is shorter; the pipe, with its
 * timeout in *saved, or NULL when there is none to bound (httpd before
 * 2.4.58, or another protocol module's stream).
 */
static apr_file_t *rg_body_h2_bound(ap_filter_t *f, apr_interval_time_t left,
                                    apr_interval_time_t *saved)
{
#if AP_MODULE_MAGIC_AT_LEAST(20120211, 129)
    apr_pollfd_t pfd;
    apr_interval_time_t stream_timeout = -1;

    memset(&pfd, 0, sizeof(pfd));
    if (ap_get_pollfd_from_conn(f->c, &pfd, &stream_timeout) != APR_SUCCESS
        || pfd.desc_type != APR_POLL_FILE || pfd.desc.f == NULL
        || apr_file_pipe_timeout_get(pfd.desc.f, saved) != APR_SUCCESS
        || (*saved >= 0 && left >= *saved)) {
        return NULL;
    }
    if (apr_file_pipe_timeout_set(pfd.desc.f, left) != APR_SUCCESS) {
        RG_LOG(APLOG_ERR, 0, f->r,
               "RG00102: cannot set the body read timeout");
        return NULL;
    }
    return pfd.desc.f;
#else
    (void)f; (void)left; (void)saved;
    return NULL;
#endif
}

static apr_status_t rg_body_filter(ap_filter_t *f, apr_bucket_brigade *bb,
                                   ap_input_mode_t mode,
                                   apr_read_type_e block,
                                   apr_off_t readbytes)
{
    rg_body_ctx *ctx = f->ctx;
    conn_rec *c = f->c;
    apr_socket_t *sock = NULL;
    apr_file_t *pipe = NULL;
    apr_interval_time_t saved = 0;
    apr_time_t now = 0, due[2] = { 0, 0 };
    rg_due_e why[2] = { RG_DUE_NONE, RG_DUE_NONE };
    apr_status_t rv;
    int i;

    if (ctx->refused) {
        /* As HTTP_IN after its own refusal: a reader that comes back
         * finds the end of the body. */
        APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(c->bucket_alloc));
        return APR_SUCCESS;
    }
    /* Only reads that consume body bytes are counted and timed; a
     * speculative peek and the other modes pass untouched. */
    if (ctx->step_aside
        || (mode != AP_MODE_READBYTES && mode != AP_MODE_GETLINE)) {
        return ap_get_brigade(f->next, bb, mode, block, readbytes);
    }

    for (i = RG_GUARD_BLOCK; ctx->timed && i <= RG_GUARD_REPORT; i++) {
        if (ctx->g[i].time_done
            || (ctx->g[i].timeout == 0 && ctx->g[i].min_rate == 0)) {
            continue;
        }
        if (now == 0) {
            now = apr_time_now();
            if (ctx->started == 0) {
                ctx->started = now;
            }
        }
        why[i] = rg_body_deadline(ctx, &ctx->g[i], now, &due[i]);
        if (why[i] != RG_DUE_NONE && now >= due[i]) {
            rv = rg_body_late(f, ctx, bb, i, why[i], now);
            if (rv != APR_SUCCESS) {
                return rv;
            }
            why[i] = RG_DUE_NONE;
        }
    }
    /* Bound a blocking read by the refusing deadline: the socket's
     * timeout, or for an HTTP/2 stream that of the pipe it waits on. */
    if (why[RG_GUARD_BLOCK] != RG_DUE_NONE && block == APR_BLOCK_READ
        && c->master != NULL) {
        pipe = rg_body_h2_bound(f, due[RG_GUARD_BLOCK] - now, &saved);
    }
    else if (why[RG_GUARD_BLOCK] != RG_DUE_NONE && block == APR_BLOCK_READ) {
        apr_interval_time_t left = due[RG_GUARD_BLOCK] - now;

        sock = ap_get_conn_socket(c);
        rv = apr_socket_timeout_get(sock, &saved);
        if (rv == APR_SUCCESS && (saved < 0 || left < saved)) {
            rv = apr_socket_timeout_set(sock, left);
        }
        else {
            sock = NULL;
        }
        if (rv != APR_SUCCESS) {
            RG_LOG(APLOG_ERR, rv, f->r,
                   "RG00102: cannot set the body read timeout");
            sock = NULL;
        }
    }

    rv = ap_get_brigade(f->next, bb, mode, block, readbytes);

    if (pipe != NULL) {
        apr_status_t srv = apr_file_pipe_timeout_set(pipe, saved);

        if (srv != APR_SUCCESS) {
            RG_LOG(APLOG_ERR, srv, f->r,
                   "RG00105: cannot restore the stream's timeout");
        }
    }
    if (sock != NULL) {
        apr_status_t srv = apr_socket_timeout_set(sock, saved);

        if (srv != APR_SUCCESS) {
            RG_LOG(APLOG_ERR, srv, f->r,
                   "RG00103: cannot restore the socket timeout");
        }
    }
    if (rv != APR_SUCCESS) {
        if (rv == AP_FILTER_ERROR) {
            /* HTTP_IN refused (LimitRequestBody, bad chunking) and has
             * answered: never answer twice. */
            ctx->step_aside = 1;
        }
        else if (APR_STATUS_IS_TIMEUP(rv)) {
            if ((sock != NULL || pipe != NULL)
                && apr_time_now() >= due[RG_GUARD_BLOCK] - RG_BODY_SLACK) {
                return rg_body_late(f, ctx, bb, RG_GUARD_BLOCK,
                                    why[RG_GUARD_BLOCK], now);
            }
            /* A timeout from below (mod_reqtimeout, Timeout): the reader
             * maps it to 408 (ap_map_http_request_error).  Once the head
             * is out, that 408 would be appended to the body as if it
             * were content: cut the response instead. */
            if (f->r->sent_bodyct) {
                RG_LOG(APLOG_INFO, rv, f->r,
                       "RG00104: request body timed out below");
                return rg_body_refuse(f, ctx, bb, HTTP_REQUEST_TIME_OUT);
            }
        }
        /* EAGAIN for a non-blocking reader passes as it is. */
        return rv;
    }

    rv = rg_body_count(ctx, bb, block);
    if (rv == APR_SUCCESS) {
        rv = rg_body_sized(f, ctx, bb);
    }
    if (rv != APR_SUCCESS) {
        return rv;
    }
    /* A wait no socket timeout bounded (HTTP/2, the reporting guard) is
     * judged now that it is over. */
    for (i = RG_GUARD_BLOCK; i <= RG_GUARD_REPORT; i++) {
        if (why[i] != RG_DUE_NONE
            && (i != RG_GUARD_BLOCK || (sock == NULL && pipe == NULL))
            && !ctx->g[i].time_done && apr_time_now() > due[i]) {
            rv = rg_body_late(f, ctx, bb, i, why[i], now);
            if (rv != APR_SUCCESS) {
                return rv;
            }
        }
    }
    return APR_SUCCESS;
}

/* The field that announces r's body, if any: 1 with *cl NULL for
 * Transfer-Encoding (core drops Content-Length when it is present, and
 * answers any coding but chunked itself), 1 with *cl the value of
 * Content-Length, else 0.  Inline: every checked request asks. */
static APR_INLINE int rg_body_fields(const request_rec *r, const char **cl)
{
    *cl = NULL;
    if (apr_table_get(r->headers_in, "Transfer-Encoding") != NULL) {
        return 1;
    }
    *cl = apr_table_get(r->headers_in, "Content-Length");
    return *cl != NULL;
}

/* The declared length of a body rg_body_fields() found: -1 for chunked;
 * 0 when the Content-Length is not a length above 0 (one that is not a
 * number is HTTP_IN's to refuse). */
static int rg_body_length(const char *cl, apr_off_t *length)
{
    if (cl == NULL) {
        *length = -1;
        return 1;
    }
    return rg_parse_length(cl, length) && *length > 0;
}

/* Whether r announces a body; *length gets the declared length, -1 for
 * chunked. */
static int rg_body_announced(const request_rec *r, apr_off_t *length)
{
    const char *cl;

    return rg_body_fields(r, &cl) && rg_body_length(cl, length);
}

/* The counting state of r's REQGUARD_BODY filter when it has one (put
 * there by ReqGuardLearn, only in a virtual host that learns), else NULL.
 * Off the clean path: a refusal, or a body that the guard counts or
 * times. */
static rg_body_ctx *rg_body_find(const request_rec *r)
{
    ap_filter_t *f;

    if (RG_SRV_CONF(r->server)->learn_row == NULL) {
        return NULL;            /* nothing learns here: one test */
    }
    for (f = r->input_filters; f != NULL; f = f->next) {
        if (f->frec == rg_body_filter_handle) {
            return f->ctx;
        }
    }
    return NULL;
}

int rg_body_learn(request_rec *r, apr_off_t *declared,
                  const apr_off_t **counted)
{
    rg_body_ctx *ctx;

    *counted = NULL;
    if (!rg_body_announced(r, declared)) {
        return 0;
    }
    /* On HTTP/1.x HTTP_IN delivers exactly a declared length, or refuses:
     * that length is the figure.  A chunked body, and any body of an
     * HTTP/2 stream, is counted by a filter without limits, which the
     * body checks take over if a limit applies. */
    if (*declared < 0 || r->connection->master != NULL) {
        ctx = apr_pcalloc(r->pool, sizeof(*ctx));
        ap_add_input_filter_handle(rg_body_filter_handle, ctx, r,
                                   r->connection);
        *counted = &ctx->seen;
    }
    return 1;
}

/* Fill a guard from the bounds of a request; 1 when it limits anything. */
static int rg_body_guard(rg_body_guard_t *g, apr_int64_t limit, int limit_cap,
                         apr_int64_t timeout, int timeout_cap,
                         apr_off_t min_rate, int rate_cap,
                         apr_interval_time_t server_timeout,
                         apr_interval_time_t ceiling_grace)
{
    g->limit = (apr_off_t)limit;
    g->limit_ceiling = limit_cap ? 1 : 0;
    g->timeout = (apr_interval_time_t)timeout;
    g->timeout_ceiling = timeout_cap ? 1 : 0;
    g->min_rate = min_rate;
    g->rate_ceiling = rate_cap ? 1 : 0;
    /* The min rate applies after the first ReqGuardBodyTimeout; without
     * one, after the server's Timeout.  A ceiling's rate applies after the
     * administrator's grace (ReqGuardCeiling BodyTimeout, else Timeout):
     * a tenant's longer ReqGuardBodyTimeout cannot put it off, a shorter
     * one only brings it forward. */
    g->grace = timeout > 0 ? (apr_interval_time_t)timeout : server_timeout;
    if (rate_cap && g->grace > ceiling_grace) {
        g->grace = ceiling_grace;
    }
    return limit > 0 || timeout > 0 || min_rate > 0;
}

/* 1 when core's LimitRequestBody is lower than limit and length is over
 * it: core refuses that declared length itself, before reading, and the
 * lower limit is the one that answers. */
static int rg_body_core_lower(request_rec *r, apr_off_t limit,
                              apr_off_t length)
{
    apr_off_t core = ap_get_limit_req_body(r);

    return core > 0 && core < limit && length > core;
}

/* The body checks with the bounds of the request: refuse what the headers
 * already tell, and put the filter in place for what only the body can
 * tell.  length is the declared length, -1 for chunked. */
static RG_COLD int rg_body_judged(request_rec *r, const rg_judge_t *j,
                                  apr_off_t length)
{
    rg_bounds_t size, wait;
    apr_off_t rate[2];
    int rate_cap[2], need[2], need_cap[2], guarded;
    apr_interval_time_t grace;
    rg_body_ctx *ctx, *counting;

    rg_judge_limit(j, RG_LIM_BODY, &size);
    rg_judge_limit(j, RG_LIM_BODY_TIMEOUT, &wait);
    rg_judge_min_rate(j, rate, rate_cap);
    rg_judge_length(j, need, need_cap);

    if (length < 0 && (need[0] || need[1])) {
        int which = need[0] ? RG_GUARD_BLOCK : RG_GUARD_REPORT;

        rg_body_record(r, which, RG_KIND_LENGTH_REQUIRED, -1, 0,
                       need_cap[which] ? "ReqGuardCeiling RequireLength"
                                       : "ReqGuardRequireLength",
                       need_cap[which]);
        if (which == RG_GUARD_BLOCK) {
            rg_body_seal(r);
            return HTTP_LENGTH_REQUIRED;
        }
    }
    if (length > 0 && size.block > 0 && length > size.block
        && !rg_body_core_lower(r, size.block, length)) {
        rg_body_record(r, RG_GUARD_BLOCK, RG_KIND_BODY, length, size.block,
                       rg_judge_limit_directive(RG_LIM_BODY,
                                                size.block_ceiling),
                       size.block_ceiling);
        rg_body_seal(r);
        return HTTP_REQUEST_ENTITY_TOO_LARGE;
    }

    grace = j->s->ceiling[RG_LIM_BODY_TIMEOUT] > 0
            ? (apr_interval_time_t)j->s->ceiling[RG_LIM_BODY_TIMEOUT]
            : r->server->timeout;
    /* The filter ReqGuardLearn put in place counts for the guard too:
     * one count of the body. */
    counting = rg_body_find(r);
    ctx = counting ? counting : apr_pcalloc(r->pool, sizeof(*ctx));
    guarded = rg_body_guard(&ctx->g[RG_GUARD_BLOCK], size.block,
                            size.block_ceiling, wait.block,
                            wait.block_ceiling, rate[0], rate_cap[0],
                            r->server->timeout, grace);
    guarded |= rg_body_guard(&ctx->g[RG_GUARD_REPORT], size.report,
                             size.report_ceiling, wait.report,
                             wait.report_ceiling, rate[1], rate_cap[1],
                             r->server->timeout, grace);
    ctx->timed = wait.block > 0 || wait.report > 0 || rate[0] > 0
                 || rate[1] > 0;
    if (length > 0 && size.report > 0 && length > size.report) {
        /* Reported now, on the declared length; not again as it streams. */
        ctx->g[RG_GUARD_REPORT].size_done = 1;
        rg_body_record(r, RG_GUARD_REPORT, RG_KIND_BODY, length, size.report,
                       rg_judge_limit_directive(RG_LIM_BODY,
                                                size.report_ceiling),
                       size.report_ceiling);
    }
    /* On HTTP/1.x HTTP_IN delivers exactly the declared length: such a
     * body needs the filter only to be timed.  An HTTP/2 stream is counted
     * whatever it declared. */
    if (!guarded || counting != NULL
        || (length > 0 && wait.block == 0 && wait.report == 0
            && rate[0] == 0 && rate[1] == 0
            && r->connection->master == NULL)) {
        return DECLINED;
    }
    ap_add_input_filter_handle(rg_body_filter_handle, ctx, r, r->connection);
    return DECLINED;
}

/* The check of a request that announces a body (cl: its Content-Length,
 * NULL for chunked).  Out of line, with the configuration looked up again:
 * a request without a body does not pay for its frame, nor keeps it
 * across the look-ups of the fields. */
static RG_NOINLINE int rg_body_check_announced(request_rec *r,
                                               rg_judge_e how,
                                               const char *cl)
{
    const rg_dir_conf *d = RG_DIR_CONF(r);
    const rg_srv_conf *s = RG_SRV_CONF(r->server);
    apr_off_t length = 0;
    rg_judge_t j;

    if (!rg_body_length(cl, &length)) {
        return DECLINED;
    }
    if (how == RG_JUDGE_ENFORCE && length > 0
        && r->connection->master == NULL
        && d->limit[RG_LIM_BODY_TIMEOUT] <= 0
        && s->ceiling[RG_LIM_BODY_TIMEOUT] <= 0
        && d->body_min_rate <= 0 && s->ceiling_min_rate <= 0) {
        apr_int64_t limit = rg_conf_limit(d, s, RG_LIM_BODY);

        /* HTTP_IN delivers exactly the declared length. */
        if (limit == 0 || length <= limit) {
            return DECLINED;
        }
    }
    j.d = d;
    j.s = s;
    j.how = how;
    return rg_body_judged(r, &j, length);
}

/*
 * post_perdir_config: the merged per-directory config is known, nothing
 * has read the body yet.  The common cases end here without a look-up or
 * a judged bound: nothing concerns a body, the request has none, or (On)
 * its declared length is within the limit and nothing times it.
 */
int rg_body_check(request_rec *r, const rg_dir_conf *d, const rg_srv_conf *s,
                  rg_judge_e how)
{
    const char *cl;

    if (d->limit[RG_LIM_BODY] <= 0 && s->ceiling[RG_LIM_BODY] <= 0
        && d->limit[RG_LIM_BODY_TIMEOUT] <= 0
        && s->ceiling[RG_LIM_BODY_TIMEOUT] <= 0
        && d->body_min_rate <= 0 && s->ceiling_min_rate <= 0
        && d->require_length != 1 && s->ceiling_length != 1) {
        return DECLINED;
    }
    if (!rg_body_fields(r, &cl)) {
        return DECLINED;
    }
    return rg_body_check_announced(r, how, cl);
}

void rg_body_redirected(request_rec *r)
{
    ap_filter_t *f;

    /* Request-level input filters do not survive an internal redirect: the
     * new request gets REQGUARD_BODY again, with the same count, deadlines
     * and refused state, so a RewriteRule, an Action or an ErrorDocument
     * page reads the body under the same guard. */
    for (f = r->prev->input_filters; f != NULL; f = f->next) {
        if (f->frec == rg_body_filter_handle) {
            ap_add_input_filter_handle(rg_body_filter_handle, f->ctx, r,
                                       r->connection);
        }
    }
}

void rg_body_seal(request_rec *r)
{
    rg_body_ctx *ctx;
    apr_off_t length;

    if (!rg_body_announced(r, &length)) {
        return;
    }
    /* A refused request's body is read by nobody: an error page that
     * tries finds it already ended, and the connection, with the body
     * still on it, closes. */
    r->connection->keepalive = AP_CONN_CLOSE;
    ctx = rg_body_find(r);
    if (ctx != NULL) {
        ctx->refused = 1;       /* ReqGuardLearn's filter: it counted 0 */
        return;
    }
    ctx = apr_pcalloc(r->pool, sizeof(*ctx));
    ctx->refused = 1;
    ap_add_input_filter_handle(rg_body_filter_handle, ctx, r, r->connection);
}

void rg_body_register_hooks(void)
{
    /* Right above HTTP_IN (AP_FTYPE_PROTOCOL): sees de-chunked body bytes,
     * below any content filter (mod_deflate) that would inflate them. */
    rg_body_filter_handle =
        ap_register_input_filter(RG_BODY_FILTER, rg_body_filter, NULL,
                                 AP_FTYPE_PROTOCOL - 1);
}
