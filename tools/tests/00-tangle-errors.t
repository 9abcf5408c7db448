#!/usr/bin/env bash
# The tangle step fails loudly: a syntax error in a chapter is reported by the compiler at
# the chapter's .nw line; an unused (or misspelt) chunk fails tangling and names the chunk;
# an undefined chunk reference fails too, and so does a chunk that refers to itself.
# tools/tangle expands every file from one parse (tools/lib/nwtangle.py); the last check
# compares what it wrote with noweb's own notangle, file by file.  Runs on a scratch copy
# of the chapters.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "1..6"
n=0
check() { n=$((n+1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; sed 's/^/# /' "$tmp/out" | tail -15; fi; }

copy() { rm -rf "$tmp/w"; mkdir -p "$tmp/w"; cp -r "$top/chapters" "$top/Makefile" "$top/tools" "$top/mk" "$tmp/w/"; }

# 1. A syntax error: the compiler cites chapters/01-booting.nw and the right line.
copy
line=$(grep -n '^void __init serial8250_early_init(void)$' "$tmp/w/chapters/01-booting.nw" | cut -d: -f1)
sed -i "$((line + 2))s/\$/ this is not C/" "$tmp/w/chapters/01-booting.nw"
( cd "$tmp/w" && TANGLE_DIR=tangle tools/tangle >/dev/null && make -s -C tangle O="$tmp/w/build" "$tmp/w/build/obj/drivers/tty/serial/8250_early.o" ) >"$tmp/out" 2>&1
grep -q "chapters/01-booting.nw:$((line + 2)):.*error" "$tmp/out"; check $? "a syntax error is reported at chapters/01-booting.nw:$((line + 2))"

# 2. The build stops on it (non-zero status).
( cd "$tmp/w" && make -s -C tangle O="$tmp/w/build" "$tmp/w/build/kernel.elf" ) >"$tmp/out" 2>&1
[ $? -ne 0 ]; check $? "the build fails on the syntax error"

# 3. An unused chunk fails tangling, naming the chunk and where it is defined.
copy
printf '\n@ A stray fragment.\n<<A fragment nobody uses>>=\nint unused;\n@\n' >>"$tmp/w/chapters/02-testing.nw"
( cd "$tmp/w" && tools/tangle ) >"$tmp/out" 2>&1
rc=$?
[ $rc -ne 0 ] && grep -q "chunk <<A fragment nobody uses>> is never used.*02-testing.nw" "$tmp/out"; check $? "an unused chunk fails tangling and is named"

# 4. A reference to an undefined chunk fails tangling.
copy
sed -i '0,/^<<Kernel objects>>$/s//<<Kernel objects>>\n<<Kernel objectz>>/' "$tmp/w/chapters/01-booting.nw"
( cd "$tmp/w" && tools/tangle ) >"$tmp/out" 2>&1
rc=$?
[ $rc -ne 0 ] && grep -q "Kernel objectz" "$tmp/out"; check $? "an undefined chunk reference fails tangling"

# 5. A chunk that refers to itself fails tangling and names the cycle.
copy
sed -i '0,/^<<Kernel objects>>=$/s//<<Kernel objects>>=\n<<Kernel objects>>/' "$tmp/w/chapters/01-booting.nw"
( cd "$tmp/w" && tools/tangle ) >"$tmp/out" 2>&1
rc=$?
[ $rc -ne 0 ] && grep -q "chunk <<Kernel objects>> refers to itself" "$tmp/out"; check $? "a chunk that refers to itself fails tangling"

# 6. What tools/tangle writes is what noweb's notangle writes, for every file the chapters
#    make (C, headers and assembly with #line directives; the rest with -t8).
copy
( cd "$tmp/w" && TANGLE_DIR=tangle tools/tangle >/dev/null && noroots chapters/*.nw | sed 's/^<<//; s/>>$//' >"$tmp/roots" ) >"$tmp/out" 2>&1
lib=$(sed -n 's/^LIB=//p' "$(command -v notangle)")   # notangle is markup | nt; parse once
( cd "$tmp/w" && "$lib/markup" -t chapters/*.nw ) >"$tmp/markup" 2>>"$tmp/out"
bad=0; total=0
while IFS= read -r f; do
  total=$((total+1))
  case "$f" in
    *.c|*.h|*.S) opts=(-t '-L#line %L "%F"%N') ;;
    *) opts=(-t8) ;;
  esac
  "$lib/nt" "${opts[@]}" -R"$f" <"$tmp/markup" >"$tmp/nt" 2>>"$tmp/out"
  cmp -s "$tmp/nt" "$tmp/w/tangle/$f" || { bad=$((bad+1)); echo "differs from notangle: $f" >>"$tmp/out"; }
done <"$tmp/roots"
[ "$total" -gt 100 ] && [ "$bad" = 0 ]; check $? "tools/tangle writes what notangle writes, file by file ($total files, $bad differ)"
