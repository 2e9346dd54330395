# binascii.unhexlify / a2b_hex: bytes-like or ASCII str input, upper and lower case, and the
# errors (binascii.Error is a ValueError).
import binascii

print(binascii.unhexlify(b'00ff10Ab'), binascii.a2b_hex('deadBEEF'))
print(binascii.unhexlify(bytearray(b'6869')), binascii.unhexlify(memoryview(b'')))
print(binascii.unhexlify(binascii.hexlify(bytes(range(256)))) == bytes(range(256)))

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except binascii.Error as e:
        print('binascii.Error', e, isinstance(e, ValueError))
    except Exception as e:
        print(type(e).__name__, e)

attempt(binascii.unhexlify, b'abc')
attempt(binascii.unhexlify, b'zz')
attempt(binascii.unhexlify, 'g0')
attempt(binascii.a2b_hex, '0 ')
attempt(binascii.unhexlify, 'caf\xe9')
attempt(binascii.unhexlify, 12)
attempt(binascii.unhexlify, ['00'])
attempt(binascii.unhexlify)
