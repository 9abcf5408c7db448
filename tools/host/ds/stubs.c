/* What the data-structures chapter's code needs on the host, beyond ../stubs.c. */
#include <stdio.h>

/* WARN() is not reached while the checks BUG(); the linker still wants it. */
void __warn(const char *file, int line, const char *func)
{
        fprintf(stderr, "WARNING: at %s:%d %s()\n", file, line, func);
}
