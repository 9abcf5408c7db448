/* tools/host/buddy/fuzz.c: a libFuzzer target for chapter 33's buddy allocator: each
 * input is a stream of operations (three bytes each: which, and two arguments) among
 * allocations of any order and gfp, frees through every entry, extra references,
 * split_page(), drains and double frees, with the model checked after each (model.c).
 * At the end of an input everything is freed and drained, and the free blocks must
 * have merged back. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include "../slub/host.h"
#include "machine.h"
#include "model.h"
#include "ops.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static bool ready;

	if (!ready) {
		host_quiet = 1;
		host_buddy_init(1024, 16);
		model_init();
		ready = true;
	}
	for (size_t k = 0; k + 3 <= size; k += 3) {
		u8 op = data[k] % 10, a = data[k + 1], b = data[k + 2];

		switch (op) {
		case 0: case 1: case 2: case 3: op_alloc(a, b); break;
		case 4: case 5: op_free(a << 8 | b, a); break;
		case 6: op_get(a << 8 | b); break;
		case 7: op_split(a << 8 | b); break;
		case 8: op_drain(); break;
		case 9: op_bad_free(a << 8 | b); break;
		}
		model_check();
	}
	free_everything();
	op_drain();
	model_check_merged();
	return 0;
}
