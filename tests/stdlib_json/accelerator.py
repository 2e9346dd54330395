# json uses the _json accelerator as CPython does: the C scanner, scanstring and encoder exist and
# are the ones json.scanner / json.decoder / json.encoder pick; the pure-Python fallbacks stay.
import json
import json.decoder
import json.encoder
import json.scanner
import _json

print('c_make_scanner is not None', json.scanner.c_make_scanner is not None)
print('c_scanstring is not None', json.decoder.c_scanstring is not None)
print('c_make_encoder is not None', json.encoder.c_make_encoder is not None)
print('c_encode_basestring_ascii is not None', json.encoder.c_encode_basestring_ascii is not None)
print('c_encode_basestring is not None', json.encoder.c_encode_basestring is not None)
print(json.scanner.make_scanner is _json.make_scanner, json.decoder.scanstring is _json.scanstring)
print(json.encoder.encode_basestring_ascii is _json.encode_basestring_ascii)
print(_json.make_scanner.__name__, _json.make_encoder.__name__, _json.make_scanner.__module__)
print(callable(json.scanner.py_make_scanner), callable(json.decoder.py_scanstring))
print(callable(json.encoder.py_encode_basestring_ascii), callable(json.encoder.py_encode_basestring))

# The decoder's scan_once is the C scanner, configured from the decoder.
d = json.JSONDecoder(strict=False, parse_float=str)
print(type(d.scan_once).__name__, d.scan_once.strict, d.scan_once.parse_float is str)
print(d.scan_once.object_hook, d.scan_once.object_pairs_hook, d.scan_once.parse_int is int)
print(d.scan_once('[1.5, "a"] tail', 0), d.scan_once('xx"s"', 2))
try:
    d.scan_once.strict = True
except AttributeError as e:
    print('AttributeError', e)

# The pure-Python fallbacks agree with the accelerated versions.
for s in ['"abc"', '"a\\u00e9\\ud83d\\ude00\\n"', '"\\"\\\\\\/\\b\\f\\r\\t"']:
    print(json.decoder.py_scanstring(s, 1) == _json.scanstring(s, 1), _json.scanstring(s, 1))
for s in ['plain', 'quote " \\ \x00\x1f\x7f é \u20ac \U0001f600']:
    print(json.encoder.py_encode_basestring_ascii(s) == _json.encode_basestring_ascii(s),
          _json.encode_basestring_ascii(s))
    print(json.encoder.py_encode_basestring(s) == _json.encode_basestring(s),
          ascii(_json.encode_basestring(s)))
ctx = json.JSONDecoder(object_pairs_hook=list)
py = json.scanner.py_make_scanner(ctx)
print(py('{"a": [1, 2.5, true, null, -3e2]}', 0))
print(ctx.scan_once('{"a": [1, 2.5, true, null, -3e2]}', 0))
