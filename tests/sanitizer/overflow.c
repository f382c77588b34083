/*
 * overflow.c - a deliberate one-byte heap overflow, linked only into the
 * throw-away build of tests/test_sanitizers.py (never into the module).
 *
 * The build wraps rg_render_body() (-Wl,--wrap=rg_render_body), so every
 * refusal that renders a diagnostic body also writes one byte past the end
 * of a malloc'ed buffer.  The test proves that the harness sees the report
 * of an AddressSanitizer build that dies this way in a child process.
 * Built with -DRG_LEAK instead, each refusal leaks 64 malloc'ed bytes, for
 * LeakSanitizer to report when the child exits.
 */
#include <stdlib.h>
#include <string.h>

#include "reqguard_render.h"

char *__real_rg_render_body(apr_pool_t *p, const rg_render_in_t *in,
                            rg_render_fmt_e fmt, apr_size_t *len);
char *__wrap_rg_render_body(apr_pool_t *p, const rg_render_in_t *in,
                            rg_render_fmt_e fmt, apr_size_t *len);

#ifdef RG_LEAK
/* The last leaked block, overwritten each time: only one stays reachable. */
static void *volatile rg_leak_last;
#else
/* volatile: neither the compiler nor UBSan's object-size check may know
 * the size, so that the write reaches AddressSanitizer. */
static volatile size_t rg_overflow_size = 16;
#endif

char *__wrap_rg_render_body(apr_pool_t *p, const rg_render_in_t *in,
                            rg_render_fmt_e fmt, apr_size_t *len)
{
    char *body = __real_rg_render_body(p, in, fmt, len);
#ifdef RG_LEAK
    rg_leak_last = malloc(64);
    return body;
#else
    size_t n = rg_overflow_size;
    /* volatile: an optimiser may not drop the unread buffer. */
    volatile char *copy = malloc(n);

    if (copy != NULL) {
        memset((char *)copy, 0, n);
        copy[n] = 'x';
        free((char *)copy);
    }
    return body;
#endif
}
