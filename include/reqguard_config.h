/*
 * reqguard_config.h - configuration of mod_reqguard.
 *
 * Every field starts unset; a merge takes a field from the inner scope only
 * when the inner scope set it; defaults and ceilings are applied by the
 * accessors below, in one place.  tests/check_config.py fails the build when
 * a field of a *_conf struct has no create default or no merge rule.
 */
#ifndef REQGUARD_CONFIG_H
#define REQGUARD_CONFIG_H

#include <httpd.h>
#include <http_config.h>

#include "reqguard_fields.h"

/* Unset sentinels, typed like the fields they mark. */
#define RG_UNSET_SIZE  ((apr_off_t)-1)
#define RG_UNSET_FLAG  (-1)

typedef enum {
    RG_MODE_UNSET = 0,
    RG_MODE_ON,
    RG_MODE_OFF,
    RG_MODE_REPORT
} rg_mode_e;

typedef enum {
    RG_DIAG_UNSET = 0,
    RG_DIAG_OFF,
    RG_DIAG_BRIEF,
    RG_DIAG_FULL
} rg_diag_e;

typedef enum {
    RG_FORMAT_UNSET = 0,
    RG_FORMAT_AUTO,
    RG_FORMAT_HTML,
    RG_FORMAT_JSON,
    RG_FORMAT_TEXT
} rg_format_e;

/* ReqGuardCookieRecovery: what a 431 for the Cookie field sends to get
 * the visitor out of it. */
typedef enum {
    RG_CR_UNSET = 0,
    RG_CR_OFF,
    RG_CR_EXPIRE,               /* Set-Cookie ...; Max-Age=0, the largest */
    RG_CR_CLEAR_SITE_DATA       /* Clear-Site-Data: "cookies" */
} rg_cookie_recovery_e;

/* The numeric limits, each with a ReqGuardCeiling; indexes the limit and
 * ceiling arrays. */
typedef enum {
    RG_LIM_FIELDS = 0,
    RG_LIM_FIELD_SIZE,
    RG_LIM_HEADER_SIZE,
    RG_LIM_URI,
    RG_LIM_QUERY,
    RG_LIM_BODY,
    RG_LIM_BODY_TIMEOUT,
    RG_LIM_COUNT
} rg_limit_e;

/* Per-directory configuration (server, vhost, sections, .htaccess). */
typedef struct {
    rg_mode_e mode;                     /* ReqGuard */
    apr_int64_t limit[RG_LIM_COUNT];    /* ReqGuardMax*, ReqGuardBodyTimeout
                                         * (microseconds); -1: unset */
    apr_int64_t in_force[RG_LIM_COUNT]; /* derived: limit[], unset as 0
                                         * (unlimited), before ceilings */
    int require_length;                 /* ReqGuardRequireLength */
    apr_off_t body_min_rate;            /* ReqGuardBodyMinRate */
    rg_diag_e diagnostics;              /* ReqGuardDiagnostics */
    rg_format_e format;                 /* ReqGuardErrorFormat */
    const rg_field_table_t *field_limits; /* ReqGuardFieldLimit, NULL: none */
    rg_cookie_recovery_e cookie_recovery; /* ReqGuardCookieRecovery */
    int mode_htaccess;                  /* ReqGuard was set in .htaccess */
    rg_mode_e admin_mode;               /* ReqGuard as the server
                                         * configuration (no .htaccess) set
                                         * it: the mode of the ceilings */
    int limited;                        /* derived: some limit above is in
                                         * force (a size, a time, a rate,
                                         * RequireLength On) */
} rg_dir_conf;

/* Per-server configuration (main server and virtual hosts): the bounds
 * the administrator sets and no directory or .htaccess can loosen. */
typedef struct {
    apr_int64_t ceiling[RG_LIM_COUNT];  /* ReqGuardCeiling LIMIT, -1: none;
                                         * microseconds for BodyTimeout */
    int ceiling_length;                 /* ReqGuardCeiling RequireLength */
    apr_off_t ceiling_min_rate;         /* ReqGuardCeiling BodyMinRate: the
                                         * slowest rate allowed, -1: none */
    const rg_field_table_t *ceiling_fields; /* ReqGuardCeiling FieldLimit */
    int remap431;                       /* ReqGuardRemap431 */
    int learn;                          /* ReqGuardLearn */
    int limited;                        /* derived: some ceiling above is
                                         * in force */
    struct rg_learn_row *learn_row;     /* derived in post_config: this
                                         * server's learning histograms,
                                         * NULL when it does not learn; the
                                         * record is then the server's own
                                         * (reqguard_learn.c) */
} rg_srv_conf;

void *rg_create_dir_conf(apr_pool_t *p, char *dir);
void *rg_merge_dir_conf(apr_pool_t *p, void *basev, void *addv);
void *rg_create_srv_conf(apr_pool_t *p, server_rec *s);
void *rg_merge_srv_conf(apr_pool_t *p, void *basev, void *addv);

extern const command_rec rg_cmds[];

/*
 * 1 once a limit on the size of header fields (ReqGuardMaxFieldSize,
 * ReqGuardMaxHeaderSize, ReqGuardFieldLimit, or their ceilings) has been
 * read in this process: the server configuration, or any .htaccess since.
 * Not configuration but a hint: while it is 0, no request needs the note
 * of its fields that lets the line figures stand in for measuring them
 * (reqguard_lines.h), so that note is not taken.  A request whose
 * .htaccess sets the first such limit is measured field by field.
 */
extern int rg_conf_sizes_seen;

void rg_config_register_hooks(void);

/*
 * Accessors: the effective value, defaults applied.  Inline, because the
 * request path calls them on every request.
 */
static APR_INLINE rg_mode_e rg_conf_mode(const rg_dir_conf *d)
{
    return d->mode == RG_MODE_UNSET ? RG_MODE_ON : d->mode;
}

/* A limit (0: unlimited) under a ceiling (0 or less: none): the ceiling
 * caps both a larger value and "unlimited". */
static APR_INLINE apr_int64_t rg_clamp(apr_int64_t v, apr_int64_t c)
{
    return (c > 0 && (v == 0 || v > c)) ? c : v;
}

/* The effective limit, 0 for unlimited: unset means unlimited. */
static APR_INLINE apr_int64_t rg_conf_limit(const rg_dir_conf *d,
                                            const rg_srv_conf *s,
                                            rg_limit_e which)
{
    return s->limited ? rg_clamp(d->in_force[which], s->ceiling[which])
                      : d->in_force[which];
}

/* Every effective limit under s's ceilings, indexed by rg_limit_e, into
 * capped.  Without a ceiling (!s->limited) d->in_force is already that. */
static APR_INLINE const apr_int64_t *rg_conf_capped(const rg_dir_conf *d,
                                                   const rg_srv_conf *s,
                                                   apr_int64_t *capped)
{
    int i;

    for (i = 0; i < RG_LIM_COUNT; i++) {
        capped[i] = rg_clamp(d->in_force[i], s->ceiling[i]);
    }
    return capped;
}

static APR_INLINE rg_diag_e rg_conf_diagnostics(const rg_dir_conf *d)
{
    return d->diagnostics == RG_DIAG_UNSET ? RG_DIAG_BRIEF : d->diagnostics;
}

static APR_INLINE rg_format_e rg_conf_format(const rg_dir_conf *d)
{
    return d->format == RG_FORMAT_UNSET ? RG_FORMAT_AUTO : d->format;
}

static APR_INLINE rg_cookie_recovery_e rg_conf_cookie_recovery(
    const rg_dir_conf *d)
{
    return d->cookie_recovery == RG_CR_UNSET ? RG_CR_OFF
                                             : d->cookie_recovery;
}

static APR_INLINE int rg_conf_remap431(const rg_srv_conf *s)
{
    return s->remap431 != 0;    /* unset (-1) means On */
}

static APR_INLINE int rg_conf_learn(const rg_srv_conf *s)
{
    return s->learn == 1;       /* unset (-1) means Off */
}

/* ---- judging a request ------------------------------------------------ */

/*
 * How a request is judged.  Its own merged configuration refuses (On) or
 * reports (ReqGuard ReportOnly in the server configuration or a section).
 * A tenant's "ReqGuard Off" or "ReqGuard ReportOnly" in .htaccess does not
 * lift the administrator's ceilings: they act in the mode the server
 * configuration gives the directory (its admin_mode).  Under On they
 * refuse, and a tenant's ReportOnly reports the tenant's own limits,
 * unclamped.  Under ReportOnly (a roll-out) they report, as everywhere
 * else on the server.  Under Off they do nothing; a tenant's ReportOnly
 * then reports as in a ReportOnly section.  A tenant's "ReqGuard On" is
 * enforced whatever the server says.
 *
 *   server \ .htaccess   (none)    On       ReportOnly        Off
 *   On                  ENFORCE   ENFORCE  CEILINGS_REPORT   CEILINGS
 *   ReportOnly          REPORT    ENFORCE  REPORT            REPORT_CEILINGS
 *   Off                 NONE      ENFORCE  REPORT            NONE
 */
typedef enum {
    RG_JUDGE_NONE = 0,          /* nothing to check */
    RG_JUDGE_ENFORCE,           /* merged limits, under the ceilings, refuse */
    RG_JUDGE_REPORT,            /* merged limits, under the ceilings, report */
    RG_JUDGE_CEILINGS,          /* tenant's Off: the ceilings refuse */
    RG_JUDGE_CEILINGS_REPORT,   /* tenant's ReportOnly: the ceilings refuse,
                                 * the tenant's own limits report */
    RG_JUDGE_REPORT_CEILINGS    /* tenant's Off under a server's ReportOnly:
                                 * the ceilings report, nothing refuses */
} rg_judge_e;

typedef struct {
    const rg_dir_conf *d;
    const rg_srv_conf *s;
    rg_judge_e how;
} rg_judge_t;

/* The thresholds of one limit for one request.  A measure over block is
 * refused; one over report (and not refused) is reported.  0: none. */
typedef struct {
    apr_int64_t block;
    apr_int64_t report;
    int block_ceiling;          /* block is a ceiling's value */
    int report_ceiling;         /* report is a ceiling's value */
} rg_bounds_t;

/* How r is judged under d and s. */
static APR_INLINE rg_judge_e rg_judge_how(const rg_dir_conf *d,
                                          const rg_srv_conf *s)
{
    rg_mode_e mode = rg_conf_mode(d);
    rg_mode_e admin;

    if (mode == RG_MODE_ON) {
        return RG_JUDGE_ENFORCE;
    }
    if (!d->mode_htaccess) {
        return mode == RG_MODE_OFF ? RG_JUDGE_NONE : RG_JUDGE_REPORT;
    }
    admin = d->admin_mode == RG_MODE_UNSET ? RG_MODE_ON : d->admin_mode;
    if (mode == RG_MODE_REPORT) {
        return admin == RG_MODE_ON ? RG_JUDGE_CEILINGS_REPORT
                                   : RG_JUDGE_REPORT;
    }
    /* A tenant's Off leaves something to check only under a ceiling. */
    if (admin == RG_MODE_OFF || !s->limited) {
        return RG_JUDGE_NONE;
    }
    return admin == RG_MODE_ON ? RG_JUDGE_CEILINGS
                               : RG_JUDGE_REPORT_CEILINGS;
}

/* The bounds of an upper limit: own is the configuration's own value (0:
 * unlimited), cap the ceiling (0 or less: none). */
static APR_INLINE void rg_judge_upper(const rg_judge_t *j, apr_int64_t own,
                                      apr_int64_t cap, rg_bounds_t *b)
{
    apr_int64_t eff = rg_clamp(own, cap);
    int capped = cap > 0 && eff == cap && (own == 0 || own > cap);

    b->report = 0;
    b->report_ceiling = 0;
    if (j->how == RG_JUDGE_ENFORCE) {     /* nearly every request */
        b->block = eff;
        b->block_ceiling = capped;
        return;
    }
    b->block = 0;
    b->block_ceiling = 0;
    switch (j->how) {
    case RG_JUDGE_ENFORCE:
        b->block = eff;
        b->block_ceiling = capped;
        break;
    case RG_JUDGE_REPORT:
        b->report = eff;
        b->report_ceiling = capped;
        break;
    case RG_JUDGE_CEILINGS_REPORT:
        b->report = own;
        /* fall through */
    case RG_JUDGE_CEILINGS:
        b->block = cap > 0 ? cap : 0;
        b->block_ceiling = 1;
        break;
    case RG_JUDGE_REPORT_CEILINGS:
        b->report = cap > 0 ? cap : 0;
        b->report_ceiling = 1;
        break;
    default:
        break;
    }
}

/* The bounds of a numeric limit for a request judged as j. */
static APR_INLINE void rg_judge_limit(const rg_judge_t *j, rg_limit_e which,
                                      rg_bounds_t *b)
{
    apr_int64_t own = j->d->limit[which];

    rg_judge_upper(j, own < 0 ? 0 : own, j->s->ceiling[which], b);
}

/* The smaller of two thresholds, 0 meaning none. */
static APR_INLINE apr_int64_t rg_min_bound(apr_int64_t a, apr_int64_t b)
{
    return a == 0 ? b : (b == 0 || a < b) ? a : b;
}

/* The bounds for one header field name: its ReqGuardFieldLimit, else
 * ReqGuardMaxFieldSize, under ReqGuardCeiling FieldLimit for the name and
 * ReqGuardCeiling MaxFieldSize, the smaller of the two. */
void rg_judge_field(const rg_judge_t *j, const char *name, apr_size_t len,
                    rg_bounds_t *b);

/* The directive behind the block (blocked != 0) or report bound of a field
 * name, e.g. "ReqGuardFieldLimit Cookie" or "ReqGuardCeiling MaxFieldSize",
 * allocated from p.  For a refusal, not for the request path. */
const char *rg_judge_field_directive(apr_pool_t *p, const rg_judge_t *j,
                                     const char *name, apr_size_t len,
                                     int blocked);

/* The directive behind a bound of a numeric limit: "ReqGuardMaxBody", or
 * "ReqGuardCeiling MaxBody" when the bound is a ceiling. */
const char *rg_judge_limit_directive(rg_limit_e which, int ceiling);

/* The minimum body rate for a request judged as j, in bytes per second:
 * [0] the rate below which it is refused, [1] reported; 0: none. */
void rg_judge_min_rate(const rg_judge_t *j, apr_off_t rate[2],
                       int from_ceiling[2]);

/* Whether a body must declare its length: [0] refused without, [1]
 * reported without; from_ceiling says which came from a ceiling. */
void rg_judge_length(const rg_judge_t *j, int required[2],
                     int from_ceiling[2]);

#endif /* REQGUARD_CONFIG_H */
