/*
 * mod_reqguard.c - request limits answered with the right status and an
 * explanation.
 *
 * The glue: the module record and hook registration.  Each concern lives in
 * its own reqguard_<concern>.c with its header in include/:
 *   reqguard_config.c     directives, create/merge, how a request is judged
 *   reqguard_headers.c    header and request-target limits (431, 414)
 *   reqguard_lines.c      header line figures and long-line names, per
 *                         connection
 *   reqguard_body.c       the body input filter: 413, 411, 408
 *   reqguard_error.c      the error path: core's 400 -> 431, ErrorDocument,
 *                         no-store, which body a refusal gets
 *   reqguard_diag.c       the diagnostic body of a request, and the
 *                         reqguard-diagnostic handler
 *   reqguard_violation.c  log line, REQGUARD_* variables, violation record
 *   reqguard_counters.c   shared-memory counters, reqguard-status handler
 *   reqguard_learn.c      ReqGuardLearn: request sizes per virtual host in
 *                         shared-memory histograms, suggested limits
 * and pure logic, unit-tested without Apache:
 *   reqguard_parse.c      sizes, durations, lengths
 *   reqguard_fields.c     per-name field limit table
 *   reqguard_kind.c       violation kinds: names, statuses, directives
 *   reqguard_render.c     Accept negotiation, escaping, diagnostic bodies
 *   reqguard_hist.c       power-of-two histograms: percentiles, suggestions
 */
#define RG_MODULE_GLUE
#include "reqguard_private.h"

#include <string.h>
#include <http_protocol.h>
#include <http_request.h>
#include "reqguard_config.h"
#include "reqguard_headers.h"
#include "reqguard_lines.h"
#include "reqguard_body.h"
#include "reqguard_diag.h"
#include "reqguard_error.h"
#include "reqguard_counters.h"
#include "reqguard_learn.h"

#define RG_HANDLER_PREFIX "reqguard-"
#define RG_HANDLER_PREFIX_LEN (sizeof(RG_HANDLER_PREFIX) - 1)

/* The module's handlers, by the name after "reqguard-". */
static RG_NOINLINE int rg_handler_named(request_rec *r, const char *h)
{
    if (strncmp(h, RG_HANDLER_PREFIX, RG_HANDLER_PREFIX_LEN) != 0) {
        return DECLINED;
    }
    h += RG_HANDLER_PREFIX_LEN;
    if (!strcmp(h, "status")) {
        return rg_status_handler(r);
    }
    if (!strcmp(h, "diagnostic")) {
        return rg_diag_handler(r);
    }
    return DECLINED;
}

/*
 * One handler hook for the module's two handlers, so that a request for any
 * other handler costs a comparison or two, not one hook call each.
 */
static int rg_handler(request_rec *r)
{
    const char *h = r->handler;

    if (h == NULL || h[0] != 'r') {
        return DECLINED;
    }
    return rg_handler_named(r, h);
}

/* A request refused on its headers: its body stays unread. */
static RG_COLD int rg_post_perdir_refused(request_rec *r, int rc)
{
    rg_body_seal(r);
    return rc;
}

/*
 * post_perdir_config: the earliest hook with the merged per-directory
 * configuration (.htaccess included), before authentication and before any
 * fixups hook can read the body.  Headers first, then the body; a refusal
 * on the headers leaves the body unread: seal it, so that an error page
 * cannot read it either.
 */
static int rg_post_perdir(request_rec *r)
{
    const rg_dir_conf *d;
    const rg_srv_conf *s;
    rg_judge_e how;
    int rc;

    /* Once per request: not for subrequests, not for internal redirects
     * (error documents included), which do not read the body again. */
    if (r->main != NULL || r->prev != NULL) {
        return DECLINED;
    }
    d = RG_DIR_CONF(r);
    s = RG_SRV_CONF(r->server);
    /* No limit and no ceiling in force: nothing to judge. */
    if (!d->limited && !s->limited) {
        return DECLINED;
    }
    how = rg_judge_how(d, s);
    if (how == RG_JUDGE_NONE) {
        return DECLINED;
    }
    rc = rg_headers_check(r, d, s, how);
    if (rc != DECLINED) {
        return rg_post_perdir_refused(r, rc);
    }
    return rg_body_check(r, d, s, how);
}

/* A new request's note: the fields core built (ctx: its connection's
 * figures, NULL on HTTP/2) and, when its virtual host learns (row), its
 * sizes. */
static RG_NOINLINE int rg_post_read_note(request_rec *r, rg_lines_t *ctx,
                                         struct rg_learn_row *row)
{
    if (ctx != NULL) {
        rg_lines_note_fields(ctx, r);
    }
    if (row != NULL) {
        rg_learn_request(r, row);
    }
    return DECLINED;
}

/* An internal redirect's inheritance. */
static RG_NOINLINE int rg_post_read_redirected(request_rec *r)
{
    rg_body_redirected(r);
    return rg_error_redirected(r);
}

/*
 * post_read_request, first of all.  A new request: note the fields core
 * built before other modules change them (reqguard_lines.c), and learn
 * its sizes when its virtual host learns (reqguard_learn.c).  An internal
 * redirect (RewriteRule in .htaccess, Action, ErrorDocument URL), which is
 * not checked again: inherit what the first request was refused or counted
 * for.  Nothing to note (HTTP/2 without learning) costs no frame.
 */
static int rg_post_read(request_rec *r)
{
    rg_lines_t *ctx;
    struct rg_learn_row *row;

    if (r->main != NULL) {
        return DECLINED;
    }
    if (r->prev != NULL) {
        return rg_post_read_redirected(r);
    }
    ctx = rg_lines_of(r);
    row = RG_SRV_CONF(r->server)->learn_row;
    if (ctx == NULL && row == NULL) {
        return DECLINED;
    }
    return rg_post_read_note(r, ctx, row);
}

/*
 * pre_translate_name, first: the configuration of the virtual host and its
 * <Location> sections is known, the other post_read_request hooks
 * (mod_remoteip) have run, the directory walk has not.  Refuse a
 * request-target that walk could not map.
 */
static int rg_pre_translate(request_rec *r)
{
    if (r->main != NULL || r->prev != NULL) {
        return DECLINED;
    }
    return rg_headers_check_early(r);
}

static void rg_register_hooks(apr_pool_t *p)
{
    (void)p;
    /* FIRST: refuse before other modules' per-directory work. */
    ap_hook_post_perdir_config(rg_post_perdir, NULL, NULL, APR_HOOK_FIRST);
    /* REALLY_FIRST: the fields as core built them, and the error page
     * request with its status and variables before anything else looks at
     * it. */
    ap_hook_post_read_request(rg_post_read, NULL, NULL,
                              APR_HOOK_REALLY_FIRST);
    ap_hook_pre_translate_name(rg_pre_translate, NULL, NULL, APR_HOOK_FIRST);
    ap_hook_handler(rg_handler, NULL, NULL, APR_HOOK_MIDDLE);
    rg_config_register_hooks();
    rg_lines_register_hooks();
    rg_body_register_hooks();
    rg_error_register_hooks();
    rg_counters_register_hooks();
    rg_learn_register_hooks();
}

AP_DECLARE_MODULE(reqguard) = {
    STANDARD20_MODULE_STUFF,
    rg_create_dir_conf,     /* per-directory config: every field unset */
    rg_merge_dir_conf,      /* inner scope wins where it set a field */
    rg_create_srv_conf,     /* per-server config: ceilings, remap */
    rg_merge_srv_conf,      /* a vhost inherits what it does not set */
    rg_cmds,                /* directives, reqguard_config.c */
    rg_register_hooks,      /* hooks and filters of every concern */
    AP_MODULE_FLAG_NONE     /* merge only when a scope has config */
};
