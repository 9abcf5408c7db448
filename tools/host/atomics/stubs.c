/* What the atomics and barriers chapters' pure code needs on the host, beyond ../stubs.c. */

unsigned int tsc_khz;                   /* no calibrated TSC: litmus_print() leaves out Time */
