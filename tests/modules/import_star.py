# from m import * honours __all__, otherwise skips names starting with _.
from _with_all import *
print(public_a, public_b, "not_exported" in dir())
from _simple_mod import *
print(VALUE, "_private" in dir(), double(1))
