#!/usr/bin/env python3
# Chapter 32: deferred struct page initialisation, on 4 GiB with 2 CPUs, booted twice.
#   1. deferred_struct_page_init=maybe: refused with a clear message, the default (on) stays;
#      pgdatinit0 prints Linux's line and the mm_init suite (mm_init_test_deferred: where
#      memmap_init() stopped, who initialised what) passes.
#   2. deferred_struct_page_init=off: nothing deferred, no pgdatinit line, the suite passes.
# Then, from the two logs: every zone handed the same number of pages to the buddy allocator
# both ways, and the Memory: lines give the same total and reserved figures.
# Output is TAP: each ktest's results, then the comparisons.
import glob, os, re, subprocess

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
n = 0


def boot(name, cmdline, expect, reject):
    global n
    args = [os.path.join(top, 'tools/ktest'), '--smp', '2', '--mem', '4G', '--timeout', '240',
            '--cmdline', cmdline]
    for e in expect:
        args += ['--expect', e]
    for r in reject:
        args += ['--reject', r]
    env = dict(os.environ, KTEST_NAME=name)
    out = subprocess.run(args, stdout=subprocess.PIPE, text=True, errors='replace', env=env).stdout
    for line in out.splitlines():
        if re.match(r'^1\.\.\d+$', line):
            continue
        m = re.match(r'^(ok|not ok) \d+(.*)$', line)
        if m:
            n += 1
            line = f'{m.group(1)} {n}{m.group(2)}'
        print(line)
    logname = re.sub(r'[^A-Za-z0-9=._-]+', '_', name)
    logs = sorted(glob.glob(f'{top}/build/logs/ktest-{logname}_*.log'), key=os.path.getmtime)
    text = open(logs[-1], errors='replace').read() if logs else ''
    return re.sub(r'(?m)^\[\s*\d+\.\d+\] ', '', text)


def result(ok, desc, *diag):
    global n
    n += 1
    print(f"{'ok' if ok else 'not ok'} {n} - {desc}")
    for d in diag:
        print(f'# {d}')


on = boot('zones deferred on', 'deferred_struct_page_init=maybe test=mm_init',
          [r"^deferred_struct_page_init: 'maybe' is neither on nor off; deferring, the default$",
           r'^node 0 deferred pages initialised in \d+ms$',
           r'mm_init_test_deferred: node 0: memmap_init\(\) stopped at pfn 0x[0-9a-f]+ after \d+ pages; '
           r'pgdatinit0 and \d thread\(s\) initialised \d+ pages'], [r'^Oops', r'^WARNING'])
off = boot('zones deferred off', 'deferred_struct_page_init=off test=mm_init',
           [r'mm_init_test_deferred: node 0: nothing deferred; memmap_init\(\) initialised all \d+ pages'],
           [r'deferred pages initialised', r'pgdatinit', r'^Oops', r'^WARNING'])


def handed(text):
    return re.findall(r'mm_init_test_deferred: (node \d+ zone \S+ *: \d+) pages handed', text)


def memory(text):
    m = re.search(r'^Memory: \d+K/(\d+)K available .* (\d+)K reserved', text, re.M)
    return m.groups() if m else None


a, b = handed(on), handed(off)
result(len(a) >= 3 and a == b, 'every zone handed the same pages to the buddy allocator, deferred or not',
       f'deferred: {a}', f'not deferred: {b}')
result(memory(on) is not None and memory(on) == memory(off),
       'the Memory: lines agree on the total and the reserved memory', f'{memory(on)} against {memory(off)}')
print(f'1..{n}')
