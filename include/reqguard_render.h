/*
 * reqguard_render.h - diagnostic bodies: Accept negotiation, escaping and
 * rendering of the HTML, problem+json and plain-text formats.
 *
 * Pure code over plain values (no request_rec), unit-tested without Apache
 * (tests/unit/test_render.c, tests/unit/test_lang.c).  reqguard_diag.c
 * gathers the values from the request and hands them over; the visitor's
 * texts in eight languages come from reqguard_lang.c.
 *
 * What a body may show is limited to what the caller passes in: status,
 * reason phrase, violation kind, field NAME, request path, numbers, the
 * directive, a request id, a time, and cookie NAMES with their sizes.
 * Never a header value, a cookie value, a body byte or a filesystem path.
 * Every string is escaped for the format and truncated to the lengths below
 * (in characters, i.e. code points); control characters, text-reordering
 * characters and invalid UTF-8 show as U+FFFD, and a truncated string ends
 * in U+2026.
 *
 * Languages: the sentences and labels meant for the visitor in the HTML
 * and text bodies are in the language the caller passes (see
 * rg_render_negotiate_lang()); the reason phrase stays as HTTP defines it,
 * and the site owner's part and the JSON body stay English.
 */
#ifndef REQGUARD_RENDER_H
#define REQGUARD_RENDER_H

#include <apr.h>
#include <apr_pools.h>
#include <apr_time.h>

#include "reqguard_cookies.h"
#include "reqguard_kind.h"
#include "reqguard_lang.h"

/* Characters shown of each string. */
#define RG_SHOW_FIELD_MAX   64      /* a header field name */
#define RG_SHOW_PATH_MAX    128     /* the request path (no query string) */
#define RG_SHOW_ID_MAX      64      /* the request id */
#define RG_SHOW_WORD_MAX    96      /* reason phrase, directive, time */
#define RG_SHOW_COOKIES     10      /* cookies listed by name (Full); the
                                     * others are summed in one line */

/* Bytes of an Accept or Accept-Language field looked at; ranges past this
 * are ignored. */
#define RG_ACCEPT_SCAN_MAX  4096

/* The largest body rendered; the bounds above keep every body below it
 * (tests/unit/test_lang.c renders the worst case of every language, format
 * and status). */
#define RG_RENDER_BODY_MAX  16384

/* "2026-11-22T02:10:00Z" and its NUL. */
#define RG_TIME_STR_LEN     21

/* Base of the problem type URIs: RG_PROBLEM_BASE "field-size", ... */
#define RG_PROBLEM_BASE     "https://reqguard.invalid/problems/"

typedef enum {
    RG_RENDER_TEXT = 0,     /* text/plain */
    RG_RENDER_HTML,         /* text/html */
    RG_RENDER_JSON          /* application/problem+json */
} rg_render_fmt_e;

/* What the response did to get the visitor out of a cookie 431. */
typedef enum {
    RG_RECOVERY_NONE = 0,
    RG_RECOVERY_EXPIRE,         /* Set-Cookie with Max-Age=0 for the
                                 * cookies rg_cookies_plan() marked, and
                                 * the plan said the field then fits */
    RG_RECOVERY_CLEAR_SITE_DATA /* Clear-Site-Data: "cookies" */
} rg_recovery_e;

/* Everything a body is made of. */
typedef struct {
    int status;             /* 100..599 */
    const char *reason;     /* reason phrase, NULL: "Error" */
    rg_kind_e kind;         /* RG_KIND_NONE: a status we did not cause */
    const char *field;      /* header field name, or NULL */
    const char *path;       /* request path as received, or NULL */
    apr_int64_t observed;   /* bytes, fields or seconds seen; < 0 unknown */
    apr_int64_t limit;      /* the limit in force; < 0 unknown */
    const char *directive;  /* NULL: the kind's own directive */
    int ceiling;            /* the limit in force is a ReqGuardCeiling:
                             * only the administrator can raise it */
    const char *request_id; /* or NULL */
    const char *time;       /* or NULL; see rg_render_time() */
    int full;               /* ReqGuardDiagnostics Full: numbers, directive,
                             * advice for the site owner, the cookie list */
    const rg_cookies_t *cookies;    /* the request's Cookie field, parsed,
                             * for a 431 it caused or shares; or NULL.
                             * Brief shows the count and total, Full also
                             * the largest by name, with their share of
                             * limit (bytes); a partial field shows "at
                             * least" counts and, in Full, says that the
                             * list covers what the server read */
    rg_recovery_e recovery; /* a recovery header was sent: the page says
                             * that reloading works now, with a link */
    rg_lang_e lang;         /* language of the visitor's part (HTML, text) */
} rg_render_in_t;

/*
 * The format for an Accept field value (NULL when absent), by RFC 9110
 * proactive negotiation: each of text/plain, text/html and
 * application/problem+json (application/json counts for it) gets the
 * q-value of its most specific matching range; the highest q wins, then the
 * more specific range, then the range listed first, then text/plain before
 * text/html before JSON.  So a browser gets HTML; any type (curl's
 * default), a missing or a useless Accept get text; application/json, and
 * any application subtype, get problem+json.  Malformed ranges and q-values
 * are skipped.
 */
rg_render_fmt_e rg_render_negotiate(const char *accept);

/*
 * The language for an Accept-Language field value (NULL when absent):
 * each language gets the q-value of its most specific range, exact tag
 * ("de") before a range with that primary subtag ("de-CH", "de-AT": the
 * highest q among them) before "*"; the highest q wins, then the range
 * listed first, then the order of rg_lang_e (English first).  q=0 refuses
 * a language.  Nothing acceptable, or no field: English.  Malformed ranges
 * are skipped; only the first RG_ACCEPT_SCAN_MAX bytes are looked at.
 */
rg_lang_e rg_render_negotiate_lang(const char *accept_language);

/* The Content-Type of a format, with charset. */
const char *rg_render_content_type(rg_render_fmt_e fmt);

/*
 * s made safe for fmt: at most max_chars characters (then U+2026), control,
 * reordering and invalid bytes as U+FFFD, and for HTML & < > " ' as
 * entities, for JSON " \ < > & as escapes (no surrounding quotes).  NULL
 * gives "".  The result never exceeds 6 * max_chars + 4 bytes.
 */
char *rg_render_escape(apr_pool_t *p, const char *s, apr_size_t max_chars,
                       rg_render_fmt_e fmt);

/*
 * s as one token of a "key=value" log line, to go between double quotes:
 * at most max bytes of s (then "..."), and every byte that could end or
 * fake the token (space, '"', '\\', control and non-ASCII bytes) as %XX.
 * NULL gives "-".  The result never exceeds 3 * max + 4 bytes.
 */
char *rg_render_log_token(apr_pool_t *p, const char *s, apr_size_t max);

/* t as an RFC 3339 UTC time, "2026-11-22T02:10:00Z". */
void rg_render_time(char out[RG_TIME_STR_LEN], apr_time_t t);

/* The problem type URI of a kind; "about:blank" for RG_KIND_NONE. */
const char *rg_render_problem_type(rg_kind_e kind);

/*
 * The body of fmt for in, NUL-terminated, its length in *len (at most
 * RG_RENDER_BODY_MAX - 1).
 */
char *rg_render_body(apr_pool_t *p, const rg_render_in_t *in,
                     rg_render_fmt_e fmt, apr_size_t *len);

#endif /* REQGUARD_RENDER_H */
