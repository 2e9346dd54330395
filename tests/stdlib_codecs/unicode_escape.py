# The unicode_escape and raw_unicode_escape codecs: every escape form, their error messages and
# positions, partial input, and the DeprecationWarning for invalid escapes.
import codecs
import warnings

print('a\'"\\\t\n\r\x00\x7f\xe9\u20ac\U0001f600'.encode('unicode_escape'))
print(codecs.unicode_escape_encode('x\u1234'), codecs.raw_unicode_escape_encode('x\\\xe9\u1234\U0001f600'))
for data in [b'plain', b'\\\\ \\\' \\" \\a\\b\\f\\n\\r\\t\\v', b'\\101\\7\\0', b'\\x41\\u20ac\\U0001F600',
             b'line\\\ncontinued', b'\xe9 latin-1 byte', 'str \\x41 input']:
    print(repr(data), repr(codecs.unicode_escape_decode(data)))
for data in [b'\\x4', b'a\\x4g', b'\\', b'\\u12', b'\\U00110000', b'\\N', b'\\N{', b'\\N{}', b'\\Nx']:
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace']:
        try:
            print(repr(data), errors, repr(data.decode('unicode_escape', errors)))
        except UnicodeDecodeError as e:
            print(repr(data), errors, 'UnicodeDecodeError', e)
for data in [b'\\', b'ab\\x4', b'\\N{SN', b'\\u12', b'ab\\']:
    print(repr(data), codecs.unicode_escape_decode(data, 'strict', False))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(codecs.unicode_escape_decode(b'\\q\\w'), codecs.unicode_escape_decode(b'\\777'))
    for warning in w:
        print(warning.category.__name__, warning.message)
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        b'\\d'.decode('unicode_escape')
    except DeprecationWarning as e:
        print('DeprecationWarning', e)
for data in [b'\\u20ac\\U0001F600', b'\\\\u20ac', b'\\x41', b'\xe9\\u00e9', b'\\u12', b'\\U12345678']:
    try:
        print(repr(data), repr(data.decode('raw_unicode_escape')))
    except UnicodeDecodeError as e:
        print(repr(data), 'UnicodeDecodeError', e)
print(codecs.raw_unicode_escape_decode(b'ab\\u12', 'strict', False), codecs.raw_unicode_escape_decode('\\u0041'))
