/*
 * reqguard_headers.h - header field and request-target limits (431, 414)
 * and the remap of core's oversized-header 400 to 431.
 */
#ifndef REQGUARD_HEADERS_H
#define REQGUARD_HEADERS_H

#include <httpd.h>

void rg_headers_register_hooks(void);

/* The header checks of post_perdir_config: DECLINED, or the status to
 * refuse the request with. */
int rg_headers_check(request_rec *r);

#endif /* REQGUARD_HEADERS_H */
