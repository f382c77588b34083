/*
 * reqguard_violation.h - recording a violation: one log line, the
 * REQGUARD_* request variables, the counters, and the record the
 * diagnostic body is rendered from.
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
    const char *directive;  /* the directive that sets the limit */
    int blocked;            /* 0: ReqGuard ReportOnly let the request on */
} rg_violation_t;

/*
 * Record a violation on r: log it at info (RG00001), set the REQGUARD_*
 * variables in r->subprocess_env, count it, and keep it for the diagnostic
 * body (the first one recorded on a request is the one rendered).
 * directive may be NULL for the kind's own directive.
 */
const rg_violation_t *rg_violation_record(request_rec *r, rg_kind_e kind,
                                          const char *field,
                                          apr_off_t observed,
                                          apr_int64_t limit,
                                          const char *directive,
                                          int blocked);

/* The violation recorded on r, or on the request r was redirected from
 * (ErrorDocument), or its main request; NULL when there is none. */
const rg_violation_t *rg_violation_get(const request_rec *r);

#endif /* REQGUARD_VIOLATION_H */
