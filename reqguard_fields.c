/*
 * reqguard_fields.c - per-name header field limits (ReqGuardFieldLimit).
 */
#include <string.h>
#include <apr_strings.h>

#include "reqguard_fields.h"

static APR_INLINE unsigned char rg_fold(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* Bit of the signature mask for a name: length, first and last character,
 * case-folded.  Names of one length rarely share both ends. */
static APR_INLINE apr_uint64_t rg_fields_sig(const char *name, apr_size_t len)
{
    unsigned int h = (unsigned int)len;

    if (len > 0) {
        h += 7u * (rg_fold((unsigned char)name[0]) & 0x1f)
             + 13u * (rg_fold((unsigned char)name[len - 1]) & 0x1f);
    }
    return (apr_uint64_t)1 << (h & 63);
}

/* FNV-1a over the ASCII-lower-cased name. */
static apr_uint32_t rg_fields_hash(const char *name, apr_size_t len)
{
    apr_uint32_t h = 2166136261u;
    apr_size_t i;

    for (i = 0; i < len; i++) {
        h ^= rg_fold((unsigned char)name[i]);
        h *= 16777619u;
    }
    return h;
}

static int rg_fields_same(const char *a, const char *b, apr_size_t len)
{
    apr_size_t i;

    for (i = 0; i < len; i++) {
        if (rg_fold((unsigned char)a[i]) != rg_fold((unsigned char)b[i])) {
            return 0;
        }
    }
    return 1;
}

/* The slot holding name, or the empty slot where it belongs. */
static rg_field_slot_t *rg_fields_slot(const rg_field_table_t *t,
                                       const char *name, apr_size_t len,
                                       apr_uint32_t hash)
{
    unsigned int i = hash & t->mask;

    /* The table is never more than half full, so this ends. */
    for (;;) {
        rg_field_slot_t *slot = &t->slots[i];

        if (slot->name == NULL
            || (slot->hash == hash && slot->len == len
                && rg_fields_same(slot->name, name, len))) {
            return slot;
        }
        i = (i + 1) & t->mask;
    }
}

static void rg_fields_put(rg_field_table_t *t, const char *name,
                          apr_size_t len, apr_off_t limit)
{
    apr_uint32_t hash = rg_fields_hash(name, len);
    rg_field_slot_t *slot = rg_fields_slot(t, name, len, hash);

    if (slot->name == NULL) {
        slot->name = name;
        slot->len = len;
        slot->hash = hash;
        t->count++;
        t->sig_mask |= rg_fields_sig(name, len);
    }
    slot->limit = limit;
}

/* An empty table with room for at least n names at half load. */
static rg_field_table_t *rg_fields_alloc(apr_pool_t *p, unsigned int n)
{
    rg_field_table_t *t = apr_pcalloc(p, sizeof(*t));
    unsigned int size = 4;

    while (size < 2 * n) {
        size <<= 1;
    }
    t->mask = size - 1;
    t->slots = apr_pcalloc(p, size * sizeof(*t->slots));
    return t;
}

static void rg_fields_copy_into(rg_field_table_t *dst,
                                const rg_field_table_t *src)
{
    unsigned int i;

    for (i = 0; i <= src->mask; i++) {
        const rg_field_slot_t *s = &src->slots[i];

        if (s->name != NULL) {
            rg_fields_put(dst, s->name, s->len, s->limit);
        }
    }
}

/* Summaries the request path uses to skip per-field lookups. */
static void rg_fields_summarise(rg_field_table_t *t)
{
    unsigned int i;

    t->min_limit = 0;
    for (i = 0; i <= t->mask; i++) {
        const rg_field_slot_t *s = &t->slots[i];

        if (s->name != NULL && s->limit > 0
            && (t->min_limit == 0 || s->limit < t->min_limit)) {
            t->min_limit = s->limit;
        }
    }
}

rg_field_table_t *rg_fields_with(apr_pool_t *p, const rg_field_table_t *base,
                                 const char *name, apr_off_t limit)
{
    rg_field_table_t *t;

    t = rg_fields_alloc(p, (base ? base->count : 0) + 1);
    if (base != NULL) {
        rg_fields_copy_into(t, base);
    }
    rg_fields_put(t, apr_pstrdup(p, name), strlen(name), limit);
    rg_fields_summarise(t);
    return t;
}

const rg_field_table_t *rg_fields_merge(apr_pool_t *p,
                                        const rg_field_table_t *base,
                                        const rg_field_table_t *add)
{
    rg_field_table_t *t;

    if (add == NULL || add->count == 0) {
        return base;
    }
    if (base == NULL || base->count == 0) {
        return add;
    }
    t = rg_fields_alloc(p, base->count + add->count);
    rg_fields_copy_into(t, base);
    rg_fields_copy_into(t, add);
    rg_fields_summarise(t);
    return t;
}

apr_off_t rg_fields_lookup(const rg_field_table_t *t, const char *name,
                           apr_size_t len)
{
    const rg_field_slot_t *slot;

    if (t == NULL || !(t->sig_mask & rg_fields_sig(name, len))) {
        return -1;
    }
    slot = rg_fields_slot(t, name, len, rg_fields_hash(name, len));
    return slot->name ? slot->limit : -1;
}

const char *rg_fields_name(const rg_field_table_t *t, const char *name,
                           apr_size_t len)
{
    const rg_field_slot_t *slot;

    if (t == NULL || !(t->sig_mask & rg_fields_sig(name, len))) {
        return NULL;
    }
    slot = rg_fields_slot(t, name, len, rg_fields_hash(name, len));
    return slot->name;
}

int rg_is_tchar(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9')
           || (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

int rg_field_name_valid(const char *name)
{
    const char *p;

    if (name == NULL || *name == '\0' || strlen(name) > RG_FIELD_NAME_MAX) {
        return 0;
    }
    for (p = name; *p; p++) {
        if (!rg_is_tchar((unsigned char)*p)) {
            return 0;
        }
    }
    return 1;
}
