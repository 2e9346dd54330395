# Augmented assignment on ints (ints are immutable: the name is rebound).
x = 10
y = x
x += 5; print(x, y)
x -= 20; print(x)
x *= -3; print(x)
x //= 4; print(x)
x %= 7; print(x)
x **= 40; print(x)
x >>= 3; print(x)
x <<= 2; print(x)
x &= 0xfff; print(x)
x |= 0x1000; print(x)
x ^= 0xffff; print(x)
x /= 8; print(x)
