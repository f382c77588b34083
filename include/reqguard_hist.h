/*
 * reqguard_hist.h - power-of-two histograms of request sizes, and what
 * ReqGuardLearn reads from them: percentiles and a suggested limit.
 *
 * Pure code over plain C integers: no APR, no httpd.  The shared-memory
 * histograms of reqguard_learn.c are read into an rg_hist_t before any of
 * this runs.
 *
 * The rules (docs/directives.md, ReqGuardLearn, states them the same way):
 *
 *  - Buckets: bucket 0 holds the value 0; bucket k (1 <= k <= 64) holds
 *    the values 2^(k-1) .. 2^k - 1.  Its upper bound (Prometheus "le") is
 *    2^k - 1.  65 buckets cover every 64-bit value.
 *
 *  - pN, for N in thousandths of a percent (p50: 50000, p99: 99000, p99.9:
 *    99900): the rank is ceil(N / 100000 * count); pN is the upper bound of
 *    the bucket that holds the value of that rank (counting from the
 *    smallest, 1 for the smallest), or the largest value seen when that is
 *    smaller.  No percentile while count is 0.
 *
 *  - Suggested limit: 2^(k+1), where k is the bucket of p99.9, so that
 *    every value of bucket k and of the bucket above it passes (a measure
 *    is refused when it is larger than the limit); never below floor, the
 *    core limit for the same measure (0: none).  When k is 62 or more
 *    (values of 2^61 and above), no power of two fits a 64-bit size: the
 *    suggestion is 0, unlimited.  No suggestion while count is 0.
 */
#ifndef REQGUARD_HIST_H
#define REQGUARD_HIST_H

#include <stdint.h>

/* Buckets 0 .. 64. */
#define RG_HIST_BUCKETS 65

/* The largest bucket whose suggestion, 2^(k+1), is still a size. */
#define RG_HIST_SUGGEST_MAX_BUCKET 61

/* Percentiles, in thousandths of a percent. */
#define RG_HIST_P50  50000u
#define RG_HIST_P99  99000u
#define RG_HIST_P999 99900u

/* One histogram, read at one moment. */
typedef struct {
    uint64_t bucket[RG_HIST_BUCKETS];   /* values in each bucket */
    uint64_t sum;                       /* of the values (saturating) */
    uint64_t max;                       /* largest value, 0 when none */
} rg_hist_t;

/* The bucket of value v: 0 for 0, else the number of bits of v. */
unsigned int rg_hist_bucket(uint64_t v);

/* The upper bound of bucket k: 0 for bucket 0, 2^k - 1 (k <= 64). */
uint64_t rg_hist_upper(unsigned int k);

/* a + b, or UINT64_MAX when it would overflow: the sum of a histogram.
 * The shared histograms add with it too (reqguard_learn.c). */
static inline uint64_t rg_hist_sat_add(uint64_t a, uint64_t b)
{
    return b > UINT64_MAX - a ? UINT64_MAX : a + b;
}

/* Add v to h (one thread; the shared histograms add with atomics, the
 * same buckets and the same saturating sum). */
void rg_hist_add(rg_hist_t *h, uint64_t v);

/* How many values h holds (saturating at UINT64_MAX). */
uint64_t rg_hist_count(const rg_hist_t *h);

/* The buckets of h added up to bucket k: Prometheus' cumulative "le"
 * count (saturating). */
uint64_t rg_hist_cumulative(const rg_hist_t *h, unsigned int k);

/* The highest bucket that holds a value, or -1 when h is empty. */
int rg_hist_top(const rg_hist_t *h);

/* pN of h (per100k: N in thousandths of a percent, 1 .. 100000) into
 * *value: 1, or 0 when h holds no value (or per100k is out of range). */
int rg_hist_percentile(const rg_hist_t *h, unsigned int per100k,
                       uint64_t *value);

/* The suggested limit of h under floor (0: none) into *limit, 0 meaning
 * unlimited: 1, or 0 when h holds no value. */
int rg_hist_suggest(const rg_hist_t *h, uint64_t floor, uint64_t *limit);

#endif /* REQGUARD_HIST_H */
