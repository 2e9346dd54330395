# sys.intern returns an equal string; getsizeof returns an int.
import sys
a = sys.intern("hello world")
print(a == "hello world", sys.intern(a) is a, isinstance(sys.getsizeof([]), int), sys.getsizeof(1) > 0)
