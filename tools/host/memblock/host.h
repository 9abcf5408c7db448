/* tools/host/memblock/host.h: harness-only helpers (not seen by kernel code). */
#ifndef HOST_H
#define HOST_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

void host_log_clear(void);
const char *host_log(void);
int vsnprintf_linux(char *buf, size_t size, const char *fmt, va_list ap);
const char *host_last_panic(void);
int host_expect_panic_setup(jmp_buf *jb);
void host_expect_panic_done(void);
void host_phys_discard(unsigned long long base, unsigned long long size);
extern int host_warnings;

/* Run STMT; evaluates to 1 if it panicked (message in host_last_panic()). */
#define HOST_PANICS(stmt) ({						\
	jmp_buf _jb; int _p = 0;					\
	host_expect_panic_setup(&_jb);					\
	if (setjmp(_jb) == 0) { stmt; } else { _p = 1; }		\
	host_expect_panic_done(); _p; })
#endif
