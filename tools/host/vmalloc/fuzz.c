/*
 * tools/host/vmalloc/fuzz.c: libFuzzer on chapter 35's area allocator.  The input is an
 * operation stream: its first byte seeds the early areas, then every seven bytes are one
 * operation (ops.c's op_decode: the kind, then six parameters), run on a window of 512
 * pages against the model, with every check of model.c after each.
 */
#include <stddef.h>
#include <stdint.h>
#include "model.h"
#include "ops.h"

#define NPAGES 512

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	extern int host_quiet;

	host_quiet = 1;
	if (size < 1)
		return 0;
	ops_start(NPAGES, data[0] * 0x9e3779b97f4a7c15UL);
	for (size_t i = 1; i + 7 <= size; i += 7) {
		const uint8_t *p = data + i;

		op_decode(NPAGES, p[0], p[1] | p[2] << 8, p[3] * 131u + p[2], p[4], p[5] | p[6] << 8,
			  p[6] ^ p[1]);
	}
	return 0;
}
