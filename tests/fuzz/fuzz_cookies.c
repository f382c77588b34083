/*
 * fuzz_cookies.c - the Cookie field of a request, taken apart by
 * rg_cookies_parse(), against a plain split on ';', and
 * rg_cookies_parse_joined(), which also splits at Apache's joins of two
 * Cookie lines (", " then a token and '='; blanks trimmed, the
 * name up to '=' with its trailing blanks cut, "" without '='): the pair
 * count and bytes, and the kept items, largest first with equal sizes in
 * field order, each name as sent (cut to RG_COOKIE_NAME_MAX + 1 bytes) and
 * expirable exactly when it is a token of 1 to RG_COOKIE_NAME_MAX bytes.
 * rg_cookies_expire_value() answers only for those, with a value that
 * names the cookie and holds nothing that could end a header field.
 * rg_cookies_plan() marks only expirable cookies, once per name, and
 * marks none when it says the field cannot be made to fit.
 *
 * Input: one byte for the plan's limit, one whose low bit chooses the
 * joined parse, then the field value.
 */
#include <string.h>

#include "fuzz_common.h"
#include "reqguard_cookies.h"

typedef struct {
    size_t pos, bytes, name_len;
    const char *name;
} ref_pair_t;

static int ows(char c)
{
    return c == ' ' || c == '\t';
}

static int token(const char *s, size_t n)
{
    size_t i;

    if (n == 0 || n > RG_COOKIE_NAME_MAX) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || (c && strchr("!#$%&'*+-.^_`|~", c)))) {
            return 0;
        }
    }
    return 1;
}

static int before(const ref_pair_t *a, const ref_pair_t *b)
{
    return a->bytes > b->bytes || (a->bytes == b->bytes && a->pos < b->pos);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fz_pool();
    fz_reader_t rd = { data, size };
    unsigned lim = fz_byte(&rd);
    int joins = fz_byte(&rd) & 1;
    char *value = fz_cstr(rd.p, rd.left);
    size_t vlen = strlen(value), npairs = 0, total = 0, i, j, k;
    ref_pair_t *ref = malloc((vlen / 1 + 1) * sizeof(*ref));
    const char *s;
    char *split;
    rg_cookies_t *c;
    apr_size_t marked = 0, seen_marked = 0;
    apr_off_t limit;
    int fits;

    FZ_ASSERT(ref != NULL);
    split = malloc(vlen + 1);
    FZ_ASSERT(split != NULL);
    memcpy(split, value, vlen + 1);
    for (i = 0; i + 2 < vlen; i++) {
        for (k = i + 2; k < vlen && token(value + k, 1); k++) {
            /* the token after ", " */
        }
        if (joins && value[i] == ',' && value[i + 1] == ' ' && k > i + 2
            && value[k] == '=') {
            split[i] = ';';
        }
    }
    s = split;
    while (*s) {
        const char *semi = strchr(s, ';');
        const char *start = s, *end = semi ? semi : s + strlen(s);
        const char *eq;

        s = semi ? semi + 1 : end;
        while (start < end && ows(*start)) {
            start++;
        }
        while (end > start && ows(end[-1])) {
            end--;
        }
        if (start == end) {
            continue;
        }
        ref[npairs].pos = npairs;
        ref[npairs].bytes = (size_t)(end - start);
        ref[npairs].name = start;
        eq = memchr(start, '=', (size_t)(end - start));
        k = eq ? (size_t)(eq - start) : 0;
        while (k > 0 && ows(start[k - 1])) {
            k--;
        }
        ref[npairs].name_len = k;
        total += ref[npairs].bytes;
        npairs++;
    }
    /* Largest first, equal sizes in field order (insertion sort on a
     * copy would do; a selection of the kept ones is enough). */
    for (i = 0; i < npairs && i < RG_COOKIES_KEEP; i++) {
        size_t best = i;

        for (j = i + 1; j < npairs; j++) {
            if (before(&ref[j], &ref[best])) {
                best = j;
            }
        }
        if (best != i) {
            ref_pair_t t = ref[best];

            memmove(&ref[i + 1], &ref[i], (best - i) * sizeof(*ref));
            ref[i] = t;
        }
    }

    c = joins ? rg_cookies_parse_joined(p, value)
              : rg_cookies_parse(p, value);
    FZ_ASSERT(c != NULL);
    FZ_ASSERT(c->pairs == npairs && c->bytes == total);
    FZ_ASSERT(c->count == (npairs < RG_COOKIES_KEEP ? npairs
                                                    : RG_COOKIES_KEEP));
    FZ_ASSERT(c->rest_pairs == npairs - c->count);
    for (i = 0, k = 0; i < c->count; i++) {
        const rg_cookie_t *it = &c->items[i];
        size_t shown = strlen(it->name);
        const char *ev;

        k += it->bytes;
        FZ_ASSERT(it->bytes == ref[i].bytes);
        FZ_ASSERT(it->name_len == ref[i].name_len);
        FZ_ASSERT(shown == (ref[i].name_len <= RG_COOKIE_NAME_MAX + 1
                            ? ref[i].name_len : RG_COOKIE_NAME_MAX + 1));
        FZ_ASSERT(memcmp(it->name, ref[i].name, shown) == 0);
        FZ_ASSERT(!it->expirable == !token(ref[i].name, ref[i].name_len));
        ev = rg_cookies_expire_value(p, it->name);
        if (!it->expirable) {
            FZ_ASSERT(ev == NULL);
            continue;
        }
        FZ_ASSERT(ev != NULL);
        FZ_ASSERT(strncmp(ev, it->name, shown) == 0 && ev[shown] == '=');
        FZ_ASSERT(strstr(ev, "; Max-Age=0; Path=/") != NULL);
        for (j = 0; ev[j]; j++) {
            FZ_ASSERT((unsigned char)ev[j] >= 0x20 && ev[j] != 0x7f);
        }
    }
    FZ_ASSERT(k + c->rest_bytes == total);
    FZ_ASSERT(rg_cookies_field_size(0, 0) == 0);
    if (npairs > 0) {
        FZ_ASSERT(rg_cookies_field_size(c->pairs, c->bytes)
                  == (apr_off_t)(RG_COOKIE_FIELD_PREFIX + total
                                 + 2 * (npairs - 1)));
    }

    /* A limit from nothing (unknown) to well over the field. */
    limit = lim == 255 ? -1 : (apr_off_t)(lim * (total / 64 + 1));
    fits = rg_cookies_plan(c, limit, &marked);
    FZ_ASSERT(fits == 0 || fits == 1);
    for (i = 0; i < c->count; i++) {
        if (!c->items[i].expire) {
            continue;
        }
        seen_marked++;
        FZ_ASSERT(c->items[i].expirable);
        for (j = 0; j < i; j++) {
            FZ_ASSERT(!c->items[j].expire
                      || strcmp(c->items[j].name, c->items[i].name) != 0);
        }
    }
    FZ_ASSERT(seen_marked == marked);
    if (!fits || limit <= 0) {
        FZ_ASSERT(marked == 0);
    }
    free(ref);
    free(split);
    fz_release();
    return 0;
}
