#ifndef REQGUARD_HEADERS_H
#define REQGUARD_HEADERS_H

void rg_headers_register_hooks(void);

#endif
