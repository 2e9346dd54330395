# codecs.lookup: names, aliases and normalisation, the CodecInfo fields, the cache, the errors.
import codecs

for name in ['utf-8', 'UTF8', 'utf_8', 'U8', 'latin_1', 'L1', 'iso-8859-1', 'Latin-1', 'ascii',
             'US-ASCII', '646', 'cp1252', 'windows-1252', 'utf-16', 'UTF-16LE', 'utf_32_be',
             'utf-8-sig', 'utf8-sig', 'hex', 'base64', 'base_64', 'rot13', 'rot-13', 'zlib', 'zip',
             'quopri', 'uu', 'unicode_escape', 'raw-unicode-escape', 'koi8-r', 'cp437', 'IBM437',
             'iso8859-15', 'latin9', 'mac-roman', 'macroman', '  UTF--8  ', 'utf.8']:
    try:
        info = codecs.lookup(name)
        print(repr(name), info.name, type(info).__name__, len(info))
    except LookupError as e:
        print(repr(name), 'LookupError', e)

info = codecs.lookup('utf-8')
print(info is codecs.lookup('UTF-8'), isinstance(info, tuple))
print(info[0] is info.encode, info[1] is info.decode, info[2] is info.streamreader, info[3] is info.streamwriter)
print(info.incrementalencoder.__name__, info.incrementaldecoder.__name__)
print(repr(info).startswith('<codecs.CodecInfo object for encoding utf-8 at 0x'))
print(codecs.lookup('hex')._is_text_encoding, codecs.lookup('utf-8')._is_text_encoding)
print(codecs.getencoder('latin-1')('\xe9'), codecs.getdecoder('ascii')(b'ab'))
print(codecs.getincrementalencoder('utf-8').__module__, codecs.getincrementaldecoder('cp1252')().decode(b'\x80'))
print(codecs.getreader('utf-8').__module__, codecs.getwriter('utf-16').__module__)
for bad in [123, None, b'utf-8']:
    try:
        codecs.lookup(bad)
    except TypeError as e:
        print('TypeError', e)
for bad in ['nope', 'utf-9', '', 'a\x00b']:
    try:
        codecs.lookup(bad)
    except (LookupError, ValueError) as e:
        print(type(e).__name__, e)
try:
    codecs.getencoder('nope')
except LookupError as e:
    print('LookupError', e)
