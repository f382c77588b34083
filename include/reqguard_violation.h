/*
 * reqguard_violation.h - recording a violation: one log line, the
 * REQGUARD_* request variables, the counters, and the record the error
 * path answers from.
 *
 * A request keeps at most one refusal (the first blocking record: it wins
 * over anything reported) and reports each kind once.
 */
#ifndef REQGUARD_VIOLATION_H
#define REQGUARD_VIOLATION_H

#include <httpd.h>

#include "reqguard_kind.h"

/* Longest field name kept in a record, in bytes: room for the 64
 * characters a body shows and more, so the renderer can tell it cut. */
#define RG_FIELD_KEPT_MAX 256

typedef struct {
    rg_kind_e kind;
    int status;             /* the status the kind answers with */
    const char *field;      /* field name (truncated), or NULL */
    apr_off_t observed;     /* bytes, fields or seconds seen; -1 unknown */
    apr_int64_t limit;      /* the limit in force, same unit */
    const char *directive;  /* the directive that set that limit; NULL on
                             * input for the kind's own */
    int ceiling;            /* that limit is a ReqGuardCeiling */
    int blocked;            /* 0: reported only, the request goes on */
} rg_violation_t;

/*
 * Record the event ev on r (ev->status is filled in): log it at info
 * (RG00001, with the request's log id, virtual host, method and path),
 * count it, set the REQGUARD_* variables and keep it.  A kind already
 * reported on r is not recorded again (NULL is returned).  The variables
 * describe the refusal when there is one, else the latest report.
 */
const rg_violation_t *rg_violation_record(request_rec *r,
                                          const rg_violation_t *ev);

/* rg_violation_record() of the event made of these values; the field name
 * may be NULL, the directive NULL for the kind's own. */
const rg_violation_t *rg_violation_note(request_rec *r, rg_kind_e kind,
                                        const char *field,
                                        apr_off_t observed,
                                        apr_int64_t limit,
                                        const char *directive, int ceiling,
                                        int blocked);

/* The request the client sent: before any internal redirect, not a
 * subrequest. */
request_rec *rg_violation_origin(request_rec *r);

/* The refusal of r, of the request it was redirected from, or of its main
 * request; NULL when none of them was refused. */
const rg_violation_t *rg_violation_refusal(const request_rec *r);

/* The id of the request the client sent, as the error log's %L shows it:
 * mod_unique_id's UNIQUE_ID when loaded, else Apache's log id (made now if
 * nothing made it yet). */
const char *rg_violation_request_id(request_rec *r);

#endif /* REQGUARD_VIOLATION_H */
