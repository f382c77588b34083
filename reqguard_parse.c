/*
 * reqguard_parse.c - parsing of directive values (sizes, durations).
 */
#include <apr_strings.h>
#include <apr_lib.h>
#include <errno.h>

#include "reqguard_parse.h"

const char *rg_parse_size(const char *arg, apr_off_t *out)
{
    apr_off_t value, unit = 1;
    char *end = NULL;
    apr_status_t rv;

    /* apr_strtoff accepts blanks and signs; a size is digits only. */
    if (arg == NULL || !apr_isdigit(*arg)) {
        return "is not a size (expected digits with an optional K, M or G)";
    }
    rv = apr_strtoff(&value, arg, &end, 10);
    if (rv == ERANGE || (rv == APR_SUCCESS && value < 0)) {
        return "is too large";
    }
    if (rv != APR_SUCCESS || end == NULL || end == arg) {
        return "is not a size (expected digits with an optional K, M or G)";
    }
    switch (*end) {
    case '\0':
        break;
    case 'k': case 'K':
        unit = (apr_off_t)1 << 10;
        end++;
        break;
    case 'm': case 'M':
        unit = (apr_off_t)1 << 20;
        end++;
        break;
    case 'g': case 'G':
        unit = (apr_off_t)1 << 30;
        end++;
        break;
    default:
        return "has an unknown unit (expected K, M or G)";
    }
    if (*end != '\0') {
        return "is not a size (expected digits with an optional K, M or G)";
    }
    if (value > RG_OFF_MAX / unit) {
        return "is too large";
    }
    *out = value * unit;
    return NULL;
}

const char *rg_parse_seconds(const char *arg, apr_interval_time_t *out)
{
    apr_off_t value;
    const char *p;

    if (arg == NULL || *arg == '\0') {
        return "is not a number of seconds";
    }
    for (p = arg; *p; p++) {
        if (!apr_isdigit(*p)) {
            return "is not a whole number of seconds";
        }
    }
    /* Digits only, so the only way left to fail is a value out of range. */
    if (rg_parse_size(arg, &value) != NULL || value > RG_SECONDS_MAX) {
        return "is out of range (0 to 86400 seconds)";
    }
    *out = apr_time_from_sec(value);
    return NULL;
}

int rg_parse_length(const char *arg, apr_off_t *out)
{
    /* Past this, one more digit may overflow: checked then, not before. */
    const apr_off_t safe = (RG_OFF_MAX - 9) / 10;
    apr_off_t v = 0;
    const char *p = arg;

    if (p == NULL || *p == '\0') {
        return 0;
    }
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > safe && v > (RG_OFF_MAX - (*p - '0')) / 10) {
            return 0;
        }
        v = v * 10 + (*p - '0');
    }
    if (*p != '\0') {
        return 0;
    }
    *out = v;
    return 1;
}
