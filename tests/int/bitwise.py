# & | ^ ~ on positive, negative and big ints (two's complement semantics).
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(-12 & 10, -12 | 10, -12 ^ 10)
print(-12 & -10, -12 | -10, -12 ^ -10)
big = 2 ** 100 + 5
print(big & 0xff, big | 1, big ^ big, ~big)
print((-big) & 0xffff, (-big) >> 98)
print(bin(0b1111 & ~0b0101))
print((255).bit_length(), (-256).bit_length(), (0).bit_length(), (2**100).bit_length())
print((255).bit_count(), (-7).bit_count())
