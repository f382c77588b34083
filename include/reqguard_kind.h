/*
 * reqguard_kind.h - the kinds of violation and what belongs to each kind:
 * its name (REQGUARD_VIOLATION), its status and the directive that sets its
 * limit.  Pure data, shared by the checks, the logs and the renderer.
 */
#ifndef REQGUARD_KIND_H
#define REQGUARD_KIND_H

typedef enum {
    RG_KIND_FIELDS = 0,         /* too many header fields */
    RG_KIND_FIELD_SIZE,         /* one field too large */
    RG_KIND_HEADER_SIZE,        /* all fields together too large */
    RG_KIND_URI,                /* request-target too long */
    RG_KIND_QUERY,              /* query string too long */
    RG_KIND_BODY,               /* body too large */
    RG_KIND_LENGTH_REQUIRED,    /* body without Content-Length */
    RG_KIND_BODY_TIMEOUT,       /* body stalled or too slow */
    RG_KIND_CORE_FIELD_SIZE,    /* core: field over LimitRequestFieldSize */
    RG_KIND_CORE_FIELDS,        /* core: over LimitRequestFields */
    RG_KIND_COUNT,
    RG_KIND_NONE = RG_KIND_COUNT /* not a violation of ours */
} rg_kind_e;

/* "field-size", ...; "none" for RG_KIND_NONE. */
const char *rg_kind_name(rg_kind_e kind);

/* The status a refusal of this kind answers with (431, 414, ...). */
int rg_kind_status(rg_kind_e kind);

/* 1 for the kinds that are core's refusals, answered by the remap. */
int rg_kind_is_core(rg_kind_e kind);

/* The directive whose limit was exceeded ("ReqGuardMaxFieldSize",
 * "LimitRequestFieldSize", ...). */
const char *rg_kind_directive(rg_kind_e kind);

#endif /* REQGUARD_KIND_H */
