/* tools/host/buddy/test.c: chapter 33's buddy allocator on the host, under ASan and
 * UBSan, against a model (model.c), checked after every operation.
 *
 *   buddy-test [SEED [OPS]]
 *
 * Random allocations of every order with every kind of gfp (movable, reclaimable,
 * unmovable, atomic: HighAtomic reserves; __GFP_COMP, __GFP_ZERO), frees in random
 * order through __free_pages(), free_pages() and put_page(), extra references,
 * split_page(), drains of the per-CPU lists, and double frees that must be reported.
 * Allocation outruns freeing until memory runs short, then freeing takes over; every
 * so often everything is freed, the lists drained, and the free blocks must have
 * merged back. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include "../slub/host.h"
#include "machine.h"
#include "model.h"
#include "ops.h"

#include "../xorshift.h"

int main(int argc, char **argv)
{
	unsigned long seed = argc > 1 ? host_strtoul(argv[1]) : 1;
	unsigned long ops = argc > 2 ? host_strtoul(argv[2]) : 20000;
	unsigned long merges = 0, refusals = 0, allocs = 0, highatomic = 0;
	bool filling = true;
	unsigned int refused = 0;	/* refusals since filling began */

	rng_seed(seed);
	host_quiet = 1;
	host_buddy_init(2048, 32);
	model_init();
	model_check_merged();
	for (unsigned long n = 0; n < ops; n++) {
		u64 x = rnd();
		u8 r = x, s = x >> 8, op = (x >> 16) % 100;
		unsigned int i = x >> 32;

		/* fill until the allocator has refused many times (so that allocations
		 * dig into the reserves below the low and min watermarks), then free
		 * down to half */
		if (!filling && (!model_nr_blocks ||
				 zone_page_state(host_zone, NR_FREE_PAGES) > host_nr_pages / 2)) {
			filling = true;
			refused = 0;
		}
		if (op < 2)
			op_drain();
		else if (op < 4)
			op_get(i);
		else if (op < 6)
			op_split(i);
		else if (op < 8)
			op_bad_free(i);
		else if (op < (filling ? 60 : 30)) {
			unsigned int before = model_nr_blocks;

			op_alloc(r, s);
			if (model_nr_blocks == before) {
				refusals++;
				if (++refused == 50)
					filling = false;
			} else {
				allocs++;
			}
		} else
			op_free(i, s);
		model_check();
		highatomic = max(highatomic, host_zone->nr_reserved_highatomic);
		if (n % 5000 == 4999) {
			free_everything();
			op_drain();
			model_check_merged();
			merges++;
		}
	}
	free_everything();
	op_drain();
	model_check_merged();
	host_quiet = 0;
	printk("buddy-test: seed %lu: %lu operations checked one by one (%lu allocations and %lu "
	       "refusals, each one allowed), %lu full merges back, "
	       "HighAtomic reserve up to %lu pages\n",
	       seed, ops, allocs, refusals, merges + 1, highatomic);
	return 0;
}
