# Reliability checks with targets of their own (included by the Makefile).
