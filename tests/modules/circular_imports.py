# A circular import that works because names are used late, and one that fails.
from circ import a
print(a.use_b())
try:
    import circ.bad_a
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
