# codecs.register / unregister: a custom search function sees the normalised name, its results
# are cached, bad results are TypeErrors, unregister drops it and clears the cache.
import codecs

calls = []

def enc(s, errors='strict'):
    return (s.upper().encode('ascii'), len(s))

def dec(b, errors='strict'):
    return (bytes(b).decode('ascii').lower(), len(b))

def search(name):
    calls.append(name)
    if name == 'shout':
        return codecs.CodecInfo(enc, dec, name='shout')
    if name == 'tuple4':
        return (enc, dec, None, None)
    if name == 'bad':
        return 42
    if name == 'short':
        return (enc, dec)
    return None

codecs.register(search)
print('hello'.encode('shout'), b'HELLO'.decode('Shout'), codecs.encode('abc', 'SHOUT'))
print(codecs.lookup('shout').name, calls)
print(codecs.lookup('tuple4')[0] is enc, 'xy'.encode('tuple4'))
try:
    codecs.lookup('No Such-Codec.x')
except LookupError as e:
    print('LookupError', e)
print(calls)
for name in ['bad', 'short']:
    try:
        codecs.lookup(name)
    except TypeError as e:
        print('TypeError', e)
try:
    codecs.register(42)
except TypeError as e:
    print('TypeError', e)
print(codecs.unregister(search), codecs.unregister(search), codecs.unregister(42))
try:
    codecs.lookup('shout')
except LookupError as e:
    print('LookupError', e)
