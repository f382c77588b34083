/*
 * reqguard_private.h - included by every .c file that talks to Apache, so
 * that per-module log levels ("LogLevel reqguard:debug") work in all of them.
 */
#ifndef REQGUARD_PRIVATE_H
#define REQGUARD_PRIVATE_H

/* First: APR's ring macros need offsetof, or clang sees null-pointer
 * arithmetic in APR_BRIGADE_SENTINEL. */
#include <stddef.h>

#include <httpd.h>
#include <http_config.h>
#include <http_log.h>

extern module AP_MODULE_DECLARE_DATA reqguard_module;

/* mod_reqguard.c gets this from AP_DECLARE_MODULE itself. */
#if defined(APLOG_USE_MODULE) && !defined(RG_MODULE_GLUE)
APLOG_USE_MODULE(reqguard);
#endif

/* Out of line and out of the way: paths a clean request never takes. */
#if defined(__GNUC__)
#define RG_COLD __attribute__((noinline, cold))
#else
#define RG_COLD
#endif

/* A log line about request r, logged for its connection and virtual host
 * (their log levels and error log): Apache's default error log format
 * appends the Referer value to the lines logged for a request, and the
 * module never logs a header value. */
#define RG_LOG(level, status, r, ...) \
    ap_log_cserror(APLOG_MARK, (level), (status), (r)->connection, \
                   (r)->server, __VA_ARGS__)

#define RG_DIR_CONF(r) \
    ((rg_dir_conf *)ap_get_module_config((r)->per_dir_config, &reqguard_module))
#define RG_SRV_CONF(s) \
    ((rg_srv_conf *)ap_get_module_config((s)->module_config, &reqguard_module))

#endif /* REQGUARD_PRIVATE_H */
