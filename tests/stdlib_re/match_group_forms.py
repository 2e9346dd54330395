# Match.group / [] / groups / groupdict with every kind of group reference (int, name, bool,
# __index__ objects, bad references), unmatched groups and defaults; many matches collected at
# once (finditer, sub with a function) survive garbage collection.
import gc
import re

class Idx:
    def __index__(self):
        return 2

m = re.match(r'(?P<word>\w+)(?:-(?P<num>\d+))?(x)?', 'abc-42 rest')
for g in [0, 1, 2, 3, 'word', 'num', True, False, Idx()]:
    print(repr(g) if not isinstance(g, Idx) else 'Idx', m.group(g), m[g], m.start(g), m.end(g),
          m.span(g))
print(m.group(), m.group(1, 'num', 3), m.groups(), m.groups('-'), m.groupdict(),
      m.groupdict(0))
for bad in [4, -1, 'nope', 1.0, None, '0', b'word']:
    for f in (m.group, m.__getitem__, m.start):
        try:
            f(bad)
        except IndexError as e:
            print(repr(bad), f.__name__, 'IndexError', e)
m2 = re.match(r'(a)|(b)', 'b')
print(m2.group(1), m2[1], m2.group(2), m2.groups(), m2.groups(0), m2.group(1, 2))
class S(str):
    pass
print(m.group(S('word')), m[S('num')])
# many matches alive at once, with collections in between
text = ' '.join('k%d=v%d' % (i, i) for i in range(3000))
ms = list(re.finditer(r'(\w+)=(\w+)', text))
gc.collect()
print(len(ms), ms[0].groups(), ms[-1].span(2), sum(len(x.group(1)) for x in ms))
def repl(mo):
    gc.collect(0)
    return mo.group(2).upper()
print(re.sub(r'(\w+)=(\w+)', repl, text)[-20:])
print(len(re.findall(r'\d+', text)), re.split(r'[ =]', text)[-3:])
