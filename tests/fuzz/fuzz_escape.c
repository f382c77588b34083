/*
 * fuzz_escape.c - rg_render_escape(), through which every field name,
 * path, id and word a body shows passes, over any bytes, any length bound
 * and every format:
 *  - the result fits the documented bound (6 * max + 4 with the NUL), is
 *    well-formed UTF-8 and holds no control or text-reordering character;
 *  - HTML has no raw < > " ' and every & starts one of the five entities;
 *    JSON has no raw " < > & and every backslash starts a known escape;
 *  - printable ASCII within the bound comes back unchanged once unescaped,
 *    and a longer string is cut to max characters and an ellipsis;
 * and rg_render_log_token(), through which the log line's field, method
 * and path pass: within 3 * max + 4 bytes, only printable ASCII without
 * space, '"' or '\', and decoding its %XX gives back the input's prefix.
 */
#include <string.h>

#include "fuzz_common.h"
#include "reqguard_render.h"

#define ELLIPSIS "\xE2\x80\xA6"

/* No C0/C1 control, DEL, ALM, LRM/RLM, LS/PS, embeddings, isolates, BOM. */
static int no_hidden(const unsigned char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (s[i] < 0x20 || s[i] == 0x7F) {
            return 0;
        }
        if (s[i] == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] < 0xA0) {
            return 0;
        }
        if (s[i] == 0xD8 && i + 1 < n && s[i + 1] == 0x9C) {
            return 0;
        }
        if (s[i] == 0xE2 && i + 2 < n) {
            unsigned a = s[i + 1], b = s[i + 2];

            if ((a == 0x80 && (b == 0x8E || b == 0x8F
                               || (b >= 0xA8 && b <= 0xAE)))
                || (a == 0x81 && b >= 0xA6 && b <= 0xA9)) {
                return 0;
            }
        }
        if (s[i] == 0xEF && i + 2 < n && s[i + 1] == 0xBB
            && s[i + 2] == 0xBF) {
            return 0;
        }
    }
    return 1;
}

/* HTML or JSON escapes undone; NULL when an escape is not one we make. */
static char *unescape(const char *s, rg_render_fmt_e fmt)
{
    static const char *html[][2] = {
        { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
        { "&quot;", "\"" }, { "&#39;", "'" }
    };
    static const char *json[][2] = {
        { "\\\"", "\"" }, { "\\\\", "\\" }, { "\\u003c", "<" },
        { "\\u003e", ">" }, { "\\u0026", "&" }
    };
    char *out = fz_cstr((const uint8_t *)s, strlen(s)), *o = out;
    const char *(*tab)[2] = fmt == RG_RENDER_HTML ? html : json;
    char lead = fmt == RG_RENDER_HTML ? '&' : '\\';

    while (*s) {
        if (fmt != RG_RENDER_TEXT && *s == lead) {
            size_t i, k = 0;

            for (i = 0; i < 5; i++) {
                k = strlen(tab[i][0]);
                if (strncmp(s, tab[i][0], k) == 0) {
                    break;
                }
            }
            if (i == 5) {
                return NULL;
            }
            *o++ = tab[i][1][0];
            s += k;
        }
        else {
            *o++ = *s++;
        }
    }
    *o = '\0';
    return out;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F'
         ? c - 'A' + 10 : -1;
}

static void check_log_token(apr_pool_t *p, const char *in, apr_size_t max)
{
    const char *tok = rg_render_log_token(p, in, max);
    size_t n = strlen(tok), i, k = 0, inlen = strlen(in);
    size_t bound = max > RG_RENDER_BODY_MAX ? RG_RENDER_BODY_MAX : max;

    FZ_ASSERT(n + 1 <= 3 * bound + 4);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)tok[i];

        FZ_ASSERT(c > 0x20 && c < 0x7F && c != '"' && c != '\\');
    }
    /* Decode: every %XX is one input byte, and so is every other byte;
     * a cut input ends in "...". */
    if (inlen > bound) {
        FZ_ASSERT(n >= 3 && strcmp(tok + n - 3, "...") == 0);
        n -= 3;
    }
    for (i = 0; i < n; k++) {
        int c = (unsigned char)tok[i];

        if (tok[i] == '%' && i + 2 < n + 1 && hexval(tok[i + 1]) >= 0
            && hexval(tok[i + 2]) >= 0 && k < inlen
            && (unsigned char)in[k] != '%') {
            c = hexval(tok[i + 1]) * 16 + hexval(tok[i + 2]);
            i += 3;
        }
        else {
            i++;
        }
        FZ_ASSERT(k < inlen && (unsigned char)in[k] == c);
    }
    FZ_ASSERT(k == (inlen > bound ? bound : inlen));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fz_pool();
    fz_reader_t rd = { data, size };
    unsigned f = fz_byte(&rd);
    apr_size_t max = fz_byte(&rd) | ((apr_size_t)(fz_byte(&rd) & 1) << 8);
    rg_render_fmt_e fmt = (rg_render_fmt_e)(f % 3);
    char *in = fz_cstr(rd.p, rd.left);
    size_t inlen = strlen(in), i;
    int ascii = 1;
    char *out = rg_render_escape(p, (f & 4) ? NULL : in, max, fmt);
    size_t n = strlen(out);
    char *plain;

    check_log_token(p, in, max);
    FZ_ASSERT(n + 1 <= 6 * max + 4);
    FZ_ASSERT(fz_utf8_valid(out, n));
    FZ_ASSERT(no_hidden((const unsigned char *)out, n));
    if (f & 4) {
        FZ_ASSERT(n == 0);
        fz_release();
        return 0;
    }
    for (i = 0; i < n; i++) {
        char c = out[i];

        if (fmt == RG_RENDER_HTML) {
            FZ_ASSERT(c != '<' && c != '>' && c != '"' && c != '\'');
        }
        else if (fmt == RG_RENDER_JSON) {
            if (c == '\\') {
                i++;            /* an escape; unescape() checks which */
                continue;
            }
            FZ_ASSERT(c != '"' && c != '<' && c != '>' && c != '&');
        }
    }
    plain = unescape(out, fmt);
    FZ_ASSERT(plain != NULL);
    for (i = 0; i < inlen; i++) {
        if (in[i] < 0x20 || in[i] > 0x7E) {
            ascii = 0;
        }
    }
    if (ascii && inlen <= max) {
        FZ_ASSERT(strcmp(plain, in) == 0);
    }
    else if (ascii) {
        size_t k = strlen(plain);

        FZ_ASSERT(k == max + 3);
        FZ_ASSERT(strncmp(plain, in, max) == 0);
        FZ_ASSERT(strcmp(plain + max, ELLIPSIS) == 0);
    }
    fz_release();
    return 0;
}
