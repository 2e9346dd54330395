# zlib: CPython's errors (zlib.error messages with zlib's codes, ValueError, TypeError).
import zlib


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


good = zlib.compress(b'hello world' * 10)
show(lambda: zlib.decompress(b'not zlib data'))
show(lambda: zlib.decompress(good[:-5]))
show(lambda: zlib.decompress(good[:2]))
show(lambda: zlib.decompress(good, -15))
show(lambda: zlib.decompress(b'x', 100))
show(lambda: zlib.decompress(good, bufsize=-1))
show(lambda: zlib.compress(b'x', 10))
show(lambda: zlib.compress(b'x', wbits=100))
show(lambda: zlib.compress('text'))
show(lambda: zlib.decompress('text'))
show(lambda: zlib.crc32('text'))
show(lambda: zlib.adler32(None))
show(lambda: zlib.compressobj(10))
show(lambda: zlib.compressobj(method=99))
show(lambda: zlib.decompressobj(100))
show(lambda: zlib.decompressobj().decompress(b'x', -1))
show(lambda: zlib.decompressobj().flush(0))
show(lambda: zlib.decompressobj().decompress(b'garbage!'))
show(lambda: zlib.compressobj().compress('x'))

c = zlib.compressobj()
c.compress(b'data')
c.flush()
show(lambda: c.compress(b'more'))
show(lambda: c.flush())
show(lambda: c.copy())

d = zlib.decompressobj()
d.decompress(good)
d.flush()
show(lambda: d.copy())

print(issubclass(zlib.error, Exception), zlib.error.__module__, zlib.error.__name__)
try:
    zlib.decompress(b'bad')
except zlib.error as e:
    print('caught', e.args)
