# The built-in error handlers as functions (codecs.lookup_error / codecs.*_errors): their
# results for encode, decode and translate errors, and the TypeErrors.
import codecs

enc = UnicodeEncodeError('ascii', 'a\xe9\u20ac\U0001f600b', 1, 4, 'bad')
dec = UnicodeDecodeError('utf-8', b'a\xff\xfe\x41', 1, 3, 'bad')
tr = UnicodeTranslateError('a\xe9\u20acb', 1, 3, 'bad')
for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
             'surrogateescape', 'surrogatepass']:
    handler = codecs.lookup_error(name)
    print(name, handler is codecs.lookup_error(name), handler.__name__)
    for exc in (enc, dec, tr):
        try:
            print('   ', type(exc).__name__, repr(handler(exc)))
        except Exception as e:
            print('   ', type(exc).__name__, '->', type(e).__name__, e)
print(codecs.strict_errors is codecs.lookup_error('strict'), codecs.replace_errors(enc))
se = codecs.lookup_error('surrogateescape')
print(se(UnicodeEncodeError('utf-8', 'a\udcff\udc80', 1, 3, 'x')))
print(se(UnicodeDecodeError('utf-8', b'a\xff\xfe\xfd\xfc\xfb', 1, 6, 'x')))
sp = codecs.lookup_error('surrogatepass')
for encoding in ['utf-8', 'utf-16-le', 'utf-16-be', 'utf_32', 'UTF-32BE']:
    print(encoding, sp(UnicodeEncodeError(encoding, 'a\ud800\udfff', 1, 3, 'x')))
print(sp(UnicodeDecodeError('utf-8', b'a\xed\xb2\x80', 1, 2, 'x')))
print(sp(UnicodeDecodeError('utf-16-le', b'a\x00\x80\xdc', 2, 3, 'x')))
for args in [(1,), (ValueError('q'),), ()]:
    try:
        codecs.strict_errors(*args)
    except Exception as e:
        print(type(e).__name__, e)
for f in (codecs.ignore_errors, codecs.replace_errors, codecs.backslashreplace_errors):
    try:
        f('not an exception')
    except TypeError as e:
        print('TypeError', e)
for exc in (dec, tr):
    try:
        codecs.xmlcharrefreplace_errors(exc)
    except TypeError as e:
        print('TypeError', e)
try:
    sp(UnicodeEncodeError('latin-1', 'a\ud800', 1, 2, 'x'))
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
try:
    sp(UnicodeEncodeError('utf-8', 'ab', 1, 2, 'x'))
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
# Decoders hand the handlers they do not implement themselves to the callables.
for data, enc, errors in [(b'\xff', 'utf-8', 'xmlcharrefreplace'), (b'\xff', 'ascii', 'surrogatepass'),
                          (b'\xff\xd8', 'utf-16-le', 'xmlcharrefreplace'), (b'a\xffb', 'utf-8', 'surrogatepass')]:
    try:
        print(repr(data.decode(enc, errors)))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, '__notes__', None))
