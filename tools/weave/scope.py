"""Which identifier uses in the code really refer to the global definition noweb found.

noweb's finduses links every occurrence of a defined name, whatever it is: a word in a
comment, a struct member after `->`, a local variable or parameter that happens to share
the name, another file's `static`.  This pass reads the code the way the compiler will:
it expands every C and assembler file root of the book (chunk uses replaced by their
text, in tangling order), tokenizes the result, follows the scopes (files, functions,
blocks, struct bodies, initializers, macro bodies) and decides, for every identifier
that noweb marked, what it is:

  'global'   a use of a file-scope name: linked to its definition;
  'member'   after `.` or `->` (member access, designated initializer), or a member
             declared in a struct or union body: not linked;
  'local'    a parameter, a local variable (block-scope `static` included), a macro
             parameter, a goto label: not linked;
  'paste'    a piece of a `##` token paste: not linked.

Comments and strings are not tokens, so nothing in them is ever linked.  A `static`
declared at file scope in a .c file is that file's own: a use elsewhere is not linked,
and a use in that file links to that file's definition even when other files define the
same name.  A chunk that is expanded into several places is linked only if every
expansion agrees that the occurrence is global.

This is a scope analysis for the C that the book contains (the kernel's own style), not
a C compiler; its test is the weaver's fixture (tools/weave/tests/run-fixture), which
has a comment, a local variable, a parameter, a member access and a file-static.
"""
import re

from highlight import lang_of

TYPE_WORDS = set("""void char short int long float double signed unsigned _Bool bool
const volatile static extern register inline restrict auto __inline __inline__
__always_inline noinline __restrict __volatile__ __const""".split())
# words that start a statement that is not a declaration
STMT_WORDS = set("""return if else for while do switch case default goto break continue
sizeof asm __asm__ _Static_assert static_assert""".split())
TAG_WORDS = {'struct', 'union', 'enum'}

_tok = re.compile(r"""
  (?P<ws>[ \t\r\f\v]+|\\\n)
| (?P<nl>\n)
| (?P<c>/\*.*?(?:\*/|\Z)|//[^\n]*)
| (?P<s>"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?)
| (?P<id>[A-Za-z_][A-Za-z_0-9]*)
| (?P<num>\.?[0-9][A-Za-z0-9_.]*)
| (?P<p>->|\.\.\.|\#\#|<<=|>>=|<<|>>|[-+*/%&|^!=<>]=|&&|\|\||\+\+|--|.)
""", re.S | re.X)


class Tok:
    __slots__ = ('kind', 'text', 'start', 'end', 'line_start', 'pp')

    def __init__(self, kind, text, start, end, line_start, pp):
        self.kind, self.text, self.start, self.end = kind, text, start, end
        self.line_start, self.pp = line_start, pp


def tokenize(text, lang):
    """Tokens of C (or of assembler run through cpp); comments and strings are dropped.
    Each token knows whether it starts a line and to which preprocessor directive (an
    index into the list of directives) it belongs, or None."""
    toks = []
    at_line_start = True
    pp = None
    npp = 0
    pos, n = 0, len(text)
    while pos < n:
        m = _tok.match(text, pos)
        k = m.lastgroup
        pos = m.end()
        if k == 'nl':
            at_line_start, pp = True, None
            continue
        if k == 'ws':
            continue
        if k == 'c':
            if '\n' in m.group():
                # a comment that spans lines ends a directive only if cpp would
                pass
            continue
        if lang == 'asm' and k == 'p' and m.group() == '#' and at_line_start:
            # "# comment" in assembler; "#include", "#define", ... are directives
            rest = re.match(r'[ \t]*([a-z]+)', text[pos:])
            if not (rest and rest.group(1) in ('include', 'define', 'undef', 'if', 'ifdef',
                                              'ifndef', 'else', 'elif', 'endif', 'error')):
                e = text.find('\n', pos)
                pos = n if e < 0 else e
                continue
        if k == 's':
            if m.group().startswith('"') or lang == 'c':
                continue
        if k == 'p' and m.group() == '#' and at_line_start:
            pp = npp
            npp += 1
        toks.append(Tok(k, m.group(), m.start(), m.end(), at_line_start, pp))
        at_line_start = False
    return toks


def matching(toks, i, open_, close):
    """Index of the token closing the bracket at toks[i] (or len(toks))."""
    depth = 0
    for j in range(i, len(toks)):
        t = toks[j].text
        if t == open_:
            depth += 1
        elif t == close:
            depth -= 1
            if depth == 0:
                return j
    return len(toks)


def skip_attributes(toks, i, end):
    """Skip __attribute__((...)) and annotation macros like __aligned(8) / __init."""
    while i < end and toks[i].kind == 'id' and (toks[i].text in ('__attribute__', '__attribute')
                                                 or toks[i].text.startswith('__')
                                                 and i + 1 < end and toks[i + 1].text == '('
                                                 and toks[i].text not in ('__typeof__', '__typeof')):
        if i + 1 < end and toks[i + 1].text == '(':
            i = matching(toks, i + 1, '(', ')') + 1
        else:
            i += 1
    return i


class Analyzer:
    def __init__(self, toks, lang):
        self.t = toks
        self.lang = lang
        self.kind = {}          # token index -> verdict
        self.statics = []       # file-scope static names (token text)
        self.decl = {}          # token index -> 'local' | 'member' | 'global'

    # -- declarations ---------------------------------------------------------------
    def params(self, i, end):
        """Declarator names of the parameter list toks[i] == '(' .. matching ')'."""
        close = min(matching(self.t, i, '(', ')'), end)
        names = []
        j = i + 1
        while j < close:
            # one parameter: up to the next top-level comma
            k, depth = j, 0
            while k < close:
                x = self.t[k].text
                if x in '([{':
                    depth += 1
                elif x in ')]}':
                    depth -= 1
                elif x == ',' and depth == 0:
                    break
                k += 1
            names += self.param_name(j, k)
            j = k + 1
        return names, close

    def param_name(self, a, b):
        t = self.t
        for j in range(a, b - 3):
            if t[j].text == '(' and t[j + 1].text == '*' and t[j + 2].kind == 'id':
                inner = [j + 2]
                k = j + 3
                while k < b and t[k].text != ')':
                    k += 1
                if k + 1 < b and t[k + 1].text == '(':
                    inner += self.params(k + 1, b)[0]
                return inner
        words = []
        j = a
        while j < b:
            x = t[j]
            if x.text in ('[', ':', '='):
                break
            if x.text == '(':
                j = matching(t, j, '(', ')') + 1
                continue
            if x.text == '__attribute__':
                j += 1
                continue
            words.append(j)
            j += 1
        while len(words) > 1 and t[words[-1]].text.startswith('__') and t[words[-1]].kind == 'id' \
                and t[words[-2]].kind == 'id' and t[words[-2]].text not in TYPE_WORDS:
            words.pop()     # int x __maybe_unused
        if len(words) >= 2 and t[words[-1]].kind == 'id' and t[words[-1]].text not in TYPE_WORDS \
                and t[words[-2]].text not in TAG_WORDS:
            return [words[-1]]
        return []

    def try_decl(self, i, end):
        """At a statement start: the declarators of a declaration beginning at toks[i].
        Returns (declarator indices, param-name indices, function-definition params or
        None, is_static, end index of the declaration's type part) or None."""
        t = self.t
        j = i
        typed = 0
        is_static = False
        while j < end:
            x = t[j]
            if x.kind == 'id' and x.text in STMT_WORDS:
                return None
            if x.kind == 'id' and x.text in TAG_WORDS:
                typed += 1
                j += 1
                if j < end and t[j].kind == 'id':
                    j += 1
                if j < end and t[j].text == '{':
                    return None          # a struct/enum body: handled by the brace logic
                continue
            if x.kind == 'id' and x.text in ('typeof', '__typeof__', '__typeof', '_Atomic') \
                    and j + 1 < end and t[j + 1].text == '(':
                typed += 1
                j = matching(t, j + 1, '(', ')') + 1
                continue
            if x.kind == 'id' and (x.text == '__attribute__' or
                                   (x.text.startswith('__') and j + 1 < end and t[j + 1].text == '(')):
                j = skip_attributes(t, j, end)
                continue
            if x.kind == 'id':
                if x.text == 'static':
                    is_static = True
                nxt = t[j + 1].text if j + 1 < end else ''
                if typed and x.text not in TYPE_WORDS and nxt in ('=', ';', ',', '[', ':', ')') \
                        and not (nxt == ':' and self.scope_kind != 'struct'):
                    return self.declarators(j, end, is_static)
                if typed and x.text not in TYPE_WORDS and nxt == '(':
                    # a function declarator: name ( params )
                    if self.scope_kind == 'file':
                        names, close = self.params(j + 1, end)
                        return ([j], names, names, is_static, close + 1)
                    return None
                if typed and x.text not in TYPE_WORDS and nxt == '__attribute__':
                    return self.declarators(j, end, is_static)
                typed += 1
                j += 1
                continue
            if x.text == '*':
                if not typed:
                    return None
                j += 1
                continue
            if x.text == '(' and typed and j + 2 < end and t[j + 1].text == '*':
                # function pointer: type (*name)(params)
                k = j + 1
                while k < end and t[k].text == '*':
                    k += 1
                k = skip_attributes(t, k, end)
                close = matching(t, j, '(', ')')
                if k < end and t[k].kind == 'id' and close == k + 1 and close + 1 < end \
                        and t[close + 1].text in ('(', '['):
                    d = [k]
                    pn = []
                    if close + 1 < end and t[close + 1].text == '(':
                        pn, _ = self.params(close + 1, end)
                    rest = self.declarators(None, end, is_static, from_=close + 1)
                    return (d + rest[0], pn + rest[1], None, is_static, rest[4])
                return None
            return None
        return None

    def declarators(self, first, end, is_static, from_=None):
        """first: index of the first declarator; continue through ', *name' to ';'."""
        t = self.t
        decls = [first] if first is not None else []
        pnames = []
        j = (first + 1) if first is not None else from_
        depth = 0
        while j < end:
            x = t[j].text
            if x in '([{':
                if x == '(' and depth == 0 and j > 0 and t[j - 1].kind == 'id' and decls \
                        and t[j - 1] is t[decls[-1]]:
                    pnames += self.params(j, end)[0]
                depth += 1
            elif x in ')]}':
                depth -= 1
                if depth < 0:
                    break
            elif x == ';' and depth == 0:
                break
            elif x == ',' and depth == 0:
                k = j + 1
                while k < end and (t[k].text in ('*', 'const', 'volatile') or
                                   t[k].text == '__attribute__'):
                    k = skip_attributes(t, k, end) if t[k].text == '__attribute__' else k + 1
                if k < end and t[k].text == '(' and k + 2 < end and t[k + 1].text == '*':
                    k += 2
                if k < end and t[k].kind == 'id':
                    decls.append(k)
                j = k + 1
                continue
            j += 1
        return (decls, pnames, None, is_static, j)

    # -- the pass -----------------------------------------------------------------------
    def run(self):
        t = self.t
        # preprocessor directives first: #define parameters and bodies
        body_of = {}
        i = 0
        while i < len(t):
            if t[i].pp is not None and t[i].text == '#':
                j = i + 1
                while j < len(t) and t[j].pp == t[i].pp:
                    j += 1
                body_of[i] = j
                self.directive(i, j)
                i = j
            else:
                i += 1
        code = [k for k in range(len(t)) if t[k].pp is None]
        self.c_pass(code)
        return self.kind

    def directive(self, i, j):
        t = self.t
        if i + 2 < j and t[i + 1].text == 'define' and t[i + 2].kind == 'id':
            name = i + 2
            params = set()
            k = name + 1
            if k < j and t[k].text == '(' and t[k].start == t[name].end:
                close = matching(t, k, '(', ')')
                for q in range(k + 1, min(close, j)):
                    if t[q].kind == 'id':
                        params.add(t[q].text)
                        self.kind[q] = 'local'
                k = close + 1
            self.kind[name] = 'global'
            body = list(range(k, j))
            self.c_pass(body, macro_params=params, in_macro=True)
        else:
            for q in range(i + 1, j):
                if t[q].kind == 'id':
                    self.kind[q] = 'global'

    def c_pass(self, idx, macro_params=None, in_macro=False):
        """Classify the identifiers among tokens idx (indices into self.t)."""
        t = self.t
        sub = [t[k] for k in idx]
        # a local view: run the scope machine on the sub-list, then map back
        saved_t = self.t
        self.t = sub
        verdict = {}
        scopes = []   # (kind, names)
        if in_macro:
            scopes.append(('block', set(macro_params or ())))
            self.scope_kind = 'block'
        else:
            scopes.append(('file', set()))
            self.scope_kind = 'file'
        decl_kind = {}          # sub index -> 'local' | 'member' | 'global'
        pending_params = None   # names for the next function body
        pending_struct_decls = False
        at_start = True
        paren = 0
        paren_stack = []        # paren depth at each '{'
        for_paren = None
        n = len(sub)
        i = 0
        while i < n:
            x = sub[i]
            kind, names = scopes[-1]
            self.scope_kind = kind
            if at_start and self.lang == 'c' and kind in ('file', 'block', 'func', 'struct') \
                    and x.text not in ('{', '}', ';'):
                at_start = False
                d = self.try_decl(i, n)
                if d:
                    decls, pnames, fparams, is_static, _ = d
                    dk = {'struct': 'member', 'file': 'global'}.get(kind, 'local')
                    for q in decls:
                        decl_kind[q] = dk
                        if dk == 'local':
                            names.add(sub[q].text)
                        if kind == 'file' and is_static:
                            self.statics.append(sub[q].text)
                    for q in pnames:
                        decl_kind[q] = 'local'
                    if fparams is not None:
                        pending_params = {sub[q].text for q in fparams}
                elif x.kind == 'id' and i + 1 < n and sub[i + 1].text == ':' and kind in ('block', 'func') \
                        and x.text not in ('default',):
                    decl_kind[i] = 'local'      # a label
            if x.text == '{':
                prev = sub[i - 1] if i > 0 else None
                pt = prev.text if prev else ''
                p2 = sub[i - 2].text if i > 1 else ''
                if pt in TAG_WORDS or (prev and prev.kind == 'id' and p2 in TAG_WORDS):
                    nk = 'enum' if 'enum' in (pt, p2) else 'struct'
                elif kind == 'file' and pt == ')' or (kind == 'file' and pending_params is not None
                                                     and prev and prev.kind == 'id'):
                    nk = 'func'
                elif kind in ('init', 'enum'):
                    nk = 'init'
                elif pt in ('=', ',', '[', ']', 'return') or (pt == ')' and paren > 0):
                    nk = 'init'
                elif kind == 'struct':
                    nk = 'struct'
                else:
                    nk = 'block'
                nn = set()
                if nk == 'func':
                    nn = set(pending_params or ())
                    pending_params = None
                scopes.append((nk, nn))
                paren_stack.append(paren)
                paren = 0
                at_start = nk in ('block', 'func', 'struct')
                i += 1
                continue
            if x.text == '}':
                if len(scopes) > 1:
                    closed = scopes.pop()[0]
                    paren = paren_stack.pop() if paren_stack else 0
                    if closed == 'struct':
                        # struct {...} a, *b;  -- declarators of the enclosing scope
                        k = i + 1
                        ek = scopes[-1][0]
                        dk = {'struct': 'member', 'file': 'global'}.get(ek, 'local')
                        while k < n and sub[k].text not in (';', '{', '}', '='):
                            if sub[k].kind == 'id' and sub[k].text not in TYPE_WORDS \
                                    and not sub[k].text.startswith('__'):
                                decl_kind[k] = dk
                                if dk == 'local':
                                    scopes[-1][1].add(sub[k].text)
                            k += 1
                at_start = scopes[-1][0] in ('block', 'func', 'struct', 'file') and paren == 0
                i += 1
                continue
            if x.text == '(':
                paren += 1
                if i > 0 and sub[i - 1].text == 'for' and kind in ('block', 'func'):
                    d = self.try_decl(i + 1, n)
                    if d:
                        for q in d[0]:
                            decl_kind[q] = 'local'
                            names.add(sub[q].text)
            elif x.text == ')':
                paren = max(0, paren - 1)
            elif x.text == ';' and paren == 0:
                at_start = True
                if kind == 'file':
                    pending_params = None
            if x.kind == 'id':
                v = self.classify(sub, i, scopes, decl_kind)
                verdict[i] = v
            i += 1
        self.t = saved_t
        for si, v in verdict.items():
            self.kind[idx[si]] = v

    def classify(self, sub, i, scopes, decl_kind):
        x = sub[i]
        prev = sub[i - 1].text if i > 0 else ''
        nxt = sub[i + 1].text if i + 1 < len(sub) else ''
        if prev == '##' or nxt == '##':
            return 'paste'
        if prev in ('.', '->'):
            return 'member'
        if prev == '#' and scopes and scopes[0][0] == 'block':
            return 'local'          # #param in a macro body
        if prev == '\\' and self.lang == 'asm':
            return 'local'          # \arg in an assembler .macro
        if i in decl_kind:
            return decl_kind[i]
        if prev == 'goto':
            return 'local'
        for kind, names in reversed(scopes):
            if x.text in names:
                return 'local'
        return 'global'


def analyze(book):
    """Verdicts for the ident items of every C and assembler chunk of the book.

    Returns (verdicts, files_of, statics):
      verdicts[(label, line, item)] = set of verdicts over all expansions
      files_of[label] = set of file roots the chunk is tangled into
      statics[file] = set of names declared static at file scope in that .c file
    """
    defs_of = {}            # chunk name -> [chunk objects] in order
    for f in book.stream.files:
        for c in f.chunks:
            if getattr(c, 'name', None) is not None and c.label:
                defs_of.setdefault(c.name, []).append(c)
    verdicts, files_of, statics = {}, {}, {}
    roots = sorted({c.name for cs in defs_of.values() for c in cs
                    if c.root and re.match(r'^[\w./-]+$', c.name)})
    for root in roots:
        lang = lang_of(root)
        if lang not in ('c', 'asm'):
            for c in defs_of.get(root, []):
                files_of.setdefault(c.label, set()).add(root)
            continue
        parts, spans = [], []
        pos = [0]

        def emit(s):
            parts.append(s)
            pos[0] += len(s)

        def expand(name, stack):
            if name in stack:
                return
            for c in defs_of.get(name, []):
                files_of.setdefault(c.label, set()).add(root)
                for li, ln in enumerate(c.lines):
                    for ii, it in enumerate(ln):
                        if it[0] == 'use':
                            emit('\n')
                            expand(it[1], stack | {name})
                            emit('\n')
                        elif it[0] == 'ident':
                            spans.append((pos[0], pos[0] + len(it[1]), (c.label, li, ii)))
                            emit(it[1])
                        else:
                            emit(it[1])
                    emit('\n')
        expand(root, frozenset())
        text = ''.join(parts)
        toks = tokenize(text, lang)
        a = Analyzer(toks, lang)
        kinds = a.run()
        by_start = {tk.start: k for k, tk in enumerate(toks)}
        for s, e, key in spans:
            k = by_start.get(s)
            if k is None or toks[k].end != e:
                v = 'hidden'        # in a comment or a string (not a token)
            else:
                v = kinds.get(k, 'global')
            verdicts.setdefault(key, set()).add(v)
        if root.endswith('.c'):
            statics[root] = set(a.statics)
    return verdicts, files_of, statics
