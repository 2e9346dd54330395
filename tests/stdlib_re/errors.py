# re: re.error messages and positions as CPython's parser reports them
import re

patterns = ['(?<n>a)', 'a**', '*', '+a', '(a', 'a)', '[a', '[z-a]', r'\q', 'a\\',
            r'(?P<1a>x)', r'(?P<a>x)(?P<a>y)', r'\2(a)', r'(a\1)', 'a{3,2}', 'a(?i)b',
            '(?z)', r'(?P=zz)', '(?#abc', r'[\A]', r'\x4', '(?P<a', '(?', '(?P', '(?Px)',
            'x{1}{2}', '^*', r'(?<=a|bc)', r'(?i', '(?-', '(?i-', '(?i-x', r'(?(2)a|b)',
            r'(?(a)x)', r'(?x)a )', 'ab\n(c', r'[\d-z]', '(?P<>x)', r'\u12']
for p in patterns:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
for repl in [r'\2', r'\g<x>', r'\g<x', r'\q', r'\g<1a>']:
    try:
        re.sub('(a)', repl, 'a')
    except (re.error, IndexError) as e:
        print(repr(repl), type(e).__name__, e)
for args in [(5, 'a'), ('a', 5), ('a', b'a'), (b'a', 'a')]:
    try:
        re.match(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
try:
    re.compile('a', re.L)
except ValueError as e:
    print('ValueError', e)
print(issubclass(re.error, Exception), re.error.__name__)
re.compile('(a')
