/*
 * reqguard_lang.h - the visitor's part of a diagnostic body in eight
 * languages: every sentence and label by key, one table per language, and
 * what each language needs around them (the colon after a label, the space
 * before a unit, the plural of "byte").
 *
 * Pure data with small lookups (no request_rec), unit-tested without
 * Apache (tests/unit/test_lang.c).  The renderer (reqguard_render.c)
 * chooses the language and puts the texts together.
 */
#ifndef REQGUARD_LANG_H
#define REQGUARD_LANG_H

#include <apr.h>

/* The languages of the visitor's part; RG_LANG_EN is 0, so a zeroed
 * rg_render_in_t renders English.  Their order breaks ties in
 * Accept-Language negotiation. */
typedef enum {
    RG_LANG_EN = 0,
    RG_LANG_DE,
    RG_LANG_FR,
    RG_LANG_ES,
    RG_LANG_IT,
    RG_LANG_NL,
    RG_LANG_PT,
    RG_LANG_PL,
    RG_LANG_COUNT
} rg_lang_e;

/*
 * Every sentence and label a visitor reads, by key.  A sentence that names
 * a header field comes in two pieces, _PRE and _POST, with the (escaped)
 * name between them.
 */
typedef enum {
    RG_M_NONE = 0,          /* no text: the kind's visitor text is chosen
                             * by the field name */
    /* labels and headings */
    RG_M_ERROR,             /* "Error" 431 */
    RG_M_WHAT_YOU_CAN_DO,
    RG_M_DETAILS,
    RG_M_STATUS,
    RG_M_HEADER_FIELD,      /* HTML detail */
    RG_M_FIELD,             /* text detail */
    RG_M_PATH,
    RG_M_REQUEST_ID,
    RG_M_TIME,
    RG_M_COOKIES,
    RG_M_RELOAD,            /* a recovery header was sent */
    RG_M_RELOAD_LINK,
    /* the module's kinds */
    RG_M_FIELDS_WHAT,
    RG_M_FIELDS_VISITOR,
    RG_M_FIELD_SIZE_WHAT,
    RG_M_FIELD_SIZE_PRE,
    RG_M_FIELD_SIZE_POST,
    RG_M_COOKIE_PRE,        /* the Cookie field: the site's cookies */
    RG_M_COOKIE_POST_SITE,
    RG_M_COOKIE_POST_SERVER,
    RG_M_HEADER_SIZE_WHAT,
    RG_M_HEADER_SIZE_VISITOR,
    RG_M_URI_WHAT,
    RG_M_ADDRESS_VISITOR,
    RG_M_QUERY_WHAT,
    RG_M_QUERY_VISITOR,
    RG_M_BODY_WHAT,
    RG_M_BODY_VISITOR,
    RG_M_LENGTH_WHAT,
    RG_M_LENGTH_VISITOR,
    RG_M_TIMEOUT_WHAT,
    RG_M_TIMEOUT_VISITOR,
    RG_M_CORE_SIZE_WHAT,
    RG_M_CORE_SIZE_PRE,
    RG_M_CORE_SIZE_POST,
    RG_M_CORE_FIELDS_WHAT,
    /* what to do about one large field, by its name */
    RG_M_ADVICE_NONE,
    RG_M_ADVICE_COOKIE,
    RG_M_ADVICE_AUTH,
    RG_M_ADVICE_REFERER,
    RG_M_ADVICE_OTHER,
    /* statuses we did not cause */
    RG_M_LATER,
    RG_M_GO_BACK,
    RG_M_S400_WHAT,
    RG_M_S400_VISITOR,
    RG_M_S401_WHAT,
    RG_M_S401_VISITOR,
    RG_M_S403_WHAT,
    RG_M_S403_VISITOR,
    RG_M_S404_WHAT,
    RG_M_S404_VISITOR,
    RG_M_S405_WHAT,
    RG_M_S408_WHAT,
    RG_M_S408_VISITOR,
    RG_M_S410_WHAT,
    RG_M_S410_VISITOR,
    RG_M_S411_WHAT,
    RG_M_S411_VISITOR,
    RG_M_S413_WHAT,
    RG_M_S413_VISITOR,
    RG_M_S429_WHAT,
    RG_M_S429_VISITOR,
    RG_M_S431_WHAT,
    RG_M_S500_WHAT,
    RG_M_S501_WHAT,
    RG_M_S502_WHAT,
    RG_M_S503_WHAT,
    RG_M_S504_WHAT,
    RG_M_S5XX_WHAT,
    RG_M_S4XX_WHAT,
    RG_M_S4XX_VISITOR,
    RG_M_COUNT
} rg_msg_e;

/* How a language picks the form of a noun after a number. */
typedef enum {
    RG_PLURAL_ONE,          /* 1: one; else: many (English, German, ...) */
    RG_PLURAL_FR,           /* 0 and 1: one; else: many */
    RG_PLURAL_PL            /* 1: one; 2-4 but 12-14: few; else: many */
} rg_plural_e;

/* One language. */
typedef struct {
    const char *tag;        /* "en", "de", ...: for <html lang> and
                             * Content-Language */
    const char *const *msgs;    /* by rg_msg_e */
    const char *colon;      /* after a label in the text body */
    const char *num_space;  /* between a number and its unit */
    rg_plural_e plural;
    const char *bytes[3];   /* "bytes" after a number: one, few, many */
} rg_lang_t;

/* The language lang; English for a value out of range. */
const rg_lang_t *rg_lang(rg_lang_e lang);

/* The tag of lang, "en", "de", ...; "en" for a value out of range. */
const char *rg_lang_tag(rg_lang_e lang);

/* Message key in L; English should a table ever miss one (the unit tests
 * make sure none does). */
const char *rg_lang_text(const rg_lang_t *L, rg_msg_e key);

/* The word for "bytes" in L after an amount of n. */
const char *rg_lang_bytes(const rg_lang_t *L, apr_uint64_t n);

/* For the unit tests: message i (0 <= i < rg_lang_msg_count(), i.e. every
 * key but RG_M_NONE) in lang; NULL when missing or out of range. */
apr_size_t rg_lang_msg_count(void);
const char *rg_lang_msg(rg_lang_e lang, apr_size_t i);

#endif /* REQGUARD_LANG_H */
