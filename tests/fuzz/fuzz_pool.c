/*
 * fuzz_pool.c - exact-size allocations for the pure sources under
 * libFuzzer (see fuzz_common.h), and the small helpers of the targets.
 *
 * Defining apr_palloc() and friends here makes the linker bind the calls of
 * the code under test to these instead of libapr's.  Every allocation is
 * recorded and freed after each input.
 */
#include <stdarg.h>
#include <string.h>

#include <apr_general.h>
#include <apr_strings.h>

#include "fuzz_common.h"

static apr_pool_t *fz_real_pool;
static void **fz_blocks;
static size_t fz_count, fz_cap;

static void *fz_alloc(size_t n)
{
    void *b;

    if (fz_count == fz_cap) {
        size_t cap = fz_cap ? 2 * fz_cap : 256;
        void **nb = realloc(fz_blocks, cap * sizeof(*nb));

        if (nb == NULL) {
            abort();
        }
        fz_blocks = nb;
        fz_cap = cap;
    }
    /* malloc(0) may return NULL; the pool never does. */
    b = malloc(n ? n : 1);
    if (b == NULL) {
        abort();
    }
    fz_blocks[fz_count++] = b;
    return b;
}

apr_pool_t *fz_pool(void)
{
    if (fz_real_pool == NULL) {
        if (apr_initialize() != APR_SUCCESS
            || apr_pool_create(&fz_real_pool, NULL) != APR_SUCCESS) {
            abort();
        }
    }
    return fz_real_pool;
}

void fz_release(void)
{
    size_t i;

    for (i = 0; i < fz_count; i++) {
        free(fz_blocks[i]);
    }
    fz_count = 0;
    if (fz_real_pool != NULL) {
        apr_pool_clear(fz_real_pool);
    }
}

void *apr_palloc(apr_pool_t *p, apr_size_t size)
{
    (void)p;
    return fz_alloc(size);
}

char *apr_pstrdup(apr_pool_t *p, const char *s)
{
    size_t n;
    char *d;

    (void)p;
    if (s == NULL) {
        return NULL;
    }
    n = strlen(s) + 1;
    d = fz_alloc(n);
    memcpy(d, s, n);
    return d;
}

char *apr_pstrmemdup(apr_pool_t *p, const char *s, apr_size_t n)
{
    char *d;

    (void)p;
    if (s == NULL) {
        return NULL;
    }
    d = fz_alloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *apr_pstrcat(apr_pool_t *p, ...)
{
    va_list ap;
    const char *s;
    size_t n = 1, o = 0;
    char *d;

    (void)p;
    va_start(ap, p);
    while ((s = va_arg(ap, const char *)) != NULL) {
        n += strlen(s);
    }
    va_end(ap);
    d = fz_alloc(n);
    va_start(ap, p);
    while ((s = va_arg(ap, const char *)) != NULL) {
        size_t k = strlen(s);

        memcpy(d + o, s, k);
        o += k;
    }
    va_end(ap);
    d[o] = '\0';
    return d;
}

char *apr_psprintf(apr_pool_t *p, const char *fmt, ...)
{
    va_list ap;
    char *tmp, *d;
    size_t n;

    (void)p;
    /* APR's own formatter (it knows APR's conversions) into the real
     * pool, then an exact copy. */
    va_start(ap, fmt);
    tmp = apr_pvsprintf(fz_pool(), fmt, ap);
    va_end(ap);
    n = strlen(tmp) + 1;
    d = fz_alloc(n);
    memcpy(d, tmp, n);
    return d;
}

char *apr_itoa(apr_pool_t *p, int n)
{
    char buf[16];

    snprintf(buf, sizeof(buf), "%d", n);
    return apr_pstrdup(p, buf);
}

char *fz_cstr(const uint8_t *data, size_t size)
{
    char *s = fz_alloc(size + 1);

    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

int fz_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;

    while (i < len) {
        unsigned c = s[i], n, k;
        uint32_t cp;

        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        }
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        }
        else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        }
        else {
            return 0;
        }
        if (i + n >= len) {
            return 0;
        }
        for (k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)
            || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        i += n + 1;
    }
    return 1;
}

unsigned fz_byte(fz_reader_t *r)
{
    if (r->left == 0) {
        return 0;
    }
    r->left--;
    return *r->p++;
}

uint64_t fz_u64(fz_reader_t *r)
{
    uint64_t v = 0;
    int i;

    for (i = 0; i < 8; i++) {
        v = (v << 8) | fz_byte(r);
    }
    return v;
}

char *fz_str(fz_reader_t *r)
{
    const uint8_t *end = memchr(r->p, 0xFF, r->left);
    size_t n = end ? (size_t)(end - r->p) : r->left;
    char *s = fz_cstr(r->p, n);

    r->p += n;
    r->left -= n;
    if (r->left > 0) {
        r->p++;
        r->left--;
    }
    return s;
}
