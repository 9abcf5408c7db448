#!/usr/bin/env python3
"""tools/host/numa/seeds.py: writes the numa fuzzer's seed corpus (tools/host/corpus/numa/).

An input is: a flags byte (bit 0: a SLIT follows; bit 1: SRAT revision 1), the SRAT
body's length (2 bytes, little-endian), the SRAT's entries, then the SLIT's body (a
64-bit count and the matrix).  The seeds are the machines the boot tests use.
    python3 tools/host/numa/seeds.py tools/host/corpus/numa"""
import os
import struct
import sys

MiB, GiB = 1 << 20, 1 << 30


def mem(pxm, base, length, flags=1):
    return struct.pack('<BBIHQQIIQ', 1, 40, pxm, 0, base, length, 0, flags, 0)


def cpu(apic, pxm):
    return struct.pack('<BBBBIB3sI', 0, 16, pxm & 0xff, apic, 1, 0,
                       bytes([pxm >> 8 & 0xff, pxm >> 16 & 0xff, pxm >> 24 & 0xff]), 0)


def x2apic(apic, pxm):
    return struct.pack('<BBHIIIII', 2, 24, 0, pxm, apic, 1, 0, 0)


def slit(matrix):
    n = len(matrix)
    return struct.pack('<Q', n) + bytes(v for row in matrix for v in row)


def seed(srat, slit_body=None, rev1=False):
    flags = (1 if slit_body is not None else 0) | (2 if rev1 else 0)
    return bytes([flags]) + struct.pack('<H', len(srat)) + srat + (slit_body or b'')


def main(out):
    os.makedirs(out, exist_ok=True)
    numa2 = cpu(0, 0) + cpu(1, 1) + mem(0, 0, 0xa0000) + mem(0, MiB, 255 * MiB) + mem(1, 256 * MiB, 256 * MiB)
    four = b''.join(cpu(i, i) for i in range(4)) + mem(0, 0, 0xa0000) + mem(0, MiB, 127 * MiB) + \
        b''.join(mem(i, i * 128 * MiB, 128 * MiB) for i in range(1, 4))
    seeds = {
        'numa2': seed(numa2),
        'numa2-slit': seed(numa2, slit([[10, 21], [21, 10]])),
        'four-nodes-slit': seed(four, slit([[10 if i == j else 20 + abs(i - j) for j in range(4)] for i in range(4)])),
        'memoryless': seed(cpu(0, 0) + cpu(1, 1) + mem(0, 0, 512 * MiB)),
        'x2apic-hotplug': seed(x2apic(0, 0) + x2apic(300, 1) + mem(0, 0, 256 * MiB) + mem(1, 256 * MiB, 256 * MiB, 3)),
        'rev1': seed(mem(0x100, 0, 256 * MiB) + mem(0x101, 256 * MiB, 256 * MiB), rev1=True),
        'overlap': seed(numa2 + mem(1, 200 * MiB, 100 * MiB)),
        'truncated': seed(numa2 + mem(1, 300 * MiB, MiB)[:24].replace(b'\x01\x28', b'\x01\x18', 1)),
        'slit-invalid': seed(numa2, slit([[10, 10], [10, 10]])),
        'cpu-zero-length-last': seed(numa2 + bytes([0, 0])),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'corpus', 'numa'))
