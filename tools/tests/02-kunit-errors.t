#!/bin/sh
# The runner itself: an unknown suite name is a failure, not a silent pass; a bad early
# parameter value and an unknown parameter are reported.
exec "$(dirname "$0")/../ktest" --cmdline "test=vsprintf,nosuchsuite loglevel=x bogus=1" \
  --status fail --timeout 60 \
  --expect '^ok 1 vsprintf$' \
  --expect '^not ok 2 nosuchsuite # no such test suite$' \
  --expect "^Malformed early option 'loglevel'" \
  --expect '^Unknown kernel command line parameters "bogus=1", will be passed to user space\.'
