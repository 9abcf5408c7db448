/* tools/host/slub/include/asm/page.h: the host's stand-in for the kernel's asm/page.h.
 * The kernel's direct map starts at 0xffff888000000000, which a user-space program
 * cannot map; here "physical memory" is one aligned block of host memory, physical
 * address 0 is its first byte, and PAGE_OFFSET is where the harness put it.  Everything
 * above (pfn_to_page through mem_section, page_address, virt_to_page) is the kernel's. */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H
#include <asm/page_types.h>
#include <linux/types.h>
extern unsigned long host_page_offset;
#undef PAGE_OFFSET
#define PAGE_OFFSET             host_page_offset
#define phys_base               0UL
static inline phys_addr_t __phys_addr(unsigned long x)
{
        return x - PAGE_OFFSET;
}
#define __pa(x)                 __phys_addr((unsigned long)(x))
#define __pa_symbol(x)          __pa(x)
#define __va(x)                 ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define virt_to_phys(p)         __pa(p)
#define phys_to_virt(p)         __va(p)
extern unsigned long max_pfn_mapped;
#endif
