# binascii.b2a_uu / a2b_uu: line encoding with the length character, the backtick variant,
# lenient decoding of stripped lines, and the Error messages.
import binascii

for n in (0, 1, 2, 3, 4, 10, 45):
    data = bytes(range(n))
    line = binascii.b2a_uu(data)
    print(n, line, binascii.b2a_uu(data, backtick=True))
    print('  ', binascii.a2b_uu(line) == data, binascii.a2b_uu(binascii.b2a_uu(data, backtick=True)) == data)
print(binascii.a2b_uu(b''), binascii.a2b_uu(b' '), binascii.a2b_uu('#86)C\n'))
print(binascii.a2b_uu(b'#86)C'), binascii.a2b_uu(b'$86)C'), binascii.a2b_uu(b'#86)C    \n'))
print(binascii.a2b_uu(b'#86)C``\r\n'))

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except binascii.Error as e:
        print('Error', e)
    except Exception as e:
        print(type(e).__name__, e)

attempt(binascii.b2a_uu, b'x' * 46)
attempt(binascii.a2b_uu, b'#8\x016)C')
attempt(binascii.a2b_uu, b'!86)Cxyz')
attempt(binascii.a2b_uu, b'#86)C!')
attempt(binascii.a2b_uu, '\xe9')
attempt(binascii.b2a_uu, 'abc')
attempt(binascii.b2a_uu, b'abc', True)
