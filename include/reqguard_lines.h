/*
 * reqguard_lines.h - what the connection saw of the header lines of the
 * current request, as core read them.
 *
 * A connection input filter counts the lines core reads in GETLINE mode,
 * their bytes and the longest, from the start of each request (reset in
 * pre_read_request); and it remembers the name of a line at least as long
 * as LimitRequestFieldSize.  The figures bound the sizes of the
 * header fields, so a clean request passes the field limits without a
 * measurement of each field; the name lets the remapped 431 say which field
 * core refused.
 */
#ifndef REQGUARD_LINES_H
#define REQGUARD_LINES_H

#include "reqguard_private.h"
#include "reqguard_config.h"
#include "reqguard_fields.h"

/* Bytes of an Accept value kept from the line before a long one. */
#define RG_LINES_ACCEPT_MAX 512

typedef struct {
    apr_size_t fieldsize;   /* LimitRequestFieldSize of the address */
    apr_size_t whole;       /* a chunk shorter than this is a whole line */
    apr_size_t fast;        /* a one-bucket line shorter than this takes
                             * the fast path: whole, or 0 once a line came
                             * in pieces (the figures are then no bound) */
    int in_long;            /* the last chunk was part of a longer line */
    int requests;           /* a request has started on the connection */
    apr_size_t lines;       /* lines read, request line and blank included */
    apr_size_t bytes;       /* their bytes, line ends included */
    apr_size_t longest;     /* the longest of them */
    apr_size_t fields;      /* fields core built, before other modules */
    apr_uintptr_t values;   /* fingerprint of their names and values */
    const char *target;     /* the request-target core parsed from them */
    apr_off_t long_seen;    /* bytes core read of the last long line */
    char long_name[RG_FIELD_NAME_MAX + 1];  /* its field name, or "" */
    char accept[RG_LINES_ACCEPT_MAX + 1];   /* the Accept value right
                                             * before it, or "" */
    struct rg_line_watch *watch;    /* what the error path keeps of the
                                     * long line (reqguard_error.c) */
} rg_lines_t;

/* The name and value pointers of a field table's entries, added up:
 * another module that sets, edits or merges a value replaces its pointer,
 * and one that moves a value to another name (adds it there, unsets the
 * old name) brings another name pointer.  No string is read. */
static APR_INLINE apr_uintptr_t rg_lines_values(const apr_array_header_t *arr)
{
    const apr_table_entry_t *e = (const apr_table_entry_t *)arr->elts;
    apr_uintptr_t names = 0, values = 0;
    int i;

    /* Two sums: one add from memory each, no add between them. */
    for (i = 0; i < arr->nelts; i++) {
        names += (apr_uintptr_t)e[i].key;
        values += (apr_uintptr_t)e[i].val;
    }
    return names + values;
}

/* The figures of r's connection: NULL on HTTP/2 streams and backend
 * connections, which have none. */
static APR_INLINE rg_lines_t *rg_lines_of(const request_rec *r)
{
    return ap_get_module_config(r->connection->conn_config, &reqguard_module);
}

/* In post_read_request, before other modules, into ctx (rg_lines_of(r),
 * not NULL): the request-target core parsed, and the fields core built
 * from the lines, their count and values.  Inline: every HTTP/1 request
 * passes here. */
static APR_INLINE void rg_lines_note_fields(rg_lines_t *ctx,
                                            const request_rec *r)
{
    ctx->target = r->unparsed_uri;
    if (rg_conf_sizes_seen) {
        const apr_array_header_t *arr = apr_table_elts(r->headers_in);

        ctx->fields = (apr_size_t)arr->nelts;
        ctx->values = rg_lines_values(arr);
    }
}

/* A bound of the length of r's request-target (ctx: rg_lines_of(r)): the
 * longest line core read for r, its request line being one of them;
 * (apr_size_t)-1 without figures for it (HTTP/2, a line in pieces, a
 * target another module replaced since).  r->unparsed_uri is not NULL.
 * Inline: every request with a target limit asks. */
static APR_INLINE apr_size_t rg_lines_target_bound(const rg_lines_t *ctx,
                                                   const request_rec *r)
{
    if (ctx == NULL || ctx->fast == 0 || ctx->target != r->unparsed_uri) {
        return (apr_size_t)-1;
    }
    return ctx->longest;
}

/* The figures for r (ctx: rg_lines_of(r)) when they describe exactly the
 * header fields Apache presents for it (arr: the entries of its
 * headers_in), else NULL: then
 * the fields have to be measured one by one.  Exactly: the request line,
 * one line per field that core built and the blank line (a folded or
 * merged field, or an empty line before the request line, makes more
 * lines), no field added, removed or changed since, no line read in
 * pieces.  Inline: every checked request asks. */
static APR_INLINE const rg_lines_t *rg_lines_bound(
    const rg_lines_t *ctx, const apr_array_header_t *arr)
{
    /* Request line, fields, one blank line. */
    if (ctx == NULL || ctx->fast == 0 || ctx->lines != ctx->fields + 2
        || (apr_size_t)arr->nelts != ctx->fields
        || rg_lines_values(arr) != ctx->values) {
        return NULL;
    }
    return ctx;
}

/* 1 when core read more field lines for r than r has fields: it joined
 * lines of one name (with ", "), or a folded line, or a module removed a
 * field since.  0 on HTTP/2 (no lines) and without the figures. */
static APR_INLINE int rg_lines_joined(const request_rec *r)
{
    const rg_lines_t *ctx =
        ap_get_module_config(r->connection->conn_config, &reqguard_module);

    return ctx != NULL && r->connection->master == NULL
           && ctx->lines
              > (apr_size_t)apr_table_elts(r->headers_in)->nelts + 2;
}

/* The line core refused as longer than LimitRequestFieldSize in r's
 * header block, when it starts with a field name; else NULL.  Its accept
 * holds the value of an Accept field sent right before it (core refuses
 * before it stores that field), when the connection still had it. */
const rg_lines_t *rg_lines_long(const request_rec *r);

/* For the first piece of a long line in bb: the value of the field name
 * sent on the line right before it, when the connection's buffer still
 * holds that line (see reqguard_lines.c), cut to max bytes into value
 * (max + 1 bytes); 1 when found, else 0 and "". */
int rg_lines_field_before(apr_bucket_brigade *bb, const char *name,
                          char *value, apr_size_t max);

/* The value of an Accept field sent right before a line core refused as
 * too long (see rg_lines_long), or NULL. */
const char *rg_lines_accept(const request_rec *r);

void rg_lines_register_hooks(void);

#endif /* REQGUARD_LINES_H */
