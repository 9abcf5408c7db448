/* tools/host/numa/libc.c: the numa harness's calls into the C library (the kernel's
 * headers and the C library's cannot share one file). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "host.h"

void *host_mmap(unsigned long size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		host_fail("mmap: out of address space for the machine");
	return p;
}

/* The kernel's printk writes to stdout (../stubs.c); a case reads it back. */
static char *log_buf;
static size_t log_len;
static FILE *log_real_stdout;

void host_log_start(void)
{
	log_real_stdout = stdout;
	stdout = open_memstream(&log_buf, &log_len);
	if (!stdout)
		host_fail("open_memstream");
}

const char *host_log(void)
{
	fflush(stdout);
	return log_buf ? log_buf : "";
}

int host_log_has(const char *s)
{
	return strstr(host_log(), s) != NULL;
}

int host_failures;

void host_check_failed(const char *file, int line, const char *what)
{
	host_failures++;
	fprintf(stderr, "    %s:%d: check failed: %s\n", file, line, what);
}

/* One case, one process: the kernel's __initdata state starts fresh every time. */
int host_run_case(const char *name, void (*fn)(void))
{
	static int n;
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		host_fail("fork");
	if (pid == 0) {
		host_log_start();
		fn();
		if (host_failures) {
			fprintf(stderr, "    --- the kernel's log of %s ---\n%s    ---\n", name, host_log());
			_exit(1);
		}
		_exit(0);
	}
	waitpid(pid, &status, 0);
	n++;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		printf("ok %d - %s\n", n, name);
		return 0;
	}
	printf("not ok %d - %s\n", n, name);
	return 1;
}
