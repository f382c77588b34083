#include "reqguard_private.h"
#include "reqguard_diag.h"

void rg_diag_register_hooks(void)
{
}
