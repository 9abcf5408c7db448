/* tools/host/buddy/machine.h */
#ifndef HOST_BUDDY_MACHINE_H
#define HOST_BUDDY_MACHINE_H
struct zone;
extern struct zone *host_zone;
void host_buddy_init(unsigned long nr_pages, unsigned long min_wmark);
#endif
