/*
 * test_fields.c - unit tests for the per-name field limit table.
 */
#include <string.h>
#include <apr_general.h>

#include "rg_unit.h"
#include "reqguard_fields.h"

static apr_off_t find(const rg_field_table_t *t, const char *name)
{
    return rg_fields_lookup(t, name, strlen(name));
}

int main(void)
{
    apr_pool_t *p;
    rg_field_table_t *t, *u;
    const rg_field_table_t *m;
    char name[32];
    int i, all_found = 1;

    apr_initialize();
    apr_pool_create(&p, NULL);

    /* Empty and NULL tables find nothing. */
    CHECK(find(NULL, "Cookie") == -1);

    /* Case-insensitive names. */
    t = rg_fields_with(p, NULL, "Cookie", 100);
    CHECK(find(t, "Cookie") == 100);
    CHECK(find(t, "cookie") == 100);
    CHECK(find(t, "COOKIE") == 100);
    CHECK(find(t, "Cookies") == -1);
    CHECK(find(t, "Cooki") == -1);
    CHECK(find(t, "X-Other") == -1);
    /* Same length, other name: not found. */
    CHECK(find(t, "Accept") == -1);

    /* Adding keeps the old table intact and replaces a name. */
    u = rg_fields_with(p, t, "COOKIE", 50);
    CHECK(find(u, "cookie") == 50);
    CHECK(find(t, "cookie") == 100);
    CHECK(u->count == 1);

    /* Many names: the table grows and finds every one. */
    u = NULL;
    for (i = 0; i < 200; i++) {
        snprintf(name, sizeof(name), "X-Field-%d", i);
        u = rg_fields_with(p, u, name, i + 1);
    }
    CHECK(u->count == 200);
    for (i = 0; i < 200; i++) {
        snprintf(name, sizeof(name), "x-FIELD-%d", i);
        if (find(u, name) != i + 1) {
            all_found = 0;
        }
    }
    CHECK(all_found);
    CHECK(find(u, "X-Field-200") == -1);

    /* Merge: the inner table wins name by name; NULL sides pass through. */
    t = rg_fields_with(p, NULL, "Cookie", 100);
    t = rg_fields_with(p, t, "Referer", 300);
    u = rg_fields_with(p, NULL, "cookie", 4000);
    m = rg_fields_merge(p, t, u);
    CHECK(find(m, "Cookie") == 4000);
    CHECK(find(m, "Referer") == 300);
    CHECK(m->count == 2);
    CHECK(m->min_limit == 300);
    CHECK(t->min_limit == 100);
    CHECK(rg_fields_merge(p, t, NULL) == t);
    CHECK(rg_fields_merge(p, NULL, u) == u);

    /* A limit of 0 is stored (unlimited for that name), not "not found". */
    u = rg_fields_with(p, NULL, "Cookie", 0);
    CHECK(find(u, "cookie") == 0);
    CHECK(u->min_limit == 0);
    u = rg_fields_with(p, u, "Referer", 500);
    CHECK(u->min_limit == 500);

    /* Field names are RFC 9110 tokens. */
    CHECK(rg_field_name_valid("Cookie"));
    CHECK(rg_field_name_valid("X-My_Field.1!#$%&'*+^`|~"));
    CHECK(!rg_field_name_valid(""));
    CHECK(!rg_field_name_valid(NULL));
    CHECK(!rg_field_name_valid("Bad Name"));
    CHECK(!rg_field_name_valid("Bad:Name"));
    CHECK(!rg_field_name_valid("Bad\"Name"));
    CHECK(!rg_field_name_valid("\xc3\xa9t\xc3\xa9"));
    {
        char longname[RG_FIELD_NAME_MAX + 2];

        memset(longname, 'a', sizeof(longname) - 1);
        longname[sizeof(longname) - 1] = '\0';
        CHECK(!rg_field_name_valid(longname));
        longname[RG_FIELD_NAME_MAX] = '\0';
        CHECK(rg_field_name_valid(longname));
    }

    apr_pool_destroy(p);
    apr_terminate();
    return RG_UNIT_END("test_fields");
}
