/* tools/host/rcu/test.c: the RCU chapter's segmented callback list
 * (kernel/rcu/rcu_segcblist.c as tangled) on the host under ASan+UBSan, against a model.
 *
 *   rcu-segcblist-test [SEED [OPS]]
 *
 * Random operations as RCU's core makes them: enqueue (call_rcu), entrain (rcu_barrier),
 * accelerate with the snapshot of a grace-period sequence that only grows, advance to a
 * completed sequence that only grows and never passes the snapshots given out, extract
 * the DONE callbacks and invoke them, and sometimes put some back (insert_done_cbs, as
 * when invocation stops early).  The model holds every callback with the order it was
 * queued in and the grace period it was promised; after every operation:
 *   - the list is the callbacks in the order they were queued (FIFO), each once;
 *   - the tails point where the segments end, in order; seglen[] is exact, and len counts
 *     the callbacks on the list and those taken out to be invoked until they are counted off;
 *   - a callback is never invoked before a grace period that began after it was queued
 *     has completed: it is promised no sequence below the snapshot of its queueing,
 *     it reaches DONE only once the completed sequence has passed its promise, and
 *     never without one (but an entrained callback that joins DONE directly);
 *   - a callback's grace period never moves, earlier or later, once given;
 *   - an entrained callback is invoked after every callback queued before it. */
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/rcu_segcblist.h>
#include "../slub/host.h"

#define MAXCB 4096
static struct rcu_head cbs[MAXCB];
static struct {
	unsigned long order;		/* queue order */
	int seg;			/* -1 not queued, 0..3 segment, 4 invoked */
	unsigned long gp;		/* the grace period it was promised, 0 none */
	unsigned long need;		/* the snapshot when it was queued: a grace period
					 * that ends there started after it */
} m[MAXCB];
static unsigned long next_order = 1, invoked_order;
static unsigned long snap = 8, completed = 4;	/* gp sequences, as rcu_seq_snap() gives them */
static struct rcu_segcblist L;
static long outstanding;		/* taken out to be invoked, still in L.len */

#include "../xorshift.h"

static void __attribute__((noreturn)) fail(const char *what, long i)
{
	host_quiet = 0;
	printk("rcu_segcblist check failed: %s (callback %ld)\n", what, i);
	host_fail(what);
}

static int idx(struct rcu_head *h)
{
	if (h < cbs || h >= cbs + MAXCB)
		fail("a pointer on the list that is no callback", -1);
	return h - cbs;
}

static void check(void)
{
	struct rcu_head **pp = &L.head;
	long seglen[RCU_CBLIST_NSEGS] = { 0 }, n = 0;
	unsigned long last = 0;
	int seg = 0;

	/* walk the list, finding each segment's end where its tail points */
	while (seg < RCU_CBLIST_NSEGS && L.tails[seg] == pp)
		seg++;
	for (struct rcu_head *h = L.head; h; h = h->next) {
		int i = idx(h);

		if (m[i].order <= last)
			fail("callbacks out of the order they were queued in (or twice)", i);
		last = m[i].order;
		if (m[i].seg < 0 || m[i].seg > RCU_NEXT_TAIL)
			fail("a callback on the list that the model does not hold", i);
		if (seg >= RCU_CBLIST_NSEGS)
			fail("a callback past the NEXT tail", i);
		if (seg > m[i].seg)	/* segments run DONE (0) .. NEXT (3) */
			fail("a callback moved back to a later segment", i);
		if (seg == RCU_DONE_TAIL && (!m[i].gp || ULONG_CMP_LT(completed, m[i].gp) ||
					     ULONG_CMP_LT(completed, m[i].need)))
			fail("a callback DONE before its grace period completed", i);
		if (seg != RCU_NEXT_TAIL && seg != RCU_DONE_TAIL && ULONG_CMP_LT(L.gp_seq[seg], m[i].need))
			fail("a callback promised a grace period that started before it was queued", i);
		if (seg != RCU_NEXT_TAIL && seg != RCU_DONE_TAIL) {
			if (m[i].gp && ULONG_CMP_LT(L.gp_seq[seg], m[i].gp))
				fail("a callback's grace period moved earlier", i);
			if (m[i].gp && ULONG_CMP_LT(m[i].gp, L.gp_seq[seg]))
				fail("a callback's grace period moved later", i);
			m[i].gp = L.gp_seq[seg];
		}
		m[i].seg = seg;
		seglen[seg]++;
		n++;
		pp = &h->next;
		while (seg < RCU_CBLIST_NSEGS && L.tails[seg] == pp)
			seg++;
	}
	if (seg != RCU_CBLIST_NSEGS)
		fail("a tail that points nowhere on the list", seg);
	for (int s = 0; s < RCU_CBLIST_NSEGS; s++)
		if (seglen[s] != L.seglen[s])
			fail("seglen[] is not the length of its segment", s);
	if (n + outstanding != L.len || n + outstanding != rcu_segcblist_n_cbs(&L))
		fail("len is not the number of callbacks queued or being invoked", n);
	for (int i = 0; i < MAXCB; i++)
		if (m[i].seg >= 0 && m[i].seg <= RCU_NEXT_TAIL && !m[i].gp && m[i].seg < RCU_NEXT_TAIL &&
		    m[i].seg != RCU_DONE_TAIL)
			fail("a callback waiting without a grace period", i);
}

static int free_cb(void)
{
	for (int k = 0; k < 8; k++) {
		int i = rnd() % MAXCB;

		if (m[i].seg < 0 || m[i].seg == 4)
			return i;
	}
	return -1;
}

static void invoke(struct rcu_cblist *done)
{
	struct rcu_head *h;

	while ((h = rcu_cblist_dequeue(done))) {
		int i = idx(h);

		if (m[i].order <= invoked_order)
			fail("callbacks invoked out of the order they were queued in", i);
		invoked_order = m[i].order;
		m[i].seg = 4;
	}
	if (done->len)
		fail("rcu_cblist's len after dequeuing everything", done->len);
}

int main(int argc, char **argv)
{
	unsigned long seed = argc > 1 ? host_strtoul(argv[1]) : 1;
	unsigned long ops = argc > 2 ? host_strtoul(argv[2]) : 200000;
	unsigned long invoked = 0, entrained = 0;

	rng_seed(seed);
	host_quiet = 1;
	for (int i = 0; i < MAXCB; i++)
		m[i].seg = -1;
	rcu_segcblist_init(&L);
	for (unsigned long n = 0; n < ops; n++) {
		unsigned int r = rnd() % 100;
		int i;

		if (r < 40 && (i = free_cb()) >= 0) {		/* call_rcu() */
			m[i] = (typeof(m[i])){ .order = next_order++, .seg = RCU_NEXT_TAIL, .need = snap };
			rcu_segcblist_enqueue(&L, &cbs[i]);
		} else if (r < 43 && (i = free_cb()) >= 0) {	/* rcu_barrier() */
			m[i] = (typeof(m[i])){ .order = next_order++, .seg = RCU_NEXT_TAIL };
			if (rcu_segcblist_entrain(&L, &cbs[i])) {
				int seg = 0;

				/* it joins the last non-empty segment, and with it that
				 * segment's promise; in DONE, none is needed */
				while (L.tails[seg] != &cbs[i].next)
					seg++;
				m[i].seg = seg;
				m[i].gp = seg == RCU_DONE_TAIL ? completed :
					  seg == RCU_NEXT_TAIL ? 0 : L.gp_seq[seg];
				entrained++;
			} else
				m[i].seg = -1, next_order--;
		} else if (r < 60) {				/* a new grace period's snapshot */
			if (rnd() % 2 && snap - completed < 12)
				snap += 4;
			rcu_segcblist_accelerate(&L, snap);
		} else if (r < 80) {				/* a grace period completes */
			if (ULONG_CMP_LT(completed, snap) && rnd() % 2)
				completed += 4;
			rcu_segcblist_advance(&L, completed);
		} else {					/* invoke the DONE ones */
			struct rcu_cblist done = RCU_CBLIST_INITIALIZER(done);

			rcu_segcblist_extract_done_cbs(&L, &done);
			outstanding = done.len;		/* still counted until invoked */
			check();
			if (done.len > 1 && rnd() % 4 == 0) {	/* invoke one, put the rest back */
				struct rcu_head *h = rcu_cblist_dequeue(&done);
				struct rcu_cblist one = RCU_CBLIST_INITIALIZER(one);

				*one.tail = h; h->next = NULL; one.tail = &h->next; one.len = 1;
				invoke(&one);
				outstanding = 0;
				rcu_segcblist_insert_done_cbs(&L, &done);
				rcu_segcblist_add_len(&L, -1);
			} else {
				long count = done.len;

				invoked += count;
				invoke(&done);
				outstanding = 0;
				rcu_segcblist_add_len(&L, -count);
			}
		}
		check();
	}
	host_quiet = 0;
	printk("rcu-segcblist-test: seed %lu: %lu operations checked one by one, %lu callbacks "
	       "invoked in order, %lu entrained, final gp %lu\n", seed, ops, invoked, entrained, completed);
	return 0;
}
