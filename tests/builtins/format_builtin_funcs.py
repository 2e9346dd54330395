# format() with specs and str() of numbers.
print(format(3.14159, ".3f"), format(42, "08b"), format("x", "^5"), format(1e6, ".2e"), format(0.25, "%"), format(12345, ","))
