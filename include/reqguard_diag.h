/*
 * reqguard_diag.h - the diagnostic body of a request: what the renderer
 * (reqguard_render.h) is given, gathered from the request; what a 431
 * about the cookies sends to clear them (ReqGuardCookieRecovery); and the
 * reqguard-diagnostic handler for ErrorDocument targets.
 */
#ifndef REQGUARD_DIAG_H
#define REQGUARD_DIAG_H

#include <httpd.h>

#include "reqguard_config.h"
#include "reqguard_cookies.h"
#include "reqguard_render.h"
#include "reqguard_violation.h"

/* A rendered body and how it was chosen. */
typedef struct {
    const char *body;
    apr_size_t len;
    rg_render_fmt_e fmt;        /* the format it is rendered in */
    int negotiated;             /* chosen on Accept: Vary: Accept */
    rg_lang_e lang;             /* the language of the visitor's part */
    int lang_negotiated;        /* HTML or text: Vary: Accept-Language,
                                 * Content-Language */
} rg_diag_body_t;

/* A 431 about the cookies, and what its response does about them. */
typedef struct {
    rg_cookies_t *cookies;      /* the Cookie field, parsed (largest first,
                                 * the ones to expire marked) */
    rg_recovery_e recovery;     /* what the page may promise */
    int clear_site_data;        /* send Clear-Site-Data: "cookies" */
    apr_size_t expire;          /* Set-Cookie fields to send */
    int sent;                   /* the headers are on the response */
} rg_diag_cookies_t;

/*
 * The cookies of refusal v of r's chain (r may be an error page request or
 * a subrequest) and what ReqGuardCookieRecovery sends for them, decided
 * once per refusal; NULL when v is not a 431 about the cookies.
 */
const rg_diag_cookies_t *rg_diag_cookies(request_rec *r,
                                         const rg_violation_t *v);

/* Add the recovery fields of refusal v (Set-Cookie, Clear-Site-Data) to t,
 * the error response's err_headers_out; once per refusal. */
void rg_diag_recovery_headers(request_rec *r, const rg_violation_t *v,
                              apr_table_t *t);

/*
 * Render the body for status on r.  v is the module's refusal, or NULL (a
 * status the module did not cause); d the configuration in force where the
 * request failed; accept and accept_language the values to negotiate on
 * when r's own fields lack them (core refused the line after them), or
 * NULL.
 */
void rg_diag_render(request_rec *r, const rg_dir_conf *d, int status,
                    const rg_violation_t *v, const char *accept,
                    const char *accept_language, rg_diag_body_t *out);

/* The headers of a rendered body, on t (the table the response sends). */
void rg_diag_headers(request_rec *r, apr_table_t *t, const rg_diag_body_t *b);

/* The reqguard-diagnostic handler; mod_reqguard.c dispatches to it. */
int rg_diag_handler(request_rec *r);

#endif /* REQGUARD_DIAG_H */
