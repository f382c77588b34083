/*
 * reqguard_headers.c - header field and request-target limits (431, 414).
 *
 * Checked in post_perdir_config: the earliest hook that sees the merged
 * per-directory configuration, .htaccess included, and one that runs
 * before authentication, so an oversized Cookie sent to a
 * password-protected directory gets 431, not 401.  A path with a segment
 * too long for the filesystem fails the directory walk (403) before that
 * hook: such a request-target is checked in pre_translate_name against the
 * limit of its virtual host and <Location> sections.
 *
 * Each measure is judged against the bounds of the request
 * (reqguard_config.h): over the block bound it is refused, over the report
 * bound it is reported and the request goes on.  The measures:
 *
 *   field        "name: value", each field as Apache presents it (core
 *                joins repeated names; a field another module adds under a
 *                name the request has is a field of its own)
 *   header block the sum of "name: value\r\n" over all fields
 *   target       the request-target as received, byte for byte
 *   query        everything after its first '?', undecoded, as sent (not
 *                what a RewriteRule made of r->args since)
 *
 * A clean request is not measured field by field when the connection's
 * figures of the header lines (reqguard_lines.c) bound every field and the
 * block, nor is its target when the longest line bounds it; a per-name
 * limit below the longest line is checked by looking up that name (the
 * figures stand only for the fields core built, one per name).  Without
 * line figures (HTTP/2, fields another module changed) each field is
 * measured; when a per-name limit is below the largest, every field's
 * name is looked up, since a name may then have two fields.
 */
#include "reqguard_private.h"

#include <string.h>
#include <apr_lib.h>
#include <apr_strings.h>

#include "reqguard_config.h"
#include "reqguard_headers.h"
#include "reqguard_lines.h"
#include "reqguard_violation.h"

/* The longest file name a filesystem takes (NAME_MAX on Linux). */
#define RG_NAME_MAX 255

/* Record a measure over a bound: the status to refuse with, or OK when it
 * is only reported (the request goes on). */
static RG_COLD int rg_headers_over(request_rec *r, rg_kind_e kind,
                                   const char *field, apr_off_t observed,
                                   apr_int64_t limit, const char *directive,
                                   int ceiling, int blocked)
{
    rg_violation_note(r, kind, field, observed, limit, directive, ceiling,
                      blocked);
    /* 414 always closes (ap_status_drops_connection); a 431 closes when
     * the request has a body, which rg_body_seal() decides. */
    return blocked ? rg_kind_status(kind) : OK;
}

/* A measure of one of the numeric limits against its bounds. */
static APR_INLINE int rg_headers_limit(request_rec *r, rg_limit_e which,
                                       rg_kind_e kind, apr_off_t observed,
                                       const rg_bounds_t *b)
{
    if (b->block > 0 && observed > b->block) {
        return rg_headers_over(r, kind, NULL, observed, b->block,
                               rg_judge_limit_directive(which,
                                                        b->block_ceiling),
                               b->block_ceiling, 1);
    }
    if (b->report > 0 && observed > b->report) {
        return rg_headers_over(r, kind, NULL, observed, b->report,
                               rg_judge_limit_directive(which,
                                                        b->report_ceiling),
                               b->report_ceiling, 0);
    }
    return OK;
}

/* One field of size bytes against its bounds. */
static APR_INLINE int rg_headers_field(request_rec *r, const rg_judge_t *j,
                                       const char *name, apr_size_t len,
                                       apr_off_t size, const rg_bounds_t *b)
{
    if (b->block > 0 && size > b->block) {
        return rg_headers_over(r, RG_KIND_FIELD_SIZE, name, size, b->block,
                               rg_judge_field_directive(r->pool, j, name,
                                                        len, 1),
                               b->block_ceiling, 1);
    }
    if (b->report > 0 && size > b->report) {
        return rg_headers_over(r, RG_KIND_FIELD_SIZE, name, size, b->report,
                               rg_judge_field_directive(r->pool, j, name,
                                                        len, 0),
                               b->report_ceiling, 0);
    }
    return OK;
}

/*
 * Measure every field, and the block.  general holds the bounds of a field
 * without a per-name limit; named says whether there are per-name limits
 * (or ceilings) to look up.
 */
static int rg_measure_fields(request_rec *r, const rg_judge_t *j,
                             const rg_bounds_t *general,
                             const rg_bounds_t *whole, int named)
{
    const apr_array_header_t *elts = apr_table_elts(r->headers_in);
    const apr_table_entry_t *e = (const apr_table_entry_t *)elts->elts;
    apr_off_t block = 0;
    int i, rc;

    for (i = 0; i < elts->nelts; i++) {
        rg_bounds_t own;
        const rg_bounds_t *b = general;
        apr_size_t klen;
        apr_off_t size = (apr_off_t)rg_field_size(&e[i], &klen);

        block += size + 2;
        if (named) {
            rg_judge_field(j, e[i].key, klen, &own);
            b = &own;
        }
        rc = rg_headers_field(r, j, e[i].key, klen, size, b);
        if (rc != OK) {
            return rc;
        }
    }
    return rg_headers_limit(r, RG_LIM_HEADER_SIZE, RG_KIND_HEADER_SIZE, block,
                            whole);
}

/* The per-name limits of one table (ReqGuardFieldLimit or ReqGuardCeiling
 * FieldLimit) that could be over when every field is at most longest
 * bytes: only those names are looked up.  skip: a table whose names were
 * looked up already. */
static int rg_check_table(request_rec *r, const rg_judge_t *j,
                          const rg_field_table_t *t,
                          const rg_field_table_t *skip, apr_size_t longest)
{
    unsigned int i;

    for (i = 0; i <= t->mask; i++) {
        const rg_field_slot_t *slot = &t->slots[i];
        rg_bounds_t b;
        apr_int64_t least;
        const char *val;
        int rc;

        if (slot->name == NULL
            || (skip != NULL
                && rg_fields_lookup(skip, slot->name, slot->len) >= 0)) {
            continue;
        }
        rg_judge_field(j, slot->name, slot->len, &b);
        least = rg_min_bound(b.block, b.report);
        if (least == 0 || (apr_uint64_t)least >= (apr_uint64_t)longest) {
            continue;
        }
        val = apr_table_get(r->headers_in, slot->name);
        if (val == NULL) {
            continue;
        }
        rc = rg_headers_field(r, j, slot->name, slot->len,
                              (apr_off_t)(slot->len + 2 + strlen(val)), &b);
        if (rc != OK) {
            return rc;
        }
    }
    return OK;
}

/* Only the per-name limits, every field being at most longest bytes. */
static int rg_check_named(request_rec *r, const rg_judge_t *j,
                          apr_size_t longest)
{
    const rg_field_table_t *own = j->d->field_limits;
    const rg_field_table_t *cap = j->s->ceiling_fields;
    int rc = OK, own_done = 0;

    /* Without per-name ceilings, a table whose smallest limit fits the
     * longest line holds nothing to check (a general ceiling can only
     * lower a limit to what the general bound already cleared). */
    if (own != NULL
        && (cap != NULL
            || (own->min_limit > 0
                && (apr_uint64_t)own->min_limit < (apr_uint64_t)longest))) {
        rc = rg_check_table(r, j, own, NULL, longest);
        own_done = 1;
    }
    if (rc == OK && cap != NULL) {
        rc = rg_check_table(r, j, cap, own_done ? own : NULL, longest);
    }
    return rc;
}

/* Field count, field sizes, block size. */
static int rg_check_fields(request_rec *r, const rg_judge_t *j)
{
    const apr_array_header_t *arr = apr_table_elts(r->headers_in);
    int nelts = arr->nelts;
    rg_bounds_t count, general, whole;
    apr_int64_t field_least, whole_least;
    const rg_lines_t *lines;
    int named, rc;

    rg_judge_limit(j, RG_LIM_FIELDS, &count);
    rc = rg_headers_limit(r, RG_LIM_FIELDS, RG_KIND_FIELDS, nelts, &count);
    if (rc != OK) {
        return rc;
    }
    rg_judge_limit(j, RG_LIM_FIELD_SIZE, &general);
    rg_judge_limit(j, RG_LIM_HEADER_SIZE, &whole);
    field_least = rg_min_bound(general.block, general.report);
    whole_least = rg_min_bound(whole.block, whole.report);
    named = j->d->field_limits != NULL || j->s->ceiling_fields != NULL;
    if (field_least == 0 && whole_least == 0) {
        if (!named) {
            return OK;
        }
    }
    /* A field is never larger than its line, the block never larger than
     * its lines plus two bytes a field (a client may send "name:value\n"). */
    lines = rg_lines_bound(rg_lines_of(r), arr);
    if (lines != NULL
        && (whole_least == 0
            || (apr_int64_t)(lines->bytes + 2 * (apr_size_t)nelts)
               <= whole_least)
        && (field_least == 0
            || (apr_int64_t)lines->longest <= field_least)) {
        return named ? rg_check_named(r, j, lines->longest) : OK;
    }
    /* Without line figures (HTTP/2, fields another module changed) a name
     * may have two fields, of which a look-up by name finds only the
     * first: every field is measured and looked up. */
    return rg_measure_fields(r, j, &general, &whole, named);
}

/* Request-target and query string, both as the client sent them. */
static int rg_check_target(request_rec *r, const rg_judge_t *j)
{
    const char *target = r->unparsed_uri, *q;
    rg_bounds_t uri, query;
    apr_size_t len;
    int rc;

    rg_judge_limit(j, RG_LIM_URI, &uri);
    rg_judge_limit(j, RG_LIM_QUERY, &query);
    if ((uri.block == 0 && uri.report == 0
         && query.block == 0 && query.report == 0) || target == NULL) {
        return OK;
    }
    len = strlen(target);
    rc = rg_headers_limit(r, RG_LIM_URI, RG_KIND_URI, (apr_off_t)len, &uri);
    if (rc != OK || (query.block == 0 && query.report == 0)) {
        return rc;
    }
    q = memchr(target, '?', len);
    if (q == NULL) {
        return OK;
    }
    return rg_headers_limit(r, RG_LIM_QUERY, RG_KIND_QUERY,
                            (apr_off_t)(len - (apr_size_t)(q - target) - 1),
                            &query);
}

/* Also the path of a request the screen below cannot clear.  Out of the
 * way: a clean request judged On does not come here. */
RG_COLD int rg_headers_judged(request_rec *r, const rg_dir_conf *d,
                              const rg_srv_conf *s, rg_judge_e how)
{
    rg_judge_t j;
    int rc;

    j.d = d;
    j.s = s;
    j.how = how;
    rc = rg_check_target(r, &j);
    if (rc == OK) {
        rc = rg_check_fields(r, &j);
    }
    return rc == OK ? DECLINED : rc;
}

/* The per-name limits under On, every field being at most longest bytes:
 * 1 when a named field may be over its limit. */
static int rg_screen_table(const request_rec *r, const rg_field_table_t *t,
                           const rg_field_table_t *skip,
                           const rg_dir_conf *d, const rg_srv_conf *s,
                           apr_size_t longest)
{
    const rg_field_table_t *caps = s->ceiling_fields;
    apr_int64_t general = s->ceiling[RG_LIM_FIELD_SIZE];
    apr_int64_t unnamed = 0;
    unsigned int i;

    if (skip != NULL) {
        unnamed = d->limit[RG_LIM_FIELD_SIZE] < 0
                  ? 0 : d->limit[RG_LIM_FIELD_SIZE];
    }
    for (i = 0; i <= t->mask; i++) {
        const rg_field_slot_t *slot = &t->slots[i];
        apr_int64_t own, cap = general;
        const char *val;

        if (slot->name == NULL) {
            continue;
        }
        if (skip != NULL) {
            if (rg_fields_lookup(skip, slot->name, slot->len) >= 0) {
                continue;       /* looked up with the other table */
            }
            own = unnamed;
        }
        else {
            own = slot->limit;
        }
        if (caps != NULL) {
            apr_off_t named = rg_fields_lookup(caps, slot->name, slot->len);

            if (named > 0 && (cap <= 0 || named < cap)) {
                cap = named;
            }
        }
        own = rg_clamp(own, cap);
        if (own == 0 || (apr_uint64_t)own >= (apr_uint64_t)longest) {
            continue;
        }
        val = apr_table_get(r->headers_in, slot->name);
        if (val != NULL && (apr_int64_t)(slot->len + 2 + strlen(val)) > own) {
            return 1;
        }
    }
    return 0;
}

/*
 * Every field measured under On, when no line figures describe them
 * (HTTP/2, a line in pieces, a field another module changed): 1 when a
 * field or the block may be over its limit.  field and block are the
 * general limits in force (0: none).
 */
static int rg_screen_fields(const apr_array_header_t *elts,
                            const rg_dir_conf *d, const rg_srv_conf *s,
                            apr_int64_t field, apr_int64_t block)
{
    const apr_table_entry_t *e = (const apr_table_entry_t *)elts->elts;
    const rg_field_table_t *own = d->field_limits, *cap = s->ceiling_fields;
    apr_int64_t sum = 0;
    int i;

    for (i = 0; i < elts->nelts; i++) {
        apr_size_t klen;
        apr_int64_t size = (apr_int64_t)rg_field_size(&e[i], &klen);
        apr_int64_t limit = field;

        sum += size + 2;
        if (own != NULL || cap != NULL) {
            apr_off_t named = rg_fields_lookup(own, e[i].key, klen);
            apr_int64_t c = s->ceiling[RG_LIM_FIELD_SIZE];

            if (named >= 0) {
                limit = rg_clamp(named, c);
            }
            named = rg_fields_lookup(cap, e[i].key, klen);
            if (named > 0) {
                limit = rg_clamp(limit, named);
            }
        }
        if (limit > 0 && size > limit) {
            return 1;
        }
    }
    return block > 0 && sum > block;
}

/* The figures of fields that no line figures describe (HTTP/2, a field
 * another module changed), measured: the largest "name: value" into
 * longest, the block ("name: value\r\n" each) into bytes.  No name is
 * looked up. */
static APR_INLINE void rg_screen_measure(const apr_array_header_t *elts,
                                         apr_size_t *longest,
                                         apr_size_t *bytes)
{
    const apr_table_entry_t *e = (const apr_table_entry_t *)elts->elts;
    apr_size_t most = 0, sum = 0;
    int i;

    for (i = 0; i < elts->nelts; i++) {
        apr_size_t klen, size = rg_field_size(&e[i], &klen);

        sum += size + 2;
        if (size > most) {
            most = size;
        }
    }
    *longest = most;
    *bytes = sum;
}

/* 1 when a per-name limit of t is below longest. */
static APR_INLINE int rg_screen_below(const rg_field_table_t *t,
                                      apr_size_t longest)
{
    return t != NULL && t->min_limit > 0
           && (apr_uint64_t)t->min_limit < (apr_uint64_t)longest;
}

/* 1 when r's request-target or query may be over uri or query (0: no
 * limit).  The longest header line bounds the target when it was read
 * for r (reqguard_lines.h); else the target is measured. */
static APR_INLINE int rg_screen_target(const request_rec *r,
                                       const rg_lines_t *ctx,
                                       apr_int64_t uri, apr_int64_t query)
{
    const char *target = r->unparsed_uri, *q;
    apr_size_t len = rg_lines_target_bound(ctx, r);

    if ((uri == 0 || (apr_uint64_t)len <= (apr_uint64_t)uri)
        && (query == 0 || (apr_uint64_t)len <= (apr_uint64_t)query)) {
        return 0;
    }
    len = strlen(target);
    if (uri > 0 && (apr_int64_t)len > uri) {
        return 1;
    }
    return query > 0 && (apr_int64_t)len > query
           && (q = memchr(target, '?', len)) != NULL
           && (apr_int64_t)(len - (apr_size_t)(q - target) - 1) > query;
}

/* The screen's judgement of the figures of r's fields (lined: they come
 * from the line figures): 1 when a field or the block may be over. */
static APR_INLINE int rg_screen_figures(const request_rec *r,
                                        const apr_array_header_t *arr,
                                        const rg_dir_conf *d,
                                        const rg_srv_conf *s,
                                        const apr_int64_t *lim, int lined,
                                        apr_size_t longest, apr_size_t bytes)
{
    const rg_field_table_t *own = d->field_limits, *cap = s->ceiling_fields;
    apr_int64_t field = lim[RG_LIM_FIELD_SIZE];
    apr_int64_t block = lim[RG_LIM_HEADER_SIZE];

    if ((block > 0 && (apr_uint64_t)bytes > (apr_uint64_t)block)
        || (field > 0 && (apr_uint64_t)longest > (apr_uint64_t)field)
        || (!lined && (rg_screen_below(own, longest)
                       || rg_screen_below(cap, longest)))) {
        /* The figures bound nothing here: field by field, with the
         * per-name limits (a named field may be allowed more).  Without
         * line figures a name may have two fields (another module added
         * one), of which a look-up by name finds only the first: every
         * field is looked up. */
        return rg_screen_fields(arr, d, s, field, block);
    }
    if (!lined) {
        return 0;
    }
    if (own != NULL && (cap != NULL || rg_screen_below(own, longest))
        && rg_screen_table(r, own, NULL, d, s, longest)) {
        return 1;
    }
    return cap != NULL && rg_screen_table(r, cap, own, d, s, longest);
}

/*
 * The screen of a request judged On, the common case: plain limits, no
 * record, no struct.  0 when nothing can be over a limit; 1 when the
 * request needs the judged checks (which then refuse it, or find it clean
 * after measuring every field).
 */
static RG_ALWAYS_INLINE int rg_headers_screen(request_rec *r,
                                              const rg_dir_conf *d,
                                              const rg_srv_conf *s,
                                              const apr_int64_t *lim)
{
    const rg_lines_t *ctx = rg_lines_of(r), *lines;
    const apr_array_header_t *arr;
    apr_size_t longest, bytes;
    int nelts;

    if ((lim[RG_LIM_URI] > 0 || lim[RG_LIM_QUERY] > 0)
        && r->unparsed_uri != NULL
        && rg_screen_target(r, ctx, lim[RG_LIM_URI], lim[RG_LIM_QUERY])) {
        return 1;
    }
    if (lim[RG_LIM_FIELD_SIZE] == 0 && lim[RG_LIM_HEADER_SIZE] == 0
        && d->field_limits == NULL && s->ceiling_fields == NULL) {
        /* No size limit: the count at most. */
        return lim[RG_LIM_FIELDS] > 0
               && apr_table_elts(r->headers_in)->nelts > lim[RG_LIM_FIELDS];
    }
    arr = apr_table_elts(r->headers_in);
    nelts = arr->nelts;
    if (lim[RG_LIM_FIELDS] > 0 && nelts > lim[RG_LIM_FIELDS]) {
        return 1;
    }
    lines = rg_lines_bound(ctx, arr);
    if (lines != NULL) {
        longest = lines->longest;
        bytes = lines->bytes + 2 * (apr_size_t)nelts;
    }
    else {
        rg_screen_measure(arr, &longest, &bytes);
    }
    /* The limits are read again here: kept across the measure, they
     * would cost more to save than to load. */
    return rg_screen_figures(r, arr, d, s, lim, lines != NULL, longest,
                             bytes);
}

int rg_headers_screened(request_rec *r, const rg_dir_conf *d,
                        const rg_srv_conf *s, const apr_int64_t *lim)
{
    if (!rg_headers_screen(r, d, s, lim)) {
        return DECLINED;
    }
    return rg_headers_judged(r, d, s, RG_JUDGE_ENFORCE);
}

/* Under ceilings the limits are capped first: apart, so that a server
 * without ceilings reads its limits in place. */
int rg_headers_screened_capped(request_rec *r, const rg_dir_conf *d,
                               const rg_srv_conf *s)
{
    apr_int64_t capped[RG_LIM_COUNT];

    return rg_headers_screened(r, d, s, rg_conf_capped(d, s, capped));
}

/* 1 when path has a segment longer than a file name can be, counting a
 * %XX escape as the one byte it stands for. */
static int rg_has_long_segment(const char *path)
{
    apr_size_t seg = 0;

    for (; *path != '\0'; path++) {
        if (*path == '/') {
            seg = 0;
            continue;
        }
        if (*path == '%' && apr_isxdigit(path[1]) && apr_isxdigit(path[2])) {
            path += 2;
        }
        if (++seg > RG_NAME_MAX) {
            return 1;
        }
    }
    return 0;
}

/* The rare part of the early check: a target of len bytes over the limit.
 * The configuration is looked up again, so that the common path keeps
 * nothing of it across the measure. */
static RG_COLD int rg_headers_early_over(request_rec *r, apr_size_t len)
{
    const rg_dir_conf *d = RG_DIR_CONF(r);
    const rg_srv_conf *s = RG_SRV_CONF(r->server);
    rg_judge_t j;
    rg_bounds_t uri;

    if (r->parsed_uri.path == NULL
        || !rg_has_long_segment(r->parsed_uri.path)) {
        return DECLINED;
    }
    j.d = d;
    j.s = s;
    j.how = rg_judge_how(d, s);
    rg_judge_limit(&j, RG_LIM_URI, &uri);
    return rg_headers_limit(r, RG_LIM_URI, RG_KIND_URI, (apr_off_t)len, &uri)
           == OK ? DECLINED : HTTP_REQUEST_URI_TOO_LARGE;
}

int rg_headers_check_early(request_rec *r)
{
    const rg_dir_conf *d = RG_DIR_CONF(r);
    const rg_srv_conf *s = RG_SRV_CONF(r->server);
    apr_int64_t limit;
    apr_size_t len;

    /* No .htaccess yet: the limit of the virtual host and its <Location>
     * sections is the one in force, whether it refuses or reports. */
    limit = rg_conf_limit(d, s, RG_LIM_URI);
    if (limit == 0 || r->unparsed_uri == NULL
        || (apr_uint64_t)rg_lines_target_bound(rg_lines_of(r), r)
           <= (apr_uint64_t)limit) {
        return DECLINED;
    }
    len = strlen(r->unparsed_uri);
    if ((apr_int64_t)len <= limit) {
        return DECLINED;
    }
    return rg_headers_early_over(r, len);
}
