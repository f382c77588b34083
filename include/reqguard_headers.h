/*
 * reqguard_headers.h - header field and request-target limits (431, 414).
 */
#ifndef REQGUARD_HEADERS_H
#define REQGUARD_HEADERS_H

#include <httpd.h>

#include "reqguard_config.h"

/* The checks of a request judged On under the limits lim (d's own, or
 * capped by s's ceilings): screened, and judged only when the screen
 * cannot clear it. */
int rg_headers_screened(request_rec *r, const rg_dir_conf *d,
                        const rg_srv_conf *s, const apr_int64_t *lim);
int rg_headers_screened_capped(request_rec *r, const rg_dir_conf *d,
                               const rg_srv_conf *s);

/* Every check, with the bounds and records of the request: the path of
 * every mode but On. */
int rg_headers_judged(request_rec *r, const rg_dir_conf *d,
                      const rg_srv_conf *s, rg_judge_e how);

/* The header and request-target checks of post_perdir_config, for an
 * initial request judged as how (not RG_JUDGE_NONE) under d and s:
 * DECLINED, or the status to refuse it with.  Inline: the mode picks the
 * path at the call. */
static APR_INLINE int rg_headers_check(request_rec *r, const rg_dir_conf *d,
                                       const rg_srv_conf *s, rg_judge_e how)
{
    if (how != RG_JUDGE_ENFORCE) {
        return rg_headers_judged(r, d, s, how);
    }
    return s->limited ? rg_headers_screened_capped(r, d, s)
                      : rg_headers_screened(r, d, s, d->in_force);
}

/* The request-target of a new request, in pre_translate_name, against the
 * limit of its virtual host and <Location> sections, when its path has a
 * segment too long for any file name: the directory walk would refuse it
 * (403) before any per-directory check runs.  DECLINED, or the status to
 * refuse it with. */
int rg_headers_check_early(request_rec *r);

#endif /* REQGUARD_HEADERS_H */
