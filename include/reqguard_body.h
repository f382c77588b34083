/*
 * reqguard_body.h - the body guard: ReqGuardMaxBody (413),
 * ReqGuardRequireLength (411), ReqGuardBodyTimeout and ReqGuardBodyMinRate
 * (408).
 */
#ifndef REQGUARD_BODY_H
#define REQGUARD_BODY_H

/* Name of the input filter that counts and times the request body. */
#define RG_BODY_FILTER "REQGUARD_BODY"

/* Register the post_perdir_config hook and the REQGUARD_BODY filter. */
void rg_body_register_hooks(void);

#endif /* REQGUARD_BODY_H */
