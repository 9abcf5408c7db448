/* What the data-structures chapter's code needs on the host, beyond ../stubs.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* BUG() (CONFIG_DEBUG_LIST's reports) ends in panic(): fail the host program loudly. */
void panic(const char *fmt, ...)
{
        va_list args;
        va_start(args, fmt);
        fputs("Kernel panic - not syncing: ", stderr);
        vfprintf(stderr, fmt, args);
        fputc('\n', stderr);
        va_end(args);
        abort();
}

/* WARN() is not reached while the checks BUG(); the linker still wants it. */
void __warn(const char *file, int line, const char *func)
{
        fprintf(stderr, "WARNING: at %s:%d %s()\n", file, line, func);
}
