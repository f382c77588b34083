/*
 * fuzz_common.h - shared by the libFuzzer targets of tests/fuzz/.
 *
 * The pure sources allocate from APR pools, which carve many allocations
 * out of one 8 KB block: AddressSanitizer cannot see a write one byte past
 * an allocation that is followed by another in the same block.  So the
 * targets link fuzz_pool.c, which gives every apr_palloc(), apr_pstrdup(),
 * apr_pstrmemdup(), apr_pstrcat(), apr_psprintf() and apr_itoa() of the
 * code under test a
 * malloc() of its exact size, freed by fz_release() after each input.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>

#include <apr_pools.h>

/* The pool handed to the code under test (its allocations go to malloc). */
apr_pool_t *fz_pool(void);

/* Free every allocation made since the last call. */
void fz_release(void);

/* A NUL-terminated copy of data[0..size) in an exact malloc'ed buffer;
 * bytes after an embedded NUL are cut off, as a C string would be. */
char *fz_cstr(const uint8_t *data, size_t size);

/* 1 when s[0..len) is well-formed UTF-8 (no overlong form, surrogate or
 * code point above U+10FFFF). */
int fz_utf8_valid(const char *s, size_t len);

/* A violated property: print it and abort, so libFuzzer keeps the input. */
#define FZ_ASSERT(cond) do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: property failed: %s\n", \
                    __FILE__, __LINE__, #cond); \
            abort(); \
        } \
    } while (0)

/* Reads a fuzz input from the front: bytes, small integers, strings. */
typedef struct {
    const uint8_t *p;
    size_t left;
} fz_reader_t;

unsigned fz_byte(fz_reader_t *r);
uint64_t fz_u64(fz_reader_t *r);
/* The bytes up to the next 0xFF separator (or the end), NUL-terminated,
 * in an exact buffer. */
char *fz_str(fz_reader_t *r);

#endif /* FUZZ_COMMON_H */
