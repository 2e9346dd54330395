# Without the _json accelerator json falls back to its pure-Python scanner, scanstring and
# encoder (as CPython's package does when _json cannot be imported); round trips still work.
import sys
sys.modules['_json'] = None
import json
import json.decoder
import json.encoder
import json.scanner

print(json.scanner.c_make_scanner, json.decoder.c_scanstring, json.encoder.c_make_encoder)
print(json.scanner.make_scanner is json.scanner.py_make_scanner)
print(json.decoder.scanstring is json.decoder.py_scanstring)
value = {'a': [1, 2.5, None, True, False, 'é\u20ac\U0001f600"\\\n'], 'b': {'c': [], 'd': {}},
         'e': -1e300, 'f': 10 ** 20}
for kw in [{}, {'indent': 2, 'sort_keys': True}, {'ensure_ascii': False, 'separators': (',', ':')}]:
    text = json.dumps(value, **kw)
    print(text)
    print(json.loads(text) == value)
print(json.loads('{"a": 1.5, "b": [NaN]}', parse_float=str, parse_constant=repr))
for doc in ['[1,]', '{"a" 1}', '"abc', '[1 2]', '']:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(e)
