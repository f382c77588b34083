/*
 * reqguard_config.c - directives, create and merge of mod_reqguard.
 *
 * Directive setters may run from .htaccess, that is, once per request: they
 * write only into the per-directory struct they are given and allocate from
 * cmd->pool.  Server-only directives refuse any directory context.
 */
#include "reqguard_private.h"

#include <string.h>
#include <apr_lib.h>
#include <apr_strings.h>

#include "reqguard_config.h"
#include "reqguard_parse.h"

/* Longest part of a bad value quoted back in an error message. */
#define RG_ERR_VALUE_MAX 64

/* Take a field from the inner scope only when the inner scope set it. */
#define RG_MERGE(field, unset) \
    conf->field = (add->field != (unset)) ? add->field : base->field

/* The directive of each limit, and the same as a ReqGuardCeiling. */
static const char *const rg_limit_names[RG_LIM_COUNT] = {
    "ReqGuardMaxFields",
    "ReqGuardMaxFieldSize",
    "ReqGuardMaxHeaderSize",
    "ReqGuardMaxURI",
    "ReqGuardMaxQuery",
    "ReqGuardMaxBody",
    "ReqGuardBodyTimeout"
};
static const char *const rg_ceiling_names[RG_LIM_COUNT] = {
    "ReqGuardCeiling MaxFields",
    "ReqGuardCeiling MaxFieldSize",
    "ReqGuardCeiling MaxHeaderSize",
    "ReqGuardCeiling MaxURI",
    "ReqGuardCeiling MaxQuery",
    "ReqGuardCeiling MaxBody",
    "ReqGuardCeiling BodyTimeout"
};

/* The part of a directive name after "ReqGuard". */
#define RG_SHORT(name) ((name) + sizeof("ReqGuard") - 1)

int rg_conf_sizes_seen = 0;

/* ---- what a configuration limits ------------------------------------- */

/* Whether a per-directory configuration puts any limit in force: a
 * request under none of them (and under no ceiling) needs no check. */
static int rg_dir_limits(const rg_dir_conf *c)
{
    int i;

    for (i = 0; i < RG_LIM_COUNT; i++) {
        if (c->limit[i] > 0) {
            return 1;
        }
    }
    return c->require_length == 1 || c->body_min_rate > 0
           || (c->field_limits != NULL && c->field_limits->min_limit > 0);
}

static int rg_srv_limits(const rg_srv_conf *c)
{
    int i;

    for (i = 0; i < RG_LIM_COUNT; i++) {
        if (c->ceiling[i] > 0) {
            return 1;
        }
    }
    return c->ceiling_length == 1 || c->ceiling_min_rate > 0
           || (c->ceiling_fields != NULL
               && c->ceiling_fields->min_limit > 0);
}

/* ---- create and merge ------------------------------------------------- */

void *rg_create_dir_conf(apr_pool_t *p, char *dir)
{
    rg_dir_conf *conf = apr_palloc(p, sizeof(*conf));
    int i;

    (void)dir;
    conf->mode = RG_MODE_UNSET;
    for (i = 0; i < RG_LIM_COUNT; i++) {
        conf->limit[i] = RG_UNSET_SIZE;
        conf->in_force[i] = 0;
    }
    conf->require_length = RG_UNSET_FLAG;
    conf->body_min_rate = RG_UNSET_SIZE;
    conf->diagnostics = RG_DIAG_UNSET;
    conf->format = RG_FORMAT_UNSET;
    conf->field_limits = NULL;
    conf->cookie_recovery = RG_CR_UNSET;
    conf->mode_htaccess = 0;
    conf->admin_mode = RG_MODE_UNSET;
    conf->limited = 0;
    return conf;
}

void *rg_merge_dir_conf(apr_pool_t *p, void *basev, void *addv)
{
    const rg_dir_conf *base = basev, *add = addv;
    rg_dir_conf *conf = apr_palloc(p, sizeof(*conf));
    int i;

    RG_MERGE(mode, RG_MODE_UNSET);
    /* Where the mode came from goes with the mode. */
    conf->mode_htaccess = (add->mode != RG_MODE_UNSET) ? add->mode_htaccess
                                                       : base->mode_htaccess;
    RG_MERGE(admin_mode, RG_MODE_UNSET);
    for (i = 0; i < RG_LIM_COUNT; i++) {
        RG_MERGE(limit[i], RG_UNSET_SIZE);
        conf->in_force[i] = conf->limit[i] > 0 ? conf->limit[i] : 0;
    }
    RG_MERGE(require_length, RG_UNSET_FLAG);
    RG_MERGE(body_min_rate, RG_UNSET_SIZE);
    RG_MERGE(diagnostics, RG_DIAG_UNSET);
    RG_MERGE(format, RG_FORMAT_UNSET);
    RG_MERGE(cookie_recovery, RG_CR_UNSET);
    /* Per-name limits merge name by name: the inner scope replaces only
     * the names it sets. */
    conf->field_limits = rg_fields_merge(p, base->field_limits,
                                         add->field_limits);
    conf->limited = rg_dir_limits(conf);
    return conf;
}

void *rg_create_srv_conf(apr_pool_t *p, server_rec *s)
{
    rg_srv_conf *conf = apr_palloc(p, sizeof(*conf));
    int i;

    (void)s;
    for (i = 0; i < RG_LIM_COUNT; i++) {
        conf->ceiling[i] = RG_UNSET_SIZE;
    }
    conf->ceiling_length = RG_UNSET_FLAG;
    conf->ceiling_min_rate = RG_UNSET_SIZE;
    conf->ceiling_fields = NULL;
    conf->remap431 = RG_UNSET_FLAG;
    conf->learn = RG_UNSET_FLAG;
    conf->limited = 0;
    conf->learn_row = NULL;
    return conf;
}

void *rg_merge_srv_conf(apr_pool_t *p, void *basev, void *addv)
{
    const rg_srv_conf *base = basev, *add = addv;
    rg_srv_conf *conf = apr_palloc(p, sizeof(*conf));
    int i;

    for (i = 0; i < RG_LIM_COUNT; i++) {
        RG_MERGE(ceiling[i], RG_UNSET_SIZE);
    }
    RG_MERGE(ceiling_length, RG_UNSET_FLAG);
    RG_MERGE(ceiling_min_rate, RG_UNSET_SIZE);
    /* Name by name, as ReqGuardFieldLimit merges. */
    conf->ceiling_fields = rg_fields_merge(p, base->ceiling_fields,
                                           add->ceiling_fields);
    RG_MERGE(remap431, RG_UNSET_FLAG);
    RG_MERGE(learn, RG_UNSET_FLAG);
    conf->limited = rg_srv_limits(conf);
    /* Set in post_config (reqguard_learn.c). */
    conf->learn_row = NULL;
    return conf;
}

/* ---- judging ---------------------------------------------------------- */

void rg_judge_field(const rg_judge_t *j, const char *name, apr_size_t len,
                    rg_bounds_t *b)
{
    apr_int64_t own = j->d->limit[RG_LIM_FIELD_SIZE];
    apr_int64_t cap = j->s->ceiling[RG_LIM_FIELD_SIZE];
    apr_off_t named;

    own = own < 0 ? 0 : own;
    named = rg_fields_lookup(j->d->field_limits, name, len);
    if (named >= 0) {
        own = named;            /* replaces MaxFieldSize for the name */
    }
    named = rg_fields_lookup(j->s->ceiling_fields, name, len);
    if (named > 0 && (cap <= 0 || named < cap)) {
        cap = named;
    }
    rg_judge_upper(j, own, cap, b);
}

const char *rg_judge_field_directive(apr_pool_t *p, const rg_judge_t *j,
                                     const char *name, apr_size_t len,
                                     int blocked)
{
    apr_int64_t cap = j->s->ceiling[RG_LIM_FIELD_SIZE];
    const char *conf_name;
    rg_bounds_t b;
    apr_off_t named;

    rg_judge_field(j, name, len, &b);
    if (blocked ? b.block_ceiling : b.report_ceiling) {
        named = rg_fields_lookup(j->s->ceiling_fields, name, len);
        if (named > 0 && (cap <= 0 || named < cap)) {
            conf_name = rg_fields_name(j->s->ceiling_fields, name, len);
            return apr_pstrcat(p, "ReqGuardCeiling FieldLimit ", conf_name,
                               NULL);
        }
        return rg_ceiling_names[RG_LIM_FIELD_SIZE];
    }
    conf_name = rg_fields_name(j->d->field_limits, name, len);
    if (conf_name != NULL) {
        return apr_pstrcat(p, "ReqGuardFieldLimit ", conf_name, NULL);
    }
    return rg_limit_names[RG_LIM_FIELD_SIZE];
}

const char *rg_judge_limit_directive(rg_limit_e which, int ceiling)
{
    return ceiling ? rg_ceiling_names[which] : rg_limit_names[which];
}

void rg_judge_min_rate(const rg_judge_t *j, apr_off_t rate[2],
                       int from_ceiling[2])
{
    apr_off_t own = j->d->body_min_rate < 0 ? 0 : j->d->body_min_rate;
    apr_off_t slowest = j->s->ceiling_min_rate < 0 ? 0
                                                   : j->s->ceiling_min_rate;
    /* The ceiling of a rate is the slowest rate allowed: tenants may
     * demand more, never less. */
    apr_off_t eff = own > slowest ? own : slowest;
    int capped = slowest > 0 && eff == slowest && own < slowest;

    rate[0] = rate[1] = 0;
    from_ceiling[0] = from_ceiling[1] = 0;
    switch (j->how) {
    case RG_JUDGE_ENFORCE:
        rate[0] = eff;
        from_ceiling[0] = capped;
        break;
    case RG_JUDGE_REPORT:
        rate[1] = eff;
        from_ceiling[1] = capped;
        break;
    case RG_JUDGE_CEILINGS_REPORT:
        rate[1] = own;
        /* fall through */
    case RG_JUDGE_CEILINGS:
        rate[0] = slowest;
        from_ceiling[0] = 1;
        break;
    case RG_JUDGE_REPORT_CEILINGS:
        rate[1] = slowest;
        from_ceiling[1] = 1;
        break;
    default:
        break;
    }
}

void rg_judge_length(const rg_judge_t *j, int required[2],
                     int from_ceiling[2])
{
    int own = j->d->require_length == 1;
    int cap = j->s->ceiling_length == 1;

    required[0] = required[1] = 0;
    from_ceiling[0] = from_ceiling[1] = 0;
    switch (j->how) {
    case RG_JUDGE_ENFORCE:
        required[0] = own || cap;
        from_ceiling[0] = cap && !own;
        break;
    case RG_JUDGE_REPORT:
        required[1] = own || cap;
        from_ceiling[1] = cap && !own;
        break;
    case RG_JUDGE_CEILINGS_REPORT:
        required[1] = own;
        /* fall through */
    case RG_JUDGE_CEILINGS:
        required[0] = cap;
        from_ceiling[0] = 1;
        break;
    case RG_JUDGE_REPORT_CEILINGS:
        required[1] = cap;
        from_ceiling[1] = 1;
        break;
    default:
        break;
    }
}

/* ---- directive setters ------------------------------------------------ */

static const char *rg_bad_value(cmd_parms *cmd, const char *value,
                                const char *why)
{
    return apr_psprintf(cmd->pool, "%s: '%.*s'%s %s", cmd->cmd->name,
                        RG_ERR_VALUE_MAX, value,
                        strlen(value) > RG_ERR_VALUE_MAX ? "..." : "", why);
}

/* Parse the value of a limit; sizes, a count or seconds by kind. */
static const char *rg_parse_limit(cmd_parms *cmd, rg_limit_e which,
                                  const char *arg, apr_int64_t *out)
{
    const char *why;
    apr_off_t size;

    if (which == RG_LIM_BODY_TIMEOUT) {
        apr_interval_time_t t;

        why = rg_parse_seconds(arg, &t);
        if (why == NULL) {
            *out = t;
        }
    }
    else if (which == RG_LIM_FIELDS) {
        /* A count of fields: digits only, no unit. */
        const char *c;

        why = NULL;
        for (c = arg; *c && why == NULL; c++) {
            if (!apr_isdigit(*c)) {
                why = "is not a whole number of fields";
            }
        }
        if (why == NULL && *arg == '\0') {
            why = "is not a whole number of fields";
        }
        if (why == NULL) {
            why = rg_parse_size(arg, &size);
        }
        if (why == NULL) {
            *out = size;
        }
    }
    else {
        why = rg_parse_size(arg, &size);
        if (why == NULL) {
            *out = size;
        }
    }
    return why ? rg_bad_value(cmd, arg, why) : NULL;
}

static const char *rg_set_mode(cmd_parms *cmd, void *dconf, const char *arg)
{
    rg_dir_conf *conf = dconf;

    if (!strcasecmp(arg, "On")) {
        conf->mode = RG_MODE_ON;
    }
    else if (!strcasecmp(arg, "Off")) {
        conf->mode = RG_MODE_OFF;
    }
    else if (!strcasecmp(arg, "ReportOnly")) {
        conf->mode = RG_MODE_REPORT;
    }
    else {
        return rg_bad_value(cmd, arg, "must be On, Off or ReportOnly");
    }
    /* ap_check_cmd_context answers with a message inside .htaccess. */
    conf->mode_htaccess = ap_check_cmd_context(cmd, NOT_IN_HTACCESS) != NULL;
    if (!conf->mode_htaccess) {
        conf->admin_mode = conf->mode;
    }
    return NULL;
}

/* All per-directory limits; cmd->info is the rg_limit_e. */
static const char *rg_set_limit(cmd_parms *cmd, void *dconf, const char *arg)
{
    rg_dir_conf *conf = dconf;
    rg_limit_e which = (rg_limit_e)(apr_uintptr_t)cmd->info;

    const char *err = rg_parse_limit(cmd, which, arg, &conf->limit[which]);

    conf->in_force[which] = conf->limit[which] > 0 ? conf->limit[which] : 0;
    if (err == NULL && conf->limit[which] > 0) {
        conf->limited = 1;
        if (which == RG_LIM_FIELD_SIZE || which == RG_LIM_HEADER_SIZE) {
            rg_conf_sizes_seen = 1;
        }
    }
    return err;
}

static const char *rg_set_require_length(cmd_parms *cmd, void *dconf,
                                         int flag)
{
    rg_dir_conf *conf = dconf;

    (void)cmd;
    conf->require_length = flag ? 1 : 0;
    conf->limited |= conf->require_length;
    return NULL;
}

static const char *rg_set_min_rate(cmd_parms *cmd, void *dconf,
                                   const char *arg)
{
    rg_dir_conf *conf = dconf;
    const char *why = rg_parse_size(arg, &conf->body_min_rate);

    if (why != NULL) {
        return rg_bad_value(cmd, arg, why);
    }
    conf->limited |= conf->body_min_rate > 0;
    return NULL;
}

static const char *rg_set_diagnostics(cmd_parms *cmd, void *dconf,
                                      const char *arg)
{
    rg_dir_conf *conf = dconf;

    if (!strcasecmp(arg, "Off")) {
        conf->diagnostics = RG_DIAG_OFF;
    }
    else if (!strcasecmp(arg, "Brief")) {
        conf->diagnostics = RG_DIAG_BRIEF;
    }
    else if (!strcasecmp(arg, "Full")) {
        conf->diagnostics = RG_DIAG_FULL;
    }
    else {
        return rg_bad_value(cmd, arg, "must be Off, Brief or Full");
    }
    return NULL;
}

static const char *rg_set_format(cmd_parms *cmd, void *dconf,
                                 const char *arg)
{
    rg_dir_conf *conf = dconf;

    if (!strcasecmp(arg, "Auto")) {
        conf->format = RG_FORMAT_AUTO;
    }
    else if (!strcasecmp(arg, "HTML")) {
        conf->format = RG_FORMAT_HTML;
    }
    else if (!strcasecmp(arg, "JSON")) {
        conf->format = RG_FORMAT_JSON;
    }
    else if (!strcasecmp(arg, "Text")) {
        conf->format = RG_FORMAT_TEXT;
    }
    else {
        return rg_bad_value(cmd, arg, "must be Auto, HTML, JSON or Text");
    }
    return NULL;
}

static const char *rg_set_cookie_recovery(cmd_parms *cmd, void *dconf,
                                          const char *arg)
{
    rg_dir_conf *conf = dconf;

    if (!strcasecmp(arg, "Off")) {
        conf->cookie_recovery = RG_CR_OFF;
    }
    else if (!strcasecmp(arg, "Expire")) {
        conf->cookie_recovery = RG_CR_EXPIRE;
    }
    else if (!strcasecmp(arg, "ClearSiteData")) {
        conf->cookie_recovery = RG_CR_CLEAR_SITE_DATA;
    }
    else {
        return rg_bad_value(cmd, arg, "must be Off, Expire or ClearSiteData");
    }
    return NULL;
}

static const char *rg_set_field_limit(cmd_parms *cmd, void *dconf,
                                      const char *name, const char *arg)
{
    rg_dir_conf *conf = dconf;
    apr_off_t limit;
    const char *why;

    if (!rg_field_name_valid(name)) {
        return rg_bad_value(cmd, name, "is not a header field name");
    }
    why = rg_parse_size(arg, &limit);
    if (why != NULL) {
        return rg_bad_value(cmd, arg, why);
    }
    rg_conf_sizes_seen = 1;
    conf->limited |= limit > 0;
    /* A new table each time: the one in conf may be shared with the
     * scope this one was merged from. */
    conf->field_limits = rg_fields_with(cmd->pool, conf->field_limits,
                                        name, limit);
    return NULL;
}

/* "ReqGuardMaxBody" or just "MaxBody": 1 when name names full. */
static int rg_is_named(const char *name, const char *full)
{
    return !strcasecmp(name, full) || !strcasecmp(name, RG_SHORT(full));
}

/*
 * ReqGuardCeiling LIMIT VALUE, or ReqGuardCeiling FieldLimit NAME VALUE.
 * LIMIT is one of the numeric limits, RequireLength (On or Off) or
 * BodyMinRate (the slowest rate a directory may allow).
 */
static const char *rg_set_ceiling(cmd_parms *cmd, void *dummy,
                                  const char *name, const char *arg,
                                  const char *arg3)
{
    rg_srv_conf *conf = RG_SRV_CONF(cmd->server);
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    const char *why;
    apr_off_t size;
    int i;

    (void)dummy;
    if (err != NULL) {
        return err;
    }
    if (rg_is_named(name, "ReqGuardFieldLimit")) {
        if (arg3 == NULL) {
            return apr_psprintf(cmd->pool, "%s FieldLimit needs a field "
                                "name and a size", cmd->cmd->name);
        }
        if (!rg_field_name_valid(arg)) {
            return rg_bad_value(cmd, arg, "is not a header field name");
        }
        why = rg_parse_size(arg3, &size);
        if (why != NULL) {
            return rg_bad_value(cmd, arg3, why);
        }
        conf->ceiling_fields = rg_fields_with(cmd->pool, conf->ceiling_fields,
                                              arg, size);
        rg_conf_sizes_seen = 1;
        conf->limited |= size > 0;
        return NULL;
    }
    if (arg3 != NULL) {
        return apr_psprintf(cmd->pool, "%s %.*s takes one value",
                            cmd->cmd->name, RG_ERR_VALUE_MAX, name);
    }
    for (i = 0; i < RG_LIM_COUNT; i++) {
        if (rg_is_named(name, rg_limit_names[i])) {
            const char *err = rg_parse_limit(cmd, (rg_limit_e)i, arg,
                                             &conf->ceiling[i]);

            if (err == NULL && conf->ceiling[i] > 0) {
                conf->limited = 1;
                if (i == RG_LIM_FIELD_SIZE || i == RG_LIM_HEADER_SIZE) {
                    rg_conf_sizes_seen = 1;
                }
            }
            return err;
        }
    }
    if (rg_is_named(name, "ReqGuardRequireLength")) {
        if (!strcasecmp(arg, "On") || !strcasecmp(arg, "Off")) {
            conf->ceiling_length = !strcasecmp(arg, "On");
            conf->limited |= conf->ceiling_length;
            return NULL;
        }
        return rg_bad_value(cmd, arg, "must be On or Off");
    }
    if (rg_is_named(name, "ReqGuardBodyMinRate")) {
        why = rg_parse_size(arg, &conf->ceiling_min_rate);
        if (why != NULL) {
            return rg_bad_value(cmd, arg, why);
        }
        conf->limited |= conf->ceiling_min_rate > 0;
        return NULL;
    }
    return apr_psprintf(cmd->pool, "%s: '%.*s' is not a limit that takes a "
                        "ceiling (MaxFields, MaxFieldSize, MaxHeaderSize, "
                        "MaxURI, MaxQuery, MaxBody, BodyTimeout, "
                        "BodyMinRate, RequireLength or FieldLimit)",
                        cmd->cmd->name, RG_ERR_VALUE_MAX, name);
}

static const char *rg_set_remap431(cmd_parms *cmd, void *dummy, int flag)
{
    rg_srv_conf *conf = RG_SRV_CONF(cmd->server);
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);

    (void)dummy;
    if (err != NULL) {
        return err;
    }
    conf->remap431 = flag ? 1 : 0;
    return NULL;
}

/* ReqGuardLearn On|Off: one argument, so that "On Off" is an error too,
 * and a bad value is quoted back like every other. */
static const char *rg_set_learn(cmd_parms *cmd, void *dummy, const char *arg)
{
    rg_srv_conf *conf = RG_SRV_CONF(cmd->server);
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);

    (void)dummy;
    if (err != NULL) {
        return err;
    }
    if (!strcasecmp(arg, "On") || !strcasecmp(arg, "Off")) {
        conf->learn = !strcasecmp(arg, "On");
        return NULL;
    }
    return rg_bad_value(cmd, arg, "must be On or Off");
}

/* A configuration read anew (start, restart) starts without the hint. */
static int rg_config_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                                apr_pool_t *ptemp)
{
    (void)pconf; (void)plog; (void)ptemp;
    rg_conf_sizes_seen = 0;
    return OK;
}

void rg_config_register_hooks(void)
{
    ap_hook_pre_config(rg_config_pre_config, NULL, NULL, APR_HOOK_MIDDLE);
}

/* ---- command table ---------------------------------------------------- */

/*
 * Per-directory directives belong to the "Limit" override class: in
 * .htaccess they need "AllowOverride Limit" (or All), or one by one
 * "AllowOverrideList ReqGuardMaxBody ...".  RSRC_CONF makes them valid in
 * the server and virtual host context, where OR_LIMIT alone is refused.
 */
#define RG_DIR_CTX (RSRC_CONF | ACCESS_CONF | OR_LIMIT)
#define RG_LIMIT_CMD(name, which, help) \
    AP_INIT_TAKE1(name, rg_set_limit, (void *)(apr_uintptr_t)(which), \
                  RG_DIR_CTX, help)

const command_rec rg_cmds[] = {
    AP_INIT_TAKE1("ReqGuard", rg_set_mode, NULL, RG_DIR_CTX,
                  "On, Off or ReportOnly (log and count, but let through)"),
    RG_LIMIT_CMD("ReqGuardMaxFields", RG_LIM_FIELDS,
                 "Most header fields a request may have, 0 for unlimited"),
    RG_LIMIT_CMD("ReqGuardMaxFieldSize", RG_LIM_FIELD_SIZE,
                 "Largest header field (name: value), bytes or K/M/G"),
    AP_INIT_TAKE2("ReqGuardFieldLimit", rg_set_field_limit, NULL, RG_DIR_CTX,
                  "Largest size of one named header field (name: value)"),
    RG_LIMIT_CMD("ReqGuardMaxHeaderSize", RG_LIM_HEADER_SIZE,
                 "Largest header block (all fields), bytes or K/M/G"),
    RG_LIMIT_CMD("ReqGuardMaxURI", RG_LIM_URI,
                 "Longest request-target, bytes or K/M/G"),
    RG_LIMIT_CMD("ReqGuardMaxQuery", RG_LIM_QUERY,
                 "Longest query string, bytes or K/M/G"),
    RG_LIMIT_CMD("ReqGuardMaxBody", RG_LIM_BODY,
                 "Largest request body, bytes or K/M/G"),
    AP_INIT_FLAG("ReqGuardRequireLength", rg_set_require_length, NULL,
                 RG_DIR_CTX, "On: a request body needs a Content-Length"),
    RG_LIMIT_CMD("ReqGuardBodyTimeout", RG_LIM_BODY_TIMEOUT,
                 "Longest wait for the next body byte, seconds"),
    AP_INIT_TAKE1("ReqGuardBodyMinRate", rg_set_min_rate, NULL, RG_DIR_CTX,
                  "Slowest average body rate after the body timeout, "
                  "bytes per second"),
    AP_INIT_TAKE23("ReqGuardCeiling", rg_set_ceiling, NULL, RSRC_CONF,
                   "Hard bound for a limit that directories and .htaccess "
                   "cannot loosen: LIMIT VALUE, or FieldLimit NAME SIZE"),
    AP_INIT_FLAG("ReqGuardRemap431", rg_set_remap431, NULL, RSRC_CONF,
                 "On: answer core's oversized-header 400 with 431"),
    AP_INIT_TAKE1("ReqGuardLearn", rg_set_learn, NULL, RSRC_CONF,
                  "On: learn the sizes of this virtual host's requests "
                  "(reqguard-status shows them and suggests limits)"),
    AP_INIT_TAKE1("ReqGuardDiagnostics", rg_set_diagnostics, NULL, RG_DIR_CTX,
                  "Detail of refusal bodies: Off, Brief or Full"),
    AP_INIT_TAKE1("ReqGuardErrorFormat", rg_set_format, NULL, RG_DIR_CTX,
                  "Format of refusal bodies: Auto, HTML, JSON or Text"),
    AP_INIT_TAKE1("ReqGuardCookieRecovery", rg_set_cookie_recovery, NULL,
                  RG_DIR_CTX, "What a 431 for the Cookie field sends to clear "
                  "the cookies: Off, Expire or ClearSiteData"),
    { NULL, { NULL }, NULL, 0, 0, NULL }
};
