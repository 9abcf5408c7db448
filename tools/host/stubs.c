/* What the kernel's pure code needs from its surroundings, for host programs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int parse_args(const char *doing, char *args, int (*unknown)(char *, char *, const char *));
int unknown_bootoption(char *param, char *val, const char *doing);
int kunit_run_all_tests(void);

/* BUG()/BUG_ON() in the checked code ends in panic(): fail the host program loudly. */
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

int host_quiet;                         /* fuzzers silence the kernel's messages */
char *saved_command_line = "test=all";  /* what params_test expects to find */
char boot_command_line[2048];
struct { unsigned long long mb2_info_addr; unsigned int mb2_info_size; char rest[8192]; } boot_params;

int kvprintk(const char *fmt, va_list args)
{
        char buf[1024];
        int n = kvsnprintf(buf, sizeof(buf), fmt, args);
        const char *s = buf;
        while (s[0] == '\001' && s[1])
                s += 2;                 /* drop the level prefix */
        if (!host_quiet)
                fputs(s, stdout);
        return n;
}

int kprintk(const char *fmt, ...)
{
        va_list args;
        int n;
        va_start(args, fmt);
        n = kvprintk(fmt, args);
        va_end(args);
        return n;
}

#ifndef NO_MAIN
int main(int argc, char **argv)
{
        char line[256];
        snprintf(line, sizeof(line), "test=%s", argc > 1 ? argv[1] : "vsprintf,cmdline,multiboot2");
        parse_args("host", line, unknown_bootoption);
        return kunit_run_all_tests() ? 1 : 0;
}
#endif
