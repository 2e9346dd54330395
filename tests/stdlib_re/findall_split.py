# re: findall (0, 1, n groups; unmatched groups as ''), split (groups, maxsplit, empty matches),
# pos/endpos, and the result types for str subclasses and bytes-like subjects
import array
import re

s = 'k1=v1, k2=, =v3, k4=v4'
print(re.findall(r'\w+', s), re.findall(r'(\w+)=', s), re.findall(r'(\w*)=(\w*)', s))
print(re.findall(r'(a)|(b)', 'abc'), re.findall(r'(a)?b', 'b ab'), re.findall(r'((a)b)', 'abab'))
print(re.findall('', 'ab'), re.findall('a*', 'baab'), re.findall(r'\b', 'ab cd'), re.findall('x', ''))
p = re.compile(r'\d')
print(p.findall('1a2b3c4', 2), p.findall('1a2b3c4', 2, 5), p.findall('1a2b3c4', -3, -1), p.findall('123', 5))
print(p.findall(string='12', pos=1), p.findall('12', endpos=1))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'(x)|(y)', 'axbyc'), re.split('x*', 'axbc'))
print(re.split('', 'abc'), re.split(r'\b', 'a b'), re.split('a', 'aaa'), re.split('a', 'aaa', maxsplit=2))
print(re.split('x', 'axb', -1), re.split('x', 'axb', maxsplit=0), re.split('(?:)', ''))
# result types


class S(str):
    pass


print([type(x).__name__ for x in re.findall('a|(b)', S('ab'))], type(re.split('x', S('axb'))[0]).__name__)
print(type(re.match('a', S('a')).string).__name__, type(re.match('a', S('a')).group()).__name__)
for subject in (b'a1b22', bytearray(b'a1b22'), memoryview(b'a1b22'), array.array('B', b'a1b22')):
    print(type(subject).__name__, re.findall(rb'\d+', subject), re.split(rb'(\d)', subject),
          re.sub(rb'\d', b'#', subject), [m.group() for m in re.finditer(rb'[a-z]', subject)])
print(re.findall(rb'(a)(x)?', bytearray(b'aa')), re.split(rb'a', memoryview(b'bab')))
