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
#include "reqguard_violation.h"

typedef struct {
    apr_size_t fieldsize;   /* LimitRequestFieldSize of the address */
    apr_size_t whole;       /* a chunk shorter than this is a whole line */
    int keepalives;         /* the request the figures are for */
    int unsure;             /* a line came in pieces: figures are no bound */
    apr_size_t lines;       /* lines read, request line and blank included */
    apr_size_t blanks;      /* empty lines among them */
    apr_size_t bytes;       /* their bytes, line ends included */
    apr_size_t longest;     /* the longest of them */
    apr_off_t long_seen;    /* bytes of the last line over fieldsize */
    char long_name[RG_FIELD_SHOWN_MAX + 1];  /* its field name, or "" */
} rg_lines_t;

/* The figures for r when they describe exactly the header fields Apache
 * presents for it (no folded, merged or added fields, no line read in
 * pieces), else NULL: then the fields have to be measured one by one.
 * Inline: every checked request asks. */
static APR_INLINE const rg_lines_t *rg_lines_bound(const request_rec *r)
{
    const rg_lines_t *ctx =
        ap_get_module_config(r->connection->conn_config, &reqguard_module);

    /* Request line, fields, one blank line: exactly one line per field. */
    if (ctx == NULL || ctx->keepalives != r->connection->keepalives
        || ctx->unsure || ctx->blanks != 1
        || ctx->lines
           != (apr_size_t)apr_table_elts(r->headers_in)->nelts + 2) {
        return NULL;
    }
    return ctx;
}

/* The line over LimitRequestFieldSize seen in r's header block, with a
 * field name, or NULL. */
const rg_lines_t *rg_lines_long(const request_rec *r);

void rg_lines_register_hooks(void);

#endif /* REQGUARD_LINES_H */
