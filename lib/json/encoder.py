"""Implementation of JSONEncoder.

gilpy: laid out as CPython's json.encoder: the string escapers and the one-shot encoder are the
_json accelerator's (c_encode_basestring_ascii, c_encode_basestring, c_make_encoder) when it
exists. CPython 3.12 uses c_make_encoder only without an indent; gilpy's also handles an int or
str indent (as 3.13's does), with the observable behaviour of 3.12's Python path (see
src/modules/json.cpp). The pure-Python path (iterencode without _one_shot, dump, or no _json)
appends chunks to a list in one recursive pass (iterencode returns an iterator over that list);
float and int reprs are float.__repr__/int.__repr__ as in CPython, so subclasses such as IntEnum
members encode as numbers.
"""
try:
    from _json import encode_basestring_ascii as c_encode_basestring_ascii
except ImportError:
    c_encode_basestring_ascii = None
try:
    from _json import encode_basestring as c_encode_basestring
except ImportError:
    c_encode_basestring = None
try:
    from _json import make_encoder as c_make_encoder
except ImportError:
    c_make_encoder = None

__all__ = ['JSONEncoder']

ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for i in range(0x20):
    ESCAPE_DCT.setdefault(chr(i), '\\u{0:04x}'.format(i))
del i
_TRANSLATE = {ord(k): v for k, v in ESCAPE_DCT.items()}

INFINITY = float('inf')


def py_encode_basestring(s):
    """Return a JSON representation of a Python string"""
    return '"' + s.translate(_TRANSLATE) + '"'


encode_basestring = (c_encode_basestring or py_encode_basestring)


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string"""
    if s.isascii() and '\x7f' not in s:
        return '"' + s.translate(_TRANSLATE) + '"'
    out = []
    for c in s:
        n = ord(c)
        if n < 0x7f:
            out.append(ESCAPE_DCT.get(c, c))
        elif n < 0x10000:
            out.append('\\u{0:04x}'.format(n))
        else:
            n -= 0x10000
            s1 = 0xd800 | ((n >> 10) & 0x3ff)
            s2 = 0xdc00 | (n & 0x3ff)
            out.append('\\u{0:04x}\\u{1:04x}'.format(s1, s2))
    return '"' + ''.join(out) + '"'


encode_basestring_ascii = (c_encode_basestring_ascii or py_encode_basestring_ascii)


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns a serializable object for
        ``o``, or calls the base implementation (to raise a ``TypeError``)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation as available."""
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        if _one_shot and c_make_encoder is not None:
            _iterencode = c_make_encoder(
                {} if self.check_circular else None, self.default,
                encode_basestring_ascii if self.ensure_ascii else encode_basestring,
                indent, self.key_separator, self.item_separator, self.sort_keys,
                self.skipkeys, self.allow_nan)
            return _iterencode(o, 0)
        chunks = []
        _encode(self, o, indent, chunks)
        return iter(chunks)


def _encode(enc, o, indent, out):
    markers = {} if enc.check_circular else None
    encoder = encode_basestring_ascii if enc.ensure_ascii else encode_basestring
    allow_nan = enc.allow_nan
    item_separator = enc.item_separator
    key_separator = enc.key_separator
    sort_keys = enc.sort_keys
    skipkeys = enc.skipkeys
    default = enc.default
    append = out.append
    int_repr = int.__repr__
    float_repr = float.__repr__

    def floatstr(o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float_repr(o)
        if not allow_nan:
            raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
        return text

    def enc_list(lst, level):
        if not lst:
            append('[]')
            return
        if markers is not None:
            markerid = id(lst)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = lst
        buf = '['
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            separator = item_separator + newline_indent
            buf += newline_indent
        else:
            newline_indent = None
            separator = item_separator
        first = True
        for value in lst:
            if first:
                append(buf)
                first = False
            else:
                append(separator)
            enc_value(value, level)
        if newline_indent is not None:
            level -= 1
            append('\n' + indent * level)
        append(']')
        if markers is not None:
            del markers[markerid]

    def enc_dict(dct, level):
        if not dct:
            append('{}')
            return
        if markers is not None:
            markerid = id(dct)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = dct
        append('{')
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            item_sep = item_separator + newline_indent
            append(newline_indent)
        else:
            newline_indent = None
            item_sep = item_separator
        first = True
        if sort_keys:
            items = sorted(dct.items())
        else:
            items = dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int_repr(key)
            elif skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                append(item_sep)
            append(encoder(key))
            append(key_separator)
            enc_value(value, level)
        if newline_indent is not None:
            level -= 1
            append('\n' + indent * level)
        append('}')
        if markers is not None:
            del markers[markerid]

    def enc_value(o, level):
        if isinstance(o, str):
            append(encoder(o))
        elif o is None:
            append('null')
        elif o is True:
            append('true')
        elif o is False:
            append('false')
        elif isinstance(o, int):
            append(int_repr(o))
        elif isinstance(o, float):
            append(floatstr(o))
        elif isinstance(o, (list, tuple)):
            enc_list(o, level)
        elif isinstance(o, dict):
            enc_dict(o, level)
        else:
            if markers is not None:
                markerid = id(o)
                if markerid in markers:
                    raise ValueError("Circular reference detected")
                markers[markerid] = o
            o = default(o)
            enc_value(o, level)
            if markers is not None:
                del markers[markerid]

    enc_value(o, 0)
