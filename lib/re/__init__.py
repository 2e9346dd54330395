"""Support for regular expressions (RE): CPython 3.12's `re` API on PCRE2.

gilpy: written for gilpy (issue 6). Layers:
- re._parser reads Python's regex syntax (CPython's messages and positions for re.error) and
  emits an equivalent PCRE2 pattern (see its docstring for the translation rules);
- the C++ module _re (src/modules/re.cpp) compiles that text with PCRE2 (JIT when available) and
  returns match spans in code-point indices; `scan` produces all successive matches at once with
  Python's empty-match rules, which findall/finditer/sub/subn/split use;
- this module holds the public API: Pattern and Match (pure Python objects over the spans),
  the module-level functions, flags (RegexFlag, an int subclass with CPython's reprs), the
  compiled-pattern cache (keyed by type, pattern and flags; cleared when it exceeds _MAXCACHE).
Match.lastindex is derived from the spans and the group nesting recorded by the parser (the
matched group that closed last), since PCRE2 does not report closing order.
"""

import _re
from re import _parser

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

_MAXSIZE = 9223372036854775807


class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes:

        msg: The unformatted error message
        pattern: The regular expression pattern
        pos: The index in the pattern where compilation failed (may be None)
        lineno: The line corresponding to pos (may be None)
        colno: The column corresponding to pos (may be None)
    """

    __module__ = "re"

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            if isinstance(pattern, str):
                newline = "\n"
            else:
                newline = b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


_parser.error = error

# --- flags --------------------------------------------------------------------------------------

_FLAG_NAMES = [("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
               ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1),
               ("DEBUG", 128)]
_ALL_FLAGS = 511


class RegexFlag(int):
    """An int with the names of re's flags in its repr (CPython: an enum.IntFlag)."""

    __module__ = "re"
    __slots__ = ()

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        neg = v < 0
        if neg:
            v = ~v
        names = []
        for name, bit in _FLAG_NAMES:
            if v & bit:
                names.append("re." + name)
                v &= ~bit
        if v:
            names.append(hex(v))
        r = "|".join(names)
        return "~" + r if neg else r

    __str__ = __repr__

    def __format__(self, spec):
        return format(int(self), spec) if spec else repr(self)

    @property
    def name(self):
        r = repr(self)
        return r.replace("re.", "") if "0x" not in r else None

    @property
    def value(self):
        return int(self)

    def __or__(self, other):
        if isinstance(other, int):
            r = int(self) | int(other)
            return RegexFlag(r) if isinstance(other, RegexFlag) else r
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, int):
            return int(self) | int(other)
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, int):
            r = int(self) & int(other)
            return RegexFlag(r) if isinstance(other, RegexFlag) else r
        return NotImplemented

    def __rand__(self, other):
        if isinstance(other, int):
            return int(self) & int(other)
        return NotImplemented

    def __xor__(self, other):
        if isinstance(other, int):
            r = int(self) ^ int(other)
            return RegexFlag(r) if isinstance(other, RegexFlag) else r
        return NotImplemented

    def __invert__(self):
        return RegexFlag(~int(self) & _ALL_FLAGS)


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)


# --- Match --------------------------------------------------------------------------------------

class Match:
    """The result of re.match() and re.search(). Match objects always have a boolean value of
    True."""

    __slots__ = ("_spans", "_pattern", "_string", "_pos", "_endpos")

    def __init__(self, *args):
        raise TypeError("cannot create 're.Match' instances")

    @property
    def string(self):
        return self._string

    @property
    def re(self):
        return self._pattern

    @property
    def pos(self):
        return self._pos

    @property
    def endpos(self):
        return self._endpos

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self._pattern._groups:
                return g
            raise IndexError("no such group")
        if isinstance(g, str):
            try:
                return self._pattern._groupindex[g]
            except KeyError:
                pass
        elif hasattr(type(g), "__index__"):
            i = g.__index__()
            if 0 <= i <= self._pattern._groups:
                return i
        raise IndexError("no such group")

    def _get(self, i, default=None):
        s = self._spans
        a = s[2 * i]
        if a < 0:
            return default
        return self._string[a:s[2 * i + 1]]

    def group(self, *args):
        # the common one-argument forms inline _get (this is on every log-parsing loop's path)
        if len(args) == 1:
            g = args[0]
            if type(g) is int and 0 <= g <= self._pattern._groups:
                i = g
            elif type(g) is str and g in self._pattern._groupindex:
                i = self._pattern._groupindex[g]
            else:
                i = self._index(g)
            s = self._spans
            a = s[2 * i]
            return self._string[a:s[2 * i + 1]] if a >= 0 else None
        if not args:
            return self._string[self._spans[0]:self._spans[1]]
        return tuple(self._get(self._index(g)) for g in args)

    def __getitem__(self, g):
        return self.group(g)

    def groups(self, default=None):
        s = self._spans
        string = self._string
        return tuple(string[s[2 * i]:s[2 * i + 1]] if s[2 * i] >= 0 else default
                     for i in range(1, self._pattern._groups + 1))

    def groupdict(self, default=None):
        s = self._spans
        string = self._string
        return {name: string[s[2 * i]:s[2 * i + 1]] if s[2 * i] >= 0 else default
                for name, i in self._pattern._groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        s = self._spans
        return tuple((s[2 * i], s[2 * i + 1]) for i in range(len(s) // 2))

    @property
    def lastindex(self):
        s = self._spans
        parents = self._pattern._parents
        best = None
        for i in range(1, len(s) // 2):
            if s[2 * i] < 0:
                continue
            if best is None or s[2 * i + 1] > s[2 * best + 1]:
                best = i
            elif s[2 * i + 1] == s[2 * best + 1]:
                # same end: an ancestor closes after its descendants, otherwise the later group
                p = parents[i]
                is_ancestor = False
                q = parents[best]
                while q is not None:
                    if q == i:
                        is_ancestor = True
                        break
                    q = parents[q]
                if is_ancestor:
                    best = i
                else:
                    while p is not None and p != best:
                        p = parents[p]
                    if p is None:
                        best = i
        return best

    @property
    def lastgroup(self):
        li = self.lastindex
        if li is None:
            return None
        for name, i in self._pattern._groupindex.items():
            if i == li:
                return name
        return None

    def expand(self, template):
        return _expand(self._pattern, self, template)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (
            self._spans[0], self._spans[1], self._get(0))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


def _make_match(pattern, string, spans, pos, endpos):
    m = object.__new__(Match)
    m._spans = spans
    m._pattern = pattern
    m._string = string
    m._pos = pos
    m._endpos = endpos
    return m


# --- Pattern ------------------------------------------------------------------------------------

def _clamp(string, pos, endpos):
    n = len(string)
    if pos < 0:
        pos = 0
    elif pos > n:
        pos = n
    if endpos < 0:
        endpos = 0
    elif endpos > n:
        endpos = n
    return pos, endpos


class Pattern:
    """Compiled regular expression object."""

    __slots__ = ("_code", "_pattern", "_flags", "_groups", "_groupindex", "_parents", "_bytes",
                 "__weakref__")

    def __init__(self, *args):
        raise TypeError("cannot create 're.Pattern' instances")

    @property
    def pattern(self):
        return self._pattern

    @property
    def flags(self):
        return self._flags

    @property
    def groups(self):
        return self._groups

    @property
    def groupindex(self):
        return dict(self._groupindex)

    def _check(self, string):
        if isinstance(string, str):
            if self._bytes:
                raise TypeError("cannot use a bytes pattern on a string-like object")
        elif isinstance(string, (bytes, bytearray)):
            if not self._bytes:
                raise TypeError("cannot use a string pattern on a bytes-like object")
        else:
            raise TypeError("expected string or bytes-like object, got %r" % type(string).__name__)

    def _run(self, string, pos, endpos, mode):
        self._check(string)
        spans = self._code.match(string, pos, endpos, mode)
        if spans is None:
            return None
        pos, endpos = _clamp(string, pos, endpos)
        return _make_match(self, string, spans, pos, endpos)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Matches zero or more characters at the beginning of the string."""
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Matches against all of the string."""
        return self._run(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """Scan through string looking for a match, and return a corresponding match object
        instance."""
        return self._run(string, pos, endpos, 0)

    def _scan(self, string, pos=0, endpos=_MAXSIZE, limit=0):
        self._check(string)
        return self._code.scan(string, pos, endpos, limit)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Return a list of all non-overlapping matches of pattern in string."""
        result = []
        g = self._groups
        empty = string[:0]
        for s in self._scan(string, pos, endpos):
            if g == 0:
                result.append(string[s[0]:s[1]])
            elif g == 1:
                result.append(string[s[2]:s[3]] if s[2] >= 0 else empty)
            else:
                result.append(tuple(string[s[2 * i]:s[2 * i + 1]] if s[2 * i] >= 0 else empty
                                    for i in range(1, g + 1)))
        return result

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """Return an iterator over all non-overlapping matches for the RE pattern in string."""
        spans = self._scan(string, pos, endpos)
        pos, endpos = _clamp(string, pos, endpos)
        return iter([_make_match(self, string, s, pos, endpos) for s in spans])

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of pattern."""
        if maxsplit < 0:
            return [string]
        result = []
        last = 0
        g = self._groups
        for s in self._scan(string, 0, _MAXSIZE, maxsplit):
            result.append(string[last:s[0]])
            for i in range(1, g + 1):
                result.append(string[s[2 * i]:s[2 * i + 1]] if s[2 * i] >= 0 else None)
            last = s[1]
        result.append(string[last:])
        return result

    def _subx(self, repl, string, count):
        self._check(string)
        if callable(repl):
            func = repl
            template = None
        else:
            func = None
            if self._bytes:
                if isinstance(repl, str):
                    raise TypeError("expected a bytes-like object, str found")
                try:
                    repl = bytes(repl)
                except TypeError:
                    raise TypeError("expected a bytes-like object, %s found"
                                    % type(repl).__name__) from None
            elif not isinstance(repl, str):
                raise TypeError("expected str instance, %s found" % type(repl).__name__)
            if (b"\\" if self._bytes else "\\") in repl:
                template = _compile_template(self, repl)
                if len(template) == 1 and not isinstance(template[0], int):
                    template = template[0]
            else:
                template = repl
        if count < 0:
            return string, 0
        spans = self._scan(string, 0, _MAXSIZE, count)
        if not spans:
            return string, 0
        parts = []
        last = 0
        for s in spans:
            parts.append(string[last:s[0]])
            if func is not None:
                r = func(_make_match(self, string, s, 0, len(string)))
                if r is not None:
                    parts.append(r)
            elif type(template) is list:
                for t in template:
                    if isinstance(t, int):
                        a = s[2 * t]
                        if a >= 0:
                            parts.append(string[a:s[2 * t + 1]])
                    else:
                        parts.append(t)
            else:
                parts.append(template)
            last = s[1]
        parts.append(string[last:])
        empty = b"" if self._bytes else ""
        if self._bytes:
            parts = [bytes(p) for p in parts]
        return empty.join(parts), len(spans)

    def sub(self, repl, string, count=0):
        """Return the string obtained by replacing the leftmost non-overlapping occurrences of
        pattern in string by the replacement repl."""
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost
        non-overlapping occurrences of pattern with the replacement repl."""
        return self._subx(repl, string, count)

    def __repr__(self):
        flags = self._flags
        if not self._bytes:
            flags &= ~32
        r = repr(self._pattern)
        if len(r) > 200:
            r = r[:200]
        if flags:
            return "re.compile(%s, %r)" % (r, RegexFlag(flags))
        return "re.compile(%s)" % r

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self._pattern == other._pattern and self._flags == other._flags
                and self._bytes == other._bytes)

    def __hash__(self):
        return hash((self._pattern, self._flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._last_empty = False

    def _next(self, mode):
        p = self.pattern
        spans = p._code.match(self._string, self._pos, self._endpos, mode)
        if spans is None:
            return None
        m = _make_match(p, self._string, spans, self._pos, self._endpos)
        self._pos = spans[1] if spans[1] > spans[0] else spans[1] + 1
        return m

    def match(self):
        return self._next(1)

    def search(self):
        return self._next(0)


def _compile_template(pattern, repl):
    key = (pattern, repl)
    t = _template_cache.get(key)
    if t is None:
        t = _parser.parse_template(repl, pattern._groups, pattern._groupindex)
        if len(_template_cache) >= _MAXCACHE:
            _template_cache.clear()
        _template_cache[key] = t
    return t


def _expand(pattern, match, template):
    t = _parser.parse_template(template, pattern._groups, pattern._groupindex)
    empty = template[:0]
    parts = []
    for x in t:
        if isinstance(x, int):
            v = match.group(x)
            parts.append(v if v is not None else empty)
        else:
            parts.append(x)
    return empty.join(parts)


# --- compilation and the cache ------------------------------------------------------------------

_cache = {}
_template_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except (KeyError, TypeError):
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = _compile_uncached(pattern, flags)
    if not (flags & DEBUG):
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def _compile_uncached(pattern, flags):
    parsed = _parser.parse(pattern, flags)
    fl = parsed.flags
    istext = isinstance(pattern, str)
    options = 0
    if istext:
        options |= _re.UTF
        if not (fl & 256):
            options |= _re.UCP
    if fl & 2:
        options |= _re.CASELESS
    if fl & 8:
        options |= _re.MULTILINE
    if fl & 16:
        options |= _re.DOTALL
    text = parsed.text if istext else parsed.text.encode("ascii")
    code = _re.compile(text, options)
    if isinstance(code, tuple):
        msg, offset = code
        if "lookbehind" in msg and "fixed" in msg:
            raise error("look-behind requires fixed-width pattern")
        raise error(msg)
    p = object.__new__(Pattern)
    p._code = code
    p._pattern = pattern
    p._flags = fl
    p._groups = parsed.groups
    p._groupindex = parsed.groupindex
    p._parents = parsed.parents
    p._bytes = not istext
    return p


# --- module-level functions ---------------------------------------------------------------------

def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning a Match object, or None if
    no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning a Match object, or None if no
    match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning a Match object, or None
    if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping occurrences of the
    pattern in string by the replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern, returning a list containing the
    resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Clear the regular expression caches"""
    _cache.clear()
    _template_cache.clear()


def template(pattern, flags=0):
    """Compile a template pattern, returning a Pattern object, deprecated"""
    return _compile(pattern, flags | TEMPLATE)


_special_chars_map = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    else:
        pattern = str(pattern, "latin1")
        return pattern.translate(_special_chars_map).encode("latin1")
