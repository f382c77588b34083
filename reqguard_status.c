/*
 * reqguard_status.c - the reqguard-status handler and the mod_reqguard
 * section of mod_status's server-status page.
 *
 * One page, five formats (include/reqguard_status.h): the handler picks
 * text, JSON, Prometheus text exposition or "Key: value" lines from the
 * query string (?format=..., ?json, ?auto) or else from Accept; the
 * server-status section is HTML, or "Key: value" lines for ?auto.  Every
 * format is written the same way: the counters first, then each section
 * another file added, in rg_status_write().  ?config=1 answers instead
 * with the limits ReqGuardLearn suggests, as configuration text
 * (reqguard_learn.c).
 *
 * Everything shown comes from the configuration and the counters, never
 * from a request.
 */
#include "reqguard_private.h"

#include <apr_strings.h>
#include <apr_optional_hooks.h>
#include <http_protocol.h>
#include <http_request.h>
#include <mod_status.h>

#include "reqguard_counters.h"
#include "reqguard_learn.h"
#include "reqguard_status.h"

#define RG_STATUS_TEXT_TYPE  "text/plain; charset=utf-8"
#define RG_STATUS_JSON_TYPE  "application/json; charset=utf-8"
#define RG_STATUS_PROM_TYPE  "text/plain; version=0.0.4; charset=utf-8"

/* The sections other files added, in order. */
static rg_status_section_fn rg_sections[RG_STATUS_SECTIONS_MAX];
static int rg_nsections;

void rg_status_add_section(rg_status_section_fn fn)
{
    int i;

    for (i = 0; i < rg_nsections; i++) {
        if (rg_sections[i] == fn) {
            return;
        }
    }
    if (rg_nsections < RG_STATUS_SECTIONS_MAX) {
        rg_sections[rg_nsections++] = fn;
    }
}

/* ---- writers ----------------------------------------------------------- */

void rg_status_rfc3339(char *buf, apr_size_t len, apr_time_t t)
{
    apr_time_exp_t tm;

    apr_time_exp_gmt(&tm, t);
    apr_snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                 tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void rg_status_json_string(request_rec *r, const char *s)
{
    const unsigned char *c;

    ap_rputc('"', r);
    for (c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\') {
            ap_rputc('\\', r);
            ap_rputc(*c, r);
        }
        else if (*c < 0x20 || *c == 0x7f) {
            ap_rprintf(r, "\\u%04x", *c);
        }
        else {
            ap_rputc(*c, r);
        }
    }
    ap_rputc('"', r);
}

void rg_status_prom_label(request_rec *r, const char *s)
{
    const char *c;

    for (c = s; *c; c++) {
        if (*c == '"' || *c == '\\') {
            ap_rputc('\\', r);
            ap_rputc(*c, r);
        }
        else if (*c == '\n') {
            ap_rputs("\\n", r);
        }
        else {
            ap_rputc(*c, r);
        }
    }
}

static apr_uint64_t rg_sum(const rg_counts_t *c, int blocked)
{
    apr_uint64_t sum = 0;
    int k;

    for (k = 0; k < RG_KIND_COUNT; k++) {
        sum += c->n[k][blocked];
    }
    return sum;
}

static apr_int64_t rg_uptime(void)
{
    return apr_time_sec(apr_time_now() - rg_counters_start());
}

/* ---- the counters, one function per format ----------------------------- */

static void rg_counters_text(request_rec *r)
{
    char since[32];
    rg_counts_t c;
    int i, k, n;

    if (!rg_counters_available()) {
        ap_rputs("mod_reqguard: counters unavailable\n", r);
        return;
    }
    rg_status_rfc3339(since, sizeof(since), rg_counters_start());
    ap_rprintf(r, "mod_reqguard violations since %s (uptime %"
               APR_INT64_T_FMT " s; kept across restarts, reset by a full "
               "stop)\n\n", since, rg_uptime());
    rg_counters_total(&c);
    ap_rputs("all virtual hosts\n", r);
    ap_rprintf(r, "%-18s %20s %20s\n", "kind", "blocked", "reported");
    for (k = 0; k < RG_KIND_COUNT; k++) {
        ap_rprintf(r, "%-18s %20" APR_UINT64_T_FMT " %20" APR_UINT64_T_FMT
                   "\n", rg_kind_name((rg_kind_e)k), c.n[k][1], c.n[k][0]);
    }
    n = rg_counters_vhost_count();
    for (i = 0; i < n; i++) {
        rg_counters_vhost(i, &c);
        if (rg_sum(&c, 0) + rg_sum(&c, 1) == 0) {
            continue;
        }
        ap_rprintf(r, "\nvirtual host %s\n", c.label);
        for (k = 0; k < RG_KIND_COUNT; k++) {
            if (c.n[k][0] || c.n[k][1]) {
                ap_rprintf(r, "  %-16s %20" APR_UINT64_T_FMT " %20"
                           APR_UINT64_T_FMT "\n", rg_kind_name((rg_kind_e)k),
                           c.n[k][1], c.n[k][0]);
            }
        }
    }
}

static void rg_counts_json(request_rec *r, const rg_counts_t *c)
{
    int k;

    ap_rputc('{', r);
    for (k = 0; k < RG_KIND_COUNT; k++) {
        ap_rprintf(r, "%s\"%s\":{\"blocked\":%" APR_UINT64_T_FMT
                   ",\"reported\":%" APR_UINT64_T_FMT "}", k ? "," : "",
                   rg_kind_name((rg_kind_e)k), c->n[k][1], c->n[k][0]);
    }
    ap_rputc('}', r);
}

static void rg_counters_json(request_rec *r)
{
    char since[32];
    rg_counts_t c;
    int i, n;

    if (!rg_counters_available()) {
        ap_rputs("\"available\":false", r);
        return;
    }
    rg_status_rfc3339(since, sizeof(since), rg_counters_start());
    ap_rprintf(r, "\"available\":true,\"start_time\":\"%s\","
               "\"start_time_seconds\":%" APR_TIME_T_FMT ","
               "\"uptime_seconds\":%" APR_INT64_T_FMT ",\"counters\":", since,
               apr_time_sec(rg_counters_start()), rg_uptime());
    rg_counters_total(&c);
    rg_counts_json(r, &c);
    ap_rputs(",\"vhosts\":{", r);
    n = rg_counters_vhost_count();
    for (i = 0; i < n; i++) {
        rg_counters_vhost(i, &c);
        if (i) {
            ap_rputc(',', r);
        }
        rg_status_json_string(r, c.label);
        ap_rputc(':', r);
        rg_counts_json(r, &c);
    }
    ap_rputc('}', r);
}

static void rg_counters_prometheus(request_rec *r)
{
    rg_counts_t c;
    int i, k, b, n;
    apr_time_t start;

    if (!rg_counters_available()) {
        return;
    }
    ap_rputs("# HELP reqguard_refusals_total Requests that broke a "
             "mod_reqguard limit since the start, by virtual host, kind "
             "and action (blocked: refused; reported: let through by "
             "ReqGuard ReportOnly).\n"
             "# TYPE reqguard_refusals_total counter\n", r);
    n = rg_counters_vhost_count();
    for (i = 0; i < n; i++) {
        rg_counters_vhost(i, &c);
        for (k = 0; k < RG_KIND_COUNT; k++) {
            for (b = 1; b >= 0; b--) {
                ap_rputs("reqguard_refusals_total{vhost=\"", r);
                rg_status_prom_label(r, c.label);
                ap_rprintf(r, "\",kind=\"%s\",action=\"%s\"} %"
                           APR_UINT64_T_FMT "\n", rg_kind_name((rg_kind_e)k),
                           b ? "blocked" : "reported", c.n[k][b]);
            }
        }
    }
    start = rg_counters_start();
    ap_rprintf(r, "# HELP reqguard_start_time_seconds When mod_reqguard "
               "began counting, in seconds since the Unix epoch; a full "
               "stop of Apache resets the counters.\n"
               "# TYPE reqguard_start_time_seconds gauge\n"
               "reqguard_start_time_seconds %" APR_TIME_T_FMT ".%06d\n",
               apr_time_sec(start), (int)apr_time_usec(start));
}

static void rg_counters_auto(request_rec *r)
{
    char since[32];
    rg_counts_t c;
    int k;

    if (!rg_counters_available()) {
        ap_rputs("ReqGuardAvailable: 0\n", r);
        return;
    }
    rg_status_rfc3339(since, sizeof(since), rg_counters_start());
    rg_counters_total(&c);
    ap_rprintf(r, "ReqGuardAvailable: 1\n"
               "ReqGuardStartTime: %s\n"
               "ReqGuardUptime: %" APR_INT64_T_FMT "\n"
               "ReqGuardBlocked: %" APR_UINT64_T_FMT "\n"
               "ReqGuardReported: %" APR_UINT64_T_FMT "\n",
               since, rg_uptime(), rg_sum(&c, 1), rg_sum(&c, 0));
    for (k = 0; k < RG_KIND_COUNT; k++) {
        ap_rprintf(r, "ReqGuardBlocked_%s: %" APR_UINT64_T_FMT "\n"
                   "ReqGuardReported_%s: %" APR_UINT64_T_FMT "\n",
                   rg_kind_name((rg_kind_e)k), c.n[k][1],
                   rg_kind_name((rg_kind_e)k), c.n[k][0]);
    }
}

static void rg_counters_html(request_rec *r, int flags)
{
    int table = !(flags & AP_STATUS_NOTABLE);
    char since[32];
    rg_counts_t c;
    int i, k, n, any = 0;

    ap_rputs("<hr />\n<h2>mod_reqguard</h2>\n", r);
    if (!rg_counters_available()) {
        ap_rputs("<p>The violation counters are unavailable.</p>\n", r);
        return;
    }
    rg_status_rfc3339(since, sizeof(since), rg_counters_start());
    rg_counters_total(&c);
    ap_rprintf(r, "<p>Violations since %s (uptime %" APR_INT64_T_FMT
               " s), summed over all child processes: %" APR_UINT64_T_FMT
               " blocked, %" APR_UINT64_T_FMT " reported.</p>\n", since,
               rg_uptime(),
               rg_sum(&c, 1), rg_sum(&c, 0));
    ap_rputs(table ? "<table border=\"0\"><tr><th>kind</th><th>blocked</th>"
                     "<th>reported</th></tr>\n"
                   : "<pre>\n", r);
    for (k = 0; k < RG_KIND_COUNT; k++) {
        ap_rprintf(r, table ? "<tr><td>%s</td><td>%" APR_UINT64_T_FMT
                              "</td><td>%" APR_UINT64_T_FMT "</td></tr>\n"
                            : "%s: %" APR_UINT64_T_FMT " blocked, %"
                              APR_UINT64_T_FMT " reported\n",
                   rg_kind_name((rg_kind_e)k), c.n[k][1], c.n[k][0]);
    }
    ap_rputs(table ? "</table>\n" : "</pre>\n", r);

    n = rg_counters_vhost_count();
    for (i = 0; i < n; i++) {
        const char *label;

        rg_counters_vhost(i, &c);
        if (rg_sum(&c, 0) + rg_sum(&c, 1) == 0) {
            continue;
        }
        if (!any) {
            ap_rputs("<h3>By virtual host</h3>\n", r);
            ap_rputs(table ? "<table border=\"0\"><tr><th>virtual host</th>"
                             "<th>kind</th><th>blocked</th>"
                             "<th>reported</th></tr>\n"
                           : "<pre>\n", r);
            any = 1;
        }
        label = ap_escape_html2(r->pool, c.label, 0);
        for (k = 0; k < RG_KIND_COUNT; k++) {
            if (c.n[k][0] == 0 && c.n[k][1] == 0) {
                continue;
            }
            ap_rprintf(r, table ? "<tr><td>%s</td><td>%s</td><td>%"
                                  APR_UINT64_T_FMT "</td><td>%"
                                  APR_UINT64_T_FMT "</td></tr>\n"
                                : "%s %s: %" APR_UINT64_T_FMT " blocked, %"
                                  APR_UINT64_T_FMT " reported\n",
                       label, rg_kind_name((rg_kind_e)k), c.n[k][1],
                       c.n[k][0]);
        }
    }
    if (any) {
        ap_rputs(table ? "</table>\n" : "</pre>\n", r);
    }
}

/* ---- one place that writes a page -------------------------------------- */

static void rg_status_write(request_rec *r, rg_status_format_e format,
                            int flags)
{
    int i;

    switch (format) {
    case RG_STATUS_JSON:
        ap_rputc('{', r);
        rg_counters_json(r);
        break;
    case RG_STATUS_PROMETHEUS:
        rg_counters_prometheus(r);
        break;
    case RG_STATUS_AUTO:
        rg_counters_auto(r);
        break;
    case RG_STATUS_HTML:
        rg_counters_html(r, flags);
        break;
    case RG_STATUS_TEXT:
    default:
        rg_counters_text(r);
        break;
    }
    for (i = 0; i < rg_nsections; i++) {
        rg_sections[i](r, format, flags);
    }
    if (format == RG_STATUS_JSON) {
        ap_rputs("}\n", r);
    }
}

/* ---- format from the query string or from Accept ----------------------- */

/* What the query string asks for. */
typedef struct {
    int picked;                 /* 1: a format named, in format */
    rg_status_format_e format;
    int config;                 /* 1: ?config or ?config=1 (ReqGuardLearn's
                                 * suggested configuration) */
} rg_status_args_t;

/*
 * Read the query string into *a: "json", "auto", "format=NAME", "config",
 * "config=1" or "config=0", the last one of each kind winning; other
 * parameters are ignored.  NULL, or a message naming what to use instead
 * of a format or a config value that does not exist.
 */
static const char *rg_status_args(apr_pool_t *p, const char *args,
                                  rg_status_args_t *a)
{
    static const struct {
        const char *name;
        rg_status_format_e format;
    } formats[] = {
        { "json", RG_STATUS_JSON }, { "prometheus", RG_STATUS_PROMETHEUS },
        { "text", RG_STATUS_TEXT }, { "auto", RG_STATUS_AUTO }
    };
    char *copy, *param, *last;
    apr_size_t i;

    a->picked = a->config = 0;
    a->format = RG_STATUS_TEXT;
    if (args == NULL || *args == '\0') {
        return NULL;
    }
    copy = apr_pstrdup(p, args);
    for (param = apr_strtok(copy, "&", &last); param != NULL;
         param = apr_strtok(NULL, "&", &last)) {
        const char *value;

        if (!strcmp(param, "config") || !strcmp(param, "config=1")) {
            a->config = 1;
            continue;
        }
        if (!strcmp(param, "config=0")) {
            a->config = 0;
            continue;
        }
        if (!strncmp(param, "config=", 7)) {
            return "use config=1 for the suggested configuration";
        }
        if (!strcmp(param, "json") || !strcmp(param, "auto")) {
            value = param;
        }
        else if (!strncmp(param, "format=", 7)) {
            value = param + 7;
        }
        else {
            continue;
        }
        for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
            if (!strcasecmp(value, formats[i].name)) {
                break;
            }
        }
        if (i == sizeof(formats) / sizeof(formats[0])) {
            return "unknown format; use format=text, json, prometheus or "
                   "auto";
        }
        a->format = formats[i].format;
        a->picked = 1;
    }
    return NULL;
}

/* A q-value in thousandths; 1000 when absent or unreadable. */
static int rg_qvalue(const char *v)
{
    int q = 0, scale = 1000;

    if (*v == '1') {
        return 1000;
    }
    if (*v != '0') {
        return 1000;
    }
    if (*++v != '.') {
        return 0;
    }
    while (*++v >= '0' && *v <= '9' && scale > 1) {
        scale /= 10;
        q += (*v - '0') * scale;
    }
    return q;
}

/*
 * Accept picks among text, JSON and Prometheus.  Each takes the q-value of
 * its most specific matching range: Prometheus only from an explicit
 * "text/plain; version=0.0.4" or "application/openmetrics-text" (what
 * Prometheus sends: this page answers those scrapers in the 0.0.4 format);
 * JSON from application/json, "application/ *" or "* / *"; text from
 * text/plain without a version, "text/ *" or "* / *" (spaces added here
 * only).  The highest q wins; a tie goes to
 * text, then JSON.  No Accept: text.
 */
static rg_status_format_e rg_status_negotiate(apr_pool_t *p,
                                              const char *accept)
{
    int q[3] = { 0, 0, 0 }, spec[3] = { -1, -1, -1 };
    char *copy, *range, *last;
    int i, best;

    if (accept == NULL) {
        return RG_STATUS_TEXT;
    }
    copy = apr_pstrdup(p, accept);
    for (range = apr_strtok(copy, ",", &last); range != NULL;
         range = apr_strtok(NULL, ",", &last)) {
        char *param, *plast, *type;
        int rq = 1000, version = 0, which = -1, s = 0;

        type = apr_strtok(range, ";", &plast);
        if (type == NULL) {
            continue;
        }
        /* apr_collapse_spaces() returns the end of the string. */
        apr_collapse_spaces(type, type);
        while ((param = apr_strtok(NULL, ";", &plast)) != NULL) {
            apr_collapse_spaces(param, param);
            if (!strncasecmp(param, "q=", 2)) {
                rq = rg_qvalue(param + 2);
            }
            else if (!strcasecmp(param, "version=0.0.4")) {
                version = 1;
            }
        }
        if (!strcasecmp(type, "application/openmetrics-text")
            || (version && !strcasecmp(type, "text/plain"))) {
            which = RG_STATUS_PROMETHEUS; s = 3;
        }
        else if (!strcasecmp(type, "text/plain")) {
            which = RG_STATUS_TEXT; s = 2;
        }
        else if (!strcasecmp(type, "text/*")) {
            which = RG_STATUS_TEXT; s = 1;
        }
        else if (!strcasecmp(type, "application/json")) {
            which = RG_STATUS_JSON; s = 2;
        }
        else if (!strcasecmp(type, "application/*")) {
            which = RG_STATUS_JSON; s = 1;
        }
        else if (!strcmp(type, "*/*")) {
            for (i = RG_STATUS_TEXT; i <= RG_STATUS_JSON; i++) {
                if (spec[i] < 0) {
                    q[i] = rq; spec[i] = 0;
                }
            }
            continue;
        }
        if (which >= 0 && s > spec[which]) {
            q[which] = rq; spec[which] = s;
        }
    }
    best = RG_STATUS_TEXT;
    for (i = RG_STATUS_JSON; i <= RG_STATUS_PROMETHEUS; i++) {
        if (q[i] > q[best]) {
            best = i;
        }
    }
    return (rg_status_format_e)best;
}

/* ---- the handler and the server-status hook ----------------------------- */

int rg_status_handler(request_rec *r)
{
    rg_status_format_e format;
    rg_status_args_t args;
    const char *bad;

    if (r->method_number != M_GET) {
        ap_allow_methods(r, REPLACE_ALLOW, "GET", NULL);
        return HTTP_METHOD_NOT_ALLOWED;
    }
    bad = rg_status_args(r->pool, r->args, &args);
    if (bad != NULL) {
        ap_set_content_type(r, RG_STATUS_TEXT_TYPE);
        apr_table_setn(r->headers_out, "Cache-Control", "no-store");
        r->status = HTTP_BAD_REQUEST;
        ap_rprintf(r, "mod_reqguard status: %s\n", bad);
        return OK;
    }
    format = args.format;
    /* The limits ReqGuardLearn suggests, as configuration text: whatever
     * format was asked for. */
    if (args.config) {
        ap_set_content_type(r, RG_STATUS_TEXT_TYPE);
        apr_table_setn(r->headers_out, "Cache-Control", "no-store");
        if (!r->header_only) {
            rg_learn_config(r);
        }
        return OK;
    }
    if (!args.picked) {
        format = rg_status_negotiate(r->pool,
                                     apr_table_get(r->headers_in, "Accept"));
        apr_table_mergen(r->headers_out, "Vary", "Accept");
    }
    ap_set_content_type(r, format == RG_STATUS_JSON ? RG_STATUS_JSON_TYPE
                         : format == RG_STATUS_PROMETHEUS ? RG_STATUS_PROM_TYPE
                         : RG_STATUS_TEXT_TYPE);
    apr_table_setn(r->headers_out, "Cache-Control", "no-store");
    if (r->header_only) {
        return OK;
    }
    rg_status_write(r, format, 0);
    return OK;
}

/* mod_status's server-status: HTML, or "Key: value" lines for ?auto. */
static int rg_status_hook(request_rec *r, int flags)
{
    rg_status_write(r, (flags & AP_STATUS_SHORT) ? RG_STATUS_AUTO
                                                 : RG_STATUS_HTML, flags);
    return OK;
}

void rg_status_register_hooks(void)
{
    /* Runs only when mod_status is loaded; harmless otherwise. */
    APR_OPTIONAL_HOOK(ap, status_hook, rg_status_hook, NULL, NULL,
                      APR_HOOK_MIDDLE);
}
