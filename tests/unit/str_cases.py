#!/usr/bin/env python3
"""Expected results for tests/unit/str_test.cpp and tests/unit/format_spec_test.cpp, computed by
CPython 3.12 (the oracle). Regenerate after editing the case lists:

    PYENV_VERSION=3.12.1 python3 tests/unit/str_cases.py

Each case is a Python expression; the expectation is repr(result), or "ExcType: message" when it
raises. Writes tests/unit/str_cases.inc and tests/unit/str_format_cases.inc (C++ arrays of
{expression, expected} pairs) and tests/unit/unicode_digests.inc (digests of every Unicode
predicate and case mapping over all code points), all stamped as generated.
"""
import os
import sys

assert sys.version_info[:2] == (3, 12), "run with CPython 3.12"

STR_CASES = r"""
# construction, repr, indexing, slicing
'abc'
'it\'s'
"say \"hi\""
'both \' and "'
'\t\n\r\x00\x7f\\'
'é€😀'
'\x80\xa0\xad'
'\u200b\ud800\U000e0001'
'\u0378'
str()
str(123)
str(b'ab')
str(b'caf\xc3\xa9', 'utf-8')
str(b'\xff', 'utf-8', 'replace')
str(b'x', errors='strict')
str('x', 'utf-8')
str(1, 'utf-8')
str(x=1)
'abcdef'[2]
'abcdef'[-1]
'abcdef'[6]
'abcdef'['x']
'abcdef'[1.0]
'héllo'[1]
'a😀b'[1]
'abcdef'[1:4]
'abcdef'[::2]
'abcdef'[::-1]
'abcdef'[-2:]
'abcdef'[4:1]
'h€llo wörld'[::-2]
'a😀bc'[1:3]
len('a😀b')
'ab' + 'cd'
'ab' + 'é'
'ab' + 1
'ab' * 3
'é' * 2
3 * 'xy'
'ab' * -1
'ab' * 'c'
'b' in 'abc'
'' in 'abc'
'é' in 'abc'
1 in 'abc'
'abc' < 'abd'
'abc' < 'ab'
'é' > 'z'
'😀' > '€'
'a' == 'a'
'a' != 'b'
'abc' == b'abc'
list('a😀')
list(reversed('abc'))
hash('abc') == hash('ab' + 'c')
hash('é') == hash('é'[0])
# split & friends
'a b  c '.split()
'  a b  c '.split(None, 1)
'a,b,,c'.split(',')
'a,b,,c'.split(',', 2)
'a,b,,c'.rsplit(',', 1)
'a b c'.rsplit(None, 1)
'  a b c  '.rsplit()
'a\u3000b\x1cc\x85d'.split()
''.split()
''.split(',')
'abc'.split('')
'abc'.split(1)
'abc'.split(maxsplit='x')
'a::b::c'.split('::')
'héé€héé'.split('é')
'a\nb\r\nc\rd\x0be\x1cf\u2028g'.splitlines()
'a\nb\r\nc\n'.splitlines(True)
'a\nb'.splitlines(keepends=True)
'abc'.partition('b')
'abc'.partition('x')
'abcbd'.rpartition('b')
'abc'.rpartition('x')
'abc'.partition('')
'abc'.partition(1)
','.join(['a', 'b', 'c'])
''.join([])
'-'.join('abc')
'é'.join(['a', 'b'])
','.join(['a', 1])
','.join(1)
','.join(x for x in 'ab')
# strip
'  ab  '.strip()
'xxabyy'.strip('xy')
'xxabyy'.lstrip('x')
'xxabyy'.rstrip('y')
'\u3000ab\u2009'.strip()
'ééaéé'.strip('é')
'ab'.strip(1)
'ab'.strip('a', 'b')
'ab'.strip(None)
# replace
'aaa'.replace('a', 'b')
'aaa'.replace('a', 'b', 2)
'abc'.replace('', '-')
'abc'.replace('', '-', 2)
'abc'.replace('x', 'y')
'aéa'.replace('é', 'e')
'abc'.replace('b', '€')
'a😀a'.replace('😀', '')
'abc'.replace(1, 'x')
'abc'.replace('a')
'abcabc'.replace('bc', 'X', -1)
# find family
'hello'.find('l')
'hello'.rfind('l')
'hello'.find('l', 3)
'hello'.find('l', -2)
'hello'.find('z')
'hello'.find('', 5)
'hello'.find('', 6)
'hello'.find('lo', 1, 4)
'hello'.index('l')
'hello'.index('z')
'hello'.rindex('z')
'hello'.count('l')
'aaaa'.count('aa')
'hello'.count('')
'hello'.count('', 10)
'héllo'.find('llo')
'h€llo'.find('é')
'h€llo'.rfind('l')
'a😀b😀'.rfind('😀')
'hello'.find(1)
'hello'.find()
'hello'.find('l', 'x')
'hello'.find('l', None, 3)
'hello'.startswith('he')
'hello'.startswith(('x', 'he'))
'hello'.startswith('l', 2)
'hello'.endswith('lo', 0, 5)
'hello'.endswith('ll', 0, 4)
'hello'.startswith('', 5)
'hello'.startswith('', 6)
'hello'.startswith(1)
'hello'.startswith((1,))
'hello'.endswith(('a', 'o'))
# case
'Hello World'.lower()
'Hello World'.upper()
'Hello World'.swapcase()
'hello world'.title()
"they're bill's".title()
'hELLO'.capitalize()
'ß'.upper()
'ﬁ'.upper()
'ǆ'.title()
'ǆ'.capitalize()
'ΣΑΣ'.lower()
'ΑΣ Σ'.lower()
'ΑΣ.'.lower()
'İ'.lower()
'ẞ'.casefold()
'Straße'.casefold()
'ŉ'.upper()
'ῳ'.title()
'ΣαΣ'.swapcase()
'Ǳ'.swapcase()
'ǲ'.lower()
'hello'.upper(1)
# predicates
'abc'.isalpha()
'ab1'.isalpha()
'éπ'.isalpha()
''.isalpha()
'123'.isdigit()
'²'.isdigit()
'²'.isdecimal()
'½'.isnumeric()
'½'.isdigit()
'٣'.isdecimal()
'a1'.isalnum()
'Ⅻ'.isnumeric()
' \t\n\x1c\u3000'.isspace()
''.isspace()
'ABC'.isupper()
'AbC'.isupper()
'abc1'.islower()
'ǅ'.istitle()
'ǅ'.isupper()
'Hello World'.istitle()
'Hello world'.istitle()
'HeLLo'.istitle()
'1A'.istitle()
'_abc1'.isidentifier()
'1abc'.isidentifier()
'ℕ'.isidentifier()
'a·'.isidentifier()
''.isidentifier()
'abc\n'.isprintable()
''.isprintable()
'é'.isprintable()
'\xad'.isprintable()
'abc'.isascii()
'é'.isascii()
''.isascii()
# padding
'ab'.center(6)
'ab'.center(5, '*')
'abc'.center(6, '*')
'ab'.center(1)
'ab'.ljust(5, '-')
'ab'.rjust(5, '€')
'ab'.center(5, 'xy')
'ab'.center(5, 1)
'ab'.center('5')
'ab'.center()
'42'.zfill(5)
'-42'.zfill(5)
'+4'.zfill(4)
'abc'.zfill(2)
''.zfill(3)
'a\tb\tc'.expandtabs()
'a\tbc\td'.expandtabs(4)
'a\n\tb'.expandtabs(2)
'a\tb'.expandtabs(0)
'a\tb'.expandtabs(tabsize=3)
'é\tb'.expandtabs(4)
# affixes, translate, maketrans
'TestHook'.removeprefix('Test')
'TestHook'.removeprefix('Hook')
'TestHook'.removesuffix('Hook')
'abc'.removesuffix('')
'abc'.removeprefix(1)
'abc'.translate({97: 'x', 98: None, 99: 100})
'abc'.translate({97: 'xyz'})
'abc'.translate(str.maketrans('ab', 'xy', 'c'))
'abc'.translate({97: 1.5})
'abc'.translate({97: 0x110000})
'aé'.translate({233: 'e'})
str.maketrans({'a': 'b', 98: None})
str.maketrans('ab', 'c')
str.maketrans({'ab': 1})
str.maketrans(1)
sorted(str.maketrans('ab', 'cd').items())
# encode / decode
'héllo'.encode()
'héllo'.encode('ascii')
'héllo'.encode('ascii', 'ignore')
'héllo'.encode('ascii', 'replace')
'héllo'.encode('ascii', 'xmlcharrefreplace')
'héllo'.encode('ascii', 'backslashreplace')
'h€llo'.encode('latin-1')
'héllo'.encode('latin1')
'héllo'.encode('Latin-1')
'héllo'.encode('UTF8')
'héllo'.encode('xyz')
'é'.encode('ascii', 'bogus')
'a\udc80b'.encode('utf-8', 'surrogateescape')
'a\ud800b'.encode()
'a\ud800\udfffb'.encode()
'a\ud800b'.encode('utf-8', 'surrogatepass')
'😀'.encode('ascii', 'backslashreplace')
'x'.encode(encoding=1)
b'\xff'.decode()
b'a\xe0\x80'.decode()
b'\xe0\xa0'.decode()
b'\xf0\x90\x41\x41'.decode()
b'\xed\xa0\x80'.decode()
b'\xed\xa0\x80'.decode('utf-8', 'replace')
b'ab\xc3(z'.decode('utf-8', 'ignore')
b'\xff\xfe'.decode('utf-8', 'surrogateescape')
b'a\xffb'.decode('utf-8', 'backslashreplace')
b'\xff'.decode('ascii')
b'\xff\xfe'.decode('ascii', 'replace')
b'\xe9'.decode('latin-1')
b'\xf0\x9f\x98\x80'.decode()
b'\xc3\xa9t\xc3\xa9'.decode('utf8')
b'\xff'.decode('utf-8', 'bogus')
b'x'.decode('nope')
'a😀'.encode('utf-16')
'a😀'.encode('utf-16-be')
'a😀'.encode('UTF-32LE')
'A'.encode('utf_32_be')
'a\ud800b'.encode('utf-16')
'a\ud800b'.encode('utf-16-le', 'replace')
'a\ud800b'.encode('utf-16-be', 'surrogatepass')
'a\ud800b'.encode('utf-32', 'backslashreplace')
b'\xff\xfeA\x00'.decode('utf-16')
b'\xfe\xff\x00A\xd8=\xde\x00'.decode('utf-16')
b'A'.decode('utf-16')
b'\x00\xd8'.decode('utf-16-le')
b'\x00\xdcA\x00'.decode('utf-16-le')
b'\x00\xd8A\x00'.decode('utf-16-le', 'replace')
b'\x00\x00\x11\x00'.decode('utf-32-le')
b'\x00\xd8\x00\x00'.decode('utf-32')
b'ab'.decode('utf-32', 'replace')
b'\x00\x00\xfe\xff\x00\x00\x00A'.decode('utf-32')
# bytes and bytearray
b'abc'
b"it's"
b'\'"'
b'\x00\t\n\r\x7f\x80\\'
bytearray(b'xy')
bytes()
bytes(3)
bytes([1, 2, 255])
bytes([256])
bytes([-1])
bytes(['a'])
bytes(range(3))
bytes('x')
bytes('é', 'utf-8')
bytes('x', encoding='ascii', errors='strict')
bytes(b'x', 'utf-8')
bytes(3, 'utf-8')
bytes(errors='strict')
bytes(-1)
bytes(1.5)
bytes(x=1)
bytes(bytearray(b'q'))
bytearray('x')
bytearray(-1)
bytearray(1.5)
bytearray('é', 'utf-8')
b'abc'[1]
b'abc'[-1]
b'abc'[5]
b'abc'['x']
b'abcdef'[1:4]
b'abcdef'[::-2]
bytearray(b'abc')[1]
bytearray(b'abc')[5]
bytearray(b'abcdef')[::2]
b'ab' + b'cd'
b'ab' + bytearray(b'z')
bytearray(b'x') + b'y'
b'ab' + 'c'
b'ab' * 3
b'ab' * -1
97 in b'abc'
b'bc' in b'abc'
300 in b'abc'
'a' in b'abc'
b'abc' < b'abd'
b'abc' == bytearray(b'abc')
b'abc' == 'abc'
list(b'ab')
hash(b'abc') == hash('abc')
hash(bytearray())
b'a b  c'.split()
b'a,b,,c'.split(b',')
b'a,b,,c'.rsplit(b',', 1)
b'abc'.split(b'')
b'abc'.split('a')
b' a b '.rsplit(None, 1)
b'a\nb\r\nc'.splitlines()
b'a\nb\r\nc'.splitlines(keepends=True)
b'-'.join([b'a', bytearray(b'b'), b'c'])
b'-'.join([1])
b'-'.join(['a'])
bytearray(b',').join([b'x', b'y'])
b'  ab  '.strip()
b'xxabyy'.strip(b'xy')
b'ab'.strip('a')
b'aaa'.replace(b'a', b'b', 2)
b'abc'.replace(b'', b'-')
b'hello'.find(b'l')
b'hello'.find(108)
b'hello'.find(300)
b'hello'.find('l')
b'hello'.find(1.5)
b'hello'.rfind(b'l')
b'hello'.index(b'z')
b'hello'.count(b'l')
b'hello'.count(108, 3)
b'hello'.startswith(b'he')
b'hello'.startswith((b'x', b'he'))
b'hello'.startswith('he')
b'hello'.endswith(bytearray(b'lo'))
b'Hello World'.lower()
b'Hello World'.upper()
b'Hello World'.swapcase()
b'hello world'.title()
b'hELLO'.capitalize()
b'abc'.isalpha()
b'ab1'.isalnum()
b'123'.isdigit()
b' \t'.isspace()
b'ABC'.isupper()
b'abc'.islower()
b'Ab Cd'.istitle()
b'\x80'.isascii()
b'ab'.center(6, b'*')
b'ab'.center(6, '*')
b'ab'.ljust(5)
b'ab'.rjust(5, b'0')
b'-42'.zfill(6)
b'a\tb'.expandtabs(4)
b'abc'.partition(b'b')
b'abc'.rpartition(b'x')
b'abc'.partition(b'')
b'TestHook'.removeprefix(b'Test')
b'TestHook'.removesuffix(b'Hook')
b'\x01\x02\x03\x04\x05'.hex()
b'\x01\x02\x03\x04\x05'.hex(':', 2)
b'\x01\x02\x03\x04\x05'.hex(b'-', -2)
b'abc'.hex('::')
bytes.fromhex('de ad BE ef')
bytes.fromhex('zz')
bytes.fromhex('61 6')
bytearray.fromhex('0102')
bytes.fromhex()
bytearray.fromhex()
bytes.maketrans(b'a')
b'a'.decode('utf-8', 'strict', 1)
str.maketrans(1, 2, 3, 4)
b'a'.hex(1, 2, 3)
bytearray().insert(1)
bytearray().pop(1, 2)
bytearray().append()
'a'.split(1, 2, 3)
'a'.format_map()
'a'.splitlines(1, 2)
'a'.encode(1, 2, 3)
'a'.find(sub='a')
'a'.strip(chars='a')
'a'.upper(x=1)
'a'.join(iterable=[])
b'a'.find(sub=1)
bytearray(b'a').find(sub=1)
b'a'.strip(bytes=1)
b'a'.replace(old=1)
'a'.replace(old=1)
b'a'.center(width=1)
'a'.center(width=1)
bytearray().insert(index=1)
bytearray().pop(index=1)
str.maketrans(x=1)
bytes.maketrans(x=1)
'a'.startswith(prefix='a')
'a'.partition(sep='a')
'a'.zfill(width=1)
'a'.translate(table=1)
'a'.removeprefix(prefix='a')
b'a'.count(x=1)
b'a'.upper(x=1)
bytearray().clear(x=1)
b'abc'.translate(bytes.maketrans(b'ab', b'xy'))
b'abc'.translate(None, b'b')
b'abc'.translate(b'x')
bytes.maketrans(b'a', b'bc')
b'caf\xc3\xa9'.decode()
b'caf\xc3\xa9'.decode(encoding='latin-1')
b'x'.decode(1)
b'%s=%d %x %c %r %a %5.2f %%' % (b'k', 5, 255, 65, b'q', 'e', 3.14159)
b'%s' % 'x'
b'%c' % 256
b'%c' % b'ab'
b'%(k)s' % {b'k': b'v'}
b'%b' % bytearray(b'z')
b'x' % (1,)
b'%y' % 1
bytearray(b'%d') % 5
(lambda a: (a.__setitem__(0, 72), a)[1])(bytearray(b'hello'))
(lambda a: (a.__setitem__(0, 256), a)[1])(bytearray(b'hello'))
(lambda a: (a.__setitem__(9, 1), a)[1])(bytearray(b'hello'))
(lambda a: (a.__setitem__(slice(1, 3), b'XYZ'), a)[1])(bytearray(b'hello'))
(lambda a: (a.__setitem__(slice(1, 2), [65, 66]), a)[1])(bytearray(b'hello'))
(lambda a: (a.__setitem__(slice(0, 2), 5), a)[1])(bytearray(b'hello'))
(lambda a: (a.__setitem__(slice(None, None, 2), b'xyz'), a)[1])(bytearray(b'hello'))
(lambda a: (a.__setitem__(slice(None, None, 2), b'xy'), a)[1])(bytearray(b'hello'))
(lambda a: (a.__delitem__(slice(None, None, 2)), a)[1])(bytearray(b'hello'))
(lambda a: (a.__delitem__(slice(None, None, -2)), a)[1])(bytearray(b'hello!'))
(lambda a: (a.__delitem__(-1), a)[1])(bytearray(b'hello'))
(lambda a: (a.append(33), a.extend(b'??'), a.insert(0, 62), a)[3])(bytearray(b'hi'))
(lambda a: (a.append('x'), a)[1])(bytearray(b'hi'))
(lambda a: (a.extend(5), a)[1])(bytearray(b'hi'))
(lambda a: (a.insert(0, 300), a)[1])(bytearray(b'hi'))
(lambda a: (a.pop(), a.pop(0), a)[0:3])(bytearray(b'hello'))
bytearray().pop()
bytearray(b'abc').pop(7)
(lambda a: (a.remove(108), a)[1])(bytearray(b'hello'))
bytearray(b'abc').remove(120)
(lambda a: (a.reverse(), a.copy(), a.clear(), a)[1:])(bytearray(b'abc'))
(lambda a: (a.__iadd__(b'cd'), a)[1])(bytearray(b'ab'))
(lambda a: (a.__iadd__('cd'), a)[1])(bytearray(b'ab'))
(lambda a: (a.__imul__(3), a)[1])(bytearray(b'ab'))
(lambda a: (a.__imul__(0), a)[1])(bytearray(b'ab'))
"""

FORMAT_CASES = r"""
# % formatting
'%s-%r-%a' % ('é', 'é', 'é')
'%d %i %u' % (1, -2, 3)
'%x %X %o' % (255, 255, 8)
'%#x %#X %#o' % (255, 255, 8)
'%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42)
'%+05d|% 05d|%-+6d|' % (42, 42, 7)
'%.3d|%5.3d|%-6.4x|' % (7, 7, 10)
'%f %e %g' % (3.14159, 31415.9, 0.0000314)
'%.2f|%10.3f|%-10.1e|' % (2.675, -3.14159, 12345.6789)
'%08.2f|%+.1f|%#.0f' % (-1.5, 2.25, 3.0)
'%F %G %E' % (float('inf'), 1e-10, 12.0)
'%f %F' % (float('nan'), float('-inf'))
'%c%c%c' % (97, 'b', 0x20ac)
'%5s|%-5s|%.2s|%5.1s|' % ('ab', 'ab', 'abc', 'xyz')
'%(a)s %(b)d %(a)r' % {'a': 'x', 'b': 2}
'%*d|%-*d|%.*f' % (5, 1, 5, 2, 2, 3.14159)
'%*s|' % (-4, 'a')
'%%|%s' % 'x'
'%s' % [1, 2]
'%s' % ((1, 2),)
'%s %s' % (1,)
'%s' % (1, 2)
'%d' % 'x'
'%x' % 1.5
'%d' % 3.99
'%x' % -255
'%y' % 1
'%' % ()
'%(a' % {}
'%(a)s' % 1
'%(a)s' % {}
'%c' % 'ab'
'%c' % -1
'%c' % 1.5
'%*d' % ('x', 1)
'%e' % 'x'
'%s %(a)s' % {'a': 1}
'%(a)s %s' % {'a': 1}
'abc' % []
'abc' % 5
'%d' % 2**70
'%#x' % 2**70
'%5%' % ()
'%ld' % 5
'%x' % True
# str.format
'{} {}'.format(1, 2)
'{1} {0}'.format('a', 'b')
'{name}!'.format(name='x')
'{0.real} {0.imag}'.format(3)
'{0[1]} {0[a]}'.format({1: 'one', 'a': 'A'})
'{0[0]}'.format([5, 6])
'{!r} {!s} {!a}'.format('é', 'é', 'é')
'{:>6}|{:<6}|{:^6}|'.format('ab', 'ab', 'ab')
'{:*^7}'.format('mid')
'{:{}}|'.format('a', 4)
'{:{w}.{p}}|'.format('abcdef', w=6, p=3)
'{0:{1}}|'.format('ab', 5)
'{{}} {{{0}}}'.format(5)
'{}'.format(None)
'{:d}'.format(42)
'{:5.2f}'.format(3.14159)
'{:,}'.format(1234567)
'{'.format()
'}'.format()
'x}y'.format()
'{0'.format(1)
'{0!'.format(1)
'{0!x}'.format(1)
'{0!rx}'.format(1)
'{0:'.format(1)
'{a{}'.format(1)
'{0[}'.format(1)
'{0.}'.format(1)
'{0[]}'.format([1])
'{0[0]x}'.format([1])
'{} {0}'.format(1)
'{0} {}'.format(1)
'{1}'.format(1)
'{}'.format()
'{x}'.format()
'{0.missing}'.format(1)
'{:{:{}}}'.format(1, 2, 3)
'{:d}'.format('a')
'{}'.format_map({})
'{a}-{b}'.format_map({'a': 1, 'b': 2})
'{a.b}'.format_map({})
'{0}'.format_map({'0': 1})
# the mini-language on str
format('ab', '')
format('ab', '5')
format('ab', '<5')
format('ab', '>5')
format('ab', '^5')
format('ab', '^6')
format('ab', 'x^6')
format('ab', '€>4')
format('ab', '😀<4')
format('é', '3')
format('abcdef', '.3')
format('abcdef', '8.3')
format('abcdef', '>8.3s')
format('ab', '05')
format('ab', '<05')
format('ab', '1')
format('ab', '٣')
format('ab', 's')
format('ab', '=5')
format('ab', '+5')
format('ab', ' 5')
format('ab', '-5')
format('ab', 'z5')
format('ab', '#5')
format('ab', ',')
format('ab', '_')
format('ab', 'd')
format('ab', '5d')
format('ab', '\x01')
format('ab', 'é')
format('ab', '5.')
format('ab', '5.2xx')
format('ab', '<<<')
format('ab', '99999999999999999999')
format('ab', '.99999999999999999999')
format(1, ',_')
format(1, '_,')
format(1, ',,')
format(1, ',x')
format(1, ',c')
format(1, ',\x01')
format(1, '_x')
format(1, '_b')
format(255, '_X')
format('ab', '{')
format('€', '^3')
'{:^9}'.format('€uro')
'{:>{}}'.format('x', 3)
'{0:{1}{2}}'.format('ab', '*', '>5')
f"{'ab':>5}"
f"{'ab'!r:^8}"
"""


def expect(expr):
    try:
        r = eval(expr)
    except Exception as e:  # noqa: BLE001
        return "%s: %s" % (type(e).__name__, e)
    return repr(r)


def cxx_str(s):
    # raw string with a delimiter that cannot occur in the cases
    assert ")~\"" not in s
    return 'R"~(' + s + ')~"'


def write(name, cases):
    lines = []
    for line in cases.strip().split("\n"):
        if not line.strip() or line.startswith("# "):
            continue
        lines.append("    {%s, %s},\n" % (cxx_str(line), cxx_str(expect(line))))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("// GENERATED by tests/unit/str_cases.py with CPython %s. DO NOT EDIT.\n"
                % sys.version.split()[0])
        f.writelines(lines)
    print("wrote", path, len(lines), "cases")


def write_unicode_digests(name):
    """Order-sensitive digests of every Unicode predicate and case mapping over all code points,
    as unicode_db.cpp exposes them (str_test.cpp recomputes them from the C++ functions)."""
    import unicodedata
    ch = [chr(c) for c in range(0x110000)]

    def final_sigma(s):
        return s.lower()[-1] == "\u03c2"

    preds = [
        ("unicode_isalpha", lambda c: ch[c].isalpha()),
        ("unicode_isdecimal", lambda c: ch[c].isdecimal()),
        ("unicode_isdigit", lambda c: ch[c].isdigit()),
        ("unicode_isnumeric", lambda c: ch[c].isnumeric()),
        ("unicode_isspace", lambda c: ch[c].isspace()),
        ("unicode_isupper", lambda c: ch[c].isupper()),
        ("unicode_islower", lambda c: ch[c].islower()),
        ("unicode_istitle", lambda c: unicodedata.category(ch[c]) == "Lt"),
        ("unicode_isprintable", lambda c: ch[c].isprintable()),
        ("unicode_is_xid_start", lambda c: c != 0x5F and ch[c].isidentifier()),
        ("unicode_is_xid_continue", lambda c: ("a" + ch[c]).isidentifier()),
        ("unicode_isalnum", lambda c: ch[c].isalnum()),
        ("unicode_iscased",
         lambda c: ch[c].isupper() or ch[c].islower() or unicodedata.category(ch[c]) == "Lt"),
        ("unicode_is_case_ignorable",
         lambda c: final_sigma("A" + ch[c] + "\u03a3") and not final_sigma(ch[c] + "\u03a3")),
    ]
    lines = []
    for fn, p in preds:
        acc = 0
        for c in range(0x110000):
            if p(c):
                acc = (acc * 31 + c) % 1000000007
        lines.append("    {\"%s\", %s, nullptr, %d},\n" % (fn, fn, acc))
    for fn, meth in [("unicode_to_lower_full", "lower"), ("unicode_to_upper_full", "upper"),
                     ("unicode_to_title_full", "title"), ("unicode_to_folded_full", "casefold")]:
        acc = 0
        for c in range(0x110000):
            for x in getattr(ch[c], meth)():
                acc = (acc * 31 + ord(x)) % 1000000007
        lines.append("    {\"%s\", nullptr, %s, %d},\n" % (fn, fn, acc))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("// GENERATED by tests/unit/str_cases.py with CPython %s (Unicode %s). DO NOT EDIT.\n"
                % (sys.version.split()[0], unicodedata.unidata_version))
        f.writelines(lines)
    print("wrote", path)


write("str_cases.inc", STR_CASES)
write("str_format_cases.inc", FORMAT_CASES)
write_unicode_digests("unicode_digests.inc")
