# base64.b64encode/b64decode (altchars, validate), standard_ and urlsafe_ variants, and the
# argument errors.
import base64
import binascii

data = bytes(range(248, 256)) + b'?>'
print(base64.b64encode(data), base64.standard_b64encode(data), base64.urlsafe_b64encode(data))
print(base64.b64encode(data, altchars=b'*-'), base64.b64encode(bytearray(b'ab'), b'._'))
print(base64.b64decode(base64.b64encode(data)) == data)
print(base64.b64decode('+/8='), base64.b64decode(b'*-8=', altchars=b'*-'), base64.b64decode('*-8=', '*-'))
print(base64.urlsafe_b64decode('-_8='), base64.urlsafe_b64decode(b'-_8='), base64.standard_b64decode('aGk='))
print(base64.b64decode(b'aG\nk='), base64.b64decode(memoryview(b'aGk=')))

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except binascii.Error as e:
        print('binascii.Error', e)
    except Exception as e:
        print(type(e).__name__, e)

attempt(base64.b64decode, b'aG\nk=', validate=True)
attempt(base64.b64decode, b'aGk', validate=True)
attempt(base64.b64decode, b'aGk')
attempt(base64.b64decode, b'a')
attempt(base64.b64decode, 'h\xe9')
attempt(base64.b64decode, 3)
attempt(base64.b64encode, 'str')
attempt(base64.b64encode, b'x', altchars=b'abc')
attempt(base64.b64decode, b'xx==', altchars=b'a')
attempt(base64.urlsafe_b64decode, [1])
