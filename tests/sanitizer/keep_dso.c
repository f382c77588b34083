/*
 * keep_dso.c - preloaded after the sanitizer runtime into every apache2 of
 * a sanitizer run (tests/rgtest.py): dlclose() does nothing.
 *
 * Apache unloads its modules when the parent process exits, before
 * LeakSanitizer looks for leaks; a leak made by code that is no longer
 * mapped shows as "<unknown module>" and can neither be told apart from a
 * leak of mod_reqguard nor suppressed by name.  With every shared object
 * kept, each report names the module and function that allocated.
 */
int dlclose(void *handle);

int dlclose(void *handle)
{
    (void)handle;
    return 0;
}
