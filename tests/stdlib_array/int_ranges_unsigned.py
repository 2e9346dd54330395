# Unsigned integer typecodes: the limits and CPython's overflow message of each.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

limits = {'B': 8, 'H': 16, 'I': 32, 'L': 64, 'Q': 64}
for tc, bits in limits.items():
    hi = 2 ** bits - 1
    a = array.array(tc, [0, hi, 1])
    print(tc, a)
    for v in (hi + 1, -1, 2 ** 16, 2 ** 31, 2 ** 32, 2 ** 63, 2 ** 64, 2 ** 100, -2 ** 15 - 1, -2 ** 31 - 1, -2 ** 70):
        t(f'{tc} {v}', lambda: a.append(v))
    print(len(a))
