/*
 * reqguard_body.h - the body guard: ReqGuardMaxBody (413),
 * ReqGuardRequireLength (411), ReqGuardBodyTimeout and ReqGuardBodyMinRate
 * (408).
 */
#ifndef REQGUARD_BODY_H
#define REQGUARD_BODY_H

/* Name of the input filter that counts and times the request body. */
#define RG_BODY_FILTER "REQGUARD_BODY"

#include <httpd.h>

#include "reqguard_config.h"

/* Register the REQGUARD_BODY filter. */
void rg_body_register_hooks(void);

/* The body checks of post_perdir_config (mod_reqguard.c runs them after
 * the header checks): refuses a declared length or a missing one, and adds
 * REQGUARD_BODY where the body has to be counted or timed. */
int rg_body_check(request_rec *r, const rg_dir_conf *d, const rg_srv_conf *s,
                  rg_judge_e how);

/* For an internal redirect (r->prev set): carry REQGUARD_BODY over. */
void rg_body_redirected(request_rec *r);

/* r is refused before its body was read: when it has one, from now on its
 * body reads as ended, for an error page too, and the connection closes. */
void rg_body_seal(request_rec *r);

/* For ReqGuardLearn, in post_read_request: 1 when r announces a body, with
 * *declared its Content-Length (-1: chunked); a chunked body, or any body
 * of an HTTP/2 stream, is then counted by REQGUARD_BODY from now on, and
 * *counted points to the count (else NULL).  0 when r has no body. */
int rg_body_learn(request_rec *r, apr_off_t *declared,
                  const apr_off_t **counted);

#endif /* REQGUARD_BODY_H */
