# Slicing with steps, negative indices and out-of-range bounds.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-3:-1])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:-1] == "")
print(s[100:], s[-100:3], s[5:2], s[3:100:3])
print(s[slice(1, 4)], s[slice(None, None, -3)])
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
print("héllo"[::-1])
