/* libFuzzer target: the multiboot2 boot-information parser, including the memory map,
 * on arbitrary bytes in an exactly sized buffer (so AddressSanitizer sees any read past
 * the end).  Checks the parser's promises about what it hands on. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define E820_MAX 128
struct boot_e820_entry { uint64_t addr, size; uint32_t type; } __attribute__((packed));
struct boot_params_view {
        uint64_t mb2_info_addr;
        uint32_t mb2_info_size;
        char cmdline[2048];
        char loader_name[64];
        uint32_t mem_lower_kb, mem_upper_kb;
        uint64_t acpi_rsdp_addr;
        uint8_t e820_entries;
        uint32_t e820_dropped;
        struct boot_e820_entry e820_table[E820_MAX];
};
int multiboot2_parse(const void *info, size_t avail, uint64_t info_phys, void *bp);
extern int host_quiet;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static struct boot_params_view bp;
        uint64_t *buf = malloc(size ? size : 1);        /* malloc is 8-byte aligned */
        host_quiet = 1;
        memcpy(buf, data, size);
        if (multiboot2_parse(buf, size, 0x10000, &bp) == 0) {
                if (bp.e820_entries > E820_MAX || bp.mb2_info_size > size)
                        abort();
                if (!memchr(bp.cmdline, 0, sizeof(bp.cmdline)) || !memchr(bp.loader_name, 0, sizeof(bp.loader_name)))
                        abort();
                if (bp.acpi_rsdp_addr && (bp.acpi_rsdp_addr < 0x10000 + 16 || bp.acpi_rsdp_addr >= 0x10000 + size))
                        abort();
        }
        free(buf);
        return 0;
}
