"""Tests of tools/lib/bootlog.py on recorded serial logs (logs/).

pass.log, fail.log, oops.log, hang.log and triple.log are real logs of this kernel, booted
through tools/qemu-run; for the last four the kernel was changed on purpose, in a scratch
tangle, to fail a KUnit expectation (multiboot2's first case: 2 + 2 == 5), to write to an
unmapped address in vsprintf's sixth case, to spin forever in printk's case, and to load
an empty IDT and trap in cmdline's second case.  Their qemu-run exit statuses are in
STATUS below.  nested.log is written by hand in the KTAP format of Linux 6.12's KUnit for a
parameterized case (a subtest inside a suite), which this kernel does not print yet;
garbage.log is fail.log with bytes a serial line and QEMU can add (NULs, 0xff, cut ANSI
sequences, a terminal reset, bytes that are not UTF-8).

    python3 -m unittest discover -s tools/lib/tests      (make test-tools)
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import bootlog   # noqa: E402

STATUS = {'pass': 0, 'fail': 1, 'oops': 2, 'hang': 124, 'triple': 3, 'nested': 1, 'garbage': 1}


def log(name, status='recorded'):
    return bootlog.read(os.path.join(HERE, 'logs', name + '.log'),
                        STATUS[name] if status == 'recorded' else status)


def raw(name):
    with open(os.path.join(HERE, 'logs', name + '.log'), 'rb') as f:
        return f.read()


class Pass(unittest.TestCase):
    def test_everything_passes(self):
        b = log('pass')
        self.assertEqual((b.ended, b.verdict), ('pass', 'pass'))
        k = b.ktap
        self.assertEqual(k.plan, 17)
        self.assertEqual(len(k.suites), 17)
        self.assertTrue(k.complete and k.all_ok)
        self.assertEqual(k.problems, [])
        self.assertEqual(b.where(), 'after the last test result')

    def test_cases_and_skips(self):
        k = log('pass').ktap
        cases = k.root.cases()
        self.assertEqual(sum(1 for c in cases if c.ok and not c.skip), 100)
        self.assertEqual(sum(1 for c in cases if c.skip), 2)     # "# Totals: ... skip:2"
        self.assertTrue(k.find('vsprintf.vsprintf_test_truncation').ok)
        self.assertIsNone(k.find('vsprintf.no_such_case'))

    def test_timestamps_ansi_and_grub_cleaned(self):
        b = log('pass')
        self.assertIn('Book kernel version 0.1 (gcc 12.2.0) #1 SMP', b.lines)
        self.assertTrue(b.console[2].startswith('[    0.000000] Book kernel'))
        self.assertNotIn('\x1b', b.text)
        self.assertNotIn('\r', b.text)

    def test_the_log_alone_tells_pass(self):
        self.assertEqual(log('pass', None).ended, 'pass')
        self.assertEqual(log('fail', None).ended, 'fail')


class Failure(unittest.TestCase):
    def test_failed_case_with_diagnostics(self):
        b = log('fail')
        self.assertEqual((b.ended, b.verdict), ('fail', 'fail'))
        s = b.ktap.find('multiboot2')
        self.assertIs(s.ok, False)
        [t] = s.failures()
        self.assertEqual(t.path, 'multiboot2.mb2_test_good')
        self.assertEqual(t.diag, ['# mb2_test_good: EXPECTATION FAILED at chapters/02-testing.nw:840',
                                  'Expected 2 + 2 == 5, but', '2 + 2 == 4 (0x4)', '5 == 5 (0x5)'])
        # the next case's diagnostics do not leak into it, nor the totals line
        self.assertEqual(b.ktap.find('multiboot2.mb2_test_bad_sizes').diag, [])
        self.assertTrue(b.ktap.complete)
        self.assertEqual(b.ktap.problems, [])

    def test_nested_suite_failure(self):
        b = log('nested')
        self.assertEqual((b.ended, b.verdict), ('fail', 'fail'))
        k = b.ktap
        self.assertEqual([s.name for s in k.suites], ['outer', 'after'])
        p = k.find('outer.outer_params')
        self.assertEqual([c.name for c in p.children], ['size 8', 'size 16', 'size 32'])
        self.assertTrue(p.children[2].skip)
        self.assertEqual([t.path for t in k.root.failures()], ['outer.outer_params.size 16'])
        self.assertEqual(k.find('outer.outer_params.size 16').diag[1], 'Expected got == want, but')
        self.assertTrue(k.find('after').ok)
        self.assertEqual(k.problems, [])

    def test_parent_ok_over_failed_child_is_a_problem(self):
        text = raw('nested').decode().replace('] not ok 1 outer', '] ok 1 outer')
        b = bootlog.parse(text, 0)
        self.assertIn('outer: "ok", but a test inside it is "not ok"', b.ktap.problems)
        self.assertEqual(b.verdict, 'fail')         # poweroff said pass; the KTAP says no

    def test_truncated_plan_with_a_clean_poweroff_fails(self):
        # the kernel announced 17 suites, printed 16 and powered off reporting success
        text = raw('pass').decode()
        a = text.index('    KTAP version 1\r\n', text.index('] ok 16 '))
        b_ = text.index('# Totals')
        text = text[:a] + text[text.rfind('\n', 0, b_) + 1:]
        b = bootlog.parse(text, 0)
        self.assertEqual(b.ended, 'pass')
        self.assertEqual(b.verdict, 'fail')
        self.assertFalse(b.ktap.complete)
        self.assertIn('the run: plan 1..17, but 16 result(s)', b.ktap.problems)

    def test_garbage_bytes(self):
        b = log('garbage')
        c = log('fail')
        self.assertEqual((b.ended, b.verdict), ('fail', 'fail'))
        self.assertEqual([(t.path, t.ok) for t in b.ktap.root.walk()],
                         [(t.path, t.ok) for t in c.ktap.root.walk()])
        self.assertEqual(b.ktap.problems, [])
        self.assertNotIn('\x00', b.text)
        self.assertIn('\ufffd', b.text)              # undecodable bytes are shown, not dropped


class Crash(unittest.TestCase):
    def test_oops_in_the_middle_of_a_subtest(self):
        b = log('oops')
        self.assertEqual((b.ended, b.verdict), ('panic', 'panic'))
        self.assertEqual(b.ended_text(), 'panicked')
        self.assertEqual(b.where(), 'while suite vsprintf was running, after case '
                                    'vsprintf_test_strings_chars_pointers')
        o = b.oops()
        self.assertEqual(o[0], 'BUG: unable to handle page fault for address: ffff800000000000')
        self.assertEqual(o[-2], 'Kernel panic - not syncing: Fatal exception')
        self.assertTrue(any(l.startswith('RIP: 0010:vsprintf_test_truncation+') for l in o))
        # the oops is the kernel's output, not a diagnostic of a test
        self.assertEqual(b.ktap.find('vsprintf'), None)
        [open_suite] = b.ktap.open
        self.assertEqual(open_suite.name, 'vsprintf')
        self.assertTrue(any('BUG: unable to handle page fault' in l for l in open_suite.output))
        self.assertIn('subtest vsprintf was cut off: no result line', b.ktap.problems)
        self.assertEqual(log('oops', None).ended, 'panic')      # the log alone says so too

    def test_triple_fault(self):
        b = log('triple')
        self.assertEqual((b.ended, b.verdict), ('reset', 'reset'))
        self.assertIn('triple', b.ended_text())
        self.assertEqual(b.where(), 'while suite cmdline was running, after case params_test_next_arg')
        self.assertFalse(b.panicked)
        self.assertEqual(b.oops()[-1], '    ok 1 params_test_next_arg')   # no panic: the last lines
        self.assertEqual(log('triple', None).ended, 'unknown')    # the log alone cannot tell

    def test_hang_truncates_the_plan(self):
        b = log('hang')
        self.assertEqual((b.ended, b.verdict), ('timeout', 'timeout'))
        self.assertEqual(b.ended_text(15), 'hung: no poweroff within 15s')
        self.assertEqual(b.ktap.plan, 3)
        self.assertEqual([s.name for s in b.ktap.suites], [])
        self.assertFalse(b.ktap.complete)
        self.assertEqual(b.where(), 'while suite printk was running, in its first case')

    def test_statuses(self):
        self.assertEqual(bootlog.parse('', 4).ended, 'error')
        self.assertEqual(bootlog.parse('', 99).ended_text(), 'ended with qemu-run status 99')
        self.assertEqual(bootlog.parse('', None).ended, 'unknown')
        self.assertEqual(bootlog.parse('', 0).where(), 'before the tests started')


if __name__ == '__main__':
    unittest.main()
