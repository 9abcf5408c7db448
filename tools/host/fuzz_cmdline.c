/* libFuzzer target: the kernel command-line parser (next_arg/parse_args) and the number
 * parsers, on arbitrary bytes.  Checks that every parameter and value handed to a handler
 * lies inside the line and is NUL-terminated there; AddressSanitizer checks the rest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

char *next_arg(char *args, char **param, char **val);
int parse_args(const char *doing, char *args, int (*unknown)(char *, char *, const char *));
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
unsigned long long memparse(const char *s, char **retptr);
extern int host_quiet;

static char *line_start, *line_end;

static int check(char *param, char *val, const char *doing __attribute__((unused)))
{
        if (param < line_start || param >= line_end || memchr(param, 0, line_end - param) == NULL)
                abort();
        if (val && (val < line_start || val >= line_end || memchr(val, 0, line_end - val) == NULL))
                abort();
        if (val) {
                unsigned long long v;
                char *end;
                kstrtoull(val, 0, &v);
                memparse(val, &end);
                if (end < val || end > line_end)
                        abort();
        }
        return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        char *line = malloc(size + 1);
        host_quiet = 1;
        memcpy(line, data, size);
        line[size] = 0;
        line_start = line;
        line_end = line + size + 1;
        parse_args("fuzz", line, check);
        free(line);
        return 0;
}
