"""Tiny syntax classifier for the code the book contains: C, GNU assembler (.S),
linker scripts and makefiles.

classify(text, lang) returns one class per character of text:
  ''  plain     'k' keyword     't' type      'c' comment
  's' string    'n' number      'p' preprocessor / directive   'r' register / variable
The weaver uses it for both HTML (<span class=...>) and LaTeX (\\nwhl?{...}), so the two
books colour code the same way.  Pieces of text that are not code (chunk references) are
replaced by a NUL character before classifying.
"""
import re

C_KEYWORDS = set("""auto break case const continue default do else enum extern for goto if
inline register restrict return sizeof static struct switch typedef union volatile while
asm __asm__ __volatile__ volatile _Static_assert static_assert __attribute__ typeof
__typeof__ _Alignof alignof _Noreturn noreturn""".split())
C_TYPES = set("""void char short int long float double signed unsigned _Bool bool
size_t ssize_t u8 u16 u32 u64 s8 s16 s32 s64 uint8_t uint16_t uint32_t uint64_t int8_t
int16_t int32_t int64_t uintptr_t intptr_t phys_addr_t pgoff_t gfp_t atomic_t atomic64_t
spinlock_t raw_spinlock_t rwlock_t va_list pteval_t pgd_t pud_t pmd_t pte_t bool""".split())
C_CONSTANTS = set("NULL true false".split())

_c_token = re.compile(r"""
  (?P<c>/\*.*?(?:\*/|\Z)|//[^\n]*)
| (?P<s>"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?)
| (?P<p>^[ \t]*\#[ \t]*[a-z]+)
| (?P<n>\b(?:0[xX][0-9a-fA-F]+|[0-9]+(?:\.[0-9]+)?)[uUlL]*\b)
| (?P<w>[A-Za-z_][A-Za-z_0-9]*)
""", re.S | re.M | re.X)

_asm_token = re.compile(r"""
  (?P<c>/\*.*?(?:\*/|\Z)|//[^\n]*|\#(?![ \t]*(?:include|define|if|ifdef|ifndef|endif|else|elif|undef)\b)[^\n]*)
| (?P<s>"(?:\\.|[^"\\\n])*"?)
| (?P<p>^[ \t]*\#[ \t]*[a-z]+|(?<![\w.])\.[a-zA-Z_][\w.]*)
| (?P<r>%[a-z][a-z0-9]*)
| (?P<n>\$?-?\b(?:0[xX][0-9a-fA-F]+|[0-9]+)\b)
| (?P<w>[A-Za-z_][A-Za-z_0-9]*)
""", re.S | re.M | re.X)

_make_token = re.compile(r"""
  (?P<c>\#[^\n]*)
| (?P<s>"(?:\\.|[^"\\\n])*"?|'[^'\n]*'?)
| (?P<r>\$[({][^)}\n]*[)}]|\$[@<^?*+%])
| (?P<p>^(?:ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|export|override|define|endef)\b)
| (?P<k>^[A-Za-z0-9_./%$() -]+?(?=:(?!=)))
""", re.M | re.X)

_ld_token = re.compile(r"""
  (?P<c>/\*.*?(?:\*/|\Z))
| (?P<s>"[^"\n]*"?)
| (?P<n>\b(?:0[xX][0-9a-fA-F]+|[0-9]+)[KM]?\b)
| (?P<w>[A-Za-z_.][A-Za-z_0-9.]*)
""", re.S | re.X)
LD_KEYWORDS = set("""ENTRY SECTIONS OUTPUT_FORMAT OUTPUT_ARCH PHDRS KEEP ALIGN AT ADDR
LOADADDR SIZEOF PROVIDE MEMORY INCLUDE ASSERT DISCARD FILL BYTE SHORT LONG QUAD /DISCARD/""".split())


def lang_of(path):
    """The language of a file root, from its name."""
    if path is None:
        return 'c'
    base = path.rsplit('/', 1)[-1]
    if base.endswith(('.c', '.h')):
        return 'c'
    if base.endswith(('.S', '.s')):
        return 'asm'
    if base.endswith(('.ld', '.lds')):
        return 'ld'
    if base == 'Makefile' or base.endswith(('.mk', '.mak')) or base.startswith('Makefile'):
        return 'make'
    if base.endswith('.cfg'):
        return 'make'   # grub.cfg: '#' comments, strings, $variables
    if base.endswith('.py'):
        return 'make'
    return 'text'


def classify(text, lang):
    cls = [''] * len(text)

    def paint(a, b, k):
        for i in range(a, b):
            cls[i] = k

    if lang == 'c':
        for m in _c_token.finditer(text):
            k = m.lastgroup
            if k == 'w':
                w = m.group()
                if w in C_KEYWORDS:
                    paint(m.start(), m.end(), 'k')
                elif w in C_TYPES:
                    paint(m.start(), m.end(), 't')
                elif w in C_CONSTANTS:
                    paint(m.start(), m.end(), 'n')
            elif k == 'p':
                paint(m.start(), m.end(), 'p')
            else:
                paint(m.start(), m.end(), k)
        # the file name of #include <...>
        for m in re.finditer(r'^[ \t]*#[ \t]*include[ \t]*(<[^>\n]*>)', text, re.M):
            paint(m.start(1), m.end(1), 's')
    elif lang == 'asm':
        for m in _asm_token.finditer(text):
            k = m.lastgroup
            if k == 'w':
                continue
            paint(m.start(), m.end(), k)
        for m in re.finditer(r'^[ \t]*#[ \t]*include[ \t]*(<[^>\n]*>)', text, re.M):
            paint(m.start(1), m.end(1), 's')
    elif lang == 'make':
        for m in _make_token.finditer(text):
            paint(m.start(), m.end(), m.lastgroup)
    elif lang == 'ld':
        for m in _ld_token.finditer(text):
            k = m.lastgroup
            if k == 'w':
                if m.group() in LD_KEYWORDS:
                    paint(m.start(), m.end(), 'k')
                elif m.group().startswith('.'):
                    paint(m.start(), m.end(), 'p')
            else:
                paint(m.start(), m.end(), k)
    return cls
