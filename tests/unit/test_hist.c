/*
 * test_hist.c - unit tests for the power-of-two histograms of
 * ReqGuardLearn: buckets and their bounds, percentiles and the suggested
 * limit, against the rules written out in include/reqguard_hist.h and
 * against a reference that sorts the values.
 */
#include <stdlib.h>
#include <string.h>

#include "rg_unit.h"
#include "reqguard_hist.h"

static rg_hist_t h;

static void reset(void)
{
    memset(&h, 0, sizeof(h));
}

static uint64_t pct(unsigned int per100k)
{
    uint64_t v = UINT64_C(0xdeadbeef);

    CHECK(rg_hist_percentile(&h, per100k, &v) == 1);
    return v;
}

static uint64_t suggest(uint64_t floor)
{
    uint64_t v = UINT64_C(0xdeadbeef);

    CHECK(rg_hist_suggest(&h, floor, &v) == 1);
    return v;
}

/* The bucket of v by its definition: k with 2^(k-1) <= v <= 2^k - 1. */
static unsigned int bucket_by_definition(uint64_t v)
{
    unsigned int k;

    if (v == 0) {
        return 0;
    }
    for (k = 1; k < 64; k++) {
        if (v <= (UINT64_C(1) << k) - 1) {
            return k;
        }
    }
    return 64;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

/* pN by the rule, from the sorted values themselves. */
static uint64_t reference_pct(const uint64_t *sorted, uint64_t n,
                              unsigned int per100k)
{
    /* ceil(per100k * n / 100000), n small here. */
    uint64_t rank = ((uint64_t)per100k * n + 99999u) / 100000u;
    uint64_t v = sorted[rank - 1], upper, max = sorted[n - 1];
    unsigned int k = bucket_by_definition(v);

    upper = k == 0 ? 0 : k == 64 ? UINT64_MAX : (UINT64_C(1) << k) - 1;
    return upper < max ? upper : max;
}

static uint64_t next_random(uint64_t *state)
{
    /* xorshift64: reproducible, no libc rand(). */
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

int main(void)
{
    static uint64_t values[5000];
    uint64_t v, seed = UINT64_C(0x9e3779b97f4a7c15);
    unsigned int k, i, round;
    int bucket_ok = 1, upper_ok = 1, random_ok = 1;

    /* Buckets: 0 alone; then [2^(k-1), 2^k - 1]; 65 of them. */
    CHECK(RG_HIST_BUCKETS == 65);
    CHECK(rg_hist_bucket(0) == 0);
    CHECK(rg_hist_bucket(1) == 1);
    CHECK(rg_hist_bucket(2) == 2);
    CHECK(rg_hist_bucket(3) == 2);
    CHECK(rg_hist_bucket(4) == 3);
    CHECK(rg_hist_bucket(7) == 3);
    CHECK(rg_hist_bucket(8) == 4);
    CHECK(rg_hist_bucket(8190) == 13);
    CHECK(rg_hist_bucket(8191) == 13);
    CHECK(rg_hist_bucket(8192) == 14);
    CHECK(rg_hist_bucket(UINT64_C(1) << 63) == 64);
    CHECK(rg_hist_bucket(UINT64_MAX) == 64);
    for (k = 1; k <= 64; k++) {
        uint64_t lo = UINT64_C(1) << (k - 1);
        uint64_t hi = k == 64 ? UINT64_MAX : (UINT64_C(1) << k) - 1;

        if (rg_hist_bucket(lo) != k || rg_hist_bucket(hi) != k
            || rg_hist_bucket(lo + (hi - lo) / 2) != k
            || (k > 1 && rg_hist_bucket(lo - 1) != k - 1)) {
            bucket_ok = 0;
        }
        if (rg_hist_upper(k) != hi) {
            upper_ok = 0;
        }
    }
    CHECK(bucket_ok);
    CHECK(upper_ok);
    CHECK(rg_hist_upper(0) == 0);
    CHECK(rg_hist_upper(1) == 1);
    CHECK(rg_hist_upper(13) == 8191);
    CHECK(rg_hist_upper(64) == UINT64_MAX);
    CHECK(rg_hist_upper(65) == UINT64_MAX);

    /* Empty: no percentile, no suggestion, no top bucket. */
    reset();
    CHECK(rg_hist_count(&h) == 0);
    CHECK(rg_hist_top(&h) == -1);
    CHECK(rg_hist_percentile(&h, RG_HIST_P50, &v) == 0);
    CHECK(rg_hist_suggest(&h, 100, &v) == 0);

    /* One value: every percentile is that value (the max caps the bucket
     * bound), the suggestion the bucket above's ceiling plus one. */
    reset();
    rg_hist_add(&h, 5);
    CHECK(rg_hist_count(&h) == 1);
    CHECK(h.sum == 5 && h.max == 5);
    CHECK(rg_hist_top(&h) == 3);
    CHECK(pct(RG_HIST_P50) == 5);
    CHECK(pct(RG_HIST_P99) == 5);
    CHECK(pct(RG_HIST_P999) == 5);
    CHECK(suggest(0) == 16);            /* bucket 3: 2^4 */
    CHECK(suggest(100) == 100);         /* never below the floor */
    CHECK(suggest(16) == 16);

    /* Out-of-range percentiles. */
    CHECK(rg_hist_percentile(&h, 0, &v) == 0);
    CHECK(rg_hist_percentile(&h, 100001, &v) == 0);
    CHECK(pct(100000) == 5);

    /* 100 values: 90 of 10, 9 of 100, 1 of 5000.  Ranks: p50 -> 50 (10,
     * bucket 4, bound 15), p99 -> 99 (100, bucket 7, bound 127), p99.9 ->
     * ceil(99.9) = 100 (5000, bucket 13, bound 8191, capped by the max
     * 5000).  Suggested: 2^14. */
    reset();
    for (i = 0; i < 90; i++) {
        rg_hist_add(&h, 10);
    }
    for (i = 0; i < 9; i++) {
        rg_hist_add(&h, 100);
    }
    rg_hist_add(&h, 5000);
    CHECK(rg_hist_count(&h) == 100);
    CHECK(h.sum == 900 + 900 + 5000);
    CHECK(rg_hist_cumulative(&h, 3) == 0);
    CHECK(rg_hist_cumulative(&h, 4) == 90);
    CHECK(rg_hist_cumulative(&h, 7) == 99);
    CHECK(rg_hist_cumulative(&h, 12) == 99);
    CHECK(rg_hist_cumulative(&h, 13) == 100);
    CHECK(rg_hist_cumulative(&h, 64) == 100);
    CHECK(pct(RG_HIST_P50) == 15);
    CHECK(pct(RG_HIST_P99) == 127);
    CHECK(pct(RG_HIST_P999) == 5000);
    CHECK(suggest(0) == 16384);
    CHECK(suggest(8190) == 16384);
    CHECK(suggest(20000) == 20000);

    /* 1000 values: 999 of 3, one of 3000: p99.9 is the 999th, 3 (bucket
     * 2), suggested 2^3 = 8; the rare large one does not move it. */
    reset();
    for (i = 0; i < 999; i++) {
        rg_hist_add(&h, 3);
    }
    rg_hist_add(&h, 3000);
    CHECK(pct(RG_HIST_P999) == 3);
    CHECK(pct(RG_HIST_P99) == 3);
    CHECK(suggest(0) == 8);
    /* With 1001 values the rank of p99.9 is ceil(999.999) = 1000. */
    rg_hist_add(&h, 3000);
    CHECK(pct(RG_HIST_P999) == 3000);
    CHECK(suggest(0) == 8192);

    /* The reference's example: 1,000 values of 900 and one of 5,000.  The
     * rank of p99.9 is ceil(999.999) = 1000, a 900, bucket 10: every
     * percentile is 1023; the suggestion 2^11, or the floor 8190. */
    reset();
    for (i = 0; i < 1000; i++) {
        rg_hist_add(&h, 900);
    }
    rg_hist_add(&h, 5000);
    CHECK(pct(RG_HIST_P50) == 1023);
    CHECK(pct(RG_HIST_P99) == 1023);
    CHECK(pct(RG_HIST_P999) == 1023);
    CHECK(h.max == 5000);
    CHECK(suggest(0) == 2048);
    CHECK(suggest(8190) == 8190);

    /* Zeros: bucket 0, percentile 0, suggestion 2. */
    reset();
    rg_hist_add(&h, 0);
    rg_hist_add(&h, 0);
    CHECK(rg_hist_top(&h) == 0);
    CHECK(pct(RG_HIST_P50) == 0);
    CHECK(suggest(0) == 2);

    /* The bucket bound, not the value: 9 and 12 are both in bucket 4, so
     * p50 of {9, 9, 12} (rank 2, a 9) is that bucket's bound 15, capped
     * by the max 12. */
    reset();
    rg_hist_add(&h, 9);
    rg_hist_add(&h, 9);
    rg_hist_add(&h, 12);
    CHECK(pct(RG_HIST_P50) == 12);
    rg_hist_add(&h, 1);
    CHECK(pct(RG_HIST_P50) == 12);      /* rank 2: a 9, bucket 4 */

    /* 64-bit extremes: the top buckets, no overflow; the sum saturates;
     * no finite power of two for bucket 62 and above. */
    reset();
    rg_hist_add(&h, UINT64_MAX);
    rg_hist_add(&h, UINT64_MAX);
    CHECK(h.sum == UINT64_MAX);
    CHECK(rg_hist_top(&h) == 64);
    CHECK(pct(RG_HIST_P50) == UINT64_MAX);
    CHECK(suggest(0) == 0);
    reset();
    rg_hist_add(&h, UINT64_C(1) << 61);   /* bucket 62 */
    CHECK(suggest(0) == 0);
    reset();
    rg_hist_add(&h, (UINT64_C(1) << 61) - 1);   /* bucket 61 */
    CHECK(suggest(0) == UINT64_C(1) << 62);
    CHECK(suggest(UINT64_MAX) == UINT64_MAX);

    /* A count near 2^64 does not overflow the rank. */
    reset();
    h.bucket[1] = UINT64_MAX / 2;
    h.bucket[10] = UINT64_MAX / 2;
    h.max = 1000;
    CHECK(rg_hist_count(&h) == UINT64_MAX - 1);
    CHECK(pct(RG_HIST_P50) == 1);
    CHECK(pct(RG_HIST_P99) == 1000);
    h.bucket[20] = 5;
    CHECK(rg_hist_count(&h) == UINT64_MAX);     /* saturates */

    /* Random sets against the sorting reference. */
    for (round = 0; round < 200 && random_ok; round++) {
        uint64_t n = 1 + next_random(&seed) % 5000, j;
        unsigned int shift = (unsigned int)(next_random(&seed) % 64);
        unsigned int ps[] = { 1, RG_HIST_P50, RG_HIST_P99, RG_HIST_P999,
                              100000 };

        reset();
        for (j = 0; j < n; j++) {
            values[j] = next_random(&seed) >> shift;
            if (next_random(&seed) % 7 == 0) {
                values[j] = 0;
            }
            rg_hist_add(&h, values[j]);
        }
        qsort(values, (size_t)n, sizeof(values[0]), cmp_u64);
        if (rg_hist_count(&h) != n || h.max != values[n - 1]) {
            random_ok = 0;
        }
        for (i = 0; i < sizeof(ps) / sizeof(ps[0]); i++) {
            if (!rg_hist_percentile(&h, ps[i], &v)
                || v != reference_pct(values, n, ps[i])) {
                random_ok = 0;
            }
        }
    }
    CHECK(random_ok);

    return RG_UNIT_END("test_hist");
}
