/*
 * reqguard_counters.c - violation counters per virtual host, kind and
 * action, in shared memory.
 *
 * The segment is anonymous shared memory created once, in the first
 * post_config of the parent process, and kept in the process pool: a
 * graceful or plain restart keeps the numbers; only a full stop and start
 * resets them.  Every child process inherits the mapping and adds to it
 * with 64-bit atomic increments: no lock, nothing copied per child.
 *
 * The segment is a table of slots, one per virtual host label
 * ("ServerName:port", from the configuration only, never from a request).
 * Virtual hosts with the same label share a slot, which is what a reader
 * of the labels could tell apart anyway.  Slot 0 is "(other)".
 *
 * Each configuration (the first start and every restart) maps its server
 * records to slots in the parent, in post_config: a label seen before
 * takes its old slot back, with its counts; a new label takes a free slot.
 * A virtual host removed by a restart keeps its slot and its counts (in the
 * totals, and again in its own row if it comes back) but is no longer
 * listed.  The segment cannot grow while children use it, so it is sized
 * at the first start for twice the labels then configured plus
 * RG_SLOTS_SPARE; labels that find no free slot after later restarts are
 * counted as "(other)" until the next full stop, and the error log says
 * so (RG00003).
 *
 * Looking a server record up costs one hash probe, and only on a
 * violation: a clean request never comes here.
 */
#include "reqguard_private.h"

#include <apr_shm.h>
#include <apr_atomic.h>
#include <apr_hash.h>
#include <apr_strings.h>
#include <ap_listen.h>

#include "reqguard_counters.h"
#include "reqguard_status.h"

/* The process pool keeps the segment over restarts under this name and
 * the sizes of its head and of a slot (rg_shm_kept()): a restart into a
 * build whose layout differs makes a new segment rather than reading the
 * old one with the new layout. */
#define RG_COUNTERS_KEY   "reqguard_counters"
#define RG_SLOTS_SPARE    64
#define RG_SLOTS_MAX      100000

typedef struct {
    volatile apr_uint64_t n[RG_KIND_COUNT][2];  /* [kind][blocked] */
    char label[RG_VHOST_LABEL_MAX];             /* written once, by the
                                                 * parent, before use */
} rg_slot_t;

typedef struct {
    rg_shm_head_t head;                 /* when counting began; slots,
                                         * "(other)" included */
    volatile apr_uint32_t used;         /* slots holding a label */
    rg_slot_t slot[];                   /* slot[0]: "(other)" */
} rg_segment_t;

/* Set in the parent's post_config, inherited by the children. */
static rg_segment_t *rg_seg;
static apr_hash_t *rg_by_server;        /* server_rec * -> rg_slot_t * */
static rg_slot_t **rg_listed;           /* this configuration's slots */
static int rg_nlisted;

/* ---- labels ------------------------------------------------------------ */

/* The port of a server record: its ServerName's, else its <VirtualHost>
 * address's, else (the main server) the first Listen's; 0 if none. */
static apr_port_t rg_label_port(const server_rec *s)
{
    if (s->port != 0) {
        return s->port;
    }
    if (s->is_virtual && s->addrs != NULL) {
        return s->addrs->host_port;
    }
    if (!s->is_virtual && ap_listeners != NULL
        && ap_listeners->bind_addr != NULL) {
        return ap_listeners->bind_addr->port;
    }
    return 0;
}

/* "ServerName:port", printable ASCII only, bounded. */
static const char *rg_label_make(apr_pool_t *p, const server_rec *s)
{
    const char *host = s->server_hostname ? s->server_hostname : "";
    apr_port_t port = rg_label_port(s);
    char *label = port ? apr_psprintf(p, "%s:%u", host, (unsigned)port)
                       : apr_pstrdup(p, host);
    char *c;

    if (strlen(label) >= RG_VHOST_LABEL_MAX) {
        label[RG_VHOST_LABEL_MAX - 1] = '\0';
    }
    for (c = label; *c; c++) {
        if (*c < 0x21 || *c > 0x7e) {
            *c = '?';
        }
    }
    return label;
}

const char *rg_counters_label(const server_rec *s)
{
    rg_slot_t *slot = rg_by_server ? apr_hash_get(rg_by_server, &s,
                                                  sizeof(s))
                                   : NULL;

    return slot ? slot->label : RG_VHOST_OTHER;
}

apr_uint32_t rg_counters_slots(void)
{
    return rg_seg ? rg_seg->head.capacity : 0;
}

/* The slot of server record s: its label's, else "(other)".  The segment
 * must be there. */
static rg_slot_t *rg_slot_of(const server_rec *s)
{
    rg_slot_t *slot = apr_hash_get(rg_by_server, &s, sizeof(s));

    return slot ? slot : &rg_seg->slot[0];
}

int rg_counters_slot(const server_rec *s)
{
    return rg_seg ? (int)(rg_slot_of(s) - rg_seg->slot) : -1;
}

/* ---- counting ---------------------------------------------------------- */

void rg_counters_add(const server_rec *s, rg_kind_e kind, int blocked)
{
    rg_slot_t *slot;

    if (rg_seg == NULL || (unsigned)kind >= RG_KIND_COUNT) {
        return;
    }
    slot = rg_slot_of(s);
    apr_atomic_inc64(&slot->n[kind][blocked ? 1 : 0]);
}

/* ---- reading ----------------------------------------------------------- */

int rg_counters_available(void)
{
    return rg_seg != NULL;
}

apr_time_t rg_counters_start(void)
{
    return rg_seg ? rg_seg->head.start : 0;
}

static void rg_slot_read(rg_slot_t *slot, rg_counts_t *out, int add)
{
    int k, b;

    for (k = 0; k < RG_KIND_COUNT; k++) {
        for (b = 0; b < 2; b++) {
            apr_uint64_t v = apr_atomic_read64(&slot->n[k][b]);

            out->n[k][b] = add ? out->n[k][b] + v : v;
        }
    }
}

static int rg_slot_counted(rg_slot_t *slot)
{
    int k, b;

    for (k = 0; k < RG_KIND_COUNT; k++) {
        for (b = 0; b < 2; b++) {
            if (apr_atomic_read64(&slot->n[k][b]) != 0) {
                return 1;
            }
        }
    }
    return 0;
}

void rg_counters_total(rg_counts_t *out)
{
    apr_uint32_t i, used;

    memset(out, 0, sizeof(*out));
    out->label = "";
    if (rg_seg == NULL) {
        return;
    }
    used = apr_atomic_read32(&rg_seg->used);
    for (i = 0; i < used && i < rg_seg->head.capacity; i++) {
        rg_slot_read(&rg_seg->slot[i], out, 1);
    }
}

int rg_counters_vhost_count(void)
{
    if (rg_seg == NULL) {
        return 0;
    }
    return rg_nlisted + (rg_slot_counted(&rg_seg->slot[0]) ? 1 : 0);
}

void rg_counters_vhost(int i, rg_counts_t *out)
{
    rg_slot_t *slot;

    memset(out, 0, sizeof(*out));
    out->label = "";
    if (rg_seg == NULL || i < 0) {
        return;
    }
    slot = i < rg_nlisted ? rg_listed[i] : &rg_seg->slot[0];
    out->label = slot->label;
    rg_slot_read(slot, out, 0);
}

/* ---- the segment and this configuration's map -------------------------- */

void *rg_shm_kept(server_rec *s, apr_pool_t *ptemp, const char *name,
                  apr_size_t head_size, apr_size_t row_size,
                  apr_uint32_t capacity, const char *id, const char *what,
                  const char *without, int *made)
{
    apr_pool_t *keep = s->process->pool;
    apr_size_t size = head_size + (apr_size_t)capacity * row_size;
    const char *key = apr_psprintf(ptemp, "%s/%" APR_SIZE_T_FMT "/%"
                                   APR_SIZE_T_FMT, name, head_size,
                                   row_size);
    rg_shm_head_t *head = NULL;
    apr_shm_t *shm;
    apr_status_t rv;

    if (made != NULL) {
        *made = 0;
    }
    apr_pool_userdata_get((void **)&head, key, keep);
    if (head != NULL) {
        return head;
    }
    rv = apr_shm_create(&shm, size, NULL, keep);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, s,
                     "%s: cannot create the shared memory for %s (%"
                     APR_SIZE_T_FMT " bytes); %s", id, what, size, without);
        return NULL;
    }
    head = apr_shm_baseaddr_get(shm);
    memset(head, 0, size);
    head->start = apr_time_now();
    head->capacity = capacity;
    apr_pool_userdata_set(head, key, apr_pool_cleanup_null, keep);
    if (made != NULL) {
        *made = 1;
    }
    return head;
}

/* The counters' segment: the one an earlier configuration made, or a new
 * one with room for labels and more. */
static rg_segment_t *rg_segment(server_rec *s, apr_pool_t *ptemp,
                                apr_uint32_t labels)
{
    apr_uint32_t capacity = 1 + 2 * labels + RG_SLOTS_SPARE;
    rg_segment_t *seg;
    int made;

    if (capacity > RG_SLOTS_MAX) {
        capacity = RG_SLOTS_MAX;
    }
    seg = rg_shm_kept(s, ptemp, RG_COUNTERS_KEY, sizeof(rg_segment_t),
                      sizeof(rg_slot_t), capacity, "RG00002",
                      "the violation counters",
                      "reqguard-status will show none", &made);
    if (seg != NULL && made) {
        apr_cpystrn(seg->slot[0].label, RG_VHOST_OTHER, RG_VHOST_LABEL_MAX);
        apr_atomic_set32(&seg->used, 1);
    }
    return seg;
}

static int rg_counters_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                                   apr_pool_t *ptemp, server_rec *s)
{
    apr_hash_t *in_seg, *listed;
    apr_array_header_t *order, *servers;
    server_rec *v;
    apr_uint32_t i, labels = 0;
    int j, lost = 0;

    (void)plog;
    rg_seg = NULL;
    rg_by_server = NULL;
    rg_listed = NULL;
    rg_nlisted = 0;

    /* The server records in configuration order: Apache keeps the
     * virtual hosts newest first. */
    servers = apr_array_make(ptemp, 16, sizeof(server_rec *));
    for (v = s->next; v != NULL; v = v->next) {
        APR_ARRAY_PUSH(servers, server_rec *) = v;
    }
    APR_ARRAY_PUSH(servers, server_rec *) = s;

    /* The distinct labels of this configuration, in order. */
    listed = apr_hash_make(ptemp);
    order = apr_array_make(ptemp, 16, sizeof(const char *));
    for (j = servers->nelts - 1; j >= 0; j--) {
        const char *label;

        v = APR_ARRAY_IDX(servers, j, server_rec *);
        label = rg_label_make(ptemp, v);

        if (apr_hash_get(listed, label, APR_HASH_KEY_STRING) == NULL) {
            apr_hash_set(listed, label, APR_HASH_KEY_STRING, label);
            APR_ARRAY_PUSH(order, const char *) = label;
            labels++;
        }
    }

    rg_seg = rg_segment(s, ptemp, labels);
    if (rg_seg == NULL) {
        return OK;
    }

    /* The labels the segment already holds, from earlier configurations. */
    in_seg = apr_hash_make(ptemp);
    for (i = 0; i < apr_atomic_read32(&rg_seg->used); i++) {
        apr_hash_set(in_seg, rg_seg->slot[i].label, APR_HASH_KEY_STRING,
                     &rg_seg->slot[i]);
    }

    /* A slot for every label of this configuration. */
    rg_listed = apr_palloc(pconf, sizeof(rg_slot_t *) * (labels + 1));
    for (i = 0; i < (apr_uint32_t)order->nelts; i++) {
        const char *label = APR_ARRAY_IDX(order, i, const char *);
        rg_slot_t *slot = apr_hash_get(in_seg, label, APR_HASH_KEY_STRING);
        apr_uint32_t used = apr_atomic_read32(&rg_seg->used);

        if (slot == NULL && used < rg_seg->head.capacity) {
            slot = &rg_seg->slot[used];
            apr_cpystrn(slot->label, label, RG_VHOST_LABEL_MAX);
            /* The label is in place before a reader can count the slot. */
            apr_atomic_set32(&rg_seg->used, used + 1);
            apr_hash_set(in_seg, slot->label, APR_HASH_KEY_STRING, slot);
        }
        if (slot == NULL) {
            lost++;
            slot = &rg_seg->slot[0];
        }
        apr_hash_set(listed, label, APR_HASH_KEY_STRING, slot);
        if (slot != &rg_seg->slot[0]) {
            rg_listed[rg_nlisted++] = slot;
        }
    }
    if (lost > 0) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s,
                     "RG00003: the violation counters have no room for %d "
                     "new virtual host name(s) (%u slots, sized at the "
                     "first start); they are counted as \"%s\" until "
                     "Apache is stopped and started", lost,
                     (unsigned)rg_seg->head.capacity, RG_VHOST_OTHER);
    }

    /* Every server record to its slot, for rg_counters_add(). */
    rg_by_server = apr_hash_make(pconf);
    for (v = s; v != NULL; v = v->next) {
        server_rec **key = apr_palloc(pconf, sizeof(*key));

        *key = v;
        apr_hash_set(rg_by_server, key, sizeof(*key),
                     apr_hash_get(listed, rg_label_make(ptemp, v),
                                  APR_HASH_KEY_STRING));
    }
    return OK;
}

void rg_counters_register_hooks(void)
{
    ap_hook_post_config(rg_counters_post_config, NULL, NULL, APR_HOOK_MIDDLE);
    rg_status_register_hooks();
}
