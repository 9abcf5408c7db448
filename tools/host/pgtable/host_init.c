/* tools/host/pgtable/host_init.c: chapter 31's arch/x86/mm/init.c, as tangled, compiled
 * for the host.  It is included rather than linked so that the harness can clear the two
 * variables the file keeps to itself (pfn_mapped[], nr_pfn_mapped) between one memory map
 * and the next, as a fresh boot would find them. */
#include <arch/x86/mm/init.c>

void host_init_c_reset(void)
{
	memset(pfn_mapped, 0, sizeof(pfn_mapped));
	nr_pfn_mapped = 0;
	page_size_mask = 0;
}
