/*
 * reqguard_counters.h - violation counters per kind and action, in shared
 * memory so that every child process adds to the same numbers, and the
 * reqguard-status handler that shows them.
 */
#ifndef REQGUARD_COUNTERS_H
#define REQGUARD_COUNTERS_H

#include <httpd.h>

#include "reqguard_kind.h"

/* Add one to the counter of kind and action for the virtual host s (the
 * server_rec the request was answered by); cheap and lock-free. */
void rg_counters_add(const server_rec *s, rg_kind_e kind, int blocked);

void rg_counters_register_hooks(void);

/* The reqguard-status handler; mod_reqguard.c dispatches to it. */
int rg_status_handler(request_rec *r);

#endif /* REQGUARD_COUNTERS_H */
