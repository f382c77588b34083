/*
 * fuzz_fields.c - the per-name field table (ReqGuardFieldLimit) against a
 * plain list: rg_fields_with() adds or replaces a name case-insensitively
 * and never changes the table it copies, rg_fields_merge() lays one table
 * over another, rg_fields_lookup() finds every configured name in any case
 * and nothing else (also for names with NUL, control and 8-bit bytes, as a
 * request may send them), and count / min_limit describe the table.
 * rg_field_name_valid() is held to RFC 9110's token.
 *
 * Input: a list of operations, each one byte then its arguments.
 */
#include <string.h>

#include "fuzz_common.h"
#include "reqguard_fields.h"

#define FZ_NAMES 48

typedef struct {
    char *name[FZ_NAMES];
    apr_off_t limit[FZ_NAMES];
    int n;
} ref_t;

static int ieq(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i;

    if (alen != blen) {
        return 0;
    }
    for (i = 0; i < alen; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

        if (x >= 'A' && x <= 'Z') {
            x = (unsigned char)(x + 32);
        }
        if (y >= 'A' && y <= 'Z') {
            y = (unsigned char)(y + 32);
        }
        if (x != y) {
            return 0;
        }
    }
    return 1;
}

static apr_off_t ref_lookup(const ref_t *r, const char *name, size_t len)
{
    int i;

    for (i = 0; i < r->n; i++) {
        if (ieq(r->name[i], strlen(r->name[i]), name, len)) {
            return r->limit[i];
        }
    }
    return -1;
}

static void ref_set(ref_t *r, char *name, apr_off_t limit)
{
    int i;

    for (i = 0; i < r->n; i++) {
        if (ieq(r->name[i], strlen(r->name[i]), name, strlen(name))) {
            r->limit[i] = limit;
            return;
        }
    }
    r->name[r->n] = name;
    r->limit[r->n++] = limit;
}

static int ref_valid(const char *name)
{
    size_t n = strlen(name), i;

    if (n == 0 || n > RG_FIELD_NAME_MAX) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || (c && strchr("!#$%&'*+-.^_`|~", c)))) {
            return 0;
        }
    }
    return 1;
}

/* Every name of r, in its own case, upper-cased and with one byte more or
 * less, looks up the same in t as in r. */
static void check(const rg_field_table_t *t, const ref_t *r)
{
    apr_off_t min = 0;
    int i;

    if (r->n == 0) {
        FZ_ASSERT(t == NULL || t->count == 0);
        return;
    }
    FZ_ASSERT(t != NULL && (int)t->count == r->n);
    for (i = 0; i < r->n; i++) {
        const char *nm = r->name[i];
        size_t len = strlen(nm), k;
        char up[RG_FIELD_NAME_MAX + 2];

        FZ_ASSERT(rg_fields_lookup(t, nm, len) == r->limit[i]);
        for (k = 0; k < len; k++) {
            up[k] = (nm[k] >= 'a' && nm[k] <= 'z') ? nm[k] - 32 : nm[k];
        }
        up[len] = 'x';
        FZ_ASSERT(rg_fields_lookup(t, up, len) == r->limit[i]);
        FZ_ASSERT(rg_fields_lookup(t, up, len + 1)
                  == ref_lookup(r, up, len + 1));
        FZ_ASSERT(rg_fields_lookup(t, nm, len - 1)
                  == ref_lookup(r, nm, len - 1));
        if (r->limit[i] > 0 && (min == 0 || r->limit[i] < min)) {
            min = r->limit[i];
        }
    }
    FZ_ASSERT(t->min_limit == min);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fz_pool();
    fz_reader_t rd = { data, size };
    const rg_field_table_t *a = NULL, *b = NULL;
    ref_t ra, rb;

    memset(&ra, 0, sizeof(ra));
    memset(&rb, 0, sizeof(rb));
    while (rd.left > 0) {
        unsigned op = fz_byte(&rd) % 4;

        if (op <= 1) {
            /* ReqGuardFieldLimit NAME LIMIT into table a or b. */
            ref_t *r = op ? &rb : &ra, before;
            const rg_field_table_t **t = op ? &b : &a, *old = *t;
            apr_off_t limit = (apr_off_t)(fz_u64(&rd) >> 2);
            char *name = fz_str(&rd);

            FZ_ASSERT(rg_field_name_valid(name) == ref_valid(name));
            if (!ref_valid(name) || r->n == FZ_NAMES) {
                continue;
            }
            before = *r;
            ref_set(r, name, limit);
            *t = rg_fields_with(p, old, name, limit);
            check(*t, r);
            if (old != NULL) {
                check(old, &before);
            }
        }
        else if (op == 2) {
            /* An inner scope merged over an outer one: b over a. */
            ref_t rm = ra;
            const rg_field_table_t *m;
            int i;

            if (ra.n + rb.n > FZ_NAMES) {
                continue;
            }
            for (i = 0; i < rb.n; i++) {
                ref_set(&rm, rb.name[i], rb.limit[i]);
            }
            m = rg_fields_merge(p, a, b);
            check(m, &rm);
            check(a, &ra);
            check(b, &rb);
        }
        else {
            /* A field name as a request sends it: any bytes. */
            size_t len = fz_byte(&rd);
            const char *name;

            if (len > rd.left) {
                len = rd.left;
            }
            name = (const char *)rd.p;
            FZ_ASSERT(rg_fields_lookup(a, name, len)
                      == ref_lookup(&ra, name, len));
            FZ_ASSERT(rg_fields_lookup(b, name, len)
                      == ref_lookup(&rb, name, len));
            rd.p += len;
            rd.left -= len;
        }
    }
    FZ_ASSERT(rg_fields_lookup(NULL, "Cookie", 6) == -1);
    fz_release();
    return 0;
}
