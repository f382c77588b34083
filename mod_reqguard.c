/*
 * mod_reqguard.c - request limits with the right status and an explanation.
 *
 * The glue: module record and hook registration.  Each concern lives in its
 * own reqguard_<concern>.c with its header in include/:
 *   reqguard_config.c   directives, create/merge, accessors
 *   reqguard_parse.c    size and duration parsing (pure)
 *   reqguard_fields.c   per-name field limit table (pure)
 */
#define RG_MODULE_GLUE
#include "reqguard_private.h"
#include "reqguard_config.h"

static void rg_register_hooks(apr_pool_t *p)
{
    (void)p;
}

AP_DECLARE_MODULE(reqguard) = {
    STANDARD20_MODULE_STUFF,
    rg_create_dir_conf,     /* per-directory config: all fields unset */
    rg_merge_dir_conf,      /* merge: inner scope wins where it set a field */
    rg_create_srv_conf,     /* per-server config: ceilings, remap */
    rg_merge_srv_conf,      /* vhost inherits what it does not set */
    rg_cmds,                /* directives, reqguard_config.c */
    rg_register_hooks,      /* hooks and filters */
    AP_MODULE_FLAG_NONE     /* no always-merge needed */
};
