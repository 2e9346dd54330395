# Charmap codecs (code pages) hand surrogateescape and surrogatepass to the error handlers,
# as CPython does: surrogateescape writes the escaped byte back, surrogatepass refuses.
for s, errs in [('a\udc81b', 'surrogateescape'), ('a\udc81b', 'surrogatepass'), ('a\u20acb\udcff', 'surrogateescape'), ('x\udc41', 'surrogateescape'), ('\u0100', 'surrogateescape'), ('\ud800', 'surrogatepass')]:
    for enc in ('cp1252', 'koi8_r', 'iso8859_15'):
        try:
            print(enc, errs, ascii(s), s.encode(enc, errs))
        except UnicodeEncodeError as e:
            print(enc, errs, ascii(s), type(e).__name__, e)
