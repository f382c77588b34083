/*
 * fuzz_negotiate.c - rg_render_negotiate() and rg_render_negotiate_lang(),
 * which read the client's Accept and Accept-Language fields, over any
 * bytes: one of the three formats (each with a Content-Type) and one of
 * the languages (each with a tag), the same answer every time.
 */
#include <string.h>

#include "fuzz_common.h"
#include "reqguard_lang.h"
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

    rg_lang_e l = rg_render_negotiate_lang(accept);
    const char *tag;

    valid(f);
    /* Deterministic: no state kept between calls. */
    FZ_ASSERT(rg_render_negotiate(accept) == f);
    FZ_ASSERT((int)l >= 0 && l < RG_LANG_COUNT);
    FZ_ASSERT(rg_render_negotiate_lang(accept) == l);
    tag = rg_lang_tag(l);
    FZ_ASSERT(tag != NULL && strlen(tag) == 2);
    fz_release();
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_pool();
    FZ_ASSERT(rg_render_negotiate(NULL) == RG_RENDER_TEXT);
    FZ_ASSERT(rg_render_negotiate_lang(NULL) == RG_LANG_EN);
    return 0;
}
