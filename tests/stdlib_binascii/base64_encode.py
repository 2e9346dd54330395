# binascii.b2a_base64: every tail length (padding), the newline keyword, buffer inputs, errors.
import binascii

for n in range(7):
    data = bytes(range(250, 250 + n)) if n else b''
    print(n, binascii.b2a_base64(data), binascii.b2a_base64(data, newline=False))
print(binascii.b2a_base64(bytearray(b'\xfb\xff\xfe')), binascii.b2a_base64(memoryview(b'hi')))
print(binascii.b2a_base64(b'x' * 60))

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

attempt(binascii.b2a_base64, 'text')
attempt(binascii.b2a_base64, b'a', False)
attempt(binascii.b2a_base64, b'a', newline=[])
attempt(binascii.b2a_base64, b'a', nl=True)
