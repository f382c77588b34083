/*
 * fuzz_hist.c - the histograms of ReqGuardLearn over any values: sizes a
 * client chooses (a field, a target, a body of any length, up to 2^64 - 1)
 * and any number of them.  Against a reference that keeps the values
 * themselves:
 *  - each value lands in the bucket whose bounds hold it, and the count,
 *    the cumulative counts, the top bucket, the sum (saturating) and the
 *    largest value are those of the values;
 *  - p50, p99 and p99.9 are the upper bound of the bucket of the value of
 *    rank ceil(N / 100 * count) among the sorted values, or the largest
 *    value when that is smaller; p50 <= p99 <= p99.9 <= max;
 *  - the suggestion is 2^(k+1) for the bucket k of p99.9, 0 (unlimited)
 *    from bucket 62 up, never below the floor, and it lets every value of
 *    buckets k and k + 1 pass.
 *
 * Input: a floor (8 bytes), then values of 1 to 8 bytes each: a length
 * byte, then that many bytes (little end first), so that small and huge
 * values both come easily.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "reqguard_hist.h"

#define FZ_HIST_MAX_VALUES 4096

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

/* Bounds of a bucket from its definition, not from the code under test. */
static uint64_t ref_lower(unsigned k)
{
    return k == 0 ? 0 : (uint64_t)1 << (k - 1);
}

static uint64_t ref_upper(unsigned k)
{
    return k == 0 ? 0 : k == 64 ? UINT64_MAX : ((uint64_t)1 << k) - 1;
}

static uint64_t ref_percentile(const uint64_t *sorted, size_t n,
                               unsigned per100k)
{
    /* ceil(per100k * n / 100000) without floating point. */
    uint64_t rank = ((uint64_t)per100k * n + 99999) / 100000;
    uint64_t v = sorted[rank - 1];
    uint64_t up = ref_upper(rg_hist_bucket(v));

    return up < sorted[n - 1] ? up : sorted[n - 1];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_reader_t rd = { data, size };
    uint64_t floor = fz_u64(&rd), *vals, sum = 0, p50, p99, p999, got, lim;
    size_t n = 0, i;
    rg_hist_t h;
    unsigned k;

    vals = malloc(FZ_HIST_MAX_VALUES * sizeof(*vals));
    FZ_ASSERT(vals != NULL);
    memset(&h, 0, sizeof(h));
    while (rd.left > 0 && n < FZ_HIST_MAX_VALUES) {
        unsigned len = fz_byte(&rd) % 9;
        uint64_t v = 0;

        for (i = 0; i < len; i++) {
            v |= (uint64_t)fz_byte(&rd) << (8 * i);
        }
        k = rg_hist_bucket(v);
        FZ_ASSERT(k < RG_HIST_BUCKETS);
        FZ_ASSERT(v >= ref_lower(k) && v <= ref_upper(k));
        FZ_ASSERT(rg_hist_upper(k) == ref_upper(k));
        rg_hist_add(&h, v);
        vals[n++] = v;
        sum = sum > UINT64_MAX - v ? UINT64_MAX : sum + v;
    }

    FZ_ASSERT(rg_hist_count(&h) == n);
    if (n == 0) {
        FZ_ASSERT(rg_hist_top(&h) == -1);
        FZ_ASSERT(!rg_hist_percentile(&h, RG_HIST_P50, &got));
        FZ_ASSERT(!rg_hist_suggest(&h, floor, &lim));
        free(vals);
        return 0;
    }
    qsort(vals, n, sizeof(*vals), cmp_u64);
    FZ_ASSERT(h.max == vals[n - 1]);
    FZ_ASSERT(h.sum == sum);
    FZ_ASSERT(rg_hist_top(&h) == (int)rg_hist_bucket(vals[n - 1]));
    for (k = 0, i = 0; k < RG_HIST_BUCKETS; k++) {
        while (i < n && vals[i] <= ref_upper(k)) {
            i++;
        }
        FZ_ASSERT(rg_hist_cumulative(&h, k) == i);
    }

    FZ_ASSERT(rg_hist_percentile(&h, RG_HIST_P50, &p50));
    FZ_ASSERT(rg_hist_percentile(&h, RG_HIST_P99, &p99));
    FZ_ASSERT(rg_hist_percentile(&h, RG_HIST_P999, &p999));
    FZ_ASSERT(p50 == ref_percentile(vals, n, RG_HIST_P50));
    FZ_ASSERT(p99 == ref_percentile(vals, n, RG_HIST_P99));
    FZ_ASSERT(p999 == ref_percentile(vals, n, RG_HIST_P999));
    FZ_ASSERT(p50 <= p99 && p99 <= p999 && p999 <= h.max);
    FZ_ASSERT(!rg_hist_percentile(&h, 0, &got));
    FZ_ASSERT(!rg_hist_percentile(&h, 100001, &got));

    FZ_ASSERT(rg_hist_suggest(&h, floor, &lim));
    k = rg_hist_bucket(p999);
    if (k > RG_HIST_SUGGEST_MAX_BUCKET) {
        FZ_ASSERT(lim == 0);
    }
    else {
        uint64_t pow = (uint64_t)1 << (k + 1);

        FZ_ASSERT(lim == (pow > floor ? pow : floor));
        /* Everything of buckets k and k + 1 passes. */
        FZ_ASSERT(lim >= ref_upper(k + 1));
    }
    free(vals);
    return 0;
}
