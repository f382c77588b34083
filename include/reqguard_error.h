/*
 * reqguard_error.h - everything the module does on Apache's error path:
 * the remap of core's oversized-header refusals to 431, which body a
 * refusal gets (ErrorDocument, the diagnostic body, a canned page),
 * Cache-Control: no-store, and what an ErrorDocument page inherits.
 */
#ifndef REQGUARD_ERROR_H
#define REQGUARD_ERROR_H

#include <httpd.h>
#include <apr_buckets.h>

#include "reqguard_cookies.h"
#include "reqguard_lines.h"

void rg_error_register_hooks(void);

/*
 * For the line watcher (reqguard_lines.c), on every piece of a line at
 * least as long as core reads at once, len its bytes, before ctx counts
 * it: keeps the pairs of a Cookie line (in a collector of fixed size, for
 * the life of the request reading it) and the Accept-Language field sent
 * right before the line.  Cold: only long lines come here.
 */
void rg_error_watch_line(rg_lines_t *ctx, apr_bucket_brigade *bb,
                         apr_size_t len);

/* The Cookie field of the line core refused in r's header block, as far as
 * core read it (partial when it stopped before the line's end), from r's
 * pool; NULL when the refused line was not a Cookie field. */
rg_cookies_t *rg_error_core_cookies(request_rec *r);

/* The Accept-Language value sent right before the line core refused, when
 * the connection still had it; NULL otherwise (then r's own fields may
 * hold one). */
const char *rg_error_core_accept_language(const request_rec *r);

/*
 * post_read_request of an internal redirect (r->prev set), an
 * ErrorDocument page among them: carry the REQGUARD_* variables and
 * Cache-Control: no-store of a refusal over to r, and answer core's
 * refusal with 431 when it reached an "ErrorDocument 400" URL.  Returns
 * DECLINED, or the status to answer r with instead (an admin's
 * ErrorDocument 431 then applies).
 */
int rg_error_redirected(request_rec *r);

#endif /* REQGUARD_ERROR_H */
