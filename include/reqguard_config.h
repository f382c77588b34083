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
#define RG_UNSET_TIME  ((apr_interval_time_t)-1)
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

/* The limits a ReqGuardCeiling can cap; also indexes rg_srv_conf.ceiling. */
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
    int require_length;                 /* ReqGuardRequireLength */
    apr_off_t body_min_rate;            /* ReqGuardBodyMinRate */
    rg_diag_e diagnostics;              /* ReqGuardDiagnostics */
    rg_format_e format;                 /* ReqGuardErrorFormat */
    const rg_field_table_t *field_limits; /* ReqGuardFieldLimit, NULL: none */
    int mode_htaccess;                  /* ReqGuard was set in .htaccess */
} rg_dir_conf;

/* Per-server configuration (main server and virtual hosts). */
typedef struct {
    apr_int64_t ceiling[RG_LIM_COUNT];  /* ReqGuardCeiling, -1: none;
                                         * microseconds for BodyTimeout */
    int remap431;                       /* ReqGuardRemap431 */
} rg_srv_conf;

void *rg_create_dir_conf(apr_pool_t *p, char *dir);
void *rg_merge_dir_conf(apr_pool_t *p, void *basev, void *addv);
void *rg_create_srv_conf(apr_pool_t *p, server_rec *s);
void *rg_merge_srv_conf(apr_pool_t *p, void *basev, void *addv);

extern const command_rec rg_cmds[];

/*
 * Accessors: the effective value, defaults and ceilings applied.  Inline,
 * because the request path calls them on every request.
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
    apr_int64_t v = d->limit[which];

    return rg_clamp(v < 0 ? 0 : v, s->ceiling[which]);
}

static APR_INLINE apr_off_t rg_conf_body_min_rate(const rg_dir_conf *d)
{
    return d->body_min_rate < 0 ? 0 : d->body_min_rate;
}

static APR_INLINE int rg_conf_require_length(const rg_dir_conf *d)
{
    return d->require_length == 1;
}

static APR_INLINE rg_diag_e rg_conf_diagnostics(const rg_dir_conf *d)
{
    return d->diagnostics == RG_DIAG_UNSET ? RG_DIAG_BRIEF : d->diagnostics;
}

static APR_INLINE rg_format_e rg_conf_format(const rg_dir_conf *d)
{
    return d->format == RG_FORMAT_UNSET ? RG_FORMAT_AUTO : d->format;
}

static APR_INLINE int rg_conf_remap431(const rg_srv_conf *s)
{
    return s->remap431 != 0;    /* unset (-1) means On */
}

/*
 * The configuration a tenant's "ReqGuard Off" or "ReqGuard ReportOnly" in
 * .htaccess is held to when the server has ceilings: On, every limit unset,
 * so the ceilings alone apply.  NULL when the mode stands as it is.
 */
const rg_dir_conf *rg_conf_tenant_floor(const rg_dir_conf *d,
                                        const rg_srv_conf *s);


#endif /* REQGUARD_CONFIG_H */
