/*
 * fuzz_negotiate.c - rg_render_negotiate(), which reads the client's
 * Accept field, over any bytes: it returns one of the three formats, each
 * with a Content-Type, and a range repeated after the field changes
 * nothing that the field alone decided for the same format twice.
 */
#include <string.h>

#include "fuzz_common.h"
#include "reqguard_render.h"

static void valid(rg_render_fmt_e f)
{
    const char *ct;

    FZ_ASSERT(f == RG_RENDER_TEXT || f == RG_RENDER_HTML
              || f == RG_RENDER_JSON);
    ct = rg_render_content_type(f);
    FZ_ASSERT(ct != NULL && strstr(ct, "charset=utf-8") != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *accept = fz_cstr(data, size);
    rg_render_fmt_e f = rg_render_negotiate(accept);

    valid(f);
    /* Deterministic: no state kept between calls. */
    FZ_ASSERT(rg_render_negotiate(accept) == f);
    fz_release();
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_pool();
    FZ_ASSERT(rg_render_negotiate(NULL) == RG_RENDER_TEXT);
    return 0;
}
