/*
 * reqguard_lines.h - what the connection saw of the header lines of the
 * current request, as core read them.
 *
 * A connection input filter counts the lines core reads in GETLINE mode,
 * their bytes and the longest; and it remembers the name of a line at least
 * as long as LimitRequestFieldSize.  The figures bound the sizes of the
 * header fields, so a clean request passes the field limits without a
 * measurement of each field; the name lets the remapped 431 say which field
 * core refused.
 */
#ifndef REQGUARD_LINES_H
#define REQGUARD_LINES_H

#include "reqguard_private.h"
#include "reqguard_fields.h"

typedef struct {
    apr_size_t fieldsize;   /* LimitRequestFieldSize of the address */
    apr_size_t whole;       /* a chunk shorter than this is a whole line */
    int keepalives;         /* the request the figures are for */
    int unsure;             /* a line came in pieces: figures are no bound */
    int in_long;            /* the last chunk was part of a longer line */
    apr_size_t lines;       /* lines read, request line and blank included */
    apr_size_t bytes;       /* their bytes, line ends included */
    apr_size_t longest;     /* the longest of them */
    apr_size_t fields;      /* fields core built, before other modules */
    apr_off_t long_seen;    /* bytes core read of the last long line */
    char long_name[RG_FIELD_NAME_MAX + 1];  /* its field name, or "" */
} rg_lines_t;

/* In post_read_request, before other modules: how many fields core built
 * from the lines.  Inline: every request passes here. */
static APR_INLINE void rg_lines_note_fields(const request_rec *r)
{
    rg_lines_t *ctx =
        ap_get_module_config(r->connection->conn_config, &reqguard_module);

    if (ctx != NULL && ctx->keepalives == r->connection->keepalives) {
        ctx->fields = (apr_size_t)apr_table_elts(r->headers_in)->nelts;
    }
}

/* The figures for r when they describe exactly the header fields Apache
 * presents for it, else NULL: then the fields have to be measured one by
 * one.  Exactly: the request line, one line per field that core built and
 * the blank line (a folded or merged field, or an empty line before the
 * request line, makes more lines), no field added or removed since, no
 * line read in pieces.  Inline: every checked request asks. */
static APR_INLINE const rg_lines_t *rg_lines_bound(const request_rec *r)
{
    const rg_lines_t *ctx =
        ap_get_module_config(r->connection->conn_config, &reqguard_module);

    /* Request line, fields, one blank line. */
    if (ctx == NULL || ctx->keepalives != r->connection->keepalives
        || ctx->unsure || ctx->lines != ctx->fields + 2
        || (apr_size_t)apr_table_elts(r->headers_in)->nelts != ctx->fields) {
        return NULL;
    }
    return ctx;
}

/* The line core refused as longer than LimitRequestFieldSize in r's
 * header block, when it starts with a field name; else NULL. */
const rg_lines_t *rg_lines_long(const request_rec *r);

void rg_lines_register_hooks(void);

#endif /* REQGUARD_LINES_H */
