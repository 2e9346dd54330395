# complex numbers basics.
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), z * z, z / 2, -z, complex(1, -1), complex("2+3j"), 1j ** 2)
print(z == complex(3, 4), (1 + 0j) == 1, type(z).__name__, repr(0j), repr(-0j), complex(0, 1) * 1j)
try:
    z < z
except TypeError as e:
    print(type(e).__name__, e)
try:
    complex("nope")
except ValueError as e:
    print(type(e).__name__, e)
