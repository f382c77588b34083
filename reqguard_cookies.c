/*
 * reqguard_cookies.c - the pairs of a Cookie field, largest first, and the
 * plan that expires the largest ones.  Pure: APR and plain values only.
 *
 * The field comes from the client and may be anything: thousands of
 * pairs, no '=', empty names, quotes, bytes of any value.  One scanner
 * reads it byte by byte, in pieces split anywhere (core's reads of an
 * over-long line) or whole (a value from headers_in): it counts and sums
 * every pair and keeps the RG_COOKIES_KEEP largest in a heap of fixed
 * size, each with the first bytes of its name in a slot of its own.  A
 * value is never copied; memory is the same whatever the field holds.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <apr_lib.h>
#include <apr_strings.h>

#include "reqguard_cookies.h"
#include "reqguard_fields.h"

/* A pair kept by the scanner: its name is in the scanner's slot. */
typedef struct {
    apr_size_t bytes;
    apr_size_t pos;         /* index of the pair in the field */
    apr_size_t name_len;    /* as sent; the slot holds at most
                             * RG_COOKIE_NAME_MAX + 1 bytes of it */
    apr_size_t slot;
} rg_pair_t;

/* Where the scanner is. */
typedef enum {
    RG_CS_FIELD_NAME,       /* line mode: before the ':' of "Cookie:" */
    RG_CS_PAIRS,            /* in the value, pair by pair */
    RG_CS_DONE,             /* the line ended; the rest is not the field */
    RG_CS_OTHER             /* line mode: the line is another field */
} rg_cs_phase_e;

/* Bytes of a name kept: one more than can be expired, so that a cut name
 * is still longer than any a body shows. */
#define RG_NAME_KEEP (RG_COOKIE_NAME_MAX + 1)

struct rg_cookies_stream_s {
    rg_cs_phase_e phase;
    int line;               /* a whole line: "Cookie:", value, line end */
    apr_size_t matched;     /* bytes of "Cookie" matched so far */
    /* the pair being read */
    int in_pair;            /* a byte other than a blank seen */
    int after_eq;           /* its '=' seen */
    apr_size_t bytes;       /* up to its last byte other than a blank */
    apr_size_t blanks;      /* blanks since then */
    apr_size_t name_raw;    /* bytes before '=', blanks included */
    apr_size_t name_len;    /* up to the last one that is not a blank */
    char name[RG_NAME_KEEP];
    /* every pair */
    apr_size_t pairs;
    apr_size_t total;
    /* the largest, a heap of n whose root comes last */
    apr_size_t n;
    rg_pair_t heap[RG_COOKIES_KEEP];
    char slots[RG_COOKIES_KEEP][RG_NAME_KEEP];
};

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

/* Keep the pair just read if it is among the largest so far. */
static void rg_stream_keep(rg_cookies_stream_t *s, const rg_pair_t *pair)
{
    rg_pair_t kept = *pair;
    apr_size_t copy = pair->name_len < RG_NAME_KEEP ? pair->name_len
                                                    : RG_NAME_KEEP;

    if (s->n < RG_COOKIES_KEEP) {
        kept.slot = s->n;
        memcpy(s->slots[kept.slot], s->name, copy);
        s->heap[s->n] = kept;
        rg_heap_up(s->heap, s->n++);
    }
    else if (rg_pair_before(&kept, &s->heap[0])) {
        kept.slot = s->heap[0].slot;
        memcpy(s->slots[kept.slot], s->name, copy);
        s->heap[0] = kept;
        rg_heap_down(s->heap, s->n, 0);
    }
}

/* The pair being read, as it stands: its name only after its '='. */
static void rg_stream_pair(const rg_cookies_stream_t *s, rg_pair_t *pair)
{
    pair->bytes = s->bytes;
    pair->pos = s->pairs;
    pair->name_len = s->after_eq ? s->name_len : 0;
    pair->slot = 0;
}

/* A ';' or the end: the pair read so far is complete. */
static void rg_stream_end_pair(rg_cookies_stream_t *s)
{
    rg_pair_t pair;

    if (s->in_pair) {
        rg_stream_pair(s, &pair);
        rg_stream_keep(s, &pair);
        s->pairs++;
        s->total += pair.bytes;
    }
    s->in_pair = s->after_eq = 0;
    s->bytes = s->blanks = s->name_raw = s->name_len = 0;
}

rg_cookies_stream_t *rg_cookies_stream_make(apr_pool_t *p)
{
    rg_cookies_stream_t *s = apr_palloc(p, sizeof(*s));

    rg_cookies_stream_start(s, 1);
    return s;
}

void rg_cookies_stream_start(rg_cookies_stream_t *s, int line)
{
    s->phase = line ? RG_CS_FIELD_NAME : RG_CS_PAIRS;
    s->line = line;
    s->matched = 0;
    s->in_pair = s->after_eq = 0;
    s->bytes = s->blanks = s->name_raw = s->name_len = 0;
    s->pairs = s->total = s->n = 0;
}

/* Line mode: the field name, matched against "Cookie" byte by byte. */
static apr_size_t rg_stream_field_name(rg_cookies_stream_t *s,
                                       const char *data, apr_size_t len)
{
    static const char want[] = "cookie";
    apr_size_t i;

    for (i = 0; i < len; i++) {
        char c = data[i];

        if (c == ':' && s->matched == sizeof(want) - 1) {
            s->phase = RG_CS_PAIRS;
            return i + 1;
        }
        if (s->matched >= sizeof(want) - 1
            || apr_tolower((unsigned char)c) != want[s->matched]) {
            s->phase = RG_CS_OTHER;
            return len;
        }
        s->matched++;
    }
    return len;
}

/*
 * The bytes of a value from data[i] up to the next ';' or line end (not
 * included) or len, taken at once: values are most of a Cookie field.
 * Returns where they end.
 */
static apr_size_t rg_stream_value(rg_cookies_stream_t *s, const char *data,
                                  apr_size_t i, apr_size_t len)
{
    const char *start = data + i, *end, *eol;
    apr_size_t n;

    end = memchr(start, ';', len - i);
    if (end == NULL) {
        end = data + len;
    }
    if (s->line) {
        eol = memchr(start, '\n', (apr_size_t)(end - start));
        end = eol != NULL ? eol : end;
        eol = memchr(start, '\r', (apr_size_t)(end - start));
        end = eol != NULL ? eol : end;
    }
    /* Blanks at the end may be the pair's trailing ones: pending. */
    for (n = (apr_size_t)(end - start); n > 0 && rg_is_ows(start[n - 1]);
         n--) {
        /* back over them */
    }
    if (n > 0) {
        s->bytes += s->blanks + n;
        s->blanks = (apr_size_t)(end - start) - n;
    }
    else {
        s->blanks += (apr_size_t)(end - start);
    }
    return (apr_size_t)(end - data);
}

void rg_cookies_stream_feed(rg_cookies_stream_t *s, const char *data,
                            apr_size_t len)
{
    apr_size_t i = 0;

    if (s->phase == RG_CS_FIELD_NAME) {
        i = rg_stream_field_name(s, data, len);
    }
    if (s->phase != RG_CS_PAIRS) {
        return;
    }
    for (; i < len; i++) {
        char c;

        if (s->after_eq) {
            i = rg_stream_value(s, data, i, len);
            if (i == len) {
                return;
            }
        }
        c = data[i];
        if (c == ';') {
            rg_stream_end_pair(s);
            continue;
        }
        if (s->line && (c == '\r' || c == '\n')) {
            rg_stream_end_pair(s);
            s->phase = RG_CS_DONE;
            return;
        }
        if (rg_is_ows(c)) {
            if (!s->in_pair) {
                continue;           /* blanks before the pair */
            }
            s->blanks++;
        }
        else {
            s->in_pair = 1;
            s->bytes += s->blanks + 1;
            s->blanks = 0;
            if (c == '=' && !s->after_eq) {
                s->after_eq = 1;
                continue;
            }
        }
        if (!s->after_eq) {
            /* The name, blanks inside it included, as sent. */
            if (s->name_raw < RG_NAME_KEEP) {
                s->name[s->name_raw] = c;
            }
            s->name_raw++;
            if (!rg_is_ows(c)) {
                s->name_len = s->name_raw;
            }
        }
    }
}

rg_cookies_t *rg_cookies_stream_result(apr_pool_t *p,
                                       const rg_cookies_stream_t *s)
{
    rg_cookies_t *c;
    rg_pair_t *sorted, cut;
    apr_size_t n = s->n, kept = 0, i;

    if (s->phase == RG_CS_OTHER || s->phase == RG_CS_FIELD_NAME) {
        return NULL;
    }
    c = apr_pcalloc(p, sizeof(*c));
    c->pairs = s->pairs;
    c->bytes = s->total;
    c->partial = s->line && s->phase != RG_CS_DONE;
    sorted = apr_palloc(p, (n + 1) * sizeof(*sorted));
    memcpy(sorted, s->heap, n * sizeof(*sorted));
    if (s->phase == RG_CS_PAIRS && s->in_pair) {
        /* The pair being read: the last of a value, or the one a line was
         * cut in.  That one counts with what was read of it, and is listed
         * only when its name is complete (its '=' was read).  Its name is
         * still in the name buffer. */
        rg_stream_pair(s, &cut);
        c->pairs++;
        c->bytes += cut.bytes;
        if (!c->partial || s->after_eq) {
            cut.slot = RG_COOKIES_KEEP;
            sorted[n++] = cut;
        }
    }
    qsort(sorted, n, sizeof(*sorted), rg_pair_cmp);
    if (n > RG_COOKIES_KEEP) {
        n = RG_COOKIES_KEEP;    /* the smallest goes to the rest */
    }
    c->count = n;
    c->items = n > 0 ? apr_pcalloc(p, n * sizeof(*c->items)) : NULL;
    for (i = 0; i < n; i++) {
        rg_cookie_t *it = &c->items[i];
        const char *name = sorted[i].slot == RG_COOKIES_KEEP
                           ? s->name : s->slots[sorted[i].slot];
        apr_size_t keep = sorted[i].name_len < RG_NAME_KEEP
                          ? sorted[i].name_len : RG_NAME_KEEP;

        it->name = apr_pstrmemdup(p, name, keep);
        it->name_len = sorted[i].name_len;
        it->bytes = sorted[i].bytes;
        it->expirable = rg_name_expirable(name, sorted[i].name_len);
        kept += it->bytes;
    }
    c->rest_pairs = c->pairs - n;
    c->rest_bytes = c->bytes - kept;
    return c;
}

/* 1 when the ',' at c is where Apache joined two Cookie lines: ", "
 * then a token and '='. */
static int rg_is_join(const char *c)
{
    const char *t = c + 2;

    if (c[1] != ' ' || !rg_is_tchar((unsigned char)*t)) {
        return 0;
    }
    while (rg_is_tchar((unsigned char)*t)) {
        t++;
    }
    return *t == '=';
}

static rg_cookies_t *rg_cookies_scan(apr_pool_t *p, const char *value,
                                     int joins)
{
    rg_cookies_stream_t *s;
    const char *seg, *c;

    if (value == NULL || *value == '\0') {
        return apr_pcalloc(p, sizeof(rg_cookies_t));
    }
    /* The collector's fixed memory comes from p too: a cookie list is
     * made once, for a refusal, in the pool of the request refused. */
    s = apr_palloc(p, sizeof(*s));
    rg_cookies_stream_start(s, 0);
    /* Each join of two lines ends a pair, as a ';' would.  The token scan
     * of one comma stops at the next comma: linear. */
    for (seg = c = value; joins && (c = strchr(c, ',')) != NULL; c++) {
        if (rg_is_join(c)) {
            rg_cookies_stream_feed(s, seg, (apr_size_t)(c - seg));
            rg_cookies_stream_feed(s, ";", 1);
            seg = c + 2;
        }
    }
    rg_cookies_stream_feed(s, seg, strlen(seg));
    return rg_cookies_stream_result(p, s);
}

rg_cookies_t *rg_cookies_parse(apr_pool_t *p, const char *value)
{
    return rg_cookies_scan(p, value, 0);
}

rg_cookies_t *rg_cookies_parse_joined(apr_pool_t *p, const char *value)
{
    return rg_cookies_scan(p, value, 1);
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
    if (c->partial) {
        for (i = 0; i < c->count; i++) {
            if (c->items[i].expirable && !rg_name_marked(c, i)) {
                c->items[i].expire = 1;
                count++;
            }
        }
        if (marked != NULL) {
            *marked = count;
        }
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
