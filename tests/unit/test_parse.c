/*
 * test_parse.c - unit tests for size and duration parsing.
 */
#include <string.h>

#include "rg_unit.h"
#include "reqguard_parse.h"

static int size_is(const char *arg, apr_off_t expect)
{
    apr_off_t v = -42;

    return rg_parse_size(arg, &v) == NULL && v == expect;
}

static int size_rejected(const char *arg)
{
    apr_off_t v = -42;

    /* A rejection gives a reason and leaves the output alone. */
    return rg_parse_size(arg, &v) != NULL && v == -42;
}

static int seconds_is(const char *arg, apr_interval_time_t expect)
{
    apr_interval_time_t v = -42;

    return rg_parse_seconds(arg, &v) == NULL && v == expect;
}

static int seconds_rejected(const char *arg)
{
    apr_interval_time_t v = -42;

    return rg_parse_seconds(arg, &v) != NULL && v == -42;
}

int main(void)
{
    /* Plain bytes and units, powers of 1024, either case. */
    CHECK(size_is("0", 0));
    CHECK(size_is("8190", 8190));
    CHECK(size_is("64K", 64 * 1024));
    CHECK(size_is("64k", 64 * 1024));
    CHECK(size_is("10M", 10 * 1024 * 1024));
    CHECK(size_is("10m", 10 * 1024 * 1024));
    CHECK(size_is("2G", (apr_off_t)2 * 1024 * 1024 * 1024));
    CHECK(size_is("2g", (apr_off_t)2 * 1024 * 1024 * 1024));
    CHECK(size_is("007", 7));
    CHECK(size_is("9223372036854775807", RG_OFF_MAX));
    CHECK(size_is("8589934591G", (apr_off_t)8589934591 << 30));

    /* Junk, signs, blanks, fractions, unknown units. */
    CHECK(size_rejected("-1"));
    CHECK(size_rejected("+1"));
    CHECK(size_rejected("10X"));
    CHECK(size_rejected(""));
    CHECK(size_rejected(NULL));
    CHECK(size_rejected("1.5M"));
    CHECK(size_rejected(" 10"));
    CHECK(size_rejected("10 "));
    CHECK(size_rejected("10KB"));
    CHECK(size_rejected("K"));
    CHECK(size_rejected("0x10"));
    CHECK(size_rejected("10T"));

    /* Overflow of apr_off_t, with and without a unit. */
    CHECK(size_rejected("9223372036854775808"));
    CHECK(size_rejected("99999999999999999999999"));
    CHECK(size_rejected("8589934592G"));
    CHECK(size_rejected("9007199254740992K"));
    CHECK(size_rejected("17592186044416M"));

    /* The reasons say what is wrong. */
    {
        apr_off_t v;

        CHECK(strstr(rg_parse_size("10X", &v), "unit") != NULL);
        CHECK(strstr(rg_parse_size("99999999999999999999", &v), "large")
              != NULL);
    }

    /* Durations: whole seconds, 0 to one day. */
    CHECK(seconds_is("0", 0));
    CHECK(seconds_is("1", APR_USEC_PER_SEC));
    CHECK(seconds_is("30", 30 * APR_USEC_PER_SEC));
    CHECK(seconds_is("86400", (apr_interval_time_t)86400 * APR_USEC_PER_SEC));
    CHECK(seconds_rejected("86401"));
    CHECK(seconds_rejected("-1"));
    CHECK(seconds_rejected(""));
    CHECK(seconds_rejected(NULL));
    CHECK(seconds_rejected("1.5"));
    CHECK(seconds_rejected("10s"));
    CHECK(seconds_rejected("1K"));
    CHECK(seconds_rejected("99999999999999999999999"));

    /* Content-Length values: digits only, within apr_off_t. */
    {
        apr_off_t v = -1;

        CHECK(rg_parse_length("0", &v) && v == 0);
        CHECK(rg_parse_length("10240", &v) && v == 10240);
        CHECK(rg_parse_length("9223372036854775807", &v)
              && v == APR_INT64_C(9223372036854775807));
        v = 7;
        CHECK(!rg_parse_length("9223372036854775808", &v) && v == 7);
        CHECK(!rg_parse_length("99999999999999999999999", &v));
        CHECK(!rg_parse_length("", &v));
        CHECK(!rg_parse_length(NULL, &v));
        CHECK(!rg_parse_length("-1", &v));
        CHECK(!rg_parse_length("+1", &v));
        CHECK(!rg_parse_length(" 1", &v));
        CHECK(!rg_parse_length("1 ", &v));
        CHECK(!rg_parse_length("1K", &v));
        CHECK(!rg_parse_length("0x10", &v) && v == 7);
    }

    return RG_UNIT_END("test_parse");
}
