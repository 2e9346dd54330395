# binascii.a2b_base64: lenient decoding (junk skipped, data after padding ignored) and the
# strict_mode errors, with CPython's messages.
import binascii

def show(data):
    return repr(bytes(data) if isinstance(data, memoryview) else data)

def attempt(data, **kw):
    try:
        print(show(data), kw, repr(binascii.a2b_base64(data, **kw)))
    except binascii.Error as e:
        print(show(data), kw, 'Error:', e)
    except Exception as e:
        print(show(data), kw, type(e).__name__, e)

for data in [b'aGVsbG8=', 'aGVsbG8=', b'aGVs\nbG8=\n', b'a G V s b G 8 =', b'aGVsbG8', b'aGVsbA==',
             b'aGVsbA=', b'aGVsbA', b'aGVsb', b'a', b'abcde', b'abcdefghi', b'', b'====', b'ab==cd',
             b'ab=c=', b'!!!!', b'YQ==YQ==', b'Y=Q==', bytearray(b'eHk='), memoryview(b'eA==')]:
    attempt(data)
for data in [b'aGVsbG8=', b'=aGVs', b'aGVs====', b'aGVsbG8=x', b'aGV$bG8=', b'aG=Vs', b'aGVsbG8',
             b'a', b'aGVsbA==', b'aGVsbA=\n']:
    attempt(data, strict_mode=True)
attempt('caf\xe9')
attempt(12)
