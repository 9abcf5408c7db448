#!/usr/bin/perl
# Chapter 32 with damaged SRATs, given to QEMU with -acpitable (a machine without -numa has no
# SRAT of its own): two nodes that overlap, a subtable of length 0, a proximity domain that
# maps to no node (5000, in a revision-2 SRAT: revision 1 keeps only its low byte; Linux
# tracks max(256, MAX_NUMNODES) domains, 1024 in Debian's build).  Each must be reported in Linux's words, the SRAT dropped, and the kernel
# must fall back to one fake node and pass the mm_init suite.  (QEMU recomputes the checksum
# of a table it is given, so a bad checksum cannot be injected this way; chapter 10's
# acpi_check_table() rejects those.)
use strict;
use warnings;
use File::Basename qw(dirname);
use Cwd qw(abs_path);
my $top = dirname(dirname(dirname(abs_path(__FILE__))));
system('mkdir', '-p', "$top/build/tests");
sub cpu { my ($pxm, $apic) = @_; pack('C C C C V C a3 V', 0, 16, $pxm, $apic, 1, 0, "\0\0\0", 0) }
sub mem { my ($pxm, $base, $len, $l) = @_; pack('C C V v Q< Q< V V Q<', 1, $l // 40, $pxm, 0, $base, $len, 0, 1, 0) }
my $head = pack('V Q<', 1, 0);           # table_revision = 1, reserved
my %case = (
  overlap => [$head . cpu(0, 0) . cpu(1, 1) . mem(0, 0, 0x10000000) . mem(1, 0x8000000, 0x18000000),
              'node 0 \[mem 0x00001000-0x0fffffff\] overlaps with node 1 \[mem 0x08000000-0x1ffdffff\]'],
  zerolen => [$head . cpu(0, 0) . mem(0, 0, 0x20000000, 0),
              '^\[SRAT:0x00\] Invalid zero length$', '^ACPI: SRAT: Unexpected header length: 0$',
              '^\[SRAT:0x01\] Invalid zero length$'],
  badpxm  => [$head . cpu(0, 0) . mem(0, 0, 0x10000000) . mem(5000, 0x10000000, 0x10000000),
              '^ACPI: SRAT: Too many proximity domains\.$'],
);
my $n = 0;
for my $name (sort keys %case) {
    my ($body, @msg) = @{$case{$name}};
    my $file = "$top/build/tests/srat-$name.bin";
    open(my $f, '>:raw', $file) or die; print $f $body; close $f;
    local $ENV{KTEST_NAME} = "bad SRAT $name";
    my @extra = ((map { ('--expect', $_) } @msg), '--expect', '^No NUMA configuration found$',
                 '--expect', '^Faking a node at \[mem 0x0000000000000000-0x000000001ffdffff\]$');
    push @extra, '--expect', '^ACPI: SRAT: SRAT not used\.$' if $name eq 'badpxm';
    open(my $k, '-|', "$top/tools/ktest", '--smp', '2', '--mem', '512M', '--timeout', '120',
         '--cmdline', 'test=mm_init', @extra, '--', '-acpitable', "sig=SRAT,rev=" . ($name eq 'badpxm' ? 2 : 1) . ",data=$file") or die;
    for (<$k>) { next if /^1\.\.\d+$/; s/^(ok|not ok) \d+( - )?/"$1 " . ++$n . " - $name: "/e; print; }
    close $k;
}
print "1..$n\n";
