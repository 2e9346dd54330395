# A selection of builtins exists and a few are what they seem.
import builtins
names = ["abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr", "compile", "dict", "dir", "divmod",
         "enumerate", "eval", "exec", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "hex", "id",
         "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max", "min", "next", "object", "oct",
         "ord", "pow", "print", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "str", "sum", "tuple", "type", "vars", "zip"]
print(all(hasattr(builtins, n) for n in names), len(names))
print(builtins.len is len, __builtins__ is builtins or __builtins__ is builtins.__dict__)
print(type(len).__name__, len.__name__, repr(len), repr(int), repr(print))
