# re: sub/subn/expand templates (\g<name>, \g<0>, \1, octal, escapes), callables, literal
# replacements, join errors, counts, bytes-like subjects and templates, identity of unchanged input
import re

p = re.compile(r'(?P<k>\w+)=(?P<v>\w*)(!)?')
s = 'a=1 bb= c=3!'
print(p.sub(r'\g<v>:\g<k>', s), p.sub(r'[\g<0>]', s), p.sub(r'\2\1\3', s), p.sub(r'\g<3>', s))
print(p.sub(r'\n\t\\\a\x', 'a=b') if False else p.sub(r'\n\t\\', 'a=b'))
print(re.sub('(a)', r'\101\0\01\1', 'xa'), re.sub('a', r'\\1', 'a'), re.sub('(a)', r'\g<1>0', 'a'))
print(re.subn('a', 'x', 'aaa'), re.subn('a', 'x', 'aaa', 2), re.subn('a', 'x', 'aaa', count=-1))
print(re.sub('x*', '-', 'abxd'), re.sub('', '.', 'ab'), re.subn(r'\b', '|', 'ab cd'))
print(re.sub('a', lambda m: None, 'bab'), re.sub('a', lambda m: m.group().upper() * 2, 'banana'))
print(re.sub(r'(\d+)', lambda m: str(int(m[1]) * 2), 'x1y22z333'))
# the callback can use the same pattern again (the engine state is not shared with the loop)
q = re.compile(r'\d')
print(q.sub(lambda m: str(len(q.findall('1234'[:int(m[0])]))), '1 2 3'))
# a callback exception propagates
try:
    re.sub('a', lambda m: 1 / 0, 'a')
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
# unchanged input is returned as is
s = 'abc'
print(re.sub('x', 'y', s) is s, re.sub('x', 'y', s, count=-1) is s, re.subn('x', 'y', s)[0] is s)
b = b'abc'
print(re.sub(b'x', b'y', b) is b, re.sub(b'b', b'B', bytearray(b'abc')), re.sub(b'x', b'y', bytearray(b'ab')))


class S(str):
    pass


print(type(re.sub('x', 'y', S('abc'))).__name__, type(re.sub('a', 'y', S('abc'))).__name__)
print(re.sub('a', S(r'\g<0>!'), 'ab'), re.sub(b'a', bytearray(b'\\g<0>!'), b'ab'))
print(re.sub(b'a', memoryview(b'-'), b'banana'), re.subn(b'a', bytearray(b'x'), bytearray(b'aa')))
print(re.sub(b'(a)', b'<\\1>', memoryview(b'cab')), re.sub(b'a', lambda m: bytearray(b'AA'), b'ab'))
# template and replacement errors
for call in (lambda: re.sub('a', 1, 'a'), lambda: re.sub('a', 1, 'b'), lambda: re.sub(b'a', 'x', b'a'),
             lambda: re.sub(b'a', 'x', b'b'), lambda: re.sub('a', b'x', 'a'), lambda: re.sub(b'a', 1, b'a'),
             lambda: re.sub('a', lambda m: 1, 'bab'), lambda: re.sub(b'a', lambda m: 1, b'bab'),
             lambda: re.sub('a', lambda m: b'x', 'a'), lambda: re.sub('(a)', r'\g<zz>', 'a'),
             lambda: re.sub('(a)', r'\3', 'a'), lambda: re.sub('a', r'\q', 'a'),
             lambda: re.sub('a', r'\g<', 'a'), lambda: re.sub('a', r'\g<1a>', 'a'),
             lambda: re.sub('a', r'\g<-1>', 'a'), lambda: re.sub('a', '\\', 'a'),
             lambda: re.sub('(a)', r'\400', 'a'), lambda: re.sub('a', 'x', 'a', 'c'),
             lambda: re.sub('a', 'x', 1), lambda: re.sub('a', r'\g<1>', 'b'),
             lambda: re.compile('(a)').match('a').expand(r'\g<9>'),
             lambda: re.compile('(a)').match('a').expand(1)):
    try:
        print(call())
    except (TypeError, IndexError, re.error) as e:
        print(type(e).__name__, e)
# the join error is raised after every callback has run, as CPython's list + join does
calls = []


def f(m):
    calls.append(m.group())
    return 7 if m.group() == 'b' else m.group()


try:
    re.sub(r'\w', f, 'abc')
except TypeError as e:
    print('TypeError', e, calls)
m = re.match(r'(?P<a>x)(y)?', 'x')
print(repr(m.expand(r'[\g<a>][\2][\g<0>]\n')), m.expand(S(r'\1')), re.match(b'(a)', b'a').expand(b'<\\1>'))
# non-ASCII subjects and replacements of every width
print(re.sub('é', 'e', 'café'), re.sub('(.)', r'\1\1', 'aé€😀'), re.sub('x', '😀', 'axé'))
print(re.sub('😀', 'x', 'a😀é'), ascii(re.sub('€', '', 'a€b')), ascii(re.sub('😀', 'é', '😀')))
print(re.sub('a', 'b', 'é' * 3 + 'a'), re.sub('[^a]', '', 'aé€😀a'), re.subn('(é)', r'<\1>', 'éaé'))
