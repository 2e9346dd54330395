# re: the native re.Pattern / re.Match / scanner types: identity, construction errors, generics,
# copy/pickle, reprs (flags, truncation), comparisons, argument binding and its errors
import copy
import pickle
import re
import weakref

p = re.compile(r'(?P<a>x)(y)?', re.I | re.M)
m = p.match('xz')
print(type(p), type(m), type(p).__module__, type(m).__qualname__, type(p) is re.Pattern)
print(type(p.scanner('x')).__name__, type(p.finditer('x')).__name__, p.scanner('x').pattern is p)
print(re.Pattern[str], re.Match[bytes], type(re.Pattern[str]))
for cls in (re.Pattern, re.Match):
    try:
        cls()
    except TypeError as e:
        print('TypeError', e)
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(m) is m, copy.deepcopy(m) is m)
q = pickle.loads(pickle.dumps(p))
print(q == p, q.pattern, q.flags, q.groups, dict(q.groupindex))
print(pickle.loads(pickle.dumps(re.compile(b'[a-z]+', re.I))).findall(b'AbC dE'))
print(p.groupindex, type(p.groupindex).__name__)
try:
    p.groupindex['b'] = 2
except TypeError as e:
    print('TypeError', e)
r = weakref.ref(p)
print(r() is p)

# reprs
print(repr(re.compile(b'a', re.T | re.I | re.L | re.M | re.S | re.X | 512 | 1024)))
print(repr(re.compile('a', re.T | re.I | re.A | re.M | re.S | re.X)), repr(re.compile('a', re.U)))
print(repr(re.compile('a' * 300))[-20:], len(repr(re.compile('a' * 300))))
print(repr(re.match('.*', 'x' * 100)))
print(repr(re.match(b'.+', b'\x00\xff' * 40)))
print(repr(re.match('(?s).+', 'é\n\t"\'' * 5)))

# comparisons and hashing
a, b = re.compile('x+', re.I), re.compile('x+', re.I)
print(a == b, a != b, hash(a) == hash(b), a == re.compile('x+'), a == 'x+', re.compile('a') == re.compile(b'a'))
print({a: 1}[b])
try:
    a < b
except TypeError as e:
    print('TypeError', e)

# Match API
m = re.match(r'(?P<w>\w)(\d)?(?P<z>z)?', 'a1')
print(m.regs, m.lastindex, m.lastgroup, m.groups(), m.groups(default='-'), m.groupdict('?'))
print(m.span(), m.span(3), m.start(2), m.end('w'), m.group(True), m[False], m.group(0, 'w', 2))
print(m.re is re.compile(r'(?P<w>\w)(\d)?(?P<z>z)?'), m.string, m.pos, m.endpos, m.regs is m.regs)
for bad in ([], 4, -1, 'nope', 2**100, -2**100, 1.5):
    try:
        print(m.group(bad))
    except Exception as e:
        print(type(e).__name__, e)
for call in (lambda: m.groups(1, 2), lambda: m.start(0, 1), lambda: m.span(group=1),
             lambda: m.groupdict(x=1), lambda: m.expand(), lambda: m.group(g=1)):
    try:
        print(call())
    except TypeError as e:
        print('TypeError', e)
print(m.expand(template=r'<\g<w>|\2|\g<z>>'))

# Pattern argument binding
for call in (lambda: p.match(), lambda: p.match('x', 0, 1, 2), lambda: p.match('x', foo=1),
             lambda: p.match('x', 'a'), lambda: p.search('x', 2**70), lambda: p.findall(),
             lambda: p.split('x', 'a'), lambda: p.sub('a'), lambda: p.subn('a', 'b', 'c', 'd'),
             lambda: p.match(1), lambda: p.match(b'x'), lambda: re.compile(b'x').match('x'),
             lambda: p.finditer(None), lambda: p.scanner([]), lambda: p.fullmatch(memoryview(b'x'))):
    try:
        print(call())
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(p.match(string='XY', pos=0, endpos=2), p.search('qxy', pos=1), p.fullmatch('x', endpos=1))
print(p.match('xy', -5, 10**9), p.search('xy', 3), p.search('xy', 2, 1), p.findall('xyxy', 2, 1))
print(re.compile('a').split(string='bab', maxsplit=1), re.compile('a').sub(repl='c', string='aa', count=1))

# scanner: lazily, with Python's empty-match rule; exhausted scanners stay exhausted
sc = re.compile('a*').scanner('baab')
print([sc.search() for _ in range(6)])
sc = re.compile('a*').scanner('aab')
print([sc.match() for _ in range(3)])
sc = re.compile(r'\d').scanner('1a2', 1)
print(sc.search(), sc.search(), sc.search())
it = re.finditer(r'\w', 'ab')
print(next(it), list(it), list(it))
# finditer is lazy: the subject's matches are found as the loop goes
seen = []
for m in re.finditer(r'\d+', '1 22 333'):
    seen.append((m.group(), m.pos, m.endpos))
    if len(seen) == 2:
        break
print(seen)
# a Match keeps what it matched even after the pattern matched again
m1 = p.match('xy')
m2 = p.match('X')
print(m1.groups(), m2.groups(), m1.span(2), m2.span(2))
# argument errors of the dunder and scanner methods
sc = p.scanner('a')
for call in (lambda: p.__copy__(1), lambda: p.__deepcopy__(), lambda: m.__copy__(1),
             lambda: m.__deepcopy__(1, 2), lambda: sc.search(1), lambda: m.start(0, 1)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
# a bytearray subject cannot be resized while a scan over it runs; a Match re-reads it later
ba = bytearray(b'aXaXa')


def grow(m):
    try:
        ba.extend(b'zz')
    except BufferError as e:
        print('BufferError', e)
    return b'-'


print(re.sub(b'X', grow, ba), ba)
m = re.match(b'(a)X', ba)
ba[:] = b'q'
print(m.group(1), m.group(), m.span(1), m.string)
# matches and scanners cannot be pickled; a Match in a cycle through its subject is collected
for obj in (re.match('a', 'a'), re.compile('a').scanner('a')):
    try:
        pickle.dumps(obj)
    except TypeError as e:
        print('TypeError', e)
import gc


class B(bytearray):
    pass


b = B(b'xyz')
b.m = re.match(b'x', b)
r = weakref.ref(b)
del b
gc.collect()
print(r())
try:
    re.match('a', 'a').x = 1
except AttributeError as e:
    print('AttributeError', e)
