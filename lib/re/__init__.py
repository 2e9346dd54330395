"""Support for regular expressions (RE): CPython 3.12's `re` API on PCRE2.

gilpy: written for gilpy (issue 6). Layers:
- re._parser reads Python's regex syntax (CPython's messages and positions for re.error) and
  emits an equivalent PCRE2 pattern (see its docstring for the translation rules);
- the C++ module _re (src/modules/re.cpp, re_match.cpp) compiles that text with PCRE2 (JIT when
  available) and implements re.Pattern and re.Match natively: matching, findall/finditer/split/
  sub/subn loops building their results directly, Match's whole API. It calls back into
  _compile_template below to parse replacement templates that contain backslashes;
- this module holds the public API around them: the module-level functions, flags (RegexFlag,
  an int subclass with CPython's reprs), the compiled-pattern and template caches (cleared when
  they exceed _MAXCACHE), pickling of patterns (copyreg, through _compile).
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


# --- Pattern and Match (native: src/modules/re.cpp, re_match.cpp) ------------------------------

Pattern = _re.Pattern
Match = _re.Match


def _compile_template(pattern, repl):
    # internal (called by _re for sub() templates and Match.expand): the parsed replacement, a
    # list of literals and group numbers
    key = (pattern, type(repl), repl)
    t = _template_cache.get(key)
    if t is None:
        t = _parser.parse_template(repl, pattern.groups, pattern.groupindex)
        if len(_template_cache) >= _MAXCACHE:
            _template_cache.clear()
        _template_cache[key] = t
    return t


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
    if istext and not (fl & 256):
        options |= _re.UCP
    if fl & 2:
        options |= _re.CASELESS
    if fl & 8:
        options |= _re.MULTILINE
    if fl & 16:
        options |= _re.DOTALL
    p = _re.compile(pattern, fl, parsed.text, options, parsed.groups, parsed.groupindex,
                    [-1 if q is None else q for q in parsed.parents])
    if isinstance(p, tuple):
        msg, offset = p
        if "lookbehind" in msg and "fixed" in msg:
            raise error("look-behind requires fixed-width pattern")
        raise error(msg)
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


# --- pickling -----------------------------------------------------------------------------------

import copyreg


def _pickle(p):
    return _compile, (p.pattern, p.flags)


copyreg.pickle(Pattern, _pickle, _compile)
