/*
 * rg_unit.h - the smallest test harness that does the job: CHECK records a
 * failure with its line and goes on; RG_UNIT_END prints a summary and sets
 * the exit status.
 */
#ifndef RG_UNIT_H
#define RG_UNIT_H

#include <stdio.h>

static int rg_unit_passed, rg_unit_failed;

#define CHECK(cond) do { \
        if (cond) { rg_unit_passed++; } \
        else { rg_unit_failed++; \
               fprintf(stderr, "%s:%d: CHECK failed: %s\n", \
                       __FILE__, __LINE__, #cond); } \
    } while (0)

#define RG_UNIT_END(name) \
    (printf("%s: %d passed, %d failed\n", (name), rg_unit_passed, \
            rg_unit_failed), rg_unit_failed ? 1 : 0)

#endif /* RG_UNIT_H */
