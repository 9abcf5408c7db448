/* tools/host/slub/model.h: the callers' view of the slab allocator (model.c). */
#ifndef HOST_SLUB_MODEL_H
#define HOST_SLUB_MODEL_H
struct kmem_cache;

struct model_obj {
	void *p;
	struct kmem_cache *s;	/* its cache; for kmalloc, the kmalloc cache; NULL if large */
	unsigned int size;	/* bytes asked for, all written with tag */
	int order;		/* a large kmalloc's order, else -1 */
	unsigned char tag;
};
#define MODEL_MAX_OBJS 8192
extern struct model_obj model_objs[MODEL_MAX_OBJS];
extern unsigned int model_nr_objs;

void model_init(void);
int model_find(const void *p);
void model_alloc_done(void *p, struct kmem_cache *s, unsigned int size, int order, unsigned char tag);
void model_free(unsigned int i);
unsigned long model_check_cache(struct kmem_cache *s);
void model_check_pages(void);
void model_check_gone(struct kmem_cache *s);
void model_check_shrunk(struct kmem_cache *s);
void model_check_all(void);
#endif
