/* tools/host/buddy/include/asm/pgtable_64_types.h: the kernel's layout of the virtual
 * address space, with one change.  The kernel's vmemmap starts at 0xffffea0000000000, in
 * the kernel half, which a user-space program cannot map; the buddy harness maps the
 * array of struct page at a fixed address of the user half instead (buddy/machine.c),
 * above AddressSanitizer's shadow and below its allocator's region, so that vmemmap is
 * still a constant and page_to_pfn() compiles to the same instructions as the kernel's. */
#ifndef _HOST_BUDDY_ASM_X86_PGTABLE_64_TYPES_H
#define _HOST_BUDDY_ASM_X86_PGTABLE_64_TYPES_H
#include_next <asm/pgtable_64_types.h>
#undef VMEMMAP_START
#define VMEMMAP_START		_AC(0x4ea000000000, UL)
#endif
