"""Drive the kernel's monitor as a person does: boot through `tools/qemu-run --interactive`
(what `make run` runs) with the serial console on a pseudo-terminal, wait for the prompt,
type keys one at a time with a pause between them, and read the screen back.

Used by tools/monitor-session (the command line, and the weave's transcripts of the monitor)
and by tools/tests/monitor-check (the monitor's tests).  Python's standard library only.

    s = Session(smp=1, mem='128M', cmdline='', timeout=300, log='build/logs/x.log')
    s.wait_prompt()                     # the first prompt, after the boot
    out = s.command('cat /proc/buddyinfo')   # what the command printed, prompt excluded
    s.keys('\\x1b[A'); out = s.command('')    # Up, then Enter
    status = s.finish('poweroff')       # tools/qemu-run's exit status (0: powered off, success)

Keys never include Ctrl-A (byte 1): QEMU takes it as its own escape key, so a person cannot
send it to the kernel either (they would type Ctrl-A Ctrl-A).
"""
import os
import pty
import random
import re
import select
import signal
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROMPT = b'monitor> '


class SessionError(Exception):
    pass


class Session:
    def __init__(self, smp=2, mem='512M', cmdline='', timeout=300, log=None, delay=0.03, seed=1):
        self.log = log or os.path.join(TOP, 'build', 'logs', 'monitor-session.log')
        os.makedirs(os.path.dirname(self.log), exist_ok=True)
        self.delay = delay
        self.rng = random.Random(seed)
        self.screen = b''
        self.status = None
        argv = [os.path.join(TOP, 'tools', 'qemu-run'), '--interactive', '--smp', str(smp),
                '--mem', mem, '--cmdline', cmdline, '--timeout', str(timeout), '--log', self.log]
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(argv[0], argv)

    # -- reading -----------------------------------------------------------------------------
    def _pump(self, wait):
        """Read what the terminal shows within `wait` seconds; False once QEMU has gone."""
        r, _, _ = select.select([self.fd], [], [], wait)
        if not r:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:                 # EIO: the other side of the pty is closed
            data = b''
        if not data:
            self._reap()
            return False
        self.screen += data
        return True

    def _reap(self):
        if self.status is None:
            _, st = os.waitpid(self.pid, 0)
            self.status = os.waitstatus_to_exitcode(st)

    def expect(self, pattern, start, timeout):
        """Wait until `pattern` (bytes regex) matches the screen after offset `start`."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            m = rx.search(self.screen, start)
            if m:
                return m
            left = deadline - time.monotonic()
            if left <= 0 or not self._pump(min(left, 0.5)):
                m = rx.search(self.screen, start)
                if m:
                    return m
                tail = self.screen[-1500:].decode('utf-8', 'replace')
                why = 'QEMU exited' if self.status is not None else f'nothing within {timeout} s'
                raise SessionError(f'waiting for {pattern!r}: {why}; the screen ends with:\n{tail}')

    def wait_prompt(self, timeout=240):
        """Wait for the first prompt, after the boot."""
        self.expect(re.escape(PROMPT), 0, timeout)

    # -- typing ------------------------------------------------------------------------------
    def keys(self, text, delay=None):
        """Type `text` one byte at a time, a human-ish pause (delay, +-50%) after each."""
        data = text.encode('latin-1') if isinstance(text, str) else text
        if b'\x01' in data:
            raise SessionError('Ctrl-A is QEMU\'s escape key: it never reaches the kernel')
        d = self.delay if delay is None else delay
        for b in data:
            os.write(self.fd, bytes([b]))
            self._pump(d * (0.5 + self.rng.random()))

    def command(self, line, timeout=60):
        """Type `line` and Enter; return what was shown up to the next prompt, as text, without
        the echo of the line itself."""
        start = len(self.screen)
        self.keys(line + '\r')
        m = self.expect(re.escape(PROMPT), start, timeout)
        out = self.screen[start:m.start()].decode('utf-8', 'replace').replace('\r', '')
        return out

    def sync(self, timeout=120):
        """After keys whose answers are not counted (Ctrl-C, random bytes), type an unknown
        word with a fresh number and wait for its error: everything typed before it has then
        been answered, so the next command() sees only its own output."""
        self.syncs = getattr(self, 'syncs', 0) + 1
        word = f'sync{self.syncs}'
        start = len(self.screen)
        self.keys(word + '\r')
        self.expect(re.escape(f'{word}: command not found'.encode()) + rb'.*\n' + re.escape(PROMPT),
                    start, timeout)

    def finish(self, line='poweroff', timeout=120):
        """Type the last command (it must end QEMU) and return tools/qemu-run's exit status."""
        self.keys(line + '\r')
        deadline = time.monotonic() + timeout
        while self.status is None and time.monotonic() < deadline:
            self._pump(0.5)
        if self.status is None:
            self.kill()
            raise SessionError(f"'{line}' did not end QEMU within {timeout} s")
        return self.status

    def kill(self):
        if self.status is None:
            try:
                os.killpg(os.getpgid(self.pid), signal.SIGTERM)
            except OSError:
                pass
            self._reap()

    def text(self):
        return self.screen.decode('utf-8', 'replace').replace('\r', '')
