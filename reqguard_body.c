#include "reqguard_private.h"
#include "reqguard_body.h"

void rg_body_register_hooks(void)
{
}
