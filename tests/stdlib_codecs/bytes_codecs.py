# hex, base64, zlib, quopri, uu and rot13 through codecs.encode/decode, their aliases, and
# their incremental codecs.
import codecs

data = b'The quick brown fox = jumps\tover the lazy dog.\n' * 2
for name in ['hex', 'hex_codec', 'base64', 'base64_codec', 'zlib', 'zip', 'quopri',
             'quotedprintable', 'uu', 'uu_codec']:
    enc = codecs.encode(data, name)
    print(name, enc if name not in ('zlib', 'zip') else len(enc), codecs.decode(enc, name) == data)
print(codecs.encode('Hello, World!', 'rot13'), codecs.decode('Uryyb', 'rot_13'))
print(codecs.encode(bytearray(b'\x01\x02'), 'hex'), codecs.decode('0102', 'hex'))
print(codecs.encode(b'', 'base64'), codecs.encode(b'x' * 60, 'base64'))
print(codecs.encode(b'', 'uu'), codecs.decode(b'begin 644 f\n#86)C\n \nend\n', 'uu'))
ie = codecs.getincrementalencoder('zlib')()
chunks = [ie.encode(b'abc' * 100), ie.encode(b'def' * 100, final=True)]
idec = codecs.getincrementaldecoder('zlib')()
print(idec.decode(b''.join(chunks)) == b'abc' * 100 + b'def' * 100)
hexenc = codecs.getincrementalencoder('hex')()
print(hexenc.encode(b'ab'), hexenc.encode(b'c', True))
print(list(codecs.iterencode(['abc', 'xyz'], 'rot13')))

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: codecs.decode(b'no begin line', 'uu'))
attempt(lambda: codecs.decode(b'begin 666 x\n#86)C\n', 'uu'))
attempt(lambda: codecs.decode(b'not zlib', 'zlib'))
attempt(lambda: codecs.decode(b'abc', 'base64'))
attempt(lambda: codecs.encode('text', 'base64'))
