#!/bin/sh
# The monitor's fallback: with noapic no I/O APIC is probed, the log says the monitor polls
# the serial port, and it still answers and recalls history.
exec "$(dirname "$0")/monitor-check" noapic --smp 1 --mem 128M
