# binascii.Error (a ValueError) and binascii.Incomplete: classes, module, catching.
import binascii

print(binascii.Error.__mro__)
print(binascii.Incomplete.__mro__)
print(binascii.Error.__module__, binascii.Error.__name__, binascii.Incomplete.__qualname__)
try:
    binascii.unhexlify('0')
except ValueError as e:
    print(type(e) is binascii.Error, e.args)
e = binascii.Incomplete('more')
print(repr(e), isinstance(e, ValueError))
print(sorted(n for n in dir(binascii) if not n.startswith('_')))
binascii.a2b_base64(b'abc')
