"""Capture what the tangled kernel prints when booted with a given command line.

A transcript is cached under build/transcripts/ by the SHA-256 of the tangled tree
(every file's path and content), tools/qemu-run, and the boot parameters; a changed
kernel or command line boots the kernel again.  Nothing is pasted by hand: on a cache
miss the kernel is built (`make build`) and booted through tools/qemu-run.  A disassembly
(`disassemble()`) is objdump's listing of one function of the built kernel.elf.
"""
import hashlib
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'lib'))
import bootlog   # noqa: E402  the one reader of boot logs


class TranscriptError(Exception):
    pass


_tree_hash = {}


def tree_hash(tangle):
    if tangle in _tree_hash:
        return _tree_hash[tangle]
    if not os.path.isdir(tangle):
        raise TranscriptError(f'no tangled tree {tangle}/: run make tangle first')
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(tangle):
        dirnames.sort()
        for fn in sorted(filenames):
            p = os.path.join(dirpath, fn)
            h.update(os.path.relpath(p, tangle).encode() + b'\0')
            with open(p, 'rb') as f:
                h.update(f.read() + b'\0')
    _tree_hash[tangle] = h.hexdigest()
    return _tree_hash[tangle]


def clean(text):
    """The serial log as a reader sees it (bootlog.clean: no ANSI, CR or control bytes)."""
    return bootlog.clean(text)


def select(text, spec):
    lines = text.split('\n')
    # What GRUB prints before the kernel ("Booting `...'") is not the kernel's output:
    # start at the kernel's first timestamped line when there is one.
    first = next((i for i, l in enumerate(lines) if bootlog.is_stamped(l)), None)
    if first is not None:
        lines = lines[first:]
    if spec.get('from'):
        rx = re.compile(spec['from'])
        idx = next((i for i, l in enumerate(lines) if rx.search(l)), None)
        if idx is None:
            raise TranscriptError(f'no line matches from="{spec["from"]}"')
        lines = lines[idx:]
    if spec.get('to'):
        rx = re.compile(spec['to'])
        idx = next((i for i, l in enumerate(lines) if rx.search(l)), None)
        if idx is None:
            raise TranscriptError(f'no line matches to="{spec["to"]}"')
        lines = lines[:idx + 1]
    if spec.get('match'):
        rx = re.compile(spec['match'])
        lines = [l for l in lines if rx.search(l)]
        if not lines:
            raise TranscriptError(f'no line matches match="{spec["match"]}"')
    while lines and not lines[-1].strip():
        lines.pop()
    return '\n'.join(lines)


def ensure_built(args):
    """`make build` once per weave, before the first boot or disassembly needs the kernel."""
    if not getattr(args, 'built', False):
        p = subprocess.run(['make', '--no-print-directory', '-C', os.path.abspath(args.root), 'build'],
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise TranscriptError('make build failed:\n' + (p.stdout + p.stderr)[-3000:])
        args.built = True


def disassembly_of(objdump_output, symbol):
    """The lines of objdump -d output that belong to SYMBOL: its header and its instructions,
    up to the blank line that ends it."""
    lines = objdump_output.split('\n')
    head = next((i for i, l in enumerate(lines) if l.endswith(f' <{symbol}>:')), None)
    if head is None:
        raise TranscriptError(f'no function {symbol} in the kernel')
    end = next((i for i in range(head, len(lines)) if not lines[i].strip()), len(lines))
    return '\n'.join(l.expandtabs(8) for l in lines[head:end])   # tabs look uneven in HTML


def disassemble(symbol, args):
    """What the compiler made of SYMBOL in the kernel the book builds (objdump, AT&T syntax)."""
    if not re.fullmatch(r'[A-Za-z_][A-Za-z0-9_.]*', symbol):
        raise TranscriptError(f'symbol="{symbol}": not a C identifier')
    ensure_built(args)
    elf = os.path.join(os.path.abspath(args.root), 'build', 'kernel.elf')
    p = subprocess.run(['objdump', '-d', '--no-show-raw-insn', f'--disassemble={symbol}', elf],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise TranscriptError(f'objdump failed on {elf}: {p.stderr.strip()[-500:]}')
    return disassembly_of(p.stdout, symbol)


def capture(spec, args):
    root = os.path.abspath(args.root)
    tangle = os.path.join(root, args.tangle)
    runner = os.path.join(root, 'tools', 'qemu-run')
    status = spec.get('status', 'pass')
    if status not in ('pass', 'panic'):
        raise TranscriptError(f'status="{status}": must be pass or panic')
    params = f'cmdline={spec["cmdline"]}\nsmp={spec["smp"]}\nmem={spec["mem"]}\nnuma={spec["numa"]}\n'
    if status != 'pass':
        params += f'status={status}\n'
    typed = spec.get('input', '')
    if typed:   # typed into the monitor by tools/monitor-session (see its docstring)
        params += f'input={typed}\n'
    gdb_cmds = spec.get('gdb', '')
    if gdb_cmds:    # typed into gdb, attached to the halted machine by tools/debug
        params += f'gdb={gdb_cmds}\n'
    h = hashlib.sha256()
    h.update(tree_hash(tangle).encode())
    for tool in [runner] + ([os.path.join(root, 'tools', 'monitor-session'),
                             os.path.join(root, 'tools', 'lib', 'monitor_session.py')] if typed else []) \
            + ([os.path.join(root, 'tools', 'debug'),
                os.path.join(root, 'tools', 'gdb', 'kernel.py')] if gdb_cmds else []):
        with open(tool, 'rb') as f:
            h.update(f.read())
    h.update(params.encode())
    key = h.hexdigest()[:24]
    cache = os.path.join(root, 'build', 'transcripts')
    os.makedirs(cache, exist_ok=True)
    log = os.path.join(cache, key + '.log')
    if gdb_cmds:
        return gdb_session(spec, args, root, log, params)
    if not os.path.exists(log):
        ensure_built(args)
        fd, tmp = tempfile.mkstemp(dir=cache, suffix='.tmp')
        os.close(fd)
        cmd = [runner, '--quiet', '--log', tmp, '--cmdline', spec['cmdline'],
               '--smp', spec['smp'], '--mem', spec['mem'], '--timeout', spec['timeout']]
        if spec['numa']:
            cmd += ['--numa', spec['numa']]
        if typed:
            if spec['numa'] or status != 'pass':
                raise TranscriptError('a transcript with input= takes no numa= or status=')
            cmd = [os.path.join(root, 'tools', 'monitor-session'), '--log', tmp,
                   '--cmdline', spec['cmdline'], '--smp', spec['smp'], '--mem', spec['mem'],
                   '--timeout', spec['timeout'], typed]
        print(f'weave: booting for a transcript: cmdline="{spec["cmdline"]}" '
              f'(SMP={spec["smp"]} MEM={spec["mem"]})', flush=True)
        p = subprocess.run(cmd, capture_output=True, text=True, errors='replace')  # a crashing CPU may cut a UTF-8 sequence
        if bootlog.STATUS.get(p.returncode) != status:
            with open(tmp, errors='replace') as f:
                tail = f.read()[-2000:]
            os.remove(tmp)
            raise TranscriptError(f'the boot with cmdline="{spec["cmdline"]}" did not end as '
                                  f'expected ({status}): it {bootlog.parse("", p.returncode).ended_text()} '
                                  f'(tools/qemu-run exit {p.returncode}):\n{p.stderr[-1000:]}\n{tail}')
        with open(tmp, 'a') as f:
            f.write('')
        os.replace(tmp, log)
        with open(log + '.params', 'w') as f:
            f.write(params)
    return select(bootlog.read(log).text_stamped, spec)


GDB_ERROR = 'weave-gdb-error: '


def gdb_session(spec, args, root, log, params):
    """A gdb session with the halted kernel, `make debug`'s path (tools/debug) in gdb's batch
    mode: each command of gdb="a;b;c" is shown as `(gdb) a` followed by what gdb answered.
    A command that fails fails the build, naming it; the machine is stopped when gdb is done."""
    if spec['input'] or spec['numa'] or spec.get('status', 'pass') != 'pass':
        raise TranscriptError('a transcript with gdb= takes no input=, numa= or status=')
    if spec['from'] or spec['to'] or spec['match']:
        raise TranscriptError('a transcript with gdb= shows every command: no from=, to= or match=')
    cmds = [c.strip() for c in spec['gdb'].split(';') if c.strip()]
    if not os.path.exists(log):
        ensure_built(args)
        cache = os.path.dirname(log)
        fd, script = tempfile.mkstemp(dir=cache, suffix='.gdb')
        with os.fdopen(fd, 'w') as f:
            for c in cmds:
                f.write(f'echo (gdb) {c}\\n\n'
                        f'python\ntry:\n    gdb.execute({c!r})\nexcept gdb.error as e:\n'
                        f'    print({GDB_ERROR!r} + str(e))\nend\n')
        serial = script[:-4] + '.serial'
        cmd = [os.path.join(root, 'tools', 'debug'), '--batch', script, '--log', serial,
               '--cmdline', spec['cmdline'], '--smp', spec['smp'], '--mem', spec['mem'],
               '--timeout', spec['timeout']]
        print(f'weave: booting under gdb for a transcript: cmdline="{spec["cmdline"]}" '
              f'(SMP={spec["smp"]} MEM={spec["mem"]})', flush=True)
        p = subprocess.run(cmd, capture_output=True, text=True, errors='replace', cwd='/')
        os.remove(script)
        if os.path.exists(serial):
            os.remove(serial)
        out = p.stdout.split('\n')
        first = next((i for i, l in enumerate(out) if l.startswith('(gdb) ')), None)
        bad = [l[len(GDB_ERROR):] for l in out if l.startswith(GDB_ERROR)]
        shown = [l[6:] for l in out if l.startswith('(gdb) ')]
        if p.returncode or first is None or bad or shown != cmds:
            raise TranscriptError(f'the gdb session did not run every command ({", ".join(cmds)}):'
                                  + (f' gdb said "{bad[0]}"' if bad else '')
                                  + f' (tools/debug exit {p.returncode}):\n{p.stderr[-1500:]}\n'
                                  + '\n'.join(out[-30:]))
        # gdb's goodbye when the batch ends is not part of the session
        while out and (not out[-1].strip() or re.match(r'^\[Inferior \d+ .*(detached|killed)\]$', out[-1])):
            out.pop()
        text = '\n'.join(out[first:])
        fd, tmp = tempfile.mkstemp(dir=cache, suffix='.tmp')
        with os.fdopen(fd, 'w') as f:
            f.write(text + '\n')
        os.replace(tmp, log)
        with open(log + '.params', 'w') as f:
            f.write(params)
    with open(log, errors='replace') as f:
        return f.read().rstrip('\n')
