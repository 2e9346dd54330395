# re: str subjects of every storage width (Latin-1, UCS-2, UCS-4, lone surrogates) against
# patterns with and without wide code points; offsets are code-point indices; repeated searches
# on one long non-ASCII subject stay linear (this would time out if every call rescanned it)
import re

subjects = ['plain ascii 12', 'café crème 12', 'Ωmega ω € 12', 'emoji 😀 𝐀b 12', 'lone \ud800 x 12']
patterns = [r'\w+', r'\d+', r'(?i)[ÉΩ😀]', '[€-😀]', r'\s(\S)', '(?a)\\w+', '.$', '[^\x00-\x7f]+']
for s in subjects:
    for pat in patterns:
        out = [(m.span(), m.group()) for m in re.finditer(pat, s)]
        print(ascii(pat), ascii(out))
    print(ascii(re.split(r'\s+', s)), ascii(re.findall(r'(\w)(\w)', s)))
# a pattern with a code point wider than the subject's storage
print(re.findall('[a\u2013]', 'a-b'), re.findall('a|\U0001F600', 'ab'), re.sub('\u2013', '-', 'a\u2013b'))
print(re.search('\u0100|é', 'xé').span(), re.search('😀|Ω', 'Ω').span(), re.fullmatch('[\x00-\U0010ffff]*', 'aé€😀'))
# case-insensitive matching across widths; ASCII-only case folding with re.ASCII
print(re.findall('(?i)é', 'éÉ'), re.findall('(?i)σ', 'Σσς'), re.findall('(?i)k', 'kK\u212a'))
print(re.findall('(?i)s', 'sSſ'), re.findall('(?ai)é', 'éÉ'), re.findall('(?ai)k', 'kK\u212a'))
print(re.findall(r'\w', 'a\u00b5\u00e9\u0100\U0001d400'), re.findall(r'(?a)\w', 'a\u00b5\u00e9'))
print(re.findall(r'\s', ' \t\x1c\x85\xa0\u2000\u3000'), re.findall(r'\d', '1\u0661\U0001d7ce'))
print(ascii(re.findall('\ud800', 'a\ud800b\udc00')), ascii(re.sub('\udfff', '?', 'x\udfffy')))
# bytes patterns are byte-wise
print(re.findall(rb'\w+', b'caf\xc3\xa9 ok'), re.findall(rb'(?i)\xc9', b'\xe9\xc9'))
# positions: pos/endpos/^/$/lookbehind are code-point based
s = 'ééé\nΩΩ\n😀😀'
print(re.findall('(?m)^.', s), re.findall('(?m).$', s), re.search('(?<=é)Ω|(?<=\n)Ω', s).span())
print(re.compile('Ω').search(s, 5).span(), re.compile('^Ω').search(s, 4), re.compile('😀$').search(s, 0, 9).span())
# long non-ASCII subject, many searches from successive positions
text = ('é' * 99 + 'x') * 2000
pat = re.compile('x')
pos, n = 0, 0
while True:
    m = pat.search(text, pos)
    if not m:
        break
    n += 1
    pos = m.end()
print(n, pos)
big = 'ω' * 50000 + '😀'
print(sum(1 for i in range(0, 50000, 10) if re.compile('😀').match(big, 50000 - i % 7)))
