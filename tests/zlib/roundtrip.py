# zlib: compress/decompress with levels, wbits (zlib, raw, gzip, auto), bufsize; checksums.
import zlib

data = b''.join(b'line %d of some text\n' % i for i in range(2000))
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.decompress(c) == data)
for wbits in (15, 9, -15, 31):
    c = zlib.compress(data, 6, wbits)
    print(wbits, len(c), c[:2].hex(), zlib.decompress(c, wbits) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), 47) == data)  # auto-detect gzip
print(zlib.decompress(zlib.compress(data), 0) == data)
print(zlib.decompress(zlib.compress(data), bufsize=1) == data)
print(zlib.decompress(zlib.compress(b'abc') + b'trailing junk'))
print(zlib.compress(b''), zlib.decompress(zlib.compress(b'')))
print(zlib.compress(bytearray(b'hello')) == zlib.compress(b'hello'))
print(zlib.compress(b'hello world', level=9).hex())
print(zlib.crc32(b''), zlib.crc32(b'hello'), zlib.crc32(b'world', zlib.crc32(b'hello ')),
      zlib.crc32(b'hello world'))
print(zlib.adler32(b''), zlib.adler32(b'hello'), zlib.adler32(b'x', 2 ** 40), zlib.crc32(b'x', -1))
print(zlib.crc32(data), zlib.adler32(data))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_SPEED,
      zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_FINISH, zlib.Z_SYNC_FLUSH,
      zlib.Z_FULL_FLUSH, zlib.Z_NO_FLUSH, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE)
print(isinstance(zlib.ZLIB_VERSION, str), isinstance(zlib.ZLIB_RUNTIME_VERSION, str))
