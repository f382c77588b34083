#ifndef REQGUARD_DIAG_H
#define REQGUARD_DIAG_H

void rg_diag_register_hooks(void);

#endif
