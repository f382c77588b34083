/*
 * mod_floor_count.c - a connection input filter that counts the lines core
 * reads (how many, their bytes, the longest) and nothing else: no check
 * that a line came whole, no name kept, no reset per request.  What a
 * watcher of the header lines costs at the very least (make bench-floor).
 */
#include <httpd.h>
#include <http_config.h>
#include <http_connection.h>
#include <util_filter.h>

typedef struct {
    apr_size_t lines, bytes, longest;
} floor_count_t;

static ap_filter_rec_t *floor_count_filter;

static apr_status_t floor_count_in(ap_filter_t *f, apr_bucket_brigade *bb,
                                   ap_input_mode_t mode,
                                   apr_read_type_e block,
                                   apr_off_t readbytes)
{
    floor_count_t *ctx = f->ctx;
    apr_status_t rv = ap_get_brigade(f->next, bb, mode, block, readbytes);

    if (mode == AP_MODE_GETLINE && rv == APR_SUCCESS
        && !APR_BRIGADE_EMPTY(bb)) {
        apr_size_t len = APR_BRIGADE_FIRST(bb)->length;

        ctx->lines++;
        ctx->bytes += len;
        if (len > ctx->longest) {
            ctx->longest = len;
        }
    }
    return rv;
}

static int floor_count_pre_connection(conn_rec *c, void *csd)
{
    (void)csd;
    ap_add_input_filter_handle(floor_count_filter,
                               apr_pcalloc(c->pool, sizeof(floor_count_t)),
                               NULL, c);
    return OK;
}

static void floor_count_hooks(apr_pool_t *p)
{
    (void)p;
    floor_count_filter = ap_register_input_filter(
        "FLOOR_COUNT", floor_count_in, NULL, AP_FTYPE_CONNECTION);
    ap_hook_pre_connection(floor_count_pre_connection, NULL, NULL,
                           APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(floor_count) = {
    STANDARD20_MODULE_STUFF, NULL, NULL, NULL, NULL, NULL, floor_count_hooks,
    AP_MODULE_FLAG_NONE
};
