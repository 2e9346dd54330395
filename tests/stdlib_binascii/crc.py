# binascii.crc32 (incremental, start value taken modulo 2**32) and crc_hqx (CRC-CCITT).
import binascii

print(binascii.crc32(b''), binascii.crc32(b'hello world'), binascii.crc32(bytearray(b'abc')))
c = binascii.crc32(b'hello ')
print(binascii.crc32(b'world', c) == binascii.crc32(b'hello world'))
print(binascii.crc32(b'abc', -1), binascii.crc32(b'abc', 2**40 + 7), binascii.crc32(b'abc', 0xffffffff))
print(binascii.crc_hqx(b'', 0), binascii.crc_hqx(b'abc', 0), binascii.crc_hqx(b'abc', 0xffff))
print(binascii.crc_hqx(b'123456789', 0xffff), binascii.crc_hqx(b'abc', -1), binascii.crc_hqx(b'abc', 2**20 + 5))
h = binascii.crc_hqx(b'12345', 0)
print(binascii.crc_hqx(b'6789', h) == binascii.crc_hqx(b'123456789', 0))

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

attempt(binascii.crc32, 'abc')
attempt(binascii.crc32, b'abc', 1.5)
attempt(binascii.crc32)
attempt(binascii.crc_hqx, b'abc')
attempt(binascii.crc_hqx, b'abc', '0')
attempt(binascii.crc_hqx, 'abc', 0)
