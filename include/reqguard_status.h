/*
 * reqguard_status.h - the module's status: the reqguard-status handler
 * (text, JSON, Prometheus text exposition, "Key: value" lines) and a
 * mod_reqguard section in mod_status's server-status page.
 *
 * The page is made of sections.  The counters are the first; another file
 * adds its own with rg_status_add_section() from its register_hooks
 * function, and is then called once for every page, in every format, after
 * the counters:
 *
 *   RG_STATUS_TEXT        text/plain for people: start with a blank line
 *                         and a heading line.
 *   RG_STATUS_JSON        members of the one top-level object: write
 *                         ',"name":value' (always with the leading comma;
 *                         the counters come first).
 *   RG_STATUS_PROMETHEUS  whole metric families of the text exposition
 *                         format 0.0.4 (# HELP, # TYPE, samples), names
 *                         starting with "reqguard_"; label values through
 *                         rg_status_prom_label().
 *   RG_STATUS_AUTO        "Key: value" lines, keys starting with "ReqGuard"
 *                         (reqguard-status?auto and server-status?auto).
 *   RG_STATUS_HTML        an HTML fragment inside server-status: start
 *                         with <hr /> and an <h3>; flags are mod_status's
 *                         (AP_STATUS_NOTABLE: no tables).
 *
 * Nothing a section writes may come from a request: labels come from the
 * configuration (rg_counters_label() gives the one of a virtual host).
 */
#ifndef REQGUARD_STATUS_H
#define REQGUARD_STATUS_H

#include <httpd.h>

typedef enum {
    RG_STATUS_TEXT = 0,
    RG_STATUS_JSON,
    RG_STATUS_PROMETHEUS,
    RG_STATUS_AUTO,
    RG_STATUS_HTML
} rg_status_format_e;

/* One section of the status page; flags are mod_status's for
 * RG_STATUS_HTML and RG_STATUS_AUTO from server-status, 0 otherwise. */
typedef void (*rg_status_section_fn)(request_rec *r,
                                     rg_status_format_e format, int flags);

/* Add a section (at most RG_STATUS_SECTIONS_MAX, each function once);
 * call from a register_hooks function. */
#define RG_STATUS_SECTIONS_MAX 8
void rg_status_add_section(rg_status_section_fn fn);

/* Writers for sections. */
void rg_status_json_string(request_rec *r, const char *s);  /* "quoted" */
void rg_status_prom_label(request_rec *r, const char *s);   /* escaped,
                                                             * no quotes */
void rg_status_rfc3339(char *buf, apr_size_t len, apr_time_t t);

/* Hooks of the status page: called by rg_counters_register_hooks(). */
void rg_status_register_hooks(void);

#endif /* REQGUARD_STATUS_H */
