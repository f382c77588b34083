/*
 * reqguard_fields.h - per-name header field limits (ReqGuardFieldLimit).
 *
 * A small open-addressing table keyed by the case-folded field name.  A
 * lookup first tests a 64-bit mask of a cheap signature (length, first and
 * last character) of the configured names, so a field that matches no
 * configured signature costs a few instructions and no hash: the common
 * case on the request path.  Pure code over plain strings.
 */
#ifndef REQGUARD_FIELDS_H
#define REQGUARD_FIELDS_H

#include <string.h>
#include <apr.h>
#include <apr_pools.h>
#include <apr_tables.h>

/* A header field's size as every limit measures it, "name: value" (a
 * NULL value counts as empty), with the name's length into *klen.  An
 * entry always has a name: APR reads it to checksum it when it is added. */
static APR_INLINE apr_size_t rg_field_size(const apr_table_entry_t *e,
                                           apr_size_t *klen)
{
    apr_size_t k = strlen(e->key);

    *klen = k;
    return e->val != NULL ? k + 2 + strlen(e->val) : k + 2;
}

/* Field names longer than this are refused by the directive. */
#define RG_FIELD_NAME_MAX 256

typedef struct {
    const char *name;       /* as configured, NULL for an empty slot */
    apr_size_t len;
    apr_uint32_t hash;      /* of the lower-cased name */
    apr_off_t limit;        /* bytes of "name: value", 0 = unlimited */
} rg_field_slot_t;

typedef struct {
    apr_uint64_t sig_mask;  /* bit rg_fields_sig() set for every name */
    apr_off_t min_limit;    /* smallest non-zero limit, 0 when none */
    unsigned int mask;      /* slot count - 1, slot count a power of two */
    unsigned int count;     /* names stored */
    rg_field_slot_t *slots;
} rg_field_table_t;

/* A table of one entry, or a copy of base with name set (added or replaced). */
rg_field_table_t *rg_fields_with(apr_pool_t *p, const rg_field_table_t *base,
                                 const char *name, apr_off_t limit);

/* base with every entry of add laid over it; returns base or add unchanged
 * when the other one is NULL or empty. */
const rg_field_table_t *rg_fields_merge(apr_pool_t *p,
                                        const rg_field_table_t *base,
                                        const rg_field_table_t *add);

/* The limit for a field name of length len, or -1 when none is set. */
apr_off_t rg_fields_lookup(const rg_field_table_t *t, const char *name,
                           apr_size_t len);

/* The name as configured for a field name of length len (any case), or
 * NULL when none is set. */
const char *rg_fields_name(const rg_field_table_t *t, const char *name,
                           apr_size_t len);

/* 1 when c may appear in an RFC 9110 token (tchar), else 0. */
int rg_is_tchar(int c);

/* 1 when name is a valid field name (RFC 9110 token), else 0. */
int rg_field_name_valid(const char *name);

#endif /* REQGUARD_FIELDS_H */
