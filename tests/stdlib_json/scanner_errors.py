# The C scanner's error messages and positions (JSONDecodeError, StopIteration, TypeError,
# ValueError), through json.loads and the _json functions called directly.
import json
import json.decoder
import _json

docs = ['', ' ', '[', '{', '[1,]', '{"a":1,}', '[1 2]', '{"a" 1}', '{"a":1 "b":2}', '{1:2}',
        '"abc', '"\\x"', '"\\u12"', '"\\u12', '"\\u12x4"', '"\\ud800\\u12"', '"\\ud800\\uzzzz"',
        '"a\nb"', '"a\x00"', '"\\', 'nul', 'tru', 'fals', 'NaNx', '-', '-x', '+1', '01', '1.',
        '.5', '1e', '1e+', '1E5x', '[1]x', '{"a": [1, {"b": }]}', '\n\n  [1,\n  ,2]', '[-]',
        '{"a":', '{"a"', '["a", "b"', '[1, 2', '-Infinityx', 'Infinit', '"\ud800', 'é',
        '[\u20ac]', '"\U0001f600\x01"']
for doc in docs:
    try:
        print(repr(doc), 'ok', json.loads(doc))
    except json.JSONDecodeError as e:
        print(repr(doc), 'JSONDecodeError', e, (e.msg, e.pos, e.lineno, e.colno))
# strict=False lets control characters through
print(json.loads('"a\nb\x00\x1f"', strict=False) == 'a\nb\x00\x1f')
print(json.loads('{"k\t": "v\r"}', strict=False))
# scanstring called directly
for args in [('"abc"', 1), ('abc"', 0), ('"abc"', 5), ('x', 1)]:
    try:
        print(args, _json.scanstring(*args))
    except (json.JSONDecodeError, ValueError) as e:
        print(args, type(e).__name__, e)
for args in [('"abc"', 6), ('"abc"', -1), (b'"abc"', 1), ('"abc"', 1.0), ('"abc"',)]:
    try:
        print(_json.scanstring(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(_json.scanstring('"a\tb"', 1, False), _json.scanstring('"a\\tb" x', 1, True))
# the scanner called directly: StopIteration(idx) when no value starts at idx
scan = json.decoder.JSONDecoder().scan_once
for args in [('[1]', 3), ('[1]', 1), ('  ', 0), ('x', 0), ('[1]', 99)]:
    try:
        print(args, scan(*args))
    except StopIteration as e:
        print(args, 'StopIteration', e.value)
for args in [('[1]', -1), (b'[1]', 0), ([], 0), ('1', '0')]:
    try:
        print(scan(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    json.loads('[1, 2', cls=None)
except ValueError as e:
    print(type(e).__name__, isinstance(e, ValueError), e)
try:
    json.decoder.JSONDecoder().raw_decode('[1] x', 4)
except json.JSONDecodeError as e:
    print('raw_decode', e)
print(json.decoder.JSONDecoder().raw_decode('xx[1, 2] yy', 2))
try:
    _json.make_scanner(object())
except AttributeError as e:
    print('AttributeError', e)
