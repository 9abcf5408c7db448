#!/bin/sh
# Every KUnit suite on the default machine: 2 CPUs, 512 MiB.
exec "$(dirname "$0")/../ktest" --smp 2 --mem 512M --cmdline "test=all" --timeout 300
