# base64.a85encode/a85decode: z and y folding, padding, wrapping, Adobe framing, ignorechars,
# and the ValueError messages.
import base64

samples = [b'', b'a', b'hello', b'\0\0\0\0', b'\0\0\0\0xy', b'    ', b'  ', bytes(range(30))]
for data in samples:
    enc = base64.a85encode(data)
    print(repr(data), enc, base64.a85encode(data, pad=True), base64.a85encode(data, foldspaces=True))
    print('  ', base64.a85encode(data, adobe=True), base64.a85encode(data, wrapcol=7),
          base64.a85encode(data, wrapcol=5, adobe=True))
    print('  ', base64.a85decode(enc) == data, base64.a85decode(base64.a85encode(data, adobe=True), adobe=True) == data,
          base64.a85decode(base64.a85encode(data, foldspaces=True), foldspaces=True) == data)
print(base64.a85decode(b'BOu!rD]j7B\n\tEbTE'), base64.a85decode('87cURDZ'), base64.a85decode(b'<~87cURDZ~>', adobe=True))
print(base64.a85decode(b'87cURDZ~>', adobe=True), base64.a85decode(b'87c_URDZ', ignorechars=b'_'))

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

attempt(base64.a85decode, b'<~87cURDZ', adobe=True)
attempt(base64.a85decode, b'87czURDZ')
attempt(base64.a85decode, b'87cyURDZ', foldspaces=True)
attempt(base64.a85decode, b'87cy')
attempt(base64.a85decode, b's8W-"')
attempt(base64.a85decode, b'uuuuu')
attempt(base64.a85decode, b'87c~URDZ')
attempt(base64.a85decode, 'caf\xe9')
attempt(base64.a85encode, 'text')
