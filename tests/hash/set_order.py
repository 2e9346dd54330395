# Iteration order of sets of strings (built by add, by set(), by displays of constants, by
# comprehensions and set operations, after removals and resizes) for fixed PYTHONHASHSEED
# values: CPython's hash and CPython's table layout give CPython's order.
from _child import output

CODE = r'''
words = ("the quick brown fox jumps over the lazy dog alpha beta gamma delta epsilon zeta eta "
         "theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()
print(list(set(words)))
print(list(frozenset(words[:7])))
s = set()
for i, w in enumerate(words):
    s.add(w)
    if i % 4 == 3:
        s.discard(words[i - 2])
print(list(s))
print(list({w[:2] for w in words}))
print(list(set("abcdefghijklmnopqrstuvwxyz")))
print(list({"spam", "eggs", "ham", "bacon", "beans", "toast", "sausage", "tomato"}))
print(list({"caf\xe9", "na\xefve", "\u65e5\u672c", "\U0001f600", "\u20ac", "x"}))
print(list(set(str(i) for i in range(100)))[:25])
big = set("k%d" % i for i in range(3000))
print(list(big)[:12], list(big)[-4:])
for x in list(big)[::3]:
    big.discard(x)
print(list(big)[:12])
print(list(set(words) | {"x", "y", "z"}), list(set(words) & set(words[::2])))
print(list(set(words) - {"the", "fox"})[:10], list(set(words) ^ {"fox", "new"})[:10])
d = dict.fromkeys(words)
print(list(d.keys() | {"zz"})[:10], list(d))
print(list({b"ab", b"cd", b"ef", b"gh"}), list({("a", 1), ("b", 2), ("c", 3)}))
'''

for seed in ['0', '1', '2', '12345']:
    print('PYTHONHASHSEED=%s' % seed)
    print(output(seed, CODE), end='')
