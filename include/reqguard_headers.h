/*
 * reqguard_headers.h - header field and request-target limits (431, 414)
 * and the remap of core's oversized-header 400 to 431.
 */
#ifndef REQGUARD_HEADERS_H
#define REQGUARD_HEADERS_H

#include <httpd.h>

#include "reqguard_config.h"

void rg_headers_register_hooks(void);

/* The header checks of post_perdir_config, for an initial request with the
 * module not Off: DECLINED, or the status to refuse the request with. */
int rg_headers_check(request_rec *r, const rg_dir_conf *d,
                     const rg_srv_conf *s, rg_mode_e mode);

/* For an internal redirect (r->prev set): answer core's 400 with 431 when
 * ErrorDocument 400 is a local URL, and carry the REQGUARD_* variables and
 * Cache-Control: no-store of a refusal over to the error page. */
void rg_headers_redirected(request_rec *r);

#endif /* REQGUARD_HEADERS_H */
