/*
 * fuzz_parse.c - rg_parse_size() and rg_parse_seconds(), the parsers of
 * every size and duration a directive (or .htaccess) gives, against a
 * reference: digits with an optional K/M/G suffix up to RG_OFF_MAX, and
 * whole seconds up to RG_SECONDS_MAX.  A refused value leaves the output
 * alone.
 */
#include <string.h>

#include "fuzz_common.h"
#include "reqguard_parse.h"

#define FZ_UNTOUCHED ((apr_off_t)-12345)

/* The size s denotes, or -1 when it is not one (or is too large). */
static apr_off_t ref_size(const char *s)
{
    unsigned __int128 v = 0, unit = 1;
    const char *p = s;

    if (!(*p >= '0' && *p <= '9')) {
        return -1;
    }
    for (; *p >= '0' && *p <= '9'; p++) {
        v = v * 10 + (unsigned)(*p - '0');
        if (v > ((unsigned __int128)1 << 80)) {
            /* Too large either way; times a unit it still fits. */
            v = (unsigned __int128)1 << 80;
        }
    }
    switch (*p) {
    case 'k': case 'K': unit = 1 << 10; p++; break;
    case 'm': case 'M': unit = 1 << 20; p++; break;
    case 'g': case 'G': unit = 1 << 30; p++; break;
    default: break;
    }
    if (*p != '\0' || v * unit > (unsigned __int128)RG_OFF_MAX) {
        return -1;
    }
    return (apr_off_t)(v * unit);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fz_cstr(data, size);
    apr_off_t want = ref_size(s), got = FZ_UNTOUCHED;
    apr_interval_time_t t = FZ_UNTOUCHED;
    const char *why = rg_parse_size(s, &got);
    const char *p;
    int digits_only = *s != '\0';

    if (want >= 0) {
        FZ_ASSERT(why == NULL);
        FZ_ASSERT(got == want);
    }
    else {
        FZ_ASSERT(why != NULL && *why != '\0');
        FZ_ASSERT(got == FZ_UNTOUCHED);
    }

    for (p = s; *p; p++) {
        if (!(*p >= '0' && *p <= '9')) {
            digits_only = 0;
        }
    }
    why = rg_parse_seconds(s, &t);
    if (digits_only && want >= 0 && want <= RG_SECONDS_MAX) {
        FZ_ASSERT(why == NULL);
        FZ_ASSERT(t == apr_time_from_sec(want));
    }
    else {
        FZ_ASSERT(why != NULL && *why != '\0');
        FZ_ASSERT(t == FZ_UNTOUCHED);
    }
    fz_release();
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    apr_off_t v = FZ_UNTOUCHED;
    apr_interval_time_t t = FZ_UNTOUCHED;

    (void)argc;
    (void)argv;
    fz_pool();
    FZ_ASSERT(rg_parse_size(NULL, &v) != NULL && v == FZ_UNTOUCHED);
    FZ_ASSERT(rg_parse_seconds(NULL, &t) != NULL && t == FZ_UNTOUCHED);
    return 0;
}
