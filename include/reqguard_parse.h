/*
 * reqguard_parse.h - parsing of directive values (sizes, durations).
 *
 * Pure functions over plain strings: no request_rec, no server state, so
 * they are unit-tested without Apache (tests/unit/test_parse.c).
 */
#ifndef REQGUARD_PARSE_H
#define REQGUARD_PARSE_H

#include <apr.h>
#include <apr_time.h>

/* Largest value an apr_off_t can hold (apr_off_t is signed). */
#define RG_OFF_MAX ((apr_off_t)(~(apr_uint64_t)0 >> \
                    (64 - 8 * sizeof(apr_off_t) + 1)))

/* Longest duration accepted by the timeout directives: one day. */
#define RG_SECONDS_MAX 86400

/*
 * Parse a size: decimal digits with an optional K, M or G suffix (either
 * case, powers of 1024).  "0" is valid and means unlimited to the caller.
 * Returns NULL and stores the value in *out, or returns a short static
 * reason ("is not a number", ...) and leaves *out alone.
 */
const char *rg_parse_size(const char *arg, apr_off_t *out);

/*
 * Parse a duration in whole seconds, 0 to RG_SECONDS_MAX.  Returns NULL
 * and stores microseconds in *out, or returns a static reason.
 */
const char *rg_parse_seconds(const char *arg, apr_interval_time_t *out);

/*
 * Parse a Content-Length value: decimal digits only, no sign, no blanks.
 * Returns 1 and stores the value, or 0 for anything else (empty, junk,
 * a value past apr_off_t), leaving *out alone.
 */
int rg_parse_length(const char *arg, apr_off_t *out);

#endif /* REQGUARD_PARSE_H */
