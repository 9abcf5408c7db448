#!/usr/bin/env python3
# Chapter 35: a kernel thread's stack is a vmalloc area with an unmapped page below it.
# crash=EXHAUST_STACK recurses past the bottom; the push that crosses it faults, the fault
# cannot be delivered on the same stack, and the double fault, on its IST stack, must be
# recognised as a stack overflow and reported as Linux 6.12 does, line by line; never a
# plain double fault, a triple fault, or silence.
#
# Then, from the numbers in the report (checked here, not by the kernel):
#   - the stack is THREAD_SIZE (16 KiB) long, THREAD_SIZE-aligned, inside the vmalloc region;
#   - the fault address lies in the page just below the stack's start;
#   - it is where the CPU pushed the first word of the exception frame: the saved RSP
#     rounded down to 16 bytes, minus 8 (in 64-bit mode the CPU aligns RSP to 16 before
#     pushing SS), and CR2 says the same.
# Output is TAP: ktest's results, then one result per derived check.
import glob, os, re, subprocess, sys

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
name = os.environ.setdefault('KTEST_NAME', 'vmap stack')
H = '[0-9a-f]{16}'
tap = subprocess.run([os.path.join(top, 'tools/ktest'), '--smp', '2', '--mem', '512M', '--no-ktap',
                      '--status', 'panic', '--timeout', '90', '--cmdline', 'crash=EXHAUST_STACK',
                      '--expect', r'^lkdtm: Performing direct entry EXHAUST_STACK$',
                      '--expect', r'^lkdtm: Calling function with 2048 frame size to depth 16 \.\.\.\n'
                                  rf'BUG: TASK stack guard page was hit at {H} \(stack is {H}\.\.{H}\)\n'
                                  r'Oops: stack guard page: 0000 \[#1\] SMP$',
                      '--expect', r'^CPU: \d+ PID: \d+ Comm: lkdtm_stack ',
                      '--expect', r'^RIP: 0010:(recursive_loop|memset)\+0x',
                      '--expect', r'^Call Trace:\n <TASK>\n',
                      '--expect', r'^ recursive_loop\+0x[0-9a-f]+/0x[0-9a-f]+  <<lkdtm: exhausting the stack>>',
                      '--expect', r'^Kernel panic - not syncing: Fatal exception',
                      '--reject', r'PANIC: double fault|FAIL: survived|corrupted stack end|[Tt]riple fault',
                      ], stdout=subprocess.PIPE, text=True, errors='replace').stdout.splitlines()
n = 0
for line in tap:
    if re.match(r'^1\.\.\d+$', line):
        continue
    m = re.match(r'^(ok|not ok) \d+(.*)$', line)
    if m:
        n += 1
        line = f'{m.group(1)} {n}{m.group(2)}'
    print(line)


def result(ok, desc, *diag):
    global n
    n += 1
    print(f"{'ok' if ok else 'not ok'} {n} - {desc}")
    for d in diag:
        print(f'# {d}')


logname = re.sub(r'[^A-Za-z0-9=._-]+', '_', name)
logs = sorted(glob.glob(f'{top}/build/logs/ktest-{logname}_*.log'), key=os.path.getmtime)
text = open(logs[-1], errors='replace').read() if logs else ''
text = re.sub(r'(?m)^\[\s*\d+\.\d+\] ', '', text)
bug = re.search(rf'^BUG: TASK stack guard page was hit at ({H}) \(stack is ({H})\.\.({H})\)$', text, re.M)
rsp = re.search(rf'^RSP: 0018:({H}) ', text, re.M)
cr2 = re.search(rf'^CR2: ({H}) ', text, re.M)
if not (bug and rsp and cr2):
    result(False, 'the report has the guard-page line, RSP and CR2')
else:
    fault, begin, end = (int(x, 16) for x in bug.groups())
    sp, c2 = int(rsp.group(1), 16), int(cr2.group(1), 16)
    result(end - begin == 0x4000 and begin % 0x4000 == 0 and
           0xffffc90000000000 <= begin < 0xffffe90000000000,
           'the stack is 16 KiB, 16 KiB-aligned, in the vmalloc region',
           f'stack {begin:#x}..{end:#x}')
    result(begin - 0x1000 <= fault < begin, 'the fault is in the page just below the stack',
           f'fault {fault:#x}, stack starts at {begin:#x}')
    result(fault == (sp & ~0xf) - 8 and c2 == fault,
           'the fault is the first push of the exception frame: (RSP & ~15) - 8, as CR2 says',
           f'fault {fault:#x}, RSP {sp:#x}, CR2 {c2:#x}')
print(f'1..{n}')
