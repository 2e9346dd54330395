# Index errors and immutability of str.
s = "abc"
print(s[0], s[-1], s[-3])
for i in (3, -4, 100):
    try:
        s[i]
    except IndexError as e:
        print(i, type(e).__name__, e)
try:
    s[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
