"""Python regular expression syntax -> PCRE2 pattern text (gilpy's re, on the _re engine).

gilpy: written for gilpy (issue 6). The parser follows the grammar and the error messages of
CPython 3.12's re._parser (sre_parse), but instead of building an sre opcode tree it emits an
equivalent PCRE2 pattern in which nothing depends on PCRE2's own syntax choices:

- every literal that is not an ASCII letter/digit/underscore is written \\x{hex} (so Python's
  escapes \\a \\v \\0 \\ooo \\uXXXX \\UXXXXXXXX, verbose-mode rules and '{' literals never reach
  PCRE2 in a form it could read differently);
- capturing groups are unnamed: names live in our own group index, (?P=name) and \\N become
  \\g{N}, (?(name)...) becomes (?(N)...);
- \\Z becomes \\z; \\s (Unicode) also matches \\x1c-\\x1f as Python's does; scoped (?a:...)
  spells \\d \\w \\s \\b in ASCII; scoped (?x:...) and global (?x) are handled here (whitespace
  and comments are dropped while parsing), so PCRE2_EXTENDED is never used;
- {,n} becomes {0,n}.

parse(pattern, flags) returns a Parsed with the PCRE2 text, the final flags (inline global flags
merged, UNICODE added for str patterns), the group count, the name -> number index and the
parent of each group (used to compute Match.lastindex). Errors raise re.error (passed in as
`error` by re/__init__.py) with CPython's message and position.
"""

# Flag values (as CPython's re)
TEMPLATE = 1
IGNORECASE = 2
LOCALE = 4
MULTILINE = 8
DOTALL = 16
UNICODE = 32
VERBOSE = 64
DEBUG = 128
ASCII = 256

FLAGS = {"i": IGNORECASE, "L": LOCALE, "m": MULTILINE, "s": DOTALL, "x": VERBOSE,
         "a": ASCII, "t": TEMPLATE, "u": UNICODE}
TYPE_FLAGS = ASCII | LOCALE | UNICODE
GLOBAL_FLAGS = DEBUG | TEMPLATE

MAXREPEAT = 4294967295
MAXGROUPS = 1073741823

DIGITS = frozenset("0123456789")
OCTDIGITS = frozenset("01234567")
HEXDIGITS = frozenset("0123456789abcdefABCDEF")
ASCIILETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
WHITESPACE = frozenset(" \t\n\r\v\f")
REPEAT_CHARS = "*+?{"
SPECIAL_CHARS = ".\\[{()*+?^$|"

ESCAPES = {"\\a": 7, "\\b": 8, "\\f": 12, "\\n": 10, "\\r": 13, "\\t": 9, "\\v": 11, "\\\\": 92}

_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")

error = None  # set by re/__init__.py


def lit(code):
    c = chr(code)
    if c in _SAFE:
        return c
    return "\\x{%x}" % code


# Item kinds in a sequence (for the "nothing to repeat" / "multiple repeat" checks)
K_ATOM = 0
K_AT = 1
K_REPEAT = 2


class Parsed:
    __slots__ = ("text", "flags", "groups", "groupindex", "parents")


class _State:
    def __init__(self, pattern, istext, flags):
        self.s = pattern
        self.n = len(pattern)
        self.i = 0
        self.istext = istext
        self.flags = flags
        self.groupdict = {}
        self.groupwidths = [None]  # index 0 unused; None while a group is open
        self.parents = [None]
        self.open_stack = []
        self.grouprefpos = {}
        self.ascii_scope = 0
        self.lookbehind_error = False

    @property
    def groups(self):
        return len(self.groupwidths)

    def err(self, msg, pos):
        raise error(msg, self.orig, pos)

    # --- tokenizer (tokens are single characters or backslash pairs) ---
    def peek(self):
        """The next token without consuming it, or None."""
        i = self.i
        if i >= self.n:
            return None
        c = self.s[i]
        if c == "\\":
            if i + 1 >= self.n:
                self.err("bad escape (end of pattern)", self.n - 1)
            return self.s[i:i + 2]
        return c

    def get(self):
        t = self.peek()
        if t is not None:
            self.i += len(t)
        return t

    def match(self, c):
        if self.peek() == c:
            self.i += len(c)
            return True
        return False

    def getwhile(self, n, charset):
        result = ""
        for _ in range(n):
            if self.i < self.n and self.s[self.i] in charset:
                result += self.s[self.i]
                self.i += 1
            else:
                break
        return result

    def getuntil(self, terminator, name):
        result = ""
        while True:
            t = self.peek()
            if t is None:
                if not result:
                    self.err("missing " + name, self.i)
                self.err("missing %s, unterminated name" % terminator, self.i - len(result))
            self.i += len(t)
            if t == terminator:
                if not result:
                    self.err("missing " + name, self.i - 1)
                break
            result += t
        return result

    def checkgroupname(self, name, offset):
        if not (self.istext or name.isascii()):
            self.err("bad character in group name %a" % name, self.i - offset)
        if not name.isidentifier():
            self.err("bad character in group name %r" % name, self.i - offset)

    def opengroup(self, name, namepos):
        gid = self.groups
        if name is not None:
            ogid = self.groupdict.get(name)
            if ogid is not None:
                self.err("redefinition of group name %r as group %d; was group %d"
                         % (name, gid, ogid), namepos)
            self.groupdict[name] = gid
        self.groupwidths.append(None)
        self.parents.append(self.open_stack[-1] if self.open_stack else None)
        self.open_stack.append(gid)
        return gid

    def closegroup(self, gid):
        self.groupwidths[gid] = True
        self.open_stack.pop()

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None


# --- categories ---------------------------------------------------------------------------------

def _category(state, c, in_class):
    """PCRE2 text for \\d \\D \\s \\S \\w \\W (inside or outside a class)."""
    if state.ascii_scope:
        table = {"d": "0-9", "w": "A-Za-z0-9_", "s": "\\x{9}-\\x{d}\\x{20}"}
        body = table[c.lower()]
        if c.islower():
            return body if in_class else "[" + body + "]"
        if in_class:
            # a negated ASCII category inside a class: PCRE2 POSIX negation
            return {"d": "[:^digit:]", "w": "[:^word:]", "s": "[:^space:]"}[c.lower()]
        return "[^" + body + "]"
    unicode_text = state.istext and not (state.flags & ASCII)
    if c == "s" and unicode_text:
        return "\\s\\x{1c}-\\x{1f}" if in_class else "[\\s\\x{1c}-\\x{1f}]"
    if c == "S" and unicode_text and not in_class:
        return "[^\\s\\x{1c}-\\x{1f}]"
    return "\\" + c


_ASCII_W = "[A-Za-z0-9_]"
_ASCII_B = "(?:(?<=%s)(?!%s)|(?<!%s)(?=%s))" % (_ASCII_W, _ASCII_W, _ASCII_W, _ASCII_W)
_ASCII_NB = "(?:(?<=%s)(?=%s)|(?<!%s)(?!%s))" % (_ASCII_W, _ASCII_W, _ASCII_W, _ASCII_W)


def _escape(state, esc, start):
    """An escape outside a class -> (kind, text)."""
    c = esc[1]
    if c in "dDsSwW":
        return K_ATOM, _category(state, c, False)
    if c == "A":
        return K_AT, "\\A"
    if c == "Z":
        return K_AT, "\\z"
    if c == "b":
        return K_AT, (_ASCII_B if state.ascii_scope else "\\b")
    if c == "B":
        return K_AT, (_ASCII_NB if state.ascii_scope else "\\B")
    if esc in ESCAPES:
        return K_ATOM, lit(ESCAPES[esc])
    if c == "x":
        h = state.getwhile(2, HEXDIGITS)
        if len(h) != 2:
            state.err("incomplete escape %s" % (esc + h), start)
        return K_ATOM, lit(int(h, 16))
    if c in "uU" and state.istext:
        n = 4 if c == "u" else 8
        h = state.getwhile(n, HEXDIGITS)
        if len(h) != n:
            state.err("incomplete escape %s" % (esc + h), start)
        v = int(h, 16)
        if v > 0x10FFFF:
            state.err("bad escape %s" % (esc + h), start)
        return K_ATOM, lit(v)
    if c == "N" and state.istext:
        return K_ATOM, lit(_named_char(state, esc, start))
    if c == "0":
        o = state.getwhile(2, OCTDIGITS)
        return K_ATOM, lit(int("0" + o, 8))
    if c in DIGITS:
        text = esc
        nxt = state.i < state.n and state.s[state.i]
        if nxt and nxt in DIGITS:
            text += nxt
            state.i += 1
            if (text[1] in OCTDIGITS and text[2] in OCTDIGITS and state.i < state.n
                    and state.s[state.i] in OCTDIGITS):
                text += state.s[state.i]
                state.i += 1
                v = int(text[1:], 8)
                if v > 0o377:
                    state.err("octal escape value %s outside of range 0-0o377" % text, start)
                return K_ATOM, lit(v)
        group = int(text[1:])
        if group < state.groups:
            if not state.checkgroup(group):
                state.err("cannot refer to an open group", start)
            return K_ATOM, "(?:\\g{%d})" % group
        state.err("invalid group reference %d" % group, start + 1)
    if c in ASCIILETTERS:
        state.err("bad escape %s" % esc, start)
    return K_ATOM, lit(ord(c))


def _named_char(state, esc, start):
    if not state.match("{"):
        state.err("missing {", state.i)
    name = state.getuntil("}", "character name")
    try:
        import unicodedata
        return ord(unicodedata.lookup(name))
    except (ImportError, KeyError):
        state.err("undefined character name %r" % name, start)


def _class_escape(state, esc, start):
    """An escape inside a class -> ('lit', code) or ('cat', text)."""
    c = esc[1]
    if esc in ESCAPES:
        return "lit", ESCAPES[esc]
    if c in "dDsSwW":
        return "cat", _category(state, c, True)
    if c == "x":
        h = state.getwhile(2, HEXDIGITS)
        if len(h) != 2:
            state.err("incomplete escape %s" % (esc + h), start)
        return "lit", int(h, 16)
    if c in "uU" and state.istext:
        n = 4 if c == "u" else 8
        h = state.getwhile(n, HEXDIGITS)
        if len(h) != n:
            state.err("incomplete escape %s" % (esc + h), start)
        v = int(h, 16)
        if v > 0x10FFFF:
            state.err("bad escape %s" % (esc + h), start)
        return "lit", v
    if c == "N" and state.istext:
        return "lit", _named_char(state, esc, start)
    if c in OCTDIGITS:
        o = state.getwhile(2, OCTDIGITS)
        v = int(c + o, 8)
        if v > 0o377:
            state.err("octal escape value %s outside of range 0-0o377" % (esc + o), start)
        return "lit", v
    if c in DIGITS or c in ASCIILETTERS:
        state.err("bad escape %s" % esc, start)
    return "lit", ord(c)


def _parse_class(state, here):
    parts = []
    negate = state.match("^")
    nitems = 0
    while True:
        tstart = state.i
        this = state.get()
        if this is None:
            state.err("unterminated character set", here)
        if this == "]" and nitems:
            break
        if this[0] == "\\":
            code1 = _class_escape(state, this, tstart)
        else:
            code1 = ("lit", ord(this))
        if state.match("-"):
            tstart2 = state.i
            that = state.get()
            if that is None:
                state.err("unterminated character set", here)
            if that == "]":
                parts.append(lit(code1[1]) if code1[0] == "lit" else code1[1])
                parts.append(lit(45))
                nitems += 2
                break
            if that[0] == "\\":
                code2 = _class_escape(state, that, tstart2)
            else:
                code2 = ("lit", ord(that))
            if code1[0] != "lit" or code2[0] != "lit" or code2[1] < code1[1]:
                state.err("bad character range %s-%s" % (this, that), tstart)
            parts.append(lit(code1[1]) + "-" + lit(code2[1]))
        else:
            parts.append(lit(code1[1]) if code1[0] == "lit" else code1[1])
        nitems += 1
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def _parse_flags(state, char):
    add_flags = 0
    del_flags = 0
    if char != "-":
        while True:
            flag = FLAGS[char]
            if state.istext:
                if char == "L":
                    state.err("bad inline flags: cannot use 'L' flag with a str pattern", state.i)
            else:
                if char == "u":
                    state.err("bad inline flags: cannot use 'u' flag with a bytes pattern", state.i)
            add_flags |= flag
            if (flag & TYPE_FLAGS) and (add_flags & TYPE_FLAGS) != flag:
                state.err("bad inline flags: flags 'a', 'u' and 'L' are incompatible", state.i)
            char = state.get()
            if char is None:
                state.err("missing -, : or )", state.i)
            if char in ")-:":
                break
            if char not in FLAGS:
                msg = "unknown flag" if char.isalpha() else "missing -, : or )"
                state.err(msg, state.i - len(char))
    if char == ")":
        state.flags |= add_flags
        return None
    if add_flags & GLOBAL_FLAGS:
        state.err("bad inline flags: cannot turn on global flag", state.i - 1)
    if char == "-":
        char = state.get()
        if char is None:
            state.err("missing flag", state.i)
        if char not in FLAGS:
            msg = "unknown flag" if char.isalpha() else "missing flag"
            state.err(msg, state.i - len(char))
        while True:
            flag = FLAGS[char]
            if flag & TYPE_FLAGS:
                state.err("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", state.i)
            del_flags |= flag
            char = state.get()
            if char is None:
                state.err("missing :", state.i)
            if char == ":":
                break
            if char not in FLAGS:
                msg = "unknown flag" if char.isalpha() else "missing :"
                state.err(msg, state.i - len(char))
    if del_flags & GLOBAL_FLAGS:
        state.err("bad inline flags: cannot turn off global flag", state.i - 1)
    if add_flags & del_flags:
        state.err("bad inline flags: flag turned on and off", state.i - 1)
    return add_flags, del_flags


def _parse_sub(state, verbose, nested):
    alts = []
    lo = MAXREPEAT
    hi = 0
    while True:
        # a global (?x) at the start applies to the later alternatives too
        verbose = verbose or (state.flags & VERBOSE)
        t, l, h = _parse(state, verbose, nested + 1, not nested and not alts)
        alts.append(t)
        lo = min(lo, l)
        hi = max(hi, h)
        if not state.match("|"):
            break
    return "|".join(alts), lo, hi


def _parse(state, verbose, nested, first=False):
    items = []   # (kind, text)
    while True:
        t = state.peek()
        if t is None:
            break
        if t in "|)":
            break
        start = state.i
        state.i += len(t)
        this = t
        if verbose:
            if this in WHITESPACE:
                continue
            if this == "#":
                while True:
                    this = state.get()
                    if this is None or this == "\n":
                        break
                continue
        if this[0] == "\\":
            kind, text = _escape(state, this, start)
            if kind == K_AT:
                items.append((K_AT, text, 0, 0))
            elif text.startswith("(?:\\g"):
                items.append((K_ATOM, text, 0, MAXREPEAT))
            else:
                items.append((K_ATOM, text, 1, 1))
        elif this not in SPECIAL_CHARS:
            items.append((K_ATOM, lit(ord(this)), 1, 1))
        elif this == "[":
            items.append((K_ATOM, _parse_class(state, start), 1, 1))
        elif this in REPEAT_CHARS:
            if this == "?":
                q = "?"
            elif this == "*":
                q = "*"
            elif this == "+":
                q = "+"
            else:  # "{"
                if state.peek() == "}":
                    items.append((K_ATOM, lit(ord("{")), 1, 1))
                    continue
                lo = hi = ""
                while state.i < state.n and state.s[state.i] in DIGITS:
                    lo += state.s[state.i]
                    state.i += 1
                comma = state.match(",")
                if comma:
                    while state.i < state.n and state.s[state.i] in DIGITS:
                        hi += state.s[state.i]
                        state.i += 1
                else:
                    hi = lo
                if not state.match("}"):
                    items.append((K_ATOM, lit(ord("{")), 1, 1))
                    state.i = start + 1
                    continue
                mn = 0
                mx = MAXREPEAT
                if lo:
                    mn = int(lo)
                    if mn >= MAXREPEAT:
                        raise OverflowError("the repetition number is too large")
                if hi:
                    mx = int(hi)
                    if mx >= MAXREPEAT:
                        raise OverflowError("the repetition number is too large")
                    if mx < mn:
                        state.err("min repeat greater than max repeat", start + 1)
                if not comma:
                    q = "{%d}" % mn
                elif hi:
                    q = "{%d,%d}" % (mn, mx)
                else:
                    q = "{%d,}" % mn
            if not items or items[-1][0] == K_AT:
                state.err("nothing to repeat", start)
            if items[-1][0] == K_REPEAT:
                state.err("multiple repeat", start)
            if state.match("?"):
                q += "?"
            elif state.match("+"):
                q += "+"
            if this == "?":
                mn, mx = 0, 1
            elif this == "*":
                mn, mx = 0, MAXREPEAT
            elif this == "+":
                mn, mx = 1, MAXREPEAT
            it = items[-1]
            items[-1] = (K_REPEAT, it[1] + q, min(it[2] * mn, MAXREPEAT), min(it[3] * mx, MAXREPEAT))
        elif this == ".":
            items.append((K_ATOM, ".", 1, 1))
        elif this == "(":
            r = _parse_group(state, verbose, nested, first, start, bool(items))
            if r is None:
                continue
            if r == "verbose":
                verbose = state.flags & VERBOSE
                continue
            items.append(r)
        elif this == "^":
            items.append((K_AT, "^", 0, 0))
        elif this == "$":
            items.append((K_AT, "$", 0, 0))
        else:
            raise AssertionError("unsupported special character %r" % (this,))
    lo = hi = 0
    for it in items:
        lo += it[2]
        hi += it[3]
    return "".join(it[1] for it in items), min(lo, MAXREPEAT), min(hi, MAXREPEAT)


def _parse_group(state, verbose, nested, first, start, has_items):
    capture = True
    atomic = False
    name = None
    namepos = 0
    add_flags = 0
    del_flags = 0
    if state.match("?"):
        char = state.get()
        if char is None:
            state.err("unexpected end of pattern", state.i)
        if char == "P":
            if state.match("<"):
                namepos = state.i
                name = state.getuntil(">", "group name")
                state.checkgroupname(name, len(name) + 1)
            elif state.match("="):
                namepos = state.i
                name = state.getuntil(")", "group name")
                state.checkgroupname(name, len(name) + 1)
                gid = state.groupdict.get(name)
                if gid is None:
                    state.err("unknown group name %r" % name, namepos)
                if not state.checkgroup(gid):
                    state.err("cannot refer to an open group", namepos)
                return (K_ATOM, "(?:\\g{%d})" % gid, 0, MAXREPEAT)
            else:
                char = state.get()
                if char is None:
                    state.err("unexpected end of pattern", state.i)
                state.err("unknown extension ?P" + char, state.i - len(char) - 2)
        elif char == ":":
            capture = False
        elif char == "#":
            while True:
                if state.peek() is None:
                    state.err("missing ), unterminated comment", start)
                if state.get() == ")":
                    break
            return None
        elif char in "=!<":
            kind = char
            if char == "<":
                char = state.get()
                if char is None:
                    state.err("unexpected end of pattern", state.i)
                if char not in "=!":
                    state.err("unknown extension ?<" + char, state.i - len(char) - 2)
                kind = "<" + char
            body, lo, hi = _parse_sub(state, verbose, nested + 1)
            if not state.match(")"):
                state.err("missing ), unterminated subpattern", start)
            if kind[0] == "<" and lo != hi:
                state.lookbehind_error = True
            return (K_ATOM, "(?" + kind + body + ")", 0, 0)
        elif char == "(":
            cpos = state.i
            condname = state.getuntil(")", "group name")
            if condname.isidentifier():
                state.checkgroupname(condname, len(condname) + 1)
                condgroup = state.groupdict.get(condname)
                if condgroup is None:
                    state.err("unknown group name %r" % condname, cpos)
            else:
                try:
                    condgroup = int(condname)
                    if condgroup < 0:
                        raise ValueError
                except ValueError:
                    state.err("bad character in group name %r" % condname, cpos)
                if not condgroup:
                    state.err("bad group number", cpos)
                if condgroup >= MAXGROUPS:
                    state.err("invalid group reference %d" % condgroup, cpos)
                if condgroup not in state.grouprefpos:
                    state.grouprefpos[condgroup] = cpos
            yes, lo, hi = _parse(state, verbose, nested + 1)
            if state.match("|"):
                no, lo2, hi2 = _parse(state, verbose, nested + 1)
                if state.peek() == "|":
                    state.err("conditional backref with more than two branches", state.i)
                body = yes + "|" + no
                lo = min(lo, lo2)
                hi = max(hi, hi2)
            else:
                body = yes
                lo = 0
            if not state.match(")"):
                state.err("missing ), unterminated subpattern", start)
            return (K_ATOM, "(?(%d)%s)" % (condgroup, body), lo, hi)
        elif char == ">":
            capture = False
            atomic = True
        elif char in FLAGS or char == "-":
            flags = _parse_flags(state, char)
            if flags is None:
                if not first or has_items:
                    state.err("global flags not at the start of the expression", start)
                return "verbose"
            add_flags, del_flags = flags
            capture = False
        else:
            state.err("unknown extension ?" + char, state.i - len(char) - 1)

    gid = None
    if capture:
        gid = state.opengroup(name, namepos)
    sub_verbose = verbose
    saved_ascii = state.ascii_scope
    if add_flags & VERBOSE:
        sub_verbose = True
    if del_flags & VERBOSE:
        sub_verbose = False
    if add_flags & ASCII:
        state.ascii_scope = 1
    elif add_flags & (UNICODE | LOCALE):
        state.ascii_scope = 0
    body, lo, hi = _parse_sub(state, sub_verbose, nested + 1)
    state.ascii_scope = saved_ascii
    if not state.match(")"):
        state.err("missing ), unterminated subpattern", start)
    if gid is not None:
        state.closegroup(gid)
        return (K_ATOM, "(" + body + ")", lo, hi)
    if atomic:
        return (K_ATOM, "(?>" + body + ")", lo, hi)
    on = "".join(c for c, f in (("i", IGNORECASE), ("m", MULTILINE), ("s", DOTALL)) if add_flags & f)
    off = "".join(c for c, f in (("i", IGNORECASE), ("m", MULTILINE), ("s", DOTALL)) if del_flags & f)
    return (K_ATOM, "(?" + on + ("-" + off if off else "") + ":" + body + ")", lo, hi)


def fix_flags(src, flags):
    if isinstance(src, str):
        if flags & LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if not flags & ASCII:
            flags |= UNICODE
        elif flags & UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & LOCALE and flags & ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    return flags


def parse(pattern, flags):
    istext = isinstance(pattern, str)
    text = pattern if istext else pattern.decode("latin-1")
    state = _State(text, istext, flags)
    state.orig = pattern
    body = _parse_sub(state, flags & VERBOSE, 0)[0]
    if state.peek() is not None:
        state.err("unbalanced parenthesis", state.i)
    if state.lookbehind_error:
        raise error("look-behind requires fixed-width pattern")
    for g, pos in state.grouprefpos.items():
        if g >= state.groups:
            raise error("invalid group reference %d" % g, pattern, pos)
    p = Parsed()
    p.flags = fix_flags(pattern, state.flags)
    if state.flags & ASCII and not (flags & ASCII):
        pass
    p.text = body
    p.groups = state.groups - 1
    p.groupindex = state.groupdict
    p.parents = state.parents
    return p


# --- replacement templates ----------------------------------------------------------------------

def parse_template(source, groups, groupindex):
    """-> list of literal strings and group numbers (ints), alternating as they come."""
    istext = isinstance(source, str)
    s = source if istext else str(source, "latin1")
    state = _State(s, istext, 0)
    state.orig = source
    result = []
    literal = []

    def addgroup(index, pos):
        if index > groups:
            state.err("invalid group reference %d" % index, pos)
        if literal:
            result.append("".join(literal))
            del literal[:]
        result.append(index)

    while True:
        start = state.i
        this = state.get()
        if this is None:
            break
        if this[0] == "\\":
            c = this[1]
            if c == "g":
                if not state.match("<"):
                    state.err("missing <", state.i)
                namepos = state.i
                name = state.getuntil(">", "group name")
                if name.isidentifier():
                    state.checkgroupname(name, len(name) + 1)
                    try:
                        index = groupindex[name]
                    except KeyError:
                        raise IndexError("unknown group name %r" % name) from None
                else:
                    try:
                        index = int(name)
                        if index < 0:
                            raise ValueError
                    except ValueError:
                        state.err("bad character in group name %r" % name, namepos)
                    if index >= MAXGROUPS:
                        state.err("invalid group reference %d" % index, namepos)
                addgroup(index, namepos)
            elif c == "0":
                if state.i < state.n and state.s[state.i] in OCTDIGITS:
                    this += state.get()
                    if state.i < state.n and state.s[state.i] in OCTDIGITS:
                        this += state.get()
                literal.append(chr(int(this[1:], 8) & 0xFF))
            elif c in DIGITS:
                isoctal = False
                if state.i < state.n and state.s[state.i] in DIGITS:
                    this += state.get()
                    if (c in OCTDIGITS and this[2] in OCTDIGITS and state.i < state.n
                            and state.s[state.i] in OCTDIGITS):
                        this += state.get()
                        isoctal = True
                        v = int(this[1:], 8)
                        if v > 0o377:
                            state.err("octal escape value %s outside of range 0-0o377" % this, start)
                        literal.append(chr(v))
                if not isoctal:
                    addgroup(int(this[1:]), start + 1)
            elif this in ESCAPES:
                literal.append(chr(ESCAPES[this]))
            else:
                if c in ASCIILETTERS:
                    state.err("bad escape %s" % this, start)
                literal.append(this)
        else:
            literal.append(this)
    if literal:
        result.append("".join(literal))
    if not istext:
        result = [x.encode("latin-1") if isinstance(x, str) else x for x in result]
    return result
