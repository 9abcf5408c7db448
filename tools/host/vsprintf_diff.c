/* Differential test: the kernel's vsnprintf against the C library's, on random formats
 * from the part of the grammar where Linux and C agree.  They disagree, by design, on
 * '#' with a zero value (Linux prints 0x0) and on %p, which are left out here and tested
 * against fixed strings in lib/vsprintf_test.c instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <limits.h>

int ksnprintf(char *buf, size_t size, const char *fmt, ...);

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static long long interesting(void)
{
        static const long long v[] = { 0, 1, -1, 7, 42, 255, 256, 65535, 65536, INT_MAX, INT_MIN,
                                       UINT_MAX, LLONG_MAX, LLONG_MIN, 0x9fbff, 1000000007 };
        return (next() & 1) ? v[next() % (sizeof(v) / sizeof(v[0]))] : (long long)next();
}

int main(int argc, char **argv)
{
        long iters = argc > 1 ? atol(argv[1]) : 100000, bad = 0;
        static const char *flags = "-+ #0", *convs = "diuxXoc", *lens[] = { "", "hh", "h", "l", "ll" };
        for (long it = 0; it < iters; it++) {
                char fmt[64], a[256], b[256];
                int p = 0, size = (int)(next() % 40);
                char conv = convs[next() % 7];
                long long val = interesting();
                fmt[p++] = '%';
                for (int f = next() % 3; f > 0; f--) fmt[p++] = flags[next() % 5];
                if (next() & 1) p += sprintf(fmt + p, "%d", (int)(next() % 25));
                if (conv != 'c' && (next() & 1)) p += sprintf(fmt + p, ".%d", (int)(next() % 25));
                if (conv != 'c') p += sprintf(fmt + p, "%s", lens[next() % 5]);
                fmt[p++] = conv; fmt[p] = 0;
                if (val == 0 && strchr(fmt, '#')) val = 1;
                if (conv == 'c' && (char)val == 0) val = 'x';
                int ra, rb;
                if (strstr(fmt, "ll")) { ra = ksnprintf(a, size, fmt, val); rb = snprintf(b, size, fmt, val); }
                else if (strchr(fmt, 'l')) { ra = ksnprintf(a, size, fmt, (long)val); rb = snprintf(b, size, fmt, (long)val); }
                else { ra = ksnprintf(a, size, fmt, (int)val); rb = snprintf(b, size, fmt, (int)val); }
                if (ra != rb || (size && strcmp(a, b))) {
                        if (bad++ < 10)
                                fprintf(stderr, "MISMATCH fmt=\"%s\" size=%d value=%lld: kernel \"%s\" (%d), libc \"%s\" (%d)\n",
                                        fmt, size, val, size ? a : "", ra, size ? b : "", rb);
                }
        }
        printf("vsprintf-diff: %ld formats compared with the C library, %ld mismatches\n", iters, bad);
        return bad != 0;
}
