/*
 * reqguard_learn.c - ReqGuardLearn: the sizes of each virtual host's
 * requests in power-of-two histograms, and the limits they suggest.
 *
 * What is measured, once per initial request (not for subrequests or
 * internal redirects), refused requests included, the way the checks
 * measure it (reqguard_headers.c, reqguard_body.c):
 *
 *   fields   header fields as Apache presents them (repeated names
 *            combined), as ReqGuardMaxFields counts them
 *   field    the largest field, "name: value", as ReqGuardMaxFieldSize
 *   header   the header block, the sum of "name: value\r\n"
 *   target   the request-target as received, byte for byte
 *   query    what follows its first '?', undecoded, only when it has one
 *   body     only when a body was announced: the bytes REQGUARD_BODY
 *            counted (chunked bodies, HTTP/2 streams), or the declared
 *            Content-Length when that is more (a body not read, or read
 *            in part)
 *
 * The headers and the target are measured in post_read_request, before
 * any other module changes the fields: the request as the client sent it.
 * The line figures of reqguard_lines.c only bound a field (blanks around
 * the value, line ends), so the fields are measured here, one pass over
 * the table.  The body is known only when the request is over: a cleanup
 * of the request's pool adds it then (it runs after the access log line,
 * when the request pool goes), and only requests with a body register
 * one.  A request refused by core while it read the header block never
 * reaches post_read_request and is not learned (it is counted as
 * core-field-size or core-fields).
 *
 * Storage: anonymous shared memory beside the counters' segment, one row
 * per counter slot (reqguard_counters.c), so the histograms are per
 * virtual host label, bounded by the configuration, summed over all
 * children and kept over graceful and plain restarts; a full stop resets
 * them.  The segment is created by the first configuration with a
 * virtual host that learns.  Every child adds with 64-bit atomics: no
 * lock.
 *
 * When a virtual host does not learn, a request pays one test (its
 * learn_row, in mod_reqguard.c's post_read_request); nothing else runs.
 */
#include "reqguard_private.h"

#include <string.h>
#include <apr_atomic.h>
#include <apr_strings.h>
#include <http_core.h>
#include <http_protocol.h>
#include <mod_status.h>

#include "reqguard_body.h"
#include "reqguard_counters.h"
#include "reqguard_hist.h"
#include "reqguard_learn.h"
#include "reqguard_status.h"

/* The name of the segment in the process pool; rg_shm_kept() adds the
 * sizes of its head and of a row, so that a build with another layout
 * makes a new one. */
#define RG_LEARN_KEY "reqguard_learn"

/* One histogram in shared memory (reqguard_hist.h has the buckets). */
typedef struct {
    volatile apr_uint64_t bucket[RG_HIST_BUCKETS];
    volatile apr_uint64_t sum;          /* saturating */
    volatile apr_uint64_t max;
} rg_learn_hist_t;

struct rg_learn_row {
    rg_learn_hist_t m[RG_LEARN_COUNT];
    /* The largest limit core applied when it read a learned request's
     * header block (LimitRequestFields, LimitRequestFieldSize,
     * LimitRequestLine of the server owning the address), by measure;
     * 0 where core has none. */
    volatile apr_uint64_t core[RG_LEARN_COUNT];
};

typedef struct {
    rg_shm_head_t head;                 /* when learning began; rows: the
                                         * counters' slots */
    struct rg_learn_row row[];          /* row i: counter slot i */
} rg_learn_segment_t;

/* What each measure is called, and the directive it suggests. */
typedef struct {
    const char *name;                   /* JSON member, text, comments */
    const char *metric;                 /* Prometheus family */
    const char *directive;
    const char *help;
    const char *core;                   /* core's limit, the floor, or NULL */
} rg_learn_measure_t;

static const rg_learn_measure_t rg_measures[RG_LEARN_COUNT] = {
    { "fields", "reqguard_request_fields", "ReqGuardMaxFields",
      "Header fields per request (repeated names counted once)",
      "LimitRequestFields" },
    { "field_bytes", "reqguard_request_field_bytes", "ReqGuardMaxFieldSize",
      "Largest header field of a request, name: value, in bytes",
      "LimitRequestFieldSize" },
    { "header_bytes", "reqguard_request_header_bytes",
      "ReqGuardMaxHeaderSize",
      "Header block of a request, the sum of name: value CRLF, in bytes",
      NULL },
    { "target_bytes", "reqguard_request_target_bytes", "ReqGuardMaxURI",
      "Request-target as received, in bytes", "LimitRequestLine" },
    { "query_bytes", "reqguard_request_query_bytes", "ReqGuardMaxQuery",
      "Query string as sent, in bytes (requests with a '?' only)", NULL },
    { "body_bytes", "reqguard_request_body_bytes", "ReqGuardMaxBody",
      "Request body, in bytes (requests that announced one only)",
      "LimitRequestBody" }
};

/* A virtual host label that learns, in this configuration. */
typedef struct {
    const char *label;                  /* "ServerName:port", "(other)" */
    struct rg_learn_row *row;
    apr_uint64_t body_floor;            /* LimitRequestBody when set, or 0 */
} rg_learn_listed_t;

/* Set in the parent's post_config, inherited by the children. */
static rg_learn_segment_t *rg_lseg;
static rg_learn_listed_t *rg_llisted;
static int rg_nllisted;
static int rg_learn_h2;                 /* mod_http2 is loaded */

/* ---- adding ------------------------------------------------------------ */

/* *at = max(*at, v), lock-free. */
static void rg_learn_max(volatile apr_uint64_t *at, apr_uint64_t v)
{
    apr_uint64_t old = apr_atomic_read64(at), now;

    while (v > old) {
        now = apr_atomic_cas64(at, v, old);
        if (now == old) {
            break;
        }
        old = now;
    }
}

static void rg_learn_add(rg_learn_hist_t *h, apr_uint64_t v)
{
    apr_uint64_t old, now;

    apr_atomic_inc64(&h->bucket[rg_hist_bucket(v)]);
    old = apr_atomic_read64(&h->sum);
    for (;;) {
        now = rg_hist_sat_add(old, v);
        now = apr_atomic_cas64(&h->sum, now, old);
        if (now == old) {
            break;
        }
        old = now;
    }
    rg_learn_max(&h->max, v);
}

/* What a request adds, kept until it is over when it may still be
 * switched to another protocol. */
typedef struct {
    request_rec *r;
    struct rg_learn_row *row;
    apr_uint64_t v[RG_LEARN_COUNT];     /* the header measures */
    int query;                          /* the target has a '?' */
    int body;                           /* a body was announced */
    int deferred;                       /* the headers wait for the end */
    apr_off_t declared;                 /* Content-Length, -1: chunked */
    const apr_off_t *counted;           /* REQGUARD_BODY's count, or NULL */
} rg_learn_rec_t;

static void rg_learn_headers(const rg_learn_rec_t *l)
{
    int m;

    for (m = RG_LEARN_FIELDS; m <= RG_LEARN_TARGET; m++) {
        rg_learn_add(&l->row->m[m], l->v[m]);
    }
    if (l->query) {
        rg_learn_add(&l->row->m[RG_LEARN_QUERY], l->v[RG_LEARN_QUERY]);
    }
}

/* The end of a request whose counted body, or whole record (an h2c
 * upgrade), waits for it.  An upgrade that switched protocols (101) is not
 * learned: its stream 1 is the same request, learned as an HTTP/2 one. */
static apr_status_t rg_learn_done(void *data)
{
    const rg_learn_rec_t *l = data;
    apr_off_t n;

    if (l->deferred) {
        if (l->r->status == HTTP_SWITCHING_PROTOCOLS) {
            return APR_SUCCESS;
        }
        rg_learn_headers(l);
    }
    if (l->body) {
        n = l->declared > 0 ? l->declared : 0;
        if (l->counted != NULL && *l->counted > n) {
            n = *l->counted;
        }
        rg_learn_add(&l->row->m[RG_LEARN_BODY], (apr_uint64_t)n);
    }
    return APR_SUCCESS;
}

void rg_learn_request(request_rec *r, struct rg_learn_row *row)
{
    const apr_array_header_t *elts = apr_table_elts(r->headers_in);
    const apr_table_entry_t *e = (const apr_table_entry_t *)elts->elts;
    const server_rec *core = r->connection->base_server;
    rg_learn_rec_t l, *kept;
    apr_uint64_t largest = 0, block = 0;
    int floor[RG_LEARN_COUNT] = { 0 };
    int i, m;

    /* As the field checks measure: "name: value", and the block as the
     * sum of "name: value\r\n". */
    for (i = 0; i < elts->nelts; i++) {
        apr_size_t klen;
        apr_uint64_t size = rg_field_size(&e[i], &klen);

        block += size + 2;
        if (size > largest) {
            largest = size;
        }
    }
    memset(&l, 0, sizeof(l));
    l.r = r;
    l.row = row;
    l.v[RG_LEARN_FIELDS] = (apr_uint64_t)elts->nelts;
    l.v[RG_LEARN_FIELD] = largest;
    l.v[RG_LEARN_HEADER] = block;
    if (r->unparsed_uri != NULL) {
        apr_size_t len = strlen(r->unparsed_uri);
        const char *q = memchr(r->unparsed_uri, '?', len);

        l.v[RG_LEARN_TARGET] = (apr_uint64_t)len;
        if (q != NULL) {
            l.query = 1;
            l.v[RG_LEARN_QUERY] =
                (apr_uint64_t)(len - (apr_size_t)(q - r->unparsed_uri) - 1);
        }
    }
    /* Core read the header block with the limits of the server owning
     * the address, before the virtual host was chosen: the floors. */
    floor[RG_LEARN_FIELDS] = core->limit_req_fields;
    floor[RG_LEARN_FIELD] = core->limit_req_fieldsize;
    floor[RG_LEARN_TARGET] = core->limit_req_line;
    for (m = RG_LEARN_FIELDS; m <= RG_LEARN_TARGET; m++) {
        if (floor[m] > 0) {
            rg_learn_max(&row->core[m], (apr_uint64_t)floor[m]);
        }
    }
    l.body = rg_body_learn(r, &l.declared, &l.counted);
    /* An h2c upgrade (mod_http2 answers it 101 and serves the request
     * again as stream 1) waits for the end; any other request, also one
     * that upgrades to another protocol (a WebSocket), is learned now. */
    if (rg_learn_h2 && r->connection->master == NULL) {
        const char *up = apr_table_get(r->headers_in, "Upgrade");

        l.deferred = up != NULL && ap_find_token(r->pool, up, "h2c");
    }
    if (!l.deferred) {
        rg_learn_headers(&l);
        /* A declared length on HTTP/1 is the figure (HTTP_IN delivers it
         * or refuses): learned now, nothing kept. */
        if (l.body && l.counted == NULL) {
            rg_learn_add(&row->m[RG_LEARN_BODY], (apr_uint64_t)l.declared);
            l.body = 0;
        }
    }
    if (l.body || l.deferred) {
        kept = apr_pmemdup(r->pool, &l, sizeof(l));
        apr_pool_cleanup_register(r->pool, kept, rg_learn_done,
                                  apr_pool_cleanup_null);
    }
}

/* ---- reading ----------------------------------------------------------- */

/* What the status shows of one measure. */
typedef struct {
    apr_uint64_t count, sum, max, p50, p99, p999, suggested;
    apr_uint64_t unfloored;             /* the suggestion before the floor */
    int known;                          /* count > 0 */
} rg_learn_fig_t;

static void rg_learn_read(rg_learn_hist_t *from, rg_hist_t *to)
{
    int k;

    for (k = 0; k < RG_HIST_BUCKETS; k++) {
        to->bucket[k] = apr_atomic_read64(&from->bucket[k]);
    }
    to->sum = apr_atomic_read64(&from->sum);
    to->max = apr_atomic_read64(&from->max);
}

static void rg_learn_figures(const rg_hist_t *h, apr_uint64_t floor,
                             rg_learn_fig_t *f)
{
    uint64_t v;

    memset(f, 0, sizeof(*f));
    f->count = rg_hist_count(h);
    f->sum = h->sum;
    f->max = h->max;
    f->known = f->count > 0;
    if (!f->known) {
        return;
    }
    if (rg_hist_percentile(h, RG_HIST_P50, &v)) {
        f->p50 = v;
    }
    if (rg_hist_percentile(h, RG_HIST_P99, &v)) {
        f->p99 = v;
    }
    if (rg_hist_percentile(h, RG_HIST_P999, &v)) {
        f->p999 = v;
    }
    if (rg_hist_suggest(h, floor, &v)) {
        f->suggested = v;
    }
    if (rg_hist_suggest(h, 0, &v)) {
        f->unfloored = v;
    }
}

/* A number, or "-" when unknown, into buf. */
static const char *rg_learn_num(char *buf, apr_size_t len, int known,
                                apr_uint64_t v)
{
    if (!known) {
        return "-";
    }
    apr_snprintf(buf, len, "%" APR_UINT64_T_FMT, v);
    return buf;
}

/* p50, p99, p99.9, max and the suggestion of a measure as text, "-"
 * when unknown. */
typedef struct {
    char buf[5][24];
    const char *v[5];
} rg_learn_cells_t;

static void rg_learn_cells(rg_learn_cells_t *c, const rg_learn_fig_t *f)
{
    const apr_uint64_t v[5] = { f->p50, f->p99, f->p999, f->max,
                                f->suggested };
    int i;

    for (i = 0; i < 5; i++) {
        c->v[i] = rg_learn_num(c->buf[i], sizeof(c->buf[i]), f->known, v[i]);
    }
}

/* The histograms of listed row i, and their figures. */
static void rg_learn_row_figures(int i, rg_hist_t *h, rg_learn_fig_t *f)
{
    int m;

    for (m = 0; m < RG_LEARN_COUNT; m++) {
        rg_learn_read(&rg_llisted[i].row->m[m], &h[m]);
        rg_learn_figures(&h[m], m == RG_LEARN_BODY
                                ? rg_llisted[i].body_floor
                                : apr_atomic_read64(
                                      &rg_llisted[i].row->core[m]),
                         &f[m]);
    }
}

/* ---- the status section, one function per format ------------------------ */

#define RG_LEARN_RULE \
    "suggested: 2^(k+1) for the power-of-two bucket k of p99.9 (0: " \
    "unlimited), never below the limit core applied (LimitRequestFields, " \
    "LimitRequestFieldSize, LimitRequestLine of the server owning the " \
    "address; LimitRequestBody when set)"

static void rg_learn_text(request_rec *r)
{
    rg_hist_t h[RG_LEARN_COUNT];
    rg_learn_fig_t f[RG_LEARN_COUNT];
    char since[32];
    rg_learn_cells_t c;
    int i, m;

    rg_status_rfc3339(since, sizeof(since), rg_lseg->head.start);
    ap_rprintf(r, "\nmod_reqguard learned request sizes since %s "
               "(ReqGuardLearn On; kept across restarts, reset by a full "
               "stop)\n" RG_LEARN_RULE "\n", since);
    for (i = 0; i < rg_nllisted; i++) {
        rg_learn_row_figures(i, h, f);
        ap_rprintf(r, "\nvirtual host %s\n  %-14s %12s %12s %12s %12s %12s "
                   "%12s\n", rg_llisted[i].label, "measure", "count", "p50",
                   "p99", "p99.9", "max", "suggested");
        for (m = 0; m < RG_LEARN_COUNT; m++) {
            rg_learn_cells(&c, &f[m]);
            ap_rprintf(r, "  %-14s %12" APR_UINT64_T_FMT
                       " %12s %12s %12s %12s %12s\n", rg_measures[m].name,
                       f[m].count, c.v[0], c.v[1], c.v[2], c.v[3], c.v[4]);
        }
    }
}

static void rg_learn_json_number(request_rec *r, const char *name, int known,
                                 apr_uint64_t v)
{
    if (known) {
        ap_rprintf(r, ",\"%s\":%" APR_UINT64_T_FMT, name, v);
    }
    else {
        ap_rprintf(r, ",\"%s\":null", name);
    }
}

static void rg_learn_json(request_rec *r)
{
    rg_hist_t h[RG_LEARN_COUNT];
    rg_learn_fig_t f[RG_LEARN_COUNT];
    char since[32];
    int i, m;

    ap_rputs(",\"learn\":{", r);
    if (rg_lseg != NULL) {
        rg_status_rfc3339(since, sizeof(since), rg_lseg->head.start);
        ap_rprintf(r, "\"since\":\"%s\",", since);
    }
    ap_rputs("\"vhosts\":{", r);
    for (i = 0; i < rg_nllisted; i++) {
        rg_learn_row_figures(i, h, f);
        if (i) {
            ap_rputc(',', r);
        }
        rg_status_json_string(r, rg_llisted[i].label);
        ap_rputs(":{", r);
        for (m = 0; m < RG_LEARN_COUNT; m++) {
            ap_rprintf(r, "%s\"%s\":{\"count\":%" APR_UINT64_T_FMT
                       ",\"sum\":%" APR_UINT64_T_FMT, m ? "," : "",
                       rg_measures[m].name, f[m].count, f[m].sum);
            rg_learn_json_number(r, "p50", f[m].known, f[m].p50);
            rg_learn_json_number(r, "p99", f[m].known, f[m].p99);
            rg_learn_json_number(r, "p99_9", f[m].known, f[m].p999);
            rg_learn_json_number(r, "max", f[m].known, f[m].max);
            rg_learn_json_number(r, "suggested", f[m].known,
                                 f[m].suggested);
            ap_rprintf(r, ",\"directive\":\"%s\"}", rg_measures[m].directive);
        }
        ap_rputc('}', r);
    }
    ap_rputs("}}", r);
}

/* One series of a histogram family: name_suffix{vhost="...",le="..."}. */
static void rg_learn_prom_series(request_rec *r, const char *metric,
                                 const char *suffix, const char *label,
                                 const char *le)
{
    ap_rprintf(r, "%s%s{vhost=\"", metric, suffix);
    rg_status_prom_label(r, label);
    if (le != NULL) {
        ap_rprintf(r, "\",le=\"%s\"} ", le);
    }
    else {
        ap_rputs("\"} ", r);
    }
}

/*
 * Prometheus histograms, one family per measure: the cumulative buckets
 * le = 0, 1, 3, 7, ..., 2^k - 1 up to the highest bucket that holds a
 * value (the higher ones would all repeat the count), then +Inf, _sum and
 * _count.  A bucket series, once there, stays until a full stop.
 */
static void rg_learn_prometheus(request_rec *r)
{
    rg_hist_t h;
    char le[24];
    int i, m, k, top;

    for (m = 0; m < RG_LEARN_COUNT; m++) {
        const char *metric = rg_measures[m].metric;

        ap_rprintf(r, "# HELP %s %s, learned by ReqGuardLearn, by virtual "
                   "host.\n# TYPE %s histogram\n", metric,
                   rg_measures[m].help, metric);
        for (i = 0; i < rg_nllisted; i++) {
            const char *label = rg_llisted[i].label;
            apr_uint64_t cumulative = 0;

            /* One reading of the histogram for all its series. */
            rg_learn_read(&rg_llisted[i].row->m[m], &h);
            top = rg_hist_top(&h);
            for (k = 0; k <= top; k++) {
                cumulative = rg_hist_cumulative(&h, (unsigned int)k);
                apr_snprintf(le, sizeof(le), "%" APR_UINT64_T_FMT,
                             (apr_uint64_t)rg_hist_upper((unsigned int)k));
                rg_learn_prom_series(r, metric, "_bucket", label, le);
                ap_rprintf(r, "%" APR_UINT64_T_FMT "\n", cumulative);
            }
            rg_learn_prom_series(r, metric, "_bucket", label, "+Inf");
            ap_rprintf(r, "%" APR_UINT64_T_FMT "\n", cumulative);
            rg_learn_prom_series(r, metric, "_sum", label, NULL);
            ap_rprintf(r, "%" APR_UINT64_T_FMT "\n", (apr_uint64_t)h.sum);
            rg_learn_prom_series(r, metric, "_count", label, NULL);
            ap_rprintf(r, "%" APR_UINT64_T_FMT "\n", cumulative);
        }
    }
}

static void rg_learn_html(request_rec *r, int flags)
{
    int table = !(flags & AP_STATUS_NOTABLE);
    rg_hist_t h[RG_LEARN_COUNT];
    rg_learn_fig_t f[RG_LEARN_COUNT];
    char since[32];
    rg_learn_cells_t c;
    int i, m;

    rg_status_rfc3339(since, sizeof(since), rg_lseg->head.start);
    ap_rprintf(r, "<h3>Learned request sizes (ReqGuardLearn)</h3>\n"
               "<p>Since %s; " RG_LEARN_RULE ".</p>\n", since);
    for (i = 0; i < rg_nllisted; i++) {
        rg_learn_row_figures(i, h, f);
        ap_rprintf(r, "<h4>%s</h4>\n",
                   ap_escape_html2(r->pool, rg_llisted[i].label, 0));
        ap_rputs(table ? "<table border=\"0\"><tr><th>measure</th>"
                         "<th>count</th><th>p50</th><th>p99</th>"
                         "<th>p99.9</th><th>max</th><th>suggested</th>"
                         "</tr>\n"
                       : "<pre>\n", r);
        for (m = 0; m < RG_LEARN_COUNT; m++) {
            rg_learn_cells(&c, &f[m]);
            ap_rprintf(r, table ? "<tr><td>%s</td><td>%" APR_UINT64_T_FMT
                                  "</td><td>%s</td><td>%s</td><td>%s</td>"
                                  "<td>%s</td><td>%s</td></tr>\n"
                                : "%s: count %" APR_UINT64_T_FMT ", p50 %s, "
                                  "p99 %s, p99.9 %s, max %s, suggested %s\n",
                       rg_measures[m].name, f[m].count, c.v[0], c.v[1],
                       c.v[2], c.v[3], c.v[4]);
        }
        ap_rputs(table ? "</table>\n" : "</pre>\n", r);
    }
}

/* Nothing at all while no virtual host learns, but an empty JSON member. */
static void rg_learn_status(request_rec *r, rg_status_format_e format,
                            int flags)
{
    if (format == RG_STATUS_JSON) {
        rg_learn_json(r);
        return;
    }
    if (rg_nllisted == 0) {
        return;
    }
    switch (format) {
    case RG_STATUS_PROMETHEUS:
        rg_learn_prometheus(r);
        break;
    case RG_STATUS_AUTO:
        ap_rprintf(r, "ReqGuardLearnVhosts: %d\n", rg_nllisted);
        break;
    case RG_STATUS_HTML:
        rg_learn_html(r, flags);
        break;
    case RG_STATUS_TEXT:
    default:
        rg_learn_text(r);
        break;
    }
}

/* ---- the suggested configuration --------------------------------------- */

void rg_learn_config(request_rec *r)
{
    rg_hist_t h[RG_LEARN_COUNT];
    rg_learn_fig_t f[RG_LEARN_COUNT];
    char now[32], since[32];
    int i, m;

    rg_status_rfc3339(now, sizeof(now), apr_time_now());
    ap_rprintf(r, "# mod_reqguard: limits suggested by ReqGuardLearn, %s\n",
               now);
    if (rg_nllisted == 0) {
        ap_rputs("# No virtual host has ReqGuardLearn On: nothing to "
                 "suggest.\n", r);
        return;
    }
    rg_status_rfc3339(since, sizeof(since), rg_lseg->head.start);
    ap_rprintf(r, "# from the requests learned since %s.\n"
               "# Each value is 2^(k+1) for the power-of-two bucket k that "
               "holds the\n# 99.9th percentile (p99.9), 0 (unlimited) when "
               "that is 2^61 or more,\n# never below the limit core "
               "applied to the same measure: LimitRequestFields,\n# "
               "LimitRequestFieldSize and LimitRequestLine of the server "
               "owning the address\n# (core reads the header block before "
               "it picks the virtual host), and\n# LimitRequestBody when "
               "it is set.  Review them, then put each block into\n# the "
               "configuration of its virtual host.\n",
               since);
    for (i = 0; i < rg_nllisted; i++) {
        rg_learn_row_figures(i, h, f);
        ap_rprintf(r, "\n# ---- virtual host %s\n", rg_llisted[i].label);
        for (m = 0; m < RG_LEARN_COUNT; m++) {
            if (!f[m].known) {
                ap_rprintf(r, "# %s: nothing learned yet\n#%s\n",
                           rg_measures[m].name, rg_measures[m].directive);
                continue;
            }
            ap_rprintf(r, "# %s: %" APR_UINT64_T_FMT " requests, p50 %"
                       APR_UINT64_T_FMT ", p99 %" APR_UINT64_T_FMT
                       ", p99.9 %" APR_UINT64_T_FMT ", max %"
                       APR_UINT64_T_FMT "\n",
                       rg_measures[m].name, f[m].count, f[m].p50, f[m].p99,
                       f[m].p999, f[m].max);
            if (f[m].suggested != f[m].unfloored && rg_measures[m].core) {
                /* Say so when core's limit, not the requests, set it. */
                ap_rprintf(r, "# (the requests alone suggest %"
                           APR_UINT64_T_FMT "; raised to core's %s, so this "
                           "line changes\n# nothing: a lower value from the "
                           "figures above is yours to choose)\n",
                           f[m].unfloored, rg_measures[m].core);
            }
            ap_rprintf(r, "%s %" APR_UINT64_T_FMT "\n",
                       rg_measures[m].directive, f[m].suggested);
        }
    }
}

/* ---- the segment and this configuration's rows ------------------------- */

/* LimitRequestBody of server v when set in the server or virtual host
 * context (unset: -1; 0: unlimited): the body's floor.  The other floors
 * are the limits core applied to the requests (rg_learn_request()). */
static apr_uint64_t rg_learn_body_floor(const server_rec *v)
{
    const core_dir_config *dc = ap_get_core_module_config(v->lookup_defaults);

    return dc != NULL && dc->limit_req_body > 0
           ? (apr_uint64_t)dc->limit_req_body : 0;
}

static int rg_learn_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                                apr_pool_t *ptemp, server_rec *s)
{
    apr_array_header_t *servers;
    server_rec *v;
    int *listed_at;
    apr_uint32_t slots;
    int any = 0, j;

    (void)plog;
    rg_lseg = NULL;
    rg_llisted = NULL;
    rg_nllisted = 0;
    rg_learn_h2 = ap_find_linked_module("mod_http2.c") != NULL;
    for (v = s; v != NULL; v = v->next) {
        RG_SRV_CONF(v)->learn_row = NULL;
        any |= rg_conf_learn(RG_SRV_CONF(v));
    }
    if (!any) {
        return OK;
    }
    slots = rg_counters_slots();
    if (slots == 0) {
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, s,
                     "RG00004: ReqGuardLearn needs the shared memory of the "
                     "counters, which could not be had; nothing is learned");
        return OK;
    }
    rg_lseg = rg_shm_kept(s, ptemp, RG_LEARN_KEY, sizeof(rg_learn_segment_t),
                          sizeof(struct rg_learn_row), slots, "RG00004",
                          "ReqGuardLearn", "nothing is learned", NULL);
    if (rg_lseg == NULL) {
        return OK;
    }

    /* The server records in configuration order (the main server, then
     * the virtual hosts, which Apache keeps newest first). */
    servers = apr_array_make(ptemp, 16, sizeof(server_rec *));
    for (v = s->next; v != NULL; v = v->next) {
        APR_ARRAY_PUSH(servers, server_rec *) = v;
    }
    APR_ARRAY_PUSH(servers, server_rec *) = s;

    rg_llisted = apr_pcalloc(pconf, sizeof(*rg_llisted) * servers->nelts);
    listed_at = apr_pcalloc(ptemp, sizeof(int) * slots);
    for (j = servers->nelts - 1; j >= 0; j--) {
        rg_srv_conf *conf;
        int slot;

        v = APR_ARRAY_IDX(servers, j, server_rec *);
        conf = RG_SRV_CONF(v);
        if (!rg_conf_learn(conf)) {
            continue;
        }
        /* A virtual host that sets none of the module's directives shares
         * the main server's record (Apache merges nothing for it): give it
         * a copy of its own to hold its row. */
        if (v != s && conf == RG_SRV_CONF(s)) {
            conf = apr_pmemdup(pconf, conf, sizeof(*conf));
            conf->learn_row = NULL;
            ap_set_module_config(v->module_config, &reqguard_module, conf);
        }
        slot = rg_counters_slot(v);
        if (slot < 0 || (apr_uint32_t)slot >= rg_lseg->head.capacity) {
            continue;
        }
        conf->learn_row = &rg_lseg->row[slot];
        /* One row per label: the first server record of the label gives
         * the LimitRequestBody floor. */
        if (listed_at[slot] == 0) {
            rg_learn_listed_t *l = &rg_llisted[rg_nllisted++];

            listed_at[slot] = rg_nllisted;
            l->label = slot == 0 ? RG_VHOST_OTHER : rg_counters_label(v);
            l->row = conf->learn_row;
            l->body_floor = rg_learn_body_floor(v);
        }
    }
    return OK;
}

void rg_learn_register_hooks(void)
{
    /* After the counters' post_config (APR_HOOK_MIDDLE): the rows are
     * their slots. */
    ap_hook_post_config(rg_learn_post_config, NULL, NULL, APR_HOOK_LAST);
    rg_status_add_section(rg_learn_status);
}
