/*
 * reqguard_counters.h - violation counters per virtual host, kind and
 * action, in shared memory so that every child process adds to the same
 * numbers.  The reqguard-status handler and the server-status section that
 * show them are in reqguard_status.c (include/reqguard_status.h).
 */
#ifndef REQGUARD_COUNTERS_H
#define REQGUARD_COUNTERS_H

#include <httpd.h>

#include "reqguard_kind.h"

/* Longest virtual host label kept, the terminating NUL included. */
#define RG_VHOST_LABEL_MAX 256

/* The label of the slot that counts virtual hosts for which the shared
 * segment had no room left (see reqguard_counters.c). */
#define RG_VHOST_OTHER "(other)"

/* Add one to the counter of kind and action for the virtual host s (the
 * server_rec the request was answered by); lock-free.  Called only on a
 * violation: a clean request never comes here. */
void rg_counters_add(const server_rec *s, rg_kind_e kind, int blocked);

/* The counts of one virtual host, or of all of them. */
typedef struct {
    const char *label;                      /* "www.example.com:80" */
    apr_uint64_t n[RG_KIND_COUNT][2];       /* [kind][1: blocked,
                                             *        0: reported] */
} rg_counts_t;

/* 0 when the shared memory could not be had: nothing is counted. */
int rg_counters_available(void);

/* When counting began: the first start of the parent process. */
apr_time_t rg_counters_start(void);

/* Every violation since the start, of every virtual host that was ever
 * configured since then (and of "(other)"). */
void rg_counters_total(rg_counts_t *out);

/* The virtual hosts of the running configuration, one per label, in
 * configuration order (the main server first), and then "(other)" when it
 * has counted anything: rg_counters_vhost(i, ...) for i below
 * rg_counters_vhost_count(). */
int rg_counters_vhost_count(void);
void rg_counters_vhost(int i, rg_counts_t *out);

/* The label of the virtual host s: "ServerName:port" (or the ServerName
 * alone when no port is known), from the configuration only. */
const char *rg_counters_label(const server_rec *s);

/* The slots themselves, for the learning histograms (reqguard_learn.c),
 * which keep a row per slot: how many slots the segment has (0 without
 * it), and the slot of the server record s in this configuration (0 is
 * "(other)"), -1 without the segment.  Set in post_config (the counters'
 * runs before the learning one). */
apr_uint32_t rg_counters_slots(void);
int rg_counters_slot(const server_rec *s);

/* The head every kept segment starts with. */
typedef struct {
    apr_time_t start;                   /* when the segment was made */
    apr_uint32_t capacity;              /* its rows (or slots) */
} rg_shm_head_t;

/*
 * A zeroed shared-memory segment of a head_size-byte head (starting with
 * an rg_shm_head_t) and capacity rows of row_size bytes, kept in the
 * process pool over restarts under a key made of name, head_size and
 * row_size (its layout): the segment an earlier configuration made (*made 0), or a new
 * one (*made 1; made may be NULL) with its head's start and capacity set.  NULL when it
 * cannot be had, logged at error as "<id>: cannot create the shared memory
 * for <what> (...); <without>".  The counters' segment and ReqGuardLearn's.
 */
void *rg_shm_kept(server_rec *s, apr_pool_t *ptemp, const char *name,
                  apr_size_t head_size, apr_size_t row_size,
                  apr_uint32_t capacity, const char *id, const char *what,
                  const char *without, int *made);

void rg_counters_register_hooks(void);

/* The reqguard-status handler (reqguard_status.c); mod_reqguard.c
 * dispatches to it. */
int rg_status_handler(request_rec *r);

#endif /* REQGUARD_COUNTERS_H */
