/* The operations the benchmark measures, with the kernel's lib/rbtree.c and the
 * caller-written walk of the data-structures chapter: insert, find and erase N keys. */
#include <linux/kernel.h>
#include <linux/rbtree.h>
#include "bench_rbtree.h"

struct bnode {
        unsigned long key;
        struct rb_node rb;
};

static struct rb_root root = RB_ROOT;

static void bench_insert(struct bnode *new)
{
        struct rb_node **link = &root.rb_node, *parent = NULL;

        while (*link) {
                parent = *link;
                if (new->key < rb_entry(parent, struct bnode, rb)->key)
                        link = &parent->rb_left;
                else
                        link = &parent->rb_right;
        }
        rb_link_node(&new->rb, parent, link);
        rb_insert_color(&new->rb, &root);
}

static struct bnode *bench_find(unsigned long key)
{
        struct rb_node *node = root.rb_node;

        while (node) {
                struct bnode *b = rb_entry(node, struct bnode, rb);

                if (key < b->key)
                        node = node->rb_left;
                else if (key > b->key)
                        node = node->rb_right;
                else
                        return b;
        }
        return NULL;
}

size_t bench_node_size(void)
{
        return sizeof(struct bnode);
}

void bench_set_key(void *nodes, long i, unsigned long key)
{
        ((struct bnode *)nodes)[i].key = key;
}

noinline void bench_phase_insert(void *nodes, long n)
{
        for (long i = 0; i < n; i++)
                bench_insert((struct bnode *)nodes + i);
}

noinline long bench_phase_find(const unsigned long *keys, long n)
{
        long found = 0;

        for (long i = 0; i < n; i++)
                found += bench_find(keys[i]) != NULL;
        return found;
}

noinline void bench_phase_erase(void *nodes, const long *order, long n)
{
        for (long i = 0; i < n; i++)
                rb_erase(&((struct bnode *)nodes)[order[i]].rb, &root);
}

int bench_empty(void)
{
        return RB_EMPTY_ROOT(&root);
}
