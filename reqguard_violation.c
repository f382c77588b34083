/*
 * reqguard_violation.c - log line, request variables and record of a
 * violation.
 */
#include "reqguard_private.h"

#include <apr_strings.h>
#include <http_request.h>

#include "reqguard_violation.h"
#include "reqguard_counters.h"

const rg_violation_t *rg_violation_record(request_rec *r, rg_kind_e kind,
                                          const char *field,
                                          apr_off_t observed,
                                          apr_int64_t limit,
                                          const char *directive,
                                          int blocked)
{
    rg_violation_t *v = apr_pcalloc(r->pool, sizeof(*v));
    const char *action = blocked ? "blocked" : "reported";

    v->kind = kind;
    v->status = rg_kind_status(kind);
    v->field = field ? apr_pstrmemdup(r->pool, field,
                                      strnlen(field, RG_FIELD_KEPT_MAX))
                     : NULL;
    v->observed = observed;
    v->limit = limit;
    v->directive = directive ? directive : rg_kind_directive(kind);
    v->blocked = blocked;

    /* Client-caused, so info: an attacker cannot flood the log at the
     * default level.  Only the field name, never a value. */
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r,
                  "RG00001: status=%d kind=%s field=%s observed=%"
                  APR_OFF_T_FMT " limit=%" APR_INT64_T_FMT " action=%s",
                  v->status, rg_kind_name(kind),
                  v->field ? ap_escape_logitem(r->pool, v->field) : "-",
                  observed, limit, action);

    apr_table_setn(r->subprocess_env, "REQGUARD_VIOLATION",
                   rg_kind_name(kind));
    if (v->field != NULL) {
        apr_table_setn(r->subprocess_env, "REQGUARD_FIELD", v->field);
    }
    apr_table_setn(r->subprocess_env, "REQGUARD_LIMIT",
                   apr_psprintf(r->pool, "%" APR_INT64_T_FMT, limit));
    apr_table_setn(r->subprocess_env, "REQGUARD_OBSERVED",
                   apr_psprintf(r->pool, "%" APR_OFF_T_FMT, observed));
    apr_table_setn(r->subprocess_env, "REQGUARD_ACTION", action);

    rg_counters_add(r->server, kind, blocked);

    if (ap_get_module_config(r->request_config, &reqguard_module) == NULL) {
        ap_set_module_config(r->request_config, &reqguard_module, v);
    }
    return v;
}

const rg_violation_t *rg_violation_get(const request_rec *r)
{
    for (; r != NULL; r = r->prev ? r->prev : r->main) {
        const rg_violation_t *v =
            ap_get_module_config(r->request_config, &reqguard_module);

        if (v != NULL) {
            return v;
        }
    }
    return NULL;
}
