#!/bin/sh
# The monitor, used as a person uses it: booted without poweroff, typed into through a
# pseudo-terminal key by key (views, alloc/free, history, completion, bad input, Ctrl-C, a
# bounded fuzz of random keys), ended with the command poweroff.
exec "$(dirname "$0")/monitor-check" full --smp 2 --mem 256M
