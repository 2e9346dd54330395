# Defining __eq__ without __hash__ makes instances unhashable.
class P:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, P) and self.v == o.v
class H(P):
    def __hash__(self): return hash(self.v)
print(P(1) == P(1), P(1) != P(2), P.__hash__ is None)
try:
    {P(1)}
except TypeError as e:
    print(type(e).__name__, e)
print(len({H(1), H(1), H(2)}), H(1) in {H(1)})
