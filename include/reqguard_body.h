#ifndef REQGUARD_BODY_H
#define REQGUARD_BODY_H

void rg_body_register_hooks(void);

#endif
