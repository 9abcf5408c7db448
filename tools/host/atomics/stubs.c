/* What chapters 20 and 21's pure code needs on the host, beyond ../stubs.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

unsigned int tsc_khz;                   /* no calibrated TSC: litmus_print() leaves out Time */

/* BUG_ON() (cmpxchg_double's checks) ends in panic(): fail the host program loudly. */
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
