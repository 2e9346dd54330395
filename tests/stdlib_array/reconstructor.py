# array._array_reconstructor: the native fast path, conversions between machine formats
# (integers pick a typecode of the format's size and signedness), floats, UTF-16/32, and errors.
import array

R = array._array_reconstructor

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(type(R).__name__, R.__name__)
t('native i', lambda: R(array.array, 'i', 8, b'\x01\x00\x00\x00\xff\xff\xff\xff'))
t('i from BE', lambda: R(array.array, 'i', 9, b'\x00\x00\x00\x01\xff\xff\xff\xff'))
t('i from u64', lambda: R(array.array, 'i', 10, b'\x01\x00\x00\x00\x00\x00\x00\x80'))
t('b from s64 BE', lambda: R(array.array, 'b', 13, b'\xff' * 8))
t('B from s8', lambda: R(array.array, 'B', 1, b'\xff\x01'))
t('b from u8', lambda: R(array.array, 'b', 0, b'\xff\x01'))
t('h from u16 BE', lambda: R(array.array, 'h', 3, b'\xff\xfe'))
t('L from s32', lambda: R(array.array, 'L', 8, b'\xfe\xff\xff\xff'))
t('d from float BE', lambda: R(array.array, 'd', 15, b'\x3f\xc0\x00\x00'))
t('f from double LE', lambda: R(array.array, 'f', 16, b'\x00\x00\x00\x00\x00\x00\xf8\x3f'))
t('d from double BE', lambda: R(array.array, 'd', 17, b'\x40\x09\x21\xfb\x54\x44\x2d\x18'))
t('i from float', lambda: R(array.array, 'i', 14, b'\x00\x00\x80\x3f'))
t('u from utf16', lambda: R(array.array, 'u', 18, 'hi'.encode('utf-16-le')))
t('u from utf16 BE', lambda: R(array.array, 'u', 19, 'hi'.encode('utf-16-be')))
t('u from utf32 BE', lambda: R(array.array, 'u', 21, 'h\U0001f600'.encode('utf-32-be')))
t('u native', lambda: R(array.array, 'u', 20, 'ok'.encode('utf-32-le')))
t('i from utf16', lambda: R(array.array, 'i', 19, 'ab'.encode('utf-16-be')))
t('bad utf16', lambda: R(array.array, 'u', 19, b'\xd8\x00\x00\x41'))
t('utf16 odd', lambda: R(array.array, 'u', 18, 'a'.encode('utf-16-le')))
t('length', lambda: R(array.array, 'i', 8, b'\x01\x00\x00'))
t('length slow', lambda: R(array.array, 'h', 9, b'\x01\x00\x00'))
t('empty', lambda: R(array.array, 'q', 13, b''))
t('code 22', lambda: R(array.array, 'i', 22, b''))
t('code -1', lambda: R(array.array, 'i', -1, b''))
t('typecode', lambda: R(array.array, 'x', 8, b''))
t('typecode w', lambda: R(array.array, 'w', 8, b''))
t('typecode int', lambda: R(array.array, 1, 8, b''))
t('typecode long', lambda: R(array.array, 'ii', 8, b''))
t('code str', lambda: R(array.array, 'i', '8', b''))
t('not a type', lambda: R(1, 'i', 8, b''))
t('not a subtype', lambda: R(list, 'i', 8, b''))
t('items str', lambda: R(array.array, 'i', 8, 'abcd'))
t('items bytearray', lambda: R(array.array, 'i', 8, bytearray(4)))
t('three args', lambda: R(array.array, 'i', 8))
t('keywords', lambda: R(array.array, 'i', 8, items=b''))

class Sub(array.array):
    def __init__(self, *args):
        print('Sub.__init__ called')

t('subclass', lambda: R(Sub, 'i', 13, b'\x00' * 7 + b'\x05'))
t('subclass native', lambda: type(R(Sub, 'i', 8, b'\x05\x00\x00\x00')).__name__)
