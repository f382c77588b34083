/*
 * reqguard_cookies.h - the pairs of a Cookie field: which cookies make it
 * large, how many of the largest must go for it to fit a limit, and the
 * Set-Cookie value that expires one of them.
 *
 * Pure code over plain values (no request_rec), unit-tested without Apache
 * (tests/unit/test_cookies.c).  Only cookie NAMES and sizes come out of
 * here; a value is never copied.
 *
 * A pair is what a browser sends between two ';': `name=value`, its bytes
 * counted as sent, without the blanks around it.  A segment without '='
 * is a pair with an empty name (RFC 6265bis: browsers send a nameless
 * cookie as its value alone); empty segments are no pair.  Quotes are
 * not special: a cookie value cannot hold ';', so browsers split there.
 * Pairs are split on ';'; a comma belongs to the value it is in, except
 * in a value Apache joined from several Cookie lines of one HTTP/1.1
 * request (rg_cookies_parse_joined): there ", " followed by a token and
 * '=' is a join, and ends a pair (RFC 6265 values hold neither comma nor
 * blank, so a conforming value never looks like that).
 *
 * The field may also be read as a header line in pieces split anywhere
 * (rg_cookies_stream_*): core's reads of a line too long for it, of which
 * it reads only the start.  The pairs are then those of what was read.
 */
#ifndef REQGUARD_COOKIES_H
#define REQGUARD_COOKIES_H

#include <apr.h>
#include <apr_pools.h>

/* Cookies kept by name, the largest ones: as many as Chromium and Firefox
 * keep for one domain.  The others are counted and summed only. */
#define RG_COOKIES_KEEP     180

/* The longest cookie name that can be expired; a longer name is listed
 * (cut) but never sent back. */
#define RG_COOKIE_NAME_MAX  256

/* "Cookie: ", the part of the measured field ("name: value") before the
 * value. */
#define RG_COOKIE_FIELD_PREFIX 8

typedef struct {
    const char *name;       /* NUL-terminated copy, "" for a nameless pair;
                             * cut to RG_COOKIE_NAME_MAX + 1 bytes, so a cut
                             * name is still longer than any a body shows */
    apr_size_t name_len;    /* length of the name as sent */
    apr_size_t bytes;       /* of `name=value` as sent */
    int expirable;          /* the name is an RFC 6265 cookie-name (a
                             * token) of at most RG_COOKIE_NAME_MAX bytes */
    int expire;             /* set by rg_cookies_plan(): send
                             * rg_cookies_expire_value() for this name */
} rg_cookie_t;

typedef struct {
    rg_cookie_t *items;     /* largest first, equal sizes in field order */
    apr_size_t count;       /* items kept, at most RG_COOKIES_KEEP */
    apr_size_t pairs;       /* pairs in the field, kept or not */
    apr_size_t bytes;       /* bytes of all pairs */
    apr_size_t rest_pairs;  /* pairs - count: the smallest, not kept */
    apr_size_t rest_bytes;  /* their bytes */
    int partial;            /* only the start of the field was read: the
                             * pairs and bytes are those of that start,
                             * the last pair possibly cut short (listed
                             * only when its name was read whole) */
} rg_cookies_t;

/*
 * The pairs of a Cookie field value (NULL: none), allocated from p.  Work
 * is linear in the length of value (times log RG_COOKIES_KEEP), memory is
 * bounded by RG_COOKIES_KEEP whatever the number of pairs.
 */
rg_cookies_t *rg_cookies_parse(apr_pool_t *p, const char *value);

/* The same for a value Apache joined from several Cookie lines (", "). */
rg_cookies_t *rg_cookies_parse_joined(apr_pool_t *p, const char *value);

/*
 * A Cookie field read in pieces.  The collector has a fixed size (about
 * RG_COOKIES_KEEP * RG_COOKIE_NAME_MAX bytes, for the names it keeps) and
 * is reused for each line: start, feed the pieces in order, ask for the
 * result.  Pieces may be split anywhere, inside a name, between '\r' and
 * '\n'.
 *
 * line 1: the pieces are a header line, "Cookie:" (any case), the value,
 * and the line end ('\r' or '\n'), after which anything fed is ignored;
 * a line that is another field is ignored as a whole.  line 0: the pieces
 * are a field value, every byte of it.
 */
typedef struct rg_cookies_stream_s rg_cookies_stream_t;

rg_cookies_stream_t *rg_cookies_stream_make(apr_pool_t *p);
void rg_cookies_stream_start(rg_cookies_stream_t *s, int line);
void rg_cookies_stream_feed(rg_cookies_stream_t *s, const char *data,
                            apr_size_t len);

/*
 * The pairs fed so far, allocated from p, as rg_cookies_parse() gives them
 * for the same field; partial set when a line's end was not fed.  NULL for
 * a line that is not a Cookie field (or whose name was not fed whole).
 */
rg_cookies_t *rg_cookies_stream_result(apr_pool_t *p,
                                       const rg_cookies_stream_t *s);

/*
 * The size the module measures for a Cookie field holding `pairs` pairs of
 * `bytes` bytes together, as a browser joins them: "Cookie: " and the
 * pairs joined by "; ".  0 for no pair (no field at all).
 */
apr_off_t rg_cookies_field_size(apr_size_t pairs, apr_size_t bytes);

/*
 * Plan ReqGuardCookieRecovery Expire: mark (rg_cookie_t.expire) the
 * largest expirable cookies, one per distinct name, until the Cookie field
 * of the next request fits limit (bytes of "Cookie: value", as
 * rg_cookies_field_size() counts it).  Cookies that cannot be expired are
 * skipped and stay in the count; a name that appears twice is counted
 * once, for its larger pair (one Set-Cookie removes one cookie).
 *
 * Returns 1 when the field fits after the marked ones are gone (nothing is
 * marked when it fits already or limit is 0, i.e. unlimited), 0 when even
 * expiring every kept expirable cookie would not make it fit, or limit is
 * negative (unknown): then nothing is marked.  *marked (may be NULL) gets
 * the number of names marked.
 *
 * For the header block (ReqGuardMaxHeaderSize), pass the room the other
 * fields leave: block limit - (block observed - Cookie field size - 2) - 2.
 *
 * A partial field (c->partial) cannot be known to fit: every expirable
 * cookie that was read is marked, one per name, and 0 returned (with a
 * known limit).  Each such answer takes what was read off the next
 * request's field.
 */
int rg_cookies_plan(rg_cookies_t *c, apr_off_t limit, apr_size_t *marked);

/*
 * The value of a Set-Cookie field that makes a browser drop the cookie
 * `name` set for Path=/ on this host: "NAME=; Max-Age=0; Path=/", plus
 * "; Secure" for a __Secure- or __Host- name (browsers ignore it
 * otherwise).  NULL when name is not a valid cookie-name token of at most
 * RG_COOKIE_NAME_MAX bytes: such a name is never sent back.
 */
const char *rg_cookies_expire_value(apr_pool_t *p, const char *name);

#endif /* REQGUARD_COOKIES_H */
