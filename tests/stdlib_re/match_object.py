# re: Match and Pattern objects: groups, spans, lastindex, reprs, attributes
import re

m = re.search(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe x')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('last'), m.group(1, 'last'))
print(m[0], m['first'], m[2])
print(m.groups(), m.groupdict())
print(m.start(), m.end(), m.span(), m.start('last'), m.end(1), m.span(2))
print(m.lastindex, m.lastgroup, m.re, m.string, m.pos, m.endpos)
print(m.regs)
m = re.match(r'(a)(b)?(c)?', 'ac')
print(m.groups(), m.groups('-'), m.group(2), m.span(2), m.start(2), m.lastindex, m.lastgroup)
print(re.match(r'(a)()', 'a').lastindex, re.match(r'((a))', 'a').lastindex, re.match(r'((a)|b)+', 'ab').lastindex)
print(re.match('a', 'a').lastindex)
for bad in (3, 'nope', -1):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
p = re.compile(r'(?P<a>x)(y)', re.I)
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(re.compile('a+'), re.compile('a', re.I | re.M), re.compile(b'a\\d'), re.compile('a', re.A))
print(type(m).__name__, type(p).__name__, isinstance(p, re.Pattern), isinstance(m, re.Match))
print(re.compile('x') is re.compile('x'), re.compile('x') == re.compile('x'), re.compile(p) is p)
print(bool(re.match('', 'a')), re.match('', 'a'))
print(repr(re.match(r"'", "'")), repr(re.match('é+', 'éé')))
