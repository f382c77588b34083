/*
 * reqguard_hist.c - power-of-two histograms: buckets, percentiles and the
 * suggested limit of ReqGuardLearn (the rules are in
 * include/reqguard_hist.h).  Pure code, unit-tested in
 * tests/unit/test_hist.c.
 */
#include "reqguard_hist.h"

unsigned int rg_hist_bucket(uint64_t v)
{
    unsigned int k = 0;

    /* The number of bits of v: a few shifts, no loop over 64. */
    if (v >= (UINT64_C(1) << 32)) {
        v >>= 32;
        k += 32;
    }
    if (v >= (UINT64_C(1) << 16)) {
        v >>= 16;
        k += 16;
    }
    if (v >= (UINT64_C(1) << 8)) {
        v >>= 8;
        k += 8;
    }
    if (v >= (UINT64_C(1) << 4)) {
        v >>= 4;
        k += 4;
    }
    if (v >= (UINT64_C(1) << 2)) {
        v >>= 2;
        k += 2;
    }
    if (v >= (UINT64_C(1) << 1)) {
        v >>= 1;
        k += 1;
    }
    return k + (unsigned int)v;
}

uint64_t rg_hist_upper(unsigned int k)
{
    if (k == 0) {
        return 0;
    }
    if (k >= 64) {
        return UINT64_MAX;
    }
    return (UINT64_C(1) << k) - 1;
}

void rg_hist_add(rg_hist_t *h, uint64_t v)
{
    unsigned int k = rg_hist_bucket(v);

    if (h->bucket[k] < UINT64_MAX) {
        h->bucket[k]++;
    }
    h->sum = rg_hist_sat_add(h->sum, v);
    if (v > h->max) {
        h->max = v;
    }
}

uint64_t rg_hist_cumulative(const rg_hist_t *h, unsigned int k)
{
    uint64_t n = 0;
    unsigned int i;

    for (i = 0; i <= k && i < RG_HIST_BUCKETS; i++) {
        n = rg_hist_sat_add(n, h->bucket[i]);
    }
    return n;
}

uint64_t rg_hist_count(const rg_hist_t *h)
{
    return rg_hist_cumulative(h, RG_HIST_BUCKETS - 1);
}

int rg_hist_top(const rg_hist_t *h)
{
    int k;

    for (k = RG_HIST_BUCKETS - 1; k >= 0; k--) {
        if (h->bucket[k] != 0) {
            return k;
        }
    }
    return -1;
}

int rg_hist_percentile(const rg_hist_t *h, unsigned int per100k,
                       uint64_t *value)
{
    uint64_t count = rg_hist_count(h), rank, seen = 0, upper;
    unsigned int k;

    if (count == 0 || per100k == 0 || per100k > 100000u) {
        return 0;
    }
    /* ceil(per100k * count / 100000) without overflow: count is
     * q * 100000 + r, and per100k * q <= count. */
    rank = (uint64_t)per100k * (count / 100000u)
           + ((uint64_t)per100k * (count % 100000u) + 99999u) / 100000u;
    for (k = 0; k < RG_HIST_BUCKETS; k++) {
        seen = rg_hist_sat_add(seen, h->bucket[k]);
        if (seen >= rank) {
            break;
        }
    }
    if (k == RG_HIST_BUCKETS) {
        k = RG_HIST_BUCKETS - 1;            /* not reached: rank <= count */
    }
    upper = rg_hist_upper(k);
    *value = h->max < upper ? h->max : upper;
    return 1;
}

int rg_hist_suggest(const rg_hist_t *h, uint64_t floor, uint64_t *limit)
{
    uint64_t p999;
    unsigned int k;

    if (!rg_hist_percentile(h, RG_HIST_P999, &p999)) {
        return 0;
    }
    k = rg_hist_bucket(p999);
    if (k > RG_HIST_SUGGEST_MAX_BUCKET) {
        *limit = 0;                         /* unlimited */
        return 1;
    }
    *limit = UINT64_C(1) << (k + 1);
    if (floor > *limit) {
        *limit = floor;
    }
    return 1;
}
