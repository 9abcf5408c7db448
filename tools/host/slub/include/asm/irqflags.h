/* tools/host/slub/include/asm/irqflags.h: the host's stand-in for the kernel's
 * asm/irqflags.h.  A user-space program may not execute cli/sti, so "interrupts
 * enabled" is a variable of the harness, with the same flag bit (X86_EFLAGS_IF) the
 * kernel's pushf would return: the callers' save/restore logic is unchanged. */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H
#define X86_EFLAGS_IF   0x200
extern unsigned long host_eflags;
static inline unsigned long native_save_fl(void) { return host_eflags; }
static inline void native_irq_disable(void) { host_eflags &= ~X86_EFLAGS_IF; }
static inline void native_irq_enable(void) { host_eflags |= X86_EFLAGS_IF; }
static inline unsigned long arch_local_irq_save(void)
{
        unsigned long flags = native_save_fl();
        native_irq_disable();
        return flags;
}
static inline void arch_local_irq_restore(unsigned long flags)
{
        if (flags & X86_EFLAGS_IF)
                native_irq_enable();
}
#endif
