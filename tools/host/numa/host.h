/* tools/host/numa/host.h: the numa harness's two halves, the kernel side (machine.c,
 * test.c, fuzz.c: the kernel's headers) and the C library side (libc.c). */
#ifndef HOST_NUMA_HOST_H
#define HOST_NUMA_HOST_H

/* libc.c */
void host_fail(const char *why) __attribute__((noreturn));
void *host_zalloc(unsigned long size, unsigned long align);
void *host_mmap(unsigned long size);		/* zeroed, reserved lazily */
void host_log_start(void);			/* the kernel's printk into a buffer */
const char *host_log(void);
int host_log_has(const char *s);
void host_check_failed(const char *file, int line, const char *what);
extern int host_failures;
int host_run_case(const char *name, void (*fn)(void));	/* in a child process */
extern int host_quiet;				/* ../stubs.c */

#define CHECK(cond) do { if (!(cond)) host_check_failed(__FILE__, __LINE__, #cond); } while (0)
#define CHECK_LOG(s) do { if (!host_log_has(s)) host_check_failed(__FILE__, __LINE__, "log has: " s); } while (0)
#define CHECK_NO_LOG(s) do { if (host_log_has(s)) host_check_failed(__FILE__, __LINE__, "log lacks: " s); } while (0)

/* machine.c: a PC's memory, its ACPI tables, and the boot steps of chapter 32. */
struct host_range { unsigned long long start, end; };	/* [start, end) in bytes */
#define HOST_MAX_RANGES 8
struct host_machine {
	struct host_range mem[HOST_MAX_RANGES];	/* usable RAM, as e820 gives it */
	int nr_mem;
	const void *srat, *slit;	/* the bodies: the SRAT's entries; the SLIT's count and matrix */
	unsigned int srat_len, slit_len;
	unsigned char srat_revision;
	int bad_srat_checksum, bad_slit_checksum;
	unsigned int srat_cut, slit_cut;	/* a table's length says this much less than its body */
	const char *cmdline_param, *cmdline_value;	/* one early_param, or none */
};
void host_machine_boot(const struct host_machine *m);	/* memblock, tables, x86_numa_init */
void host_machine_zones(void);		/* sections, CPUs' nodes, zone_sizes_init, watermarks */
unsigned long host_top_pfn(void);
#endif
