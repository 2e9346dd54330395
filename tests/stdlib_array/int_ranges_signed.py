# Signed integer typecodes: the limits and CPython's overflow message of each.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

limits = {'b': 8, 'h': 16, 'i': 32, 'l': 64, 'q': 64}
for tc, bits in limits.items():
    lo, hi = -2 ** (bits - 1), 2 ** (bits - 1) - 1
    a = array.array(tc, [lo, hi, 0, -1])
    print(tc, a)
    for v in (hi + 1, lo - 1, 2 ** 15, -2 ** 15 - 1, 2 ** 31, -2 ** 31 - 1, 2 ** 63, -2 ** 63 - 1, 2 ** 100, -2 ** 100):
        t(f'{tc} {v}', lambda: a.append(v))
    print(len(a))
