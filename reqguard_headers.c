#include "reqguard_private.h"
#include "reqguard_headers.h"

void rg_headers_register_hooks(void)
{
}
