/* tools/host/slub/include/asm/sparsemem.h: the kernel's asm/sparsemem.h, in the classic
 * SPARSEMEM model.  The kernel runs SPARSEMEM_VMEMMAP: pfn_to_page() is vmemmap + pfn, with
 * vmemmap at 0xffffea0000000000, which a user-space program cannot map.  The harnesses that
 * take this include directory (numa, buddy, slub, vmalloc) describe their "physical memory"
 * with their own array of struct page, reached through mem_section, so they compile chapter
 * 32's other model, which is the same code with CONFIG_SPARSEMEM_VMEMMAP undefined: the
 * section field in page->flags, pfn_to_page() through __pfn_to_section().  Everything else
 * in the header (section size, physical address bits) is the kernel's. */
#ifndef _HOST_ASM_X86_SPARSEMEM_H
#define _HOST_ASM_X86_SPARSEMEM_H
#include_next <asm/sparsemem.h>
#undef CONFIG_SPARSEMEM_VMEMMAP
#endif
