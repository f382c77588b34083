/*
 * reqguard_diag.h - the diagnostic body of a request: what the renderer
 * (reqguard_render.h) is given, gathered from the request; and the
 * reqguard-diagnostic handler for ErrorDocument targets.
 */
#ifndef REQGUARD_DIAG_H
#define REQGUARD_DIAG_H

#include <httpd.h>

#include "reqguard_config.h"
#include "reqguard_render.h"
#include "reqguard_violation.h"

/* A rendered body and how it was chosen. */
typedef struct {
    const char *body;
    apr_size_t len;
    rg_render_fmt_e fmt;        /* the format it is rendered in */
    int negotiated;             /* chosen on Accept: Vary: Accept */
} rg_diag_body_t;

/*
 * Render the body for status on r.  v is the module's refusal, or NULL (a
 * status the module did not cause); d the configuration in force where the
 * request failed; accept the Accept value to negotiate on when r's own
 * fields lack it (core refused the line after it), or NULL.
 */
void rg_diag_render(request_rec *r, const rg_dir_conf *d, int status,
                    const rg_violation_t *v, const char *accept,
                    rg_diag_body_t *out);

/* The headers of a rendered body, on t (the table the response sends). */
void rg_diag_headers(request_rec *r, apr_table_t *t, const rg_diag_body_t *b);

/* The reqguard-diagnostic handler; mod_reqguard.c dispatches to it. */
int rg_diag_handler(request_rec *r);

#endif /* REQGUARD_DIAG_H */
