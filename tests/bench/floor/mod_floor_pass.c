/*
 * mod_floor_pass.c - a connection input filter that passes every read on
 * and does nothing else: what one more filter on the header lines costs
 * at the very least (make bench-floor).
 */
#include <httpd.h>
#include <http_config.h>
#include <http_connection.h>
#include <util_filter.h>

static ap_filter_rec_t *floor_pass_filter;

static apr_status_t floor_pass_in(ap_filter_t *f, apr_bucket_brigade *bb,
                                  ap_input_mode_t mode,
                                  apr_read_type_e block, apr_off_t readbytes)
{
    return ap_get_brigade(f->next, bb, mode, block, readbytes);
}

static int floor_pass_pre_connection(conn_rec *c, void *csd)
{
    (void)csd;
    ap_add_input_filter_handle(floor_pass_filter, NULL, NULL, c);
    return OK;
}

static void floor_pass_hooks(apr_pool_t *p)
{
    (void)p;
    floor_pass_filter = ap_register_input_filter(
        "FLOOR_PASS", floor_pass_in, NULL, AP_FTYPE_CONNECTION);
    ap_hook_pre_connection(floor_pass_pre_connection, NULL, NULL,
                           APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(floor_pass) = {
    STANDARD20_MODULE_STUFF, NULL, NULL, NULL, NULL, NULL, floor_pass_hooks,
    AP_MODULE_FLAG_NONE
};
