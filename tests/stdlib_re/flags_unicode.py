# re: flags (reprs, inline, scoped), Unicode classes, ASCII, bytes patterns
import re

print(repr(re.I), str(re.I), repr(re.I | re.M), re.I | re.M, int(re.I | re.S), re.compile('a').flags)
print(repr(re.NOFLAG), repr(re.A | re.I), re.IGNORECASE == 2, re.VERBOSE.value)
print(re.findall(r'\w+', 'héllo wörld 123 ünï'), re.findall(r'\w+', 'héllo', re.A))
print(re.findall(r'\d', '1٣2'), re.findall(r'\d', '1٣2', re.ASCII))
print(re.search('ö', 'héllo wörld').span(), re.search(r'(?i)É', 'xé').span())
print(re.findall(r'(?i)straße', 'STRASSE straße STRAßE'), re.findall('abc', 'ABC abc', re.I))
print(re.findall(r'[\s]+', 'a \x1c b'), re.findall(r'\s+', 'a\u2003b'))
print(re.findall(rb'\w+', b'ab cd\xe9'), re.match(rb'\xe9', b'\xe9'), re.compile(b'x').flags)
print(re.match(r'(?x) a  b # comment\n c', 'abc'), re.match(r'a b', 'ab', re.X), re.match(r'a[ ]b', 'a b', re.X))
print(re.match(r'(?i:a)b', 'Ab'), re.match(r'(?i:a)b', 'AB'), re.match(r'(?-i:a)b', 'aB', re.I))
print(re.match(r'(?s:.)', '\n'), re.match(r'(?a:\w+)', 'abé'), re.match(r'(?m)^b', 'a\nb'))
print(re.match(r'\x41\u00e9\101\0\n', 'Aé' + 'A\0\n'), re.match(r'[\x41-\x43]+', 'ABCD'))
print(re.compile(r'(?i)abc').flags, re.compile(r'(?i)abc'), re.compile('(?a)x').flags)
print(re.match(r'\N{LATIN SMALL LETTER E WITH ACUTE}', 'é') is not None if False else 'skip')
print(re.sub(r'(?m)^', '> ', 'a\nb\n'), re.findall(r'(?ms)^a.b$', 'a\nb'))
