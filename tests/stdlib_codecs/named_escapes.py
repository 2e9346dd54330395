# \N{name} escapes of unicode_escape and the namereplace error handler use the Unicode name
# database (case-insensitive names, aliases; unknown names are errors).
import codecs
for d in [b'\\N{SNAKE}', b'\\N{snake}x', b'\\N{LATIN SMALL LETTER A}', b'\\N{foo}', b'\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}', b'\\N{EM SPACE}\\N{BYTE ORDER MARK}', b'\\N{\xe9}']:
    for errors in ['strict', 'replace']:
        try: print(d, errors, ascii(d.decode('unicode_escape', errors)))
        except UnicodeDecodeError as e: print(d, errors, 'UnicodeDecodeError', e)
print('\u20ac\U0001f40d'.encode('ascii', 'namereplace'), '\U000e0000\x80'.encode('latin-1', 'namereplace'))
