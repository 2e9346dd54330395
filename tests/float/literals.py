# Float literal forms.
print(1., .5, 1.5e3, 1E-2, 1_000.000_1, 0e0, 3.14_15)
print(type(1.).__name__, 1e0, 0.0 == -0.0)
print(1e309, -1e309)
