# Arbitrary-precision addition, subtraction, multiplication.
a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(-a * b)
print(a * 0, a - a)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f // (2 ** 20), f % 1000003)
print(10 ** 40 + 1, 10 ** 40 - 1)
print(len(str(7 ** 500)))
