# hash() of str (every PEP 393 width), bytes and memoryview for fixed PYTHONHASHSEED values:
# SipHash-1-3 under the secret that seed gives, exactly CPython's numbers.
from _child import output

CODE = r'''
import sys
strs = ['', 'a', 'ab', 'abc', 'abcdefg', 'abcdefgh', 'abcdefghi', 'abcdefghijklmnop',
        'hello world, this is a longer string!', 'x' * 1000,
        '\xe9', 'caf\xe9', '\xff' * 9, '\x80',                      # latin-1: 1-byte units
        '\u0101', '\u0100\u65e5\u672c\u8a9e', '\u20ac' * 8, 'a\u20ac',  # UCS-2: 2-byte units
        '\U0001f600', 'a\U0001f600b', '\U0010ffff' * 3]              # UCS-4: 4-byte units
for s in strs:
    print(ascii(s)[:24], hash(s), hash(s.encode('latin-1', 'replace')))
for b in [b'', b'\x00', b'\xff' * 7, bytes(range(256)), b'abc']:
    m = memoryview(b)
    print(b[:8], hash(b), hash(m), hash(m[1:]) == hash(b[1:]), hash(m[::3]) == hash(b[::3]))
print(hash(memoryview(b'abc').cast('c')) == hash(b'abc'), hash(memoryview(b'abc').cast('b')) == hash(b'abc'))
# a str and its code-unit bytes hash alike (UCS-2/UCS-4 units are little-endian here)
print(hash('abc') == hash(b'abc'), hash('\u0101') == hash('\u0101'.encode('utf-16-le')),
      hash('\U0001f600') == hash('\U0001f600'.encode('utf-32-le')))
print(hash(('abc', 1, b'x')), hash(frozenset({'a', 'b', 'c'})), hash(('',)))
print(sys.flags.hash_randomization)
'''

for seed in ['0', '1', '12345', '4294967295', '987654', ' 7', '+8', '-0', '00042']:
    print('PYTHONHASHSEED=%r' % seed)
    print(output(seed, CODE), end='')
