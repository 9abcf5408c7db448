/*
 * tools/host/memblock/host.c: what the stub header promises.
 *
 * printk() formats with a small Linux-compatible formatter (%pa, %pS, and
 * Linux's "0x" on %#x even for zero), strips the KERN_ level, appends the
 * text to a log the tests can inspect, and echoes it when HOST_VERBOSE is
 * set.  panic() either returns control to a test that expects it
 * (host_expect_panic) or aborts.
 */
#define _GNU_SOURCE
#include "stub.h"
#include "host.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

/* ---- the log ------------------------------------------------------------ */

static char host_log_buf[1 << 20];
static size_t host_log_len;
static int host_verbose = -1;

void host_log_clear(void)
{
	host_log_len = 0;
	host_log_buf[0] = 0;
}

const char *host_log(void)
{
	return host_log_buf;
}

static void host_log_append(const char *s)
{
	size_t n = strlen(s);

	if (host_verbose < 0)
		host_verbose = getenv("HOST_VERBOSE") != NULL;
	if (host_verbose)
		fputs(s, stdout);
	if (host_log_len + n + 1 > sizeof(host_log_buf))
		host_log_len = 0;	/* a long fuzz run: start over */
	memcpy(host_log_buf + host_log_len, s, n + 1);
	host_log_len += n;
}

/* ---- a Linux-flavoured vsnprintf ---------------------------------------- */

static void out_str(char **p, char *end, const char *s)
{
	while (*s && *p < end)
		*(*p)++ = *s++;
}

/*
 * Format one integer conversion the way Linux does.  The C library differs
 * from Linux in one way that matters for boot-log formats: "%#x" of 0 is
 * "0" in C and "0x0" in Linux, and "%#018Lx" of 0 is "0x0000000000000000".
 */
static void out_int(char **p, char *end, const char *flags, int width,
		    int prec, char conv, unsigned long long v, int is_signed)
{
	char digits[80], fmt[16], tmp[120];
	int alt = strchr(flags, '#') != NULL && (conv == 'x' || conv == 'X');
	int zero = strchr(flags, '0') != NULL, left = strchr(flags, '-') != NULL;
	int n, pad;

	if (is_signed)
		snprintf(fmt, sizeof(fmt), "%%%s%s.*ll%c", strchr(flags, '+') ? "+" : "",
			 strchr(flags, ' ') ? " " : "", conv);
	else
		snprintf(fmt, sizeof(fmt), "%%.*ll%c", conv);
	if (is_signed)
		snprintf(digits, sizeof(digits), fmt, prec < 0 ? 1 : prec, (long long)v);
	else
		snprintf(digits, sizeof(digits), fmt, prec < 0 ? 1 : prec, v);
	n = (int)strlen(digits) + (alt ? 2 : 0);
	pad = width > n ? width - n : 0;
	tmp[0] = 0;
	if (!left && !(zero && prec < 0))
		for (int i = 0; i < pad; i++)
			strcat(tmp, " ");
	if (alt)
		strcat(tmp, conv == 'X' ? "0X" : "0x");
	if (!left && zero && prec < 0) {
		/* zero padding goes after the sign or the 0x */
		int sign = (digits[0] == '-' || digits[0] == '+' || digits[0] == ' ');
		if (sign) {
			char c[2] = { digits[0], 0 };
			strcat(tmp, c);
		}
		for (int i = 0; i < pad; i++)
			strcat(tmp, "0");
		strcat(tmp, digits + sign);
	} else {
		strcat(tmp, digits);
	}
	if (left)
		for (int i = 0; i < pad; i++)
			strcat(tmp, " ");
	out_str(p, end, tmp);
}

int vsnprintf_linux(char *buf, size_t size, const char *fmt, va_list ap)
{
	char *p = buf, *end = buf + (size ? size - 1 : 0);

	while (*fmt) {
		char flags[8] = "", lenmod[3] = "";
		int nf = 0, width = -1, prec = -1;
		char conv;

		if (*fmt != '%') {
			if (p < end)
				*p++ = *fmt;
			fmt++;
			continue;
		}
		fmt++;
		while (*fmt && strchr("-+ #0", *fmt) && nf < 6)
			flags[nf++] = *fmt++;
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		} else if (*fmt >= '0' && *fmt <= '9') {
			width = (int)strtol(fmt, (char **)&fmt, 10);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			} else {
				prec = (int)strtol(fmt, (char **)&fmt, 10);
			}
		}
		while (*fmt && strchr("hlLzt", *fmt) && strlen(lenmod) < 2) {
			char c = *fmt++ == 'L' ? 'q' : fmt[-1];
			size_t l = strlen(lenmod);
			lenmod[l] = c;
			lenmod[l + 1] = 0;
		}
		conv = *fmt ? *fmt++ : 0;
		switch (conv) {
		case '%':
			out_str(&p, end, "%");
			break;
		case 'c': {
			char s[2] = { (char)va_arg(ap, int), 0 };
			out_str(&p, end, s);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			char tmp[512];
			snprintf(tmp, sizeof(tmp), strchr(flags, '-') ? "%-*.*s" : "%*.*s",
				 width < 0 ? 0 : width, prec < 0 ? 500 : prec, s ? s : "(null)");
			out_str(&p, end, tmp);
			break;
		}
		case 'p': {
			void *ptr = va_arg(ap, void *);
			char tmp[64];
			if (*fmt == 'a') {	/* %pa: phys_addr_t by reference */
				fmt++;
				if (*fmt == 'p' || *fmt == 'd')
					fmt++;
				snprintf(tmp, sizeof(tmp), "0x%016llx", *(phys_addr_t *)ptr);
			} else if (*fmt == 'S' || *fmt == 's' || *fmt == 'B') {
				fmt++;	/* no symbol table on the host */
				snprintf(tmp, sizeof(tmp), "%#lx", (unsigned long)ptr);
			} else {
				snprintf(tmp, sizeof(tmp), "%016lx", (unsigned long)ptr);
			}
			out_str(&p, end, tmp);
			break;
		}
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
			unsigned long long v;
			int sgn = conv == 'd' || conv == 'i';
			if (!strcmp(lenmod, "ll") || !strcmp(lenmod, "q")) {
				v = sgn ? (unsigned long long)va_arg(ap, long long) : va_arg(ap, unsigned long long);
			} else if (!strcmp(lenmod, "l") || !strcmp(lenmod, "z") || !strcmp(lenmod, "t")) {
				v = sgn ? (unsigned long long)va_arg(ap, long) : va_arg(ap, unsigned long);
			} else {
				v = sgn ? (unsigned long long)(long long)va_arg(ap, int) : va_arg(ap, unsigned int);
				if (!strcmp(lenmod, "hh"))
					v = sgn ? (unsigned long long)(long long)(signed char)v : (unsigned char)v;
				else if (!strcmp(lenmod, "h"))
					v = sgn ? (unsigned long long)(long long)(short)v : (unsigned short)v;
			}
			out_int(&p, end, flags, width, prec, conv == 'i' ? 'd' : conv, v, sgn);
			break;
		}
		default:
			out_str(&p, end, "%?");
			break;
		}
	}
	if (size)
		*p = 0;
	return (int)(p - buf);
}

int snprintf_linux(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf_linux(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int printk(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	if (fmt[0] == '\001' && fmt[1])
		fmt += 2;
	va_start(ap, fmt);
	n = vsnprintf_linux(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	host_log_append(buf);
	return n;
}

/* ---- panic, BUG, WARN --------------------------------------------------- */

static jmp_buf *host_panic_jmp;
static char host_panic_msg[512];

const char *host_last_panic(void)
{
	return host_panic_msg;
}

int host_expect_panic_setup(jmp_buf *jb)
{
	host_panic_jmp = jb;
	host_panic_msg[0] = 0;
	return 0;
}

void host_expect_panic_done(void)
{
	host_panic_jmp = NULL;
}

void panic(const char *fmt, ...)
{
	va_list ap;
	jmp_buf *jb = host_panic_jmp;

	va_start(ap, fmt);
	vsnprintf_linux(host_panic_msg, sizeof(host_panic_msg), fmt, ap);
	va_end(ap);
	host_log_append("Kernel panic - not syncing: ");
	host_log_append(host_panic_msg);
	if (jb) {
		host_panic_jmp = NULL;
		longjmp(*jb, 1);
	}
	fprintf(stderr, "Kernel panic - not syncing: %s", host_panic_msg);
	abort();
}

void host_bug(const char *file, int line, const char *cond)
{
	fprintf(stderr, "kernel BUG at %s:%d: %s\n", file, line, cond);
	abort();
}

int host_warnings;

void host_warn(const char *file, int line, const char *cond)
{
	char buf[256];

	host_warnings++;
	snprintf(buf, sizeof(buf), "WARNING: at %s:%d: %s\n", file, line, cond);
	host_log_append(buf);
}

void dump_stack(void)
{
	host_log_append("(dump_stack)\n");
}

/* ---- the physical-memory window ---------------------------------------- */

static unsigned char *host_phys_base;

static void host_phys_init(void)
{
	if (host_phys_base)
		return;
	host_phys_base = mmap(NULL, HOST_PHYS_SIZE, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (host_phys_base == MAP_FAILED) {
		perror("host: mmap of the physical-memory window");
		abort();
	}
}

void *host_va(phys_addr_t phys)
{
	host_phys_init();
	if (phys >= HOST_PHYS_SIZE) {
		fprintf(stderr, "host: __va(%#llx): physical address outside the "
			"%llu GiB window; memblock touched memory it may not use\n",
			phys, HOST_PHYS_SIZE >> 30);
		abort();
	}
	return host_phys_base + phys;
}

phys_addr_t host_pa(const void *virt)
{
	const unsigned char *v = virt;

	host_phys_init();
	if (v < host_phys_base || v >= host_phys_base + HOST_PHYS_SIZE) {
		fprintf(stderr, "host: __pa(%p): not a direct-map address\n", virt);
		abort();
	}
	return (phys_addr_t)(v - host_phys_base);
}

void host_phys_discard(phys_addr_t base, phys_addr_t size)
{
	host_phys_init();
	madvise(host_phys_base + base, size, MADV_DONTNEED);
}

/* ---- kernel parameters -------------------------------------------------- */

static struct { const char *name; int (*fn)(char *); int early; } host_params[64];
static int host_nr_params;

void host_register_param(const char *name, int (*fn)(char *), int early)
{
	if (host_nr_params < 64)
		host_params[host_nr_params++] = (__typeof__(host_params[0])){ name, fn, early };
}

/* Run the handler of "name=value" the way parse_early_param() would. */
int host_run_param(const char *name, char *value)
{
	for (int i = 0; i < host_nr_params; i++) {
		const char *n = host_params[i].name;
		size_t l = strlen(n);
		if (!strcmp(n, name) || (l && n[l - 1] == '=' && !strncmp(n, name, l - 1) && !name[l - 1]))
			return host_params[i].fn(value);
	}
	fprintf(stderr, "host: no handler for parameter %s\n", name);
	abort();
}

unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long v = strtoull(ptr, &end, 0);

	switch (*end) {
	case 'E': case 'e': v <<= 10; /* fall through */
	case 'P': case 'p': v <<= 10; /* fall through */
	case 'T': case 't': v <<= 10; /* fall through */
	case 'G': case 'g': v <<= 10; /* fall through */
	case 'M': case 'm': v <<= 10; /* fall through */
	case 'K': case 'k': v <<= 10; end++; break;
	default: break;
	}
	if (retptr)
		*retptr = end;
	return v;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	char *end;

	if (!*s)
		return -EINVAL;
	*res = strtoull(s, &end, (int)base);
	if (*end == '\n')
		end++;
	return *end ? -EINVAL : 0;
}
