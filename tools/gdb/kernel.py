# tools/gdb/kernel.py: gdb commands that read the book's kernel the way its own code does.
#
# Loaded by `make debug` (tools/debug) after build/kernel.elf.  Named after, and meaning what
# they mean in, Linux 6.12's scripts/gdb/linux/*.py (the code is our own, written for this
# kernel's data structures):
#
#   lx-dmesg               the printk ring buffer (__log_buf, log_next), oldest text first
#   lx-per-cpu VAR [CPU]   CPU's copy of the per-CPU variable VAR (default: the selected CPU)
#   $lx_per_cpu(VAR[, CPU])   the same, as a value for expressions (Linux has this one)
#   $lx_current([CPU])     the task running on CPU (per-CPU current_task)
#   lx-ps                  every task: the list task_list, then each CPU's idle task
#   lx-buddyinfo           the buddy allocator's free blocks per order, as /proc/buddyinfo
#
# Every command reads guest memory only: nothing here runs kernel code or writes to it.
import gdb


class KernelError(gdb.GdbError):
    pass


class KernelCommand(gdb.Command):
    """A command whose reads of guest memory that fail say why, in one line."""

    def invoke(self, arg, from_tty):
        try:
            self.run(arg)
        except gdb.MemoryError as e:
            raise KernelError(f'{self.name}: {e}: the kernel has not mapped that address '
                              '(stopped before startup_64 switched to its page tables, or '
                              'before the structure was set up?)')


def lookup(expr, what):
    """Evaluate a kernel symbol, or say which part of the kernel it belongs to."""
    try:
        return gdb.parse_and_eval(expr)
    except gdb.error as e:
        raise KernelError(f'{what}: cannot find {expr} in build/kernel.elf ({e})')


def read_bytes(addr, size, what):
    try:
        return bytes(gdb.selected_inferior().read_memory(int(addr), size))
    except gdb.MemoryError:
        raise KernelError(f'{what}: cannot read {size} bytes at {int(addr):#x}: the kernel has '
                          'not mapped it yet (stopped before startup_64 switched to the '
                          'kernel\'s page tables?)')


def long_type():
    return gdb.lookup_type('unsigned long')


def bits_set(bitmap, limit):
    """The numbers of the bits set in an array of unsigned longs, below limit."""
    width = bitmap[0].type.sizeof * 8
    words = bitmap.type.sizeof // bitmap[0].type.sizeof
    for w in range(words):
        word = int(bitmap[w])
        for b in range(width):
            if word >> b & 1 and w * width + b < limit:
                yield w * width + b


def container_of(ptr, typename, member):
    """The structure of type typename whose field member is at ptr."""
    t = gdb.lookup_type(typename)
    offset = t[member].bitpos // 8
    return (ptr.cast(long_type()) - offset).cast(t.pointer())


def list_entries(head, typename, member):
    """The entries of a list_head list, as pointers to typename; bounded, so that a list
    broken by a bug reports itself instead of looping forever."""
    node = head['next']
    for _ in range(100000):
        if int(node) == int(head.address):
            return
        if int(node) == 0:
            raise KernelError(f'list at {int(head.address):#x}: a NULL next pointer')
        yield container_of(node, typename, member)
        node = node['next']
    raise KernelError(f'list at {int(head.address):#x}: more than 100000 entries (a loop?)')


# ---- per-CPU variables ----------------------------------------------------------------
# A per-CPU variable's symbol is its offset inside the .data..percpu template, linked at
# address 0; CPU n's copy lives at that offset plus __per_cpu_offset[n] (setup_per_cpu_areas
# in the SMP chapter), which is what per_cpu_ptr() adds.

def selected_cpu():
    """QEMU's gdb stub shows each virtual CPU as a thread, numbered from 1."""
    thread = gdb.selected_thread()
    if thread is None:
        raise KernelError('no CPU selected: is gdb attached to QEMU?')
    return thread.num - 1


def cpu_arg(text):
    try:
        cpu = int(gdb.parse_and_eval(text)) if text is not None else selected_cpu()
    except gdb.error as e:
        raise KernelError(f'lx-per-cpu: bad CPU number {text!r} ({e})')
    ncpus = int(lookup('nr_cpu_ids', 'lx-per-cpu'))
    if not 0 <= cpu < ncpus:
        raise KernelError(f'lx-per-cpu: CPU {cpu} does not exist (nr_cpu_ids is {ncpus})')
    return cpu


def per_cpu(var, cpu):
    """CPU's copy of var (a gdb.Value that is the template's lvalue)."""
    if var.address is None:
        raise KernelError('lx-per-cpu: not a variable (it has no address)')
    offset = int(lookup(f'__per_cpu_offset[{cpu}]', 'lx-per-cpu'))
    addr = (int(var.address) + offset) & 0xffffffffffffffff
    return gdb.Value(addr).cast(var.type.pointer()).dereference()


class LxPerCpuCommand(KernelCommand):
    """Print CPU's copy of a per-CPU variable: lx-per-cpu VAR [CPU].

VAR is a variable defined with DEFINE_PER_CPU (cpu_number, runqueues, current_task ...);
CPU defaults to the CPU gdb has selected (`thread N` selects CPU N-1).  `print VAR` alone
reads the template linked at address 0, which no CPU uses."""

    def __init__(self):
        self.name = 'lx-per-cpu'
        super().__init__('lx-per-cpu', gdb.COMMAND_DATA, gdb.COMPLETE_SYMBOL)

    def run(self, arg):
        words = gdb.string_to_argv(arg)
        if not 1 <= len(words) <= 2:
            raise KernelError('usage: lx-per-cpu VAR [CPU]')
        cpu = cpu_arg(words[1] if len(words) == 2 else None)
        var = lookup(words[0], 'lx-per-cpu')
        gdb.write(f'CPU {cpu}: {per_cpu(var, cpu).format_string()}\n')


class LxPerCpuFunction(gdb.Function):
    """$lx_per_cpu(VAR[, CPU]): CPU's copy of the per-CPU variable VAR, as a value."""

    def __init__(self):
        super().__init__('lx_per_cpu')

    def invoke(self, var, cpu=None):
        return per_cpu(var, cpu_arg(str(int(cpu))) if cpu is not None else selected_cpu())


class LxCurrentFunction(gdb.Function):
    """$lx_current([CPU]): the task_struct running on CPU (default: the selected CPU)."""

    def __init__(self):
        super().__init__('lx_current')

    def invoke(self, cpu=None):
        cpu = cpu_arg(str(int(cpu))) if cpu is not None else selected_cpu()
        return per_cpu(lookup('current_task', 'lx_current'), cpu).dereference()


# ---- the printk buffer --------------------------------------------------------------
# printk stores plain text, timestamps included, in a ring of LOG_BUF_LEN bytes; log_next
# counts every byte ever stored, so the text still there is the last LOG_BUF_LEN bytes.

class LxDmesg(KernelCommand):
    """Print the kernel's log buffer, as the monitor's dmesg does, read from guest memory."""

    def __init__(self):
        self.name = 'lx-dmesg'
        super().__init__('lx-dmesg', gdb.COMMAND_DATA)

    def run(self, arg):
        buf = lookup('__log_buf', 'lx-dmesg')
        size = buf.type.sizeof
        end = int(lookup('log_next', 'lx-dmesg'))
        start = max(0, end - size)
        data = read_bytes(buf.address, size, 'lx-dmesg')
        a, b = start % size, end % size
        if end - start == size and a >= b:
            text = data[a:] + data[:b] if b else data[a:]
        else:
            text = data[a:a + (end - start)]
        out = text.decode('utf-8', errors='replace')
        gdb.write(out if out.endswith('\n') or not out else out + '\n')


# ---- tasks ----------------------------------------------------------------------------

STATES = [(0x80, 'X'), (0x40, 'P'), (0x800, 'N'), (0x400, 'I'), (0x2, 'D'), (0x1, 'S')]


def task_state(task):
    s = int(task['__state'])
    if s == 0:
        return 'R'
    if s & 0x402 == 0x402:            # TASK_IDLE: uninterruptible, not counted as load
        return 'I'
    return next((c for bit, c in STATES if s & bit), '?')


class LxPs(KernelCommand):
    """List the kernel's tasks: those on task_list, then each CPU's idle task.
Columns: the task_struct's address, pid, CPU, state (R running or runnable, S sleeping,
D uninterruptible, I idle wait, P parked, X dead, N new), a * on a task some CPU runs, name."""

    def __init__(self):
        self.name = 'lx-ps'
        super().__init__('lx-ps', gdb.COMMAND_DATA)

    def run(self, arg):
        head = lookup('task_list', 'lx-ps')
        ncpus = int(lookup('nr_cpu_ids', 'lx-ps'))
        possible = list(bits_set(lookup('__cpu_possible_mask', 'lx-ps')['bits'], ncpus))
        running = {int(per_cpu(lookup('current_task', 'lx-ps'), c)) for c in possible}
        tasks = list(list_entries(head, 'struct task_struct', 'tasks'))
        for c in possible:
            idle = per_cpu(lookup('runqueues', 'lx-ps'), c)['idle']
            if int(idle):
                tasks.append(idle)
        gdb.write(f'{"TASK":>18} {"PID":>5} {"CPU":>3} ST   COMM\n')
        for t in tasks:
            mark = '*' if int(t) in running else ' '
            gdb.write(f'{int(t):#018x} {int(t["pid"]):5d} {int(t["cpu"]):3d} '
                      f'{task_state(t)}{mark}   {t["comm"].string()}\n')


# ---- the buddy allocator's free lists -------------------------------------------------

class LxBuddyinfo(KernelCommand):
    """Print the number of free blocks of each order in every populated zone, in the format
of /proc/buddyinfo (Linux 6.12's frag_show_print): read from zone->free_area[order].nr_free
of every online node's pg_data_t."""

    def __init__(self):
        self.name = 'lx-buddyinfo'
        super().__init__('lx-buddyinfo', gdb.COMMAND_DATA)

    def run(self, arg):
        node_data = lookup('node_data', 'lx-buddyinfo')
        nnodes = node_data.type.range()[1] + 1
        online = lookup('node_states', 'lx-buddyinfo')[int(lookup('N_ONLINE', 'lx-buddyinfo'))]
        lines = 0
        for nid in bits_set(online['bits'], nnodes):
            pgdat = node_data[nid]
            if int(pgdat) == 0:
                raise KernelError(f'lx-buddyinfo: node {nid} is online but has no pg_data_t '
                                  'yet (stopped before the nodes were set up?)')
            zones = pgdat['node_zones']
            for z in range(zones.type.range()[1] + 1):
                zone = zones[z]
                if int(zone['present_pages']) == 0:
                    continue
                area = zone['free_area']
                counts = ''.join(f'{int(area[o]["nr_free"]):6d} '
                                 for o in range(area.type.range()[1] + 1))
                gdb.write(f'Node {int(pgdat["node_id"])}, zone {zone["name"].string():>8} '
                          f'{counts}\n')
                lines += 1
        if not lines:
            raise KernelError('lx-buddyinfo: no populated zone yet (the zones are sized in '
                              'setup_arch, and filled when mm_core_init frees memblock\'s pages)')


LxPerCpuCommand()
LxPerCpuFunction()
LxCurrentFunction()
LxDmesg()
LxPs()
LxBuddyinfo()
