/* tools/host/numa/srat.h: building the bodies of an SRAT and a SLIT (the entries after
 * the tables' headers) for the tests and the fuzzer's seeds. */
#ifndef HOST_NUMA_SRAT_H
#define HOST_NUMA_SRAT_H
#include <linux/types.h>
#include <linux/string.h>
#include <acpi/actbl3.h>

struct host_srat {
	u8 buf[4096];
	unsigned int len;
};

static inline void *srat_put(struct host_srat *s, const void *e, unsigned int len)
{
	void *at = s->buf + s->len;

	memcpy(at, e, len);
	s->len += len;
	return at;
}

static inline struct acpi_srat_mem_affinity *srat_mem(struct host_srat *s, u32 pxm, u64 base,
						       u64 len)
{
	struct acpi_srat_mem_affinity ma = {
		.header = { ACPI_SRAT_TYPE_MEMORY_AFFINITY, sizeof(ma) },
		.proximity_domain = pxm, .base_address = base, .length = len,
		.flags = ACPI_SRAT_MEM_ENABLED,
	};
	return srat_put(s, &ma, sizeof(ma));
}

static inline struct acpi_srat_cpu_affinity *srat_cpu(struct host_srat *s, u8 apic_id, u32 pxm)
{
	struct acpi_srat_cpu_affinity pa = {
		.header = { ACPI_SRAT_TYPE_CPU_AFFINITY, sizeof(pa) },
		.proximity_domain_lo = pxm & 0xff, .apic_id = apic_id,
		.flags = ACPI_SRAT_CPU_ENABLED,
		.proximity_domain_hi = { pxm >> 8 & 0xff, pxm >> 16 & 0xff, pxm >> 24 },
	};
	return srat_put(s, &pa, sizeof(pa));
}

/* A SLIT body: the count, then the n x n matrix. */
static inline unsigned int slit_body(u8 *buf, unsigned int n, const u8 *matrix)
{
	u64 count = n;

	memcpy(buf, &count, sizeof(count));
	memcpy(buf + sizeof(count), matrix, n * n);
	return sizeof(count) + n * n;
}
#endif
