/*
 * reqguard_error.h - everything the module does on Apache's error path:
 * the remap of core's oversized-header refusals to 431, which body a
 * refusal gets (ErrorDocument, the diagnostic body, a canned page),
 * Cache-Control: no-store, and what an ErrorDocument page inherits.
 */
#ifndef REQGUARD_ERROR_H
#define REQGUARD_ERROR_H

#include <httpd.h>

void rg_error_register_hooks(void);

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
