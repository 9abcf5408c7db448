/* tools/host/buddy/model.h: the callers' view of the buddy allocator (model.c). */
#ifndef HOST_BUDDY_MODEL_H
#define HOST_BUDDY_MODEL_H
struct model_block {
	unsigned long pfn;
	unsigned int order;
	int refs;		/* references the callers hold */
	bool comp;		/* asked for with __GFP_COMP */
	unsigned char tag;	/* written at both ends of every page */
};
#define MODEL_MAX_BLOCKS 4096
extern struct model_block model_blocks[MODEL_MAX_BLOCKS];
extern unsigned int model_nr_blocks;
void model_init(void);
void model_check(void);
void model_check_merged(void);
#endif
