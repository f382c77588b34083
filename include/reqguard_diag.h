/*
 * reqguard_diag.h - diagnostic bodies of refusals (the REQGUARD_DIAG output
 * filter) and the reqguard-diagnostic handler for ErrorDocument targets.
 * The rendering itself is pure code in reqguard_render.h.
 */
#ifndef REQGUARD_DIAG_H
#define REQGUARD_DIAG_H

#include <httpd.h>

void rg_diag_register_hooks(void);

/* The reqguard-diagnostic handler; mod_reqguard.c dispatches to it. */
int rg_diag_handler(request_rec *r);

#endif /* REQGUARD_DIAG_H */
