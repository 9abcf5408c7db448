/* tools/host/buddy/include/asm/sparsemem.h: the buddy harness runs the kernel's own memory
 * model, SPARSEMEM_VMEMMAP (pfn_to_page() is vmemmap + pfn), so that the allocator's
 * page_to_pfn()/pfn_to_page() on the host are the kernel's: a subtraction and a shift.
 * The slab harness's header (next in the include path) turns the model off for the other
 * harnesses; this one turns it back on.  Where vmemmap lies on the host:
 * asm/pgtable_64_types.h beside this file. */
#ifndef _HOST_BUDDY_ASM_X86_SPARSEMEM_H
#define _HOST_BUDDY_ASM_X86_SPARSEMEM_H
#include_next <asm/sparsemem.h>
#define CONFIG_SPARSEMEM_VMEMMAP	/* pfn_to_page() is vmemmap + pfn */
#endif
