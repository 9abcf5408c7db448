/* tools/host/pgtable/include/asm/page.h: the slab harness's stand-in for asm/page.h
 * (PAGE_OFFSET is the variable host_page_offset, the direct map is one block of host
 * address space), shared rather than copied. */
#include "../../../slub/include/asm/page.h"
