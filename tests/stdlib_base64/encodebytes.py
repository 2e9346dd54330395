# base64.encodebytes/decodebytes (76-character MIME lines) and encode/decode over binary file
# objects, with the type checks of the input.
import array
import base64
import io

data = bytes(range(256)) * 2
enc = base64.encodebytes(data)
print(enc.count(b'\n'), max(len(line) for line in enc.split(b'\n')), enc[:80])
print(base64.decodebytes(enc) == data, base64.encodebytes(b''), base64.encodebytes(bytearray(b'ab')))
print(base64.decodebytes(b'YWI=\nYw==\n'))
src, out = io.BytesIO(data), io.BytesIO()
base64.encode(src, out)
print(out.getvalue() == enc)
back = io.BytesIO()
base64.decode(io.BytesIO(enc), back)
print(back.getvalue() == data)

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

attempt(base64.encodebytes, 'text')
attempt(base64.decodebytes, 'YWI=')
attempt(base64.encodebytes, array.array('i', [1, 2]))
attempt(base64.encodebytes, memoryview(bytes(4)).cast('B', (2, 2)))
attempt(base64.encodebytes, 5)
