# json: JSONDecodeError messages, positions, line/column numbers (CPython's C scanner's)
import json

docs = ['', ' ', '[1,]', '{"a":1,}', '{a:1}', '{"a" 1}', '[1 2]', '"abc', '"a\x01b"', r'"\q"',
        r'"\u12x4"', '1 2', '[', '{', '{"a":', 'tru', '-', '01', '1.', '[1,2', 'nul', '\ufeff1',
        '{"a":1 "b":2}', '"\\', '[\n1,\n]', '  \n  x', '{"a": [1, {"b": }]}']
for s in docs:
    try:
        print(repr(s), json.loads(s))
    except json.JSONDecodeError as e:
        print(repr(s), e, '|', e.msg, e.pos, e.lineno, e.colno)
print(json.loads('"a\x01b"', strict=False))
try:
    json.loads(5)
except TypeError as e:
    print('TypeError', e)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__module__)
json.loads('{"x": 1,\n "y": nope}')
