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

/* The module record is the one symbol Apache looks up (LoadModule): the
 * Makefile builds everything else hidden, so that calls between the
 * module's files are direct, not through the procedure linkage table. */
#if defined(__GNUC__)
#define RG_EXPORT __attribute__((visibility("default")))
#else
#define RG_EXPORT
#endif

extern module AP_MODULE_DECLARE_DATA RG_EXPORT reqguard_module;

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

/* Out of line, not rare: keeps a frame the common path does not need
 * (locals whose address is taken, the stack check) off that path. */
#if defined(__GNUC__)
#define RG_NOINLINE __attribute__((noinline))
#else
#define RG_NOINLINE
#endif

/* Inline even where the compiler would not: a function of the hot path
 * written apart to be read, with one caller, whose frame it shares. */
#if defined(__GNUC__)
#define RG_ALWAYS_INLINE APR_INLINE __attribute__((always_inline))
#else
#define RG_ALWAYS_INLINE APR_INLINE
#endif

/* A log line about request r: the request's log level (LogLevel in a
 * directory applies) and log id (%L).  The module writes no header value;
 * note that without an ErrorLogFormat Apache itself ends every line about
 * a request, its own included, with the request's Referer. */
#define RG_LOG(level, status, r, ...) \
    ap_log_rerror(APLOG_MARK, (level), (status), (r), __VA_ARGS__)

#define RG_DIR_CONF(r) \
    ((rg_dir_conf *)ap_get_module_config((r)->per_dir_config, &reqguard_module))
#define RG_SRV_CONF(s) \
    ((rg_srv_conf *)ap_get_module_config((s)->module_config, &reqguard_module))

#endif /* REQGUARD_PRIVATE_H */
