# sys.setswitchinterval / getswitchinterval with CPython's validation.
import sys

print(sys.getswitchinterval())
for v in [0, -1, 0.0, -0.5]:
    try:
        sys.setswitchinterval(v)
    except ValueError as e:
        print("ValueError:", e)
for v in ["a", None, [1]]:
    try:
        sys.setswitchinterval(v)
    except TypeError as e:
        print("TypeError:", e)
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(2)
print(sys.getswitchinterval())
sys.setswitchinterval(1e-9)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)
print(sys.getswitchinterval())
print(hasattr(sys, "setcheckinterval"), hasattr(sys, "getcheckinterval"))
