/*
 * reqguard_learn.h - ReqGuardLearn: what the requests of each virtual host
 * really measure, in shared-memory histograms, and the limits that follow
 * from them (reqguard_learn.c; the histogram rules are in
 * reqguard_hist.h).
 */
#ifndef REQGUARD_LEARN_H
#define REQGUARD_LEARN_H

#include "reqguard_private.h"
#include "reqguard_config.h"
#include "reqguard_status.h"

/* What is learned of a request, one histogram each. */
typedef enum {
    RG_LEARN_FIELDS = 0,        /* header fields, as Apache presents them */
    RG_LEARN_FIELD,             /* largest field, "name: value" */
    RG_LEARN_HEADER,            /* header block, sum of "name: value\r\n" */
    RG_LEARN_TARGET,            /* request-target as received */
    RG_LEARN_QUERY,             /* query as sent, when the target has '?' */
    RG_LEARN_BODY,              /* body bytes, when a body was announced */
    RG_LEARN_COUNT
} rg_learn_measure_e;

/* A virtual host's histograms in the shared segment (reqguard_learn.c). */
struct rg_learn_row;

/* Measure the headers and request-target of a new request into row, and
 * arrange for its body to be added when the request is over.  Called in
 * post_read_request of an initial request whose server's learn_row is set:
 * post_config sets it only for a virtual host with ReqGuardLearn On, when
 * the shared memory could be had, and gives each such server a
 * configuration record of its own first (virtual hosts that set none of
 * the module's directives share the main server's). */
void rg_learn_request(request_rec *r, struct rg_learn_row *row);

/* reqguard-status?config=1: the suggested limits as directives, per
 * virtual host, text/plain (the handler has set the headers). */
void rg_learn_config(request_rec *r);

void rg_learn_register_hooks(void);

#endif /* REQGUARD_LEARN_H */
