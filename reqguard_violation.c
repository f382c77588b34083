/*
 * reqguard_violation.c - log line, request variables, counters and record
 * of a violation.
 */
#include "reqguard_private.h"

#include <apr_strings.h>
#include <http_core.h>
#include <http_request.h>

#include "reqguard_violation.h"
#include "reqguard_counters.h"
#include "reqguard_render.h"

/* Bytes of the method and path a log line shows, before
 * rg_render_log_token() escapes them: they bound the line. */
#define RG_LOG_METHOD_MAX  32
#define RG_LOG_PATH_MAX    256

/* What a request has recorded, in its request_config. */
typedef struct {
    const rg_violation_t *refusal;  /* the first blocking record */
    apr_uint32_t reported;          /* a bit per kind reported */
} rg_record_t;

request_rec *rg_violation_origin(request_rec *r)
{
    for (;;) {
        if (r->main != NULL) {
            r = r->main;
        }
        else if (r->prev != NULL) {
            r = r->prev;
        }
        else {
            return r;
        }
    }
}

const char *rg_violation_request_id(request_rec *r)
{
    request_rec *first = rg_violation_origin(r);
    const char *id = apr_table_get(first->subprocess_env, "UNIQUE_ID");

    if (id != NULL) {
        return id;
    }
    if (first->log_id == NULL) {
        ap_run_generate_log_id(first->connection, first, &first->log_id);
    }
    /* A request core refused while reading its headers never reached
     * mod_unique_id, whose log id is the unique id: give it the variable
     * every other request has. */
    if (first->log_id != NULL && ap_find_linked_module("mod_unique_id.c")) {
        apr_table_setn(first->subprocess_env, "UNIQUE_ID", first->log_id);
    }
    return first->log_id ? first->log_id : "-";
}

static void rg_violation_log(request_rec *r, const rg_violation_t *v)
{
    request_rec *first = rg_violation_origin(r);
    const char *path = first->parsed_uri.path;
    const char *host = r->server->server_hostname;
    unsigned port = r->server->port ? r->server->port
                                    : r->connection->local_addr->port;

    /* Client-caused, so info: an attacker cannot flood the log at the
     * default level.  Only names and numbers, never a value or a query:
     * the path is the parsed one, without its query string, quoted with
     * every byte that could end the quotes or fake a key encoded. */
    RG_LOG(APLOG_INFO, 0, r,
           "RG00001: status=%d kind=%s field=%s observed=%"
           APR_OFF_T_FMT " limit=%" APR_INT64_T_FMT " action=%s "
           "directive=\"%s\" id=%s vhost=%s:%u method=%s path=\"%s\"",
           v->status, rg_kind_name(v->kind),
           rg_render_log_token(r->pool, v->field, RG_FIELD_KEPT_MAX),
           v->observed, v->limit,
           v->blocked ? "blocked" : "reported", v->directive,
           rg_violation_request_id(r), host ? host : "-", port,
           rg_render_log_token(r->pool, first->method, RG_LOG_METHOD_MAX),
           rg_render_log_token(r->pool, path, RG_LOG_PATH_MAX));
}

static void rg_violation_vars(request_rec *r, const rg_violation_t *v)
{
    apr_table_t *env = r->subprocess_env;

    apr_table_setn(env, "REQGUARD_VIOLATION", rg_kind_name(v->kind));
    if (v->field != NULL) {
        apr_table_setn(env, "REQGUARD_FIELD", v->field);
    }
    else {
        apr_table_unset(env, "REQGUARD_FIELD");
    }
    apr_table_setn(env, "REQGUARD_LIMIT",
                   apr_psprintf(r->pool, "%" APR_INT64_T_FMT, v->limit));
    apr_table_setn(env, "REQGUARD_OBSERVED",
                   apr_psprintf(r->pool, "%" APR_OFF_T_FMT, v->observed));
    apr_table_setn(env, "REQGUARD_ACTION",
                   v->blocked ? "blocked" : "reported");
}

const rg_violation_t *rg_violation_record(request_rec *r,
                                          const rg_violation_t *ev)
{
    rg_record_t *rec = ap_get_module_config(r->request_config,
                                            &reqguard_module);
    apr_uint32_t bit = (apr_uint32_t)1 << ((unsigned)ev->kind & 31);
    rg_violation_t *v;

    if (rec == NULL) {
        rec = apr_pcalloc(r->pool, sizeof(*rec));
        ap_set_module_config(r->request_config, &reqguard_module, rec);
    }
    if (!ev->blocked && (rec->reported & bit)) {
        return NULL;            /* each kind is reported once */
    }
    v = apr_pmemdup(r->pool, ev, sizeof(*v));
    v->status = rg_kind_status(ev->kind);
    v->field = ev->field ? apr_pstrmemdup(r->pool, ev->field,
                                          strnlen(ev->field,
                                                  RG_FIELD_KEPT_MAX))
                         : NULL;
    if (v->directive == NULL) {
        v->directive = rg_kind_directive(ev->kind);
    }

    rg_violation_log(r, v);
    rg_counters_add(r->server, v->kind, v->blocked);

    if (v->blocked) {
        if (rec->refusal == NULL) {
            rec->refusal = v;
            rg_violation_vars(r, v);
        }
    }
    else {
        rec->reported |= bit;
        if (rec->refusal == NULL) {
            rg_violation_vars(r, v);
        }
    }
    return v;
}

const rg_violation_t *rg_violation_note(request_rec *r, rg_kind_e kind,
                                        const char *field,
                                        apr_off_t observed,
                                        apr_int64_t limit,
                                        const char *directive, int ceiling,
                                        int blocked)
{
    rg_violation_t ev;

    memset(&ev, 0, sizeof(ev));
    ev.kind = kind;
    ev.field = field;
    ev.observed = observed;
    ev.limit = limit;
    ev.directive = directive;
    ev.ceiling = ceiling;
    ev.blocked = blocked;
    return rg_violation_record(r, &ev);
}

const rg_violation_t *rg_violation_refusal(const request_rec *r)
{
    for (; r != NULL; r = r->prev ? r->prev : r->main) {
        const rg_record_t *rec =
            ap_get_module_config(r->request_config, &reqguard_module);

        if (rec != NULL && rec->refusal != NULL) {
            return rec->refusal;
        }
    }
    return NULL;
}
