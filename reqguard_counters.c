/*
 * reqguard_counters.c - shared-memory violation counters and the
 * reqguard-status handler.
 *
 * The segment is anonymous shared memory created once, in the first
 * post_config, and kept in the process pool: a graceful or plain restart
 * keeps the numbers; only a full stop and start resets them.  The page says
 * since when it counts.
 */
#include "reqguard_private.h"

#include <apr_shm.h>
#include <apr_atomic.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <http_request.h>

#include "reqguard_counters.h"

#define RG_COUNTERS_KEY "reqguard_counters"

typedef struct {
    apr_time_t since;                           /* when counting began */
    volatile apr_uint32_t n[RG_KIND_COUNT][2];  /* [kind][blocked] */
} rg_counters_t;

static rg_counters_t *rg_counters;

void rg_counters_add(const server_rec *s, rg_kind_e kind, int blocked)
{
    (void)s;
    if (rg_counters != NULL && (unsigned)kind < RG_KIND_COUNT) {
        apr_atomic_inc32(&rg_counters->n[kind][blocked ? 1 : 0]);
    }
}

static int rg_counters_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                                   apr_pool_t *ptemp, server_rec *s)
{
    apr_pool_t *keep = s->process->pool;
    void *data = NULL;
    apr_shm_t *shm;
    apr_status_t rv;

    (void)pconf; (void)plog; (void)ptemp;
    apr_pool_userdata_get(&data, RG_COUNTERS_KEY, keep);
    if (data != NULL) {
        rg_counters = data;
        return OK;
    }
    rv = apr_shm_create(&shm, sizeof(rg_counters_t), NULL, keep);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, s,
                     "RG00002: cannot create the shared memory for the "
                     "violation counters; reqguard-status will show none");
        return OK;
    }
    rg_counters = apr_shm_baseaddr_get(shm);
    memset((void *)rg_counters, 0, sizeof(*rg_counters));
    rg_counters->since = apr_time_now();
    apr_pool_userdata_set(rg_counters, RG_COUNTERS_KEY,
                          apr_pool_cleanup_null, keep);
    return OK;
}

int rg_status_handler(request_rec *r)
{
    int json, k;
    char since[APR_RFC822_DATE_LEN];

    if (r->method_number != M_GET) {
        r->allowed = AP_METHOD_BIT << M_GET;
        return HTTP_METHOD_NOT_ALLOWED;
    }
    json = r->args != NULL && strcmp(r->args, "json") == 0;
    ap_set_content_type(r, json ? "application/json; charset=utf-8"
                                : "text/plain; charset=utf-8");
    apr_table_setn(r->headers_out, "Cache-Control", "no-store");
    if (r->header_only) {
        return OK;
    }
    if (rg_counters == NULL) {
        ap_rputs(json ? "{\"available\":false}\n"
                      : "mod_reqguard: counters unavailable\n", r);
        return OK;
    }
    apr_rfc822_date(since, rg_counters->since);
    if (json) {
        ap_rprintf(r, "{\"since\":\"%s\",\"counters\":{", since);
        for (k = 0; k < RG_KIND_COUNT; k++) {
            ap_rprintf(r, "%s\"%s\":{\"blocked\":%u,\"reported\":%u}",
                       k ? "," : "", rg_kind_name((rg_kind_e)k),
                       (unsigned)rg_counters->n[k][1],
                       (unsigned)rg_counters->n[k][0]);
        }
        ap_rputs("}}\n", r);
    }
    else {
        ap_rprintf(r, "mod_reqguard violations since %s "
                   "(kept across restarts, reset by a full stop)\n\n", since);
        ap_rprintf(r, "%-18s %10s %10s\n", "kind", "blocked", "reported");
        for (k = 0; k < RG_KIND_COUNT; k++) {
            ap_rprintf(r, "%-18s %10u %10u\n", rg_kind_name((rg_kind_e)k),
                       (unsigned)rg_counters->n[k][1],
                       (unsigned)rg_counters->n[k][0]);
        }
    }
    return OK;
}

void rg_counters_register_hooks(void)
{
    ap_hook_post_config(rg_counters_post_config, NULL, NULL, APR_HOOK_MIDDLE);
}
