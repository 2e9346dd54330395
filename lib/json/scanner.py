"""JSON token scanner.

gilpy: as CPython's json.scanner, make_scanner is the _json accelerator's scanner
(c_make_scanner) when it exists, else py_make_scanner, a recursive-descent scanner in Python with
the C scanner's messages and positions. Both return a scan_once(string, idx) -> (value, end)
callable that raises StopIteration(idx) when no JSON value starts at idx.
"""
try:
    from _json import make_scanner as c_make_scanner
except ImportError:
    c_make_scanner = None

__all__ = ['make_scanner']

_WS = ' \t\n\r'
_DIGITS = '0123456789'


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


class _Scanner:
    __slots__ = ('strict', 'object_hook', 'object_pairs_hook', 'parse_float', 'parse_int',
                 'parse_constant', 'memo', 'error', 'scanstring')

    def __init__(self, context):
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = {}
        from json.decoder import JSONDecodeError, py_scanstring
        self.error = JSONDecodeError
        self.scanstring = py_scanstring

    def value(self, s, idx):
        """-> (value, end); raises StopIteration(idx) when no value starts at idx."""
        try:
            c = s[idx]
        except IndexError:
            raise StopIteration(idx) from None
        if c == '"':
            return self.scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self.object(s, idx + 1)
        if c == '[':
            return self.array(s, idx + 1)
        if c == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if c == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if c == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        if c == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        # number: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?
        n = len(s)
        i = idx
        if c == '-':
            i += 1
        if i >= n or s[i] not in _DIGITS:
            raise StopIteration(idx)
        if s[i] == '0':
            i += 1
        else:
            while i < n and s[i] in _DIGITS:
                i += 1
        int_end = i
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            is_float = True
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                is_float = True
        if is_float:
            return self.parse_float(s[idx:i]), i
        return self.parse_int(s[idx:int_end]), int_end

    def object(self, s, end):
        pairs = []
        n = len(s)
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            raise self.error("Expecting property name enclosed in double quotes", s, end)
        end += 1
        memo = self.memo
        while True:
            key, end = self.scanstring(s, end, self.strict)
            key = memo.setdefault(key, key)
            end = _skip_ws(s, end)
            if s[end:end + 1] != ':':
                raise self.error("Expecting ':' delimiter", s, end)
            end = _skip_ws(s, end + 1)
            try:
                value, end = self.value(s, end)
            except StopIteration as err:
                raise self.error("Expecting value", s, err.value) from None
            pairs.append((key, value))
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            if nextchar != ',':
                raise self.error("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise self.error(
                    "Expecting property name enclosed in double quotes", s, end - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, end

    def array(self, s, end):
        values = []
        end = _skip_ws(s, end)
        if s[end:end + 1] == ']':
            return values, end + 1
        while True:
            try:
                value, end = self.value(s, end)
            except StopIteration as err:
                raise self.error("Expecting value", s, err.value) from None
            values.append(value)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            if nextchar != ',':
                raise self.error("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
        return values, end


def py_make_scanner(context):
    """Return a scan_once(string, idx) function configured from the decoder `context`."""
    scanner = _Scanner(context)

    def scan_once(string, idx):
        if idx < 0:
            raise ValueError('idx cannot be negative')
        return scanner.value(string, idx)

    return scan_once


make_scanner = c_make_scanner or py_make_scanner
