# base64.b16encode/b16decode: upper-case hex, casefold, and the errors.
import base64
import binascii

print(base64.b16encode(b'\x01\xab\xff'), base64.b16encode(bytearray(b'hi')))
print(base64.b16decode(b'01ABFF'), base64.b16decode('6869'), base64.b16decode(b'01abff', casefold=True))

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except binascii.Error as e:
        print('binascii.Error', e)
    except Exception as e:
        print(type(e).__name__, e)

attempt(base64.b16decode, b'01ab')
attempt(base64.b16decode, b'0G')
attempt(base64.b16decode, b'012')
attempt(base64.b16decode, '\xe9')
attempt(base64.b16encode, 'ab')
