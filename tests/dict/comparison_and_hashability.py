# dict equality ignores order; keys must be hashable.
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: 1} == {1: 1.0}, {} == {})
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}[{}] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print(type(e).__name__, e)
