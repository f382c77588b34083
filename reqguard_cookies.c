/*
 * reqguard_cookies.c - the pairs of a Cookie field, largest first, and the
 * plan that expires the largest ones.  Pure: APR and plain values only.
 *
 * The field comes from the client and may be anything without a NUL:
 * thousands of pairs, no '=', empty names, quotes, bytes of any value.
 * One pass over it keeps the RG_COOKIES_KEEP largest pairs in a heap of
 * fixed size (pointers into the field, nothing copied), and counts and
 * sums every pair; only the kept names are copied, at the end.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <apr_strings.h>

#include "reqguard_cookies.h"
#include "reqguard_fields.h"

/* A pair while the field is scanned. */
typedef struct {
    const char *name;       /* into the field value */
    apr_size_t name_len;
    apr_size_t bytes;
    apr_size_t pos;         /* index of the pair in the field */
} rg_pair_t;

/* 1 when a comes before b in the result: larger, or as large and sent
 * earlier.  Positions differ, so this is a strict total order. */
static int rg_pair_before(const rg_pair_t *a, const rg_pair_t *b)
{
    return a->bytes > b->bytes || (a->bytes == b->bytes && a->pos < b->pos);
}

static int rg_pair_cmp(const void *a, const void *b)
{
    return rg_pair_before(a, b) ? -1 : 1;
}

static void rg_pair_swap(rg_pair_t *h, apr_size_t i, apr_size_t j)
{
    rg_pair_t t = h[i];

    h[i] = h[j];
    h[j] = t;
}

/* The heap keeps the pair that comes last at its root: each parent comes
 * after its children. */
static void rg_heap_up(rg_pair_t *h, apr_size_t i)
{
    while (i > 0 && rg_pair_before(&h[(i - 1) / 2], &h[i])) {
        rg_pair_swap(h, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static void rg_heap_down(rg_pair_t *h, apr_size_t n, apr_size_t i)
{
    for (;;) {
        apr_size_t last = i, c = 2 * i + 1;

        if (c < n && rg_pair_before(&h[last], &h[c])) {
            last = c;
        }
        if (c + 1 < n && rg_pair_before(&h[last], &h[c + 1])) {
            last = c + 1;
        }
        if (last == i) {
            return;
        }
        rg_pair_swap(h, i, last);
        i = last;
    }
}

static int rg_is_ows(char c)
{
    return c == ' ' || c == '\t';
}

/* 1 when [s, s + n) is a cookie name we may send back. */
static int rg_name_expirable(const char *s, apr_size_t n)
{
    apr_size_t i;

    if (n == 0 || n > RG_COOKIE_NAME_MAX) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        if (!rg_is_tchar((unsigned char)s[i])) {
            return 0;
        }
    }
    return 1;
}

rg_cookies_t *rg_cookies_parse(apr_pool_t *p, const char *value)
{
    rg_cookies_t *c = apr_pcalloc(p, sizeof(*c));
    rg_pair_t *heap = NULL;
    apr_size_t n = 0, i;
    const char *s = value;

    if (value == NULL) {
        return c;
    }
    while (*s != '\0') {
        const char *start, *end, *semi, *eq;
        rg_pair_t pair;

        semi = strchr(s, ';');
        end = semi != NULL ? semi : s + strlen(s);
        start = s;
        s = semi != NULL ? semi + 1 : end;

        while (start < end && rg_is_ows(*start)) {
            start++;
        }
        while (end > start && rg_is_ows(end[-1])) {
            end--;
        }
        if (start == end) {
            continue;               /* ";;" or blanks: no pair */
        }

        pair.bytes = (apr_size_t)(end - start);
        pair.pos = c->pairs++;
        c->bytes += pair.bytes;
        eq = memchr(start, '=', pair.bytes);
        if (eq == NULL) {
            pair.name = start;      /* nameless: the value alone */
            pair.name_len = 0;
        }
        else {
            pair.name = start;
            pair.name_len = (apr_size_t)(eq - start);
            while (pair.name_len > 0 && rg_is_ows(start[pair.name_len - 1])) {
                pair.name_len--;
            }
        }

        if (heap == NULL) {
            heap = apr_palloc(p, RG_COOKIES_KEEP * sizeof(*heap));
        }
        if (n < RG_COOKIES_KEEP) {
            heap[n] = pair;
            rg_heap_up(heap, n++);
        }
        else if (rg_pair_before(&pair, &heap[0])) {
            heap[0] = pair;
            rg_heap_down(heap, n, 0);
        }
    }
    if (n == 0) {
        return c;
    }

    qsort(heap, n, sizeof(*heap), rg_pair_cmp);
    c->items = apr_pcalloc(p, n * sizeof(*c->items));
    c->count = n;
    c->rest_pairs = c->pairs - n;
    c->rest_bytes = c->bytes;
    for (i = 0; i < n; i++) {
        rg_cookie_t *it = &c->items[i];
        apr_size_t keep = heap[i].name_len;

        if (keep > RG_COOKIE_NAME_MAX + 1) {
            keep = RG_COOKIE_NAME_MAX + 1;
        }
        it->name = apr_pstrmemdup(p, heap[i].name, keep);
        it->name_len = heap[i].name_len;
        it->bytes = heap[i].bytes;
        it->expirable = rg_name_expirable(heap[i].name, heap[i].name_len);
        c->rest_bytes -= it->bytes;
    }
    return c;
}

apr_off_t rg_cookies_field_size(apr_size_t pairs, apr_size_t bytes)
{
    apr_uint64_t size;
    const apr_uint64_t max = (apr_uint64_t)APR_INT64_MAX;

    if (pairs == 0) {
        return 0;
    }
    /* Saturate rather than wrap; no field in memory comes near. */
    if ((apr_uint64_t)bytes > max / 2 || (apr_uint64_t)pairs > max / 4) {
        return (apr_off_t)APR_INT64_MAX;
    }
    size = RG_COOKIE_FIELD_PREFIX + (apr_uint64_t)bytes
           + 2 * ((apr_uint64_t)pairs - 1);
    return (apr_off_t)size;
}

/* 1 when an item before i with the same name is marked already. */
static int rg_name_marked(const rg_cookies_t *c, apr_size_t i)
{
    apr_size_t j;

    for (j = 0; j < i; j++) {
        if (c->items[j].expire && c->items[j].name_len == c->items[i].name_len
            && strcmp(c->items[j].name, c->items[i].name) == 0) {
            return 1;
        }
    }
    return 0;
}

int rg_cookies_plan(rg_cookies_t *c, apr_off_t limit, apr_size_t *marked)
{
    apr_size_t pairs = c->pairs, bytes = c->bytes, count = 0, i;

    if (marked != NULL) {
        *marked = 0;
    }
    for (i = 0; i < c->count; i++) {
        c->items[i].expire = 0;
    }
    if (limit < 0) {
        return 0;
    }
    if (limit == 0 || rg_cookies_field_size(pairs, bytes) <= limit) {
        return 1;
    }
    for (i = 0; i < c->count; i++) {
        rg_cookie_t *it = &c->items[i];

        if (!it->expirable || rg_name_marked(c, i)) {
            continue;
        }
        it->expire = 1;
        count++;
        pairs--;
        bytes -= it->bytes;
        if (rg_cookies_field_size(pairs, bytes) <= limit) {
            if (marked != NULL) {
                *marked = count;
            }
            return 1;
        }
    }
    for (i = 0; i < c->count; i++) {
        c->items[i].expire = 0;
    }
    return 0;
}

const char *rg_cookies_expire_value(apr_pool_t *p, const char *name)
{
    apr_size_t n;

    if (name == NULL) {
        return NULL;
    }
    n = strnlen(name, RG_COOKIE_NAME_MAX + 1);
    if (!rg_name_expirable(name, n)) {
        return NULL;
    }
    /* RFC 6265bis cookie prefixes, matched without regard to case as
     * browsers do: such a cookie is only replaced with Secure set. */
    if (strncasecmp(name, "__Secure-", 9) == 0
        || strncasecmp(name, "__Host-", 7) == 0) {
        return apr_pstrcat(p, name, "=; Max-Age=0; Path=/; Secure", NULL);
    }
    return apr_pstrcat(p, name, "=; Max-Age=0; Path=/", NULL);
}
