# base64.b32encode/b32decode (casefold, map01) and the base32hex alphabet, every tail length,
# and the binascii.Error messages.
import base64
import binascii

for n in range(11):
    data = bytes(range(100, 100 + n))
    enc = base64.b32encode(data)
    hexenc = base64.b32hexencode(data)
    print(n, enc, hexenc, base64.b32decode(enc) == data, base64.b32hexdecode(hexenc) == data)
print(base64.b32decode('MFRGG==='), base64.b32decode(b'mfrgg===', casefold=True))
print(base64.b32decode(b'ME0Q====', map01=b'L'))
print(base64.b32decode(b'ME1Q====', map01='I'), base64.b32decode(b'ME1Q====', map01=b'L'))
print(base64.b32hexdecode(b'c5h66===', casefold=True))

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except binascii.Error as e:
        print('binascii.Error', e)
    except Exception as e:
        print(type(e).__name__, e)

attempt(base64.b32decode, b'MFRGG')
attempt(base64.b32decode, b'mfrgg===')
attempt(base64.b32decode, b'MFRGG=1=')
attempt(base64.b32decode, b'MFRGGZ==')
attempt(base64.b32decode, b'M=======')
attempt(base64.b32decode, b'========')
attempt(base64.b32decode, b'ME1Q====', map01=b'LL')
attempt(base64.b32decode, 'caf\xe9====')
attempt(base64.b32hexdecode, b'W0======')
attempt(base64.b32encode, 'text')
