/* The trees the fuzzer drives, with the kernel's own code: lib/rbtree.c through
 * rb_add()/rb_erase() and lib/rbtree_gaps.c, both checked by lib/rbtree_check.c against
 * a model (which keys are present) after every operation. */
#include <linux/kernel.h>
#include <linux/rbtree.h>
#include "rbtree_check.h"
#include "rbtree_gaps.h"
#include "fuzz_rbtree.h"

struct fnode {
        unsigned long key;
        struct rb_node rb;
};

static struct fnode nodes[256];
static struct free_area areas[256];
static bool present[256];
static int count;
static struct rb_root plain, gaps;

static bool fless(struct rb_node *a, const struct rb_node *b)
{
        return rb_entry(a, struct fnode, rb)->key < rb_entry(b, struct fnode, rb)->key;
}

static unsigned long fkey(const struct rb_node *n) { return rb_entry(n, struct fnode, rb)->key; }
static unsigned long gkey(const struct rb_node *n) { return rb_entry(n, struct free_area, rb_node)->start; }
static unsigned long gval(const struct rb_node *n) { return rb_entry(n, struct free_area, rb_node)->size; }
static unsigned long gmax(const struct rb_node *n) { return rb_entry(n, struct free_area, rb_node)->subtree_max_size; }

void fuzz_rbtree_reset(void)
{
        plain = RB_ROOT;
        gaps = RB_ROOT;
        count = 0;
        for (int i = 0; i < 256; i++) {
                present[i] = false;
                nodes[i].key = i;
                areas[i].start = (unsigned long)i << 16;
        }
}

static const char *model_agrees(unsigned char op)
{
        struct rb_node *n = rb_first(&plain);
        struct free_area *fit = NULL;
        unsigned long want = op * 0x100UL;

        for (int k = 0; k < 256; k++) {
                if (!present[k])
                        continue;
                if (!n || fkey(n) != (unsigned long)k)
                        return "the in-order walk disagrees with the model";
                n = rb_next(n);
                if (!fit && areas[k].size >= want)
                        fit = &areas[k];
        }
        if (n)
                return "the in-order walk has more nodes than the model";
        if (free_area_lowest_fit(&gaps, want) != fit)
                return "free_area_lowest_fit() disagrees with a linear scan";
        return NULL;
}

const char *fuzz_rbtree_step(unsigned char op, unsigned char key)
{
        struct rbtree_check c = { .key = fkey };
        struct rbtree_check g = { .key = gkey, .value = gval, .augmented = gmax };

        if (present[key]) {
                rb_erase(&nodes[key].rb, &plain);
                free_area_erase(&gaps, &areas[key]);
                count--;
        } else {
                rb_add(&nodes[key].rb, &plain, fless);
                areas[key].size = ((unsigned long)(op >> 1) + 1) << 10;
                free_area_insert(&gaps, &areas[key]);
                count++;
        }
        present[key] = !present[key];
        if (rbtree_check(&plain, &c) != count)
                return c.error ? c.error : "the plain tree has the wrong number of nodes";
        if (rbtree_check(&gaps, &g) != count)
                return g.error ? g.error : "the gap tree has the wrong number of nodes";
        return model_agrees(op);
}
