/*
 * reqguard_headers.c - header field and request-target limits (431, 414),
 * and the remap of core's oversized-header 400 to 431.
 *
 * Header field limits are checked in post_perdir_config: the earliest hook
 * that sees the merged per-directory configuration, .htaccess included, and
 * one that runs before authentication, so an oversized Cookie sent to a
 * password-protected directory gets 431, not 401.  A path with a segment
 * too long for the filesystem fails the directory walk (core: 403, "File
 * name too long") before that hook runs; when such a request-target is over
 * the limit in force where the walk stopped, its 403 is answered as the 414
 * the check would have given.
 *
 * Core refuses a header block over LimitRequestFieldSize/LimitRequestFields
 * with a hard-coded 400 before any hook of ours sees the request.  The
 * remap turns that 400 into 431 where core sends it (insert_error_filter)
 * or, when ErrorDocument 400 is a local URL, in the error page request
 * (post_read_request).  reqguard_lines.c remembers the name of a header
 * line longer than LimitRequestFieldSize so that the 431 can say which
 * field it was.
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
#include "reqguard_lines.h"
#include "reqguard_violation.h"

/* The error-notes core sets for the two header rejections we remap. */
#define RG_CORE_NOTE_SIZE   "Size of a request header field exceeds"
#define RG_CORE_NOTE_FIELDS "The number of request header fields exceeds"

#define RG_STATUS_LINE_431 "431 Request Header Fields Too Large"

/* ---- module limits ---------------------------------------------------- */

/* Record a violation and say what to answer: the status, or OK for
 * ReportOnly (the request goes on). */
static RG_COLD int rg_headers_refuse(request_rec *r, rg_mode_e mode,
                                     rg_kind_e kind, const char *field,
                                     apr_off_t observed, apr_int64_t limit)
{
    int blocked = (mode == RG_MODE_ON);

    rg_violation_record(r, kind, field, observed, limit, NULL, blocked);
    /* 414 always closes (ap_status_drops_connection); a 431 closes when
     * the request has a body, which rg_body_seal() decides. */
    return blocked ? rg_kind_status(kind) : OK;
}

/*
 * The smallest field size limit in force for any name, 0 when no field has
 * one: a header block whose longest line is within it cannot have a field
 * over its limit.
 */
static apr_int64_t rg_field_floor(const rg_dir_conf *d, const rg_srv_conf *s)
{
    apr_int64_t floor = rg_conf_limit(d, s, RG_LIM_FIELD_SIZE);
    apr_int64_t own;

    if (d->field_limits == NULL) {
        return floor;
    }
    /* The smallest per-name limit under the ceiling; a name exempted with
     * 0 is held to the ceiling, which is never below that. */
    own = rg_clamp(d->field_limits->min_limit,
                   s->ceiling[RG_LIM_FIELD_SIZE]);
    return (own > 0 && (floor == 0 || own < floor)) ? own : floor;
}

/*
 * Measure every field: "name: value" for one field, the sum of
 * "name: value\r\n" for the block.  Fields as Apache presents them:
 * repeated names already combined into one.
 */
static RG_COLD int rg_measure_fields(request_rec *r, const rg_dir_conf *d,
                                     const rg_srv_conf *s, rg_mode_e mode,
                                     apr_int64_t max_block)
{
    const apr_array_header_t *elts = apr_table_elts(r->headers_in);
    const apr_table_entry_t *e = (const apr_table_entry_t *)elts->elts;
    apr_int64_t max_field = rg_conf_limit(d, s, RG_LIM_FIELD_SIZE);
    apr_int64_t ceiling = s->ceiling[RG_LIM_FIELD_SIZE];
    const rg_field_table_t *named = d->field_limits;
    apr_off_t block = 0;
    int i, rc;

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
                limit = rg_clamp(own, ceiling);
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

/*
 * Field count, field sizes, block size.  When the connection's figures
 * describe exactly these fields (reqguard_lines.c), they bound every size:
 * a field is never larger than its line, the block never larger than its
 * lines plus two bytes a field (a client may send "name:value\n").  Only a
 * request those bounds cannot clear is measured field by field.
 */
static int rg_check_fields(request_rec *r, const rg_dir_conf *d,
                           const rg_srv_conf *s, rg_mode_e mode)
{
    int nelts = apr_table_elts(r->headers_in)->nelts;
    apr_int64_t max_fields = rg_conf_limit(d, s, RG_LIM_FIELDS);
    apr_int64_t max_block = rg_conf_limit(d, s, RG_LIM_HEADER_SIZE);
    apr_int64_t floor = rg_field_floor(d, s);
    const rg_lines_t *lines;

    if (max_fields > 0 && nelts > max_fields) {
        int rc = rg_headers_refuse(r, mode, RG_KIND_FIELDS, NULL, nelts,
                                   max_fields);

        if (rc != OK) {
            return rc;
        }
    }
    if (floor == 0 && max_block == 0) {
        return OK;
    }
    lines = rg_lines_bound(r);
    if (lines != NULL
        && (floor == 0 || (apr_int64_t)lines->longest <= floor)
        && (max_block == 0
            || (apr_int64_t)(lines->bytes + 2 * (apr_size_t)nelts)
               <= max_block)) {
        return OK;
    }
    return rg_measure_fields(r, d, s, mode, max_block);
}

/* Request-target and query string; OK when nothing is refused. */
static int rg_check_target(request_rec *r, const rg_dir_conf *d,
                           const rg_srv_conf *s, rg_mode_e mode)
{
    apr_int64_t limit = rg_conf_limit(d, s, RG_LIM_URI);
    int rc;

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
            return rg_headers_refuse(r, mode, RG_KIND_QUERY, NULL, len,
                                     limit);
        }
    }
    return OK;
}

int rg_headers_check(request_rec *r, const rg_dir_conf *d,
                     const rg_srv_conf *s, rg_mode_e mode)
{
    int rc = rg_check_target(r, d, s, mode);

    if (rc == OK) {
        rc = rg_check_fields(r, d, s, mode);
    }
    return rc == OK ? DECLINED : rc;
}

/* ---- core's 400 -> 431 ------------------------------------------------ */

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
        const rg_lines_t *line = rg_lines_long(r);

        limit = r->server->limit_req_fieldsize;
        /* What core read of the line (it stops early), or unknown: a
         * field that grew too long by folding or merging. */
        observed = line ? line->long_seen : -1;
        field = line ? line->long_name : NULL;
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


/* Swallows what core still writes for a request whose response was
 * already sent another way. */
static ap_filter_rec_t *rg_discard_filter;

static apr_status_t rg_discard_out(ap_filter_t *f, apr_bucket_brigade *bb)
{
    (void)f;
    apr_brigade_cleanup(bb);
    return APR_SUCCESS;
}

/*
 * Core writes the body of the status it saved before the error hooks ran
 * (400, 403), whatever status a hook set.  With no diagnostic body to
 * replace it, have core answer the status we set with its own canned text
 * now, and swallow what it writes after.
 */
static void rg_send_own_canned(request_rec *r)
{
    if (rg_conf_diagnostics(RG_DIR_CONF(r)) != RG_DIAG_OFF) {
        return;     /* the REQGUARD_DIAG filter replaces the body */
    }
    ap_send_error_response(r, 0);
    ap_add_output_filter_handle(rg_discard_filter, NULL, r, r->connection);
}

/*
 * A 403 from a directory walk that never reached post_perdir_config (a path
 * segment too long for the filesystem): when the request-target is over the
 * limit in force as far as the walk got, answer the 414 the check would
 * have given.  A 403 from authorization cannot be over the limit: the check
 * ran before it.
 */
static void rg_target_remap(request_rec *r)
{
    const rg_dir_conf *d;
    rg_mode_e mode;
    int status;

    if (r->prev != NULL || r->main != NULL || r->per_dir_config == NULL) {
        return;
    }
    d = RG_DIR_CONF(r);
    mode = rg_conf_mode(d);
    if (mode == RG_MODE_OFF
        || rg_violation_get(r) != NULL) {
        return;
    }
    status = rg_check_target(r, d, RG_SRV_CONF(r->server), mode);
    if (status != OK) {
        r->status = status;
        r->status_line = ap_get_status_line(status);
        r->connection->keepalive = AP_CONN_CLOSE;
        rg_send_own_canned(r);
    }
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
    rg_kind_e kind;
    const char *doc;

    if (r->status == HTTP_FORBIDDEN) {
        rg_target_remap(r);
        return;
    }
    kind = rg_core_kind(r);
    if (kind == RG_KIND_NONE || r->prev != NULL || r->main != NULL
        || !rg_core_remap(r, kind)) {
        return;
    }
    rg_set_431(r);
    doc = ap_response_code_string(r, ap_index_of_response(
                                         HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE));
    if (doc == NULL || (doc[0] != '"' && doc[0] != '/')) {
        /* No ErrorDocument 431, or a full URL, which core would not follow
         * for a 400 of its own either. */
        rg_send_own_canned(r);
        return;
    }
    if (doc[0] == '"') {
        ap_custom_response(r, HTTP_BAD_REQUEST, doc + 1);
    }
    else {
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
void rg_headers_redirected(request_rec *r)
{
    request_rec *prev = r->prev;
    const rg_violation_t *v;
    const apr_array_header_t *arr;
    const apr_table_entry_t *e;
    int i;

    if (prev->prev == NULL) {
        rg_kind_e kind = rg_core_kind(prev);

        if (kind != RG_KIND_NONE && rg_core_remap(prev, kind)) {
            rg_set_431(prev);
            rg_set_431(r);
            apr_table_setn(r->subprocess_env, "REDIRECT_STATUS", "431");
        }
    }
    v = rg_violation_get(prev);
    if (v == NULL) {
        return;
    }
    if (v->blocked) {
        /* The error page answers a refusal: nothing may cache it. */
        apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");
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
}

void rg_headers_register_hooks(void)
{
    /* REALLY_FIRST: the status must be 431 before any other error filter
     * (our diagnostic body included) looks at it. */
    ap_hook_insert_error_filter(rg_headers_insert_error, NULL, NULL,
                                APR_HOOK_REALLY_FIRST);

    /* Before HTTP_HEADER: nothing of the swallowed response goes out. */
    rg_discard_filter = ap_register_output_filter(
        "REQGUARD_DISCARD", rg_discard_out, NULL, AP_FTYPE_CONTENT_SET);
}
