/*
 * reqguard_kind.c - names, statuses and directives of violation kinds.
 */
#include "reqguard_kind.h"

static const struct {
    const char *name;
    int status;
    const char *directive;
} rg_kinds[RG_KIND_COUNT + 1] = {
    { "fields",          431, "ReqGuardMaxFields" },
    { "field-size",      431, "ReqGuardMaxFieldSize" },
    { "header-size",     431, "ReqGuardMaxHeaderSize" },
    { "uri",             414, "ReqGuardMaxURI" },
    { "query",           414, "ReqGuardMaxQuery" },
    { "body",            413, "ReqGuardMaxBody" },
    { "length-required", 411, "ReqGuardRequireLength" },
    { "body-timeout",    408, "ReqGuardBodyTimeout" },
    { "core-field-size", 431, "LimitRequestFieldSize" },
    { "core-fields",     431, "LimitRequestFields" },
    { "none",            0,   "" }
};

static unsigned rg_kind_index(rg_kind_e kind)
{
    return (unsigned)kind < RG_KIND_COUNT ? (unsigned)kind : RG_KIND_COUNT;
}

const char *rg_kind_name(rg_kind_e kind)
{
    return rg_kinds[rg_kind_index(kind)].name;
}

int rg_kind_status(rg_kind_e kind)
{
    return rg_kinds[rg_kind_index(kind)].status;
}

int rg_kind_is_core(rg_kind_e kind)
{
    return kind == RG_KIND_CORE_FIELD_SIZE || kind == RG_KIND_CORE_FIELDS;
}

const char *rg_kind_directive(rg_kind_e kind)
{
    return rg_kinds[rg_kind_index(kind)].directive;
}
