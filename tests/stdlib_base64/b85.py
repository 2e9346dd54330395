# base64.b85encode/b85decode: padding and the ValueError messages.
import base64

for data in [b'', b'a', b'hello', b'\0\0\0\0', b'\xff\xff\xff\xff', bytes(range(21))]:
    enc = base64.b85encode(data)
    print(repr(data), enc, base64.b85encode(data, pad=True), base64.b85decode(enc) == data)
print(base64.b85decode('Xk~0{Zv'), base64.b85decode(b'Xk~0{Zv'))

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

attempt(base64.b85decode, b'Xk~0{Z"')
attempt(base64.b85decode, b'ab cd')
attempt(base64.b85decode, b'|NsC0|NsC1')
attempt(base64.b85decode, b'~~~~~')
attempt(base64.b85decode, 'caf\xe9')
attempt(base64.b85encode, 'text')
